//! `dyad eval gold`: precision and recall of the built-in (or given)
//! dictionaries on the project's gold set of news sentences, coded through
//! the whole pipeline (dates, places) as `dyad code` codes them.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use dyad_dict::Dialect;
use dyad_doc::records::Record;
use dyad_doc::{Document, Origin};
use dyad_pipeline::{Output, Pipeline};

#[derive(clap::Args)]
pub struct Args {
    /// The gold file (TSV: id, date, text, events, tags).
    #[arg(default_value = "tests/gold/sentences.tsv")]
    gold: PathBuf,
    /// Dictionaries to use instead of the built-in ones.
    #[arg(long = "dict", value_delimiter = ',')]
    dict: Vec<String>,
    /// Print every sentence whose events differ from the gold events.
    #[arg(long)]
    misses: bool,
}

/// The level of detail two events are compared at.
fn coarse(code: &str) -> String {
    let n = if ["IGO", "NGO", "IMG", "MNC", "NGM"].iter().any(|p| code.starts_with(p)) {
        6
    } else {
        3
    };
    code.chars().take(n).collect()
}

#[derive(Default)]
struct Score {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Score {
    fn add(&mut self, gold: &BTreeSet<String>, got: &BTreeSet<String>) {
        self.tp += gold.intersection(got).count();
        self.fp += got.difference(gold).count();
        self.fn_ += gold.difference(got).count();
    }

    fn precision(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fp).max(1) as f64
    }

    fn recall(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fn_).max(1) as f64
    }
}

pub fn run(args: Args) -> Result<ExitCode> {
    let text = std::fs::read_to_string(&args.gold).with_context(|| format!("cannot read {}", args.gold.display()))?;
    let pipeline = if args.dict.is_empty() {
        Pipeline::builtin()
    } else {
        Pipeline::new(crate::cmd::dict::load_selection(&args.dict, &[])?, Dialect::Petrarch)
    };
    let mut exact = Score::default();
    let mut loose = Score::default();
    let mut sentences = 0;
    let mut header = true;
    for (i, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        if header {
            header = false;
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 4 {
            eprintln!(
                "dyad: {}:{}: expected id, date, text, events, tags",
                args.gold.display(),
                i + 1
            );
            continue;
        }
        sentences += 1;
        let (id, date, sentence) = (cols[0], dyad_doc::parse_date(cols[1]), cols[2]);
        let gold: BTreeSet<String> = cols[3]
            .split(';')
            .filter(|e| !e.trim().is_empty())
            .map(|e| e.split(',').map(str::trim).collect::<Vec<_>>().join(" "))
            .collect();
        let mut doc = Document::from_text(sentence.to_string(), Origin::at(args.gold.display().to_string(), i + 1));
        doc.date = date;
        let got: BTreeSet<String> = pipeline
            .process(&doc, Output::default())
            .into_iter()
            .filter_map(|r| match r {
                Record::Event(e) => Some(format!("{} {} {}", e.source.code, e.target.code, e.cameo)),
                _ => None,
            })
            .collect();
        exact.add(&gold, &got);
        let to_loose = |set: &BTreeSet<String>| -> BTreeSet<String> {
            set.iter()
                .map(|e| {
                    let p: Vec<&str> = e.split(' ').collect();
                    format!("{} {} {}", coarse(p[0]), coarse(p[1]), &p[2][..2.min(p[2].len())])
                })
                .collect()
        };
        loose.add(&to_loose(&gold), &to_loose(&got));
        if args.misses && gold != got {
            use std::io::Write;
            // A closed pipe (`| head`) ends the listing quietly.
            if writeln!(std::io::stdout(), "{id}: expected {gold:?} got {got:?} | {sentence}").is_err() {
                return Ok(ExitCode::SUCCESS);
            }
        }
    }
    println!(
        "{sentences} sentences: (source, target, code) precision {:.3} recall {:.3}; (source country, target country, root) precision {:.3} recall {:.3}",
        exact.precision(),
        exact.recall(),
        loose.precision(),
        loose.recall()
    );
    Ok(ExitCode::SUCCESS)
}
