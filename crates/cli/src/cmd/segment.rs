//! `dyad segment`: one JSON line per sentence, for debugging and tests.

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use anyhow::Result;
use serde::Serialize;

use crate::input::{for_each_document, InputArgs};

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
}

#[derive(Serialize)]
struct Line<'a> {
    doc: &'a str,
    sentence: usize,
    start: usize,
    end: usize,
    text: &'a str,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let tally = for_each_document(&args.input, |doc| {
        let seg = dyad_segment::segment(&doc.text);
        for (index, s) in seg.sentences.iter().enumerate() {
            let line = Line {
                doc: &doc.id,
                sentence: index,
                start: s.span.start as usize,
                end: s.span.end as usize,
                text: s.span.slice(&doc.text),
            };
            serde_json::to_writer(&mut out, &line)?;
            out.write_all(b"\n")?;
        }
        Ok(())
    })?;
    out.flush()?;
    Ok(if tally.errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
