//! Speaker resolution: from the noun phrase next to a quotation to a named
//! actor, through pronouns (`he`, `she`, `they`) and nominal references
//! (`the minister`, `the Iranian official`) to the most recent compatible
//! mention, using the engine's actor mentions and dyad's people tables
//! (gender, dated role titles).

use dyad_code::{Coded, Mention};
use dyad_dict::{ActorKind, Dictionaries, Person};
use dyad_doc::records::Speaker;
use dyad_doc::{Date, Span};

use crate::lexicon::NominalMatch;
use crate::quotes::Doc;

/// How far back (in mentions) an antecedent is looked for.
const LOOKBACK: usize = 60;

/// Longer than any actor mention, in bytes (a long title and name).
const MAX_MENTION: u32 = 400;

/// Every actor mention of a document in text order, with what the
/// dictionaries say about it.
pub(crate) struct Resolver<'a> {
    text: &'a str,
    dict: &'a Dictionaries,
    date: Option<Date>,
    mentions: Vec<(usize, &'a Mention)>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Want {
    Male,
    Female,
    Group,
}

impl<'a> Resolver<'a> {
    pub fn new(text: &'a str, dict: &'a Dictionaries, date: Option<Date>, coded: &'a [Coded]) -> Resolver<'a> {
        let mut mentions: Vec<(usize, &Mention)> = coded
            .iter()
            .enumerate()
            .flat_map(|(s, c)| c.mentions.iter().map(move |m| (s, m)))
            .collect();
        mentions.sort_by_key(|(_, m)| m.span.start);
        Resolver {
            text,
            dict,
            date,
            mentions,
        }
    }

    fn kind(&self, m: &Mention) -> Option<ActorKind> {
        m.actor.and_then(|a| self.dict.actors.get(a as usize)).map(|a| a.kind)
    }

    /// The person a mention names (people tables), if any, looked up by
    /// actor or by surname in the dictionaries' index.
    ///
    /// A composed mention (`Azerbaijani Foreign Minister Jeyhun Bayramov`)
    /// may carry the country's actor; its person is then the one whose full
    /// name ends the mention.
    fn person(&self, m: &Mention) -> Option<&'a Person> {
        if m.pronoun {
            return None;
        }
        if self.kind(m) == Some(ActorKind::Person) {
            return self.dict.person_of_actor(m.actor?);
        }
        let text = m.span.slice(self.text);
        let (_, surname) = text.rsplit_once(' ')?;
        self.dict
            .people_named(surname)
            .find(|p| p.name.contains(' ') && text.ends_with(&*p.name) && text.len() > p.name.len())
    }

    fn code(m: &Mention) -> Option<String> {
        (!m.codes.is_empty()).then(|| m.codes.join("/"))
    }

    fn speaker_of(&self, m: &Mention, span: Span) -> Speaker {
        let name = match self.person(m) {
            Some(p) => p.name.to_string(),
            None => m.span.slice(self.text).to_string(),
        };
        Speaker {
            name,
            code: Self::code(m),
            span: Some(span.pair()),
        }
    }

    /// Whether the person held a role whose title contains `head` (at the
    /// document date when known).
    fn title_has(&self, p: &Person, head: &str) -> bool {
        p.roles.iter().any(|r| {
            let current = match self.date {
                Some(d) => r.start.is_none_or(|s| s <= d) && r.end.is_none_or(|e| d <= e),
                None => true,
            };
            current
                && r.title
                    .to_uppercase()
                    .split([' ', '-'])
                    .any(|w| w.trim_end_matches('S') == head.trim_end_matches('S'))
        })
    }

    /// The most recent mention before byte `before` that satisfies `ok`.
    fn antecedent(&self, before: u32, ok: impl Fn(&Mention) -> bool) -> Option<&'a Mention> {
        let end = self.mentions.partition_point(|(_, m)| m.span.start < before);
        self.mentions[..end]
            .iter()
            .rev()
            .take(LOOKBACK)
            .map(|(_, m)| *m)
            .find(|m| !m.pronoun && m.span.end <= before && ok(m))
    }

    fn compatible(&self, m: &Mention, want: Want) -> bool {
        match want {
            Want::Group => !matches!(self.kind(m), Some(ActorKind::Person) | None) || m.actor.is_none(),
            Want::Male | Want::Female => match self.person(m) {
                Some(p) => match &*p.gender {
                    "m" => want == Want::Male,
                    "f" => want == Want::Female,
                    _ => true,
                },
                None => false,
            },
        }
    }

    /// The speaker a noun phrase (tokens `a..b`) names or refers to.
    pub fn resolve(&self, d: &Doc, (a, b): (usize, usize)) -> Speaker {
        let span = d.cover(a, b);
        let phrase = span.slice(self.text).to_string();
        // `Smith, who chairs the panel Trump leads`: people named in a
        // relative clause are not the speaker.
        let head_end = (a..b)
            .find(|&k| k > a && d.is_relative_pronoun(k))
            .map_or(span.end, |k| d.tok(k).span.start);
        let overlapping = || {
            // Mentions are sorted by start and short: look from a little
            // before the phrase to its end only.
            let from = self
                .mentions
                .partition_point(|(_, m)| m.span.start + MAX_MENTION <= span.start);
            let to = self.mentions.partition_point(|(_, m)| m.span.start < head_end);
            self.mentions[from..to.max(from)]
                .iter()
                .map(|(_, m)| *m)
                .filter(move |m| span.start < m.span.end)
        };
        let first = d.norm(a);
        if b - a == 1 {
            let want = match first {
                "HE" | "HIM" => Some(Want::Male),
                "SHE" | "HER" => Some(Want::Female),
                "THEY" | "IT" => Some(Want::Group),
                _ => None,
            };
            if let Some(want) = want {
                if let Some(m) = self.antecedent(span.start, |m| self.compatible(m, want)) {
                    return self.speaker_of(m, span);
                }
                // Fall back on the engine's own pronoun resolution (codes only).
                return Speaker {
                    name: phrase,
                    code: overlapping().find_map(Self::code),
                    span: Some(span.pair()),
                };
            }
        }
        if matches!(first, "THE" | "THIS" | "THAT") {
            let head = d.norm(b - 1);
            if let Some(&how) = d.lex.nominals.get(head) {
                let country: Option<String> = overlapping()
                    .find(|m| self.kind(m) == Some(ActorKind::Country))
                    .and_then(|m| m.codes.first())
                    .map(|c| c.chars().take(3).collect());
                let found = self.antecedent(span.start, |m| {
                    let Some(p) = self.person(m) else { return false };
                    let title_ok = how == NominalMatch::Any || self.title_has(p, head);
                    let country_ok = country
                        .as_deref()
                        .is_none_or(|c| m.codes.iter().any(|code| code.starts_with(c)));
                    title_ok && country_ok
                });
                if let Some(m) = found {
                    return self.speaker_of(m, span);
                }
            }
        }
        let mut best: Option<&Mention> = None;
        for m in overlapping() {
            if self.person(m).is_some() {
                best = Some(m);
                break;
            }
            if best.is_none() {
                best = Some(m);
            }
        }
        if let Some(m) = best.filter(|m| self.person(m).is_some()) {
            return self.speaker_of(m, span);
        }
        if let Some(surname) = surname_of(&phrase) {
            // `Clinton said`, `Mr. Clarke said`: the person named in full
            // earlier in the document.
            let known = self.antecedent(span.start, |m| {
                self.person(m)
                    .is_some_and(|p| p.name.rsplit(' ').next() == Some(surname) && p.name.contains(' '))
            });
            if let Some(m) = known {
                return self.speaker_of(m, span);
            }
            if let Some(full) = full_name_before(self.text, surname, span.start as usize) {
                return Speaker {
                    name: full.to_string(),
                    code: best.and_then(Self::code),
                    span: Some(span.pair()),
                };
            }
        }
        let head = self.text[span.start as usize..head_end as usize].trim_end_matches([',', ' ']);
        Speaker {
            name: if head.is_empty() { phrase } else { head.to_string() },
            code: best.and_then(Self::code),
            span: Some(span.pair()),
        }
    }

    /// The speaker of a quotation with no cue, named in sentence `s`
    /// (`Alice began talking to Bob. "Lorem ipsum."`): its first person
    /// mention, else its first named actor.
    pub fn named_in_sentence(&self, s: usize) -> Option<Speaker> {
        let in_s = || self.in_sentence(s).iter().filter(|(_, m)| !m.pronoun).map(|(_, m)| *m);
        let m = in_s().find(|m| self.person(m).is_some()).or_else(|| in_s().next())?;
        Some(self.speaker_of(m, m.span))
    }

    /// The subject of sentence `s` for a participial cue at byte `before`
    /// (`The minister spoke on Monday, saying ...`): the sentence's first
    /// actor mention before the cue, pronouns included.
    pub fn subject_in_sentence(&self, s: usize, before: u32) -> Option<Speaker> {
        let m = self
            .in_sentence(s)
            .iter()
            .find(|(_, m)| m.span.end <= before)
            .map(|(_, m)| *m)?;
        Some(self.speaker_of(m, m.span))
    }

    /// The mentions of sentence `s` (sentences follow text order, so they
    /// are one run of the sorted list).
    fn in_sentence(&self, s: usize) -> &[(usize, &'a Mention)] {
        let from = self.mentions.partition_point(|(ms, _)| *ms < s);
        let to = self.mentions.partition_point(|(ms, _)| *ms <= s);
        &self.mentions[from..to.max(from)]
    }
}

/// Courtesy and office titles that may stand before a surname.
const TITLES: &[&str] = &[
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "Sen.",
    "Rep.",
    "Gov.",
    "Gen.",
    "Lt.",
    "Col.",
    "Capt.",
    "Prof.",
    "Rev.",
    "Judge",
    "Justice",
    "President",
    "Senator",
    "Governor",
    "Secretary",
    "Minister",
    "Mayor",
    "General",
];

/// The surname a speaker phrase is: one capitalized word, alone or after a
/// title (`Clinton`, `Mr. Clarke`, `Sen. Warren`).
fn surname_of(phrase: &str) -> Option<&str> {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let last = match words.as_slice() {
        [w] => *w,
        [t, w] if TITLES.contains(t) => *w,
        _ => return None,
    };
    let proper = last.chars().next().is_some_and(char::is_uppercase)
        && last.chars().skip(1).any(char::is_lowercase)
        && last.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'');
    proper.then_some(last)
}

/// How far back (bytes) a surname looks for its full name: a long article.
const FULL_NAME_WINDOW: usize = 16_384;

/// The first full name in the text before byte `before` (at most
/// [`FULL_NAME_WINDOW`] back) that ends with `surname`: one or two
/// capitalized words right before it (`David Clarke`, `Mary Ann Smith`),
/// titles left out. Cost: one scan of that window.
fn full_name_before<'t>(text: &'t str, surname: &str, before: usize) -> Option<&'t str> {
    let before = before.min(text.len());
    let mut lo = before.saturating_sub(FULL_NAME_WINDOW);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let hay = &text[..before];
    let mut from = lo;
    while let Some(at) = hay[from..].find(surname) {
        let at = from + at;
        from = at + surname.len();
        let end = at + surname.len();
        if hay[end..].chars().next().is_some_and(char::is_alphanumeric) {
            continue;
        }
        let head = &hay[..at];
        let mut start = at;
        let mut given = 0;
        for word in head.trim_end_matches(' ').rsplit(' ').take(2) {
            // A capitalized word, an initial (`J.`), never a sentence end
            // (`Boston. Clarke`) or a title.
            let name_like = word.chars().next().is_some_and(char::is_uppercase)
                && word.chars().all(|c| c.is_alphabetic() || c == '.' || c == '-')
                && (!word.ends_with('.') || word.len() <= 2)
                && !TITLES.contains(&word);
            if !name_like || !head[..start].ends_with(' ') {
                break;
            }
            start -= word.len() + 1;
            given += 1;
        }
        if given > 0 {
            return Some(&hay[start..end]);
        }
    }
    None
}
