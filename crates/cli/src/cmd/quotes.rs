//! `dyad quotes`: stored quotations by speaker (name or actor code) and words.

use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use dyad_store::QuoteFilter;

use crate::cmd::events::{cell, open_existing};

#[derive(clap::Args)]
pub struct Args {
    #[arg(long, default_value = "dyad.db")]
    db: PathBuf,
    /// Part of the speaker's name, or an actor code (prefix).
    #[arg(long)]
    speaker: Option<String>,
    /// Words that must all occur in the quotation.
    #[arg(long)]
    text: Option<String>,
    #[arg(long)]
    limit: Option<usize>,
    #[arg(long, value_parser = ["table", "jsonl"], default_value = "table")]
    format: String,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let store = open_existing(&args.db)?;
    let quotes = store.quotes(&QuoteFilter {
        speaker: args.speaker,
        text: args.text,
        limit: args.limit,
    })?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for q in &quotes {
        if args.format == "jsonl" {
            #[derive(serde::Serialize)]
            struct Line<'a> {
                kind: &'static str,
                #[serde(flatten)]
                quote: &'a dyad_store::StoredQuote,
            }
            serde_json::to_writer(
                &mut out,
                &Line {
                    kind: "quote",
                    quote: q,
                },
            )?;
            out.write_all(b"\n")?;
        } else {
            let speaker = q.record.speaker.as_ref();
            writeln!(
                out,
                "{:>6}  {:16}  {:24}  {:10}  {}",
                q.id,
                cell(&q.record.doc, 16),
                cell(
                    &speaker
                        .map(|s| match &s.code {
                            Some(c) => format!("{} ({c})", s.name),
                            None => s.name.clone(),
                        })
                        .unwrap_or_else(|| "?".into()),
                    24
                ),
                cell(q.record.cue.as_deref().unwrap_or(""), 10),
                cell(&q.record.text, 80)
            )?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
