//! The word lists under `data/resolve/`, compiled into the binary and parsed
//! once: month, weekday, season and number words, relative expressions and
//! the words that put a clause in the future.

use rustc_hash::{FxHashMap, FxHashSet};

const MONTHS: &str = include_str!("../../../data/resolve/months.txt");
const WEEKDAYS: &str = include_str!("../../../data/resolve/weekdays.txt");
const RELATIVE: &str = include_str!("../../../data/resolve/relative.txt");
const NUMBERS: &str = include_str!("../../../data/resolve/numbers.txt");
const ORDINALS: &str = include_str!("../../../data/resolve/ordinals.txt");
const FUTURE: &str = include_str!("../../../data/resolve/future.txt");
const SEASONS: &str = include_str!("../../../data/resolve/seasons.txt");

/// The unit of a relative expression (`last week`: week, -1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Day,
    Week,
    Month,
    Quarter,
    Year,
}

/// What a relative phrase means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relative {
    /// `offset` units from the publication date.
    Offset(Unit, i32),
    /// A reference value (`PRESENT_REF`).
    Ref(&'static str),
}

/// A parsed word list entry.
pub struct Phrase {
    pub words: Vec<String>,
    pub meaning: Relative,
}

/// Every word list, keyed by normalized (upper-case) forms.
pub struct Lexicon {
    pub months: FxHashMap<String, i8>,
    pub weekdays: FxHashMap<String, i8>,
    pub seasons: FxHashMap<String, &'static str>,
    pub numbers: FxHashMap<String, i32>,
    pub ordinals: FxHashMap<String, i8>,
    pub future: FxHashSet<String>,
    pub phrases: Vec<Phrase>,
    /// Phrase indices by first word.
    pub phrase_index: FxHashMap<String, Vec<usize>>,
}

/// Lines of a list file without comments and blank lines, with their
/// 1-based line numbers.
fn lines(text: &'static str) -> impl Iterator<Item = (usize, Vec<&'static str>)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| (i + 1, l.split('\t').map(str::trim).collect()))
}

fn key(word: &str) -> String {
    word.to_uppercase()
}

/// Parse a `number<TAB>form<TAB>form...` file.
fn numbered(file: &str, text: &'static str) -> FxHashMap<String, i8> {
    let mut map = FxHashMap::default();
    for (line, cols) in lines(text) {
        let n: i8 = cols[0]
            .parse()
            .unwrap_or_else(|_| panic!("data/resolve/{file}:{line}: expected a number first"));
        for form in &cols[1..] {
            map.insert(key(form), n);
        }
    }
    map
}

/// Parse a `form<TAB>number` file.
fn valued<T: std::str::FromStr>(file: &str, text: &'static str) -> FxHashMap<String, T> {
    let mut map = FxHashMap::default();
    for (line, cols) in lines(text) {
        let n = cols
            .get(1)
            .and_then(|c| c.parse().ok())
            .unwrap_or_else(|| panic!("data/resolve/{file}:{line}: expected a word and a number"));
        map.insert(key(cols[0]), n);
    }
    map
}

impl Lexicon {
    /// Parse the built-in lists. The files are part of the binary and checked
    /// by the tests, so a malformed line is a build defect: it panics with
    /// `file:line`.
    pub fn builtin() -> Lexicon {
        let mut seasons = FxHashMap::default();
        for (_, cols) in lines(SEASONS) {
            let code: &'static str = cols[0];
            for form in &cols[1..] {
                seasons.insert(key(form), code);
            }
        }
        let mut phrases = Vec::new();
        let mut phrase_index: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for (line, cols) in lines(RELATIVE) {
            let bad = format!("data/resolve/relative.txt:{line}: expected phrase, unit (day, week, month, quarter, year, ref), offset");
            assert!(cols.len() == 3, "{bad}");
            let meaning = if cols[1] == "ref" {
                Relative::Ref(cols[2])
            } else {
                let unit = match cols[1] {
                    "day" => Unit::Day,
                    "week" => Unit::Week,
                    "month" => Unit::Month,
                    "quarter" => Unit::Quarter,
                    "year" => Unit::Year,
                    _ => panic!("{bad}"),
                };
                let offset: i32 = cols[2].trim_start_matches('+').parse().expect(&bad);
                Relative::Offset(unit, offset)
            };
            let words = dyad_segment::phrase_words(cols[0]);
            phrase_index.entry(words[0].clone()).or_default().push(phrases.len());
            phrases.push(Phrase { words, meaning });
        }
        Lexicon {
            months: numbered("months.txt", MONTHS),
            weekdays: numbered("weekdays.txt", WEEKDAYS),
            seasons,
            numbers: valued("numbers.txt", NUMBERS),
            ordinals: valued("ordinals.txt", ORDINALS),
            future: lines(FUTURE)
                .flat_map(|(_, cols)| dyad_segment::phrase_words(cols[0]))
                .collect(),
            phrases,
            phrase_index,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_lists_parse() {
        let l = Lexicon::builtin();
        assert_eq!(l.months.get("SEPT"), Some(&9));
        assert_eq!(l.weekdays.get("SUNDAY"), Some(&7));
        assert_eq!(l.numbers.get("TWO"), Some(&2));
        assert_eq!(l.ordinals.get("THIRD"), Some(&3));
        assert_eq!(l.seasons.get("AUTUMN"), Some(&"FA"));
        assert!(l.future.contains("WILL"));
        assert!(l.phrase_index["YESTERDAY"]
            .iter()
            .any(|&p| l.phrases[p].meaning == Relative::Offset(Unit::Day, -1)));
    }
}
