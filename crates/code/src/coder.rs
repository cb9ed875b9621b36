//! From an analysed sentence to events: verb patterns, default source and
//! target search, passive voice, compounds, paired codes, subordinate codes.

use dyad_dict::{CodeBy, CodingOptions, Compiled, Dialect, Dictionaries, Elem, EventCode, Loc, TokenKeys};
use dyad_doc::{Date, Span};
use dyad_segment::{Segmented, Sentence};

use crate::analyze::{analyze, Analysis, Phrase};
use crate::words::{self, Class, Pronoun};

/// One side of an event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Party {
    /// The actor code; `---` when unknown.
    pub code: String,
    /// The words that name (or refer to) the actor.
    pub span: Option<Span>,
}

/// A coded event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    pub source: Party,
    pub target: Party,
    pub code: String,
    /// The verb (and, for multi-word verbs, its other words).
    pub verb: Span,
    /// The pattern that produced the event (None: the verb's own code).
    pub pattern: Option<Loc>,
    /// The pattern text or verb lemma, for explanations.
    pub rule: String,
    /// The second half of a paired code (`[042:043]`).
    pub paired: bool,
}

/// What a sentence produced.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Coded {
    pub events: Vec<Event>,
    /// `Some(true)`: a story-level discard phrase; `Some(false)`: sentence-level.
    pub discard: Option<bool>,
    pub complex: bool,
}

/// The coding engine over a set of dictionaries.
#[derive(Clone, Debug)]
pub struct Coder<'d> {
    pub dict: &'d Dictionaries,
    pub compiled: &'d Compiled,
    pub options: CodingOptions,
    pub dialect: Dialect,
    /// Drop negated verbs ("did not attack") that no pattern handles.
    pub negation: bool,
}

/// A match of an actor element: the phrase index.
#[derive(Clone, Copy, Debug, Default)]
struct Bindings {
    source: Option<usize>,
    target: Option<usize>,
    compound: Option<usize>,
}

struct Candidate {
    verb_start: usize,
    verb_end: usize,
    code: EventCode,
    bindings: Bindings,
    pattern: Option<Loc>,
    rule: String,
}

impl<'d> Coder<'d> {
    pub fn new(dict: &'d Dictionaries, compiled: &'d Compiled, dialect: Dialect) -> Coder<'d> {
        Coder {
            dict,
            compiled,
            options: dict.options.clone(),
            dialect,
            negation: false,
        }
    }

    /// Code one sentence of a segmented document.
    pub fn code_sentence(&self, seg: &Segmented, sentence: &Sentence, text: &str, date: Option<Date>) -> Coded {
        let tokens = seg.sentence_tokens(sentence);
        let ws = words::words(seg, tokens, text);
        if self.options.minimum_words > 0 && ws.len() < self.options.minimum_words {
            return Coded::default();
        }
        let a = analyze(self.dict, self.compiled, self.dialect, ws, date, &self.options);
        let mut coded = Coded {
            discard: a.discard,
            complex: a.complex,
            ..Coded::default()
        };
        if a.discard.is_some() {
            return coded;
        }
        let keys = TokenKeys::new(&self.dict.vocab, a.words.iter().map(|w| w.norm));
        let codes = self.resolve_pronouns(&a);
        let mut subordinate: Vec<Event> = Vec::new();
        let mut previous_source: Option<usize> = None;
        for (ci, &(cs, ce)) in a.clauses.iter().enumerate() {
            let active: Vec<usize> = (cs..ce).filter(|&i| !a.words[i].inactive).collect();
            let mut clause_done = false;
            for (k, &wi) in active.iter().enumerate() {
                let Class::Verb(form) = a.words[wi].class else { continue };
                let vf = &self.dict.verb_forms[form as usize];
                let mut verb_end = wi + 1;
                while verb_end < a.words.len() && a.words[verb_end].class == Class::VerbCont {
                    verb_end += 1;
                }
                let Some(cand) = self.match_verb(&a, &keys, &active, k, wi, verb_end, vf.verb) else {
                    continue;
                };
                if cand.code.discard {
                    coded.discard = Some(false);
                    coded.events.clear();
                    return coded;
                }
                if cand.code.complex {
                    coded.complex = true;
                    continue;
                }
                if cand.code.is_null() {
                    continue;
                }
                let events = self.events_for(&a, &codes, &active, &cand, previous_source);
                if cand.code.subordinate {
                    subordinate.extend(events);
                    continue;
                }
                if events.is_empty() {
                    continue;
                }
                coded.events.extend(events);
                if self.options.code_by != CodeBy::All {
                    clause_done = true;
                    break;
                }
            }
            if let Some(p) = self.first_phrase(&a, &codes, &active, 0, active.len()) {
                previous_source = Some(p);
            }
            let _ = ci;
            if clause_done && self.options.code_by == CodeBy::Sentence {
                break;
            }
        }
        if coded.events.is_empty() {
            coded.events = subordinate;
        }
        dedup(&mut coded.events);
        coded
    }

    /// Codes of every phrase, with pronouns dereferenced (TABARI's rules:
    /// he/she/it the first actor of the sentence; his/her/its the first actor
    /// before the pronoun; they/them/their the first compound, else the first
    /// actor).
    fn resolve_pronouns(&self, a: &Analysis) -> Vec<Vec<String>> {
        let real = |p: &Phrase| p.pronoun.is_none() && !p.codes.is_empty();
        let mut out = Vec::with_capacity(a.phrases.len());
        for (i, p) in a.phrases.iter().enumerate() {
            let codes = match p.pronoun {
                None => p.codes.clone(),
                Some(Pronoun::Subject) => a
                    .phrases
                    .iter()
                    .find(|q| real(q))
                    .map(|q| q.codes.clone())
                    .unwrap_or_default(),
                Some(Pronoun::Possessive) => a.phrases[..i]
                    .iter()
                    .find(|q| real(q))
                    .map(|q| q.codes.clone())
                    .unwrap_or_default(),
                Some(Pronoun::Plural) => a
                    .phrases
                    .iter()
                    .find(|q| real(q) && q.codes.len() > 1)
                    .or_else(|| a.phrases.iter().find(|q| real(q)))
                    .map(|q| q.codes.clone())
                    .unwrap_or_default(),
                Some(Pronoun::Relative) => Vec::new(),
            };
            out.push(codes);
        }
        out
    }

    /// Index of the first phrase with codes starting within `active[from..to]`.
    fn first_phrase(
        &self,
        a: &Analysis,
        codes: &[Vec<String>],
        active: &[usize],
        from: usize,
        to: usize,
    ) -> Option<usize> {
        let range = active.get(from..to)?;
        a.phrases
            .iter()
            .enumerate()
            .find(|(i, p)| range.contains(&p.start) && !codes[*i].is_empty())
            .map(|(i, _)| i)
    }

    /// Try the verb's patterns (longest first), then its own code.
    #[allow(clippy::too_many_arguments)]
    fn match_verb(
        &self,
        a: &Analysis,
        keys: &TokenKeys,
        active: &[usize],
        k: usize,
        verb_start: usize,
        verb_end: usize,
        verb: u32,
    ) -> Option<Candidate> {
        let v = &self.dict.verbs[verb as usize];
        let mut pats: Vec<u32> = v
            .blocks
            .iter()
            .flat_map(|&b| self.dict.blocks[b as usize].patterns.iter().copied())
            .collect();
        pats.sort_by_key(|&p| std::cmp::Reverse(self.dict.patterns[p as usize].length));
        pats.dedup();
        // Active positions of the verb's first and last words.
        let k_end = active.iter().position(|&w| w >= verb_end).unwrap_or(active.len());
        let m = Matcher {
            coder: self,
            a,
            keys,
            active,
        };
        for p in pats {
            let pat = &self.dict.patterns[p as usize];
            let vpos = pat.elems.iter().position(|e| e.elem == Elem::Verb).unwrap_or(0);
            let mut b = Bindings::default();
            let verb_adjacent_after = pat.elems.get(vpos + 1).is_some_and(|e| e.adjacent);
            if m.forward(&pat.elems[vpos + 1..], k_end, verb_adjacent_after, &mut b)
                && m.backward(&pat.elems[..vpos], k, pat.elems[vpos].adjacent, &mut b)
            {
                return Some(Candidate {
                    verb_start,
                    verb_end,
                    code: pat.code.clone(),
                    bindings: b,
                    pattern: Some(pat.loc),
                    rule: pat.text.to_string(),
                });
            }
        }
        let code = self.dict.verb_code(verb).clone();
        if self.negation && self.negated(a, active, k) {
            return None;
        }
        Some(Candidate {
            verb_start,
            verb_end,
            code,
            bindings: Bindings::default(),
            pattern: None,
            rule: v.lemma.to_string(),
        })
    }

    /// A negation within the two words before the verb.
    fn negated(&self, a: &Analysis, active: &[usize], k: usize) -> bool {
        active[k.saturating_sub(3)..k]
            .iter()
            .any(|&i| a.words[i].class == Class::Negation || a.words[i].norm == "NO")
    }

    /// Build the events of a candidate: default actor search, passive voice,
    /// compounds, paired codes.
    fn events_for(
        &self,
        a: &Analysis,
        codes: &[Vec<String>],
        active: &[usize],
        c: &Candidate,
        previous_source: Option<usize>,
    ) -> Vec<Event> {
        let k = active.iter().position(|&w| w == c.verb_start).unwrap_or(0);
        let k_end = active.iter().position(|&w| w >= c.verb_end).unwrap_or(active.len());
        let mut source = c.bindings.source.or(c.bindings.compound);
        let mut target = c.bindings.target.or(c.bindings.compound);
        let designated = source.is_some() || target.is_some();
        let phrase_in = |from: usize, to: usize, not: Option<usize>| -> Option<usize> {
            let range = &active[from.min(active.len())..to.min(active.len())];
            a.phrases
                .iter()
                .enumerate()
                .find(|(i, p)| {
                    range.contains(&p.start) && !codes[*i].is_empty() && not.is_none_or(|n| codes[n] != codes[*i])
                })
                .map(|(i, _)| i)
        };
        if source.is_none() {
            source = match target {
                Some(t) => phrase_in(0, k, Some(t)),
                None => phrase_in(0, k, None),
            }
            .or(previous_source.filter(|&p| target.is_none_or(|t| codes[p] != codes[t])));
        }
        if target.is_none() {
            target = phrase_in(k_end, active.len(), source).or_else(|| {
                // The first actor before the verb that differs from the source.
                phrase_in(0, k, source).filter(|&t| Some(t) != source)
            });
        }
        // Passive voice: an auxiliary one or two words before the verb (and,
        // for TABARI, BY right after it) swaps source and target.
        if !designated {
            let aux = active[k.saturating_sub(2)..k]
                .iter()
                .any(|&i| a.words[i].class == Class::Auxiliary);
            let by_after = active.get(k_end).is_some_and(|&i| a.words[i].class == Class::By);
            let participle = {
                let w = a.words[c.verb_start].norm;
                w.ends_with("ED") || w.ends_with("EN") || w.ends_with('T') || w.ends_with('N')
            };
            let passive = match self.dialect {
                Dialect::Tabari => aux && by_after,
                Dialect::Petrarch => aux && (by_after || participle),
            };
            if passive {
                let after = phrase_in(k_end, active.len(), None);
                let before = phrase_in(0, k, None);
                if after.is_some() || by_after {
                    source = after;
                    target = before;
                }
            }
        }
        let mut events = Vec::new();
        let src_codes: Vec<String> = source.map(|s| codes[s].clone()).unwrap_or_else(|| vec!["---".into()]);
        let tgt_codes: Vec<String> = target.map(|t| codes[t].clone()).unwrap_or_else(|| vec!["---".into()]);
        let span_of = |p: Option<usize>| {
            p.map(|p| {
                let ph = &a.phrases[p];
                a.words[ph.start].span.cover(a.words[ph.end - 1].span)
            })
        };
        let verb_span = a.words[c.verb_start].span.cover(a.words[c.verb_end - 1].span);
        for s in &src_codes {
            for t in &tgt_codes {
                if s == t && s != "---" {
                    continue;
                }
                if self.options.require_dyad && (is_missing(s) || is_missing(t)) {
                    continue;
                }
                if let Some(code) = &c.code.code {
                    events.push(Event {
                        source: Party {
                            code: s.clone(),
                            span: span_of(source),
                        },
                        target: Party {
                            code: t.clone(),
                            span: span_of(target),
                        },
                        code: code.to_string(),
                        verb: verb_span,
                        pattern: c.pattern,
                        rule: c.rule.clone(),
                        paired: false,
                    });
                }
                if let Some(Some(code)) = &c.code.paired {
                    events.push(Event {
                        source: Party {
                            code: t.clone(),
                            span: span_of(target),
                        },
                        target: Party {
                            code: s.clone(),
                            span: span_of(source),
                        },
                        code: code.to_string(),
                        verb: verb_span,
                        pattern: c.pattern,
                        rule: c.rule.clone(),
                        paired: true,
                    });
                }
            }
        }
        events
    }
}

fn is_missing(code: &str) -> bool {
    code.is_empty() || code == "---"
}

fn dedup(events: &mut Vec<Event>) {
    let mut seen: Vec<(String, String, String)> = Vec::new();
    events.retain(|e| {
        let key = (e.source.code.clone(), e.target.code.clone(), e.code.clone());
        if seen.contains(&key) {
            false
        } else {
            seen.push(key);
            true
        }
    });
}

/// Pattern matching over the active words of a clause.
struct Matcher<'x, 'd, 'a> {
    coder: &'x Coder<'d>,
    a: &'x Analysis<'a>,
    keys: &'x TokenKeys,
    active: &'x [usize],
}

impl Matcher<'_, '_, '_> {
    fn word(&self, pos: usize) -> usize {
        self.active[pos]
    }

    fn is_comma(&self, pos: usize) -> bool {
        let w = &self.a.words[self.word(pos)];
        w.class == Class::Comma && !matches!(w.class, Class::Phrase(_))
    }

    /// The phrase (index) starting at active position `pos`, with its end.
    fn phrase_at(&self, pos: usize) -> Option<(usize, usize)> {
        let wi = self.word(pos);
        let (i, p) = self.a.phrases.iter().enumerate().find(|(_, p)| p.start == wi)?;
        let end = self
            .active
            .iter()
            .position(|&w| w >= p.end)
            .unwrap_or(self.active.len());
        Some((i, end))
    }

    /// The phrase ending right before active position `pos` (exclusive).
    fn phrase_ending(&self, pos: usize) -> Option<(usize, usize)> {
        if pos == 0 {
            return None;
        }
        let wi = self.word(pos - 1);
        let (i, p) = self
            .a
            .phrases
            .iter()
            .enumerate()
            .find(|(_, p)| p.start <= wi && wi < p.end)?;
        let start = self.active.iter().position(|&w| w >= p.start).unwrap_or(0);
        Some((i, start))
    }

    /// Ends of every match of a word or synset element starting at `pos`.
    fn term_ends(&self, elem: &Elem, pos: usize) -> Vec<usize> {
        match elem {
            Elem::Word(id) => {
                if self.keys.has(self.word(pos), *id) {
                    vec![pos + 1]
                } else {
                    vec![]
                }
            }
            Elem::Synset(s) => {
                // Synset phrases are matched over active positions.
                let trie = &self.coder.compiled.synsets[*s as usize];
                let mut ends = Vec::new();
                let sub: Vec<&str> = self.active[pos..].iter().map(|&w| self.a.words[w].norm).collect();
                let keys = TokenKeys::new(&self.coder.dict.vocab, sub);
                trie.matches_at(&keys, 0, |e, _| ends.push(pos + e));
                ends
            }
            _ => vec![],
        }
    }

    /// Match `elems` forward from active position `pos`; the first element
    /// must start exactly at `pos` when `adjacent`.
    fn forward(&self, elems: &[dyad_dict::PatternElem], pos: usize, adjacent: bool, b: &mut Bindings) -> bool {
        let Some(first) = elems.first() else { return true };
        let n = self.active.len();
        for p in pos..n {
            if adjacent && p > pos {
                break;
            }
            if self.is_comma(p) && !matches!(first.elem, Elem::Source | Elem::Target | Elem::Compound | Elem::Skip) {
                return false;
            }
            match &first.elem {
                Elem::Word(_) | Elem::Synset(_) => {
                    for end in self.term_ends(&first.elem, p) {
                        let next_adj = elems.get(1).is_some_and(|e| e.adjacent);
                        let mut nb = *b;
                        if self.forward(&elems[1..], end, next_adj, &mut nb) {
                            *b = nb;
                            return true;
                        }
                    }
                }
                Elem::Source | Elem::Target | Elem::Compound | Elem::Skip => {
                    if let Some((ph, end)) = self.phrase_at(p) {
                        if first.elem == Elem::Compound && self.a.phrases[ph].codes.len() < 2 {
                            return false;
                        }
                        let mut nb = *b;
                        match first.elem {
                            Elem::Source => nb.source = Some(ph),
                            Elem::Target => nb.target = Some(ph),
                            Elem::Compound => nb.compound = Some(ph),
                            _ => {}
                        }
                        let next_adj = elems.get(1).is_some_and(|e| e.adjacent);
                        if self.forward(&elems[1..], end, next_adj, &mut nb) {
                            *b = nb;
                            return true;
                        }
                        // The first actor found is the one assigned.
                        return false;
                    }
                }
                Elem::Verb => return false,
            }
        }
        false
    }

    /// Match `elems` backward, ending right before active position `pos`;
    /// the last element must end exactly at `pos` when `adjacent`.
    fn backward(&self, elems: &[dyad_dict::PatternElem], pos: usize, adjacent: bool, b: &mut Bindings) -> bool {
        let Some(last) = elems.last() else { return true };
        let rest = &elems[..elems.len() - 1];
        let mut end = pos;
        let min_end = if adjacent { pos } else { 1 };
        while end >= min_end && end >= 1 {
            if self.is_comma(end - 1) && !matches!(last.elem, Elem::Source | Elem::Target | Elem::Compound | Elem::Skip)
            {
                return false;
            }
            match &last.elem {
                Elem::Word(_) | Elem::Synset(_) => {
                    // Starts whose match ends exactly at `end`.
                    for start in (0..end).rev().take(8) {
                        if self.term_ends(&last.elem, start).contains(&end) {
                            let mut nb = *b;
                            if self.backward(rest, start, last.adjacent, &mut nb) {
                                *b = nb;
                                return true;
                            }
                        }
                    }
                }
                Elem::Source | Elem::Target | Elem::Compound | Elem::Skip => {
                    if let Some((ph, start)) = self.phrase_ending(end) {
                        if last.elem == Elem::Compound && self.a.phrases[ph].codes.len() < 2 {
                            return false;
                        }
                        let mut nb = *b;
                        match last.elem {
                            Elem::Source => nb.source = Some(ph),
                            Elem::Target => nb.target = Some(ph),
                            Elem::Compound => nb.compound = Some(ph),
                            _ => {}
                        }
                        if self.backward(rest, start, last.adjacent, &mut nb) {
                            *b = nb;
                            return true;
                        }
                        return false;
                    }
                }
                Elem::Verb => return false,
            }
            end -= 1;
        }
        false
    }
}
