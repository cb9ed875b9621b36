//! Abbreviations that take a period in news copy.
//!
//! Two classes matter to the sentence splitter: *titles* (`Gen.`, `Mr.`,
//! `Sen.`) come before a name and never end a sentence; other abbreviations
//! (`Inc.`, `Jan.`, `etc.`) may end one when the next word starts a sentence.

/// Titles and name prefixes: never sentence-final.
const TITLES: &[&str] = &[
    "adm", "amb", "brig", "capt", "cdr", "cmdr", "col", "cpl", "dr", "fr", "gen", "gov", "hon", "lt", "maj", "messrs",
    "mr", "mrs", "ms", "mme", "mlle", "pres", "prof", "pvt", "rep", "rev", "sen", "sgt", "sr", "st", "supt", "no",
    "nos", "vs", "v", "ft", "mt", "pt", "sra", "sec", "insp", "det", "atty", "gens", "reps", "sens", "sgts", "cpt",
    "lieut", "sens", "msgr",
];

/// Other abbreviations: may end a sentence.
const OTHERS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed",
    "thu", "thur", "thurs", "fri", "sat", "sun", "inc", "corp", "ltd", "co", "cos", "bros", "jr", "esq", "etc",
    "approx", "dept", "est", "fig", "govt", "assn", "univ", "natl", "intl", "ave", "blvd", "rd", "hwy", "ala", "ariz",
    "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "kans", "ky", "la", "md", "mass", "mich",
    "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "tex", "va", "vt", "wash", "wis", "wyo",
    "al", "cf", "ca", "pp", "vol", "op", "ed", "eds", "mln", "bln", "pct", "km", "sq", "e.g", "i.e", "a.m", "p.m",
    "u.s", "u.n", "u.k", "n.y", "d.c", "u.s.a", "e.u",
];

fn lower(word: &str) -> Option<String> {
    if word.len() > 8 {
        return None;
    }
    Some(word.trim_end_matches('.').to_ascii_lowercase())
}

/// Whether `word` (without its final period) is a known abbreviation.
pub fn is_abbreviation(word: &str) -> bool {
    lower(word).is_some_and(|w| TITLES.contains(&w.as_str()) || OTHERS.contains(&w.as_str()))
}

/// Whether `word` (with or without its final period) is a title that never
/// ends a sentence.
pub fn is_title(word: &str) -> bool {
    lower(word).is_some_and(|w| TITLES.contains(&w.as_str()))
}

/// Month abbreviations, which are followed by a day number (`Jan. 12`).
pub fn is_month(word: &str) -> bool {
    lower(word).is_some_and(|w| {
        matches!(
            w.as_str(),
            "jan" | "feb" | "mar" | "apr" | "jun" | "jul" | "aug" | "sep" | "sept" | "oct" | "nov" | "dec"
        )
    })
}

/// Capitalized words that typically begin a sentence. After an abbreviation
/// that may end a sentence (`U.S.`, `Inc.`), one of these means a new
/// sentence starts; any other capitalized word (`U.S. President`) does not.
pub fn starts_sentence(word: &str) -> bool {
    const STARTERS: &[&str] = &[
        "the",
        "a",
        "an",
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "you",
        "this",
        "that",
        "these",
        "those",
        "there",
        "his",
        "her",
        "their",
        "its",
        "our",
        "my",
        "in",
        "on",
        "at",
        "but",
        "and",
        "or",
        "so",
        "yet",
        "however",
        "meanwhile",
        "after",
        "before",
        "when",
        "while",
        "if",
        "as",
        "since",
        "although",
        "though",
        "earlier",
        "later",
        "last",
        "also",
        "some",
        "many",
        "most",
        "officials",
        "both",
        "all",
        "no",
        "not",
        "what",
        "who",
        "why",
        "how",
        "where",
        "one",
        "two",
        "three",
        "according",
        "under",
        "during",
        "for",
        "from",
        "with",
        "by",
        "to",
        "on",
        "despite",
        "instead",
        "then",
        "now",
        "still",
        "such",
        "each",
        "other",
        "several",
        "another",
        "asked",
        "speaking",
        "separately",
        "further",
        "moreover",
        "thus",
    ];
    let w = word.to_ascii_lowercase();
    STARTERS.contains(&w.as_str())
}
