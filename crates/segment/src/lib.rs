//! Segmentation of news text into paragraphs, sentences and tokens.
//!
//! ```
//! let text = "MOSCOW, Nov 28 (Reuters) - Gen. Ivanov met U.S. officials. \
//!             They talked for 2.5 hours.";
//! let seg = dyad_segment::segment(text);
//! let sentences: Vec<&str> = seg.sentences.iter().map(|s| s.span.slice(text)).collect();
//! assert_eq!(sentences, ["Gen. Ivanov met U.S. officials.", "They talked for 2.5 hours."]);
//! assert_eq!(seg.datelines[0].slice(text), "MOSCOW, Nov 28 (Reuters)");
//! ```
//!
//! Every span is a byte range into the original text: nothing is rewritten.
//! Normalization for matching (upper case, folded diacritics, straight quotes)
//! lives in each token's normalized form, see [`Segmented::norm`].
//!
//! Cost: one pass over the text for layout, one for tokens, one over tokens for
//! sentences; memory is one [`Token`] (24 bytes) per token plus the normalized
//! forms. The splitter is rule-based and written for wire copy; see the tests
//! in `tests/sentences.rs` for the cases it handles.

mod abbrev;
mod dateline;
mod layout;
mod sentence;
mod token;

use std::ops::Range;

use dyad_doc::Span;

pub use abbrev::{is_abbreviation, is_title};
pub use token::{flags, Kind, QuoteSide, Token};

/// A paragraph: a block of text separated from the next by a blank line (or,
/// in text with one paragraph per line, by a line break).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    pub span: Span,
    /// The sentences of this paragraph, as indices into [`Segmented::sentences`].
    pub sentences: Range<u32>,
}

/// A sentence: a span of text and the range of its tokens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    /// Indices into [`Segmented::tokens`].
    pub tokens: Range<u32>,
    /// Index into [`Segmented::paragraphs`].
    pub paragraph: u32,
}

/// The result of segmenting one text.
#[derive(Clone, Debug, Default)]
pub struct Segmented {
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
    /// Datelines found at the start of the story (`MOSCOW, Nov 28 (Reuters)`),
    /// not part of any sentence.
    pub datelines: Vec<Span>,
    norm: String,
}

impl Segmented {
    /// The normalized form of a token: upper case, diacritics folded
    /// (`Đ` -> `D`), curly quotes and apostrophes straightened, all dashes
    /// `-`, soft hyphens and zero-width characters dropped.
    pub fn norm(&self, token: &Token) -> &str {
        &self.norm[token.norm.0 as usize..token.norm.1 as usize]
    }

    /// The tokens of a sentence.
    pub fn sentence_tokens(&self, sentence: &Sentence) -> &[Token] {
        &self.tokens[sentence.tokens.start as usize..sentence.tokens.end as usize]
    }
}

/// The normalized words of a dictionary phrase, tokenized exactly as
/// sentence text is, so that a phrase and the text it names always agree:
/// `"AL-QAEDA"` -> `["AL", "QAEDA"]`, `"GONDOR'S"` -> `["GONDOR", "'S"]`,
/// `"U.S."` -> `["U.S."]`. Underscores join words and count as spaces.
pub fn phrase_words(phrase: &str) -> Vec<String> {
    let spaced = phrase.replace('_', " ");
    let mut tokens = Vec::new();
    let mut norm = String::new();
    token::tokenize(&spaced, 0, spaced.len(), &mut tokens, &mut norm);
    // Punctuation is not part of a phrase: the coder reads words only, so a
    // dictionary's "ANTI-" must be the word ANTI.
    tokens
        .iter()
        .filter(|t| matches!(t.kind, Kind::Word | Kind::Number))
        .map(|t| norm[t.norm.0 as usize..t.norm.1 as usize].to_string())
        .collect()
}

/// The longest sentence, in tokens, that the later stages see. Real
/// sentences stay far below it (a 100-word sentence is about 130 tokens);
/// a run-on line without sentence ends (a table, a list, broken markup) is
/// cut into pieces of at most this many tokens, so that coding and
/// attribution stay linear in the length of the input.
pub const MAX_SENTENCE_TOKENS: usize = 256;

/// Cut a token range longer than [`MAX_SENTENCE_TOKENS`] into pieces,
/// each ending after the last `;` or `,` of its window when there is one
/// in its second half, else at the window's end.
fn cap_length(tokens: &[Token], text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = range.start;
    while range.end - start > MAX_SENTENCE_TOKENS {
        let limit = start + MAX_SENTENCE_TOKENS;
        let half = start + MAX_SENTENCE_TOKENS / 2;
        let cut = [";", ","]
            .iter()
            .find_map(|p| (half..limit).rev().find(|&i| tokens[i].span.slice(text) == *p))
            .map_or(limit, |i| i + 1);
        out.push(start..cut);
        start = cut;
    }
    out.push(start..range.end);
    out
}

/// Segment `text` into paragraphs, sentences and tokens.
pub fn segment(text: &str) -> Segmented {
    let mut seg = Segmented::default();
    for (index, block) in layout::paragraphs(text).into_iter().enumerate() {
        let mut start = block.start;
        if index < 2 {
            if let Some((body, end)) = dateline::detect(text, block.start, block.end) {
                seg.datelines.push(Span::new(block.start, end));
                start = body;
            }
        }
        let first_token = seg.tokens.len();
        token::tokenize(text, start, block.end, &mut seg.tokens, &mut seg.norm);
        let para_index = seg.paragraphs.len() as u32;
        let first_sentence = seg.sentences.len() as u32;
        let ranges = sentence::split(&seg.tokens, first_token, &seg.norm, text);
        for range in ranges.into_iter().flat_map(|r| cap_length(&seg.tokens, text, r)) {
            let toks = &seg.tokens[range.clone()];
            if toks.iter().any(|t| matches!(t.kind, Kind::Word | Kind::Number)) {
                let span = toks[0].span.cover(toks[toks.len() - 1].span);
                seg.sentences.push(Sentence {
                    span,
                    tokens: range.start as u32..range.end as u32,
                    paragraph: para_index,
                });
            }
        }
        seg.paragraphs.push(Paragraph {
            span: Span::new(block.start, block.end),
            sentences: first_sentence..seg.sentences.len() as u32,
        });
    }
    seg
}
