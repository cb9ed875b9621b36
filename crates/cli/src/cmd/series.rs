//! `dyad series SRC TGT`: a directed dyadic time series (events per
//! QuadClass, Goldstein sum and mean per period).

use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use dyad_store::{Period, SeriesQuery};

use crate::cmd::events::open_existing;

#[derive(clap::Args)]
pub struct Args {
    /// Source actor code or prefix.
    source: String,
    /// Target actor code or prefix.
    target: String,
    #[arg(long, default_value = "dyad.db")]
    db: PathBuf,
    /// Period length (weeks start on Monday and are named by it).
    #[arg(long, value_parser = ["day", "week", "month", "year"], default_value = "month")]
    by: String,
    /// Count events in both directions.
    #[arg(long)]
    both: bool,
    #[arg(long)]
    since: Option<String>,
    #[arg(long)]
    until: Option<String>,
    #[arg(long, value_parser = ["table", "jsonl", "csv"], default_value = "table")]
    format: String,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let store = open_existing(&args.db)?;
    let by = match args.by.as_str() {
        "day" => Period::Day,
        "week" => Period::Week,
        "year" => Period::Year,
        _ => Period::Month,
    };
    let rows = store.series(&SeriesQuery {
        source: args.source,
        target: args.target,
        by,
        both: args.both,
        since: args.since,
        until: args.until,
    })?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match args.format.as_str() {
        "jsonl" => {
            for r in &rows {
                serde_json::to_writer(&mut out, r)?;
                out.write_all(b"\n")?;
            }
        }
        "csv" => {
            let mut w = csv::Writer::from_writer(&mut out);
            for r in &rows {
                w.serialize(r)?;
            }
            w.flush()?;
        }
        _ => {
            writeln!(
                out,
                "{:10}  {:>6}  {:>5}  {:>5}  {:>5}  {:>5}  {:>9}  {:>6}",
                "period", "events", "q1", "q2", "q3", "q4", "goldstein", "mean"
            )?;
            for r in &rows {
                writeln!(
                    out,
                    "{:10}  {:>6}  {:>5}  {:>5}  {:>5}  {:>5}  {:>9.1}  {:>6}",
                    r.period,
                    r.events,
                    r.quad1,
                    r.quad2,
                    r.quad3,
                    r.quad4,
                    r.goldstein_sum,
                    r.goldstein_mean.map(|m| format!("{m:.2}")).unwrap_or_default()
                )?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
