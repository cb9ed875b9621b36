//! dyad's own dictionaries and tables, compiled into the binary from the
//! `data/` folder (see `data/README.md` for the formats): countries, capitals,
//! metonyms, organisations and people with dated roles (TSV), agents, verb
//! patterns, discards and issues (TABARI/PETRARCH-1 line formats), and the
//! CAMEO/PLOVER tables ([`Ontology`]).

use dyad_doc::Date;
use rustc_hash::FxHashMap;

use crate::model::*;
use crate::tsv;
use crate::{Dialect, Dictionaries, Kind};

include!(concat!(env!("OUT_DIR"), "/builtin_files.rs"));

/// The built-in files: `(path under data/, contents)`.
pub fn files() -> &'static [(&'static str, &'static str)] {
    FILES
}

fn file_text(name: &str) -> Option<&'static str> {
    FILES.iter().find(|(p, _)| *p == name).map(|(_, t)| *t)
}

/// A `YYYY-MM-DD`, `YYYY-MM` or `YYYY` date; partial dates mean their first
/// day (`end = false`) or last day (`end = true`).
pub fn partial_date(s: &str, end: bool) -> Option<Date> {
    let s = s.trim();
    let parts: Vec<&str> = s.split('-').collect();
    let year: i16 = parts.first()?.parse().ok()?;
    match parts.len() {
        1 => Date::new(year, if end { 12 } else { 1 }, if end { 31 } else { 1 }).ok(),
        2 => {
            let month: i8 = parts[1].parse().ok()?;
            let first = Date::new(year, month, 1).ok()?;
            if end {
                Some(first.last_of_month())
            } else {
                Some(first)
            }
        }
        3 => Date::new(year, parts[1].parse().ok()?, parts[2].parse().ok()?).ok(),
        _ => None,
    }
}

impl Dictionaries {
    /// The built-in dictionaries, loaded and finished.
    pub fn builtin() -> Dictionaries {
        let mut d = Dictionaries::new();
        d.add_builtin();
        d.finish();
        d
    }

    /// The coding conventions dyad's own dictionaries are written for.
    pub fn use_news_conventions(&mut self) {
        self.options.modifier_agents = true;
    }

    /// Add every built-in file (call [`Dictionaries::finish`] afterwards).
    pub fn add_builtin(&mut self) {
        self.use_news_conventions();
        for (path, text) in FILES {
            let name = format!("data/{path}");
            if path.starts_with("cameo/")
                || path.starts_with("places/admin1")
                || path.starts_with("places/cities")
                || path.starts_with("resolve/")
            {
                continue;
            }
            if *path == "places/countries.tsv" {
                self.register(&name, Kind::Actors);
                let file = (self.files.len() - 1) as u32;
                self.read_countries(file, text);
            } else if *path == "actors/metonyms.tsv" {
                self.register(&name, Kind::Actors);
                let file = (self.files.len() - 1) as u32;
                self.read_simple_actors(file, text, "phrase", None, ActorKind::Metonym);
            } else if *path == "actors/organizations.tsv" {
                self.register(&name, Kind::Actors);
                let file = (self.files.len() - 1) as u32;
                self.read_simple_actors(file, text, "name", Some("aliases"), ActorKind::Organization);
            } else if path.starts_with("actors/people") {
                self.register(&name, Kind::Actors);
                let file = (self.files.len() - 1) as u32;
                self.read_people(file, text);
            } else if path.starts_with("verbs/") {
                self.add_text(&name, text, Kind::Verbs, Dialect::Petrarch);
            } else if *path == "agents.txt" {
                self.add_text(&name, text, Kind::Agents, Dialect::Petrarch);
            } else if *path == "discards.txt" {
                self.add_text(&name, text, Kind::Discards, Dialect::Petrarch);
            } else if *path == "issues.txt" {
                self.add_text(&name, text, Kind::Issues, Dialect::Petrarch);
            }
        }
        self.add_builtin_cities();
    }

    fn add_builtin_cities(&mut self) {
        // Last, so that names the other tables define keep their meaning.
        if let Some(text) = file_text("places/cities.tsv") {
            self.register("data/places/cities.tsv", Kind::Actors);
            let file = (self.files.len() - 1) as u32;
            self.read_cities(file, text, 150_000, 100_000);
        }
    }

    fn register(&mut self, name: &str, kind: Kind) {
        self.files.push(name.to_string());
        match self.kinds.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, n)) => *n += 1,
            None => self.kinds.push((kind, 1)),
        }
    }

    fn new_actor(&mut self, name: &str, codes: CodeSchedule, kind: ActorKind, loc: Loc) -> u32 {
        self.actors.push(Actor {
            name: name.into(),
            codes,
            kind,
            loc,
        });
        (self.actors.len() - 1) as u32
    }

    fn add_phrase_text(&mut self, phrase: &str, actor: u32) {
        let words = dyad_segment::phrase_words(phrase);
        if words.is_empty() {
            return;
        }
        let terms: Vec<Word> = words.iter().map(|w| self.vocab.intern(w)).collect();
        self.add_actor_phrase(terms, actor);
    }

    fn table_errors(&mut self, file: u32, errors: Vec<(usize, String)>) {
        for (line, msg) in errors {
            self.warn(
                Loc {
                    file,
                    line: line as u32,
                },
                msg,
            );
        }
    }

    /// `places/countries.tsv`: names, aliases, adjectives and plurals code the
    /// country; the capital codes its government.
    pub(crate) fn read_countries(&mut self, file: u32, text: &str) {
        let (header, rows, errors) = tsv::parse(text);
        self.table_errors(file, errors);
        let mut seen_code: FxHashMap<String, ()> = FxHashMap::default();
        for row in tsv::rows(&header, &rows) {
            let loc = Loc {
                file,
                line: row.line as u32,
            };
            let code = row.get("cameo");
            let name = row.get("name");
            if code.len() != 3 || name.is_empty() {
                self.warn(loc, "expected a 3-letter CAMEO code and a name");
                continue;
            }
            let schedule = CodeSchedule {
                dated: Vec::new(),
                default: Some(ActorCode::Codes(vec![code.into()])),
            };
            let actor = self.new_actor(name, schedule, ActorKind::Country, loc);
            self.add_phrase_text(name, actor);
            for p in row
                .list("aliases")
                .chain(row.list("adjectives"))
                .chain(row.list("plurals"))
            {
                self.add_phrase_text(p, actor);
            }
            // Only the first row of a code (the state itself) names a capital.
            let first = seen_code.insert(code.to_string(), ()).is_none();
            let capital = row.get("capital");
            // City-states (Singapore, Monaco) keep their name for the country.
            let same_as_country =
                capital.eq_ignore_ascii_case(name) || row.list("aliases").any(|a| a.eq_ignore_ascii_case(capital));
            if first && !capital.is_empty() && !same_as_country {
                let gov = CodeSchedule {
                    dated: Vec::new(),
                    default: Some(ActorCode::Codes(vec![format!("{code}GOV").into()])),
                };
                let cap = self.new_actor(capital, gov, ActorKind::Capital, loc);
                self.add_phrase_text(capital, cap);
                for p in row.list("capital_aliases") {
                    self.add_phrase_text(p, cap);
                }
            }
        }
    }

    /// Cities of at least `min_population` inhabitants (`min_english` in
    /// English-speaking countries) from the gazetteer, as places coded by
    /// their country ("the outskirts of Rafah": PSE). A name already in the
    /// dictionaries (a country, a capital, a person), listed in
    /// `data/resolve/not-places.txt` or `not-city-actors.txt`, or shared with
    /// a more populous city is left out.
    pub(crate) fn read_cities(&mut self, file: u32, text: &str, min_english: u64, min_population: u64) {
        let not_places: Vec<String> = file_text("resolve/not-places.txt")
            .unwrap_or("")
            .lines()
            .chain(file_text("resolve/not-city-actors.txt").unwrap_or("").lines())
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(|l| l.trim().to_ascii_uppercase())
            .collect();
        let (header, rows, errors) = tsv::parse(text);
        self.table_errors(file, errors);
        let known: rustc_hash::FxHashSet<Vec<Word>> = self.actor_phrases.iter().map(|(p, _)| p.clone()).collect();
        // A name shared by several cities names the most populous one
        // (`Los Angeles` is not the Chilean town, whatever the file order).
        let mut largest: rustc_hash::FxHashMap<&str, u64> = rustc_hash::FxHashMap::default();
        for row in tsv::rows(&header, &rows) {
            let population: u64 = row.get("population").parse().unwrap_or(0);
            let entry = largest.entry(row.get("ascii")).or_insert(0);
            *entry = (*entry).max(population);
        }
        let mut named: rustc_hash::FxHashSet<&str> = rustc_hash::FxHashSet::default();
        for row in tsv::rows(&header, &rows) {
            let population: u64 = row.get("population").parse().unwrap_or(0);
            let code = row.get("cameo");
            let name = row.get("ascii");
            // Town names of English-speaking countries are also English words
            // and surnames (`Surprise`, `Warren`, `Norman`): those need a
            // higher floor before they are taken for actors.
            let floor = if matches!(code, "USA" | "GBR" | "CAN" | "AUS" | "NZL" | "IRL") {
                min_english
            } else {
                min_population
            };
            if population < floor || code.len() != 3 || name.is_empty() {
                continue;
            }
            if population < largest.get(name).copied().unwrap_or(0) || !named.insert(name) {
                continue;
            }
            if not_places.iter().any(|n| n.eq_ignore_ascii_case(name)) {
                continue;
            }
            let words = dyad_segment::phrase_words(name);
            let terms: Vec<Word> = words.iter().map(|w| self.vocab.intern(w)).collect();
            if terms.is_empty() || known.contains(&terms) {
                continue;
            }
            let loc = Loc {
                file,
                line: row.line as u32,
            };
            let schedule = CodeSchedule {
                dated: Vec::new(),
                default: Some(ActorCode::Codes(vec![code.into()])),
            };
            let actor = self.new_actor(row.get("name"), schedule, ActorKind::Place, loc);
            self.add_actor_phrase(terms.clone(), actor);
            // `New York City` is `New York` in copy (and `York` alone is
            // another city): the short form names the city too, unless
            // it names something else (`Mexico City` / `Mexico`).
            if words.len() > 2 && words.last().is_some_and(|w| w == "CITY") {
                let short = terms[..terms.len() - 1].to_vec();
                if !known.contains(&short) {
                    self.add_actor_phrase(short, actor);
                }
            }
        }
    }

    /// Tables of `phrase`/`name` (+ `aliases`) and `code`.
    pub(crate) fn read_simple_actors(
        &mut self,
        file: u32,
        text: &str,
        name_col: &str,
        aliases: Option<&str>,
        kind: ActorKind,
    ) {
        let (header, rows, errors) = tsv::parse(text);
        self.table_errors(file, errors);
        for row in tsv::rows(&header, &rows) {
            let loc = Loc {
                file,
                line: row.line as u32,
            };
            let name = row.get(name_col);
            let code = row.get("code");
            if name.is_empty() || code.is_empty() {
                self.warn(loc, format!("expected a {name_col} and a code"));
                continue;
            }
            let schedule = CodeSchedule {
                dated: Vec::new(),
                default: Some(ActorCode::parse(code)),
            };
            let actor = self.new_actor(name, schedule, kind, loc);
            self.add_phrase_text(name, actor);
            if let Some(col) = aliases {
                for p in row.list(col) {
                    self.add_phrase_text(p, actor);
                }
            }
        }
    }

    /// `actors/people*.tsv`: one row per role; rows with the same name are
    /// one person. Outside every role the person codes as the country of the
    /// latest role plus `ELI`.
    pub(crate) fn read_people(&mut self, file: u32, text: &str) {
        let (header, rows, errors) = tsv::parse(text);
        self.table_errors(file, errors);
        let mut by_name: FxHashMap<String, usize> = self
            .people
            .iter()
            .enumerate()
            .map(|(i, p)| (p.name.to_string(), i))
            .collect();
        for row in tsv::rows(&header, &rows) {
            let loc = Loc {
                file,
                line: row.line as u32,
            };
            let name = row.get("name");
            let code = row.get("code");
            if name.is_empty() || code.is_empty() {
                self.warn(loc, "expected a name and a code");
                continue;
            }
            let start = row.get("start");
            let end = row.get("end");
            let start_date = if start.is_empty() {
                None
            } else {
                partial_date(start, false)
            };
            let end_date = if end.is_empty() { None } else { partial_date(end, true) };
            if (!start.is_empty() && start_date.is_none()) || (!end.is_empty() && end_date.is_none()) {
                self.warn(
                    loc,
                    format!("expected dates YYYY-MM-DD (or YYYY-MM, YYYY), found {start:?} {end:?}"),
                );
                continue;
            }
            let person = match by_name.get(name) {
                Some(&p) => p,
                None => {
                    let actor = self.new_actor(name, CodeSchedule::default(), ActorKind::Person, loc);
                    self.add_phrase_text(name, actor);
                    self.people.push(Person {
                        actor,
                        name: name.into(),
                        gender: row.get("gender").into(),
                        roles: Vec::new(),
                    });
                    by_name.insert(name.to_string(), self.people.len() - 1);
                    self.people.len() - 1
                }
            };
            let actor = self.people[person].actor;
            for alias in row.list("aliases") {
                let words = dyad_segment::phrase_words(alias);
                let terms: Vec<Word> = words.iter().map(|w| self.vocab.intern(w)).collect();
                if !self.actor_phrases.iter().any(|(p, a)| *a == actor && *p == terms) {
                    self.add_actor_phrase(terms, actor);
                }
            }
            let range = match (start_date, end_date) {
                (Some(s), Some(e)) => Some(DateRange::Between(s, e)),
                (Some(s), None) => Some(DateRange::After(s)),
                (None, Some(e)) => Some(DateRange::Before(e)),
                (None, None) => None,
            };
            let codes = ActorCode::Codes(vec![code.into()]);
            let schedule = &mut self.actors[actor as usize].codes;
            match range {
                Some(r) => schedule.dated.push((r, codes)),
                None => schedule.default = Some(codes),
            }
            self.people[person].roles.push(Role {
                code: code.into(),
                start: start_date,
                end: end_date,
                title: row.get("role").into(),
            });
        }
        // Defaults: the country of the latest role, as an elite.
        for p in &self.people {
            let actor = &mut self.actors[p.actor as usize];
            if actor.codes.default.is_some() {
                continue;
            }
            let latest = p.roles.iter().max_by_key(|r| r.start);
            if let Some(r) = latest {
                let country = &r.code[..3.min(r.code.len())];
                let is_country = !matches!(country, "IGO" | "NGO" | "IMG" | "MNC" | "NGM");
                if is_country {
                    actor.codes.default = Some(ActorCode::Codes(vec![format!("{country}ELI").into()]));
                }
            }
        }
    }
}

/// A CAMEO event code's meaning.
#[derive(Clone, Debug, PartialEq)]
pub struct EventInfo {
    pub name: Box<str>,
    pub goldstein: f64,
    pub quad_class: u8,
    pub penta_class: u8,
    pub description: Box<str>,
}

/// A CAMEO code's PLOVER correspondence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plover {
    pub event: Box<str>,
    pub mode: Box<str>,
    pub context: Vec<Box<str>>,
}

/// The CAMEO code table and the CAMEO-to-PLOVER mapping.
#[derive(Clone, Debug, Default)]
pub struct Ontology {
    pub events: FxHashMap<Box<str>, EventInfo>,
    pub plover: FxHashMap<Box<str>, Plover>,
}

impl Ontology {
    /// The built-in tables (`data/cameo/events.tsv`, `data/cameo/plover.tsv`).
    pub fn builtin() -> Ontology {
        let mut o = Ontology::default();
        if let Some(text) = file_text("cameo/events.tsv") {
            let (header, rows, _) = tsv::parse(text);
            for row in tsv::rows(&header, &rows) {
                o.events.insert(
                    row.get("code").into(),
                    EventInfo {
                        name: row.get("name").into(),
                        goldstein: row.get("goldstein").parse().unwrap_or(0.0),
                        quad_class: row.get("quad_class").parse().unwrap_or(0),
                        penta_class: row.get("penta_class").parse().unwrap_or(0),
                        description: row.get("description").into(),
                    },
                );
            }
        }
        if let Some(text) = file_text("cameo/plover.tsv") {
            let (header, rows, _) = tsv::parse(text);
            for row in tsv::rows(&header, &rows) {
                o.plover.insert(
                    row.get("cameo").into(),
                    Plover {
                        event: row.get("event").into(),
                        mode: row.get("mode").into(),
                        context: row.list("context").map(Into::into).collect(),
                    },
                );
            }
        }
        o
    }

    /// The meaning of a code; unknown sub-codes fall back to their parent
    /// (`1823` -> `182` -> `18`).
    pub fn event(&self, code: &str) -> Option<&EventInfo> {
        let mut c = code;
        loop {
            if let Some(e) = self.events.get(c) {
                return Some(e);
            }
            if c.len() <= 2 {
                return None;
            }
            c = &c[..c.len() - 1];
        }
    }

    pub fn plover(&self, code: &str) -> Option<&Plover> {
        let mut c = code;
        loop {
            if let Some(p) = self.plover.get(c) {
                return Some(p);
            }
            if c.len() <= 2 {
                return None;
            }
            c = &c[..c.len() - 1];
        }
    }

    /// Every CAMEO event code.
    pub fn codes(&self) -> Vec<&str> {
        self.events.keys().map(|k| k.as_ref()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates() {
        assert_eq!(partial_date("2024-02", true), Date::new(2024, 2, 29).ok());
        assert_eq!(partial_date("2024-02", false), Date::new(2024, 2, 1).ok());
        assert_eq!(partial_date("2019", true), Date::new(2019, 12, 31).ok());
        assert_eq!(partial_date("2019-13", true), None);
    }

    #[test]
    fn ontology_has_every_root_and_fallbacks() {
        let o = Ontology::builtin();
        for root in 1..=20 {
            let code = format!("{root:02}");
            assert!(o.event(&code).is_some(), "root {code}");
        }
        let e = o.event("190").unwrap();
        assert_eq!(e.quad_class, 4);
        assert!(e.goldstein < 0.0);
        assert_eq!(o.event("0421").map(|e| e.quad_class), Some(1));
        assert!(o.plover("190").is_some());
    }

    #[test]
    fn builtin_countries_capitals_and_people() {
        let d = Dictionaries::builtin();
        let c = d.compile();
        let code = |p: &str, date: &str| {
            c.lookup(&d, p, dyad_doc::parse_date(date))
                .first()
                .map(|h| h.code.clone())
        };
        assert_eq!(code("Iranians", "2020-01-01"), Some("IRN".into()));
        assert_eq!(code("Moscow", "2020-01-01"), Some("RUSGOV".into()));
        assert_eq!(
            code("the Kremlin", "2020-01-01").or(code("Kremlin", "2020-01-01")),
            Some("RUSGOV".into())
        );
        assert_eq!(code("Vladimir Putin", "2020-01-01"), Some("RUSGOV".into()));
        assert_eq!(code("Barack Obama", "2012-06-01"), Some("USAGOV".into()));
        assert_eq!(code("Barack Obama", "2019-06-01"), Some("USAELI".into()));
        // `New York City` is also `New York`; `Mexico City` leaves `Mexico`
        // to the country.
        assert_eq!(code("New York", "2020-01-01"), Some("USA".into()));
        assert_eq!(code("Mexico", "2020-01-01"), Some("MEX".into()));
    }

    #[test]
    fn cities_above_the_floor_are_actors_by_their_most_populous_namesake() {
        let d = Dictionaries::builtin();
        let c = d.compile();
        let code = |p: &str| {
            c.lookup(&d, p, dyad_doc::parse_date("2024-01-01"))
                .first()
                .map(|h| h.code.clone())
        };
        // Towns of 100,000 to 150,000 outside English-speaking countries.
        assert_eq!(code("Rafah"), Some("PSE".into()));
        assert_eq!(code("Melitopol"), Some("UKR".into()));
        // A name shared with a small Chilean town is the larger city.
        assert_eq!(code("Los Angeles"), Some("USA".into()));
        // English-speaking towns of that size, and names listed as mostly
        // something else, are no actors.
        assert_eq!(code("Warren"), None);
        assert_eq!(code("Virginia"), None);
    }
}
