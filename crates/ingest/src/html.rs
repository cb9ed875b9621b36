//! HTML articles: the main text is extracted with `dom_smoothie` (a port of
//! Mozilla's Readability), the title and publication date come from the
//! page's metadata when present.

use dyad_doc::{parse_date, Date, Document, Format, Origin};

use crate::{error, Item};

/// Read an HTML page as one document.
pub fn read(path: &str, html: &str) -> Item {
    let origin = Origin::file(path);
    let date = published_date(html);
    let mut readability = match dom_smoothie::Readability::new(html, None, None) {
        Ok(r) => r,
        Err(e) => return Err(error(origin, None, format!("cannot parse HTML: {e}"))),
    };
    let article = match readability.parse() {
        Ok(a) => a,
        Err(e) => return Err(error(origin, None, format!("no article text found in HTML: {e}"))),
    };
    let text = tidy(&article.text_content);
    let mut doc = Document::from_text(text, origin);
    doc.format = Format::Html;
    let title = article.title.trim();
    if !title.is_empty() {
        doc.title = Some(title.to_string());
    }
    doc.date = date.or_else(|| article.published_time.as_deref().and_then(parse_date));
    if let Some(site) = article.site_name.as_deref().filter(|s| !s.trim().is_empty()) {
        doc.source = Some(site.trim().to_string());
    }
    Ok(doc)
}

/// Collapse the whitespace Readability leaves: lines are trimmed, runs of
/// blank lines become one blank line (a paragraph break).
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = false;
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if blank {
            out.push_str("\n\n");
        } else if !out.is_empty() {
            out.push('\n');
        }
        blank = false;
        out.push_str(line);
    }
    out
}

/// The publication date from common metadata: `article:published_time`,
/// `datePublished` (JSON-LD), `<time datetime>`, `pubdate`, `date`.
fn published_date(html: &str) -> Option<Date> {
    const KEYS: &[&str] = &[
        "article:published_time",
        "\"datePublished\"",
        "name=\"pubdate\"",
        "name=\"date\"",
        "itemprop=\"datePublished\"",
        "<time datetime=",
    ];
    for key in KEYS {
        let mut rest = html;
        while let Some(pos) = rest.find(key) {
            let after = &rest[pos + key.len()..];
            let window = &after[..after.len().min(200)];
            if let Some(date) = first_iso_date(window) {
                return Some(date);
            }
            rest = &rest[pos + key.len()..];
        }
    }
    None
}

fn first_iso_date(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    for i in 0..b.len().saturating_sub(9) {
        if b[i..i + 4].iter().all(u8::is_ascii_digit) && b[i + 4] == b'-' {
            if let Some(d) = s.get(i..i + 10).and_then(parse_date) {
                return Some(d);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_text_title_and_date() {
        let html = r#"<!doctype html><html><head><title>Talks resume | Example News</title>
<meta property="article:published_time" content="2024-03-05T09:00:00Z">
</head><body><nav>Home | World | Sport</nav>
<article><h1>Talks resume</h1>
<p>Russian and Ukrainian negotiators met in Istanbul on Tuesday for the first direct talks in months, officials said.</p>
<p>The delegations discussed prisoner exchanges and the safety of shipping in the Black Sea, according to a statement.</p>
<p>Turkish Foreign Minister Hakan Fidan hosted the meeting and said the sides had agreed to meet again next week.</p>
</article><footer>Copyright</footer></body></html>"#;
        let doc = read("a.html", html).unwrap();
        assert!(doc.text.contains("Istanbul on Tuesday"), "{}", doc.text);
        assert!(!doc.text.contains("Copyright"));
        assert_eq!(doc.date.unwrap().to_string(), "2024-03-05");
        assert!(doc.title.unwrap().contains("Talks resume"));
    }

    #[test]
    fn garbage_html_does_not_panic() {
        let _ = read("g.html", "<<<>>><html><p>unclosed <b>tags");
        let _ = read("e.html", "");
    }
}
