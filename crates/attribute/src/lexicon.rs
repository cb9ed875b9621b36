//! The attribution lexicons under `data/attribution/`, parsed once.
//!
//! Parsing validates every line; a malformed line of a built-in file is a
//! bug in the data, reported by the tests (`lexicons_parse_cleanly`) with
//! `file:line`, and skipped at run time.

use aho_corasick::AhoCorasick;
use std::collections::HashMap;
use std::sync::OnceLock;

const REPORTING: &str = include_str!("../../../data/attribution/reporting.txt");
const AGENCIES: &str = include_str!("../../../data/attribution/agencies.tsv");
const CREDITS: &str = include_str!("../../../data/attribution/credits.txt");
const NOMINALS: &str = include_str!("../../../data/attribution/nominals.tsv");

/// What a reporting expression introduces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueClass {
    /// Speech and writing: said, told, stressed, according to.
    Speech,
    /// Opinion: believes, thinks. Only introduces reported (indirect) content.
    Belief,
    /// Documents and polls: shows, found.
    Finding,
    /// Refusals: declined, refused (followed by `to`; indirect only).
    Refusal,
    /// Appearance: seemed, appears (no source; indirect only).
    Appearance,
    /// Nouns of saying and stance, cues only after a possessive (`Trump's
    /// criticism of the deal`).
    Noun,
}

/// A reporting expression: its normalized words (upper case, as the
/// segmenter normalizes tokens) and class.
#[derive(Clone, Debug)]
pub struct Cue {
    pub words: Vec<String>,
    pub class: CueClass,
    /// A form that is also a noun (`states`, `remarks`): it is a cue only
    /// when a clause follows (`that`, a pronoun, an article, a quotation
    /// mark, a colon or comma, a number).
    pub needs_clause: bool,
}

/// A news agency and the ways copy names it.
#[derive(Clone, Debug)]
pub struct Agency {
    pub name: String,
    pub country: String,
    /// Variants; `.1` says the variant must appear in capitals.
    pub variants: Vec<(String, bool)>,
}

/// Where a credit phrase stands relative to the credited name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CreditKind {
    PhotoBefore,
    PhotoAfter,
    CreditBefore,
    CreditAfter,
    /// `X reported`: the agency is cited, not credited for the story.
    AttributionAfter,
    BylineBefore,
}

/// Whether a nominal head noun must appear in the person's title.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NominalMatch {
    Title,
    Any,
}

/// All lexicons, indexed for lookup.
#[derive(Debug, Default)]
pub struct Lexicon {
    pub cues: Vec<Cue>,
    /// First word -> cues starting with it, longest first.
    pub cue_index: HashMap<String, Vec<u32>>,
    pub agencies: Vec<Agency>,
    /// Credit phrases (lower case) by kind.
    pub credits: Vec<(CreditKind, String)>,
    /// House styles that credit an agency without naming it: the parts a
    /// closing line holds in order (lower case), and the agency's index.
    pub signatures: Vec<(Vec<String>, usize)>,
    /// Head noun (upper case) -> how it matches.
    pub nominals: HashMap<String, NominalMatch>,
    /// `file:line: message` for every line that did not parse.
    pub errors: Vec<String>,
    /// The agency variants compiled into automata, on first use.
    agency_matcher: OnceLock<AgencyMatcher>,
}

/// Every agency variant in one automaton as written and, for those that
/// match any case, one over their lower-case forms. Pattern `g` of either
/// is `variants[g]`: its agency and whether it must be in capitals.
#[derive(Debug)]
struct AgencyMatcher {
    exact: AhoCorasick,
    folded: AhoCorasick,
    /// For each pattern of `folded`, its index in `variants`.
    folded_ids: Vec<usize>,
    variants: Vec<(usize, bool)>,
}

impl AgencyMatcher {
    fn new(agencies: &[Agency]) -> AgencyMatcher {
        let mut variants = Vec::new();
        let mut exact = Vec::new();
        let mut folded = Vec::new();
        let mut folded_ids = Vec::new();
        for (ai, a) in agencies.iter().enumerate() {
            for (v, caps) in &a.variants {
                if !*caps {
                    folded_ids.push(variants.len());
                    folded.push(v.to_lowercase());
                }
                variants.push((ai, *caps));
                exact.push(v.clone());
            }
        }
        let build =
            |patterns: &[String]| AhoCorasick::new(patterns).expect("agency variants compile into an automaton");
        AgencyMatcher {
            exact: build(&exact),
            folded: build(&folded),
            folded_ids,
            variants,
        }
    }
}

/// The built-in lexicon (parsed on first use, then shared).
pub fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(Lexicon::builtin)
}

/// Non-comment, non-blank lines with their 1-based numbers.
fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end()))
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
}

impl Lexicon {
    /// Parse the built-in data files.
    pub fn builtin() -> Lexicon {
        let mut lex = Lexicon::default();
        lex.parse_reporting("reporting.txt", REPORTING);
        lex.parse_agencies("agencies.tsv", AGENCIES);
        lex.parse_credits("credits.txt", CREDITS);
        lex.parse_nominals("nominals.tsv", NOMINALS);
        lex
    }

    fn parse_reporting(&mut self, file: &str, text: &str) {
        for (n, line) in lines(text) {
            let (phrase, class) = match line.split_once('\t') {
                Some((p, c)) => (p, c.trim()),
                None => (line, "speech"),
            };
            let (class, needs_clause) = match class.split_once(',') {
                Some((c, "clause")) => (c, true),
                Some((_, flag)) => {
                    self.errors
                        .push(format!("{file}:{n}: unknown flag `{flag}` (expected `clause`)"));
                    continue;
                }
                None => (class, false),
            };
            let class = match class {
                "speech" => CueClass::Speech,
                "belief" => CueClass::Belief,
                "finding" => CueClass::Finding,
                "refusal" => CueClass::Refusal,
                "appearance" => CueClass::Appearance,
                "noun" => CueClass::Noun,
                other => {
                    self.errors.push(format!("{file}:{n}: unknown class `{other}`"));
                    continue;
                }
            };
            let words = dyad_segment::phrase_words(phrase.trim());
            if words.is_empty() {
                self.errors.push(format!("{file}:{n}: empty phrase"));
                continue;
            }
            if self.cues.iter().any(|c| c.words == words) {
                self.errors.push(format!("{file}:{n}: `{phrase}` is listed twice"));
                continue;
            }
            let id = self.cues.len() as u32;
            self.cue_index.entry(words[0].clone()).or_default().push(id);
            self.cues.push(Cue {
                words,
                class,
                needs_clause,
            });
        }
        let cues = &self.cues;
        for ids in self.cue_index.values_mut() {
            ids.sort_by_key(|&i| std::cmp::Reverse(cues[i as usize].words.len()));
        }
    }

    fn parse_agencies(&mut self, file: &str, text: &str) {
        for (n, line) in lines(text) {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() != 3 || cols.iter().any(|c| c.trim().is_empty()) {
                self.errors
                    .push(format!("{file}:{n}: expected name, country, variants (3 columns)"));
                continue;
            }
            let variants = cols[2]
                .split('|')
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(|v| {
                    let caps = v.chars().filter(|c| c.is_alphabetic()).all(|c| c.is_uppercase());
                    (v.to_string(), caps)
                })
                .collect();
            self.agencies.push(Agency {
                name: cols[0].trim().to_string(),
                country: cols[1].trim().to_string(),
                variants,
            });
        }
    }

    fn parse_credits(&mut self, file: &str, text: &str) {
        for (n, line) in lines(text) {
            let Some((kind, phrase)) = line.split_once('\t') else {
                self.errors.push(format!("{file}:{n}: expected kind TAB phrase"));
                continue;
            };
            if kind.trim() == "signature" {
                self.parse_signature(file, n, phrase);
                continue;
            }
            let kind = match kind.trim() {
                "photo-before" => CreditKind::PhotoBefore,
                "photo-after" => CreditKind::PhotoAfter,
                "credit-before" => CreditKind::CreditBefore,
                "credit-after" => CreditKind::CreditAfter,
                "attribution-after" => CreditKind::AttributionAfter,
                "byline-before" => CreditKind::BylineBefore,
                other => {
                    self.errors.push(format!("{file}:{n}: unknown kind `{other}`"));
                    continue;
                }
            };
            self.credits.push((kind, phrase.trim().to_lowercase()));
        }
    }

    /// `signature<TAB>(reporting by … editing by<TAB>Reuters`: parsed after
    /// the agencies, whose names it refers to.
    fn parse_signature(&mut self, file: &str, n: usize, rest: &str) {
        let Some((parts, agency)) = rest.split_once('\t') else {
            self.errors
                .push(format!("{file}:{n}: expected signature TAB parts TAB agency"));
            return;
        };
        let Some(index) = self.agencies.iter().position(|a| a.name == agency.trim()) else {
            self.errors
                .push(format!("{file}:{n}: unknown agency `{}`", agency.trim()));
            return;
        };
        let parts: Vec<String> = parts
            .split('\u{2026}')
            .map(|p| p.trim().to_lowercase())
            .filter(|p| !p.is_empty())
            .collect();
        if parts.is_empty() {
            self.errors.push(format!("{file}:{n}: empty signature"));
            return;
        }
        self.signatures.push((parts, index));
    }

    fn parse_nominals(&mut self, file: &str, text: &str) {
        for (n, line) in lines(text) {
            let Some((head, how)) = line.split_once('\t') else {
                self.errors.push(format!("{file}:{n}: expected head TAB match"));
                continue;
            };
            let how = match how.trim() {
                "title" => NominalMatch::Title,
                "any" => NominalMatch::Any,
                other => {
                    self.errors.push(format!("{file}:{n}: unknown match `{other}`"));
                    continue;
                }
            };
            self.nominals.insert(head.trim().to_uppercase(), how);
        }
    }

    /// The longest cue starting at `words[i]` (normalized words): its id and
    /// length in words. Cost: one hash lookup and a few comparisons.
    pub fn cue_at<'a>(&self, words: impl Fn(usize) -> Option<&'a str>, i: usize) -> Option<(u32, usize)> {
        let first = words(i)?;
        let ids = self.cue_index.get(first)?;
        'next: for &id in ids {
            let cue = &self.cues[id as usize];
            for (k, w) in cue.words.iter().enumerate().skip(1) {
                if words(i + k) != Some(w.as_str()) {
                    continue 'next;
                }
            }
            return Some((id, cue.words.len()));
        }
        None
    }

    /// The agencies named in `s`: every variant found with word boundaries
    /// (variants in capitals must be in capitals in `s`; others match any
    /// case). Returns agency indices in order of first appearance.
    /// Cost: one pass of two automata over `s`.
    pub fn agencies_in(&self, s: &str) -> Vec<usize> {
        let m = self.agency_matcher.get_or_init(|| AgencyMatcher::new(&self.agencies));
        let lower = s.to_lowercase();
        // Lower case that changes the length (some non-ASCII letters) would
        // shift the offsets: then every variant matches as written.
        let same_len = lower.len() == s.len();
        // The first bounded occurrence of each variant that may match here.
        let mut first: Vec<Option<usize>> = vec![None; m.variants.len()];
        let mut note = |g: usize, hay: &str, start: usize, end: usize| {
            if first[g].is_none() && bounded(hay, start, end) {
                first[g] = Some(start);
            }
        };
        for hit in m.exact.find_overlapping_iter(s) {
            let g = hit.pattern().as_usize();
            if m.variants[g].1 || !same_len {
                note(g, s, hit.start(), hit.end());
            }
        }
        if same_len {
            for hit in m.folded.find_overlapping_iter(&lower) {
                note(m.folded_ids[hit.pattern().as_usize()], &lower, hit.start(), hit.end());
            }
        }
        // Per agency, its first variant (in table order) that occurs.
        let mut found: Vec<(usize, usize)> = Vec::new();
        for (g, &(ai, _)) in m.variants.iter().enumerate() {
            if let Some(pos) = first[g] {
                if !found.iter().any(|&(_, x)| x == ai) {
                    found.push((pos, ai));
                }
            }
        }
        // A variant inside a longer one (`AP` in `AP Photo` is fine, `Interfax`
        // in `Interfax-Ukraine` is not) keeps only the longer agency.
        found.sort();
        found.into_iter().map(|(_, a)| a).collect()
    }
}

/// Whether `hay[start..end]` stands between non-alphanumeric characters
/// (or the ends), a hyphen counting as part of a word.
fn bounded(hay: &str, start: usize, end: usize) -> bool {
    let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric() && c != '-');
    boundary(hay[..start].chars().next_back()) && boundary(hay[end..].chars().next())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicons_parse_cleanly_and_are_large_enough() {
        let lex = Lexicon::builtin();
        assert!(lex.errors.is_empty(), "{:#?}", lex.errors);
        assert!(lex.cues.len() >= 150, "{} reporting expressions", lex.cues.len());
        assert!(lex.agencies.len() >= 100, "{} agencies", lex.agencies.len());
        assert!(lex.credits.iter().any(|(k, _)| *k == CreditKind::PhotoAfter));
    }

    #[test]
    fn the_longest_cue_wins() {
        let lex = lexicon();
        let words = ["SAID", "IN", "A", "STATEMENT", "ON"];
        let (id, len) = lex.cue_at(|i| words.get(i).copied(), 0).unwrap();
        assert_eq!(len, 4);
        assert_eq!(lex.cues[id as usize].class, CueClass::Speech);
    }

    #[test]
    fn capitals_only_variants_need_capitals() {
        let lex = lexicon();
        let name = |s: &str| -> Vec<String> {
            lex.agencies_in(s)
                .iter()
                .map(|&i| lex.agencies[i].name.clone())
                .collect()
        };
        assert_eq!(name("(AP)"), ["AP"]);
        assert!(name("a day at the spa").is_empty());
        assert_eq!(name("the associated press"), ["AP"]);
        assert_eq!(name("Interfax-Ukraine"), ["Interfax-Ukraine"]);
    }
}
