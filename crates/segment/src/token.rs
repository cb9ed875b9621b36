//! Tokens: words, numbers, clitics and punctuation with byte offsets into the
//! original text and a normalized form for dictionary matching.
//!
//! Normalization (upper case, diacritics folded, curly quotes and apostrophes
//! straightened, dashes unified, soft hyphens and zero-width characters
//! dropped) is applied to each token's *normalized form* only; the token's
//! span always covers the exact original bytes.

use dyad_doc::Span;

use crate::abbrev;

/// What kind of token this is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Letters (possibly with digits, internal apostrophes or abbreviation
    /// periods: `U.S.`, `O'Brien`, `Gen.`), or a clitic (`'s`, `n't`).
    Word,
    /// Starts with a digit: `1990`, `11.8`, `50,000`, `2.0.1`.
    Number,
    /// A quotation mark of any style.
    Quote(QuoteSide),
    /// `-` standing alone, `--`, en and em dashes.
    Dash,
    /// `...` or `…`.
    Ellipsis,
    /// Any other punctuation or symbol, one character.
    Punct,
}

/// Whether a quotation mark opens or closes a quotation, as far as its
/// surroundings tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QuoteSide {
    Open,
    Close,
    Unknown,
}

/// Bit flags describing a token's surroundings and shape.
pub mod flags {
    /// Whitespace (or the start of the paragraph) precedes the token.
    pub const SPACE_BEFORE: u8 = 1;
    /// A line break precedes the token.
    pub const NEWLINE_BEFORE: u8 = 2;
    /// The token is joined to the previous one by a hyphen (`war-torn`).
    pub const HYPHEN_BEFORE: u8 = 4;
    /// The first character is an upper-case letter.
    pub const CAPITALIZED: u8 = 8;
    /// Every letter is upper case and there are at least two.
    pub const ALL_CAPS: u8 = 16;
    /// A word that ends with an abbreviation or initial period (`Gen.`, `J.`).
    pub const ABBREVIATION: u8 = 32;
    /// A single-quote-like mark that may be an apostrophe (`countries'`).
    pub const APOSTROPHE: u8 = 64;
}

/// One token. Its text is `span.slice(original)`; its normalized form is
/// kept in the [`crate::Segmented`] it belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: Kind,
    pub flags: u8,
    pub(crate) norm: (u32, u32),
}

impl Token {
    pub fn has(&self, flag: u8) -> bool {
        self.flags & flag != 0
    }
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{00A0}' || c == '\u{202F}' || c == '\u{2007}'
}

/// Characters that are invisible and dropped from normalized forms: soft
/// hyphen, zero-width space/joiners, word joiner, byte-order mark.
pub(crate) fn is_ignorable(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

fn is_dash(c: char) -> bool {
    matches!(c, '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2212}')
}

fn quote_char(c: char) -> Option<QuoteSide> {
    match c {
        '"' | '\'' | '`' => Some(QuoteSide::Unknown),
        '\u{201C}' | '\u{2018}' | '\u{00AB}' | '\u{2039}' | '\u{201E}' | '\u{201A}' => Some(QuoteSide::Open),
        '\u{201D}' | '\u{2019}' | '\u{00BB}' | '\u{203A}' => Some(QuoteSide::Close),
        _ => None,
    }
}

/// A cursor over a text slice that yields chars with their byte offsets.
struct Chars<'a> {
    text: &'a str,
    end: usize,
}

impl Chars<'_> {
    fn at(&self, i: usize) -> Option<char> {
        if i >= self.end {
            return None;
        }
        self.text[i..].chars().next()
    }

    /// The char before byte offset `i` (not looking before `floor`).
    fn before(&self, i: usize, floor: usize) -> Option<char> {
        if i <= floor {
            return None;
        }
        self.text[floor..i].chars().next_back()
    }
}

/// Tokenize `text[start..end]`, appending tokens to `out` and their
/// normalized forms to `norm`. The first token counts as preceded by space.
pub(crate) fn tokenize(text: &str, start: usize, end: usize, out: &mut Vec<Token>, norm: &mut String) {
    let cur = Chars { text, end };
    let mut i = start;
    let mut pending = flags::SPACE_BEFORE;
    while let Some(c) = cur.at(i) {
        let len = c.len_utf8();
        if is_space(c) {
            pending |= flags::SPACE_BEFORE;
            if c == '\n' || c == '\u{2028}' || c == '\u{2029}' {
                pending |= flags::NEWLINE_BEFORE;
            }
            i += len;
            continue;
        }
        if is_ignorable(c) {
            i += len;
            continue;
        }
        let (tok_end, kind, extra) = if is_word_char(c) {
            scan_word(&cur, i)
        } else {
            scan_punct(&cur, i, start, pending)
        };
        let mut flags = pending | extra;
        let norm_start = norm.len();
        normalize_into(&text[i..tok_end], kind, norm);
        if kind == Kind::Word {
            flags |= case_flags(&text[i..tok_end]);
        }
        out.push(Token {
            span: Span::new(i, tok_end),
            kind,
            flags,
            norm: (norm_start as u32, norm.len() as u32),
        });
        pending = 0;
        i = tok_end;
        // A hyphen joining two word characters is a separator, not a token.
        if let Some(h) = cur.at(i) {
            if is_hyphen(h) && matches!(kind, Kind::Word | Kind::Number) {
                if let Some(n) = cur.at(i + h.len_utf8()) {
                    if is_word_char(n) {
                        i += h.len_utf8();
                        pending = flags::HYPHEN_BEFORE;
                    }
                }
            }
        }
    }
}

fn case_flags(s: &str) -> u8 {
    let mut letters = 0;
    let mut upper = 0;
    let mut first_upper = None;
    for c in s.chars() {
        if c.is_alphabetic() {
            letters += 1;
            if c.is_uppercase() {
                upper += 1;
            }
            if first_upper.is_none() {
                first_upper = Some(c.is_uppercase());
            }
        }
    }
    let mut f = 0;
    if first_upper == Some(true) {
        f |= flags::CAPITALIZED;
    }
    if letters >= 2 && upper == letters {
        f |= flags::ALL_CAPS;
    }
    f
}

/// Scan a word or number starting at `i`. Returns its end, kind and flags.
fn scan_word(cur: &Chars<'_>, i: usize) -> (usize, Kind, u8) {
    let numeric = cur.at(i).is_some_and(|c| c.is_ascii_digit());
    let mut j = i;
    // Length of the current run of letters since the last internal period,
    // used to accept `U.S` / `a.m` but not `end.Next`.
    let mut run = 0usize;
    let mut has_internal_period = false;
    while let Some(c) = cur.at(j) {
        let len = c.len_utf8();
        if is_word_char(c) || is_ignorable(c) {
            if !is_ignorable(c) {
                run += 1;
            }
            j += len;
            continue;
        }
        let next = cur.at(j + len);
        let prev = cur.before(j, i);
        if c == '.' || c == ',' {
            let prev_digit = prev.is_some_and(|p| p.is_ascii_digit());
            let next_digit = next.is_some_and(|n| n.is_ascii_digit());
            if numeric && prev_digit && next_digit {
                // 11.8, 50,000, 2.0.1
                j += len;
                continue;
            }
            if c == '.' && !numeric && run <= 2 && next.is_some_and(|n| n.is_alphabetic()) {
                // U.S, a.m, U.N: letters separated by single periods. Only when
                // the next run is also short, to keep "end.Next" apart.
                let mut k = j + 1;
                let mut next_run = 0;
                while let Some(n) = cur.at(k) {
                    if n.is_alphabetic() {
                        next_run += 1;
                        k += n.len_utf8();
                    } else {
                        break;
                    }
                }
                if next_run <= 2 && cur.at(k).is_none_or(|n| !n.is_alphanumeric()) {
                    has_internal_period = true;
                    run = 0;
                    j += len;
                    continue;
                }
            }
            break;
        }
        if is_apostrophe(c) && next.is_some_and(|n| n.is_alphabetic()) {
            // Clitics become their own tokens: Gondor|'s, did|n't.
            let rest_start = j + len;
            let mut k = rest_start;
            while let Some(n) = cur.at(k) {
                if n.is_alphabetic() {
                    k += n.len_utf8();
                } else {
                    break;
                }
            }
            let rest = cur.text[rest_start..k].to_ascii_lowercase();
            if matches!(rest.as_str(), "s" | "re" | "ve" | "ll" | "d" | "m") {
                break;
            }
            if rest == "t" && prev.is_some_and(|p| p == 'n' || p == 'N') && j - 1 > i {
                // `didn't` -> `did` + `n't`
                return (j - 1, Kind::Word, 0);
            }
            // O'Brien, Shi'a, Côte d'Ivoire
            j += len;
            run += 1;
            continue;
        }
        break;
    }
    let kind = if numeric { Kind::Number } else { Kind::Word };
    // A trailing period belongs to abbreviations and initials.
    if kind == Kind::Word && cur.at(j) == Some('.') {
        let word = &cur.text[i..j];
        let after = cur.at(j + 1);
        let is_ellipsis = after == Some('.');
        if !is_ellipsis && (has_internal_period || abbrev::is_abbreviation(word) || is_initial(word)) {
            return (j + 1, kind, flags::ABBREVIATION);
        }
    }
    (j, kind, 0)
}

fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
}

/// Scan a punctuation token starting at `i`.
fn scan_punct(cur: &Chars<'_>, i: usize, floor: usize, pending: u8) -> (usize, Kind, u8) {
    let c = cur.at(i).unwrap_or(' ');
    let len = c.len_utf8();
    let next = cur.at(i + len);
    if c == '.' {
        let mut j = i;
        while cur.at(j) == Some('.') {
            j += 1;
        }
        if j - i >= 2 {
            return (j, Kind::Ellipsis, 0);
        }
        return (i + 1, Kind::Punct, 0);
    }
    if c == '\u{2026}' {
        return (i + len, Kind::Ellipsis, 0);
    }
    if is_apostrophe(c) && next.is_some_and(|n| n.is_alphabetic()) {
        // A clitic after a word: 's 're 've 'll 'd 'm (the word scanner
        // stopped before it), or `n't` handled there.
        if pending & flags::SPACE_BEFORE == 0 {
            let mut k = i + len;
            while let Some(n) = cur.at(k) {
                if n.is_alphabetic() {
                    k += n.len_utf8();
                } else {
                    break;
                }
            }
            return (k, Kind::Word, 0);
        }
    }
    if is_hyphen(c) {
        let mut j = i + len;
        while let Some(n) = cur.at(j) {
            if is_hyphen(n) || is_dash(n) {
                j += n.len_utf8();
            } else {
                break;
            }
        }
        return (j, Kind::Dash, 0);
    }
    if is_dash(c) {
        return (i + len, Kind::Dash, 0);
    }
    if let Some(mut side) = quote_char(c) {
        // Two backquotes or two apostrophes are one mark (``like this'').
        let mut end = i + len;
        if (c == '`' || c == '\'') && next == Some(c) {
            end += 1;
        }
        let before = cur.before(i, floor);
        let after = cur.at(end);
        let space_before = before.is_none_or(|b| is_space(b) || "([{-\u{2014}\u{2013}".contains(b));
        let space_after = after.is_none_or(|a| is_space(a) || ",.;:!?)]}".contains(a) || is_dash(a));
        let mut extra = 0;
        if c == '\u{2019}' || c == '\'' {
            // After a word ending in s: possibly a plural possessive.
            if before.is_some_and(|b| b == 's' || b == 'S') && space_after {
                extra |= flags::APOSTROPHE;
            }
        }
        if side == QuoteSide::Unknown {
            side = match (space_before, space_after) {
                (true, false) => QuoteSide::Open,
                (false, true) => QuoteSide::Close,
                _ => QuoteSide::Unknown,
            };
        }
        return (end, Kind::Quote(side), extra);
    }
    (i + len, Kind::Punct, 0)
}

/// Append the normalized form of a token's text to `out`.
fn normalize_into(s: &str, kind: Kind, out: &mut String) {
    match kind {
        Kind::Quote(_) => {
            let single = s.starts_with(['\'', '\u{2018}', '\u{2019}', '\u{201A}', '\u{2039}', '\u{203A}']);
            out.push(if single && s.chars().count() == 1 { '\'' } else { '"' });
        }
        Kind::Dash => out.push('-'),
        Kind::Ellipsis => out.push_str("..."),
        _ => {
            for c in s.chars() {
                if c.is_ascii() {
                    out.push(c.to_ascii_uppercase());
                } else if is_apostrophe(c) {
                    out.push('\'');
                } else if is_ignorable(c) || is_mark(c) {
                } else if let Some(t) = deunicode::deunicode_char(c) {
                    for d in t.chars() {
                        out.push(d.to_ascii_uppercase());
                    }
                } else {
                    out.extend(c.to_uppercase());
                }
            }
        }
    }
}
