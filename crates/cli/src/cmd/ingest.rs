//! `dyad ingest`: code documents and store them in the event database.
//!
//! Documents are read in input order, coded in parallel (rayon) in batches,
//! and handed to one writer thread that commits each batch in a single
//! transaction (WAL). Documents already stored are skipped before coding, so
//! re-running an interrupted ingest only codes what is missing.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use anyhow::{Context, Result};
use dyad_doc::Document;
use dyad_pipeline::{Output, Pipeline};
use dyad_store::{Dedup, Report, Store};
use rayon::prelude::*;

use crate::cmd::code::DictArgs;
use crate::input::{for_each_document, InputArgs};

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    dicts: DictArgs,
    /// The database file (created when missing).
    #[arg(long, default_value = "dyad.db")]
    db: PathBuf,
    /// Merge reports of one event (same date, source, target, code and
    /// place) into one event with many mentions, or keep every report.
    #[arg(long, value_parser = ["day", "none"], default_value = "day")]
    dedup: String,
    /// With --dedup day: reports up to this many days apart are one event.
    #[arg(long, default_value_t = 0, value_name = "DAYS")]
    window: u32,
    /// Threads for coding documents (default: all cores).
    #[arg(long)]
    jobs: Option<usize>,
    /// Documents per transaction.
    #[arg(long, default_value_t = 256)]
    batch: usize,
    /// Print `committed ID...` on standard output after every commit.
    #[arg(long, hide = true)]
    report_commits: bool,
}

/// A coded batch on its way to the writer, with the coding failures.
struct Coded {
    reports: Vec<Report>,
    errors: Vec<(String, String)>,
}

#[derive(Default)]
struct Totals {
    documents: usize,
    skipped: usize,
    events: usize,
    new_events: usize,
    quotes: usize,
    errors: usize,
}

fn code_one(pipeline: &Pipeline, doc: &Document) -> Result<Report, String> {
    let records = pipeline
        .process_guarded(doc, Output { mentions: true })
        .ok_or("the coder failed on this document (internal error); it was skipped")?;
    let seg = dyad_segment::segment(&doc.text);
    let spans = seg.sentences.iter().map(|s| s.span.pair()).collect();
    Report::from_records(records, doc.text.clone(), spans).map_err(|e| e.to_string())
}

pub fn run(args: Args) -> Result<ExitCode> {
    let dedup = match args.dedup.as_str() {
        "none" => Dedup::None,
        _ => Dedup::Day { window: args.window },
    };
    let mut store = Store::open(&args.db).with_context(|| format!("cannot open {}", args.db.display()))?;
    store.settle_dedup(dedup)?;
    // A second connection for "already stored?" checks while the writer writes.
    let reader = Store::open(&args.db)?;
    let pipeline = args.dicts.pipeline()?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()?;
    let started = Instant::now();
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    let bar = if std::io::stderr().is_terminal() {
        let bar = indicatif::ProgressBar::new_spinner();
        bar.set_style(
            indicatif::ProgressStyle::with_template("{spinner} {elapsed_precise} {msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        Some(bar)
    } else {
        None
    };
    let report_commits = args.report_commits;
    let (tx, rx) = mpsc::sync_channel::<Coded>(2);
    let writer_bar = bar.clone();
    let writer = std::thread::spawn(move || -> Result<Totals> {
        let mut totals = Totals::default();
        let stdout = std::io::stdout();
        for coded in rx {
            for (doc, e) in &coded.errors {
                eprintln!("dyad: document {doc}: {e}");
            }
            totals.errors += coded.errors.len();
            let outcome = store.write_batch(&coded.reports, dedup, now)?;
            for (doc, e) in &outcome.errors {
                eprintln!("dyad: document {doc}: not stored: {e}");
            }
            totals.errors += outcome.errors.len();
            totals.documents += outcome.stored.len();
            totals.skipped += outcome.skipped;
            totals.events += outcome.mentions;
            totals.new_events += outcome.new_events;
            totals.quotes += outcome.quotes;
            if report_commits && !outcome.stored.is_empty() {
                let mut out = stdout.lock();
                writeln!(out, "committed {}", outcome.stored.join(" "))?;
                out.flush()?;
            }
            if let Some(bar) = &writer_bar {
                bar.set_message(format!(
                    "{} documents, {} events, {} quotes, {} errors",
                    totals.documents, totals.events, totals.quotes, totals.errors
                ));
                bar.tick();
            }
        }
        Ok(totals)
    });

    let mut batch: Vec<Document> = Vec::with_capacity(args.batch);
    let mut skipped_early = 0usize;
    let send = |batch: &mut Vec<Document>| -> Result<()> {
        let results: Vec<Result<Report, String>> =
            pool.install(|| batch.par_iter().map(|d| code_one(&pipeline, d)).collect());
        let mut coded = Coded {
            reports: Vec::with_capacity(results.len()),
            errors: Vec::new(),
        };
        for (doc, r) in batch.iter().zip(results) {
            match r {
                Ok(report) => coded.reports.push(report),
                Err(e) => coded.errors.push((format!("{} ({})", doc.id, doc.origin), e)),
            }
        }
        batch.clear();
        // A closed channel means the writer stopped on an error; it reports it.
        let _ = tx.send(coded);
        Ok(())
    };
    let read = for_each_document(&args.input, |doc| {
        if reader.contains(&doc.id)? {
            skipped_early += 1;
            return Ok(());
        }
        batch.push(doc);
        if batch.len() >= args.batch.max(1) {
            send(&mut batch)?;
        }
        Ok(())
    });
    let flushed = send(&mut batch);
    drop(tx);
    let totals = writer
        .join()
        .map_err(|_| anyhow::anyhow!("the database writer stopped unexpectedly"))??;
    let tally = read?;
    flushed?;
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    let elapsed = started.elapsed().as_secs_f64();
    let errors = totals.errors + tally.errors;
    eprintln!(
        "ingest: {} documents stored, {} already present, {} events ({} new), {} quotes, {} errors in {:.2} s: {:.0} docs/s, {:.0} events/s",
        totals.documents,
        totals.skipped + skipped_early,
        totals.events,
        totals.new_events,
        totals.quotes,
        errors,
        elapsed,
        totals.documents as f64 / elapsed.max(1e-9),
        totals.events as f64 / elapsed.max(1e-9),
    );
    Ok(if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
