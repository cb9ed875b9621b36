//! Where a document came from: agencies credited in datelines (`MOSCOW,
//! Nov 28 (Reuters) -`, `/TASS/`) and credit lines (`Based on materials
//! from APA`, `— AFP`, `AP writers contributed to this report`), agencies
//! cited in the text (`Xinhua reported`), photo credits (`Photo: Anadolu`,
//! `Jane Doe/Getty Images`, `(Anadolu photo)`) and the byline (`By Jane Doe`).
//!
//! Credit contexts are short pieces of text (lines split at sentence ends),
//! so the agency scan over them is cheap; the body is never scanned for bare
//! agency names.

use dyad_segment::Segmented;

use crate::lexicon::{CreditKind, Lexicon};

/// What the provenance scan found (agency indices into [`Lexicon::agencies`]).
#[derive(Debug, Default)]
pub(crate) struct Provenance {
    pub credited: Vec<usize>,
    pub cited: Vec<usize>,
    pub photo_credits: Vec<String>,
    pub byline: Option<String>,
}

const MAX_CREDIT: usize = 60;

fn push_unique<T: PartialEq>(v: &mut Vec<T>, x: T) {
    if !v.contains(&x) {
        v.push(x);
    }
}

/// Pieces of a line: split after `. `, `; `, ` | `.
fn pieces(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = line.as_bytes();
    for i in 0..bytes.len() {
        let sep = matches!(bytes[i], b'.' | b';' | b'|') && bytes.get(i + 1) == Some(&b' ');
        if sep {
            // Keep initials and abbreviations (`J. Doe`) together.
            let word_start = line[..i].rfind(' ').map_or(0, |p| p + 1);
            if bytes[i] == b'.' && i - word_start <= 1 {
                continue;
            }
            out.push(line[start..i].trim());
            start = i + 1;
        }
    }
    out.push(line[start..].trim());
    out.retain(|p| !p.is_empty());
    out
}

/// Whether `s` starts with `phrase` as whole words.
fn starts_with_phrase(s: &str, phrase: &str) -> bool {
    s.starts_with(phrase)
        && (phrase.ends_with(|c: char| !c.is_alphanumeric())
            || s[phrase.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric()))
}

/// `s` with a trailing period and parenthesis removed and space trimmed.
fn clean(s: &str) -> &str {
    s.trim().trim_end_matches(['.', ')', ',']).trim()
}

/// Whether `s` looks like a name list (words mostly capitalized).
fn looks_like_names(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 8
        && words.iter().all(|w| {
            w.chars().next().is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
                || matches!(*w, "and" | "of" | "in" | "de" | "van" | "von" | "al" | "bin")
        })
}

/// Scan a document for provenance. `text` is the document text, `seg` its
/// segmentation (for datelines and paragraphs). Cost: one pass over the
/// lines, plus an agency scan of each short credit context.
pub(crate) fn provenance(text: &str, seg: &Segmented, lex: &Lexicon) -> Provenance {
    let mut p = Provenance::default();
    for d in &seg.datelines {
        for a in lex.agencies_in(d.slice(text)) {
            push_unique(&mut p.credited, a);
        }
    }
    // `(X)` and `/X/` in the first two paragraphs (datelines the segmenter
    // did not recognise as such).
    let head_end = seg
        .paragraphs
        .get(1)
        .or(seg.paragraphs.first())
        .map_or(0, |p| p.span.end as usize);
    let head = &text[..head_end.min(text.len())];
    for (open, close) in [('(', ')'), ('/', '/')] {
        let mut from = 0;
        while let Some(o) = head[from..].find(open) {
            let o = from + o;
            let Some(c) = head[o + 1..].find(close) else { break };
            let inner = &head[o + 1..o + 1 + c];
            if !inner.is_empty() && inner.len() <= 30 && !inner.contains('\n') {
                for a in lex.agencies_in(inner) {
                    push_unique(&mut p.credited, a);
                }
            }
            from = o + 1 + c + if open == close { 0 } else { 1 };
            if open == close {
                from = o + 1;
            }
        }
    }
    let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let n = lines.len();
    for line in &lines[n.saturating_sub(4)..] {
        let lower = line.to_lowercase();
        for (parts, agency) in &lex.signatures {
            if signed(&lower, parts) {
                push_unique(&mut p.credited, *agency);
            }
        }
    }
    for (li, line) in lines.iter().enumerate() {
        for piece in pieces(line) {
            scan_piece(piece, li, n, lex, &mut p);
        }
    }
    p
}

/// Whether a closing line starts with the first part of a house-style
/// signature and holds the others in order.
fn signed(line: &str, parts: &[String]) -> bool {
    if !line.starts_with(parts[0].as_str()) {
        return false;
    }
    let mut from = parts[0].len();
    for part in &parts[1..] {
        match line[from..].find(part.as_str()) {
            Some(at) => from += at + part.len(),
            None => return false,
        }
    }
    true
}

fn scan_piece(piece: &str, line: usize, lines: usize, lex: &Lexicon, p: &mut Provenance) {
    let lower = piece.to_lowercase();
    if lower.len() != piece.len() {
        // Case folding changed byte lengths; offsets below would not line up.
        return scan_unfolded(piece, lex, p);
    }
    for (kind, phrase) in &lex.credits {
        match kind {
            CreditKind::PhotoBefore if starts_with_phrase(&lower, phrase) => {
                let rest = clean(piece.get(phrase.len()..).unwrap_or("").split(')').next().unwrap_or(""));
                if !rest.is_empty() && rest.len() <= MAX_CREDIT {
                    push_unique(&mut p.photo_credits, rest.to_string());
                }
                return;
            }
            CreditKind::PhotoAfter => {
                let Some(pos) = lower.find(phrase.as_str()) else {
                    continue;
                };
                if phrase.ends_with(')') || phrase.ends_with("photo/") {
                    // `(Anadolu photo)`, `(AP Photo/Jane Doe)`
                    if let Some(o) = piece.get(..pos).unwrap_or("").rfind('(') {
                        let name = clean(piece.get(o + 1..pos).unwrap_or(""));
                        if !name.is_empty() && name.len() <= MAX_CREDIT {
                            push_unique(&mut p.photo_credits, name.to_string());
                            return;
                        }
                    }
                    continue;
                }
                let start = piece
                    .get(..pos)
                    .unwrap_or("")
                    .rfind(['(', ':', '|', ','])
                    .map_or(0, |s| s + 1);
                let credit = clean(piece.get(start..pos + phrase.len()).unwrap_or(""));
                if credit.len() <= MAX_CREDIT && looks_like_names(piece.get(start..pos).unwrap_or("")) {
                    push_unique(&mut p.photo_credits, credit.to_string());
                    return;
                }
            }
            CreditKind::CreditBefore if starts_with_phrase(&lower, phrase) => {
                for a in lex.agencies_in(piece.get(phrase.len()..).unwrap_or("")) {
                    push_unique(&mut p.credited, a);
                }
                if phrase == "reporting by" && p.byline.is_none() {
                    let who = clean(
                        piece
                            .get(phrase.len()..)
                            .unwrap_or("")
                            .split(" in ")
                            .next()
                            .unwrap_or(""),
                    );
                    if looks_like_names(who) {
                        p.byline = Some(who.to_string());
                    }
                }
                return;
            }
            CreditKind::CreditAfter | CreditKind::AttributionAfter => {
                let Some(pos) = lower.find(phrase.as_str()) else {
                    continue;
                };
                let before = piece.get(..pos).unwrap_or("");
                let mut from = before.len().saturating_sub(80);
                while !before.is_char_boundary(from) {
                    from += 1;
                }
                let before = &before[from..];
                let target = if *kind == CreditKind::CreditAfter {
                    &mut p.credited
                } else {
                    &mut p.cited
                };
                for a in lex.agencies_in(before.get(..).unwrap_or("")) {
                    push_unique(target, a);
                }
            }
            CreditKind::BylineBefore if line < 3 && p.byline.is_none() && starts_with_phrase(&lower, phrase) => {
                let who = clean(piece.get(phrase.len()..).unwrap_or(""));
                if looks_like_names(who) {
                    p.byline = Some(who.to_string());
                    for a in lex.agencies_in(who) {
                        push_unique(&mut p.credited, a);
                    }
                }
                return;
            }
            _ => {}
        }
    }
    // `— AFP` closing a paragraph, or a line that is only an agency name.
    let bare = piece
        .trim_start_matches(['-', '\u{2014}', '\u{2013}', '(', ' '])
        .trim_end_matches([')', '.', ' ']);
    if bare.len() <= 30 && (bare.len() < piece.len() || line + 3 >= lines) {
        let found = lex.agencies_in(bare);
        let named: usize = found
            .iter()
            .flat_map(|&a| lex.agencies[a].variants.iter())
            .filter(|(v, _)| bare.contains(v.as_str()))
            .map(|(v, _)| v.len())
            .max()
            .unwrap_or(0);
        if named * 2 >= bare.len() {
            for a in found {
                push_unique(&mut p.credited, a);
            }
        }
    }
}

/// Pieces whose case folding changes length (rare scripts): exact-case
/// `before` phrases only.
fn scan_unfolded(piece: &str, lex: &Lexicon, p: &mut Provenance) {
    for (kind, phrase) in &lex.credits {
        if *kind == CreditKind::CreditBefore && piece.to_lowercase().starts_with(phrase.as_str()) {
            for a in lex.agencies_in(piece) {
                push_unique(&mut p.credited, a);
            }
        }
    }
}
