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
    /// The codes of the sentence's first actor, the antecedent of pronouns
    /// in the next sentence ("He said...").
    pub subject: Vec<String>,
    /// The two actors of different countries the sentence is about (its
    /// first event's sides, else its first two such mentions): what `the
    /// two ministers` in the next sentence refers to.
    pub pair: Vec<String>,
    /// Every actor mention of the sentence (pronouns resolved).
    pub mentions: Vec<Mention>,
}

/// An actor mention: where it is, its codes, and what the dictionary says it
/// is (a capital, a person, ...).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    pub span: Span,
    pub codes: Vec<String>,
    /// The dictionary actor, when the mention names one.
    pub actor: Option<u32>,
    pub pronoun: bool,
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
    /// The compound was matched before the verb (it is then both source and
    /// target); after the verb it is the target.
    compound_before: bool,
}

struct Candidate {
    /// Leftmost active position the pattern reached before the verb.
    reach: usize,
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

    /// The shallow analysis of a sentence, as a readable line per word (for
    /// `dyad code --parse`).
    pub fn describe(&self, seg: &Segmented, sentence: &Sentence, text: &str, date: Option<Date>) -> String {
        let tokens = seg.sentence_tokens(sentence);
        let ws = words::words(seg, tokens, text);
        let a = analyze(self.dict, self.compiled, self.dialect, ws, date, &self.options);
        let mut out = String::new();
        for (i, w) in a.words.iter().enumerate() {
            let clause = a.clauses.iter().position(|&(s, e)| s <= i && i < e).unwrap_or(0);
            let class = match w.class {
                Class::Phrase(p) => format!("Phrase({p}: {:?})", a.phrases[p as usize].codes),
                Class::Verb(f) => format!(
                    "Verb({})",
                    self.dict.verbs[self.dict.verb_forms[f as usize].verb as usize].lemma
                ),
                other => format!("{other:?}"),
            };
            out.push_str(&format!(
                "{i:>3} c{clause} {}{} {class}\n",
                w.norm,
                if w.inactive { " (inactive)" } else { "" }
            ));
        }
        for (i, p) in a.phrases.iter().enumerate() {
            out.push_str(&format!(
                "phrase {i}: words {}..{} {:?} pronoun {:?}\n",
                p.start, p.end, p.codes, p.pronoun
            ));
        }
        out
    }

    /// Code one sentence of a segmented document.
    pub fn code_sentence(&self, seg: &Segmented, sentence: &Sentence, text: &str, date: Option<Date>) -> Coded {
        self.code_in_context(seg, sentence, text, date, &[])
    }

    /// Code a sentence; pronouns without an antecedent in the sentence refer
    /// to `context`, the previous sentence's [`Coded::subject`] (when the
    /// `forward` option is on).
    pub fn code_in_context(
        &self,
        seg: &Segmented,
        sentence: &Sentence,
        text: &str,
        date: Option<Date>,
        context: &[String],
    ) -> Coded {
        self.code_after(seg, sentence, text, date, context, &[])
    }

    /// [`Self::code_in_context`], with `pair`, the previous sentence's
    /// [`Coded::pair`]: `the two ministers`, `both leaders` with no actor
    /// of their own are that pair, in the role the phrase names.
    pub fn code_after(
        &self,
        seg: &Segmented,
        sentence: &Sentence,
        text: &str,
        date: Option<Date>,
        context: &[String],
        pair: &[String],
    ) -> Coded {
        let tokens = seg.sentence_tokens(sentence);
        let ws = words::words(seg, tokens, text);
        if self.options.minimum_words > 0 && ws.len() < self.options.minimum_words {
            return Coded::default();
        }
        let mut a = analyze(self.dict, self.compiled, self.dialect, ws, date, &self.options);
        let mut coded = Coded {
            discard: a.discard,
            complex: a.complex,
            ..Coded::default()
        };
        if a.discard.is_some() {
            return coded;
        }
        let keys = &a.keys;
        let mut codes = self.resolve_pronouns(&a);
        if self.options.modifier_agents && pair.len() == 2 {
            for (i, p) in a.phrases.iter().enumerate() {
                let norm = |k: usize| a.words.get(k).map_or("", |w| w.norm);
                let two = p.start >= 2 && norm(p.start - 2) == "THE" && norm(p.start - 1) == "TWO"
                    || p.start >= 1 && norm(p.start - 1) == "BOTH";
                let roles: Vec<&str> = codes[i].iter().filter_map(|c| c.strip_prefix("---")).collect();
                if !two || p.actor.is_some() || roles.len() != 1 || codes[i].len() != 1 {
                    continue;
                }
                codes[i] = pair
                    .iter()
                    .map(|c| format!("{}{}", c.get(..3).unwrap_or(c), roles[0]))
                    .collect();
            }
            // Patterns read a compound (`%`) from the phrase itself.
            for (p, c) in a.phrases.iter_mut().zip(&codes) {
                if c.len() == 2 && p.codes.len() == 1 && p.actor.is_none() && p.codes[0].starts_with("---") {
                    p.codes = c.clone();
                }
            }
        }
        // A subject pronoun with no actor before it refers to the previous
        // sentence's subject (FORWARD); without one, TABARI's rule: the first
        // actor of the sentence.
        let real = |i: usize, p: &Phrase| p.pronoun.is_none() && !a.phrases[i].codes.is_empty();
        let first_actor = a.phrases.iter().enumerate().find(|(i, p)| real(*i, p)).map(|(i, _)| i);
        for (i, p) in a.phrases.iter().enumerate() {
            if p.pronoun.is_none() || !codes[i].is_empty() {
                continue;
            }
            if self.options.forward && !context.is_empty() {
                codes[i] = context.to_vec();
            } else if let Some(f) = first_actor {
                codes[i] = codes[f].clone();
            }
        }
        coded.subject = match first_actor {
            // TABARI forwards the actor without its agents.
            Some(f) if self.dialect == Dialect::Tabari => a.phrases[f]
                .actor
                .and_then(|id| self.dict.actors[id as usize].codes.at(date))
                .and_then(|c| match c {
                    dyad_dict::ActorCode::Codes(c) => Some(c.iter().map(|x| x.to_string()).collect()),
                    _ => None,
                })
                .unwrap_or_else(|| codes[f].clone()),
            Some(f) => codes[f].clone(),
            None => Vec::new(),
        };
        coded.mentions = a
            .phrases
            .iter()
            .enumerate()
            .filter(|(i, p)| !codes[*i].is_empty() && !a.words[p.start].inactive || p.actor.is_some())
            .map(|(i, p)| Mention {
                span: a.words[p.start].span.cover(a.words[p.end - 1].span),
                codes: codes[i].clone(),
                actor: p.actor,
                pronoun: p.pronoun.is_some(),
            })
            .collect();
        if self.too_complex(&a, &codes) {
            coded.complex = true;
            return coded;
        }
        let mut subordinate: Vec<Event> = Vec::new();
        let mut previous_source: Option<usize> = None;
        // The appeal, demand, promise, refusal or threat of the last clause,
        // with the family code its next act is read into.
        let mut appeal: Option<(&'static str, Vec<Event>)> = None;
        for &(cs, ce) in &a.clauses {
            let active: Vec<usize> = (cs..ce).filter(|&i| !a.words[i].inactive).collect();
            // Every key present in the clause, sorted: a quick test that a
            // pattern's literal words are all there before matching it.
            let mut present: Vec<dyad_dict::Word> = active.iter().flat_map(|&i| keys.keys(i).iter().copied()).collect();
            present.sort_unstable();
            present.dedup();
            // Every verb's candidate event, left to right.
            let mut cands: Vec<(usize, Candidate)> = Vec::new();
            for (k, &wi) in active.iter().enumerate() {
                let Class::Verb(form) = a.words[wi].class else { continue };
                let vf = &self.dict.verb_forms[form as usize];
                let mut verb_end = wi + 1;
                while verb_end < a.words.len() && a.words[verb_end].class == Class::VerbCont {
                    verb_end += 1;
                }
                if let Some(cand) = self.match_verb(&a, keys, &active, k, wi, verb_end, vf.verb, &present) {
                    cands.push((k, cand));
                }
            }
            // A later verb whose pattern reaches back over an earlier verb
            // ("indicated it should have ACTED": `INDICATED SHOULD *`) is more
            // specific than the earlier verb's own code, when it codes an
            // event ("abducted by militants in a border raid": `SOLDIERS *`
            // finds no target, and the abduction stands).
            // A hypothesis ("could not remain a bystander") codes nothing
            // and hides nothing.
            let yields = |c: &Candidate| {
                c.code.discard
                    || c.code.complex
                    || (!self.options.modifier_agents || !speculative(&a, &active, c.verb_start))
                        && !self.events_for(&a, &codes, &active, c, previous_source).is_empty()
            };
            let spanned: Vec<bool> = cands
                .iter()
                .map(|(k, c)| {
                    cands.iter().any(|(k2, c2)| {
                        k2 > k
                            && c2.pattern.is_some()
                            && c2.reach <= *k
                            && !c2.code.is_null()
                            && c.pattern.is_none()
                            && yields(c2)
                    })
                })
                .collect();
            // "Americans detained in Venezuela were released", "army
            // positions in Idlib were attacked": a verb right after the
            // subject, followed within a few words by an auxiliary and the
            // main verb, modifies the subject.
            let reduced: Vec<bool> = cands
                .iter()
                .map(|(k, c)| {
                    self.options.modifier_agents
                        && *k > 0
                        && matches!(a.words[active[*k - 1]].class, Class::Phrase(_))
                        && cands.iter().any(|(k2, c2)| {
                            let between = &active[(*k + 1).min(*k2)..*k2];
                            k2 > k
                                && *k2 <= k + 5
                                && c2.verb_start > c.verb_end
                                && between.last().is_some_and(|&w| a.words[w].class == Class::Auxiliary)
                                && !between[..between.len() - 1].iter().any(|&w| {
                                    matches!(
                                        a.words[w].class,
                                        Class::Auxiliary | Class::Comma | Class::Conjunction | Class::Verb(_)
                                    ) || matches!(a.words[w].class, Class::Pronoun(Pronoun::Relative))
                                })
                        })
                })
                .collect();
            // "urged Azerbaijan to restore ...", "refused to pull its troops
            // back", "threatened to fire missiles at ...": an appeal,
            // demand, refusal, threat or promise with no pattern of its own
            // takes its subcode from what it is about, the verb after TO.
            let complements: Vec<Option<&'static str>> = cands
                .iter()
                .map(|(k, c)| {
                    let own = c.code.code.as_deref()?;
                    if !self.options.modifier_agents {
                        return None;
                    }
                    let (k2, c2) = cands.iter().find(|(k2, _)| k2 > k)?;
                    let to = *k2 > 0 && a.words[active[*k2 - 1]].norm == "TO";
                    // "demanded that Russia withdraw its troops": the act
                    // demanded says more than a pattern for "demand that".
                    let that = active[*k + 1..*k2].iter().any(|&w| a.words[w].norm == "THAT")
                        && !active[*k + 1..*k2].iter().any(|&w| a.words[w].class == Class::Comma)
                        && matches!(own.get(..2), Some("02" | "10"));
                    let infinitive = to && c.pattern.is_none();
                    if !(that || infinitive) || *k2 > k + 8 {
                        return None;
                    }
                    // Appeals and demands read as their family; other codes
                    // (a refusal's own subcode) stand.
                    let family = family_of(own).filter(|f| matches!(*f, "020" | "100")).unwrap_or(own);
                    complement_code(family, c2.code.code.as_deref()?)
                })
                .collect();
            let mut clause_done = false;
            let mut appeal_next = None;
            for ((((k, cand), spanned), reduced), complement) in cands.iter().zip(spanned).zip(reduced).zip(complements)
            {
                if spanned || reduced {
                    continue;
                }
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
                if self.options.modifier_agents && speculative(&a, &active, cand.verb_start) {
                    continue;
                }
                // "urged them to stop the fighting | and return to talks": the
                // clause after AND continues the appeal of the clause before.
                let bare = match a.words[cand.verb_start].class {
                    Class::Verb(form) => {
                        let verb = &self.dict.verbs[self.dict.verb_forms[form as usize].verb as usize];
                        verb.lemma.split(' ').next() == Some(a.words[cand.verb_start].norm)
                    }
                    _ => false,
                };
                let infinitive = *k == 0 && bare && cs > 0 && a.words[cs - 1].norm == "AND";
                let mut events = self.events_for(&a, &codes, &active, cand, previous_source);
                if self.options.modifier_agents && cand.pattern.is_some() {
                    let more = self.coordinated_objects(&a, &codes, keys, &active, *k, cand, &present, previous_source);
                    events.extend(more);
                }
                if let Some((family, earlier)) = appeal.as_ref().filter(|_| infinitive) {
                    if let Some(code) = cand
                        .code
                        .code
                        .as_deref()
                        .and_then(|inner| complement_code(family, inner))
                    {
                        if events.is_empty() {
                            // "... and return to talks": with whom, the
                            // appeal said.
                            let verb = a.words[cand.verb_start].span.cover(a.words[cand.verb_end - 1].span);
                            events = earlier
                                .iter()
                                .map(|e| Event {
                                    verb,
                                    pattern: cand.pattern,
                                    rule: format!("{} (continues: {})", cand.rule, e.rule),
                                    ..e.clone()
                                })
                                .collect();
                        }
                        events.retain(|e| !e.paired);
                        for e in &mut events {
                            e.code = code.to_string();
                        }
                    }
                }
                if let Some(code) = complement {
                    for e in events.iter_mut().filter(|e| !e.paired) {
                        e.code = code.to_string();
                    }
                }
                if self.options.modifier_agents && future(&a, &active, cand.verb_start) {
                    for e in &mut events {
                        // "will provide aid" is an intent (0331); "would
                        // strike U.S. bases" a threat (1384).
                        let promise = intent_code(&e.code).or_else(|| match e.code.get(..2) {
                            Some("17" | "18" | "19" | "20") => complement_code("130", &e.code),
                            _ => None,
                        });
                        if let Some(code) = promise {
                            e.code = code.to_string();
                        }
                    }
                }
                if cand.code.subordinate {
                    subordinate.extend(events);
                    continue;
                }
                let family = cand.code.code.as_deref().and_then(family_of);
                let to_after = active[*k..].iter().any(|&w| a.words[w].norm == "TO");
                if let Some(family) = family.filter(|_| to_after) {
                    appeal_next = Some((family, events.iter().filter(|e| !e.paired).cloned().collect()));
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
            appeal = appeal_next;
            if let Some(p) = self.first_phrase(&a, &codes, &active, 0, active.len()) {
                previous_source = Some(p);
            }
            if clause_done && self.options.code_by == CodeBy::Sentence {
                break;
            }
        }
        if coded.events.is_empty() {
            coded.events = subordinate;
        }
        if self.options.modifier_agents {
            let calls = self.phone_calls(&a, &codes, &coded.events);
            coded.events.extend(calls);
            let mediation = self.mediation(&a, &codes, &coded.events);
            coded.events.extend(mediation);
            let reduced = self.reduced_passives(&a, &codes, &coded.events);
            // "demanded the release of 24 Ukrainian sailors detained by
            // Russia": a call for the release of one's own people is
            // addressed to whoever holds them.
            for e in coded.events.iter_mut() {
                let release = matches!(e.code.as_str(), "0253" | "1053");
                let own = e.source.code.len() >= 3
                    && !e.source.code.starts_with("IGO")
                    && e.target.code.get(..3) == e.source.code.get(..3);
                if !(release && own) {
                    continue;
                }
                let captor = reduced
                    .iter()
                    .find(|r| r.target.code == e.target.code && matches!(r.code.get(..2), Some("17" | "18")));
                if let Some(r) = captor {
                    e.target = r.source.clone();
                }
            }
            coded.events.extend(reduced);
        }
        dedup(&mut coded.events);
        coded.pair = self.pair_of(&coded);
        coded
    }

    /// The two sides of the sentence's first event when they are of two
    /// countries, else its first two mentions of different countries.
    fn pair_of(&self, coded: &Coded) -> Vec<String> {
        let country = |c: &String| c.get(..3).filter(|k| !k.starts_with('-')).map(str::to_string);
        if let Some(e) = coded.events.iter().find(|e| !e.paired) {
            if let (Some(a), Some(b)) = (country(&e.source.code), country(&e.target.code)) {
                if a != b {
                    return vec![e.source.code.clone(), e.target.code.clone()];
                }
            }
        }
        let mut out: Vec<String> = Vec::new();
        for m in &coded.mentions {
            let [code] = m.codes.as_slice() else { continue };
            if country(code).is_some() && !out.iter().any(|o| country(o) == country(code)) {
                out.push(code.clone());
            }
        }
        if out.len() == 2 {
            out
        } else {
            Vec::new()
        }
    }

    /// "in a phone call with X", "during a call with X", "urged X in a phone
    /// call": the call itself is a consultation (041) between the sentence's
    /// actor and the partner, in both directions. The partner is the actor
    /// after WITH, else the target of the sentence's first event; the actor
    /// is that event's source, else the sentence's first actor.
    fn phone_calls(&self, a: &Analysis, codes: &[Vec<String>], events: &[Event]) -> Vec<Event> {
        let n = a.words.len();
        let norm = |i: usize| a.words.get(i).map_or("", |w| w.norm);
        let phrase_at = |i: usize| {
            a.phrases
                .iter()
                .enumerate()
                .position(|(k, p)| p.start == i && p.pronoun.is_none() && !codes[k].is_empty())
        };
        let mut out = Vec::new();
        for i in 0..n {
            if !matches!(norm(i), "CALL" | "CONVERSATION") {
                continue;
            }
            let medium = i > 0 && matches!(norm(i - 1), "PHONE" | "TELEPHONE" | "VIDEO");
            let with = norm(i + 1) == "WITH";
            if !medium && !with {
                continue;
            }
            // Circumstantial: IN/DURING/OVER [A|AN] [PHONE] CALL.
            let mut j = i - usize::from(medium);
            if j > 0 && matches!(norm(j - 1), "A" | "AN" | "THE") {
                j -= 1;
            }
            if j == 0 || !matches!(norm(j - 1), "IN" | "DURING" | "OVER") {
                continue;
            }
            let main = events.iter().find(|e| !e.paired);
            let partner: Option<(Vec<String>, Option<Span>)> = if with {
                let start = if matches!(norm(i + 2), "THE" | "HIS" | "HER" | "ITS" | "THEIR") {
                    i + 3
                } else {
                    i + 2
                };
                phrase_at(start).map(|p| {
                    let ph = &a.phrases[p];
                    (
                        codes[p].clone(),
                        Some(a.words[ph.start].span.cover(a.words[ph.end - 1].span)),
                    )
                })
            } else {
                main.map(|e| (vec![e.target.code.clone()], e.target.span))
            };
            let actor: Option<(Vec<String>, Option<Span>)> = match main {
                Some(e) => Some((vec![e.source.code.clone()], e.source.span)),
                None => a
                    .phrases
                    .iter()
                    .enumerate()
                    .find(|(k, p)| p.start < j && !codes[*k].is_empty() && !p.place)
                    .map(|(k, p)| {
                        (
                            codes[k].clone(),
                            Some(a.words[p.start].span.cover(a.words[p.end - 1].span)),
                        )
                    }),
            };
            let (Some((sources, sspan)), Some((partners, pspan))) = (actor, partner) else {
                continue;
            };
            let verb = a.words[j].span.cover(a.words[i].span);
            for s in &sources {
                for t in &partners {
                    if s == t || is_missing(s) || is_missing(t) {
                        continue;
                    }
                    for (from, fspan, to, tspan, paired) in [(s, sspan, t, pspan, false), (t, pspan, s, sspan, true)] {
                        out.push(Event {
                            source: Party {
                                code: from.clone(),
                                span: fspan,
                            },
                            target: Party {
                                code: to.clone(),
                                span: tspan,
                            },
                            code: "041".to_string(),
                            verb,
                            pattern: None,
                            rule: "in a phone call (041)".to_string(),
                            paired,
                        });
                    }
                }
            }
            break;
        }
        out
    }

    /// "talks ..., mediated by Oman", "a deal brokered by China": the
    /// mediator mediates (045) between the parties of the sentence's events.
    fn mediation(&self, a: &Analysis, codes: &[Vec<String>], events: &[Event]) -> Vec<Event> {
        let norm = |i: usize| a.words.get(i).map_or("", |w| w.norm);
        let mut out = Vec::new();
        for i in 0..a.words.len() {
            if !matches!(norm(i), "MEDIATED" | "BROKERED" | "FACILITATED") || norm(i + 1) != "BY" {
                continue;
            }
            let Some(m) = a
                .phrases
                .iter()
                .position(|p| p.start == i + 2 && p.pronoun.is_none() && p.has_actor)
            else {
                continue;
            };
            let ph = &a.phrases[m];
            let mspan = a.words[ph.start].span.cover(a.words[ph.end - 1].span);
            let mut parties: Vec<(String, Option<Span>)> = Vec::new();
            for e in events {
                for side in [&e.source, &e.target] {
                    if !is_missing(&side.code) && !parties.iter().any(|(c, _)| *c == side.code) {
                        parties.push((side.code.clone(), side.span));
                    }
                }
            }
            let verb = a.words[i].span.cover(a.words[i + 1].span);
            for mediator in &codes[m] {
                for (party, span) in &parties {
                    if party == mediator {
                        continue;
                    }
                    out.push(Event {
                        source: Party {
                            code: mediator.clone(),
                            span: Some(mspan),
                        },
                        target: Party {
                            code: party.clone(),
                            span: *span,
                        },
                        code: "045".to_string(),
                        verb,
                        pattern: None,
                        rule: "mediated by (045)".to_string(),
                        paired: false,
                    });
                }
            }
            break;
        }
        out
    }

    /// "citizens detained by Israel", "a tanker that was seized by British
    /// marines": a participle with its agent after a noun phrase is an event
    /// of its own (the verb's code, agent -> the phrase), coded when no
    /// other event of the sentence comes from that verb.
    fn reduced_passives(&self, a: &Analysis, codes: &[Vec<String>], events: &[Event]) -> Vec<Event> {
        let mut out = Vec::new();
        let phrase_from = |start: usize| {
            a.phrases
                .iter()
                .position(|p| p.start == start && p.pronoun.is_none() && p.has_actor)
        };
        // The phrase ending at `end`, or before one or two plain nouns
        // ("Turkish citizens", "an Iranian oil tanker").
        let phrase_to = |end: usize| {
            a.phrases.iter().position(|p| {
                p.end <= end
                    && end - p.end <= 2
                    && p.pronoun.is_none()
                    && p.has_actor
                    && !p.place
                    && a.words[p.end..end]
                        .iter()
                        .all(|w| !w.capitalized && matches!(w.class, Class::Other | Class::Noun))
            })
        };
        for i in 1..a.words.len().saturating_sub(2) {
            let Class::Verb(form) = a.words[i].class else { continue };
            if a.words[i + 1].class != Class::By || !a.words[i].norm.ends_with("ED") {
                continue;
            }
            let verb = a.words[i].span;
            if events.iter().any(|e| e.verb.start == verb.start) {
                continue;
            }
            let Some(agent) = phrase_from(i + 2) else { continue };
            // The phrase right before, or before "that/which/who was/were".
            let relative = i >= 3
                && matches!(a.words[i - 2].norm, "THAT" | "WHICH" | "WHO")
                && a.words[i - 1].class == Class::Auxiliary;
            let Some(patient) = phrase_to(i).or_else(|| relative.then(|| phrase_to(i - 2)).flatten()) else {
                continue;
            };
            let vf = &self.dict.verb_forms[form as usize];
            let code = self.dict.verb_code(vf.verb);
            let Some(c) = code
                .code
                .as_deref()
                .filter(|_| !code.subordinate && !code.discard && !code.complex)
            else {
                continue;
            };
            let span = |p: usize| {
                let ph = &a.phrases[p];
                a.words[ph.start].span.cover(a.words[ph.end - 1].span)
            };
            for s in &codes[agent] {
                for t in &codes[patient] {
                    if s == t || is_missing(s) || is_missing(t) {
                        continue;
                    }
                    out.push(Event {
                        source: Party {
                            code: s.clone(),
                            span: Some(span(agent)),
                        },
                        target: Party {
                            code: t.clone(),
                            span: Some(span(patient)),
                        },
                        code: c.to_string(),
                        verb,
                        pattern: None,
                        rule: format!("{} by (reduced passive)", self.dict.verbs[vf.verb as usize].lemma),
                        paired: false,
                    });
                }
            }
        }
        out
    }

    /// TABARI's complexity filter (`COMPLEX:` options).
    fn too_complex(&self, a: &Analysis, codes: &[Vec<String>]) -> bool {
        let o = &self.options;
        let active = || a.words.iter().filter(|w| !w.inactive);
        let verbs = active().filter(|w| matches!(w.class, Class::Verb(_))).count();
        let conj = active().filter(|w| w.class == Class::Conjunction).count();
        if o.complex_verbs > 0 && verbs >= o.complex_verbs {
            return true;
        }
        if o.complex_conjunctions > 0 && conj >= o.complex_conjunctions {
            return true;
        }
        if o.complex_no_actor_prior && verbs > 0 {
            let first_verb = a
                .words
                .iter()
                .position(|w| !w.inactive && matches!(w.class, Class::Verb(_)))
                .unwrap_or(0);
            let actor_before = a
                .phrases
                .iter()
                .enumerate()
                .any(|(i, p)| p.start < first_verb && !codes[i].is_empty());
            if !actor_before {
                return true;
            }
        }
        false
    }

    /// "resumed military aid and intelligence sharing with Kyiv": objects
    /// joined by AND right after the verb are each the verb's object. The
    /// verb's patterns are tried again with only the first object (up to
    /// the next preposition) and with only the second, and the events of a
    /// pattern that codes something else than `cand` are added.
    #[allow(clippy::too_many_arguments)]
    fn coordinated_objects(
        &self,
        a: &Analysis,
        codes: &[Vec<String>],
        keys: &TokenKeys,
        active: &[usize],
        k: usize,
        cand: &Candidate,
        present: &[dyad_dict::Word],
        previous_source: Option<usize>,
    ) -> Vec<Event> {
        let Class::Verb(form) = a.words[cand.verb_start].class else {
            return Vec::new();
        };
        let verb = self.dict.verb_forms[form as usize].verb;
        let k_end = active.iter().position(|&w| w >= cand.verb_end).unwrap_or(active.len());
        // Where a plain object phrase stops: a preposition, a comma, a
        // conjunction, an auxiliary, a pronoun or a named actor.
        let stop = |j: usize| {
            let w = &a.words[active[j]];
            matches!(
                w.class,
                Class::Preposition | Class::Comma | Class::Conjunction | Class::Auxiliary | Class::Pronoun(_)
            ) || matches!(w.class, Class::Phrase(p) if a.phrases[p as usize].has_actor)
        };
        let Some(and) = (k_end..active.len().min(k_end + 4))
            .find(|&j| stop(j))
            .filter(|&j| j > k_end && a.words[active[j]].norm == "AND")
        else {
            return Vec::new();
        };
        let second_end = (and + 1..active.len()).find(|&j| stop(j)).unwrap_or(active.len());
        if second_end == and + 1 || second_end > and + 5 {
            return Vec::new();
        }
        let mut out: Vec<Event> = Vec::new();
        for (from, to) in [(k_end, and + 1), (and, second_end)] {
            let rest: Vec<usize> = active[..from].iter().chain(&active[to..]).copied().collect();
            let Some(c) = self.match_verb(a, keys, &rest, k, cand.verb_start, cand.verb_end, verb, present) else {
                continue;
            };
            if c.pattern.is_none()
                || c.code.is_null()
                || c.code.discard
                || c.code.complex
                || c.code.code == cand.code.code
            {
                continue;
            }
            out.extend(self.events_for(a, codes, &rest, &c, previous_source));
        }
        out
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
                Some(Pronoun::Subject) => a.phrases[..i]
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
            let codes = if p.pronoun_agents.is_empty() {
                codes
            } else {
                codes
                    .iter()
                    .map(|c| {
                        p.pronoun_agents.iter().fold(c.clone(), |acc, (agent, prefix)| {
                            crate::analyze::compose(&acc, agent, *prefix)
                        })
                    })
                    .collect()
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
        present: &[dyad_dict::Word],
    ) -> Option<Candidate> {
        let v = &self.dict.verbs[verb as usize];
        let pats = &self.dict.verb_patterns[verb as usize];
        // Active positions of the verb's first and last words.
        let k_end = active.iter().position(|&w| w >= verb_end).unwrap_or(active.len());
        // dyad's own dictionaries: the first infinitive after the verb names
        // the act (`urged Israel to pause its operations`); a second one
        // only gives that act's purpose (`to allow aid deliveries`), and no
        // pattern after the verb reaches it.
        // Nor does one reach into a condition (`warned that Tehran could
        // not remain a bystander if Israel launched a ground offensive`):
        // what would bring the act about is not the act.
        let limit = if self.options.modifier_agents {
            let purpose = (k_end..active.len())
                .filter(|&p| infinitive_at(a, active, p))
                .nth(1)
                .map_or(active.len(), |p| p - 1);
            let condition = (k_end..active.len())
                .find(|&p| matches!(a.words[active[p]].norm, "IF" | "UNLESS"))
                .unwrap_or(active.len());
            purpose.min(condition)
        } else {
            active.len()
        };
        let m = Matcher {
            coder: self,
            a,
            keys,
            active,
            limit,
        };
        for &p in pats.iter() {
            let pat = &self.dict.patterns[p as usize];
            // Cheap test first: every literal word of the pattern must be in
            // the clause.
            if !pat.words.iter().all(|&w| present.binary_search(&w).is_ok()) {
                continue;
            }
            if pat.code.complex && self.dialect == Dialect::Petrarch {
                // PETRARCH has no complex code: the pattern is passed over.
                continue;
            }
            let vpos = pat.elems.iter().position(|e| e.elem == Elem::Verb).unwrap_or(0);
            let mut b = Bindings::default();
            let verb_adjacent_after = pat.elems.get(vpos + 1).is_some_and(|e| e.adjacent);
            if !m.forward(&pat.elems[vpos + 1..], k_end, verb_adjacent_after, &mut b) {
                continue;
            }
            if let Some(reach) = m.backward(&pat.elems[..vpos], k, pat.elems[vpos].adjacent, &mut b) {
                // dyad's own dictionaries: a negation the pattern does not
                // include ("has not withdrawn its troops") leaves no event.
                let mut code = pat.code.clone();
                if self.negation && self.options.modifier_agents && !pat.code.is_null() {
                    if let Some(neg) = self.negation_at(a, active, k) {
                        if neg < reach {
                            code = self.refusal(a, active, neg, &code)?;
                        }
                    }
                }
                return Some(Candidate {
                    reach,
                    verb_start,
                    verb_end,
                    code,
                    bindings: b,
                    pattern: Some(pat.loc),
                    rule: pat.text.to_string(),
                });
            }
        }
        let mut code = self.dict.verb_code(verb).clone();
        if self.negation {
            if let Some(neg) = self.negation_at(a, active, k) {
                if !self.options.modifier_agents {
                    return None;
                }
                code = self.refusal(a, active, neg, &code)?;
            }
        }
        Some(Candidate {
            reach: k,
            verb_start,
            verb_end,
            code,
            bindings: Bindings::default(),
            pattern: None,
            rule: v.lemma.to_string(),
        })
    }

    /// "will not allow", "would not negotiate": a refusal (root 12) of what
    /// the verb codes, or `None` (a plain negated event codes nothing).
    fn refusal(&self, a: &Analysis, active: &[usize], neg: usize, code: &EventCode) -> Option<EventCode> {
        let modal = neg > 0
            && matches!(
                a.words[active[neg - 1]].norm,
                "WILL" | "WOULD" | "WO" | "SHALL" | "CANNOT"
            );
        let refusal = refusal_code(code.code.as_deref()?).filter(|_| modal)?;
        Some(EventCode {
            code: Some(refusal.into()),
            paired: None,
            ..code.clone()
        })
    }

    /// The active position of a negation within the three words before the
    /// verb at active position `k`.
    fn negation_at(&self, a: &Analysis, active: &[usize], k: usize) -> Option<usize> {
        (k.saturating_sub(3)..k).find(|&p| {
            let w = &a.words[active[p]];
            w.class == Class::Negation || w.norm == "NO"
        })
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
        let mut source = c.bindings.source;
        let mut target = c.bindings.target;
        if let Some(cp) = c.bindings.compound {
            // TABARI: `%` is both source and target; PETRARCH: after the
            // verb it is the target ("agrees with % that").
            if c.bindings.compound_before || self.dialect == Dialect::Tabari {
                source = source.or(Some(cp));
                target = target.or(Some(cp));
            } else {
                target = target.or(Some(cp));
            }
        }
        let designated = source.is_some() || target.is_some();
        let usable = |i: usize| !codes[i].is_empty();
        let in_range = |from: usize, to: usize| -> Vec<usize> {
            let range = &active[from.min(active.len())..to.min(active.len())];
            a.phrases
                .iter()
                .enumerate()
                .filter(|(i, p)| range.contains(&p.start) && usable(*i))
                .map(|(i, _)| i)
                .collect()
        };
        let before = in_range(0, k);
        let after = in_range(k_end, active.len());
        let differs = |p: usize, other: Option<usize>| other.is_none_or(|o| codes[o] != codes[p]);
        // An actor right after a preposition ("a row between Radagast and...")
        // is inside a modifier of the subject, not the subject itself.
        // With dyad's dictionaries also one right after a participle that
        // follows a noun phrase ("protesters supporting President Donald
        // Trump stormed ...": the protesters).
        let in_modifier = |p: usize| {
            let start = a.phrases[p].start;
            let pos = active.iter().position(|&w| w == start).unwrap_or(0);
            let participle = self.options.modifier_agents
                && pos >= 2
                && a.words[active[pos - 1]].norm.ends_with("ING")
                && matches!(a.words[active[pos - 2]].class, Class::Phrase(_));
            participle
                || active[pos.saturating_sub(2)..pos]
                    .iter()
                    .any(|&w| a.words[w].class == Class::Preposition && a.words[w].norm != "OF")
        };
        // A pattern's actor before the verb that sits in a prepositional
        // modifier ("Six Americans detained in Venezuela were released by
        // ...") stands for the noun phrase it modifies: the nearest actor
        // before it that is in no modifier.
        if self.options.modifier_agents {
            let bound_before = |p: usize| a.phrases[p].start < c.verb_start;
            let head = |p: usize| {
                let start = a.phrases[p].start;
                before
                    .iter()
                    .rev()
                    .copied()
                    .find(|&q| a.phrases[q].start < start && !in_modifier(q) && !a.phrases[q].place)
            };
            if let Some(t) = target.filter(|&t| bound_before(t) && in_modifier(t)) {
                target = head(t).filter(|&h| Some(h) != source).or(Some(t));
            }
        }
        // A participle after a preposition ("by expressing", "after
        // meeting") has the clause's subject: the first actor.
        let participle_clause = self.options.modifier_agents
            && a.words[c.verb_start].norm.ends_with("ING")
            && k > 0
            && matches!(
                a.words[active[k - 1]].norm,
                "BY" | "AFTER" | "BEFORE" | "WHILE" | "WHEN" | "IN" | "ON" | "AS"
            );
        let before: Vec<usize> = before.into_iter().filter(|&p| !a.phrases[p].place).collect();
        if source.is_none() && participle_clause {
            source = before.first().copied();
        }
        if source.is_none() {
            // TABARI: the first actor of the clause; PETRARCH (and news
            // coding): the nearest actor before the verb, its subject.
            let pick = match self.dialect {
                Dialect::Tabari => before.iter().copied().find(|&p| differs(p, target)),
                _ => before
                    .iter()
                    .rev()
                    .copied()
                    .find(|&p| differs(p, target) && !in_modifier(p))
                    .or_else(|| before.iter().rev().copied().find(|&p| differs(p, target))),
            };
            source = pick.or(previous_source.filter(|&p| differs(p, target)));
            if source.is_none()
                && self.dialect == Dialect::Tabari
                && self.options.default_source.as_ref().is_none_or(|d| !d.1)
            {
                // TABARI is greedy: with no actor before the verb, the first
                // actor after it is the source.
                source = after.iter().copied().find(|&p| differs(p, target));
            }
        }
        if target.is_none() {
            // A named actor after the verb beats a bare role word ("shared
            // intelligence with Kyiv": Kyiv, not the intelligence services).
            let country = |codes: &[String]| codes.first().map(|c| c.chars().take(3).collect::<String>());
            let own = |p: usize| {
                // "its forces": the subject's own organs are not its target.
                a.phrases[p].pronoun.is_some()
                    && source.is_some_and(|s| country(&codes[s]).is_some() && country(&codes[s]) == country(&codes[p]))
            };
            // The partner of "in a phone call with X" is not the target of
            // what was said or agreed in the call (the call is coded apart).
            let root = c.code.code.as_deref().and_then(|x| x.get(..2)).unwrap_or("");
            let call_partner = |p: usize| {
                let s = a.phrases[p].start;
                let mut j = s;
                if j > 0 && matches!(a.words[j - 1].norm, "THE" | "HIS" | "HER" | "ITS" | "THEIR") {
                    j -= 1;
                }
                root != "04"
                    && j >= 2
                    && a.words[j - 1].norm == "WITH"
                    && matches!(a.words[j - 2].norm, "CALL" | "CONVERSATION")
            };
            let named = |p: usize| {
                !self.options.modifier_agents
                    || (a.phrases[p].has_actor || a.phrases[p].pronoun.is_some())
                        && !a.phrases[p].place
                        && !own(p)
                        && !call_partner(p)
            };
            // An object pronoun does not refer to its own clause's subject
            // ("cut ties with Qatar, accusing it of ...": Qatar, not the
            // subject the pronoun rules would pick): it takes the nearest
            // actor before it that is not the source.
            let antecedent = |p: usize| -> usize {
                let Some(s) = source else { return p };
                let object = matches!(a.phrases[p].pronoun, Some(Pronoun::Subject | Pronoun::Plural));
                if !self.options.modifier_agents || !object || codes[s] != codes[p] {
                    return p;
                }
                (0..p)
                    .rev()
                    .find(|&q| {
                        let ph = &a.phrases[q];
                        ph.pronoun.is_none()
                            && !ph.place
                            && ph.has_actor
                            && !codes[q].is_empty()
                            && codes[q] != codes[s]
                    })
                    .unwrap_or(p)
            };
            let after: Vec<usize> = after.iter().map(|&p| antecedent(p)).collect();
            // A role word that is the verb's direct object ("detained more
            // than 1,700 protesters at rallies against the war in Ukraine")
            // is the target, whatever actor comes later.
            let object = after.first().copied().filter(|&p| {
                let ph = &a.phrases[p];
                let pos = active.iter().position(|&w| w == ph.start).unwrap_or(0);
                // Not the subject's own means ("massed troops on the
                // border", "sent aid workers"): force posture, aid,
                // cooperation, concessions and intents keep their target.
                let own_means = c
                    .code
                    .code
                    .as_deref()
                    .is_some_and(|x| matches!(x.get(..2), Some("03" | "06" | "07" | "08" | "15")));
                self.options.modifier_agents
                    && !own_means
                    && !ph.has_actor
                    && ph.pronoun.is_none()
                    && differs(p, source)
                    && !(ph.end == ph.start + 1 && a.words[ph.start].norm == "INTELLIGENCE")
                    && active[k_end.min(pos)..pos].iter().all(|&w| quantity_word(&a.words[w]))
            });
            // "rallied ... against the government's decision to suspend
            // talks on joining the EU": what a protest, criticism, refusal or
            // threat is against is its target, named or not.
            let against = after.iter().copied().find(|&p| {
                let mut j = a.phrases[p].start;
                if j > 0 && a.words[j - 1].norm == "THE" {
                    j -= 1;
                }
                self.options.modifier_agents
                    && matches!(root, "11" | "12" | "13" | "14")
                    && j > 0
                    && a.words[j - 1].norm == "AGAINST"
                    && a.phrases[p].pronoun.is_none()
                    && differs(p, source)
                    && !a.phrases[p].place
            });
            target = object
                .or(against)
                .or_else(|| after.iter().copied().find(|&p| differs(p, source) && named(p)));
            // A compound subject with no named target acts on itself (met in
            // Geneva) before a place or a bare role word is taken.
            if target.is_none() && self.options.modifier_agents && source.is_some_and(|s| codes[s].len() > 1) {
                target = source;
            }
            if target.is_none() {
                // "deployed thousands of police ... to stop protesters from
                // gathering": the forces a show of force deploys are the
                // subject's own, not its target, when another role follows.
                let deployed = |p: usize| {
                    let ph = &a.phrases[p];
                    self.options.modifier_agents
                        && root == "15"
                        && !ph.has_actor
                        && !codes[p].is_empty()
                        && codes[p]
                            .iter()
                            .all(|c| matches!(c.get(3..6), Some("MIL" | "COP" | "SPY")))
                };
                let candidates: Vec<usize> = after
                    .iter()
                    .copied()
                    .filter(|&p| differs(p, source) && !(self.options.modifier_agents && own(p)))
                    .collect();
                target = candidates
                    .iter()
                    .copied()
                    .find(|&p| !deployed(p) && !a.phrases[p].place)
                    .filter(|_| candidates.first().is_some_and(|&f| deployed(f)))
                    .or(candidates.first().copied());
            }
            if target.is_none() && self.dialect == Dialect::Tabari {
                // TABARI: the first actor before the verb that differs from the source.
                target = before
                    .iter()
                    .copied()
                    .find(|&p| Some(p) != source && differs(p, source));
            }
            if target.is_none() && self.options.modifier_agents {
                // "During talks with X, Y praised ...": the partner named with
                // "with" before the verb.
                target = before.iter().copied().find(|&p| {
                    Some(p) != source
                        && differs(p, source)
                        && a.phrases[p].has_actor
                        && a.phrases[p].start > 0
                        && a.words[a.phrases[p].start - 1].norm == "WITH"
                });
            }
            // A compound source with no other target acts on itself: "Russia
            // and Ukraine accused each other" (one event per ordered pair).
            if target.is_none() && source.is_some_and(|s| codes[s].len() > 1) {
                target = source;
            }
        }
        // Passive voice: an auxiliary one or two words before the verb; with
        // BY right after it (TABARI requires it), or, for PETRARCH, an actor
        // right after the verb ("was shot dead in Osgiliath"). A pattern
        // that names only the target ("aid * TO +") still takes its source
        // from a later BY ("aid was sent to Libya by Egypt").
        let target_only = c.bindings.source.is_none() && c.bindings.compound.is_none();
        if !designated || (target_only && self.options.modifier_agents) {
            let aux = active[k.saturating_sub(2)..k]
                .iter()
                .any(|&i| a.words[i].class == Class::Auxiliary);
            let by_after = active.get(k_end).is_some_and(|&i| a.words[i].class == Class::By);
            let near_actor = after.first().is_some_and(|&p| {
                let start = active
                    .iter()
                    .position(|&w| w == a.phrases[p].start)
                    .unwrap_or(usize::MAX);
                start <= k_end + 3
            });
            let participle = !a.words[c.verb_start].norm.ends_with("ING");
            // dyad's conventions: the agent is the actor right after a later
            // BY ("were sent to Libya by Egypt").
            let by_agent = after.iter().copied().find(|&p| {
                let pos = active.iter().position(|&w| w == a.phrases[p].start).unwrap_or(0);
                self.options.modifier_agents && pos > k_end && a.words[active[pos - 1]].class == Class::By
            });
            let passive = match self.dialect {
                Dialect::Tabari => aux && by_after,
                _ => aux && participle && (by_after || near_actor || by_agent.is_some()),
            };
            if passive && designated {
                if let Some(agent) = by_agent.filter(|&p| Some(p) != target) {
                    source = Some(agent);
                }
            } else if passive {
                let agent = by_agent.or(after.first().copied());
                // The subject, not an actor in a modifier of it ("Americans
                // detained in Venezuela were released").
                let mut subject = before.last().copied();
                if self.options.modifier_agents {
                    subject = before.iter().rev().copied().find(|&p| !in_modifier(p)).or(subject);
                }
                if self.options.modifier_agents && subject.is_none_or(|s| !a.phrases[s].has_actor) {
                    // A subject that names no actor (the thing delivered)
                    // gives way to an actor after the verb: "jets have been
                    // delivered to Ukraine by Denmark".
                    subject = after
                        .iter()
                        .copied()
                        .find(|&p| Some(p) != agent && a.phrases[p].has_actor && !a.phrases[p].place)
                        .or_else(|| {
                            // ... or to the actor in its modifier: "an offer
                            // of talks from Washington was rejected".
                            before.iter().rev().copied().find(|&p| a.phrases[p].has_actor)
                        })
                        .or(subject);
                }
                source = agent;
                target = subject;
                if self.options.modifier_agents && target.is_none() && source.is_some_and(|s| codes[s].len() > 1) {
                    // "was signed by Armenia and Azerbaijan": the compound
                    // acts on itself.
                    target = source;
                }
            }
        }
        let mut events = Vec::new();
        let missing = || vec!["---".to_string()];
        let mut src_codes: Vec<String> = source.map(|s| codes[s].clone()).unwrap_or_else(missing);
        let mut tgt_codes: Vec<String> = target.map(|t| codes[t].clone()).unwrap_or_else(missing);
        if self.options.modifier_agents && c.code.code.as_deref().is_some_and(|x| matches!(x, "042" | "043")) {
            // The destination of a visit is a place: "visited Kyiv" is a
            // visit to Ukraine, not to its government.
            for (side, side_codes) in [(source, &mut src_codes), (target, &mut tgt_codes)] {
                let capital = side
                    .and_then(|p| a.phrases[p].actor)
                    .is_some_and(|id| self.dict.actors[id as usize].kind == dyad_dict::ActorKind::Capital);
                if capital {
                    for code in side_codes.iter_mut() {
                        if code.len() == 6 && code.ends_with("GOV") {
                            code.truncate(3);
                        }
                    }
                }
            }
        }
        // "declared martial law", "imposed a curfew": a country-wide
        // measure with no other target targets the country itself.
        let nationwide = c.code.code.as_deref().is_some_and(|x| matches!(x, "1723" | "1724"));
        if self.options.modifier_agents && target.is_none() && nationwide {
            let own: Vec<String> = src_codes
                .iter()
                .filter(|s| s.len() > 3 && !is_missing(s))
                .filter_map(|s| s.get(..3).map(str::to_string))
                .filter(|s| s != "---")
                .collect();
            if !own.is_empty() {
                tgt_codes = own;
            }
        }
        // A number of victims in the hundreds or more ("killed 131
        // civilians", "executed at least 223 villagers") makes a killing
        // a mass killing (202).
        let killing = c
            .code
            .code
            .as_deref()
            .is_some_and(|x| matches!(x, "190" | "18" | "180" | "1823"))
            || c.code.code.as_deref().is_some_and(|x| x.starts_with("182"));
        let mut mass = false;
        if self.options.modifier_agents && killing {
            let lemma = match a.words[c.verb_start].class {
                Class::Verb(f) => &*self.dict.verbs[self.dict.verb_forms[f as usize].verb as usize].lemma,
                _ => "",
            };
            if matches!(lemma, "KILL" | "EXECUTE" | "MURDER" | "MASSACRE" | "SLAUGHTER") {
                let window = &active[k_end.min(active.len())..(k_end + 6).min(active.len())];
                mass = window.iter().enumerate().any(|(j, &w)| {
                    let many = a.words[w].class == Class::Number
                        && a.words[w].norm.replace(',', "").parse::<u32>().is_ok_and(|v| v >= 100);
                    many && window[j + 1..].iter().take(2).any(|&v| {
                        matches!(
                            a.words[v].norm,
                            "CIVILIANS" | "VILLAGERS" | "PEOPLE" | "RESIDENTS" | "DETAINEES" | "PRISONERS" | "UNARMED"
                        )
                    })
                });
            }
        }
        // "a rocket attack on Tel Aviv", "struck Kyiv": a capital attacked
        // is the city, its country, not the government.
        let attack = c
            .code
            .code
            .as_deref()
            .is_some_and(|x| x == "015" || matches!(x.get(..2), Some("18" | "19" | "20")));
        let capital = target
            .and_then(|p| a.phrases[p].actor)
            .is_some_and(|id| self.dict.actors[id as usize].kind == dyad_dict::ActorKind::Capital);
        if self.options.modifier_agents && attack && capital {
            for code in tgt_codes.iter_mut() {
                if code.len() == 6 && code.ends_with("GOV") {
                    code.truncate(3);
                }
            }
        }
        // TABARI DEFAULT: codes for a missing source or target (PRIOR: no
        // actor before the verb; AFTER: no actor after it).
        if let Some((code, prior)) = &self.options.default_source {
            if source.is_none() || (*prior && before.is_empty()) {
                src_codes = vec![code.clone()];
                source = None;
            }
        }
        if let Some((code, after_flag)) = &self.options.default_target {
            let none_after = !after.iter().any(|&p| Some(p) != source);
            if target.is_none() || (*after_flag && none_after) {
                tgt_codes = vec![code.clone()];
                target = None;
            }
        }
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
                // "a conflict between Russia and NATO", said by the Kremlin:
                // a member of a compound target that is the source's own
                // country is not its target.
                if self.options.modifier_agents
                    && tgt_codes.len() > 1
                    && t.len() == 3
                    && s.len() > 3
                    && s.starts_with(t.as_str())
                {
                    continue;
                }
                // Both sides known; without require_dyad, at least one.
                let keep = match (is_missing(s), is_missing(t)) {
                    (false, false) => true,
                    (true, true) => false,
                    _ => !self.options.require_dyad,
                };
                if !keep {
                    continue;
                }
                if let Some(code) = &c.code.code {
                    let code = if mass { "202" } else { code };
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

/// A word that may come between a verb and its object role: determiners,
/// numbers, quantities ("more than 1,700", "dozens of", "at least 223") and
/// names of peoples that are no actors.
fn quantity_word(w: &words::Word) -> bool {
    // A capitalized word that is no actor names the people ("400,000
    // Rohingya civilians").
    matches!(w.class, Class::Determiner | Class::Number | Class::Adjective)
        || w.class == Class::Other && w.capitalized
        || matches!(
            w.norm,
            "MORE"
                | "THAN"
                | "AT"
                | "LEAST"
                | "OF"
                | "ABOUT"
                | "NEARLY"
                | "ALMOST"
                | "SOME"
                | "SEVERAL"
                | "MANY"
                | "DOZENS"
                | "HUNDREDS"
                | "THOUSANDS"
                | "TENS"
                | "SCORES"
                | "MILLIONS"
                | "UP"
                | "TO"
                | "OVER"
        )
}

/// "could trigger", "might strike", "may retaliate": a modal of
/// possibility before the verb (adverbs may come between) makes it a
/// hypothesis, not an event.
fn speculative(a: &Analysis, active: &[usize], verb: usize) -> bool {
    let Some(k) = active.iter().position(|&w| w == verb) else {
        return false;
    };
    // "... if Israel launched a ground offensive": the verb of a condition,
    // up to its comma.
    let condition = active[..k]
        .iter()
        .rev()
        .take_while(|&&w| a.words[w].class != Class::Comma)
        .any(|&w| matches!(a.words[w].norm, "IF" | "UNLESS"));
    if condition {
        return true;
    }
    for &w in active[..k].iter().rev().take(3) {
        match a.words[w].norm {
            "COULD" | "MIGHT" | "MAY" => return true,
            n if n.ends_with("LY") || matches!(n, "ALSO" | "SOON" | "STILL" | "EVEN" | "YET" | "BE" | "HAVE") => {
                continue
            }
            _ => return false,
        }
    }
    false
}

/// "will provide", "would immediately resume": a future modal before the
/// verb (adverbs may come between).
fn future(a: &Analysis, active: &[usize], verb: usize) -> bool {
    let Some(k) = active.iter().position(|&w| w == verb) else {
        return false;
    };
    for &w in active[..k].iter().rev().take(3) {
        match a.words[w].norm {
            "WILL" | "WOULD" | "SHALL" => return true,
            n if n.ends_with("LY") || matches!(n, "ALSO" | "SOON" | "THEN" | "STILL" | "NOW") => continue,
            _ => return false,
        }
    }
    false
}

/// The CAMEO code of the intent to do what `code` does (material
/// cooperation, aid and concessions announced for the future: "Japan will
/// provide aid" is 0331, not 071), or `None` when a future act keeps its
/// code.
pub fn intent_code(code: &str) -> Option<&'static str> {
    Some(match code {
        "051" => "032",
        "060" => "031",
        "061" => "0311",
        "062" => "0312",
        "063" => "0313",
        "064" => "0314",
        "070" | "075" => "033",
        "071" => "0331",
        "072" => "0332",
        "073" => "0333",
        "074" => "0334",
        "080" => "035",
        "081" => "0351",
        "082" => "0352",
        "083" | "0831" | "0832" | "0833" | "0834" => "034",
        "084" | "0841" | "0842" => "0353",
        "085" => "0354",
        "086" | "0861" | "0862" | "0863" => "0355",
        "087" | "0871" | "0872" | "0873" | "0874" => "0356",
        _ => return None,
    })
}

/// The CAMEO refusal (root 12) of what `code` does: "will not allow
/// military bases" (062) is 1212, "would not negotiate" (046) 125.
pub fn refusal_code(code: &str) -> Option<&'static str> {
    Some(match code {
        "060" => "121",
        "061" => "1211",
        "062" => "1212",
        "063" => "1213",
        "064" => "1214",
        "070" | "075" => "122",
        "071" => "1221",
        "072" => "1222",
        "073" => "1223",
        "074" => "1224",
        "080" => "124",
        "081" => "1241",
        "082" => "1242",
        "083" | "0831" | "0832" | "0833" | "0834" => "123",
        "084" | "0841" | "0842" => "1243",
        "085" => "1244",
        "086" | "0861" | "0862" | "0863" => "1245",
        "087" | "0871" | "0872" | "0873" | "0874" => "1246",
        "040" | "046" => "125",
        "057" => "127",
        _ => return None,
    })
}

/// The family of codes an act can be read into (`complement_code`): 02x
/// appeals 020, 03x intents 030, 10x demands 100, 12x refusals 120, 13x
/// threats 130.
fn family_of(code: &str) -> Option<&'static str> {
    Some(match code.get(..2)? {
        "02" => "020",
        "03" => "030",
        "10" => "100",
        "12" => "120",
        "13" => "130",
        _ => return None,
    })
}

/// The code of an appeal (020), demand (100), refusal (120), threat (130)
/// or promise (030) whose object is the act coded `inner`: "urged X to
/// release" (084) is 0253, "threatened to attack" (190) 1384, "refused to
/// withdraw" (0874) 1246. `None`: the family code stands.
pub fn complement_code(family: &str, inner: &str) -> Option<&'static str> {
    // `appeal`: the codes for 080 to 087; `reform`: for 0831 to 0834
    // (leadership, policy, rights, institutions).
    let yield_sub = |appeal: [&'static str; 8], reform: [&'static str; 4]| -> Option<&'static str> {
        Some(match inner {
            "080" => appeal[0],
            "081" => appeal[1],
            "082" => appeal[2],
            "083" => appeal[3],
            "0831" => reform[0],
            "0832" => reform[1],
            "0833" => reform[2],
            "0834" => reform[3],
            "084" | "0841" | "0842" => appeal[4],
            "085" => appeal[5],
            "086" | "0861" | "0862" | "0863" => appeal[6],
            "087" | "0871" | "0872" | "0873" | "0874" => appeal[7],
            _ => return None,
        })
    };
    let root = inner.get(..2)?;
    match family {
        "020" => match root {
            "04" => Some("026"),
            "06" => Some(match inner {
                "061" => "0211",
                "062" => "0212",
                "063" => "0213",
                "064" => "0214",
                _ => "021",
            }),
            "07" => Some(match inner {
                "071" => "0231",
                "072" => "0232",
                "073" => "0233",
                "074" => "0234",
                _ => "023",
            }),
            "08" => yield_sub(
                ["025", "0251", "0252", "024", "0253", "0254", "0255", "0256"],
                ["0241", "0242", "0243", "0244"],
            ),
            _ => None,
        },
        "100" => match root {
            "04" => Some("106"),
            "06" => Some(match inner {
                "061" => "1011",
                "062" => "1012",
                "063" => "1013",
                "064" => "1014",
                _ => "101",
            }),
            "07" => Some(match inner {
                "071" => "1031",
                "072" => "1032",
                "073" => "1033",
                "074" => "1034",
                _ => "103",
            }),
            "08" => yield_sub(
                ["105", "1051", "1052", "104", "1053", "1054", "1055", "1056"],
                ["1041", "1042", "1043", "1044"],
            ),
            _ => None,
        },
        "120" => refusal_code(inner),
        "030" => intent_code(inner),
        "130" => Some(match inner {
            "162" | "1621" | "1622" | "1623" => "1311",
            "163" => "1312",
            "161" => "1313",
            "14" => "133",
            "191" => "1381",
            "192" => "1382",
            _ if root == "14" => "133",
            _ if root == "17" => "137",
            _ if root == "18" => "1383",
            _ if matches!(root, "19") => "1384",
            _ if inner.starts_with("204") => "1385",
            _ => return None,
        }),
        _ => None,
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
    /// Active position where the elements after the verb must stop.
    limit: usize,
}

/// Active position `pos` holds the verb of an infinitive (`to allow`).
fn infinitive_at(a: &Analysis, active: &[usize], pos: usize) -> bool {
    pos >= 1
        && pos < active.len()
        && a.words[active[pos - 1]].norm == "TO"
        && matches!(a.words[active[pos]].class, Class::Verb(_))
}

impl Matcher<'_, '_, '_> {
    /// TABARI stops phrase matching at commas; PETRARCH (parse-based) does not.
    fn stops_at_commas(&self) -> bool {
        self.coder.dialect == Dialect::Tabari
    }

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
                // dyad's own dictionaries: a preposition inside a named
                // actor (`the UN agency for Palestinian refugees`) is part
                // of the name, not the pattern's `FOR`.
                let w = &self.a.words[self.word(pos)];
                let in_name = matches!(w.class, Class::Phrase(p) if self.coder.options.modifier_agents
                    && self.a.phrases[p as usize].has_actor
                    && crate::words::function_class(w.norm) == Some(Class::Preposition));
                if !in_name && self.keys.has(self.word(pos), *id) {
                    vec![pos + 1]
                } else {
                    vec![]
                }
            }
            Elem::Synset(s) => {
                // Synset phrases are matched over the sentence's words; an
                // end maps back to the active position after it.
                let trie = &self.coder.compiled.synsets[*s as usize];
                let mut ends = Vec::new();
                trie.matches_at(self.keys, self.word(pos), |end_word, _| {
                    // The phrase must end on an active word; the next active
                    // word may lie past words left out of the clause.
                    if let Some(p) = self.active.iter().position(|&w| w + 1 == end_word) {
                        ends.push(p + 1);
                    }
                });
                ends
            }
            _ => vec![],
        }
    }

    /// Match `elems` forward from active position `pos`; the first element
    /// must start exactly at `pos` when `adjacent`.
    fn forward(&self, elems: &[dyad_dict::PatternElem], pos: usize, adjacent: bool, b: &mut Bindings) -> bool {
        let Some(first) = elems.first() else { return true };
        let n = self.limit.min(self.active.len());
        for p in pos..n {
            if adjacent && p > pos {
                break;
            }
            if self.stops_at_commas()
                && self.is_comma(p)
                && !matches!(first.elem, Elem::Source | Elem::Target | Elem::Compound | Elem::Skip)
            {
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
    fn backward(
        &self,
        elems: &[dyad_dict::PatternElem],
        pos: usize,
        adjacent: bool,
        b: &mut Bindings,
    ) -> Option<usize> {
        let Some(last) = elems.last() else { return Some(pos) };
        let rest = &elems[..elems.len() - 1];
        let mut end = pos;
        let min_end = if adjacent { pos } else { 1 };
        while end >= min_end && end >= 1 {
            if self.stops_at_commas()
                && self.is_comma(end - 1)
                && !matches!(last.elem, Elem::Source | Elem::Target | Elem::Compound | Elem::Skip)
            {
                return None;
            }
            match &last.elem {
                Elem::Word(_) | Elem::Synset(_) => {
                    // Starts whose match ends exactly at `end`.
                    for start in (0..end).rev().take(8) {
                        if self.term_ends(&last.elem, start).contains(&end) {
                            let mut nb = *b;
                            if let Some(reach) = self.backward(rest, start, last.adjacent, &mut nb) {
                                *b = nb;
                                return Some(reach);
                            }
                        }
                    }
                }
                Elem::Source | Elem::Target | Elem::Compound | Elem::Skip => {
                    if let Some((ph, start)) = self.phrase_ending(end) {
                        if last.elem == Elem::Compound && self.a.phrases[ph].codes.len() < 2 {
                            return None;
                        }
                        let mut nb = *b;
                        match last.elem {
                            Elem::Source => nb.source = Some(ph),
                            Elem::Target => nb.target = Some(ph),
                            Elem::Compound => {
                                nb.compound = Some(ph);
                                nb.compound_before = true;
                            }
                            _ => {}
                        }
                        if let Some(reach) = self.backward(rest, start, last.adjacent, &mut nb) {
                            *b = nb;
                            return Some(reach);
                        }
                        return None;
                    }
                }
                Elem::Verb => return None,
            }
            end -= 1;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_dict::Kind;

    const ACTORS: &str = "ARNOR [ARN]\nGONDOR [GON]\nROHAN [ROH]\nUNITED_REALMS [IGOURE]\n\
        ARNORIAN [ARN]\nGONDORIAN [GON]\nMINAS_TIRITH [GONGOV]\nTHE_CITADEL [GONGOV]\n\
        ALLIANCE_FOR_GONDOR [GONNGO]\n";
    const AGENTS: &str =
        "SOLDIER [~MIL]\nLEADER [~GOV]\nBOMBER [~MIL]\nMILITANT [~INS]\nGOVERNMENT [~GOV]\nPROTESTER [~CVL]\nDELEGATION [~GOV]\nOFFICIAL [~GOV]\nGENERAL [~MIL]\nPRESS [~MED]\n";
    const VERBS: &str = "--- ATTACK [190] ---\nATTACK\n\
        --- ABDUCT [181] ---\nABDUCT\n\
        --- RAID [170] ---\nRAID\n- SOLDIERS * [190]\n\
        --- SEND [---] ---\nSEND {SENDS SENT SENDING}\n- AID WAS_* TO + [073]\n\
        --- SIGN [---] ---\nSIGN\n- % * TREATY [057]\n- TREATY WAS_* [057:057]\n\
        --- CONDEMN [111] ---\nCONDEMN\n\
        --- URGE [020] ---\nURGE\n- * ALLOW AID [0255]\n\
        --- ALLOW [---] ---\nALLOW\n\
        --- PROVIDE [---] ---\nPROVIDE\n- * AID TO + [073]\n- * TRAINING TO + [062]\n- * AID FOR + [070]\n\
        --- WITHDRAW [---] ---\nWITHDRAW {WITHDRAWS WITHDREW WITHDRAWN WITHDRAWING}\n- * TROOPS FROM + [0874]\n\
        --- NEGOTIATE [046:046] ---\nNEGOTIATE\n- * WITH + [046:046]\n\
        --- ACCUSE [112] ---\nACCUSE\n\
        --- KILL [190] ---\nKILL\n\
        --- RALLY [141] ---\nRALLY\n- * DEMANDING THE_REMOVAL_OF + [1411]\n\
        --- DEMAND [100] ---\nDEMAND\n- * THE_RELEASE_OF [1053]\n\
        --- CLAIM [---] ---\nCLAIM\n- RESPONSIBILITY_FOR + WAS_* BY $ [015]\n\
        --- DECLARE [---] ---\nDECLARE\n- * MARTIAL_LAW [1724]\n\
        --- RELEASE [0841] ---\nRELEASE\n- + WERE_* BY $ [0841]\n\
        --- DEPLOY [153] ---\nDEPLOY\n\
        --- PRESS [020] ---\nPRESS\n\
        --- STAY [---] ---\nSTAY\n- CONDEMNED + * [012]\n";

    /// Code `text` with a small dictionary under dyad's news conventions:
    /// (source, target, code) of every event.
    fn code(text: &str) -> Vec<(String, String, String)> {
        let mut d = Dictionaries::new();
        d.use_news_conventions();
        d.add_text("a.txt", ACTORS, Kind::Actors, Dialect::Petrarch);
        d.add_text("g.agents.txt", AGENTS, Kind::Agents, Dialect::Petrarch);
        d.add_text("v.txt", VERBS, Kind::Verbs, Dialect::Petrarch);
        d.finish();
        let compiled = d.compile();
        let mut coder = Coder::new(&d, &compiled, Dialect::Petrarch);
        coder.negation = true;
        let seg = dyad_segment::segment(text);
        seg.sentences
            .iter()
            .flat_map(|s| coder.code_sentence(&seg, s, text, None).events)
            .map(|e| (e.source.code, e.target.code, e.code))
            .collect()
    }

    fn event(s: &str, t: &str, c: &str) -> (String, String, String) {
        (s.to_string(), t.to_string(), c.to_string())
    }

    #[test]
    fn a_later_pattern_that_codes_nothing_does_not_hide_the_earlier_verb() {
        assert_eq!(
            code("Two Gondorian soldiers were abducted by Arnorian militants in a border raid."),
            [event("ARNINS", "GONMIL", "181")]
        );
    }

    #[test]
    fn a_verb_after_an_indefinite_article_and_a_modifier_is_a_noun() {
        // "a border raid" names no raid event of its own.
        assert_eq!(
            code("Arnor attacked Gondor in a border raid."),
            [event("ARN", "GON", "190")]
        );
        // A past form after "a" and a word stays a verb.
        assert_eq!(
            code("A Gondorian soldier attacked Rohan."),
            [event("GONMIL", "ROH", "190")]
        );
    }

    #[test]
    fn a_passive_takes_its_source_from_a_later_by() {
        assert_eq!(
            code("Aid was sent to Gondor by Arnor on Monday."),
            [event("ARN", "GON", "073")]
        );
        let mut signed = code("The treaty was signed by Arnor and Gondor on Friday.");
        signed.sort();
        assert_eq!(signed, [event("ARN", "GON", "057"), event("GON", "ARN", "057")]);
    }

    #[test]
    fn a_phone_call_is_a_consultation_both_ways() {
        let mut with = code("Arnor condemned Rohan during a call with Gondor.");
        with.sort();
        assert_eq!(
            with,
            [
                event("ARN", "GON", "041"),
                event("ARN", "ROH", "111"),
                event("GON", "ARN", "041")
            ]
        );
        // Without WITH, the partner is the target of the sentence's event.
        let mut urged = code("Arnor urged Gondor in a phone call on Friday to leave Rohan.");
        urged.sort();
        assert_eq!(
            urged,
            [
                event("ARN", "GON", "020"),
                event("ARN", "GON", "041"),
                event("GON", "ARN", "041")
            ]
        );
        // A call that is not the circumstance of an act: no 041 from this rule.
        assert_eq!(
            code("Arnor condemned the call by Gondor."),
            [event("ARN", "GON", "111")]
        );
    }

    #[test]
    fn aid_announced_for_the_future_is_an_intent() {
        assert_eq!(code("Arnor will provide aid to Gondor."), [event("ARN", "GON", "0333")]);
        assert_eq!(
            code("Arnor said it would soon provide aid to Gondor."),
            [event("ARN", "GON", "0333")]
        );
        assert_eq!(code("Arnor provided aid to Gondor."), [event("ARN", "GON", "073")]);
    }

    #[test]
    fn a_negation_outside_the_pattern_leaves_no_event_and_a_future_one_is_a_refusal() {
        assert_eq!(code("Arnor has not withdrawn its troops from Gondor."), []);
        assert_eq!(
            code("Arnor withdrew its troops from Gondor."),
            [event("ARN", "GON", "0874")]
        );
        assert_eq!(
            code("Arnor would not negotiate with Gondor."),
            [event("ARN", "GON", "125")]
        );
    }

    #[test]
    fn a_model_designation_and_a_group_noun_do_not_hide_the_role() {
        assert_eq!(
            code("Arnorian B-2 bombers attacked Gondor."),
            [event("ARNMIL", "GON", "190")]
        );
        assert_eq!(
            code("A delegation of Arnorian protesters condemned Gondor."),
            [event("ARNCVL", "GON", "111")]
        );
        assert_eq!(
            code("A delegation of Arnor condemned Gondor."),
            [event("ARNGOV", "GON", "111")]
        );
    }

    #[test]
    fn a_participle_after_the_subject_of_a_passive_modifies_it() {
        assert_eq!(
            code("Gondorian soldiers abducted in Rohan were attacked by Arnor."),
            [event("ARN", "GONMIL", "190")]
        );
        // A relative clause keeps both verbs apart.
        assert_eq!(
            code("Arnor attacked Gondor, which was abducted by Rohan."),
            [event("ARN", "GON", "190")]
        );
    }

    #[test]
    fn a_role_after_anti_or_pro_is_no_agent() {
        assert_eq!(
            code("Arnor condemned anti-government protesters."),
            [event("ARN", "---CVL", "111")]
        );
        assert_eq!(
            code("Arnor condemned government protesters."),
            [event("ARN", "---GOVCVL", "111")]
        );
    }

    #[test]
    fn the_people_of_an_international_organisation_are_the_organisation() {
        assert_eq!(
            code("United Realms leaders condemned Arnor."),
            [event("IGOURE", "ARN", "111")]
        );
        assert_eq!(
            code("United Realms soldiers attacked Arnor."),
            [event("IGOURE", "ARN", "190")]
        );
    }

    #[test]
    fn a_participle_after_a_comma_is_a_clause_whose_object_pronoun_is_not_its_subject() {
        assert_eq!(
            code("Arnor condemned Gondor on Monday, accusing it of aggression."),
            [event("ARN", "GON", "111"), event("ARN", "GON", "112")]
        );
        // The toll of an attack is not a second event.
        assert_eq!(
            code("Arnorian militants attacked Gondor on Monday, killing 11 Gondorians."),
            [event("ARNINS", "GON", "190")]
        );
    }

    #[test]
    fn an_adverbial_clause_is_coded_with_its_own_subject() {
        assert_eq!(
            code("Arnor condemned Rohan after Gondorian soldiers attacked Rohan."),
            [event("ARN", "ROH", "111"), event("GONMIL", "ROH", "190")]
        );
        assert_eq!(
            code("Arnor condemned Rohan on Monday, days after Gondorian soldiers attacked Rohan."),
            [event("ARN", "ROH", "111"), event("GONMIL", "ROH", "190")]
        );
        // "before" speaks of what has not happened.
        assert_eq!(
            code("Arnor condemned Rohan before Gondor attacked Rohan."),
            [event("ARN", "ROH", "111")]
        );
    }

    #[test]
    fn a_role_that_is_the_direct_object_is_the_target_before_a_later_actor() {
        assert_eq!(
            code("Arnorian soldiers attacked dozens of protesters in a village near Gondor."),
            [event("ARNMIL", "---CVL", "190")]
        );
    }

    #[test]
    fn a_mediator_named_with_mediated_by_mediates_between_the_parties() {
        assert_eq!(
            code("Arnor and Gondor negotiated on Saturday, mediated by Rohan."),
            [
                event("ARN", "GON", "046"),
                event("GON", "ARN", "046"),
                event("ROH", "ARN", "045"),
                event("ROH", "GON", "045"),
            ]
        );
    }

    #[test]
    fn hypotheses_code_nothing() {
        assert!(code("Should Arnor attack Gondor, Rohan would condemn it.").is_empty());
        assert!(code("Any Arnorian attack on Gondor would be a disaster.").is_empty());
        assert!(code("Arnor could attack Gondor within days.").is_empty());
        assert_eq!(code("Arnor attacked Gondor."), [event("ARN", "GON", "190")]);
    }

    #[test]
    fn an_appeal_without_a_pattern_takes_its_subcode_from_the_verb_after_to() {
        assert_eq!(
            code("Arnor urged Gondor to withdraw its troops from Rohan."),
            [event("ARN", "GON", "0256")]
        );
        assert_eq!(complement_code("130", "190"), Some("1384"));
        assert_eq!(complement_code("120", "0874"), Some("1246"));
        assert_eq!(complement_code("020", "010"), None);
    }

    #[test]
    fn a_second_infinitive_is_a_purpose_no_pattern_of_the_verb_reaches() {
        assert_eq!(
            code("Arnor urged Gondor to allow aid deliveries."),
            [event("ARN", "GON", "0255")]
        );
        assert_eq!(
            code("Arnor urged Gondor to withdraw its troops from Rohan to allow aid deliveries."),
            [event("ARN", "GON", "0256")]
        );
    }

    #[test]
    fn objects_joined_by_and_are_each_the_verbs_object() {
        let mut got = code("Arnor provided aid and training to Gondor.");
        got.sort();
        assert_eq!(got, [event("ARN", "GON", "062"), event("ARN", "GON", "073")]);
    }

    #[test]
    fn a_role_word_after_to_with_an_object_is_the_verb() {
        assert_eq!(
            code("Arnorian protesters rallied on Monday to press the government."),
            [event("ARNCVL", "---GOV", "141")]
        );
        // "the press" stays a role.
        assert_eq!(code("Arnor condemned the press."), [event("ARN", "---MED", "111")]);
    }

    #[test]
    fn what_a_protest_is_against_is_its_target() {
        assert_eq!(
            code("Arnorian protesters rallied against the government's plan to cut ties with Gondor."),
            [event("ARNCVL", "---GOV", "141")]
        );
    }

    #[test]
    fn a_country_before_its_own_institution_qualifies_it() {
        assert_eq!(
            code("Arnor attacked Gondorian Minas Tirith."),
            [event("ARN", "GONGOV", "190")]
        );
    }

    #[test]
    fn an_actor_after_a_participle_that_follows_the_subject_modifies_it() {
        assert_eq!(
            code("Arnorian protesters supporting the Gondorian leader attacked Rohan."),
            [event("ARNCVL", "ROH", "190")]
        );
    }

    #[test]
    fn a_condition_codes_nothing_and_no_pattern_reaches_into_it() {
        // The act in the condition is a hypothesis.
        assert_eq!(code("If Gondor attacks Rohan, Arnor will act."), []);
        // The appeal's pattern does not take its words from the condition.
        assert_eq!(
            code("Arnor urged Gondor to act if Rohan would allow aid deliveries."),
            [event("ARN", "GON", "020")]
        );
    }

    #[test]
    fn a_hypothesis_hides_no_earlier_verb() {
        // STAY's pattern reaches back over CONDEMNED, but "could stay" codes
        // nothing: the condemnation stands.
        assert_eq!(
            code("Arnor condemned Gondor and could stay."),
            [event("ARN", "GON", "111")]
        );
    }

    #[test]
    fn a_preposition_inside_a_name_is_no_pattern_word() {
        assert_eq!(
            code("Arnor provided aid to the Alliance for Gondor after talks with Rohan."),
            [event("ARN", "GONNGO", "073")]
        );
    }

    #[test]
    fn a_demand_to_release_ones_own_people_is_addressed_to_their_captor() {
        let mut got = code("Arnor demanded the release of Arnorian soldiers abducted by Gondor.");
        got.sort();
        assert_eq!(got, [event("ARN", "GON", "1053"), event("GON", "ARNMIL", "181")]);
    }

    #[test]
    fn an_act_after_and_continues_the_appeal_before_it() {
        // With no target of its own, it takes the appeal's.
        assert_eq!(
            code("Arnor urged Gondor to withdraw its troops from Rohan and negotiate."),
            [event("ARN", "GON", "0256"), event("ARN", "GON", "026")]
        );
        // With one, it keeps it; a finite verb is no continuation.
        assert_eq!(
            code("Arnor urged Gondor to withdraw its troops from Rohan and negotiate with Rohan."),
            [event("ARN", "GON", "0256"), event("ARN", "ROH", "026")]
        );
        assert_eq!(
            code("Arnor urged Gondor to withdraw its troops from Rohan and attacked Rohan."),
            [event("ARN", "GON", "0256"), event("ARN", "ROH", "190")]
        );
    }

    #[test]
    fn a_demand_that_names_the_act_demanded_takes_its_subcode() {
        assert_eq!(
            code("Arnor demanded that Gondor withdraw its troops from Rohan."),
            [event("ARN", "GON", "1056")]
        );
        assert_eq!(complement_code("100", "0831"), Some("1041"));
        assert_eq!(complement_code("020", "0834"), Some("0244"));
    }

    #[test]
    fn one_plain_word_between_an_actor_and_its_role_qualifies_the_role() {
        assert_eq!(
            code("Gondorian elite soldiers attacked Rohan."),
            [event("GONMIL", "ROH", "190")]
        );
    }

    #[test]
    fn an_apposition_names_the_actor_of_a_subject_that_names_none() {
        assert_eq!(
            code("Aragorn and Legolas, the Gondorian delegation held in Rohan since May, were released by Arnor."),
            [event("ARN", "GONGOV", "0841")]
        );
    }

    #[test]
    fn a_violent_act_announced_for_the_future_is_a_threat() {
        assert_eq!(
            code("Arnor said it would attack Gondor."),
            [event("ARN", "GON", "1384")]
        );
        assert_eq!(code("Arnor attacked Gondor."), [event("ARN", "GON", "190")]);
    }

    #[test]
    fn a_passive_subject_without_an_actor_gives_way_to_the_actor_in_its_modifier() {
        assert_eq!(
            code("A statement from Gondor was condemned by Arnor."),
            [event("ARN", "GON", "111")]
        );
    }

    #[test]
    fn an_actor_that_backs_a_role_is_not_its_actor() {
        assert_eq!(
            code("Gondor-backed militants attacked Rohan."),
            [event("---INS", "ROH", "190")]
        );
    }

    #[test]
    fn a_role_of_a_city_is_of_that_city() {
        assert_eq!(
            code("Arnorian soldiers abducted the leader of the northern city of Minas Tirith."),
            [event("ARNMIL", "GONGOV", "181")]
        );
    }

    #[test]
    fn a_closing_tail_that_opens_with_a_preposition_continues_the_clause() {
        let events =
            code("Arnor attacked on Monday, against Gondor and its allies if they attacked the city of Rohan.");
        assert!(events.contains(&event("ARN", "GON", "190")), "{events:?}");
    }

    #[test]
    fn a_participle_with_its_agent_after_a_noun_phrase_is_an_event() {
        let events = code("Rohan condemned the attack on Gondorian soldiers abducted by Arnorian militants.");
        assert!(events.contains(&event("ARNINS", "GONMIL", "181")), "{events:?}");
    }

    #[test]
    fn a_purpose_participle_stays_in_the_clause_of_the_act() {
        assert_eq!(
            code("Gondorian protesters rallied in the capital on Saturday, demanding the removal of the Gondorian leader."),
            [event("GONCVL", "GONGOV", "1411")]
        );
    }

    #[test]
    fn a_possessive_role_ends_its_phrase() {
        assert_eq!(
            code("Arnorian soldiers attacked the leader's official residence."),
            [event("ARNMIL", "---GOV", "190")]
        );
    }

    #[test]
    fn a_closing_clause_without_its_speaker_is_no_attribution() {
        assert_eq!(
            code(
                "Responsibility for the attack on Gondor, which killed at least 11 people in the old city, \
                 was claimed by Arnorian militants."
            ),
            [event("ARNINS", "GON", "015")]
        );
    }

    #[test]
    fn martial_law_with_no_other_target_targets_the_country() {
        assert_eq!(
            code("The Gondorian government declared martial law on Tuesday."),
            [event("GONGOV", "GON", "1724")]
        );
    }

    #[test]
    fn victims_in_the_hundreds_make_a_mass_killing() {
        assert_eq!(
            code("Arnorian soldiers killed 131 people in Gondor."),
            [event("ARNMIL", "GON", "202")]
        );
        assert_eq!(
            code("Arnorian soldiers killed 13 people in Gondor."),
            [event("ARNMIL", "GON", "190")]
        );
    }

    #[test]
    fn coordinated_and_relative_clauses_have_their_own_events() {
        let events = code("Arnor and Gondor attacked Rohan on Monday, but accused each other of treachery.");
        assert!(events.contains(&event("ARN", "GON", "112")), "{events:?}");
        let events = code("Arnor released Rohan's envoy in a swap in which Gondor released the Arnorian soldiers.");
        assert!(events.contains(&event("GON", "ARNMIL", "0841")), "{events:?}");
    }

    #[test]
    fn a_role_joined_to_held_names_no_actor() {
        assert_eq!(
            code("Arnorian soldiers attacked government-held Gondor."),
            [event("ARNMIL", "GON", "190")]
        );
    }

    #[test]
    fn the_partner_of_a_phone_call_is_not_the_target_of_what_was_said() {
        let events = code("Arnor condemned in a phone call with Gondor the attack on Rohan.");
        assert!(events.contains(&event("ARN", "ROH", "111")), "{events:?}");
        assert!(!events.contains(&event("ARN", "GON", "111")), "{events:?}");
    }

    #[test]
    fn a_compound_target_leaves_out_the_sources_own_country() {
        assert_eq!(
            code("The Arnorian government condemned a war between Arnor and Gondor."),
            [event("ARNGOV", "GON", "111")]
        );
    }

    #[test]
    fn a_gathering_on_whose_sidelines_parties_meet_is_no_party() {
        assert_eq!(
            code("Arnor and Gondor negotiated on the sidelines of a United Realms meeting."),
            [event("ARN", "GON", "046"), event("GON", "ARN", "046")]
        );
    }

    #[test]
    fn participles_sharing_an_auxiliary_share_the_agent() {
        let events = code("Two Gondorian soldiers were abducted and killed by Arnorian militants.");
        assert!(events.contains(&event("ARNINS", "GONMIL", "181")), "{events:?}");
        assert!(!events.iter().any(|e| e.0 == "GONMIL"), "{events:?}");
    }

    #[test]
    fn an_ousted_leader_is_a_former_one() {
        assert_eq!(
            code("Arnor condemned the ousted Gondorian leader."),
            [event("ARN", "GONELI", "111")]
        );
    }

    #[test]
    fn actors_joined_by_and_after_the_verb_are_one_target() {
        assert_eq!(
            code("Arnor condemned the Gondorian leader and Rohan's soldiers."),
            [event("ARN", "GONGOV", "111"), event("ARN", "ROHMIL", "111")]
        );
    }

    #[test]
    fn a_compound_member_after_a_possessive_country_is_the_named_actor() {
        assert_eq!(
            code("Arnor and Gondor's Minas Tirith attacked Rohan."),
            [event("ARN", "ROH", "190"), event("GONGOV", "ROH", "190")]
        );
    }

    #[test]
    fn an_actor_name_in_lower_case_is_a_common_noun() {
        assert_eq!(
            code("Arnor attacked the citadel of Rohan."),
            [event("ARN", "ROH", "190")]
        );
        assert_eq!(code("Arnor attacked The Citadel."), [event("ARN", "GONGOV", "190")]);
    }

    #[test]
    fn a_role_word_before_a_noun_made_of_a_verb_modifies_it() {
        // "a general strike": no army general.
        assert_eq!(
            code("Arnor condemned a general strike in Gondor."),
            [event("ARN", "GON", "111")]
        );
    }

    #[test]
    fn a_clause_after_a_merged_compound_finds_its_subject() {
        // Merging the titled compound renumbers the phrases after it; the
        // subject of ", after Rohan attacked" is looked up by its number.
        let mut events = code("The Arnorian leader and Minas Tirith condemned Rohan, after Rohan attacked.");
        events.sort();
        assert_eq!(events, [event("ARNGOV", "ROH", "111"), event("GONGOV", "ROH", "111")]);
    }

    #[test]
    fn a_passive_pattern_target_in_a_modifier_is_the_phrase_it_modifies() {
        // "detained in Rohan": Rohan is where they were held, not who was freed.
        assert_eq!(
            code("Two Gondorian soldiers held in Rohan were released by Arnor."),
            [event("ARN", "GONMIL", "0841")]
        );
    }

    #[test]
    fn forces_deployed_in_a_show_of_force_are_not_its_target() {
        assert_eq!(
            code("Arnor deployed soldiers to stop protesters from gathering."),
            [event("ARN", "---CVL", "153")]
        );
    }
}
