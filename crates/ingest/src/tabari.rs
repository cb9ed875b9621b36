//! TABARI text records (TABARI manual, section 4.3):
//!
//! ```text
//! 950101  DEMO-03
//! Arnor is about to restore full diplomatic ties with Gondor
//! almost five years after crowds burned down its embassy.
//! /* comments, here the expected events { ARN / GON / 064 } */
//!
//! ```
//!
//! A record starts at a line whose first character is a digit (`date id`),
//! runs to the next blank line, and `/* ... */` is a comment. Blocks that do
//! not start with a digit are comments too.

use dyad_doc::{parse_date, Document, Format, Origin};

use crate::{error, Item};

/// One raw record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    /// 1-based line of the `date id` line.
    pub line: usize,
    pub date: String,
    pub id: String,
    /// The record's lines after the header, comments included.
    pub body: String,
}

impl Record {
    /// The text to code: the body without comments, whitespace collapsed.
    pub fn text(&self) -> String {
        split_comments(&self.body).0
    }

    /// The contents of the `/* ... */` comments.
    pub fn comments(&self) -> Vec<String> {
        split_comments(&self.body).1
    }
}

/// Separate text from `/* ... */` comments; an unclosed comment runs to the end.
pub fn split_comments(body: &str) -> (String, Vec<String>) {
    let mut text = String::new();
    let mut comments = Vec::new();
    let mut rest = body;
    while let Some(start) = rest.find("/*") {
        text.push_str(&rest[..start]);
        text.push(' ');
        let after = &rest[start + 2..];
        match after.find("*/") {
            Some(end) => {
                comments.push(after[..end].to_string());
                rest = &after[end + 2..];
            }
            None => {
                comments.push(after.to_string());
                rest = "";
            }
        }
    }
    text.push_str(rest);
    let words: Vec<&str> = text.split_whitespace().collect();
    (words.join(" "), comments)
}

/// Split a TABARI text file into records.
pub fn records(text: &str) -> Vec<Record> {
    let mut out = Vec::new();
    let mut current: Option<Record> = None;
    let mut open_comments = 0i32;
    for (index, line) in text.lines().enumerate() {
        let blank = line.trim().is_empty();
        if let Some(rec) = current.as_mut() {
            if blank && open_comments <= 0 {
                out.push(current.take().unwrap());
                open_comments = 0;
                continue;
            }
            open_comments += line.matches("/*").count() as i32 - line.matches("*/").count() as i32;
            rec.body.push_str(line);
            rec.body.push('\n');
            continue;
        }
        if line.as_bytes().first().is_some_and(|b| b.is_ascii_digit()) {
            let mut parts = line.trim().splitn(2, char::is_whitespace);
            let date = parts.next().unwrap_or("").to_string();
            let id = parts.next().unwrap_or("").trim().to_string();
            current = Some(Record {
                line: index + 1,
                date,
                id,
                body: String::new(),
            });
            open_comments = 0;
        }
    }
    if let Some(rec) = current {
        out.push(rec);
    }
    out
}

/// Read the records of a TABARI text file as documents.
pub fn read(path: &str, text: &str) -> Vec<Item> {
    records(text)
        .into_iter()
        .map(|rec| {
            let origin = Origin::at(path, rec.line);
            let id = (!rec.id.is_empty()).then(|| rec.id.clone());
            let Some(date) = parse_date(&rec.date) else {
                return Err(error(
                    origin,
                    id,
                    format!("date {:?} is not YYMMDD or YYYYMMDD", rec.date),
                ));
            };
            let mut doc = Document::from_text(rec.text(), origin);
            doc.format = Format::TabariText;
            doc.date = Some(date);
            if let Some(id) = id {
                doc.id = id;
            }
            Ok(doc)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "####\nheader comment block\n\n950103  DEMO-04\nDagolath's deputy left for\nMinas Tirith. /*\\n[Paired events]\n\\n{ DAG / GON / 032 }\n\n\\n{ GON / DAG / 033 } */\n\n95x101 BAD\nText.\n\n950104 LAST\nFinal record.";

    #[test]
    fn records_text_and_comments() {
        let recs = records(SAMPLE);
        assert_eq!(recs.len(), 3);
        assert_eq!(recs[0].id, "DEMO-04");
        assert_eq!(recs[0].line, 4);
        assert_eq!(recs[0].text(), "Dagolath's deputy left for Minas Tirith.");
        let comments = recs[0].comments();
        assert!(comments[0].contains("{ DAG / GON / 032 }"));
        assert!(comments[0].contains("{ GON / DAG / 033 }"));
        assert_eq!(recs[2].text(), "Final record.");
    }

    #[test]
    fn bad_dates_are_reported() {
        let items = read("v.text", SAMPLE);
        assert_eq!(items.len(), 3);
        assert_eq!(
            items[1].as_ref().unwrap_err().to_string(),
            "v.text:11: document BAD: date \"95x101\" is not YYMMDD or YYYYMMDD"
        );
        assert_eq!(items[0].as_ref().unwrap().date.unwrap().to_string(), "1995-01-03");
    }
}
