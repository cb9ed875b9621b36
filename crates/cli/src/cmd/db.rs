//! `dyad db`: information about an event database, and (hidden) a
//! generator of synthetic databases for measuring queries at scale.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use dyad_store::{Store, SynthOptions};

use crate::cmd::events::open_existing;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: DbCommand,
}

#[derive(clap::Subcommand)]
enum DbCommand {
    /// Counts (documents, events, mentions, quotes) and the schema version.
    Info {
        #[arg(long, default_value = "dyad.db")]
        db: PathBuf,
        #[arg(long, value_parser = ["text", "json"], default_value = "text")]
        format: String,
    },
    /// Fill a database with synthetic events (for measuring queries).
    #[command(hide = true)]
    Synth {
        #[arg(long, default_value = "dyad.db")]
        db: PathBuf,
        /// Stop at this many events.
        #[arg(long, default_value_t = 1_000_000)]
        events: u64,
        #[arg(long, default_value_t = 7)]
        seed: u64,
    },
}

pub fn run(args: Args) -> Result<ExitCode> {
    match args.command {
        DbCommand::Info { db, format } => {
            let store = open_existing(&db)?;
            let info = store.info()?;
            if format == "json" {
                println!("{}", serde_json::to_string(&info)?);
            } else {
                println!("database        {}", db.display());
                println!("schema version  {}", info.schema_version);
                println!("documents       {}", info.documents);
                println!("events          {}", info.events);
                println!("mentions        {}", info.mentions);
                println!("quotes          {}", info.quotes);
                println!("annotations     {}", info.annotations);
                println!("dedup           {}", info.dedup.as_deref().unwrap_or("-"));
                println!(
                    "dates           {} .. {}",
                    info.first_date.as_deref().unwrap_or("-"),
                    info.last_date.as_deref().unwrap_or("-")
                );
                println!("size            {:.1} MB", info.bytes as f64 / 1e6);
            }
        }
        DbCommand::Synth { db, events, seed } => {
            let mut store = Store::open(&db).with_context(|| format!("cannot open {}", db.display()))?;
            let started = Instant::now();
            let tty = std::io::stderr().is_terminal();
            let options = SynthOptions {
                events,
                seed,
                ..SynthOptions::default()
            };
            let (docs, mentions) = dyad_store::synthesize(&mut store, &options, |n| {
                if tty {
                    eprint!("\r{n} events");
                }
            })?;
            let info = store.info()?;
            eprintln!(
                "{}synth: {docs} documents, {mentions} mentions, {} events in {:.1} s; {:.1} MB",
                if tty { "\n" } else { "" },
                info.events,
                started.elapsed().as_secs_f64(),
                info.bytes as f64 / 1e6
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
