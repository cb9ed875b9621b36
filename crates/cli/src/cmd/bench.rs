//! `dyad bench`: throughput of pipeline stages on a corpus, single thread.
//! Figures go here (and in the closing notes), never in timed unit tests.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};

#[derive(clap::Args)]
pub struct Args {
    /// The stage to measure: `segment` (sentence splitting and tokens),
    /// `code` (segmentation, actor recognition and event coding) or `full`
    /// (all that `dyad code` does: also dates, places, quotation
    /// attribution and provenance, and the records).
    #[arg(value_parser = ["segment", "code", "full"])]
    stage: String,
    /// Files or directories (read recursively) of text to run on; a `.csv`
    /// file contributes its `text` column, one document per row.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Repeat the run this many times and report the best.
    #[arg(long, default_value_t = 3)]
    rounds: usize,
    /// Dictionaries for `code` (default: the built-in ones).
    #[arg(long = "dict", value_delimiter = ',')]
    dict: Vec<String>,
    /// Threads for `code` (1 = single thread).
    #[arg(long, default_value_t = 1)]
    jobs: usize,
}

/// The texts of one input file: its contents, or a CSV file's `text` column
/// (one text per row; rows that cannot be read are left out).
pub fn texts_of(path: &Path) -> Result<Vec<String>> {
    let text = dyad_ingest::decode(std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?).0;
    if path.extension().is_some_and(|e| e == "csv") {
        let name = path.display().to_string();
        let items = dyad_ingest::table::read(&name, &text);
        if let [Err(e)] = items.as_slice() {
            anyhow::bail!("{e}");
        }
        return Ok(items.into_iter().flatten().map(|d| d.text).collect());
    }
    Ok(vec![text])
}

/// Every regular file under `path` (or `path` itself), sorted.
pub fn files_under(path: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let meta = std::fs::metadata(path).with_context(|| format!("cannot read {}", path.display()))?;
    if meta.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for e in entries {
            files_under(&e, out)?;
        }
    } else {
        out.push(path.to_path_buf());
    }
    Ok(())
}

pub fn run(args: Args) -> Result<ExitCode> {
    let mut files = Vec::new();
    for p in &args.paths {
        files_under(p, &mut files)?;
    }
    let mut texts: Vec<String> = Vec::new();
    for f in &files {
        texts.extend(texts_of(f)?);
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    if args.stage != "segment" {
        return bench_code(&args, &texts, bytes);
    }
    let mut best = f64::MAX;
    let mut sentences = 0;
    let mut tokens = 0;
    for _ in 0..args.rounds.max(1) {
        let start = Instant::now();
        sentences = 0;
        tokens = 0;
        for t in &texts {
            let seg = dyad_segment::segment(t);
            sentences += seg.sentences.len();
            tokens += seg.tokens.len();
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    println!(
        "segment: {} files, {:.2} MB, {} sentences, {} tokens in {:.3} s: {:.1} MB/s, {:.0} sentences/s (single thread, best of {})",
        files.len(),
        bytes as f64 / 1e6,
        sentences,
        tokens,
        best,
        bytes as f64 / 1e6 / best,
        sentences as f64 / best,
        args.rounds.max(1)
    );
    Ok(ExitCode::SUCCESS)
}

fn bench_code(args: &Args, texts: &[String], bytes: usize) -> Result<ExitCode> {
    use rayon::prelude::*;
    let start = Instant::now();
    let dict = crate::cmd::dict::load_selection(&args.dict, &[])?;
    let mut pipeline = dyad_pipeline::Pipeline::new(dict, dyad_dict::Dialect::Petrarch);
    // As `dyad code` runs it: dyad's own dictionaries leave negation to the engine.
    pipeline.negation = args.dict.is_empty();
    let full = args.stage == "full";
    let load = start.elapsed().as_secs_f64();
    let docs: Vec<dyad_doc::Document> = texts
        .iter()
        .map(|t| dyad_doc::Document::from_text(t.clone(), dyad_doc::Origin::file("bench")))
        .collect();
    let pool = rayon::ThreadPoolBuilder::new().num_threads(args.jobs.max(1)).build()?;
    let mut best = f64::MAX;
    let mut counted = (0, 0, 0);
    for _ in 0..args.rounds.max(1) {
        let start = Instant::now();
        let counts: Vec<(usize, usize, usize)> = pool.install(|| {
            docs.par_iter()
                .map(|d| {
                    if full {
                        use dyad_doc::records::Record;
                        // The document record carries the sentence count.
                        return pipeline.process(d, dyad_pipeline::Output::default()).iter().fold(
                            (0, 0, 0),
                            |(s, e, q), r| match r {
                                Record::Document(doc) => (s + doc.sentences, e, q),
                                Record::Event(_) => (s, e + 1, q),
                                Record::Quote(_) => (s, e, q + 1),
                                Record::Mention(_) => (s, e, q),
                            },
                        );
                    }
                    let seg = dyad_segment::segment(&d.text);
                    let coded = pipeline.code_sentences(d, &seg);
                    (seg.sentences.len(), coded.iter().map(|c| c.events.len()).sum(), 0)
                })
                .collect()
        });
        best = best.min(start.elapsed().as_secs_f64());
        counted = counts.iter().fold((0, 0, 0), |t, c| (t.0 + c.0, t.1 + c.1, t.2 + c.2));
    }
    let (sentences, events, quotes) = counted;
    let quoted = if full {
        format!(", {quotes} quotes")
    } else {
        String::new()
    };
    println!(
        "{}: {} documents, {:.2} MB, {} sentences, {} events{} in {:.3} s with {} thread(s): {:.0} sentences/s, {:.1} MB/s (dictionaries loaded and compiled in {:.3} s; best of {})",
        args.stage,
        docs.len(),
        bytes as f64 / 1e6,
        sentences,
        events,
        quoted,
        best,
        args.jobs.max(1),
        sentences as f64 / best,
        bytes as f64 / 1e6 / best,
        load,
        args.rounds.max(1)
    );
    Ok(ExitCode::SUCCESS)
}
