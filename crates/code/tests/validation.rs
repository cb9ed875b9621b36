//! dyad's own validation records, in both the PETRARCH XML and the TABARI
//! project formats, must all pass. (The published suites under ../shared are
//! run by .ci/run with regression floors.)

use std::path::Path;

fn suite(name: &str) -> dyad_code::validate::Report {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/validation")
        .join(name);
    dyad_code::validate::run(&path).unwrap_or_else(|e| panic!("{e}"))
}

fn assert_all_pass(report: &dyad_code::validate::Report) {
    let failures: Vec<String> = report
        .records
        .iter()
        .filter(|r| !r.passed)
        .map(|r| format!("{}: expected {:?} got {:?}", r.id, r.expected, r.got))
        .collect();
    assert!(failures.is_empty(), "{failures:#?}");
    assert!(report.records.len() >= 9);
}

#[test]
fn petrarch_format_records_pass() {
    let report = suite("dyad.validation.xml");
    assert_eq!(report.records.len(), 14);
    assert_all_pass(&report);
}

#[test]
fn tabari_format_records_pass() {
    let report = suite("dyad.project");
    assert_eq!(report.records.len(), 9);
    assert_all_pass(&report);
}

#[test]
fn a_missing_suite_is_an_error_naming_the_file() {
    let err = dyad_code::validate::run(Path::new("/no/such/suite.xml")).unwrap_err();
    assert!(err.to_string().starts_with("/no/such/suite.xml: cannot read file"));
}
