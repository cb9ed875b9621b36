//! `dyad code`: documents in, JSON-lines records out (the output contract in
//! the design document): a `document` record, then one `event` record per
//! coded event.

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use anyhow::Result;
use dyad_code::Coder;
use dyad_dict::Dialect;
use serde_json::json;

use crate::input::{for_each_document, InputArgs};

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
    /// Dictionary files to code with (kind guessed from each file name).
    #[arg(long = "dict", value_delimiter = ',', required = true)]
    dict: Vec<String>,
    /// Read the dictionaries as TABARI files (stems) instead of PETRARCH-1.
    #[arg(long)]
    tabari: bool,
    /// Add the evidence of each event: spans and the rule that produced it.
    #[arg(long)]
    explain: bool,
    /// Print the shallow analysis of every sentence to standard error.
    #[arg(long, hide = true)]
    parse: bool,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let dict = crate::cmd::dict::load(&args.dict)?;
    for d in dict
        .diagnostics
        .iter()
        .filter(|d| d.severity == dyad_dict::Severity::Error)
    {
        eprintln!("dyad: {d}");
    }
    let compiled = dict.compile();
    let dialect = if args.tabari {
        Dialect::Tabari
    } else {
        Dialect::Petrarch
    };
    let coder = Coder::new(&dict, &compiled, dialect);
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let tally = for_each_document(&args.input, |doc| {
        let seg = dyad_segment::segment(&doc.text);
        let date = doc.date;
        let record = json!({
            "kind": "document",
            "doc": doc.id,
            "title": doc.title,
            "published": date.map(|d| d.to_string()),
            "url": doc.url,
            "source": doc.source,
            "dateline": seg.datelines.first().map(|s| s.slice(&doc.text)),
        });
        serde_json::to_writer(&mut out, &record)?;
        out.write_all(b"\n")?;
        for (index, s) in seg.sentences.iter().enumerate() {
            if args.parse {
                eprint!("{}", coder.describe(&seg, s, &doc.text, date));
            }
            let coded = coder.code_sentence(&seg, s, &doc.text, date);
            for e in coded.events {
                let root: String = e.code.chars().take(2).collect();
                let mut record = json!({
                    "kind": "event",
                    "doc": doc.id,
                    "sentence": index,
                    "date": date.map(|d| d.to_string()),
                    "source": {"code": e.source.code, "text": e.source.span.map(|sp| sp.slice(&doc.text))},
                    "target": {"code": e.target.code, "text": e.target.span.map(|sp| sp.slice(&doc.text))},
                    "cameo": e.code,
                    "root": root,
                    "text": s.span.slice(&doc.text),
                });
                if args.explain {
                    record["evidence"] = json!({
                        "verb": e.verb.pair(),
                        "verb_text": e.verb.slice(&doc.text),
                        "source": e.source.span.map(|sp| sp.pair()),
                        "target": e.target.span.map(|sp| sp.pair()),
                        "rule": e.rule,
                        "pattern": e.pattern.map(|l| dict.loc(l)),
                        "paired": e.paired,
                    });
                }
                serde_json::to_writer(&mut out, &record)?;
                out.write_all(b"\n")?;
            }
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
