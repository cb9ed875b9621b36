//! Reading news documents from files or standard input.
//!
//! | format | how it is chosen | documents |
//! |---|---|---|
//! | plain text | `.txt` or any unknown extension | one per file |
//! | JSON lines | `.jsonl`, `.ndjson`, `.json` | one per line: `id`, `url`, `title`, `date`, `source`, `text`; other fields kept as metadata |
//! | HTML | `.html`, `.htm` | the main article text, title and publication date |
//! | PETRARCH XML | `.xml` | one per `<Sentence>` record |
//! | TABARI text | `.text` | one per record (`YYMMDD id` line, text, blank line) |
//! | CSV | `.csv` | one per row: a `text` column, and `id`, `url`, `title`, `date`, `source` when present; other columns kept as metadata |
//!
//! Standard input (`-`) is sniffed: `{` starts JSON lines, `<Sentences`/
//! `<Validation` PETRARCH XML, `<` HTML, a `YYMMDD` line TABARI text.
//!
//! Reading never stops at a bad document: each bad record becomes an
//! [`IngestError`] that names its file and line, and the other records are
//! still returned. Invalid UTF-8 is decoded lossily with a warning on the
//! document.

pub mod html;
pub mod jsonl;
pub mod petrarch;
pub mod tabari;
pub mod table;

use std::fmt;
use std::io::Read;
use std::path::Path;

pub use dyad_doc::{Date, Document, Format, Origin};

/// A document that could not be read, with where it was and what was wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IngestError {
    pub origin: Origin,
    /// The document id when it was known before the error.
    pub id: Option<String>,
    pub message: String,
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.origin)?;
        if let Some(id) = &self.id {
            write!(f, "document {id}: ")?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for IngestError {}

/// How to read inputs.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Publication date for documents whose input carries none.
    pub date: Option<Date>,
    /// Force a format instead of choosing by extension or content.
    pub format: Option<Format>,
}

/// One read result: a document or the error that replaced it.
pub type Item = Result<Document, IngestError>;

/// The format for a path by its extension (`None` for standard input).
pub fn format_for_path(path: &str) -> Option<Format> {
    if path == "-" {
        return None;
    }
    let ext = Path::new(path)
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase());
    Some(match ext.as_deref() {
        Some("jsonl") | Some("ndjson") | Some("json") => Format::JsonLines,
        Some("html") | Some("htm") | Some("xhtml") => Format::Html,
        Some("xml") => Format::PetrarchXml,
        Some("text") => Format::TabariText,
        Some("csv") => Format::Csv,
        _ => Format::Text,
    })
}

/// Guess the format of content that came without a file name.
pub fn sniff(text: &str) -> Format {
    let t = text.trim_start_matches('\u{FEFF}').trim_start();
    if t.starts_with('{') {
        Format::JsonLines
    } else if t.starts_with("<Sentences") || t.starts_with("<Validation") || t.starts_with("<?xml") {
        Format::PetrarchXml
    } else if t.starts_with('<') {
        Format::Html
    } else if t.len() > 7 && t.as_bytes()[..6].iter().all(|b| b.is_ascii_digit()) && t.as_bytes()[6] == b' ' {
        Format::TabariText
    } else {
        Format::Text
    }
}

/// Decode bytes as UTF-8, replacing invalid sequences; returns the text and
/// whether anything was replaced.
pub fn decode(bytes: Vec<u8>) -> (String, bool) {
    match String::from_utf8(bytes) {
        Ok(s) => (s, false),
        Err(e) => (String::from_utf8_lossy(e.as_bytes()).into_owned(), true),
    }
}

const INVALID_UTF8: &str = "invalid UTF-8 replaced by U+FFFD";

/// Read every document of one input (`-` for standard input).
///
/// A file that cannot be opened yields a single error item naming the path.
pub fn read_path(path: &str, options: &Options) -> Vec<Item> {
    let bytes = if path == "-" {
        let mut buf = Vec::new();
        match std::io::stdin().lock().read_to_end(&mut buf) {
            Ok(_) => buf,
            Err(e) => {
                return vec![Err(error(
                    Origin::file(path),
                    None,
                    format!("cannot read standard input: {e}"),
                ))]
            }
        }
    } else {
        match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => return vec![Err(error(Origin::file(path), None, format!("cannot read file: {e}")))],
        }
    };
    read_bytes(path, bytes, options)
}

/// Read every document from the bytes of one input named `path`.
pub fn read_bytes(path: &str, bytes: Vec<u8>, options: &Options) -> Vec<Item> {
    let (text, lossy) = decode(bytes);
    let format = options
        .format
        .or_else(|| format_for_path(path))
        .unwrap_or_else(|| sniff(&text));
    let mut items = match format {
        Format::Text => vec![Ok(plain(path, text))],
        Format::JsonLines => jsonl::read(path, &text),
        Format::Html => vec![html::read(path, &text)],
        Format::PetrarchXml => petrarch::read(path, &text),
        Format::TabariText => tabari::read(path, &text),
        Format::Csv => table::read(path, &text),
    };
    for doc in items.iter_mut().flatten() {
        if lossy {
            doc.warnings.push(INVALID_UTF8.to_string());
        }
        if doc.date.is_none() {
            doc.date = options.date;
        }
    }
    items
}

fn plain(path: &str, text: String) -> Document {
    let mut doc = Document::from_text(text, Origin::file(path));
    if doc.text.trim().is_empty() {
        doc.warnings.push("empty document".to_string());
    }
    doc
}

pub(crate) fn error(origin: Origin, id: Option<String>, message: impl Into<String>) -> IngestError {
    IngestError {
        origin,
        id,
        message: message.into(),
    }
}

/// The 1-based line number of byte offset `pos` in `text`.
pub(crate) fn line_of(text: &str, pos: usize) -> usize {
    text.as_bytes()[..pos.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_extension_and_content() {
        assert_eq!(format_for_path("a.jsonl"), Some(Format::JsonLines));
        assert_eq!(format_for_path("a.HTM"), Some(Format::Html));
        assert_eq!(format_for_path("a.xml"), Some(Format::PetrarchXml));
        assert_eq!(format_for_path("Validate.text"), Some(Format::TabariText));
        assert_eq!(format_for_path("notes.md"), Some(Format::Text));
        assert_eq!(format_for_path("-"), None);
        assert_eq!(sniff("{\"text\":\"x\"}"), Format::JsonLines);
        assert_eq!(sniff("<Sentences>"), Format::PetrarchXml);
        assert_eq!(sniff("<!doctype html><html>"), Format::Html);
        assert_eq!(sniff("950101 DEMO-01\nArnor met Gondor."), Format::TabariText);
        assert_eq!(sniff("Arnor met Gondor."), Format::Text);
    }

    #[test]
    fn invalid_utf8_is_replaced_with_a_warning() {
        let items = read_bytes("x.txt", b"Arnor \xff met Gondor.".to_vec(), &Options::default());
        let doc = items[0].as_ref().unwrap();
        assert!(doc.text.contains('\u{FFFD}'));
        assert_eq!(doc.warnings, [INVALID_UTF8]);
    }

    #[test]
    fn plain_text_gets_a_content_id_and_the_default_date() {
        let options = Options {
            date: Some(Date::new(2024, 1, 12).unwrap()),
            format: None,
        };
        let items = read_bytes("a.txt", b"Arnor met Gondor.".to_vec(), &options);
        let doc = items[0].as_ref().unwrap();
        assert_eq!(doc.id, dyad_doc::content_id("Arnor met Gondor."));
        assert_eq!(doc.date, options.date);
    }

    #[test]
    fn empty_and_binary_files_do_not_fail() {
        let items = read_bytes("empty.txt", Vec::new(), &Options::default());
        assert_eq!(items[0].as_ref().unwrap().warnings, ["empty document"]);
        let garbage: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
        let items = read_bytes("bin.txt", garbage, &Options::default());
        assert!(items[0].is_ok());
    }

    #[test]
    fn a_missing_file_is_an_error_naming_the_path() {
        let items = read_path("/no/such/file.txt", &Options::default());
        let err = items[0].as_ref().unwrap_err();
        assert!(err.to_string().starts_with("/no/such/file.txt: cannot read file"));
    }
}
