//! `dyad show DOC_ID`: one stored document with its events and quotations,
//! as JSON lines (the document record, then events with their stored ids
//! and counts, then quotes) or as readable text.

use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use dyad_doc::records::Record;

use crate::cmd::events::open_existing;

#[derive(clap::Args)]
pub struct Args {
    /// The document id.
    doc: String,
    #[arg(long, default_value = "dyad.db")]
    db: PathBuf,
    #[arg(long, value_parser = ["text", "jsonl"], default_value = "text")]
    format: String,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let store = open_existing(&args.db)?;
    let Some((doc, text, events, quotes)) = store.document(&args.doc)? else {
        eprintln!("dyad: no document {} in {}", args.doc, args.db.display());
        return Ok(ExitCode::from(1));
    };
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if args.format == "jsonl" {
        serde_json::to_writer(&mut out, &Record::Document(doc))?;
        out.write_all(b"\n")?;
        for e in &events {
            out.write_all(dyad_store::event_json(e)?.as_bytes())?;
            out.write_all(b"\n")?;
        }
        for q in &quotes {
            let mut v = serde_json::to_value(q)?;
            v["kind"] = "quote".into();
            serde_json::to_writer(&mut out, &v)?;
            out.write_all(b"\n")?;
        }
    } else {
        writeln!(out, "document {}", doc.doc)?;
        for (label, value) in [
            ("title", &doc.title),
            ("published", &doc.published),
            ("source", &doc.source),
            ("url", &doc.url),
            ("dateline", &doc.dateline),
        ] {
            if let Some(v) = value {
                writeln!(out, "  {label}: {v}")?;
            }
        }
        if !doc.agencies.is_empty() {
            writeln!(out, "  agencies: {}", doc.agencies.join(", "))?;
        }
        writeln!(out, "\n{}\n", text.trim_end())?;
        writeln!(out, "events ({}):", events.len())?;
        for e in &events {
            let r = &e.record;
            writeln!(
                out,
                "  #{} sentence {}: {} -[{} {}]-> {}  date {}  reports {} from {} sources",
                e.id,
                r.sentence,
                r.source.code,
                r.cameo,
                r.cameo_name.as_deref().unwrap_or(""),
                r.target.code,
                r.date.as_deref().unwrap_or("-"),
                e.num_mentions,
                e.num_sources
            )?;
        }
        writeln!(out, "quotes ({}):", quotes.len())?;
        for q in &quotes {
            let who = q.record.speaker.as_ref().map(|s| s.name.as_str()).unwrap_or("?");
            writeln!(out, "  {who}: \"{}\"", q.record.text)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
