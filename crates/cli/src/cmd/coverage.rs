//! `dyad eval coverage`: how much of a corpus a dictionary set covers —
//! events per 1,000 sentences and the share of sentences with a recognized
//! actor — for dyad's own dictionaries and, side by side, any other set.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use dyad_doc::{Document, Origin};
use dyad_pipeline::Pipeline;
use rayon::prelude::*;

#[derive(clap::Args)]
pub struct Args {
    /// Files or directories of text (a `.csv` file contributes its `text` column).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// A second dictionary set to compare with the built-in one (files,
    /// comma-separated or repeated).
    #[arg(long = "compare", value_delimiter = ',')]
    compare: Vec<String>,
}

/// Sentences, sentences with an actor, events.
fn measure(pipeline: &Pipeline, docs: &[Document]) -> (usize, usize, usize) {
    docs.par_iter()
        .map(|d| {
            let seg = dyad_segment::segment(&d.text);
            let coded = pipeline.code_sentences(d, &seg);
            let with_actor = coded.iter().filter(|c| c.mentions.iter().any(|m| !m.pronoun)).count();
            let events: usize = coded.iter().map(|c| c.events.len()).sum();
            (seg.sentences.len(), with_actor, events)
        })
        .reduce(|| (0, 0, 0), |a, b| (a.0 + b.0, a.1 + b.1, a.2 + b.2))
}

fn report(name: &str, (sentences, with_actor, events): (usize, usize, usize)) {
    println!(
        "{name}: {sentences} sentences, {:.1} events per 1,000 sentences, {:.1}% of sentences with a recognized actor",
        events as f64 * 1000.0 / sentences.max(1) as f64,
        with_actor as f64 * 100.0 / sentences.max(1) as f64
    );
}

pub fn run(args: Args) -> Result<ExitCode> {
    let mut files = Vec::new();
    for p in &args.paths {
        crate::cmd::bench::files_under(p, &mut files)?;
    }
    let mut docs = Vec::new();
    for f in &files {
        for text in crate::cmd::bench::texts_of(f)? {
            docs.push(Document::from_text(text, Origin::file(f.to_string_lossy())));
        }
    }
    report("dyad built-in dictionaries", measure(&Pipeline::builtin(), &docs));
    if !args.compare.is_empty() {
        let dict = crate::cmd::dict::load_selection(&args.compare, &[])?;
        let other = Pipeline::new(dict, dyad_dict::Dialect::Petrarch);
        report("comparison dictionaries", measure(&other, &docs));
    }
    Ok(ExitCode::SUCCESS)
}
