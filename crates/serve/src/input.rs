//! Documents from a request body: plain text, HTML, one JSON document
//! (`{id,url,title,date,source,text}`), a JSON array of them, or JSON lines.
//! Reading reuses `dyad-ingest`, so fields and errors are those of
//! `dyad code`.

use dyad_doc::{Document, Format};
use dyad_ingest::Options;

use crate::error::ApiError;

/// A document that could not be read: its position in the body (1-based),
/// its id when known, and why.
#[derive(Clone, Debug, serde::Serialize)]
pub struct ReadError {
    pub document: usize,
    pub id: Option<String>,
    pub message: String,
}

/// Settings from the query string that apply to plain text.
#[derive(Clone, Debug, Default)]
pub struct TextMeta {
    pub id: Option<String>,
    pub title: Option<String>,
    pub date: Option<dyad_doc::Date>,
}

/// Read the documents of a body. `content_type` chooses the format; without
/// one, the body is sniffed (`{` or `[` is JSON, `<` HTML, else text).
/// Fails (400) only when the body as a whole is unusable: empty, or JSON
/// that does not parse; a bad document among good ones is returned as a
/// [`ReadError`] and the others are kept.
pub fn documents(
    body: &[u8],
    content_type: Option<&str>,
    meta: &TextMeta,
) -> Result<(Vec<Document>, Vec<ReadError>), ApiError> {
    let Ok(text) = std::str::from_utf8(body) else {
        return Err(ApiError::bad_request(
            "bad_encoding",
            "the request body is not valid UTF-8",
        ));
    };
    let trimmed = text.trim_start_matches('\u{FEFF}').trim_start();
    if trimmed.trim_end().is_empty() {
        return Err(ApiError::bad_request(
            "empty_body",
            "the request body is empty: send a text or a JSON document",
        ));
    }
    let mime = content_type
        .map(|c| c.split(';').next().unwrap_or("").trim().to_ascii_lowercase())
        .unwrap_or_default();
    let json = match mime.as_str() {
        "application/json" | "application/x-ndjson" | "application/jsonl" => true,
        "text/plain" | "text/html" => false,
        _ => trimmed.starts_with('{') || trimmed.starts_with('['),
    };
    if json {
        return json_documents(trimmed);
    }
    let format = if mime == "text/html" || (mime.is_empty() && trimmed.starts_with('<')) {
        Format::Html
    } else {
        Format::Text
    };
    let options = Options {
        date: meta.date,
        format: Some(format),
    };
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    for (i, item) in dyad_ingest::read_bytes("request", body.to_vec(), &options)
        .into_iter()
        .enumerate()
    {
        match item {
            Ok(mut doc) => {
                if let Some(id) = &meta.id {
                    doc.id = id.clone();
                }
                if meta.title.is_some() {
                    doc.title = meta.title.clone();
                }
                docs.push(doc);
            }
            Err(e) => errors.push(ReadError {
                document: i + 1,
                id: e.id,
                message: e.message,
            }),
        }
    }
    Ok((docs, errors))
}

/// JSON: one object, an array of objects, or JSON lines.
fn json_documents(text: &str) -> Result<(Vec<Document>, Vec<ReadError>), ApiError> {
    let lines = match serde_json::from_str::<serde_json::Value>(text) {
        Ok(serde_json::Value::Array(items)) => {
            let mut lines = String::with_capacity(text.len());
            for item in items {
                // One document per line; a non-object becomes an error of its own line.
                lines.push_str(&serde_json::to_string(&item).unwrap_or_default());
                lines.push('\n');
            }
            lines
        }
        Ok(value @ serde_json::Value::Object(_)) => serde_json::to_string(&value).unwrap_or_default(),
        Ok(_) => {
            return Err(ApiError::bad_request(
                "bad_json",
                "expected a JSON document {\"text\": ...} or an array of them",
            ))
        }
        // Several objects one per line: JSON lines, read line by line below.
        Err(e) if e.is_syntax() && e.to_string().starts_with("trailing characters") => text.to_string(),
        Err(e) => return Err(ApiError::bad_request("bad_json", format!("malformed JSON: {e}"))),
    };
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    for (i, item) in dyad_ingest::jsonl::read("request", &lines).into_iter().enumerate() {
        match item {
            Ok(doc) => docs.push(doc),
            Err(e) => errors.push(ReadError {
                document: i + 1,
                id: e.id,
                message: e.message,
            }),
        }
    }
    Ok((docs, errors))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_one_document_with_the_given_id() {
        let meta = TextMeta {
            id: Some("d1".into()),
            ..TextMeta::default()
        };
        let (docs, errors) = documents(b"Russia criticized Ukraine.", Some("text/plain"), &meta).unwrap();
        assert!(errors.is_empty());
        assert_eq!((docs.len(), docs[0].id.as_str()), (1, "d1"));
    }

    #[test]
    fn a_json_array_keeps_good_documents_and_reports_bad_ones() {
        let body = br#"[{"id":"a","text":"One."},{"id":"b"},{"text":"Three.","date":"2024-02-30"}]"#;
        let (docs, errors) = documents(body, Some("application/json"), &TextMeta::default()).unwrap();
        assert_eq!(docs.len(), 1);
        let at: Vec<usize> = errors.iter().map(|e| e.document).collect();
        assert_eq!(at, [2, 3]);
        assert_eq!(errors[0].id.as_deref(), Some("b"));
    }

    #[test]
    fn json_lines_are_read_line_by_line() {
        let body = b"{\"id\":\"a\",\"text\":\"One.\"}\n{\"id\":\"b\",\"text\":\"Two.\"}\n";
        let (docs, _) = documents(body, None, &TextMeta::default()).unwrap();
        assert_eq!(docs.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), ["a", "b"]);
    }

    #[test]
    fn malformed_json_names_line_and_column() {
        let err = documents(b"{\"text\": \n oops}", Some("application/json"), &TextMeta::default()).unwrap_err();
        assert_eq!(err.code, "bad_json");
        assert!(err.message.contains("line 2"), "{}", err.message);
    }

    #[test]
    fn an_empty_body_is_refused() {
        let err = documents(b"  \n", None, &TextMeta::default()).unwrap_err();
        assert_eq!(err.code, "empty_body");
    }
}
