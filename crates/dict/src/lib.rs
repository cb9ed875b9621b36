//! dyad's dictionaries: one in-memory model ([`Dictionaries`]) filled by
//! readers for the formats the field uses (TABARI and PETRARCH-1 verbs,
//! actors, agents, discards, issues, TABARI `.options`), compiled once into
//! token-level tries ([`Compiled`]) that the coder queries.
//!
//! ```
//! use dyad_dict::{Dictionaries, Kind, Dialect};
//! let mut d = Dictionaries::new();
//! d.add_text("demo.actors.txt", "ARNOR [ARN]\n+ARNORIAN\nGOLLUM\n\t[HOB <950601]\n\t[HOBGOV >950602]\n", Kind::Actors, Dialect::Petrarch);
//! d.finish();
//! let c = d.compile();
//! let hits = c.lookup(&d, "Gollum", dyad_doc::parse_date("19990101"));
//! assert_eq!(hits[0].code, "HOBGOV");
//! ```
//!
//! Errors never stop loading: every problem is a [`Diagnostic`] with the file
//! and line (`verbs.txt:1203: pattern must contain exactly one '*'`), and the
//! line is skipped, as the original programs skip lines they cannot read.

pub mod builtin;
mod forms;
mod lines;
mod matcher;
pub mod model;
mod read;
mod tsv;

use std::fmt;
use std::path::Path;

use dyad_doc::Date;
use rustc_hash::FxHashMap;

pub use builtin::{EventInfo, Ontology, Plover};
pub use forms::{plural, regular_verb_forms};
pub use matcher::{TokenKeys, Trie};
pub use model::*;

/// Which kind of dictionary a file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Verbs,
    Actors,
    Agents,
    Discards,
    Issues,
    Options,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Verbs => "verbs",
            Kind::Actors => "actors",
            Kind::Agents => "agents",
            Kind::Discards => "discards",
            Kind::Issues => "issues",
            Kind::Options => "options",
        }
    }

    /// Guess the kind from a file name (`CAMEO.verbpatterns.txt`,
    /// `Phoenix.Countries.actors.txt`, `Validate.agents`, `*.options`...).
    pub fn guess(path: &str) -> Option<Kind> {
        let p = Path::new(path);
        // dyad's own layout: data/verbs/NN-name.txt
        if p.parent().and_then(|d| d.file_name()).is_some_and(|d| d == "verbs") {
            return Some(Kind::Verbs);
        }
        let name = p.file_name()?.to_str()?.to_ascii_lowercase();
        if name.ends_with(".options") {
            Some(Kind::Options)
        } else if name.contains("verb") || name.starts_with("cameo.") {
            Some(Kind::Verbs)
        } else if name.contains("agent") {
            Some(Kind::Agents)
        } else if name.contains("discard") {
            Some(Kind::Discards)
        } else if name.contains("issue") {
            Some(Kind::Issues)
        } else if name.contains("actor") {
            Some(Kind::Actors)
        } else {
            None
        }
    }
}

/// TABARI files match words without a final `_` as stems; PETRARCH files
/// match whole words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Dialect {
    Tabari,
    Petrarch,
    /// PETRARCH-2's CAMEO.2.0 verb format: patterns name noun phrases
    /// (`{FINANCIAL AID}`, head last) and prepositional phrases (`(FOR AID)`),
    /// and `~` lines transform verb-verb combinations.
    Petrarch2,
}

impl Dialect {
    /// TABARI's own file endings (`.verbs`, `.actors`, `.agents`, `.options`)
    /// mean TABARI; everything else is read as PETRARCH-1.
    pub fn guess(path: &str) -> Dialect {
        let lower = path.to_ascii_lowercase();
        if [".verbs", ".actors", ".agents", ".options"]
            .iter()
            .any(|e| lower.ends_with(e))
        {
            Dialect::Tabari
        } else {
            Dialect::Petrarch
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// A located problem in a dictionary file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: String,
    pub line: usize,
    pub severity: Severity,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sev = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(f, "{}:{}: {sev}: {}", self.file, self.line, self.message)
    }
}

/// A dictionary file that could not be read at all.
#[derive(Debug)]
pub struct LoadError {
    pub path: String,
    pub message: String,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

impl std::error::Error for LoadError {}

/// Every loaded dictionary, in one model.
#[derive(Clone, Debug, Default)]
pub struct Dictionaries {
    /// File names, indexed by [`Loc::file`].
    pub files: Vec<String>,
    pub vocab: Vocab,
    pub actors: Vec<Actor>,
    pub actor_phrases: Vec<(Vec<Word>, u32)>,
    /// TABARI actor phrases whose blank-separated groups may have other words
    /// between them: the groups (each consecutive words) and the actor.
    pub gapped_actor_phrases: Vec<(Vec<Vec<Word>>, u32)>,
    pub agents: Vec<Agent>,
    pub agent_phrases: Vec<(Vec<Word>, u32)>,
    /// TABARI `<NOUN>` and `<ADJECTIVE>` lists.
    pub nouns: Vec<Vec<Word>>,
    pub adjectives: Vec<Vec<Word>>,
    pub synsets: Vec<Synset>,
    pub synset_ids: FxHashMap<Box<str>, u32>,
    pub blocks: Vec<VerbBlock>,
    pub verbs: Vec<Verb>,
    pub verb_ids: FxHashMap<Box<str>, u32>,
    pub verb_forms: Vec<VerbForm>,
    pub patterns: Vec<Pattern>,
    /// For each verb, its patterns from every block, longest first.
    pub verb_patterns: Vec<Vec<u32>>,
    pub discards: Vec<Discard>,
    pub issues: Vec<IssuePhrase>,
    pub options: CodingOptions,
    pub diagnostics: Vec<Diagnostic>,
    /// PETRARCH-2 transformation lines (`~ a (a b ATTACK) SAY = a b 015`),
    /// kept as written; the engine does not apply them yet.
    pub transformations: Vec<(String, Loc)>,
    /// People with dated roles (from dyad's people tables).
    pub people: Vec<Person>,
    /// Counts of files loaded per kind.
    pub kinds: Vec<(Kind, u32)>,
    raw_synsets: Vec<read::RawSynset>,
    raw_patterns: Vec<read::RawPattern>,
    /// Lookups over `people`, built on first use (after loading).
    people_index: std::sync::OnceLock<PeopleIndex>,
}

/// Indices into [`Dictionaries::people`], in table order.
#[derive(Clone, Debug, Default)]
struct PeopleIndex {
    by_actor: FxHashMap<u32, u32>,
    /// By the last word of the name.
    by_surname: FxHashMap<Box<str>, Vec<u32>>,
}

impl Dictionaries {
    pub fn new() -> Dictionaries {
        Dictionaries::default()
    }

    fn people_index(&self) -> &PeopleIndex {
        self.people_index.get_or_init(|| {
            let mut index = PeopleIndex::default();
            for (i, p) in self.people.iter().enumerate() {
                index.by_actor.entry(p.actor).or_insert(i as u32);
                let surname = p.name.rsplit(' ').next().unwrap_or(&p.name);
                index.by_surname.entry(surname.into()).or_default().push(i as u32);
            }
            index
        })
    }

    /// The first person of the people tables who is actor `actor`.
    pub fn person_of_actor(&self, actor: u32) -> Option<&Person> {
        let i = *self.people_index().by_actor.get(&actor)?;
        self.people.get(i as usize)
    }

    /// The people whose name ends in the word `surname`, in table order.
    pub fn people_named(&self, surname: &str) -> impl Iterator<Item = &Person> {
        self.people_index()
            .by_surname
            .get(surname)
            .into_iter()
            .flatten()
            .filter_map(|&i| self.people.get(i as usize))
    }

    fn diagnose(&mut self, loc: Loc, severity: Severity, message: impl Into<String>) {
        self.diagnostics.push(Diagnostic {
            file: self.files.get(loc.file as usize).cloned().unwrap_or_default(),
            line: loc.line as usize,
            severity,
            message: message.into(),
        });
    }

    /// Load a file from disk. `kind` and `dialect` default to guesses from the
    /// file name. A missing or unreadable file is an error naming the path.
    pub fn load(&mut self, path: &str, kind: Option<Kind>, dialect: Option<Dialect>) -> Result<(), LoadError> {
        let kind = match kind.or_else(|| Kind::guess(path)) {
            Some(k) => k,
            None => {
                return Err(LoadError {
                    path: path.to_string(),
                    message: "cannot tell the dictionary kind from the file name (verbs, actors, agents, discards, issues, options)".into(),
                })
            }
        };
        let bytes = std::fs::read(path).map_err(|e| LoadError {
            path: path.to_string(),
            message: format!("cannot read file: {e}"),
        })?;
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                // Name the first line with invalid bytes.
                let valid = e.utf8_error().valid_up_to();
                let line = e.as_bytes()[..valid].iter().filter(|&&b| b == b'\n').count() as u32 + 1;
                let t = String::from_utf8_lossy(e.as_bytes()).into_owned();
                self.files.push(path.to_string());
                let file = (self.files.len() - 1) as u32;
                self.diagnose(
                    Loc { file, line },
                    Severity::Warning,
                    "invalid UTF-8 (first here) replaced by U+FFFD",
                );
                self.files.pop();
                t
            }
        };
        self.add_text(path, &text, kind, dialect.unwrap_or_else(|| Dialect::guess(path)));
        Ok(())
    }

    /// Read dictionary text named `name`.
    pub fn add_text(&mut self, name: &str, text: &str, kind: Kind, dialect: Dialect) {
        self.files.push(name.to_string());
        let file = (self.files.len() - 1) as u32;
        // PETRARCH-2 verb files announce themselves by their transformation
        // lines and prepositional-phrase patterns.
        let dialect = if kind == Kind::Verbs && dialect == Dialect::Petrarch && is_petrarch2(text) {
            Dialect::Petrarch2
        } else {
            dialect
        };
        match kind {
            Kind::Verbs => self.read_verbs(file, text, dialect),
            Kind::Actors => self.read_actors(file, text, dialect),
            Kind::Agents => self.read_agents(file, text, dialect),
            Kind::Discards => self.read_discards(file, text),
            Kind::Issues => self.read_issues(file, text),
            Kind::Options => self.read_options(file, text),
        }
        match self.kinds.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, n)) => *n += 1,
            None => self.kinds.push((kind, 1)),
        }
    }

    /// Resolve what can only be resolved once every file is read (synsets
    /// used across files). Call once after the last `load`/`add_text`.
    pub fn finish(&mut self) {
        self.finish_verbs();
    }

    /// Counts per kind of entry.
    pub fn counts(&self) -> Vec<(&'static str, usize)> {
        vec![
            ("actors", self.actors.len()),
            ("actor phrases", self.actor_phrases.len()),
            ("agents", self.agents.len()),
            ("agent phrases", self.agent_phrases.len()),
            ("verb blocks", self.blocks.len()),
            ("verbs", self.verbs.len()),
            ("verb forms", self.verb_forms.len()),
            ("patterns", self.patterns.len()),
            ("synsets", self.synsets.len()),
            ("transformations", self.transformations.len()),
            ("discards", self.discards.len()),
            ("issue phrases", self.issues.len()),
            ("nouns", self.nouns.len()),
            ("adjectives", self.adjectives.len()),
        ]
    }

    /// The code a verb has on its own: its own code, else its first block's.
    pub fn verb_code(&self, verb: u32) -> &EventCode {
        let v = &self.verbs[verb as usize];
        if let Some(c) = &v.code {
            return c;
        }
        for &b in &v.blocks {
            let code = &self.blocks[b as usize].code;
            if !code.is_null() {
                return code;
            }
        }
        &self.blocks[v.blocks[0] as usize].code
    }

    /// `file:line` of a location.
    pub fn loc(&self, loc: Loc) -> String {
        format!(
            "{}:{}",
            self.files.get(loc.file as usize).map(String::as_str).unwrap_or("?"),
            loc.line
        )
    }

    /// Compile the phrase matchers.
    pub fn compile(&self) -> Compiled {
        Compiled {
            actors: Trie::build(self.actor_phrases.iter().map(|(p, v)| (&p[..], *v))),
            agents: Trie::build(self.agent_phrases.iter().map(|(p, v)| (&p[..], *v))),
            verbs: Trie::build(
                self.verb_forms
                    .iter()
                    .enumerate()
                    .map(|(i, f)| (&f.words[..], i as u32)),
            ),
            discards: Trie::build(self.discards.iter().enumerate().map(|(i, d)| (&d.words[..], i as u32))),
            issues: Trie::build(self.issues.iter().enumerate().map(|(i, d)| (&d.words[..], i as u32))),
            nouns: Trie::build(self.nouns.iter().map(|p| (&p[..], 0))),
            adjectives: Trie::build(self.adjectives.iter().map(|p| (&p[..], 0))),
            synsets: self
                .synsets
                .iter()
                .map(|s| Trie::build(s.phrases.iter().map(|p| (&p[..], 0))))
                .collect(),
        }
    }

    /// Lint the dictionaries: duplicate and conflicting actor phrases, verb
    /// codes that are not CAMEO codes (when `cameo` lists the valid codes).
    pub fn lint(&self, cameo: Option<&[&str]>) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        let mut seen: FxHashMap<&[Word], (u32, usize)> = FxHashMap::default();
        for (i, (phrase, actor)) in self.actor_phrases.iter().enumerate() {
            if let Some(&(other, _)) = seen.get(&phrase[..]) {
                if other != *actor {
                    let a = &self.actors[*actor as usize];
                    let b = &self.actors[other as usize];
                    let severity = Severity::Warning;
                    let what = if a.codes == b.codes {
                        "duplicate"
                    } else {
                        "conflicting codes for"
                    };
                    out.push(Diagnostic {
                        file: self.files[a.loc.file as usize].clone(),
                        line: a.loc.line as usize,
                        severity,
                        message: format!(
                            "{what} actor phrase {:?} (also at {})",
                            phrase.iter().map(|w| self.vocab.text(*w)).collect::<Vec<_>>().join(" "),
                            self.loc(b.loc)
                        ),
                    });
                }
            } else {
                seen.insert(&phrase[..], (*actor, i));
            }
        }
        if let Some(valid) = cameo {
            let check = |code: &EventCode, loc: Loc, out: &mut Vec<Diagnostic>| {
                let codes = [code.code.as_deref(), code.paired.as_ref().and_then(|p| p.as_deref())];
                for c in codes.into_iter().flatten() {
                    if !valid.contains(&c) {
                        out.push(Diagnostic {
                            file: self.files[loc.file as usize].clone(),
                            line: loc.line as usize,
                            severity: Severity::Warning,
                            message: format!("[{c}] is not a CAMEO event code"),
                        });
                    }
                }
            };
            for p in &self.patterns {
                check(&p.code, p.loc, &mut out);
            }
            for b in &self.blocks {
                check(&b.code, b.loc, &mut out);
            }
            for v in &self.verbs {
                if let Some(c) = &v.code {
                    check(c, v.loc, &mut out);
                }
            }
        }
        // Patterns that can never match: a verb block pattern whose words are
        // never all present is not decidable statically; flag patterns with
        // two source or two target markers instead.
        for p in &self.patterns {
            let sources = p.elems.iter().filter(|e| e.elem == Elem::Source).count();
            let targets = p.elems.iter().filter(|e| e.elem == Elem::Target).count();
            if sources > 1 || targets > 1 {
                out.push(Diagnostic {
                    file: self.files[p.loc.file as usize].clone(),
                    line: p.loc.line as usize,
                    severity: Severity::Warning,
                    message: format!(
                        "pattern has '$' {sources} times and '+' {targets} times; only the first of each is used"
                    ),
                });
            }
        }
        out
    }
}

fn is_petrarch2(text: &str) -> bool {
    text.lines().any(|l| l.starts_with("~ "))
        || text
            .lines()
            .any(|l| l.starts_with("- ") && l.contains(" (") && l.contains(')'))
}

/// The compiled matchers of a [`Dictionaries`].
#[derive(Clone, Debug)]
pub struct Compiled {
    pub actors: Trie,
    pub agents: Trie,
    /// Values are indices into [`Dictionaries::verb_forms`].
    pub verbs: Trie,
    pub discards: Trie,
    pub issues: Trie,
    pub nouns: Trie,
    pub adjectives: Trie,
    /// One trie per synset, indexed like [`Dictionaries::synsets`].
    pub synsets: Vec<Trie>,
}

/// What a phrase matched, for `dyad dict lookup`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LookupHit {
    pub kind: &'static str,
    /// The matched words.
    pub words: usize,
    pub code: String,
    pub entry: String,
    pub loc: String,
}

impl Compiled {
    /// Everything `phrase` matches from its first word, longest first, with
    /// codes resolved for `date`.
    pub fn lookup(&self, dict: &Dictionaries, phrase: &str, date: Option<Date>) -> Vec<LookupHit> {
        let words = dyad_segment::phrase_words(phrase);
        let keys = TokenKeys::new(&dict.vocab, words.iter().map(String::as_str));
        let mut hits = Vec::new();
        self.actors.matches_at(&keys, 0, |end, v| {
            let a = &dict.actors[v as usize];
            hits.push(LookupHit {
                kind: "actor",
                words: end,
                code: a.codes.at(date).map(|c| c.to_string()).unwrap_or_else(|| "---".into()),
                entry: a.name.to_string(),
                loc: dict.loc(a.loc),
            });
        });
        self.agents.matches_at(&keys, 0, |end, v| {
            let a = &dict.agents[v as usize];
            hits.push(LookupHit {
                kind: "agent",
                words: end,
                code: if a.prefix {
                    format!("{}~", a.code)
                } else {
                    format!("~{}", a.code)
                },
                entry: a.name.to_string(),
                loc: dict.loc(a.loc),
            });
        });
        self.verbs.matches_at(&keys, 0, |end, v| {
            let form = &dict.verb_forms[v as usize];
            let verb = &dict.verbs[form.verb as usize];
            hits.push(LookupHit {
                kind: "verb",
                words: end,
                code: dict.verb_code(form.verb).to_string(),
                entry: verb.lemma.to_string(),
                loc: dict.loc(verb.loc),
            });
        });
        self.discards.matches_at(&keys, 0, |end, v| {
            let d = &dict.discards[v as usize];
            hits.push(LookupHit {
                kind: if d.story { "story discard" } else { "sentence discard" },
                words: end,
                code: "###".into(),
                entry: d.text.to_string(),
                loc: dict.loc(d.loc),
            });
        });
        self.issues.matches_at(&keys, 0, |end, v| {
            let d = &dict.issues[v as usize];
            hits.push(LookupHit {
                kind: "issue",
                words: end,
                code: d.code.to_string(),
                entry: String::new(),
                loc: dict.loc(d.loc),
            });
        });
        hits.sort_by_key(|h| std::cmp::Reverse(h.words));
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dict(kind: Kind, text: &str) -> Dictionaries {
        let mut d = Dictionaries::new();
        d.add_text("t.txt", text, kind, Dialect::Petrarch);
        d.finish();
        d
    }

    #[test]
    fn actors_with_synonyms_and_dates() {
        let d = dict(
            Kind::Actors,
            "GOLLUM ; pas\n+SMEAGOL\n+SLINKER\n\t[HOB <950601]\n\t[HOBGOV 950601-990815]\n\t[HOBREB >990816]\nGONDOR\n+MINAS_TIRITH\n\t[GON]\nZIMBABWE [ZBW]\n\t[RHO <800418]\nEAST_AND_WEST_GERMANY [GME/GMW]\n",
        );
        let c = d.compile();
        let at = |p: &str, day: &str| c.lookup(&d, p, dyad_doc::parse_date(day))[0].code.clone();
        assert_eq!(at("Smeagol", "19950101"), "HOB");
        assert_eq!(at("Slinker", "19980101"), "HOBGOV");
        assert_eq!(at("Gollum", "20010101"), "HOBREB");
        assert_eq!(at("Minas Tirith", "20010101"), "GON");
        assert_eq!(at("Zimbabwe", "19781223"), "RHO");
        assert_eq!(at("Zimbabwe", "20010101"), "ZBW");
        assert_eq!(at("East and West Germany", "19800101"), "GME/GMW");
        assert!(d.diagnostics.is_empty(), "{:?}", d.diagnostics);
    }

    #[test]
    fn bad_actor_lines_are_located_warnings() {
        let d = dict(Kind::Actors, "ARNOR [ARN]\nGONDOR [GON 19950101]\n+\n\t[HOB <95x601]\n");
        let msgs: Vec<String> = d.diagnostics.iter().map(|x| x.to_string()).collect();
        assert_eq!(msgs.len(), 3, "{msgs:?}");
        assert!(msgs[0].starts_with("t.txt:2: warning: expected a date restriction"));
        assert!(msgs[1].starts_with("t.txt:3: warning: expected an actor phrase"));
        assert!(msgs[2].starts_with("t.txt:4: warning: expected a date restriction"));
    }

    #[test]
    fn agents_plurals_and_substitutions() {
        let d = dict(
            Kind::Agents,
            "!MINST! = MINISTER, MINISTERS, MINISTRY\nPOLICE {} [~COP]\nATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]\n!MINST!_OF_SILLY_WALKS [~GOV]\nHUMAN_RIGHTS_BODY [NGO~]\nCONGRESS [~LEG]\nBROKEN [GOV]\n",
        );
        let c = d.compile();
        let code = |p: &str| c.lookup(&d, p, None).first().map(|h| h.code.clone());
        assert_eq!(code("police"), Some("~COP".into()));
        assert_eq!(code("polices"), None);
        assert_eq!(code("attorneys general"), Some("~GOV".into()));
        assert_eq!(code("ministry of silly walks"), Some("~GOV".into()));
        assert_eq!(code("ministers of silly walks"), Some("~GOV".into()));
        assert_eq!(code("human rights bodies"), Some("NGO~".into()));
        assert_eq!(code("congresses"), Some("~LEG".into()));
        assert_eq!(d.diagnostics.len(), 1);
        assert!(d.diagnostics[0].message.contains("needs '~'"));
    }

    #[test]
    fn verbs_blocks_forms_patterns_and_synsets() {
        let d = dict(
            Kind::Verbs,
            "&CURRENCY\n+DOLLARS\n+SWISS FRANCS\n+KRONER_\n\n--- GRANT [070] ---\nGRANT\nGIVE {GAVE GIVEN GIVES GIVING}\nCONTRIBUTE\n+BEEF_UP [081]\n- * &CURRENCY [903]\n- * RUPEES [071]\n- $ * + WITH_HELP [072:073]\n- * NO STAR\n- * * [1]\n- * &UNDEFINED [1]\n\n--- SAY [---] ---\nSAY {SAID SAYS SAYING}\n- * WOULD_ATTEND [033]\n",
        );
        let c = d.compile();
        let lemma = |p: &str| c.lookup(&d, p, None).first().map(|h| (h.entry.clone(), h.code.clone()));
        assert_eq!(lemma("contributed"), Some(("CONTRIBUTE".into(), "070".into())));
        assert_eq!(lemma("gave"), Some(("GIVE".into(), "070".into())));
        assert_eq!(lemma("beefing up"), Some(("BEEF UP".into(), "081".into())));
        assert_eq!(lemma("said"), Some(("SAY".into(), "---".into())));
        assert_eq!(d.patterns.len(), 4);
        let grant = &d.blocks[0];
        // Longest first: &CURRENCY has length 0 (synset), RUPEES 6, WITH_HELP 8.
        assert_eq!(
            d.patterns[grant.patterns[0] as usize].text.as_ref(),
            "$ * + WITH_HELP [072:073]"
        );
        let syn = &d.synsets[0];
        assert_eq!(
            syn.phrases.len(),
            5,
            "dollars (+plural), swiss francs (+plural), kroner"
        );
        let msgs: Vec<String> = d.diagnostics.iter().map(|x| x.message.clone()).collect();
        assert_eq!(msgs.len(), 3, "{msgs:?}");
        assert!(msgs[0].contains("no [CODE]"));
        assert!(msgs[1].contains("exactly one '*'"));
        assert!(msgs[2].contains("undefined synset &UNDEFINED"));
    }

    #[test]
    fn tabari_stems() {
        let mut d = Dictionaries::new();
        d.add_text(
            "demo.actors",
            "ETHIOP [ETH]\nESTONIA_ [EST]\n",
            Kind::Actors,
            Dialect::Tabari,
        );
        d.add_text(
            "demo.verbs",
            "ACCEPT [081]\n- * PROPOSAL [081]\nACT_ [100]\n",
            Kind::Verbs,
            Dialect::Tabari,
        );
        d.finish();
        let c = d.compile();
        let code = |p: &str| c.lookup(&d, p, None).first().map(|h| h.code.clone());
        assert_eq!(code("Ethiopian"), Some("ETH".into()));
        assert_eq!(code("Estonia's"), Some("EST".into()));
        assert_eq!(code("Estonians"), None);
        assert_eq!(code("accepted"), Some("081".into()));
        assert_eq!(code("acted"), Some("100".into()));
        assert_eq!(code("actor"), None);
    }

    #[test]
    fn discards_issues_options() {
        let mut d = Dictionaries::new();
        d.add_text(
            "d.txt",
            "+World Golf Championships # x\nBASEBALL\nAFRICAN NATIONS CUP\n",
            Kind::Discards,
            Dialect::Petrarch,
        );
        d.add_text(
            "i.txt",
            "<ISSUE CATEGORY=\"X\">\nn:atrocity [ID_ATROCITY]\nethnic v:purge [ID_ATROCITY]\nal+zarqawi network [TERROR]\n~Saturday Night massacre\n</ISSUE>\n",
            Kind::Issues,
            Dialect::Petrarch,
        );
        d.add_text(
            "v.options",
            "COMMA: MIN = 1 MAX = 8 EMIN=3 EMAX=10\nSET: CODE BY SENTENCE\n// comment\n",
            Kind::Options,
            Dialect::Tabari,
        );
        d.finish();
        let c = d.compile();
        let kinds = |p: &str| c.lookup(&d, p, None).iter().map(|h| h.kind).collect::<Vec<_>>();
        assert_eq!(kinds("World Golf Championships"), ["story discard"]);
        assert_eq!(kinds("baseballs"), ["sentence discard"]);
        assert_eq!(kinds("atrocities"), ["issue"]);
        assert_eq!(kinds("ethnic purged"), ["issue"]);
        assert_eq!(kinds("al-zarqawi network"), ["issue"]);
        assert_eq!(d.options.comma_min, 1);
        assert_eq!(d.options.comma_max, 8);
        assert_eq!(d.options.comma_emin, 3);
        assert_eq!(d.options.code_by, CodeBy::Sentence);
    }

    #[test]
    fn missing_file_names_the_path() {
        let mut d = Dictionaries::new();
        let err = d.load("/no/such.verbs.txt", None, None).unwrap_err();
        assert!(err.to_string().starts_with("/no/such.verbs.txt: cannot read file"));
    }
}
