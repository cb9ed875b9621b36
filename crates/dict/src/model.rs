//! The dictionary model every reader fills and the coder reads.
//!
//! Words are interned ([`Word`]); phrases are sequences of [`Term`]s (an exact
//! word or, for TABARI dictionaries, a stem that matches any word it begins).
//! Entries remember the [`Loc`] (file and line) they came from, so that every
//! coded event can say which dictionary line produced it.

use std::fmt;

use dyad_doc::Date;
use rustc_hash::FxHashMap;

/// An interned normalized word (upper case, as produced by
/// [`dyad_segment::phrase_words`]).
pub type Word = u32;

/// Interned words of all loaded dictionaries.
#[derive(Clone, Debug, Default)]
pub struct Vocab {
    ids: FxHashMap<Box<str>, Word>,
    words: Vec<Box<str>>,
    /// Ids of stems (TABARI words matched as prefixes).
    stems: FxHashMap<Box<str>, Word>,
    longest_stem: usize,
}

impl Vocab {
    /// The id of `word`, adding it if new.
    pub fn intern(&mut self, word: &str) -> Word {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = self.words.len() as Word;
        self.words.push(word.into());
        self.ids.insert(word.into(), id);
        id
    }

    /// The id of a stem, adding it if new. Stems share the id space of words.
    pub fn intern_stem(&mut self, stem: &str) -> Word {
        if let Some(&id) = self.stems.get(stem) {
            return id;
        }
        let id = self.words.len() as Word;
        self.words.push(format!("{stem}*").into());
        self.stems.insert(stem.into(), id);
        self.longest_stem = self.longest_stem.max(stem.len());
        id
    }

    /// The id of `word` if any dictionary uses it.
    pub fn get(&self, word: &str) -> Option<Word> {
        self.ids.get(word).copied()
    }

    /// The text of an id (stems end with `*`).
    pub fn text(&self, id: Word) -> &str {
        &self.words[id as usize]
    }

    pub fn has_stems(&self) -> bool {
        !self.stems.is_empty()
    }

    /// Every key a text word matches: its own id (if known) and the ids of
    /// the stems it begins with.
    pub fn keys(&self, word: &str, out: &mut Vec<Word>) {
        out.clear();
        if let Some(id) = self.get(word) {
            out.push(id);
        }
        if self.stems.is_empty() {
            return;
        }
        let max = word.len().min(self.longest_stem);
        for end in 1..=max {
            if !word.is_char_boundary(end) {
                continue;
            }
            if let Some(&id) = self.stems.get(&word[..end]) {
                out.push(id);
            }
        }
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// Where a dictionary entry was defined: a file (index into
/// [`Dictionaries::files`]) and a 1-based line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Loc {
    pub file: u32,
    pub line: u32,
}

/// A date range of a date-restricted code (bounds inclusive).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateRange {
    Before(Date),
    After(Date),
    Between(Date, Date),
}

impl DateRange {
    pub fn contains(self, date: Date) -> bool {
        match self {
            DateRange::Before(d) => date <= d,
            DateRange::After(d) => date >= d,
            DateRange::Between(a, b) => a <= date && date <= b,
        }
    }
}

/// An actor code: a code (`ARNGOV`), a coded compound (`GME/GMW`), or one of
/// TABARI's special codes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ActorCode {
    Codes(Vec<Box<str>>),
    /// `[---]`: the phrase is known but codes nothing.
    Null,
    /// `[###]`: the sentence is discarded.
    Discard,
    /// `[+++]`: the sentence is too complex to code.
    Complex,
}

impl ActorCode {
    pub fn parse(s: &str) -> ActorCode {
        let t: String = s.chars().filter(|c| !c.is_whitespace()).collect();
        match t.as_str() {
            "---" | "" => ActorCode::Null,
            "###" => ActorCode::Discard,
            "+++" => ActorCode::Complex,
            _ => ActorCode::Codes(t.split('/').filter(|c| !c.is_empty()).map(Into::into).collect()),
        }
    }
}

impl fmt::Display for ActorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ActorCode::Codes(c) => f.write_str(&c.join("/")),
            ActorCode::Null => f.write_str("---"),
            ActorCode::Discard => f.write_str("###"),
            ActorCode::Complex => f.write_str("+++"),
        }
    }
}

/// The codes of an actor: date-restricted codes tried in order, then the
/// default. With no default and no restriction satisfied, the actor is null.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CodeSchedule {
    pub dated: Vec<(DateRange, ActorCode)>,
    pub default: Option<ActorCode>,
}

impl CodeSchedule {
    /// The code that applies on `date` (the default when no date is known).
    pub fn at(&self, date: Option<Date>) -> Option<&ActorCode> {
        if let Some(date) = date {
            for (range, code) in &self.dated {
                if range.contains(date) {
                    return Some(code);
                }
            }
        }
        self.default.as_ref()
    }
}

/// What kind of thing an actor entry names (dyad's own tables say; entries
/// from TABARI/PETRARCH files are `General`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ActorKind {
    General,
    /// A country, its adjective or its people (`Iran`, `Iranian`, `Iranians`).
    Country,
    /// A capital city standing for its government (`Moscow said`); in
    /// `in Moscow` it is a place, not an actor.
    Capital,
    /// A building or institution standing for a state organ (`the Kremlin`).
    Metonym,
    Organization,
    Person,
    /// A city or region, coded as its country; a place, never an acting
    /// subject ("shelled the outskirts of Rafah": PSE).
    Place,
}

/// One actor: a primary phrase, its synonyms (in [`Dictionaries::actor_phrases`])
/// and its codes.
#[derive(Clone, Debug)]
pub struct Actor {
    /// The primary phrase as written in the dictionary.
    pub name: Box<str>,
    pub codes: CodeSchedule,
    pub kind: ActorKind,
    pub loc: Loc,
}

/// A role a person held, from dyad's people tables.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Role {
    pub code: Box<str>,
    pub start: Option<Date>,
    pub end: Option<Date>,
    /// The title as the press writes it (`Foreign Minister`).
    pub title: Box<str>,
}

/// A person with dated roles (the actor entry has the same codes as a
/// schedule; this keeps titles and gender for quotation attribution).
#[derive(Clone, Debug)]
pub struct Person {
    pub actor: u32,
    pub name: Box<str>,
    /// `m`, `f` or empty.
    pub gender: Box<str>,
    pub roles: Vec<Role>,
}

/// An agent: a role word or title whose code composes with an actor's.
#[derive(Clone, Debug)]
pub struct Agent {
    pub name: Box<str>,
    pub code: Box<str>,
    /// `NGO~`: the agent code goes before the actor code.
    pub prefix: bool,
    pub loc: Loc,
}

/// A phrase to match: its terms, and for verbs the position of the
/// inflected word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phrase {
    pub terms: Vec<Word>,
}

/// What a pattern element matches.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Elem {
    /// A word (or stem) id.
    Word(Word),
    /// Any phrase of a synset.
    Synset(u32),
    /// The verb itself (`*`).
    Verb,
    /// `$`: the source actor.
    Source,
    /// `+`: the target actor.
    Target,
    /// `%`: a compound actor, both source and target.
    Compound,
    /// `^`: skip one actor or noun phrase.
    Skip,
}

/// A pattern element and whether it must directly follow the previous one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PatternElem {
    pub elem: Elem,
    pub adjacent: bool,
}

/// An event code as written in a verb dictionary: `[064]`, `[030:030]`
/// (paired), `[023?]` (subordinate), `[111!]` (dominant), `[---]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventCode {
    /// `None` is the null code `---`.
    pub code: Option<Box<str>>,
    /// The second code of a pair `[A:B]`: B goes from target to source.
    pub paired: Option<Option<Box<str>>>,
    pub subordinate: bool,
    pub dominant: bool,
    /// `[###]`: discard the sentence.
    pub discard: bool,
    /// `[+++]`: too complex to code.
    pub complex: bool,
}

impl EventCode {
    pub const NULL: EventCode = EventCode {
        code: None,
        paired: None,
        subordinate: false,
        dominant: false,
        discard: false,
        complex: false,
    };

    /// Parse the inside of `[...]`. Returns None for something that is not a
    /// code at all (empty after stripping).
    pub fn parse(s: &str) -> Option<EventCode> {
        let t: String = s.chars().filter(|c| !c.is_whitespace()).collect();
        if t.is_empty() {
            return None;
        }
        let mut code = EventCode::NULL;
        let mut body = t.as_str();
        if let Some(b) = body.strip_suffix('?') {
            code.subordinate = true;
            body = b;
        } else if let Some(b) = body.strip_suffix('!') {
            code.dominant = true;
            body = b;
        }
        let one = |c: &str| -> Option<Box<str>> {
            match c {
                "---" | "" => None,
                _ => Some(c.into()),
            }
        };
        match body {
            "###" => code.discard = true,
            "+++" => code.complex = true,
            _ => {
                if let Some((a, b)) = body.split_once(':') {
                    code.code = one(a);
                    code.paired = Some(one(b));
                } else {
                    code.code = one(body);
                }
            }
        }
        Some(code)
    }

    pub fn is_null(&self) -> bool {
        self.code.is_none() && !self.discard && !self.complex && self.paired.as_ref().is_none_or(|p| p.is_none())
    }
}

impl fmt::Display for EventCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.discard {
            return f.write_str("###");
        }
        if self.complex {
            return f.write_str("+++");
        }
        f.write_str(self.code.as_deref().unwrap_or("---"))?;
        if let Some(p) = &self.paired {
            write!(f, ":{}", p.as_deref().unwrap_or("---"))?;
        }
        if self.subordinate {
            f.write_str("?")?;
        }
        if self.dominant {
            f.write_str("!")?;
        }
        Ok(())
    }
}

/// A verb pattern: elements before and after the verb and the code.
#[derive(Clone, Debug)]
pub struct Pattern {
    /// All elements in order, including exactly one [`Elem::Verb`].
    pub elems: Vec<PatternElem>,
    pub code: EventCode,
    /// TABARI's length: letters of fixed words; longer patterns are tried first.
    pub length: u32,
    /// The pattern as written, for explanations.
    pub text: Box<str>,
    pub loc: Loc,
    /// The literal words of the pattern (a quick test before matching).
    pub words: Vec<Word>,
}

/// A verb synonym block: a default code and the patterns shared by its verbs.
#[derive(Clone, Debug)]
pub struct VerbBlock {
    pub name: Box<str>,
    pub code: EventCode,
    pub patterns: Vec<u32>,
    pub loc: Loc,
}

/// A verb (lemma) with its own code, if any, and the blocks it belongs to.
#[derive(Clone, Debug)]
pub struct Verb {
    pub lemma: Box<str>,
    pub code: Option<EventCode>,
    pub blocks: Vec<u32>,
    pub loc: Loc,
}

/// One surface form of a verb: the words as they appear in text and which
/// of them is the inflected verb (`cordoned off`: word 0).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerbForm {
    pub words: Vec<Word>,
    pub head: usize,
    pub verb: u32,
}

/// A synonym set `&NAME`.
#[derive(Clone, Debug)]
pub struct Synset {
    pub name: Box<str>,
    pub phrases: Vec<Vec<Word>>,
    pub loc: Loc,
}

/// A discard phrase: the sentence (or, with `story`, the whole story) that
/// contains it is not coded.
#[derive(Clone, Debug)]
pub struct Discard {
    pub words: Vec<Word>,
    pub story: bool,
    pub text: Box<str>,
    pub loc: Loc,
}

/// An issue phrase and its category code (`ignore` phrases cancel issue
/// coding for the sentence).
#[derive(Clone, Debug)]
pub struct IssuePhrase {
    pub words: Vec<Word>,
    pub code: Box<str>,
    pub ignore: bool,
    pub loc: Loc,
}

/// Coding options from a TABARI `.options` file or a PETRARCH `<Config>`.
#[derive(Clone, Debug, PartialEq)]
pub struct CodingOptions {
    /// Only code events with both a source and a target (PETRARCH `require_dyad`).
    pub require_dyad: bool,
    /// Comma-delimited clause elimination bounds (words): clauses inside the
    /// sentence between `comma_min` and `comma_max`, clauses that run to the
    /// end of the sentence between `comma_emin` and `comma_emax`, clauses at
    /// the beginning between `comma_bmin` and `comma_bmax`. 0 max disables.
    pub comma_min: usize,
    pub comma_max: usize,
    pub comma_bmin: usize,
    pub comma_bmax: usize,
    pub comma_emin: usize,
    pub comma_emax: usize,
    /// PETRARCH `new_actor_length`: unknown capitalized noun phrases up to this
    /// many words become actors named by their text (0 = off).
    pub new_actor_length: usize,
    /// TABARI `SET: CODE BY`: clause (default), sentence, all.
    pub code_by: CodeBy,
    /// TABARI `COMPLEX: NOACTPRIOR`-style defaults and the minimum number of words.
    pub minimum_words: usize,
    /// TABARI `SET: CONVERT AGENTS`: an agent without an actor becomes an actor.
    pub convert_agents: bool,
    /// TABARI `DEFAULT: SOURCE [code] PRIOR`: the code, and whether it applies
    /// whenever no actor precedes the verb (else only when the search fails).
    pub default_source: Option<(String, bool)>,
    /// TABARI `DEFAULT: TARGET [code] AFTER`: the code, and whether it applies
    /// whenever no actor follows the verb.
    pub default_target: Option<(String, bool)>,
    /// TABARI `COMPLEX:` conditions: this many verbs or conjunctions, or no
    /// actor before the first verb, make a sentence too complex to code.
    pub complex_verbs: usize,
    pub complex_conjunctions: usize,
    pub complex_no_actor_prior: bool,
    /// TABARI `FORWARD:`: pronouns with no antecedent in the sentence refer to
    /// the previous sentence's first actor.
    pub forward: bool,
    /// A role word with no actor that modifies a following noun ("military
    /// exercises", "police officers' union") is not an actor. dyad's own
    /// dictionaries turn this on; TABARI and PETRARCH did not.
    pub modifier_agents: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeBy {
    Clause,
    Sentence,
    All,
}

impl Default for CodingOptions {
    fn default() -> Self {
        CodingOptions {
            require_dyad: true,
            comma_min: 2,
            comma_max: 10,
            comma_bmin: 0,
            comma_bmax: 0,
            comma_emin: 2,
            comma_emax: 10,
            new_actor_length: 0,
            code_by: CodeBy::Clause,
            minimum_words: 0,
            convert_agents: false,
            default_source: None,
            default_target: None,
            complex_verbs: 0,
            complex_conjunctions: 0,
            complex_no_actor_prior: false,
            forward: true,
            modifier_agents: false,
        }
    }
}
