//! `dyad dict`: check dictionaries and look phrases up in them.

use std::process::ExitCode;
use std::time::Instant;

use anyhow::{bail, Result};
use clap::Subcommand;
use dyad_dict::{Dictionaries, Severity};

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: DictCommand,
}

#[derive(Subcommand)]
enum DictCommand {
    /// Load dictionaries, print counts per kind, and lint them. Exit status 1
    /// on errors, 0 with warnings.
    Check {
        /// Dictionary files (kind guessed from the name: verbs, actors, agents,
        /// discards, issues, .options); none: the built-in dictionaries.
        files: Vec<String>,
        /// Print every warning (by default the first 50).
        #[arg(long)]
        all: bool,
    },
    /// What a phrase matches and which codes it gets on a date.
    Lookup {
        /// A dictionary file; repeat the option (or separate files with
        /// commas) for several. Default: the built-in dictionaries.
        #[arg(long = "dict", value_delimiter = ',')]
        dict: Vec<String>,
        /// The date codes are resolved for (YYYY-MM-DD).
        #[arg(long)]
        date: Option<String>,
        /// The phrase to look up.
        phrase: String,
    },
}

/// The dictionaries a command codes with: the built-in set, or `replace`
/// instead of it, plus `add`.
pub fn load_selection(replace: &[String], add: &[String]) -> Result<Dictionaries> {
    let mut d = Dictionaries::new();
    if replace.is_empty() {
        d.add_builtin();
    } else {
        for f in replace {
            d.load(f, None, None)?;
        }
    }
    for f in add {
        d.load(f, None, None)?;
    }
    d.finish();
    Ok(d)
}

pub fn run(args: Args) -> Result<ExitCode> {
    match args.command {
        DictCommand::Check { files, all } => {
            let start = Instant::now();
            let d = load_selection(&files, &[])?;
            let compiled = d.compile();
            let elapsed = start.elapsed();
            let ontology = dyad_dict::Ontology::builtin();
            let codes = ontology.codes();
            let mut diagnostics = d.diagnostics.clone();
            diagnostics.extend(d.lint(Some(&codes)));
            for (name, n) in d.counts() {
                if n > 0 {
                    println!("{name:>16}: {n}");
                }
            }
            let errors = diagnostics.iter().filter(|x| x.severity == Severity::Error).count();
            let warnings = diagnostics.len() - errors;
            let shown = if all { diagnostics.len() } else { 50 };
            for x in diagnostics.iter().take(shown) {
                eprintln!("{x}");
            }
            if diagnostics.len() > shown {
                eprintln!("... {} more (use --all)", diagnostics.len() - shown);
            }
            println!(
                "{} files loaded and compiled in {:.3} s ({} trie nodes); {errors} errors, {warnings} warnings",
                d.files.len(),
                elapsed.as_secs_f64(),
                compiled.actors.len() + compiled.agents.len() + compiled.verbs.len()
            );
            Ok(if errors > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        DictCommand::Lookup { dict, date, phrase } => {
            let date = match date {
                Some(s) => match dyad_doc::parse_date(&s) {
                    Some(d) => Some(d),
                    None => bail!("--date {s:?} is not a date (expected YYYY-MM-DD)"),
                },
                None => None,
            };
            let d = load_selection(&dict, &[])?;
            let c = d.compile();
            let hits = c.lookup(&d, &phrase, date);
            if hits.is_empty() {
                println!("no match for {phrase:?}");
                return Ok(ExitCode::from(1));
            }
            for h in hits {
                println!("{}\t{} word(s)\t{}\t{}\t{}", h.kind, h.words, h.code, h.entry, h.loc);
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}
