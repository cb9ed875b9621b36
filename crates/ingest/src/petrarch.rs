//! PETRARCH XML: `<Sentences>` of `<Sentence date="YYYYMMDD" id=".." ...>`
//! records with `<Text>` (and optional `<Parse>`, which dyad ignores), and the
//! validation form with `<Environment>`, `<Config>` and `<EventCoding>`.
//!
//! The reader is a tolerant scanner rather than a strict XML parser: the real
//! files have comments containing markup, `&` in text and records cut short.
//! A broken record is reported with its line and skipped; the scanner goes on
//! with the next `<Sentence`.

use dyad_doc::{parse_date, Document, Format, Origin};

use crate::{error, line_of, Item};

/// One element found by [`scan`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Element {
    pub name: String,
    /// 1-based line of the start tag.
    pub line: usize,
    pub attrs: Vec<(String, String)>,
    /// The raw content between the start and end tags (None for an empty or
    /// unclosed element).
    pub body: Option<String>,
}

impl Element {
    /// The unescaped value of an attribute (names compare case-insensitively).
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// A problem found while scanning: the line and what was expected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScanError {
    pub line: usize,
    pub message: String,
}

/// Replace every `<!-- ... -->` comment with spaces (newlines kept), so that
/// byte offsets and line numbers stay those of the original.
pub fn blank_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        let after = &rest[start..];
        let end = after.find("-->").map(|e| e + 3).unwrap_or(after.len());
        for c in after[..end].chars() {
            if c == '\n' {
                out.push('\n');
            } else {
                for _ in 0..c.len_utf8() {
                    out.push(' ');
                }
            }
        }
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

fn is_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-'
}

/// Parse `name="value"` pairs of a start tag's inside.
fn parse_attrs(s: &str) -> Vec<(String, String)> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        while i < b.len() && !is_name_byte(b[i]) {
            i += 1;
        }
        let ns = i;
        while i < b.len() && is_name_byte(b[i]) {
            i += 1;
        }
        if ns == i {
            break;
        }
        let name = &s[ns..i];
        while i < b.len() && b[i] == b' ' {
            i += 1;
        }
        if i < b.len() && b[i] == b'=' {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                let q = b[i];
                let vs = i + 1;
                let mut j = vs;
                while j < b.len() && b[j] != q {
                    j += 1;
                }
                out.push((name.to_string(), unescape(&s[vs..j])));
                i = j + 1;
            } else {
                let vs = i;
                while i < b.len() && !b[i].is_ascii_whitespace() {
                    i += 1;
                }
                out.push((name.to_string(), unescape(&s[vs..i])));
            }
        } else {
            out.push((name.to_string(), String::new()));
        }
    }
    out
}

/// Replace the XML entities `&amp; &lt; &gt; &quot; &apos;` and numeric
/// character references; anything else (a bare `&`) is kept as it is.
pub fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(pos) = rest.find('&') {
        out.push_str(&rest[..pos]);
        let after = &rest[pos..];
        let semi = after[..after.len().min(12)].find(';');
        let replaced = semi.and_then(|semi| {
            let entity = &after[1..semi];
            let c = match entity {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ if entity.starts_with("#x") => u32::from_str_radix(&entity[2..], 16).ok().and_then(char::from_u32),
                _ if entity.starts_with('#') => entity[1..].parse().ok().and_then(char::from_u32),
                _ => None,
            };
            c.map(|c| (c, semi + 1))
        });
        match replaced {
            Some((c, len)) => {
                out.push(c);
                rest = &after[len..];
            }
            None => {
                out.push('&');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Find the elements named in `names` (case-sensitive tag names), in document
/// order, with comments ignored. Elements nested inside a found element are
/// part of its body, not found separately.
pub fn scan(text: &str, names: &[&str]) -> (Vec<Element>, Vec<ScanError>) {
    let clean = blank_comments(text);
    let mut elements = Vec::new();
    let mut errors = Vec::new();
    let mut pos = 0;
    while let Some(rel) = clean[pos..].find('<') {
        let start = pos + rel;
        let after = &clean[start + 1..];
        let name_len = after.bytes().take_while(|&b| is_name_byte(b)).count();
        let name = &after[..name_len];
        if name_len == 0 || !names.contains(&name) {
            pos = start + 1;
            continue;
        }
        let line = line_of(&clean, start);
        let Some(tag_end_rel) = after.find('>') else {
            errors.push(ScanError {
                line,
                message: format!("<{name}> start tag is not closed with '>'"),
            });
            break;
        };
        let tag_inside = &after[name_len..tag_end_rel];
        let self_closing = tag_inside.trim_end().ends_with('/');
        let attrs = parse_attrs(tag_inside.trim_end_matches('/'));
        let body_start = start + 1 + tag_end_rel + 1;
        let mut element = Element {
            name: name.to_string(),
            line,
            attrs,
            body: None,
        };
        if self_closing {
            elements.push(element);
            pos = body_start;
            continue;
        }
        let close = format!("</{name}>");
        let open = format!("<{name}");
        let next_open = clean[body_start..].find(&open).map(|p| body_start + p);
        match clean[body_start..].find(&close).map(|p| body_start + p) {
            Some(end) if next_open.is_none_or(|n| end < n) => {
                element.body = Some(text[body_start..end].to_string());
                pos = end + close.len();
            }
            _ => {
                if name == "Sentence" {
                    errors.push(ScanError {
                        line,
                        message: format!("<{name}> has no {close} before the next record"),
                    });
                }
                pos = body_start;
            }
        }
        elements.push(element);
    }
    (elements, errors)
}

/// The raw inner text of the first `<name>...</name>` in `body`.
pub fn child<'a>(body: &'a str, name: &str) -> Option<&'a str> {
    let open = format!("<{name}");
    let close = format!("</{name}>");
    let start = body.find(&open)?;
    let gt = body[start..].find('>')? + start + 1;
    let end = body[gt..].find(&close)? + gt;
    Some(&body[gt..end])
}

/// Every `<name .../>` or `<name ...>` start tag's attributes in `body`.
pub fn children_attrs(body: &str, name: &str) -> Vec<Vec<(String, String)>> {
    let open = format!("<{name}");
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(rel) = body[pos..].find(&open) {
        let start = pos + rel + open.len();
        let Some(gt) = body[start..].find('>') else { break };
        out.push(parse_attrs(body[start..start + gt].trim_end_matches('/')));
        pos = start + gt;
    }
    out
}

/// Normalize the whitespace of a record's text: line breaks and runs of
/// spaces become single spaces, the ends are trimmed.
pub fn clean_text(raw: &str) -> String {
    let text = unescape(raw);
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Read the `<Sentence>` records of a PETRARCH XML file as documents.
pub fn read(path: &str, text: &str) -> Vec<Item> {
    let (elements, errors) = scan(text, &["Sentence"]);
    let mut items: Vec<(usize, Item)> = errors
        .into_iter()
        .map(|e| (e.line, Err(error(Origin::at(path, e.line), None, e.message))))
        .collect();
    for el in elements {
        let origin = Origin::at(path, el.line);
        let id = el.attr("id").map(str::to_string);
        let Some(body) = &el.body else {
            continue;
        };
        let Some(raw) = child(body, "Text") else {
            items.push((el.line, Err(error(origin, id, "<Sentence> has no <Text>...</Text>"))));
            continue;
        };
        let mut doc = Document::from_text(clean_text(raw), origin.clone());
        doc.format = Format::PetrarchXml;
        if let Some(id) = id.clone() {
            doc.id = id;
        }
        doc.source = el.attr("source").map(str::to_string);
        if let Some(d) = el.attr("date") {
            match parse_date(d) {
                Some(date) => doc.date = Some(date),
                None => {
                    items.push((el.line, Err(error(origin, id, format!("date {d:?} is not YYYYMMDD")))));
                    continue;
                }
            }
        }
        for (k, v) in &el.attrs {
            if !matches!(k.as_str(), "id" | "date" | "source") {
                doc.metadata.insert(k.clone(), serde_json::Value::String(v.clone()));
            }
        }
        items.push((el.line, Ok(doc)));
    }
    items.sort_by_key(|(line, _)| *line);
    items.into_iter().map(|(_, item)| item).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"<Sentences>
<!-- <Sentence id="commented"> not a record </Sentence> -->
<Sentence date = "20080804" id ="AFP-1" source = "AFP" sentence = "True">
<Text>
Arnor met  Gondor &amp; Rohan.
</Text>
<Parse>(ROOT (S))</Parse>
</Sentence>
<Sentence date="2008" id="bad-date"><Text>x</Text></Sentence>
<Sentence id="unclosed"><Text>lost
<Sentence date="19950101" id="AFP-2"><Text>Second.</Text></Sentence>
</Sentences>"#;

    #[test]
    fn records_errors_and_comments() {
        let items = read("t.xml", SAMPLE);
        let ok: Vec<(&str, &str)> = items
            .iter()
            .flatten()
            .map(|d| (d.id.as_str(), d.text.as_str()))
            .collect();
        assert_eq!(ok, [("AFP-1", "Arnor met Gondor & Rohan."), ("AFP-2", "Second.")]);
        let first = items[0].as_ref().unwrap();
        assert_eq!(first.date.unwrap().to_string(), "2008-08-04");
        assert_eq!(first.source.as_deref(), Some("AFP"));
        assert_eq!(first.origin.to_string(), "t.xml:3");
        let errors: Vec<String> = items
            .iter()
            .filter_map(|i| i.as_ref().err())
            .map(|e| e.to_string())
            .collect();
        assert_eq!(
            errors,
            [
                "t.xml:9: document bad-date: date \"2008\" is not YYYYMMDD",
                "t.xml:10: <Sentence> has no </Sentence> before the next record"
            ]
        );
    }

    #[test]
    fn unescape_entities() {
        assert_eq!(unescape("a &amp; b &lt;c&gt; &#39; &#x41; & d"), "a & b <c> ' A & d");
    }
}
