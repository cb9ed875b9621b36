//! `dyad events`: select stored events by actor, code, period and words.

use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use dyad_store::{EventFilter, Store};

/// The event filters shared by `dyad events` and `dyad export`.
#[derive(clap::Args, Clone, Debug)]
pub struct FilterArgs {
    /// The database file.
    #[arg(long, default_value = "dyad.db")]
    pub db: PathBuf,
    /// Source or target actor code (or its prefix: RUS matches RUSGOV).
    #[arg(long)]
    pub actor: Option<String>,
    /// Source actor code or prefix.
    #[arg(long)]
    pub source: Option<String>,
    /// Target actor code or prefix.
    #[arg(long)]
    pub target: Option<String>,
    /// Country (three letters) of the source, the target or the place.
    #[arg(long, value_name = "ISO3")]
    pub country: Option<String>,
    /// CAMEO code or prefix (04 matches 040..046).
    #[arg(long)]
    pub code: Option<String>,
    /// QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=4))]
    pub quad: Option<u8>,
    /// First date (YYYY-MM-DD), inclusive.
    #[arg(long)]
    pub since: Option<String>,
    /// Last date (YYYY-MM-DD), inclusive.
    #[arg(long)]
    pub until: Option<String>,
    /// Words that must all occur in a document reporting the event.
    #[arg(long)]
    pub text: Option<String>,
    /// At most this many events.
    #[arg(long)]
    pub limit: Option<usize>,
}

impl FilterArgs {
    pub fn filter(&self) -> EventFilter {
        EventFilter {
            actor: self.actor.clone(),
            source: self.source.clone(),
            target: self.target.clone(),
            country: self.country.clone(),
            code: self.code.clone(),
            quad: self.quad,
            since: self.since.clone(),
            until: self.until.clone(),
            text: self.text.clone(),
            limit: self.limit,
        }
    }

    /// Open the database, refusing to create one that does not exist.
    pub fn open(&self) -> Result<Store> {
        open_existing(&self.db)
    }
}

/// Open an existing database (queries never create one).
pub fn open_existing(path: &std::path::Path) -> Result<Store> {
    if !path.exists() {
        anyhow::bail!("no database at {} (create one with `dyad ingest`)", path.display());
    }
    Store::open(path).with_context(|| format!("cannot open {}", path.display()))
}

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    filter: FilterArgs,
    #[arg(long, value_parser = ["table", "jsonl", "csv"], default_value = "table")]
    format: String,
}

/// A field for a fixed-width table: cut to `width` characters.
pub fn cell(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(width.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

pub fn run(args: Args) -> Result<ExitCode> {
    let store = args.filter.open()?;
    let filter = args.filter.filter();
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match args.format.as_str() {
        "jsonl" => dyad_store::export(
            &store,
            &filter,
            &dyad_store::ExportOptions {
                format: dyad_store::ExportFormat::Jsonl,
                header: true,
            },
            &mut out,
        )
        .map(|_| ())?,
        "csv" => dyad_store::export(
            &store,
            &filter,
            &dyad_store::ExportOptions {
                format: dyad_store::ExportFormat::Csv,
                header: true,
            },
            &mut out,
        )
        .map(|_| ())?,
        _ => {
            writeln!(
                out,
                "{:>8}  {:10}  {:12}  {:12}  {:5}  {:1}  {:>6}  {:>4}  text",
                "id", "date", "source", "target", "cameo", "q", "gold", "rep"
            )?;
            store.for_each_event(&filter, |e| {
                let r = &e.record;
                writeln!(
                    out,
                    "{:>8}  {:10}  {:12}  {:12}  {:5}  {:1}  {:>6}  {:>4}  {}",
                    e.id,
                    r.date.as_deref().unwrap_or("-"),
                    cell(&r.source.code, 12),
                    cell(&r.target.code, 12),
                    r.cameo,
                    r.quad_class.map(|q| q.to_string()).unwrap_or_default(),
                    r.goldstein.map(|g| format!("{g:.1}")).unwrap_or_default(),
                    e.num_mentions,
                    cell(r.text.trim(), 70)
                )?;
                Ok(())
            })?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
