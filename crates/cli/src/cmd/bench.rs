//! `dyad bench`: throughput of pipeline stages on a corpus, single thread.
//! Figures go here (and in the closing notes), never in timed unit tests.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};

#[derive(clap::Args)]
pub struct Args {
    /// The stage to measure.
    #[arg(value_parser = ["segment"])]
    stage: String,
    /// Files or directories (read recursively) of text to run on.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Repeat the run this many times and report the best.
    #[arg(long, default_value_t = 3)]
    rounds: usize,
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
    let texts: Vec<String> = files
        .iter()
        .map(|f| std::fs::read(f).map(|b| dyad_ingest::decode(b).0))
        .collect::<std::io::Result<_>>()?;
    let bytes: usize = texts.iter().map(String::len).sum();
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
