//! Every dictionary the field uses, from ../shared, loads with the counts an
//! independent count of the files gives. Skipped (with a message) when
//! ../shared is absent.

use std::path::PathBuf;

use dyad_dict::{Dictionaries, Severity};

fn shared() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    if p.join("dictionaries").is_dir() {
        Some(p)
    } else {
        eprintln!("../shared not present: skipping the published-dictionary tests");
        None
    }
}

fn load(files: &[&str]) -> Dictionaries {
    let base = shared().unwrap();
    let mut d = Dictionaries::new();
    for f in files {
        d.load(&base.join(f).to_string_lossy(), None, None).unwrap();
    }
    d.finish();
    d
}

fn count(d: &Dictionaries, name: &str) -> usize {
    d.counts()
        .into_iter()
        .find(|(n, _)| *n == name)
        .map(|(_, c)| c)
        .unwrap()
}

#[test]
fn phoenix_countries_primary_actors() {
    if shared().is_none() {
        return;
    }
    let d = load(&["dictionaries/Phoenix.Countries.actors.txt"]);
    // 18,390 primary entries (lines that are not synonyms, dates or comments).
    assert_eq!(count(&d, "actors"), 18_390);
    assert!(d.diagnostics.iter().all(|x| x.severity == Severity::Warning));
}

#[test]
fn cameo_verbpatterns() {
    if shared().is_none() {
        return;
    }
    let d = load(&["dictionaries/CAMEO.verbpatterns.150430.txt"]);
    // 11,407 lines start with '-': 396 block headers and 11,011 patterns, of
    // which 5 are skipped with located warnings (undefined synsets, two '*').
    assert_eq!(count(&d, "verb blocks"), 396);
    let warned = d.diagnostics.iter().filter(|x| x.message.contains("pattern")).count();
    assert_eq!(count(&d, "patterns") + warned, 11_011);
}

#[test]
fn cameo_2_0_petrarch2_format() {
    if shared().is_none() {
        return;
    }
    let d = load(&["dictionaries/CAMEO.2.0.txt"]);
    assert_eq!(count(&d, "verb blocks"), 397);
    assert_eq!(count(&d, "synsets"), 40);
    assert_eq!(count(&d, "transformations"), 8);
    // 4,668 patterns; three are skipped with warnings (no '*', undefined synsets).
    let skipped = d
        .diagnostics
        .iter()
        .filter(|x| x.message.contains("exactly one '*'") || x.message.contains("undefined synset"))
        .count();
    assert_eq!(count(&d, "patterns") + skipped, 4_668);
}

#[test]
fn every_published_file_loads() {
    let Some(base) = shared() else { return };
    for dir in ["dictionaries", "validation/petrarch", "validation/tabari"] {
        for entry in std::fs::read_dir(base.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            let name = path.to_string_lossy().to_string();
            if dyad_dict::Kind::guess(&name).is_none() {
                continue;
            }
            let mut d = Dictionaries::new();
            d.load(&name, None, None).unwrap_or_else(|e| panic!("{e}"));
            d.finish();
            for x in &d.diagnostics {
                assert!(x.line > 0 && x.file == name, "diagnostic without a location: {x}");
            }
        }
    }
}
