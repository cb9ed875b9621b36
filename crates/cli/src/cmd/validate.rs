//! `dyad validate`: run a PETRARCH validation XML or a TABARI `.project`
//! suite and score it.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;

#[derive(clap::Args)]
pub struct Args {
    /// A PETRARCH validation XML file or a TABARI .project file.
    suite: PathBuf,
    /// Also print passing records.
    #[arg(long)]
    verbose: bool,
    /// Print the dictionary warnings met while loading the suite's files.
    #[arg(long)]
    warnings: bool,
}

fn show(set: &std::collections::BTreeSet<String>) -> String {
    if set.is_empty() {
        "{}".to_string()
    } else {
        format!("{{{}}}", set.iter().cloned().collect::<Vec<_>>().join("; "))
    }
}

pub fn run(args: Args) -> Result<ExitCode> {
    let report = dyad_code::validate::run(&args.suite)?;
    if args.warnings {
        for d in &report.diagnostics {
            eprintln!("{d}");
        }
    }
    for r in &report.records {
        if !r.passed || args.verbose {
            println!(
                "{} {}: expected {} got {} | {}",
                if r.passed { "PASS" } else { "FAIL" },
                r.id,
                show(&r.expected),
                show(&r.got),
                r.text
            );
        }
    }
    println!("{} passed, {} failed", report.passed(), report.failed());
    Ok(ExitCode::SUCCESS)
}
