//! `dyad export`: the selected events in JSON lines, CSV, GDELT 2.0 (TSV),
//! Phoenix (TSV) or PLOVER (JSON lines), to a file or standard output.

use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use dyad_store::{ExportFormat, ExportOptions};

use crate::cmd::events::FilterArgs;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    filter: FilterArgs,
    /// The layout.
    #[arg(long, value_parser = ["jsonl", "csv", "gdelt", "phoenix", "plover"])]
    format: String,
    /// Write here instead of standard output.
    #[arg(short = 'o', long = "output")]
    output: Option<PathBuf>,
    /// Leave out the header row of csv, gdelt and phoenix (GDELT's own files have none).
    #[arg(long)]
    no_header: bool,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let store = args.filter.open()?;
    let format: ExportFormat = args.format.parse()?;
    let options = ExportOptions {
        format,
        header: !args.no_header,
    };
    let out: Box<dyn Write> = match &args.output {
        Some(path) => {
            Box::new(std::fs::File::create(path).with_context(|| format!("cannot create {}", path.display()))?)
        }
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = BufWriter::new(out);
    let n = dyad_store::export(&store, &args.filter.filter(), &options, &mut out)?;
    out.flush()?;
    if let Some(path) = &args.output {
        eprintln!("export: {n} events written to {}", path.display());
    }
    Ok(ExitCode::SUCCESS)
}
