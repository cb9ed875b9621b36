//! JSON lines: one document per line.

use dyad_doc::{content_id, parse_date, Document, Format, Origin};
use serde_json::{Map, Value};

use crate::{error, Item};

const KNOWN: &[&str] = &["id", "url", "title", "date", "source", "text"];

/// Read every line of `text` as a document. Blank lines are skipped; a line
/// that is not a JSON object with a string `text` is an error naming the line.
pub fn read(path: &str, text: &str) -> Vec<Item> {
    let mut items = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let origin = Origin::at(path, index + 1);
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        items.push(parse_line(line, origin));
    }
    items
}

fn string_field(obj: &Map<String, Value>, key: &str) -> Option<String> {
    match obj.get(key) {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    }
}

fn parse_line(line: &str, origin: Origin) -> Item {
    let value: Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => return Err(error(origin, None, format!("malformed JSON: {e}"))),
    };
    let Value::Object(mut obj) = value else {
        return Err(error(origin, None, "expected a JSON object with a \"text\" field"));
    };
    let id = string_field(&obj, "id");
    let Some(text) = string_field(&obj, "text") else {
        return Err(error(origin, id, "missing string field \"text\""));
    };
    let date = match obj.get("date") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if s.trim().is_empty() => None,
        Some(Value::String(s)) => match parse_date(s) {
            Some(d) => Some(d),
            None => {
                return Err(error(
                    origin,
                    id,
                    format!("\"date\" is not an ISO date or datetime: {s:?}"),
                ))
            }
        },
        Some(other) => return Err(error(origin, id, format!("\"date\" must be a string, found {other}"))),
    };
    let mut doc = Document::from_text(text, origin);
    doc.format = Format::JsonLines;
    if let Some(id) = id.filter(|s| !s.is_empty()) {
        doc.id = id;
    } else {
        doc.id = content_id(&doc.text);
    }
    doc.url = string_field(&obj, "url");
    doc.title = string_field(&obj, "title");
    doc.source = string_field(&obj, "source");
    doc.date = date;
    for key in KNOWN {
        obj.remove(*key);
    }
    doc.metadata = obj;
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_and_metadata() {
        let items = read(
            "in.jsonl",
            r#"{"id":"a1","url":"https://x","title":"T","date":"2024-01-12T10:00:00Z","source":"Reuters","text":"Arnor met Gondor.","lang":"en"}"#,
        );
        let doc = items[0].as_ref().unwrap();
        assert_eq!(doc.id, "a1");
        assert_eq!(doc.source.as_deref(), Some("Reuters"));
        assert_eq!(doc.date.unwrap().to_string(), "2024-01-12");
        assert_eq!(doc.metadata["lang"], "en");
        assert!(!doc.metadata.contains_key("text"));
    }

    #[test]
    fn bad_lines_are_reported_and_the_rest_read() {
        let input = "{\"text\":\"one\"}\n{not json\n\n[1,2]\n{\"id\":\"x\"}\n{\"text\":\"two\",\"date\":\"soon\"}\n{\"text\":\"three\"}\n";
        let items = read("in.jsonl", input);
        assert_eq!(items.len(), 6);
        let errors: Vec<String> = items
            .iter()
            .filter_map(|i| i.as_ref().err())
            .map(|e| e.to_string())
            .collect();
        assert!(errors[0].starts_with("in.jsonl:2: malformed JSON"));
        assert!(errors[1].starts_with("in.jsonl:4: expected a JSON object"));
        assert_eq!(errors[2], "in.jsonl:5: document x: missing string field \"text\"");
        assert!(errors[3].starts_with("in.jsonl:6: \"date\" is not an ISO date"));
        let texts: Vec<&str> = items.iter().flatten().map(|d| d.text.as_str()).collect();
        assert_eq!(texts, ["one", "three"]);
    }
}
