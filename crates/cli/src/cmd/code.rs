//! `dyad code` and `dyad annotate`: documents in, JSON-lines records out
//! (the output contract): a `document` record, then the document's `event`
//! records (`annotate`: its `mention` records). Documents are coded in
//! parallel; the output keeps the input order.

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use anyhow::Result;
use dyad_dict::Dialect;
use dyad_doc::records::Record;
use dyad_doc::Document;
use dyad_pipeline::{Output, Pipeline};
use rayon::prelude::*;

use crate::input::{for_each_document, InputArgs};

/// Dictionary selection shared by the coding commands.
#[derive(clap::Args, Clone)]
pub struct DictArgs {
    /// Dictionary files to code with instead of the built-in ones (kind
    /// guessed from each file name; repeat or separate with commas).
    #[arg(long = "dict", value_delimiter = ',')]
    pub dict: Vec<String>,
    /// Dictionary files to add to the built-in ones.
    #[arg(long = "add-dict", value_delimiter = ',')]
    pub add_dict: Vec<String>,
    /// Read --dict files as TABARI dictionaries (stems) instead of PETRARCH-1.
    #[arg(long)]
    pub tabari: bool,
}

impl DictArgs {
    pub fn pipeline(&self) -> Result<Pipeline> {
        let dict = crate::cmd::dict::load_selection(&self.dict, &self.add_dict)?;
        for d in dict
            .diagnostics
            .iter()
            .filter(|d| d.severity == dyad_dict::Severity::Error)
        {
            eprintln!("dyad: {d}");
        }
        let dialect = if self.tabari {
            Dialect::Tabari
        } else {
            Dialect::Petrarch
        };
        let mut p = Pipeline::new(dict, dialect);
        // dyad's own dictionaries leave negation to the engine.
        p.negation = self.dict.is_empty();
        Ok(p)
    }
}

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    dicts: DictArgs,
    /// Explain each event on standard error: who, what, whom, and the
    /// dictionary line that produced it.
    #[arg(long)]
    explain: bool,
    /// Threads for coding documents (default: all cores).
    #[arg(long)]
    jobs: Option<usize>,
    /// Print the shallow analysis of every sentence to standard error.
    #[arg(long, hide = true)]
    parse: bool,
}

/// How many documents are coded in parallel before their output is written.
const BATCH: usize = 512;

pub fn run(args: Args) -> Result<ExitCode> {
    code_or_annotate(args, false)
}

/// `dyad annotate`: every recognized mention as a JSON line.
#[derive(clap::Args)]
pub struct AnnotateArgs {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    dicts: DictArgs,
    #[arg(long)]
    jobs: Option<usize>,
}

pub fn annotate(args: AnnotateArgs) -> Result<ExitCode> {
    code_or_annotate(
        Args {
            input: args.input,
            dicts: args.dicts,
            explain: false,
            jobs: args.jobs,
            parse: false,
        },
        true,
    )
}

fn code_or_annotate(args: Args, mentions: bool) -> Result<ExitCode> {
    let pipeline = args.dicts.pipeline()?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut batch: Vec<Document> = Vec::new();
    let failed = std::cell::Cell::new(0usize);
    let flush = |batch: &mut Vec<Document>, out: &mut BufWriter<std::io::StdoutLock>| -> Result<()> {
        // A document the coder fails on (an internal error) is reported and
        // skipped; the rest of the batch is written.
        let results: Vec<Option<Vec<Record>>> = pool.install(|| {
            batch
                .par_iter()
                .map(|doc| {
                    let records = pipeline.process_guarded(doc, Output { mentions })?;
                    Some(if mentions {
                        records.into_iter().filter(|r| !matches!(r, Record::Event(_))).collect()
                    } else {
                        records
                    })
                })
                .collect()
        });
        for (doc, records) in batch.iter().zip(results) {
            let Some(records) = records else {
                eprintln!(
                    "dyad: {}: document {}: internal error while coding; skipped",
                    doc.origin, doc.id
                );
                failed.set(failed.get() + 1);
                continue;
            };
            if args.parse {
                let seg = dyad_segment::segment(&doc.text);
                let coder = pipeline.coder();
                for s in &seg.sentences {
                    eprint!("{}", coder.describe(&seg, s, &doc.text, doc.date));
                }
            }
            for r in &records {
                if args.explain {
                    if let Record::Event(e) = r {
                        eprintln!(
                            "{} #{}: {} ({}) -[{} {}]-> {} ({}) by {} {}",
                            e.doc,
                            e.sentence,
                            e.source.code,
                            e.source.text.as_deref().unwrap_or("?"),
                            e.cameo,
                            e.cameo_name.as_deref().unwrap_or(""),
                            e.target.code,
                            e.target.text.as_deref().unwrap_or("?"),
                            e.evidence.pattern.as_deref().unwrap_or("verb"),
                            e.evidence.rule
                        );
                    }
                }
                serde_json::to_writer(&mut *out, r)?;
                out.write_all(b"\n")?;
            }
        }
        batch.clear();
        Ok(())
    };
    let tally = for_each_document(&args.input, |doc| {
        batch.push(doc);
        if batch.len() >= BATCH {
            flush(&mut batch, &mut out)?;
        }
        Ok(())
    })?;
    flush(&mut batch, &mut out)?;
    out.flush()?;
    Ok(if tally.errors > 0 || failed.get() > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
