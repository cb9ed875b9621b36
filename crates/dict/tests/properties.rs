//! Arbitrary bytes in a dictionary never panic a reader.

use dyad_dict::{Dialect, Dictionaries, Kind};
use proptest::prelude::*;

fn read_all(text: &str) {
    for kind in [
        Kind::Verbs,
        Kind::Actors,
        Kind::Agents,
        Kind::Discards,
        Kind::Issues,
        Kind::Options,
    ] {
        for dialect in [Dialect::Tabari, Dialect::Petrarch] {
            let mut d = Dictionaries::new();
            d.add_text("fuzz", text, kind, dialect);
            d.finish();
            let c = d.compile();
            let _ = c.lookup(&d, "Arnor attacked Gondor", None);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        read_all(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn dictionary_like_lines(text in "((---|-|\\+|&|~|!|<!--|\\[|\\{|\\t)?[A-Z_ *$+%^&{}\\[\\]|:<>0-9!~-]{0,30}\n){0,12}") {
        read_all(&text);
    }
}
