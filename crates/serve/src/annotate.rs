//! The annotated text: the document with every recognized thing wrapped in
//! a `<mark>` whose classes say what it is (actor, verb, date, place, quote
//! of speaker K), built from the byte spans of the records.
//!
//! Annotations overlap (an actor inside a quotation), so the text is cut at
//! every span boundary and each piece carries the classes of all the spans
//! covering it: the HTML never mis-nests, whatever the spans.

use std::fmt::Write;

use dyad_doc::records::Record;

/// One highlighted span: byte offsets into the text, CSS classes and a
/// tooltip.
#[derive(Clone, Debug)]
pub struct Mark {
    pub start: usize,
    pub end: usize,
    pub class: String,
    pub title: String,
}

/// Speakers in order of first quotation: the index picks the colour.
#[derive(Default)]
pub struct Speakers {
    pub names: Vec<(String, Option<String>)>,
}

impl Speakers {
    /// The colour index of a speaker (names compared exactly).
    pub fn index(&mut self, name: &str, code: Option<&str>) -> usize {
        if let Some(i) = self.names.iter().position(|(n, _)| n == name) {
            return i;
        }
        self.names.push((name.to_string(), code.map(str::to_string)));
        self.names.len() - 1
    }
}

/// Number of speaker colours in the style sheet (`spk-0` .. `spk-7`).
pub const COLOURS: usize = 8;

/// Marks for records of one document: actor, date and place mentions, event
/// verbs, quotations (coloured by speaker), their cues and speakers.
pub fn marks(records: &[Record], speakers: &mut Speakers) -> Vec<Mark> {
    let mut out = Vec::new();
    for r in records {
        match r {
            Record::Mention(m) => {
                let title = match m.kind.as_str() {
                    "actor" => format!("actor {}", m.code.as_deref().unwrap_or("?")),
                    "date" => format!("date {}", m.value.as_ref().and_then(Option::as_deref).unwrap_or("?")),
                    _ => {
                        let mut t = format!("place {}", m.name.as_deref().unwrap_or(&m.text));
                        if let Some(c) = &m.country {
                            let _ = write!(t, " ({c})");
                        }
                        t
                    }
                };
                let class = match m.kind.as_str() {
                    "actor" | "date" | "place" => m.kind.clone(),
                    _ => "other".to_string(),
                };
                out.push(Mark {
                    start: m.start,
                    end: m.end,
                    class,
                    title,
                });
            }
            Record::Event(e) => {
                out.push(Mark {
                    start: e.evidence.verb[0],
                    end: e.evidence.verb[1],
                    class: "verb".into(),
                    title: format!(
                        "{} {} {} → {}",
                        e.cameo,
                        e.cameo_name.as_deref().unwrap_or(""),
                        e.source.code,
                        e.target.code
                    ),
                });
            }
            Record::Quote(q) => {
                let (name, code) = match &q.speaker {
                    Some(s) => (s.name.as_str(), s.code.as_deref()),
                    None => ("unknown speaker", None),
                };
                let k = speakers.index(name, code) % COLOURS;
                for s in &q.spans {
                    out.push(Mark {
                        start: s[0],
                        end: s[1],
                        class: format!("quote spk-{k}"),
                        title: format!("quote of {name}"),
                    });
                }
                if let Some(s) = q.speaker.as_ref().and_then(|s| s.span) {
                    out.push(Mark {
                        start: s[0],
                        end: s[1],
                        class: format!("speaker spk-{k}"),
                        title: format!("speaker {name}"),
                    });
                }
                if let Some(c) = q.cue_span {
                    out.push(Mark {
                        start: c[0],
                        end: c[1],
                        class: "cue".into(),
                        title: "reporting verb".into(),
                    });
                }
            }
            Record::Document(_) => {}
        }
    }
    out
}

/// Escape text for HTML content and attribute values.
pub fn escape(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// `escape` into a new string.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    escape(s, &mut out);
    out
}

/// The text as HTML with the marks applied. `sentences` get anchors
/// `id="s-N"`; the sentence `focus` is outlined. Spans that are empty, out
/// of range or not on character boundaries are ignored. Cost: O((b + m) · a)
/// for b boundaries, m marks and a marks active at once (small).
pub fn render(text: &str, marks: &[Mark], sentences: &[[usize; 2]], focus: Option<usize>) -> String {
    let ok = |s: usize, e: usize| s < e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e);
    let mut valid: Vec<&Mark> = marks.iter().filter(|m| ok(m.start, m.end)).collect();
    valid.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    let sentences: Vec<[usize; 2]> = sentences.iter().copied().filter(|s| ok(s[0], s[1])).collect();
    let mut cuts: Vec<usize> = Vec::with_capacity(valid.len() * 2 + sentences.len() * 2 + 2);
    cuts.push(0);
    cuts.push(text.len());
    for m in &valid {
        cuts.push(m.start);
        cuts.push(m.end);
    }
    for s in &sentences {
        cuts.push(s[0]);
        cuts.push(s[1]);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = String::with_capacity(text.len() * 2);
    let mut next_mark = 0;
    let mut active: Vec<&Mark> = Vec::new();
    let mut sentence = 0;
    let mut classes: Vec<&str> = Vec::new();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        while sentence < sentences.len() && sentences[sentence][1] <= a {
            sentence += 1;
        }
        let in_sentence = sentence < sentences.len() && sentences[sentence][0] <= a;
        if in_sentence && sentences[sentence][0] == a {
            let _ = write!(out, "<a class=\"anchor\" id=\"s-{sentence}\"></a>");
        }
        active.retain(|m| m.end > a);
        while next_mark < valid.len() && valid[next_mark].start <= a {
            if valid[next_mark].end > a {
                active.push(valid[next_mark]);
            }
            next_mark += 1;
        }
        let focused = in_sentence && focus == Some(sentence);
        let piece = &text[a..b];
        if active.is_empty() && !focused {
            escape(piece, &mut out);
            continue;
        }
        classes.clear();
        for m in &active {
            for c in m.class.split(' ') {
                if !classes.contains(&c) {
                    classes.push(c);
                }
            }
        }
        if focused {
            classes.push("focus");
        }
        out.push_str("<mark class=\"");
        out.push_str(&classes.join(" "));
        out.push('"');
        if !active.is_empty() {
            out.push_str(" title=\"");
            for (i, m) in active.iter().enumerate() {
                if i > 0 {
                    out.push_str(" · ");
                }
                escape(&m.title, &mut out);
            }
            out.push('"');
        }
        out.push('>');
        escape(piece, &mut out);
        out.push_str("</mark>");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(start: usize, end: usize, class: &str) -> Mark {
        Mark {
            start,
            end,
            class: class.into(),
            title: class.split(' ').next().unwrap().into(),
        }
    }

    #[test]
    fn overlapping_marks_never_misnest() {
        let text = "He said \"Russia <won>\" today.";
        let html = render(text, &[mark(9, 21, "quote spk-0"), mark(9, 15, "actor")], &[], None);
        assert_eq!(
            html,
            "He said &quot;<mark class=\"quote spk-0 actor\" title=\"quote · actor\">Russia</mark>\
             <mark class=\"quote spk-0\" title=\"quote\"> &lt;won&gt;</mark>&quot; today."
        );
        assert_eq!(html.matches("<mark").count(), html.matches("</mark>").count());
    }

    #[test]
    fn spans_off_char_boundaries_or_out_of_range_are_ignored() {
        let text = "Zürich talks";
        // 2 is inside "ü" (bytes 1..3); 99 is past the end.
        let html = render(
            text,
            &[mark(0, 2, "place"), mark(7, 99, "verb"), mark(0, 7, "place")],
            &[],
            None,
        );
        assert_eq!(html, "<mark class=\"place\" title=\"place\">Zürich</mark> talks");
    }

    #[test]
    fn sentences_get_anchors_and_the_focused_one_is_marked() {
        let text = "One. Two.";
        let html = render(text, &[], &[[0, 4], [5, 9]], Some(1));
        assert_eq!(
            html,
            "<a class=\"anchor\" id=\"s-0\"></a>One. <a class=\"anchor\" id=\"s-1\"></a><mark class=\"focus\">Two.</mark>"
        );
    }
}
