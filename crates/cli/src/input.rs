//! Reading the documents named on the command line, shared by the commands
//! that take `FILE...`.

use std::io::Write;

use anyhow::{bail, Result};
use clap::Args;
use dyad_doc::{parse_date, Document, Format};
use dyad_ingest::{Item, Options};

/// The input arguments every document-reading command takes.
#[derive(Args, Debug, Clone)]
pub struct InputArgs {
    /// Input files or folders (read recursively; `-` for standard input):
    /// .txt, .jsonl, .html, .xml (PETRARCH), .text (TABARI), .csv (a `text` column).
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<String>,
    /// Publication date (YYYY-MM-DD) for documents whose input carries none.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// Read every input in this format instead of choosing by extension.
    #[arg(long, value_parser = ["text", "jsonl", "html", "petrarch-xml", "tabari-text", "csv"])]
    pub format: Option<String>,
}

impl InputArgs {
    /// The input paths with folders expanded to the files under them
    /// (sorted; hidden files skipped).
    pub fn paths(&self) -> Vec<String> {
        fn walk(path: &std::path::Path, out: &mut Vec<String>) {
            match std::fs::read_dir(path) {
                Ok(entries) => {
                    let mut entries: Vec<std::path::PathBuf> =
                        entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
                    entries.sort();
                    for e in entries {
                        let hidden = e
                            .file_name()
                            .and_then(|n| n.to_str())
                            .is_some_and(|n| n.starts_with('.'));
                        if !hidden {
                            walk(&e, out);
                        }
                    }
                }
                Err(_) => out.push(path.to_string_lossy().into_owned()),
            }
        }
        let mut out = Vec::new();
        for f in &self.files {
            let p = std::path::Path::new(f);
            if f != "-" && p.is_dir() {
                walk(p, &mut out);
            } else {
                out.push(f.clone());
            }
        }
        out
    }

    pub fn options(&self) -> Result<Options> {
        let date = match &self.date {
            Some(s) => match parse_date(s) {
                Some(d) => Some(d),
                None => bail!("--date {s:?} is not a date (expected YYYY-MM-DD)"),
            },
            None => None,
        };
        let format = self.format.as_deref().map(|f| match f {
            "jsonl" => Format::JsonLines,
            "html" => Format::Html,
            "petrarch-xml" => Format::PetrarchXml,
            "tabari-text" => Format::TabariText,
            "csv" => Format::Csv,
            _ => Format::Text,
        });
        Ok(Options { date, format })
    }
}

/// Counts of what a run read, for the exit status and summary.
#[derive(Default, Debug)]
pub struct Tally {
    pub documents: usize,
    pub errors: usize,
}

/// Read every input, calling `each` for every good document in input order.
/// Bad documents are reported on standard error (`dyad: file:line: ...`) and
/// counted; they never stop the run.
pub fn for_each_document(args: &InputArgs, mut each: impl FnMut(Document) -> Result<()>) -> Result<Tally> {
    let options = args.options()?;
    let mut tally = Tally::default();
    let stderr = std::io::stderr();
    for path in &args.paths() {
        for item in dyad_ingest::read_path(path, &options) {
            match item {
                Ok(doc) => {
                    for w in &doc.warnings {
                        let _ = writeln!(stderr.lock(), "dyad: warning: {}: document {}: {w}", doc.origin, doc.id);
                    }
                    tally.documents += 1;
                    each(doc)?;
                }
                Err(e) => {
                    tally.errors += 1;
                    let _ = writeln!(stderr.lock(), "dyad: {e}");
                }
            }
        }
    }
    Ok(tally)
}

/// Collect every item of every input (documents and errors) in input order.
#[allow(dead_code)]
pub fn read_all(args: &InputArgs) -> Result<Vec<Item>> {
    let options = args.options()?;
    Ok(args
        .files
        .iter()
        .flat_map(|p| dyad_ingest::read_path(p, &options))
        .collect())
}
