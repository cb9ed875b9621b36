//! `dyad segment` and `dyad annotate` end to end: output lines, bad input in a batch, exit status.

use std::io::Write;
use std::process::{Command, Stdio};

fn dyad(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run dyad");
    // dyad may exit before reading its input (a usage error): a broken
    // pipe here is not a failure of the test.
    let _ = child.stdin.take().unwrap().write_all(stdin);
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn segment_prints_one_json_line_per_sentence() {
    let (code, out, _) = dyad(&["segment", "-"], b"Gen. Ivanov met U.S. officials. They agreed.");
    assert_eq!(code, 0);
    let lines: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["text"], "Gen. Ivanov met U.S. officials.");
    assert_eq!(lines[1]["sentence"], 1);
    assert_eq!(lines[1]["start"], 32);
    assert_eq!(lines[1]["end"], 44);
}

#[test]
fn a_bad_line_in_a_batch_is_reported_and_the_rest_coded() {
    let input = b"{\"id\":\"a\",\"text\":\"First document.\"}\n{broken\n{\"id\":\"c\",\"text\":\"Third document.\"}\n";
    let (code, out, err) = dyad(&["segment", "--format", "jsonl", "-"], input);
    assert_eq!(code, 1, "a failed document makes the exit status non-zero");
    assert!(err.contains("-:2: malformed JSON"), "{err}");
    let docs: Vec<String> = out
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["doc"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(docs, ["a", "c"]);
}

#[test]
fn invalid_utf8_is_a_warning_not_a_failure() {
    let (code, out, err) = dyad(&["segment", "-"], b"Arnor \xff\xfe met Gondor.");
    assert_eq!(code, 0);
    assert!(err.contains("invalid UTF-8"), "{err}");
    assert_eq!(out.lines().count(), 1);
}

#[test]
fn a_missing_file_names_the_path() {
    let (code, _, err) = dyad(&["segment", "/no/such/article.txt"], b"");
    assert_eq!(code, 1);
    assert!(err.contains("/no/such/article.txt: cannot read file"), "{err}");
}

#[test]
fn a_bad_date_option_is_a_usage_error() {
    let (code, _, err) = dyad(&["segment", "--date", "yesterday", "-"], b"x");
    assert_eq!(code, 2);
    assert!(err.contains("--date"), "{err}");
}

#[test]
fn annotate_writes_null_for_a_date_it_cannot_resolve() {
    let text = b"Officials met on 12/01 in Paris. Talks resumed on Tuesday.";
    let (code, out, _) = dyad(&["annotate", "--date", "2024-03-07", "-"], text);
    assert_eq!(code, 0);
    let dates: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|r| r["type"] == "date")
        .collect();
    assert_eq!(dates.len(), 2, "{out}");
    assert_eq!(dates[0]["text"], "12/01");
    assert!(
        dates[0]["value"].is_null() && dates[0].get("value").is_some(),
        "{}",
        dates[0]
    );
    assert_eq!(dates[1]["value"], "2024-03-05");
    let places_have_no_value = out
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|r| r["type"] == "place")
        .all(|r| r.get("value").is_none());
    assert!(places_have_no_value, "{out}");
}
