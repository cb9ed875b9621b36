//! The words of a sentence as the coder sees them, and their classes.
//!
//! Tokens become words with TABARI's input filtering: punctuation other than
//! commas is dropped (semicolons become commas), the possessive `'s` is folded
//! into the word before it, short parenthesized asides (`(EU)`) are dropped.
//! Every word keeps the byte span of its token in the original text.

use dyad_doc::Span;
use dyad_segment::{flags, Kind, Segmented, Token};

/// A word of the sentence.
#[derive(Clone, Debug)]
pub struct Word<'a> {
    pub norm: &'a str,
    pub span: Span,
    /// Capitalized in the text.
    pub capitalized: bool,
    /// Has a lower-case letter in the text.
    pub lowercase: bool,
    /// Joined to the previous word by a hyphen (`U.S.-backed`).
    pub hyphen_before: bool,
    /// Followed by a possessive `'s` (or `'`).
    pub possessive: bool,
    pub class: Class,
    /// Inside an eliminated comma-delimited clause.
    pub inactive: bool,
}

/// What a word is, after dictionary lookup and the function-word lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    Other,
    /// Part of actor/agent noun phrase `np` (index into the analysis' phrases).
    Phrase(u32),
    /// The verb form `form` (index into `Dictionaries::verb_forms`), starting
    /// here; `Cont` marks the following words of a multi-word verb.
    Verb(u32),
    VerbCont,
    Noun,
    Adjective,
    Determiner,
    Pronoun(Pronoun),
    Conjunction,
    Auxiliary,
    By,
    Comma,
    Negation,
    Preposition,
    Number,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pronoun {
    /// he, she, it
    Subject,
    /// his, her, its
    Possessive,
    /// they, them, their
    Plural,
    /// who, which, that (relative)
    Relative,
}

pub fn function_class(norm: &str) -> Option<Class> {
    Some(match norm {
        "A" | "AN" | "THE" => Class::Determiner,
        "HE" | "SHE" | "IT" | "HIM" => Class::Pronoun(Pronoun::Subject),
        "HIS" | "HER" | "ITS" => Class::Pronoun(Pronoun::Possessive),
        "THEY" | "THEM" | "THEIR" => Class::Pronoun(Pronoun::Plural),
        "AND" | "BUT" | "OR" | "NOR" => Class::Conjunction,
        "WAS" | "WERE" | "BEEN" | "IS" | "ARE" | "BE" | "BEING" => Class::Auxiliary,
        "BY" => Class::By,
        "NOT" | "N'T" | "NEVER" => Class::Negation,
        "OF" | "IN" | "FROM" | "AT" | "ON" | "WITH" | "TO" | "FOR" | "AGAINST" | "INTO" | "OVER" | "ABOUT" | "NEAR"
        | "BETWEEN" | "AMONG" | "DURING" | "UNDER" | "THROUGH" | "ACROSS" | "TOWARD" | "TOWARDS" | "VIA" | "WITHIN"
        | "WITHOUT" | "AMID" | "INSIDE" | "OUTSIDE" | "BEHIND" | "BEYOND" | "UPON" | "ALONG" | "AROUND" => {
            Class::Preposition
        }
        _ => return None,
    })
}

/// Build the words of one sentence.
pub fn words<'a>(seg: &'a Segmented, tokens: &'a [Token], text: &'a str) -> Vec<Word<'a>> {
    let mut out: Vec<Word<'a>> = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        let norm = seg.norm(t);
        match t.kind {
            Kind::Word | Kind::Number => {
                if norm == "'S" || norm == "'" {
                    if let Some(prev) = out.last_mut() {
                        prev.possessive = true;
                    }
                    i += 1;
                    continue;
                }
                out.push(Word {
                    norm,
                    span: t.span,
                    capitalized: t.has(flags::CAPITALIZED),
                    lowercase: t.span.slice(text).chars().any(|c| c.is_lowercase()),
                    hyphen_before: t.has(flags::HYPHEN_BEFORE),
                    possessive: false,
                    class: if t.kind == Kind::Number {
                        Class::Number
                    } else {
                        Class::Other
                    },
                    inactive: false,
                });
            }
            Kind::Punct if norm == "," || norm == ";" => out.push(Word {
                norm: ",",
                span: t.span,
                capitalized: false,
                lowercase: false,
                hyphen_before: false,
                possessive: false,
                class: Class::Comma,
                inactive: false,
            }),
            Kind::Punct if norm == "(" => {
                // Drop a short parenthesized aside: (EU), (Reuters), (AFP).
                let close = tokens[i + 1..].iter().take(5).position(|u| seg.norm(u) == ")");
                if let Some(c) = close {
                    i += c + 2;
                    continue;
                }
            }
            Kind::Quote(_) if t.has(flags::APOSTROPHE) => {
                if let Some(prev) = out.last_mut() {
                    prev.possessive = true;
                }
            }
            _ => {}
        }
        i += 1;
    }
    out
}
