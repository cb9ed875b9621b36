//! The data every dyad stage shares: a [`Document`] with its original text and
//! metadata, byte [`Span`]s into that text, and the [`Origin`] that says where
//! a document (or an error) came from.
//!
//! Every later annotation (token, sentence, actor, event, quote, place) points
//! back into [`Document::text`] with byte offsets, so anything can be
//! highlighted in the text the user gave.

pub mod records;

use std::fmt;

pub use jiff::civil::Date;

/// A half-open byte range `start..end` into a document's text.
///
/// Spans are cheap (`Copy`, 8 bytes) and never own text; slice the document
/// with [`Span::slice`] to read what they cover.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    /// A span from `start` to `end` (byte offsets, `start <= end`).
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span {
            start: start as u32,
            end: end as u32,
        }
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    /// Whether the span covers no bytes.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The text the span covers. Panics if the span is not on char boundaries
    /// of `text`, which never happens for spans produced by dyad.
    pub fn slice(self, text: &str) -> &str {
        &text[self.start as usize..self.end as usize]
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// `[start, end]` as `usize`, the form written to JSON output.
    pub fn pair(self) -> [usize; 2] {
        [self.start as usize, self.end as usize]
    }
}

/// Where something came from: a file (or `-` for standard input) and, for
/// formats with many records per file, the 1-based line of the record.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Origin {
    pub path: String,
    pub line: Option<usize>,
}

impl Origin {
    pub fn file(path: impl Into<String>) -> Origin {
        Origin {
            path: path.into(),
            line: None,
        }
    }

    pub fn at(path: impl Into<String>, line: usize) -> Origin {
        Origin {
            path: path.into(),
            line: Some(line),
        }
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}", self.path, line),
            None => f.write_str(&self.path),
        }
    }
}

/// The input format a document was read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    Text,
    JsonLines,
    Html,
    PetrarchXml,
    TabariText,
    Csv,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::JsonLines => "jsonl",
            Format::Html => "html",
            Format::PetrarchXml => "petrarch-xml",
            Format::TabariText => "tabari-text",
            Format::Csv => "csv",
        }
    }
}

/// One news document: its original text and what is known about it.
#[derive(Clone, Debug)]
pub struct Document {
    /// Stable identifier: the id the input gave, else [`content_id`] of the text.
    pub id: String,
    /// The article text exactly as dyad codes it; every span points into it.
    pub text: String,
    pub title: Option<String>,
    pub url: Option<String>,
    /// The publishing outlet, when the input names it.
    pub source: Option<String>,
    /// Publication date.
    pub date: Option<Date>,
    /// Fields of the input that dyad does not interpret, kept as given.
    pub metadata: serde_json::Map<String, serde_json::Value>,
    pub format: Format,
    pub origin: Origin,
    /// Problems found while reading that did not stop the document
    /// (for example invalid UTF-8 replaced by U+FFFD).
    pub warnings: Vec<String>,
}

impl Document {
    /// A document with the given text and no metadata; its id is the content hash.
    pub fn from_text(text: impl Into<String>, origin: Origin) -> Document {
        let text = text.into();
        Document {
            id: content_id(&text),
            text,
            title: None,
            url: None,
            source: None,
            date: None,
            metadata: serde_json::Map::new(),
            format: Format::Text,
            origin,
            warnings: Vec::new(),
        }
    }
}

/// A stable identifier derived from a document's text: the first 16 hex
/// digits of its BLAKE3 hash. The same text always gets the same id.
pub fn content_id(text: &str) -> String {
    let hash = blake3::hash(text.as_bytes());
    hash.to_hex()[..16].to_string()
}

/// Parse a date as found in news inputs: `YYYY-MM-DD`, an ISO datetime
/// (`2024-01-12T08:30:00Z`, only the date is kept), `YYYYMMDD`, or TABARI's
/// `YYMMDD` (years 00–30 are 2000–2030, as in TABARI).
pub fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    let digits = s.bytes().all(|b| b.is_ascii_digit());
    if digits && (s.len() == 8 || s.len() == 6) {
        let (year, rest) = if s.len() == 8 {
            (s[..4].parse::<i16>().ok()?, &s[4..])
        } else {
            let yy = s[..2].parse::<i16>().ok()?;
            (if yy <= 30 { 2000 + yy } else { 1900 + yy }, &s[2..])
        };
        let month = rest[..2].parse::<i8>().ok()?;
        let day = rest[2..4].parse::<i8>().ok()?;
        return Date::new(year, month, day).ok();
    }
    let head = s.get(..10)?;
    let date: Date = head.parse().ok()?;
    let tail = &s[10..];
    if tail.is_empty() || tail.starts_with('T') || tail.starts_with(' ') {
        Some(date)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_id_is_stable_and_short() {
        assert_eq!(content_id("Arnor met Gondor."), content_id("Arnor met Gondor."));
        assert_ne!(content_id("a"), content_id("b"));
        assert_eq!(content_id("x").len(), 16);
    }

    #[test]
    fn dates_in_the_forms_news_inputs_use() {
        let d = Date::new(2024, 1, 12).unwrap();
        assert_eq!(parse_date("2024-01-12"), Some(d));
        assert_eq!(parse_date("2024-01-12T08:30:00Z"), Some(d));
        assert_eq!(parse_date("20240112"), Some(d));
        assert_eq!(parse_date("240112"), Some(d));
        assert_eq!(parse_date("950101"), Some(Date::new(1995, 1, 1).unwrap()));
        assert_eq!(parse_date("2024-02-30"), None);
        assert_eq!(parse_date("yesterday"), None);
        assert_eq!(parse_date("2024-01-12junk"), None);
    }

    #[test]
    fn span_slices_and_covers() {
        let text = "Arnor met Gondor";
        let a = Span::new(0, 5);
        let b = Span::new(10, 16);
        assert_eq!(a.slice(text), "Arnor");
        assert_eq!(a.cover(b).slice(text), text);
        assert_eq!(b.pair(), [10, 16]);
    }
}
