//! The project's gold set (`tests/gold/sentences.tsv`), coded end to end by
//! `dyad eval gold`: the test reports precision and recall of (source,
//! target, code) and of (source country, target country, root), and fails
//! below the 0.85 the dictionaries are held to.

use std::process::Command;

/// The four figures of the report's last line, in order: exact precision
/// and recall, loose precision and recall.
fn figures(line: &str) -> Vec<f64> {
    line.split(|c: char| c.is_whitespace() || c == ';' || c == ',')
        .filter_map(|w| w.parse::<f64>().ok())
        .filter(|x| *x <= 1.0)
        .collect()
}

#[test]
fn the_gold_set_is_coded_at_0_85_or_better() {
    let gold = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/gold/sentences.tsv");
    let out = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(["eval", "gold", gold])
        .output()
        .expect("run dyad eval gold");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report = String::from_utf8(out.stdout).unwrap();
    let last = report.lines().last().expect("a report line");
    println!("{last}");
    let f = figures(last);
    assert_eq!(f.len(), 4, "{last}");
    for (name, value) in ["exact precision", "exact recall", "loose precision", "loose recall"]
        .iter()
        .zip(&f)
    {
        assert!(*value >= 0.85, "{name} {value} is below 0.85: {last}");
    }
}

#[test]
fn figures_are_read_from_the_report_line() {
    let line = "556 sentences: (source, target, code) precision 0.896 recall 0.865; \
                (source country, target country, root) precision 0.968 recall 0.936";
    assert_eq!(figures(line), [0.896, 0.865, 0.968, 0.936]);
}
