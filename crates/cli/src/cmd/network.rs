//! `dyad network`: the directed actor-country edge list (events, mean
//! Goldstein, reports per edge).

use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use dyad_store::{NetworkLevel, NetworkQuery};

use crate::cmd::events::open_existing;

#[derive(clap::Args)]
pub struct Args {
    #[arg(long, default_value = "dyad.db")]
    db: PathBuf,
    #[arg(long)]
    since: Option<String>,
    #[arg(long)]
    until: Option<String>,
    /// Leave out edges with fewer events.
    #[arg(long, default_value_t = 1)]
    min: i64,
    /// Nodes: countries (first three letters of the codes) or full actor codes.
    #[arg(long, value_parser = ["country", "actor"], default_value = "country")]
    by: String,
    #[arg(long, value_parser = ["table", "jsonl", "csv"], default_value = "table")]
    format: String,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let store = open_existing(&args.db)?;
    let edges = store.network(&NetworkQuery {
        level: if args.by == "actor" {
            NetworkLevel::Actor
        } else {
            NetworkLevel::Country
        },
        since: args.since,
        until: args.until,
        min: args.min,
    })?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match args.format.as_str() {
        "jsonl" => {
            for e in &edges {
                serde_json::to_writer(&mut out, e)?;
                out.write_all(b"\n")?;
            }
        }
        "csv" => {
            let mut w = csv::Writer::from_writer(&mut out);
            for e in &edges {
                w.serialize(e)?;
            }
            w.flush()?;
        }
        _ => {
            writeln!(
                out,
                "{:12}  {:12}  {:>7}  {:>6}  {:>8}",
                "source", "target", "events", "mean", "reports"
            )?;
            for e in &edges {
                writeln!(
                    out,
                    "{:12}  {:12}  {:>7}  {:>6}  {:>8}",
                    e.source,
                    e.target,
                    e.events,
                    e.goldstein_mean.map(|m| format!("{m:.2}")).unwrap_or_default(),
                    e.mentions
                )?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
