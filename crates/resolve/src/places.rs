//! Place names in sentences: gazetteer lookup of capitalized word runs, the
//! cue that makes them a location (`in/at/near <place>`, `<place>-based`),
//! metonymy (a capital used as an actor is not a place), datelines, and the
//! choice among places sharing a name (the document's countries and
//! divisions, an explicit `Paris, Texas`, population).
//!
//! Cost: for each capitalized token, at most [`Gazetteer::max_words`] hash
//! lookups of a key built in one reused buffer; no allocation per token.

use std::ops::Range;

use dyad_doc::Span;
use dyad_segment::{flags, Kind, Segmented, Token};
use rustc_hash::FxHashSet;

use crate::gazetteer::{Gazetteer, PlaceKind};

const NOT_PLACES: &str = include_str!("../../../data/resolve/not-places.txt");

/// What in the text marks a place name as a location.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cue {
    /// After `in`, `at`, `near`, `outside`, ...
    Preposition,
    /// `<place>-based`.
    Based,
    /// In the story's dateline.
    Dateline,
    /// Nothing: a name in running text (`Kenyan capital Nairobi`).
    Bare,
}

impl Cue {
    /// The `method` name written to event locations.
    pub fn method(self) -> &'static str {
        match self {
            Cue::Preposition => "preposition",
            Cue::Based => "based",
            Cue::Dateline => "dateline",
            Cue::Bare => "mention",
        }
    }
}

/// What the actor recognizer made of some words, as far as places care.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActorRole {
    /// A capital or a building standing for a government (`Moscow said`).
    Metonym,
    /// A country name or adjective.
    Country,
    /// A person or an organization: its words are not a place.
    Named,
    Other,
}

/// An actor mention, as the coder reported it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ActorHint {
    pub span: Span,
    pub role: ActorRole,
}

/// A place name found in the text.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceMention {
    pub span: Span,
    /// Indices into [`Segmented::tokens`] (empty for datelines).
    pub tokens: Range<u32>,
    /// Every gazetteer place with this name.
    pub candidates: Vec<u32>,
    /// The chosen place (see [`PlaceFinder::resolve`]); the first candidate
    /// until then.
    pub place: u32,
    pub cue: Cue,
    /// Qualified in the text (`Paris, Texas`): the places the qualifier names.
    pub qualifier: Option<u32>,
    /// The words are an actor (metonymy, `Moscow said`), not a place.
    pub actor: bool,
}

/// The countries and divisions a document speaks of, used to choose among
/// places that share a name.
#[derive(Clone, Debug, Default)]
pub struct Context {
    pub countries: FxHashSet<Box<str>>,
    /// Division indices ([`crate::Place::admin1`]).
    pub admin1: FxHashSet<u32>,
}

/// Finds place names. Cheap to build over the shared gazetteer.
pub struct PlaceFinder {
    pub gazetteer: &'static Gazetteer,
    stop: FxHashSet<String>,
}

impl Default for PlaceFinder {
    fn default() -> Self {
        PlaceFinder::builtin()
    }
}

fn locative(norm: &str) -> bool {
    matches!(
        norm,
        "IN" | "AT" | "NEAR" | "OUTSIDE" | "INSIDE" | "THROUGHOUT" | "ACROSS" | "AROUND" | "WITHIN"
    )
}

impl PlaceFinder {
    /// A finder over the built-in gazetteer (built on first use, see
    /// [`Gazetteer::builtin`]) and the list of capitalized words that are
    /// seldom places (`data/resolve/not-places.txt`).
    pub fn builtin() -> PlaceFinder {
        PlaceFinder::new(Gazetteer::builtin())
    }

    /// A finder over the given gazetteer.
    pub fn new(gazetteer: &'static Gazetteer) -> PlaceFinder {
        let stop = NOT_PLACES
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(|l| crate::gazetteer::name_key(l.trim()))
            .collect();
        PlaceFinder { gazetteer, stop }
    }

    /// The place names among the tokens `range` (a sentence), longest first.
    /// `actors` are the sentence's actor mentions: names inside a person's or
    /// organization's name are skipped, and a capital or country used as an
    /// actor without a locative cue is marked [`PlaceMention::actor`].
    pub fn find(&self, seg: &Segmented, range: Range<u32>, actors: &[ActorHint]) -> Vec<PlaceMention> {
        let first = range.start as usize;
        let tokens = &seg.tokens[first..range.end as usize];
        let norm = |i: usize| tokens.get(i).map(|t| seg.norm(t)).unwrap_or("");
        let mut out = Vec::new();
        let mut key = String::new();
        let mut i = 0;
        while i < tokens.len() {
            let t = &tokens[i];
            if t.kind != Kind::Word || !t.has(flags::CAPITALIZED) {
                i += 1;
                continue;
            }
            let mut found: Option<(usize, &[u32])> = None;
            key.clear();
            let max = self.gazetteer.max_words.min(tokens.len() - i);
            for len in 1..=max {
                if len > 1 {
                    let w = &tokens[i + len - 1];
                    if !matches!(w.kind, Kind::Word) {
                        break;
                    }
                    key.push(' ');
                }
                key.push_str(norm(i + len - 1));
                let last = &tokens[i + len - 1];
                if !last.has(flags::CAPITALIZED) {
                    continue;
                }
                let ids = self.gazetteer.lookup(&key);
                let stopped = len == 1 && self.stop.contains(key.as_str());
                if !ids.is_empty() && !stopped {
                    found = Some((len, ids));
                }
            }
            let Some((len, ids)) = found else {
                i += 1;
                continue;
            };
            let span = t.span.cover(tokens[i + len - 1].span);
            // Part of a longer proper name (`Washington Post`, `Paris Hilton`)?
            let next = tokens.get(i + len);
            let longer_name = next.is_some_and(|n| {
                n.kind == Kind::Word && n.has(flags::CAPITALIZED) && !n.has(flags::HYPHEN_BEFORE) && {
                    let nn = seg.norm(n);
                    self.gazetteer.lookup(nn).is_empty() && !matches!(nn, "'S")
                }
            }) && !next.is_some_and(|n| n.has(flags::ALL_CAPS));
            let named = actors
                .iter()
                .any(|a| a.role == ActorRole::Named && a.span.start < span.end && span.start < a.span.end);
            if longer_name || named {
                i += len;
                continue;
            }
            let prev = if i > 0 { norm(i - 1) } else { "" };
            let based = next.is_some_and(|n| n.has(flags::HYPHEN_BEFORE) && seg.norm(n) == "BASED");
            let cue = if based {
                Cue::Based
            } else if locative(prev) {
                Cue::Preposition
            } else {
                Cue::Bare
            };
            let actor = cue == Cue::Bare
                && actors
                    .iter()
                    .any(|a| a.role == ActorRole::Metonym && a.span.start <= span.start && span.end <= a.span.end);
            // `Paris, Texas`: a comma and a division or country right after;
            // `Huntsville, Ala.`: a press abbreviation of a division.
            let mut qualifier = None;
            let mut abbreviated = None;
            if norm(i + len) == "," {
                let q = tokens.get(i + len + 1);
                if q.is_some_and(|q| q.has(flags::CAPITALIZED)) {
                    let qids = self.gazetteer.lookup(norm(i + len + 1));
                    qualifier = qids
                        .iter()
                        .copied()
                        .find(|&id| self.gazetteer.place(id).kind != PlaceKind::City);
                    if qualifier.is_none() {
                        abbreviated = self.abbreviation_at(seg, tokens, i + len + 1);
                        qualifier = abbreviated.map(|(_, id)| id);
                    }
                }
            }
            out.push(PlaceMention {
                span,
                tokens: (first + i) as u32..(first + i + len) as u32,
                candidates: ids.to_vec(),
                place: ids[0],
                cue,
                qualifier,
                actor,
            });
            i += len;
            if let Some((n, id)) = abbreviated {
                let at = i + 1;
                out.push(PlaceMention {
                    span: tokens[at].span.cover(tokens[at + n - 1].span),
                    tokens: (first + at) as u32..(first + at + n) as u32,
                    candidates: vec![id],
                    place: id,
                    cue: Cue::Bare,
                    qualifier: None,
                    actor: false,
                });
                i = at + n;
            }
        }
        out
    }

    /// A press abbreviation of a division (`Ala.`, `W. Va.`) starting at
    /// token `at`: its length in tokens and the division.
    fn abbreviation_at(&self, seg: &Segmented, tokens: &[Token], at: usize) -> Option<(usize, u32)> {
        let mut key = String::new();
        let mut best = None;
        for (n, t) in tokens.iter().skip(at).take(3).enumerate() {
            if t.kind != Kind::Word {
                break;
            }
            if n > 0 {
                key.push(' ');
            }
            key.push_str(seg.norm(t));
            if let Some(id) = self.gazetteer.abbreviation(&key) {
                best = Some((n + 1, id));
            }
        }
        best
    }

    /// The place a dateline names (`NAIROBI, Kenya (AP)`, `MOSCOW, Nov 28`):
    /// the capitals before the first comma or parenthesis, qualified by what
    /// follows the comma when it is a division or country.
    pub fn dateline(&self, dateline: &str, offset: usize) -> Option<PlaceMention> {
        let head_end = dateline.find([',', '(', '-', ':', '—', '–']).unwrap_or(dateline.len());
        let head = dateline[..head_end].trim_end();
        let ids = self.gazetteer.lookup(&crate::gazetteer::name_key(head));
        if ids.is_empty() {
            return None;
        }
        let qualifier = dateline[head_end..].strip_prefix(',').and_then(|rest| {
            let q = rest.split([',', '(']).next().unwrap_or("").trim();
            self.gazetteer
                .lookup(&crate::gazetteer::name_key(q))
                .iter()
                .copied()
                .find(|&id| self.gazetteer.place(id).kind != PlaceKind::City)
        });
        Some(PlaceMention {
            span: Span::new(offset, offset + head.len()),
            tokens: 0..0,
            candidates: ids.to_vec(),
            place: ids[0],
            cue: Cue::Dateline,
            qualifier,
            actor: false,
        })
    }

    /// The document context: countries and divisions named unambiguously
    /// (a country's or division's own name, or a qualifier), plus the
    /// countries of `actor_countries` (the CAMEO country prefixes of actor
    /// codes).
    pub fn context<'a>(
        &self,
        mentions: impl IntoIterator<Item = &'a PlaceMention>,
        actor_countries: impl IntoIterator<Item = &'a str>,
    ) -> Context {
        let g = self.gazetteer;
        let mut c = Context::default();
        for m in mentions {
            let ids = m.qualifier.into_iter().chain(m.candidates.iter().copied());
            for id in ids {
                let p = g.place(id);
                match p.kind {
                    PlaceKind::Country => {
                        c.countries.insert(p.country.clone());
                    }
                    PlaceKind::Admin1 if m.candidates.len() == 1 || Some(id) == m.qualifier => {
                        c.countries.insert(p.country.clone());
                        c.admin1.insert(p.admin1);
                    }
                    _ => {}
                }
                if m.candidates.len() == 1 {
                    c.countries.insert(p.country.clone());
                }
            }
        }
        for code in actor_countries {
            if let Some(cc) = code.get(..3) {
                if g.country(cc).is_some() {
                    c.countries.insert(cc.into());
                }
            }
        }
        c
    }

    /// Choose each mention's place: a qualifier's division or country first,
    /// then the document's divisions and countries, then size (countries and
    /// divisions before cities, larger cities and capitals first).
    pub fn resolve(&self, mention: &mut PlaceMention, context: &Context) {
        let g = self.gazetteer;
        let country_rival = mention
            .candidates
            .iter()
            .any(|&id| g.place(id).kind == PlaceKind::Country);
        let score = |id: u32| -> f64 {
            let p = g.place(id);
            let mut s = match p.kind {
                PlaceKind::Country => 9.0,
                PlaceKind::Admin1 => 6.0,
                PlaceKind::City => (p.population as f64 + 1.0).log10() + if p.capital { 1.5 } else { 0.0 },
            };
            if let Some(q) = mention.qualifier {
                let q = g.place(q);
                if q.country == p.country && (q.kind == PlaceKind::Country || q.admin1 == p.admin1) {
                    s += 10.0;
                }
            }
            if context.countries.contains(&p.country) {
                // A division of a country the story is about beats a country
                // of the same name (Georgia in a US story).
                s += if p.kind == PlaceKind::Admin1 && country_rival {
                    3.5
                } else {
                    2.5
                };
            }
            if p.kind == PlaceKind::City && context.admin1.contains(&p.admin1) {
                s += 3.0;
            }
            s
        };
        if let Some(best) = mention
            .candidates
            .iter()
            .copied()
            .max_by(|&a, &b| score(a).total_cmp(&score(b)).then(b.cmp(&a)))
        {
            mention.place = best;
        }
    }
}
