//! Readers for the TABARI and PETRARCH-1 dictionary formats: verbs (with
//! synsets and patterns), actors (with synonyms and date restrictions),
//! agents (with plurals and substitution sets), discards, issues and TABARI
//! `.options`.
//!
//! Readers never stop at a bad line: it is skipped with a located diagnostic
//! (`file:line: what was expected`), as TABARI and PETRARCH themselves skip
//! lines they cannot read.

use dyad_doc::parse_date;
use dyad_segment::phrase_words;
use rustc_hash::FxHashMap;

use crate::forms;
use crate::lines::{lines, CommentStyle, Line};
use crate::model::*;
use crate::{Dialect, Dictionaries, Severity};

/// A pattern element before synsets are resolved.
#[derive(Clone, Debug)]
pub(crate) enum RawElem {
    Elem(Elem),
    Synset(Box<str>),
}

#[derive(Clone, Debug)]
pub(crate) struct RawPattern {
    pub elems: Vec<(RawElem, bool)>,
    pub code: EventCode,
    pub length: u32,
    pub text: Box<str>,
    pub loc: Loc,
    pub block: u32,
}

/// Synset members before resolution (they may name other synsets).
#[derive(Clone, Debug)]
pub(crate) struct RawSynset {
    pub name: Box<str>,
    pub members: Vec<(String, u32)>,
    pub no_plural: bool,
    pub loc: Loc,
}

/// Split `text` into the part before any `[`/`{`, the `{...}` contents and
/// the `[...]` contents.
fn split_entry(text: &str) -> (&str, Vec<&str>, Vec<&str>) {
    let mut head_end = text.len();
    let mut braces = Vec::new();
    let mut brackets = Vec::new();
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'{' | b'[' => {
                let close = if b[i] == b'{' { b'}' } else { b']' };
                head_end = head_end.min(i);
                let start = i + 1;
                let mut j = start;
                while j < b.len() && b[j] != close {
                    j += 1;
                }
                if b[i] == b'{' {
                    braces.push(&text[start..j]);
                } else {
                    brackets.push(&text[start..j]);
                }
                i = j + 1;
            }
            _ => i += 1,
        }
    }
    (text[..head_end].trim(), braces, brackets)
}

fn words_of(phrase: &str) -> Vec<String> {
    phrase_words(phrase)
}

impl Dictionaries {
    pub(crate) fn warn(&mut self, loc: Loc, message: impl Into<String>) {
        self.diagnose(loc, Severity::Warning, message);
    }

    pub(crate) fn error(&mut self, loc: Loc, message: impl Into<String>) {
        self.diagnose(loc, Severity::Error, message);
    }

    fn terms(&mut self, words: &[String], dialect: Dialect, stem_last: bool) -> Vec<Word> {
        let n = words.len();
        words
            .iter()
            .enumerate()
            .map(|(i, w)| {
                if dialect == Dialect::Tabari && stem_last && i + 1 == n {
                    self.vocab.intern_stem(w)
                } else {
                    self.vocab.intern(w)
                }
            })
            .collect()
    }

    /// Read an actors file.
    pub(crate) fn read_actors(&mut self, file: u32, text: &str, dialect: Dialect) {
        let mut section: Option<&'static str> = None;
        let mut current: Option<u32> = None;
        for line in lines(text, CommentStyle::DICTIONARY) {
            let loc = Loc {
                file,
                line: line.number as u32,
            };
            let t = line.text.trim();
            let upper = t.to_ascii_uppercase();
            match upper.as_str() {
                "<NOUN>" | "<NOUNS>" => {
                    section = Some("noun");
                    continue;
                }
                "<ADJECTIVE>" | "<ADJECTIVES>" => {
                    section = Some("adjective");
                    continue;
                }
                "</NOUN>" | "</NOUNS>" | "</ADJECTIVE>" | "</ADJECTIVES>" => {
                    section = None;
                    continue;
                }
                "~FINISH" => break,
                _ => {}
            }
            if let Some(kind) = section {
                let words = words_of(split_entry(t).0);
                if words.is_empty() {
                    continue;
                }
                let stem = dialect == Dialect::Tabari && !split_entry(t).0.ends_with('_');
                let terms = self.terms(&words, dialect, stem);
                if kind == "noun" {
                    self.nouns.push(terms);
                } else {
                    self.adjectives.push(terms);
                }
                continue;
            }
            if t.starts_with('[') || (line.indented && t.starts_with('[')) {
                // A date-restriction line for the current actor.
                let Some(actor) = current else {
                    self.warn(loc, "date restriction before any actor");
                    continue;
                };
                let (_, _, codes) = split_entry(t);
                for code in codes {
                    self.add_code(actor, code, loc);
                }
                continue;
            }
            let (head, _, codes) = split_entry(t);
            let synonym = head.starts_with('+');
            let phrase = head.trim_start_matches('+').trim();
            let words = words_of(phrase);
            if words.is_empty() {
                self.warn(loc, format!("expected an actor phrase, found {t:?}"));
                continue;
            }
            // TABARI: `WORD` is a stem, `WORD_` a word with regular endings,
            // `WORD=` exactly that word.
            let exact_only = phrase.ends_with('=');
            let stem = dialect == Dialect::Tabari && !phrase.ends_with('_') && !exact_only;
            let terms = self.terms(&words, dialect, stem);
            let actor = match (synonym, current) {
                (true, Some(a)) => a,
                (true, None) => {
                    self.warn(loc, "synonym '+' line before any actor");
                    continue;
                }
                (false, _) => {
                    self.actors.push(Actor {
                        name: phrase.replace('_', " ").into(),
                        codes: CodeSchedule::default(),
                        kind: ActorKind::General,
                        loc,
                    });
                    (self.actors.len() - 1) as u32
                }
            };
            current = Some(actor);
            // TABARI: words separated by a blank (not `_`) may have other
            // words between them ("PRINCE DOL_AMROTH": "Prince of Dol Amroth").
            let groups: Vec<&str> = phrase.split_whitespace().collect();
            if dialect == Dialect::Tabari && groups.len() > 1 {
                let n = groups.len();
                let mut gapped = Vec::new();
                for (gi, g) in groups.iter().enumerate() {
                    let ws = words_of(g);
                    let last = gi + 1 == n;
                    let stem_g = last && !g.ends_with('_') && !g.ends_with('=');
                    gapped.push(self.terms(&ws, dialect, stem_g));
                }
                self.gapped_actor_phrases.push((gapped, actor));
            }
            self.add_actor_phrase(terms.clone(), actor);
            if dialect == Dialect::Tabari && !stem && !exact_only {
                // TABARI recognizes regular endings on the final word.
                if let Some((last, rest)) = words.split_last() {
                    for suffix in ["S", "'S", "ES"] {
                        let mut v: Vec<Word> = rest.iter().map(|w| self.vocab.intern(w)).collect();
                        v.push(self.vocab.intern(&format!("{last}{suffix}")));
                        self.add_actor_phrase(v, actor);
                    }
                }
            }
            for code in codes {
                self.add_code(actor, code, loc);
            }
        }
    }

    pub(crate) fn add_actor_phrase(&mut self, terms: Vec<Word>, actor: u32) {
        self.actor_phrases.push((terms, actor));
    }

    /// Parse `CODE`, `CODE <date`, `CODE >date`, `CODE date-date`, or a bare
    /// date restriction without a code (an error), and add it.
    fn add_code(&mut self, actor: u32, raw: &str, loc: Loc) {
        let raw = raw.trim();
        if raw.is_empty() {
            self.warn(loc, "empty code '[]'");
            return;
        }
        let (code_part, restriction) = match raw.find(|c: char| c == '<' || c == '>' || c.is_whitespace()) {
            Some(i) => (raw[..i].trim(), raw[i..].trim()),
            None => (raw, ""),
        };
        // `[- - -]` and `[### <890101]`: special codes may contain spaces.
        let (code_part, restriction) = if code_part == "-" {
            let compact: String = raw.chars().take_while(|c| *c == '-' || *c == ' ').collect();
            ("---", raw[compact.len()..].trim())
        } else {
            (code_part, restriction)
        };
        if code_part.chars().next().is_some_and(|c| c.is_ascii_digit()) || code_part.is_empty() {
            self.warn(loc, format!("expected a code before the date restriction in [{raw}]"));
            return;
        }
        let code = ActorCode::parse(code_part);
        let schedule = &mut self.actors[actor as usize].codes;
        if restriction.is_empty() {
            if schedule.default.is_some() {
                // TABARI: the default must be last; a later one replaces it.
            }
            schedule.default = Some(code);
            return;
        }
        let range = if let Some(d) = restriction.strip_prefix('<') {
            parse_date(d.trim()).map(DateRange::Before)
        } else if let Some(d) = restriction.strip_prefix('>') {
            parse_date(d.trim()).map(DateRange::After)
        } else if let Some((a, b)) = restriction.split_once('-') {
            match (parse_date(a.trim()), parse_date(b.trim())) {
                (Some(a), Some(b)) => Some(DateRange::Between(a, b)),
                _ => None,
            }
        } else {
            None
        };
        match range {
            Some(r) => self.actors[actor as usize].codes.dated.push((r, code)),
            None => self.warn(
                loc,
                format!("expected a date restriction <DATE, >DATE or DATE-DATE (YYMMDD or YYYYMMDD) in [{raw}]"),
            ),
        }
    }

    /// Read an agents file.
    pub(crate) fn read_agents(&mut self, file: u32, text: &str, dialect: Dialect) {
        let mut substitutions: FxHashMap<String, Vec<String>> = FxHashMap::default();
        for line in lines(text, CommentStyle::DICTIONARY) {
            let loc = Loc {
                file,
                line: line.number as u32,
            };
            let t = line.text.trim();
            if t.starts_with('!') {
                if let Some((marker, list)) = t.split_once('=') {
                    let marker = marker.trim().to_ascii_uppercase();
                    if marker.len() > 2 && marker.ends_with('!') {
                        let items = list
                            .split(',')
                            .map(|s| s.trim().to_ascii_uppercase())
                            .filter(|s| !s.is_empty());
                        substitutions.insert(marker, items.collect());
                        continue;
                    }
                }
                if !t.contains('[') {
                    self.warn(loc, format!("expected '!NAME! = A, B, ...', found {t:?}"));
                    continue;
                }
            }
            let (head, braces, brackets) = split_entry(t);
            let Some(code_raw) = brackets.first() else {
                self.warn(loc, format!("agent {head:?} has no [~CODE]"));
                continue;
            };
            let code_raw: String = code_raw.chars().filter(|c| !c.is_whitespace()).collect();
            let (code, prefix) = if let Some(c) = code_raw.strip_prefix('~') {
                (c.to_string(), false)
            } else if let Some(c) = code_raw.strip_suffix('~') {
                (c.to_string(), true)
            } else {
                self.warn(
                    loc,
                    format!("agent code [{code_raw}] needs '~' before or after the code"),
                );
                continue;
            };
            if head.is_empty() {
                self.warn(loc, "expected an agent phrase before [~CODE]");
                continue;
            }
            let upper = head.to_ascii_uppercase();
            // Expand substitution markers.
            let mut phrases = vec![upper.clone()];
            for (marker, items) in &substitutions {
                if upper.contains(marker.as_str()) {
                    phrases = phrases
                        .iter()
                        .flat_map(|p| items.iter().map(move |i| p.replace(marker.as_str(), i)))
                        .collect();
                }
            }
            if phrases.iter().any(|p| p.contains('!')) {
                self.warn(loc, format!("undefined substitution marker in {head:?}"));
                continue;
            }
            let expanded = phrases.len() > 1;
            self.agents.push(Agent {
                name: head.replace('_', " ").into(),
                code: code.into(),
                prefix,
                loc,
            });
            let agent = (self.agents.len() - 1) as u32;
            for phrase in phrases {
                let words = words_of(&phrase);
                if words.is_empty() {
                    continue;
                }
                let stem = dialect == Dialect::Tabari && !phrase.ends_with('_');
                let terms = self.terms(&words, dialect, stem);
                self.agent_phrases.push((terms, agent));
                // Plurals: `{}` none, `{X}` given, otherwise regular (not
                // for substitution expansions, which list their own forms).
                let plurals: Vec<String> = match braces.first() {
                    Some(p) if p.trim().is_empty() => vec![],
                    Some(p) => p.split_whitespace().map(|s| s.to_ascii_uppercase()).collect(),
                    None if expanded || stem => vec![],
                    None => {
                        let (rest, last) = words.split_at(words.len() - 1);
                        let mut pl = rest.join(" ");
                        if !pl.is_empty() {
                            pl.push(' ');
                        }
                        pl.push_str(&forms::plural(&last[0]));
                        vec![pl]
                    }
                };
                for pl in plurals {
                    let words = words_of(&pl);
                    if !words.is_empty() {
                        let terms = self.terms(&words, dialect, false);
                        self.agent_phrases.push((terms, agent));
                    }
                }
            }
        }
    }

    /// Read a discards file.
    pub(crate) fn read_discards(&mut self, file: u32, text: &str) {
        for line in lines(text, CommentStyle::DICTIONARY) {
            let loc = Loc {
                file,
                line: line.number as u32,
            };
            let t = line.text.trim();
            let story = t.starts_with('+');
            let phrase = t.trim_start_matches('+').trim();
            let exact = phrase.ends_with('_');
            let words = words_of(phrase);
            if words.is_empty() {
                self.warn(loc, "expected a discard phrase");
                continue;
            }
            // Without a final `_`, the last word is a stem.
            let terms = self.terms(&words, Dialect::Tabari, !exact);
            self.discards.push(Discard {
                words: terms,
                story,
                text: phrase.into(),
                loc,
            });
        }
    }

    /// Read a PETRARCH issues file.
    pub(crate) fn read_issues(&mut self, file: u32, text: &str) {
        for line in lines(text, CommentStyle::DICTIONARY) {
            let loc = Loc {
                file,
                line: line.number as u32,
            };
            let t = line.text.trim();
            if t.starts_with("<ISSUE") || t.starts_with("</ISSUE") {
                continue;
            }
            let ignore = t.starts_with('~');
            let body = t.trim_start_matches('~').trim();
            let (head, _, brackets) = split_entry(body);
            let code = match (ignore, brackets.first()) {
                (true, _) => "~".to_string(),
                (false, Some(c)) => c.trim().to_string(),
                (false, None) => {
                    self.warn(loc, format!("issue phrase {head:?} has no [CODE]"));
                    continue;
                }
            };
            let mut seen: Vec<Vec<String>> = Vec::new();
            for phrase in expand_issue(head) {
                let words = words_of(&phrase);
                if words.is_empty() || seen.contains(&words) {
                    continue;
                }
                seen.push(words.clone());
                let terms = words.iter().map(|w| self.vocab.intern(w)).collect();
                self.issues.push(IssuePhrase {
                    words: terms,
                    code: code.clone().into(),
                    ignore,
                    loc,
                });
            }
        }
    }

    /// Read a TABARI `.options` file (the commands that change coding).
    pub(crate) fn read_options(&mut self, file: u32, text: &str) {
        let style = CommentStyle {
            semicolon: false,
            slash: true,
        };
        for line in lines(text, style) {
            let loc = Loc {
                file,
                line: line.number as u32,
            };
            let t = line.text.trim().to_ascii_uppercase();
            let Some((cmd, rest)) = t.split_once(':') else {
                self.warn(loc, format!("expected 'COMMAND: ...', found {t:?}"));
                continue;
            };
            let rest = rest.trim();
            match cmd.trim() {
                "COMMA" => {
                    if rest.starts_with("OFF") {
                        self.options.comma_max = 0;
                        self.options.comma_emax = 0;
                        self.options.comma_bmax = 0;
                        continue;
                    }
                    for part in rest.replace(" = ", "=").split_whitespace() {
                        if let Some((k, v)) = part.split_once('=') {
                            let v: usize = v.parse().unwrap_or(0);
                            match k {
                                "MIN" => self.options.comma_min = v,
                                "MAX" => self.options.comma_max = v,
                                "EMIN" => self.options.comma_emin = v,
                                "EMAX" => self.options.comma_emax = v,
                                "BMIN" => self.options.comma_bmin = v,
                                "BMAX" => self.options.comma_bmax = v,
                                _ => {}
                            }
                        }
                    }
                }
                "DEFAULT" => {
                    if rest.starts_with("OFF") {
                        self.options.default_source = None;
                        self.options.default_target = None;
                        continue;
                    }
                    let code_after = |key: &str| -> Option<(String, String)> {
                        let at = rest.find(key)?;
                        let after = &rest[at + key.len()..];
                        let open = after.find('[')?;
                        let close = after.find(']')?;
                        Some((
                            after[open + 1..close].trim().to_string(),
                            after[close + 1..].to_string(),
                        ))
                    };
                    if let Some((code, tail)) = code_after("SOURCE") {
                        let flag_part = tail.split("TARGET").next().unwrap_or("");
                        self.options.default_source = Some((code, flag_part.contains("PRIOR")));
                    }
                    if let Some((code, tail)) = code_after("TARGET") {
                        self.options.default_target = Some((code, tail.contains("AFTER")));
                    }
                }
                "COMPLEX" => {
                    let num = |key: &str| -> usize {
                        rest.find(key)
                            .and_then(|i| {
                                let after = &rest[i + key.len()..];
                                let close = after.find(']')?;
                                after[..close].trim().parse().ok()
                            })
                            .unwrap_or(0)
                    };
                    self.options.complex_verbs = num("VERBS[");
                    self.options.complex_conjunctions = num("CONJ[");
                    self.options.complex_no_actor_prior = rest.contains("NOACTPRIOR");
                }
                "FORWARD" => {
                    self.options.forward = !rest.trim_end().ends_with("OFF");
                }
                "SET" => {
                    let compact: String = rest.split_whitespace().collect::<Vec<_>>().join(" ");
                    if let Some(v) = compact.strip_prefix("CODE BY ") {
                        self.options.code_by = if v.starts_with("SENT") {
                            CodeBy::Sentence
                        } else {
                            CodeBy::Clause
                        };
                    } else if compact.starts_with("CODE ALL") {
                        self.options.code_by = CodeBy::All;
                    } else if let Some(v) = compact.strip_prefix("MINIMUM WORDS") {
                        self.options.minimum_words = v.trim_start_matches([' ', '=']).trim().parse().unwrap_or(0);
                    } else if let Some(v) = compact.strip_prefix("CONVERT AGENT") {
                        self.options.convert_agents = v.contains('T');
                    }
                }
                _ => {}
            }
        }
    }

    /// Read a verbs file (TABARI or PETRARCH-1).
    pub(crate) fn read_verbs(&mut self, file: u32, text: &str, dialect: Dialect) {
        #[derive(PartialEq)]
        enum Mode {
            None,
            Synset,
            Verbs,
            Patterns,
            Time,
        }
        let mut mode = Mode::None;
        let mut block: Option<u32> = None;
        let mut last_verb: Option<u32> = None;
        let all = lines(text, CommentStyle::DICTIONARY);
        for line in &all {
            let loc = Loc {
                file,
                line: line.number as u32,
            };
            let t = line.text.trim();
            let upper = t.to_ascii_uppercase();
            match upper.as_str() {
                "<SYNSETS>" | "</SYNSETS>" | "</TIME>" => {
                    mode = Mode::None;
                    continue;
                }
                "<TIME>" => {
                    mode = Mode::Time;
                    continue;
                }
                "~FINISH" => break,
                _ => {}
            }
            if mode == Mode::Time {
                continue;
            }
            if t.starts_with('&') {
                let name = t.split_whitespace().next().unwrap_or(t).trim_start_matches('&');
                let no_plural = name.ends_with('_');
                let name = name.trim_end_matches('_').to_ascii_uppercase();
                self.raw_synsets.push(RawSynset {
                    name: name.into(),
                    members: Vec::new(),
                    no_plural,
                    loc,
                });
                mode = Mode::Synset;
                continue;
            }
            if t.starts_with('+') && mode == Mode::Synset {
                let member = t[1..].trim().to_string();
                if let Some(s) = self.raw_synsets.last_mut() {
                    s.members.push((member, line.number as u32));
                }
                continue;
            }
            if t.starts_with("~ ") || t == "~" {
                self.transformations.push((t.to_string(), loc));
                continue;
            }
            if t.starts_with("---") {
                let inner = t.trim_start_matches('-').trim_end_matches('-').trim();
                let (name, _, codes) = split_entry(inner);
                let code = match codes.first() {
                    Some(c) => EventCode::parse(c).unwrap_or(EventCode::NULL),
                    None => EventCode::NULL,
                };
                if codes.len() > 1 {
                    self.warn(
                        loc,
                        format!(
                            "block header has {} codes; the first, [{}], is used",
                            codes.len(),
                            codes[0]
                        ),
                    );
                }
                self.blocks.push(VerbBlock {
                    name: name.into(),
                    code,
                    patterns: Vec::new(),
                    loc,
                });
                block = Some((self.blocks.len() - 1) as u32);
                mode = Mode::Verbs;
                continue;
            }
            if t.starts_with('-') {
                let Some(b) = block else {
                    self.warn(loc, "pattern before any verb");
                    continue;
                };
                self.read_pattern(t, b, loc, dialect);
                mode = Mode::Patterns;
                continue;
            }
            if t.starts_with('{') {
                // TABARI irregular forms on their own line, for the last verb.
                let Some(verb) = last_verb else {
                    self.warn(loc, "irregular forms '{...}' before any verb");
                    continue;
                };
                let (_, braces, _) = split_entry(t);
                let b = self.verbs[verb as usize].blocks.last().copied().unwrap_or(0);
                for form in braces.iter().flat_map(|s| s.split_whitespace()) {
                    self.add_verb_form(form, verb, dialect, b, loc);
                }
                continue;
            }
            if t.starts_with('<') {
                self.warn(loc, format!("unknown section {t:?}"));
                continue;
            }
            // A verb line. After patterns, or with no block, it starts a new
            // (implicit) block: TABARI files have one per verb root.
            if mode == Mode::Patterns || block.is_none() || mode == Mode::Synset || mode == Mode::None {
                let (head, _, codes) = split_entry(t);
                let code = codes.first().and_then(|c| EventCode::parse(c));
                if mode == Mode::Patterns || block.is_none() || dialect == Dialect::Tabari {
                    self.blocks.push(VerbBlock {
                        name: head.replace(['+', '_'], " ").into(),
                        code: code.clone().unwrap_or(EventCode::NULL),
                        patterns: Vec::new(),
                        loc,
                    });
                    block = Some((self.blocks.len() - 1) as u32);
                }
            }
            let b = block.expect("block set above");
            last_verb = self.read_verb_line(t, b, loc, dialect);
            mode = Mode::Verbs;
        }
    }

    /// `WORD`, `+BEEF_UP`, `RE_+ARREST {..forms..} [CODE]`. Returns the verb id.
    fn read_verb_line(&mut self, t: &str, block: u32, loc: Loc, dialect: Dialect) -> Option<u32> {
        let (head, braces, codes) = split_entry(t);
        let head = head.trim();
        if head.is_empty() {
            self.warn(loc, format!("expected a verb, found {t:?}"));
            return None;
        }
        let code = match codes.first() {
            Some(c) => match EventCode::parse(c) {
                Some(c) => Some(c),
                None => {
                    self.warn(loc, format!("empty code [] on verb {head:?}"));
                    None
                }
            },
            None => None,
        };
        let lemma: String = head.replace('+', "").replace('_', " ").to_ascii_uppercase();
        // The same lemma may appear in several blocks: one verb, several blocks.
        let verb = match self.verb_ids.get(lemma.as_str()) {
            Some(&v) => {
                let verb = &mut self.verbs[v as usize];
                if !verb.blocks.contains(&block) {
                    verb.blocks.push(block);
                }
                if verb.code.is_none() {
                    verb.code = code;
                } else if code.as_ref().is_some_and(|c| !c.is_null()) && verb.code.as_ref() != code.as_ref() {
                    let first = verb.code.clone().unwrap();
                    self.warn(
                        loc,
                        format!(
                            "verb {lemma} already has code [{first}] (line {}); [{}] ignored",
                            self.verbs[v as usize].loc.line,
                            code.unwrap()
                        ),
                    );
                }
                v
            }
            None => {
                self.verbs.push(Verb {
                    lemma: lemma.clone().into(),
                    code,
                    blocks: vec![block],
                    loc,
                });
                let v = (self.verbs.len() - 1) as u32;
                self.verb_ids.insert(lemma.clone().into(), v);
                v
            }
        };
        if braces.is_empty() {
            let generated = forms::verb_forms(head, dialect);
            for f in generated {
                self.add_verb_form(&f, verb, dialect, block, loc);
            }
        } else {
            self.add_verb_form(head, verb, dialect, block, loc);
            for form in braces.iter().flat_map(|s| s.split_whitespace()) {
                self.add_verb_form(form, verb, dialect, block, loc);
            }
        }
        Some(verb)
    }

    /// Add one surface form (`CORDONED_OFF`, `+CORDONED_OFF`, `WIRE_+TAPPED`).
    fn add_verb_form(&mut self, form: &str, verb: u32, dialect: Dialect, _block: u32, loc: Loc) {
        let parts: Vec<&str> = form.split(['_', ' ']).filter(|p| !p.is_empty()).collect();
        if parts.is_empty() {
            return;
        }
        let head_index = parts.iter().position(|p| p.starts_with('+')).unwrap_or(0);
        let mut words = Vec::new();
        let mut head = 0;
        for (i, p) in parts.iter().enumerate() {
            let ws = words_of(p.trim_start_matches('+'));
            if i == head_index {
                head = words.len();
            }
            // TABARI verb roots without `_` are stems: ACCEPT matches ACCEPTED.
            let stem = dialect == Dialect::Tabari
                && i + 1 == parts.len()
                && parts.len() == 1
                && !form.ends_with('_')
                && !form.ends_with('=');
            for w in ws {
                words.push(if stem {
                    self.vocab.intern_stem(&w)
                } else {
                    self.vocab.intern(&w)
                });
            }
        }
        if words.is_empty() {
            self.warn(loc, format!("verb form {form:?} has no words"));
            return;
        }
        let vf = VerbForm { words, head, verb };
        if !self.verb_forms.contains(&vf) {
            self.verb_forms.push(vf);
        }
    }

    /// `- <pre> * <post> [CODE]`.
    fn read_pattern(&mut self, t: &str, block: u32, loc: Loc, dialect: Dialect) {
        let body = t.trim_start_matches('-').trim();
        let Some(open) = body.rfind('[') else {
            self.warn(loc, "pattern has no [CODE]");
            return;
        };
        let close = body[open..].find(']').map(|c| open + c).unwrap_or(body.len());
        let Some(code) = EventCode::parse(&body[open + 1..close]) else {
            self.warn(loc, "pattern has an empty code []");
            return;
        };
        let spec = body[..open].trim();
        if dialect == Dialect::Petrarch2 {
            // Approximate PETRARCH-2's phrase structure with word order: a
            // noun phrase `{FINANCIAL AID}` is its words in order, a
            // prepositional phrase `(FOR AID)` the preposition then its noun.
            let flat: String = spec.chars().map(|c| if "{}()".contains(c) { ' ' } else { c }).collect();
            self.read_pattern_spec(&flat, code, body, block, loc, Dialect::Petrarch);
            return;
        }
        if spec.contains('{') || spec.contains('|') {
            match expand_alternatives(spec) {
                Some(specs) => {
                    for one in specs {
                        self.read_pattern_spec(&one, code.clone(), body, block, loc, dialect);
                    }
                }
                None => self.warn(
                    loc,
                    "unbalanced or too many alternatives { a | b } in pattern; pattern skipped",
                ),
            }
            return;
        }
        self.read_pattern_spec(spec, code, body, block, loc, dialect);
    }

    /// Parse one pattern specification (without alternatives).
    fn read_pattern_spec(&mut self, spec: &str, code: EventCode, body: &str, block: u32, loc: Loc, dialect: Dialect) {
        let mut elems: Vec<(RawElem, bool)> = Vec::new();
        let mut length = 0u32;
        let mut verbs = 0;
        let mut adjacent_next = false;
        for chunk in spec.split_whitespace() {
            let parts: Vec<&str> = chunk.split('_').collect();
            let n = parts.len();
            for (pi, part) in parts.iter().enumerate() {
                let adjacent = if pi == 0 { adjacent_next } else { true };
                adjacent_next = false;
                if part.is_empty() {
                    // A trailing `_` ("IN_ *"): the next chunk is adjacent.
                    if pi + 1 == n && pi > 0 {
                        adjacent_next = true;
                    }
                    continue;
                }
                let (part, tilde) = match part.strip_suffix('~') {
                    Some(p) => (p, true),
                    None => (*part, false),
                };
                let elem = match part {
                    "*" => {
                        verbs += 1;
                        Some(RawElem::Elem(Elem::Verb))
                    }
                    "$" => Some(RawElem::Elem(Elem::Source)),
                    "+" => Some(RawElem::Elem(Elem::Target)),
                    "%" => Some(RawElem::Elem(Elem::Compound)),
                    "^" => Some(RawElem::Elem(Elem::Skip)),
                    _ if part.starts_with('&') => Some(RawElem::Synset(part[1..].to_ascii_uppercase().into())),
                    _ => None,
                };
                match elem {
                    Some(e) => elems.push((e, adjacent)),
                    None => {
                        let ws = words_of(part);
                        // TABARI: a word not followed by `_` is a stem.
                        let exact_next = pi + 1 < n;
                        let stem = dialect == Dialect::Tabari && !exact_next && ws.len() == 1;
                        for (wi, w) in ws.iter().enumerate() {
                            length += w.len() as u32;
                            let id = if stem {
                                self.vocab.intern_stem(w)
                            } else {
                                self.vocab.intern(w)
                            };
                            elems.push((RawElem::Elem(Elem::Word(id)), if wi == 0 { adjacent } else { true }));
                        }
                    }
                }
                if tilde {
                    adjacent_next = true;
                }
            }
        }
        if verbs != 1 {
            self.warn(loc, format!("pattern must contain exactly one '*' (found {verbs})"));
            return;
        }
        self.raw_patterns.push(RawPattern {
            elems,
            code,
            length,
            text: body.into(),
            loc,
            block,
        });
    }

    /// Resolve synsets and patterns once every verbs file is read.
    pub(crate) fn finish_verbs(&mut self) {
        let raw_synsets = std::mem::take(&mut self.raw_synsets);
        let mut index: FxHashMap<Box<str>, usize> = FxHashMap::default();
        for (i, s) in raw_synsets.iter().enumerate() {
            if let Some(&prev) = index.get(&s.name) {
                let first = raw_synsets[prev].loc;
                self.error(
                    s.loc,
                    format!(
                        "synset &{} is already defined at line {} of file {}",
                        s.name, first.line, self.files[first.file as usize]
                    ),
                );
                continue;
            }
            index.insert(s.name.clone(), i);
        }
        // Expand members, allowing references to other synsets (one level at a
        // time, depth-limited against cycles).
        let mut expanded: FxHashMap<Box<str>, Vec<Vec<String>>> = FxHashMap::default();
        fn expand(
            name: &str,
            raw: &[RawSynset],
            index: &FxHashMap<Box<str>, usize>,
            memo: &mut FxHashMap<Box<str>, Vec<Vec<String>>>,
            depth: usize,
        ) -> Option<Vec<Vec<String>>> {
            if let Some(v) = memo.get(name) {
                return Some(v.clone());
            }
            if depth > 8 {
                return None;
            }
            let s = &raw[*index.get(name)?];
            let mut out = Vec::new();
            for (member, _) in &s.members {
                let no_plural = s.no_plural || member.ends_with('_');
                let mut alternatives: Vec<Vec<String>> = vec![vec![]];
                let chunks: Vec<&str> = member.split(['_', ' ']).filter(|p| !p.is_empty()).collect();
                for (ci, chunk) in chunks.iter().enumerate() {
                    if let Some(inner) = chunk.strip_prefix('&') {
                        let sub = expand(&inner.to_ascii_uppercase(), raw, index, memo, depth + 1)?;
                        alternatives = alternatives
                            .iter()
                            .flat_map(|a| {
                                sub.iter().map(move |s| {
                                    let mut v = a.clone();
                                    v.extend(s.iter().cloned());
                                    v
                                })
                            })
                            .collect();
                    } else {
                        let ws = words_of(chunk);
                        let last_chunk = ci + 1 == chunks.len();
                        let mut with_plural = Vec::new();
                        for a in &alternatives {
                            let mut v = a.clone();
                            v.extend(ws.iter().cloned());
                            if last_chunk && !no_plural {
                                if let Some((last, rest)) = ws.split_last() {
                                    let mut p = a.clone();
                                    p.extend(rest.iter().cloned());
                                    p.push(crate::forms::plural(last));
                                    with_plural.push(p);
                                }
                            }
                            with_plural.push(v);
                        }
                        alternatives = with_plural;
                    }
                }
                out.extend(alternatives.into_iter().filter(|a| !a.is_empty()));
            }
            memo.insert(name.into(), out.clone());
            Some(out)
        }
        for s in &raw_synsets {
            if index.get(&s.name).is_none_or(|&i| raw_synsets[i].loc != s.loc) {
                continue;
            }
            match expand(&s.name, &raw_synsets, &index, &mut expanded, 0) {
                Some(phrases) => {
                    let phrases: Vec<Vec<Word>> = phrases
                        .iter()
                        .map(|p| p.iter().map(|w| self.vocab.intern(w)).collect())
                        .collect();
                    self.synset_ids.insert(s.name.clone(), self.synsets.len() as u32);
                    self.synsets.push(Synset {
                        name: s.name.clone(),
                        phrases,
                        loc: s.loc,
                    });
                }
                None => self.warn(
                    s.loc,
                    format!("synset &{} refers to an undefined synset or to itself", s.name),
                ),
            }
        }
        self.raw_synsets = raw_synsets;
        let raw_patterns = std::mem::take(&mut self.raw_patterns);
        for p in raw_patterns {
            let mut elems = Vec::with_capacity(p.elems.len());
            let mut ok = true;
            for (e, adjacent) in p.elems {
                let elem = match e {
                    RawElem::Elem(e) => e,
                    RawElem::Synset(name) => match self.synset_ids.get(&name) {
                        Some(&id) => Elem::Synset(id),
                        None => {
                            self.warn(p.loc, format!("pattern uses undefined synset &{name}; pattern skipped"));
                            ok = false;
                            break;
                        }
                    },
                };
                elems.push(PatternElem { elem, adjacent });
            }
            if !ok {
                continue;
            }
            let id = self.patterns.len() as u32;
            let mut words: Vec<Word> = elems
                .iter()
                .filter_map(|e| match e.elem {
                    Elem::Word(w) => Some(w),
                    _ => None,
                })
                .collect();
            words.sort_unstable();
            words.dedup();
            self.patterns.push(Pattern {
                words,
                elems,
                code: p.code,
                length: p.length,
                text: p.text,
                loc: p.loc,
            });
            self.blocks[p.block as usize].patterns.push(id);
        }
        // Longest patterns first (TABARI's order; ties keep file order).
        let patterns = &self.patterns;
        for b in &mut self.blocks {
            b.patterns
                .sort_by_key(|&i| std::cmp::Reverse(patterns[i as usize].length));
        }
        // Each verb's patterns from all its blocks, longest first.
        self.verb_patterns = self
            .verbs
            .iter()
            .map(|v| {
                let mut pats: Vec<u32> = v
                    .blocks
                    .iter()
                    .flat_map(|&b| self.blocks[b as usize].patterns.iter().copied())
                    .collect();
                pats.sort_by_key(|&p| std::cmp::Reverse(self.patterns[p as usize].length));
                pats.dedup();
                pats
            })
            .collect();
    }
}

/// Expand TABARI's alternatives `{ A | B C | &SYN }` (possibly several, and
/// joined to their neighbours with `_`) into plain pattern specifications.
/// Returns None when braces are unbalanced or the expansion exceeds 256.
fn expand_alternatives(spec: &str) -> Option<Vec<String>> {
    let Some(open) = spec.find('{') else {
        return Some(vec![spec.replace("__", "_")]);
    };
    let close = open + spec[open..].find('}')?;
    let inner = &spec[open + 1..close];
    if inner.contains('{') {
        return None;
    }
    let mut out = Vec::new();
    for alt in inner.split('|') {
        let alt = alt.trim();
        let joined = format!("{}{}{}", &spec[..open], alt, &spec[close + 1..]);
        for e in expand_alternatives(&joined)? {
            out.push(e);
            if out.len() > 256 {
                return None;
            }
        }
    }
    Some(out)
}

/// Expand the issue-file shorthands `n:` (noun and plural), `v:` (regular
/// verb forms) and `+` (space or hyphen) in a phrase.
fn expand_issue(phrase: &str) -> Vec<String> {
    let mut alternatives = vec![String::new()];
    for word in phrase.split_whitespace() {
        let forms: Vec<String> = if let Some(w) = word.strip_prefix("n:") {
            vec![w.to_string(), forms::plural(&w.to_ascii_uppercase())]
        } else if let Some(w) = word.strip_prefix("v:") {
            forms::regular_verb_forms(&w.to_ascii_uppercase())
        } else if word.contains('+') {
            vec![word.replace('+', " "), word.replace('+', "-")]
        } else {
            vec![word.to_string()]
        };
        alternatives = alternatives
            .iter()
            .flat_map(|a| {
                forms
                    .iter()
                    .map(move |f| if a.is_empty() { f.clone() } else { format!("{a} {f}") })
            })
            .collect();
    }
    alternatives
}

/// Lines of a file, exposed for the format checks of other readers.
#[allow(dead_code)]
pub(crate) fn significant_lines(text: &str) -> Vec<Line<'_>> {
    lines(text, CommentStyle::DICTIONARY)
}
