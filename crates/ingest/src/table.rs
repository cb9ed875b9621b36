//! CSV tables: one document per row, with a header naming the columns.

use dyad_doc::{content_id, parse_date, Document, Format, Origin};
use serde_json::{Map, Value};

use crate::{error, Item};

const KNOWN: &[&str] = &["id", "url", "title", "date", "source", "text"];

/// Read every row of a CSV table as a document. The header must name a
/// `text` column; `id`, `url`, `title`, `date` and `source` are read when
/// present (names match case-insensitively), other columns are kept as
/// metadata. A row with no text, a bad date or broken quoting is an error
/// naming its line; the other rows are still read.
pub fn read(path: &str, text: &str) -> Vec<Item> {
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|c| c.trim().to_ascii_lowercase()).collect(),
        Err(e) => {
            return vec![Err(error(
                Origin::at(path, 1),
                None,
                format!("unreadable CSV header: {e}"),
            ))]
        }
    };
    let column = |name: &str| header.iter().position(|c| c == name);
    let Some(text_col) = column("text") else {
        return vec![Err(error(
            Origin::at(path, 1),
            None,
            format!("the CSV header has no `text` column (columns: {})", header.join(", ")),
        ))];
    };
    let mut items = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                items.push(Err(error(
                    Origin::at(path, line),
                    None,
                    format!("malformed CSV row: {e}"),
                )));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line() as usize);
        let origin = Origin::at(path, line);
        let field = |i: Option<usize>| {
            i.and_then(|i| record.get(i))
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        let id = field(column("id"));
        let Some(body) = record.get(text_col).filter(|t| !t.trim().is_empty()) else {
            items.push(Err(error(origin, id, "empty `text` field")));
            continue;
        };
        let date = match field(column("date")) {
            None => None,
            Some(s) => match parse_date(&s) {
                Some(d) => Some(d),
                None => {
                    items.push(Err(error(
                        origin,
                        id,
                        format!("`date` is not an ISO date or datetime: {s:?}"),
                    )));
                    continue;
                }
            },
        };
        let mut doc = Document::from_text(body.to_string(), origin);
        doc.format = Format::Csv;
        doc.id = id.unwrap_or_else(|| content_id(&doc.text));
        doc.url = field(column("url"));
        doc.title = field(column("title"));
        doc.source = field(column("source"));
        doc.date = date;
        let mut metadata = Map::new();
        for (i, name) in header.iter().enumerate() {
            if !KNOWN.contains(&name.as_str()) && !name.is_empty() {
                if let Some(value) = record.get(i) {
                    metadata.insert(name.clone(), Value::String(value.to_string()));
                }
            }
        }
        doc.metadata = metadata;
        items.push(Ok(doc));
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_become_documents_with_their_columns() {
        let input = "ID,Title,date,text,lang\n\
                     a1,First,2024-01-12,\"Arnor met Gondor, then left.\",en\n\
                     ,Second,,\"A quote: \"\"we won\"\"\nover two lines.\",fr\n";
        let items = read("in.csv", input);
        assert_eq!(items.len(), 2);
        let a = items[0].as_ref().unwrap();
        assert_eq!(a.id, "a1");
        assert_eq!(a.title.as_deref(), Some("First"));
        assert_eq!(a.date.unwrap().to_string(), "2024-01-12");
        assert_eq!(a.text, "Arnor met Gondor, then left.");
        assert_eq!(a.metadata["lang"], "en");
        let b = items[1].as_ref().unwrap();
        assert_eq!(b.text, "A quote: \"we won\"\nover two lines.");
        assert_eq!(b.id, content_id(&b.text));
        assert_eq!(b.date, None);
    }

    #[test]
    fn bad_rows_are_reported_and_the_rest_read() {
        let input = "id,date,text\nx,2024-01-01,\ny,soon,Gondor met Arnor.\nz,,Rohan met Gondor.\n";
        let items = read("in.csv", input);
        let errors: Vec<String> = items
            .iter()
            .filter_map(|i| i.as_ref().err())
            .map(|e| e.to_string())
            .collect();
        assert_eq!(errors[0], "in.csv:2: document x: empty `text` field");
        assert!(
            errors[1].starts_with("in.csv:3: document y: `date` is not"),
            "{}",
            errors[1]
        );
        let ids: Vec<&str> = items.iter().flatten().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["z"]);
    }

    #[test]
    fn a_table_without_a_text_column_is_one_error() {
        let items = read("in.csv", "id,body\n1,Arnor met Gondor.\n");
        assert_eq!(items.len(), 1);
        let e = items[0].as_ref().unwrap_err().to_string();
        assert!(e.starts_with("in.csv:1: the CSV header has no `text` column"), "{e}");
    }
}
