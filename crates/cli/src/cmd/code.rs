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
    /// Dictionary files to code with instead of the built-in ones (kind
    /// guessed from each file name; repeat or separate with commas).
    #[arg(long = "dict", value_delimiter = ',')]
    dict: Vec<String>,
    /// Dictionary files to add to the built-in ones.
    #[arg(long = "add-dict", value_delimiter = ',')]
    add_dict: Vec<String>,
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
    let dict = crate::cmd::dict::load_selection(&args.dict, &args.add_dict)?;
    for d in dict
        .diagnostics
        .iter()
        .filter(|d| d.severity == dyad_dict::Severity::Error)
    {
        eprintln!("dyad: {d}");
    }
    let compiled = dict.compile();
    let ontology = dyad_dict::Ontology::builtin();
    let dialect = if args.tabari {
        Dialect::Tabari
    } else {
        Dialect::Petrarch
    };
    let mut coder = Coder::new(&dict, &compiled, dialect);
    if args.dict.is_empty() {
        // dyad's own dictionaries leave negation to the engine.
        coder.negation = true;
    }
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
        let mut context: Vec<String> = Vec::new();
        for (index, s) in seg.sentences.iter().enumerate() {
            if args.parse {
                eprint!("{}", coder.describe(&seg, s, &doc.text, date));
            }
            let coded = coder.code_in_context(&seg, s, &doc.text, date, &context);
            if !coded.subject.is_empty() {
                context = coded.subject.clone();
            }
            for e in coded.events {
                let root: String = e.code.chars().take(2).collect();
                let info = ontology.event(&e.code);
                let plover = ontology.plover(&e.code);
                let mut record = json!({
                    "kind": "event",
                    "doc": doc.id,
                    "sentence": index,
                    "date": date.map(|d| d.to_string()),
                    "source": {"code": e.source.code, "text": e.source.span.map(|sp| sp.slice(&doc.text))},
                    "target": {"code": e.target.code, "text": e.target.span.map(|sp| sp.slice(&doc.text))},
                    "cameo": e.code,
                    "root": root,
                    "quad_class": info.map(|i| i.quad_class),
                    "goldstein": info.map(|i| i.goldstein),
                    "cameo_name": info.map(|i| i.name.to_string()),
                    "plover": plover.map(|p| p.event.to_string()),
                    "plover_mode": plover.map(|p| p.mode.to_string()).filter(|m| !m.is_empty()),
                    "plover_context": plover.map(|p| p.context.iter().map(|c| c.to_string()).collect::<Vec<_>>()),
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
