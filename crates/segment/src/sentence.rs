//! The sentence splitter: decides, at each candidate terminal token, whether
//! a sentence ends there.

use std::ops::Range;

use crate::abbrev;
use crate::token::{flags, Kind, QuoteSide, Token};

/// Words after `a.m.`/`p.m.` that continue the sentence.
const TIME_FOLLOWERS: &[&str] = &[
    "MONDAY",
    "TUESDAY",
    "WEDNESDAY",
    "THURSDAY",
    "FRIDAY",
    "SATURDAY",
    "SUNDAY",
    "GMT",
    "UTC",
    "EST",
    "EDT",
    "ET",
    "PST",
    "PDT",
    "CET",
    "CEST",
    "BST",
    "MSK",
    "IST",
    "JST",
    "LOCAL",
];

fn norm<'a>(norm: &'a str, t: &Token) -> &'a str {
    &norm[t.norm.0 as usize..t.norm.1 as usize]
}

fn is_closer(t: &Token, norm_text: &str) -> bool {
    match t.kind {
        Kind::Quote(QuoteSide::Close) | Kind::Quote(QuoteSide::Unknown) => true,
        Kind::Punct => matches!(norm(norm_text, t), ")" | "]" | "}"),
        _ => false,
    }
}

fn starts_lower(text: &str, t: &Token) -> bool {
    t.span.slice(text).chars().next().is_some_and(|c| c.is_lowercase())
}

fn starts_upper_or_digit(text: &str, t: &Token) -> bool {
    t.span
        .slice(text)
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

fn opens(t: &Token, norm_text: &str) -> bool {
    match t.kind {
        Kind::Quote(QuoteSide::Open) | Kind::Quote(QuoteSide::Unknown) => true,
        Kind::Punct => matches!(norm(norm_text, t), "(" | "["),
        Kind::Dash => true,
        _ => false,
    }
}

/// Split `tokens[first..]` (one paragraph) into sentences; returns token
/// index ranges.
pub fn split(tokens: &[Token], first: usize, norm_text: &str, text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let n = tokens.len();
    let mut start = first;
    let mut i = first;
    while i < n {
        let t = &tokens[i];
        let terminal = match t.kind {
            Kind::Punct => matches!(norm(norm_text, t), "." | "!" | "?"),
            Kind::Ellipsis => true,
            Kind::Word => t.has(flags::ABBREVIATION),
            _ => false,
        };
        if !terminal {
            i += 1;
            continue;
        }
        // Absorb repeated terminal punctuation and closing quotes/brackets.
        let mut k = i + 1;
        while k < n {
            let u = &tokens[k];
            let more_terminal = u.kind == Kind::Punct && matches!(norm(norm_text, u), "." | "!" | "?");
            if more_terminal || (is_closer(u, norm_text) && !u.has(flags::SPACE_BEFORE)) {
                k += 1;
            } else {
                break;
            }
        }
        if ends_here(tokens, start, i, k, norm_text, text) {
            out.push(start..k);
            start = k;
        }
        i = k;
    }
    if start < n {
        out.push(start..n);
    }
    out
}

/// Whether a sentence ends after `tokens[i]` (with closers up to `k`).
fn ends_here(tokens: &[Token], start: usize, i: usize, k: usize, norm_text: &str, text: &str) -> bool {
    let t = &tokens[i];
    let Some(next) = tokens.get(k) else {
        return true;
    };
    // A list marker `1.` at the start of a sentence.
    if i == start + 1 && tokens[start].kind == Kind::Number && norm(norm_text, t) == "." {
        return false;
    }
    if next.kind == Kind::Punct && matches!(norm(norm_text, next), "," | ";" | ":" | ")") {
        return false;
    }
    if starts_lower(text, next) {
        return false;
    }
    let next_norm = norm(norm_text, next);
    match t.kind {
        Kind::Word => {
            // An abbreviation or initial with its period.
            let word = t.span.slice(text);
            let bare = word.trim_end_matches('.');
            if abbrev::is_title(bare) {
                return false;
            }
            let single_letter = bare.chars().count() == 1;
            if single_letter {
                // Initials: J. R. R. Tolkien. A lone capital letter at the end
                // of a sentence ("Plan B.") is rare in news.
                return false;
            }
            if abbrev::is_month(bare) && next.kind == Kind::Number {
                return false;
            }
            if next.kind == Kind::Number {
                return false;
            }
            let lower = bare.to_ascii_lowercase();
            if (lower == "a.m" || lower == "p.m") && next.kind == Kind::Word {
                return !TIME_FOLLOWERS.contains(&next_norm);
            }
            if opens(next, norm_text) {
                return true;
            }
            next.kind == Kind::Word && abbrev::starts_sentence(next.span.slice(text))
        }
        Kind::Ellipsis => starts_upper_or_digit(text, next) || opens(next, norm_text),
        _ => {
            // `.`, `!`, `?`
            starts_upper_or_digit(text, next) || opens(next, norm_text) || next.kind != Kind::Word
        }
    }
}
