//! `dyad ingest` and the database commands end to end: idempotency, crash
//! safety under `kill -9`, bad input in the middle of a batch, and the
//! query commands on a real ingest.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use dyad_store::Store;

/// A small verbs dictionary for the test corpus, so that these tests do not
/// depend on the contents of the built-in verb files.
fn test_verbs() -> String {
    let path = std::env::temp_dir().join(format!("dyad-store-cli-{}.verbs.txt", std::process::id()));
    let text = "--- ATTACK [190] ---\nATTACK\nSHELL {SHELLS SHELLED SHELLING}\n\n--- ACCUSE [112] ---\nACCUSE\n\n--- VISIT [042:043] ---\nVISIT\n\n--- PRAISE [051] ---\nPRAISE\n";
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

fn dyad(args: &[&str]) -> (i32, String, String) {
    let verbs = test_verbs();
    let mut all: Vec<&str> = args.to_vec();
    if args.first() == Some(&"ingest") {
        all.splice(1..1, ["--add-dict", verbs.as_str()]);
    }
    let out = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(&all)
        .stdin(Stdio::null())
        .output()
        .expect("run dyad");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dyad-store-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const SENTENCES: &[&str] = &[
    "Russian forces attacked Ukrainian positions near Kharkiv on Monday.",
    "Iran accused Israel of sabotage at a nuclear site.",
    "The Turkish foreign minister visited Baku for talks.",
    "China praised Pakistan for its cooperation.",
    "Kabul accused Pakistani forces of shelling villages in Nangarhar province.",
];

const OUTLETS: [&str; 3] = ["Reuters", "AP", "AFP"];

/// `n` JSON-lines documents with ids `d0..`, each of two or three sentences.
fn corpus(dir: &Path, n: usize, bad_at: Option<usize>) -> PathBuf {
    let path = dir.join("in.jsonl");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    for i in 0..n {
        if Some(i) == bad_at {
            writeln!(f, "{{\"id\":\"bad-{i}\",\"date\":\"2024-01-01\"}}").unwrap();
            continue;
        }
        let text = format!(
            "{} {} {}",
            SENTENCES[i % SENTENCES.len()],
            SENTENCES[(i / 5) % SENTENCES.len()],
            if i % 3 == 0 {
                SENTENCES[(i + 2) % SENTENCES.len()]
            } else {
                ""
            }
        );
        let line = serde_json::json!({
            "id": format!("d{i}"),
            "date": format!("2024-0{}-1{}", 1 + i % 6, i % 10),
            "source": OUTLETS[i % 3],
            "text": text,
        });
        writeln!(f, "{line}").unwrap();
    }
    path
}

fn info(db: &Path) -> serde_json::Value {
    let (code, out, err) = dyad(&["db", "info", "--format", "json", "--db", db.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let mut v: serde_json::Value = serde_json::from_str(&out).unwrap();
    v.as_object_mut().unwrap().remove("bytes");
    v
}

#[test]
fn ingesting_twice_gives_identical_counts() {
    let dir = scratch("twice");
    let input = corpus(&dir, 60, None);
    let db = dir.join("t.db");
    let args = ["ingest", "--db", db.to_str().unwrap(), input.to_str().unwrap()];
    let (code, _, err) = dyad(&args);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("60 documents stored"), "{err}");
    let first = info(&db);
    assert!(first["events"].as_u64().unwrap() > 0, "{first}");
    let (code, _, err) = dyad(&args);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("0 documents stored, 60 already present"), "{err}");
    assert_eq!(info(&db), first);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_bad_document_in_the_middle_is_reported_and_the_rest_stored() {
    let dir = scratch("bad");
    let input = corpus(&dir, 30, Some(12));
    let db = dir.join("t.db");
    let (code, _, err) = dyad(&[
        "ingest",
        "--batch",
        "8",
        "--db",
        db.to_str().unwrap(),
        input.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "errors give exit status 1");
    assert!(err.contains("in.jsonl:13") && err.contains("bad-12"), "{err}");
    assert!(err.contains("29 documents stored") && err.contains("1 errors"), "{err}");
    let store = Store::open(&db).unwrap();
    assert!(store.contains("d11").unwrap() && store.contains("d13").unwrap());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn kill_9_mid_ingest_loses_nothing_committed_and_a_rerun_completes_it() {
    let dir = scratch("kill");
    let n = 3000;
    let input = corpus(&dir, n, None);
    let db = dir.join("t.db");
    let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(["ingest", "--report-commits", "--batch", "10", "--jobs", "2"])
        .args(["--add-dict", &test_verbs()])
        .args(["--db", db.to_str().unwrap(), input.to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut committed: Vec<String> = Vec::new();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut batches = 0;
    while let Some(Ok(line)) = lines.next() {
        let ids = line.strip_prefix("committed ").expect("a commit report");
        committed.extend(ids.split(' ').map(String::from));
        batches += 1;
        if batches == 5 {
            break;
        }
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    assert_eq!(batches, 5, "the ingest ended before it could be killed");
    {
        let store = Store::open(&db).unwrap();
        store.integrity_check().unwrap();
        for id in &committed {
            assert!(
                store.contains(id).unwrap(),
                "{id} was reported committed but is missing"
            );
        }
        let stored = store.info().unwrap().documents as usize;
        assert!(
            stored >= committed.len() && stored < n,
            "{stored} documents after the kill"
        );
    }
    let (code, _, err) = dyad(&["ingest", "--db", db.to_str().unwrap(), input.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let resumed = info(&db);
    assert_eq!(resumed["documents"], n);
    // The same input ingested in one go gives the same database.
    let clean = dir.join("clean.db");
    let (code, _, err) = dyad(&["ingest", "--db", clean.to_str().unwrap(), input.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(resumed, info(&clean));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn query_commands_read_an_ingested_database() {
    let dir = scratch("query");
    let input = corpus(&dir, 40, None);
    let db = dir.join("t.db");
    let dbs = db.to_str().unwrap();
    assert_eq!(dyad(&["ingest", "--db", dbs, input.to_str().unwrap()]).0, 0);
    let (code, out, err) = dyad(&["events", "--db", dbs, "--format", "jsonl"]);
    assert_eq!(code, 0, "{err}");
    let events: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(!events.is_empty());
    let total: u64 = events.iter().map(|e| e["num_mentions"].as_u64().unwrap()).sum();
    assert_eq!(total, info(&db)["mentions"].as_u64().unwrap());
    let doc = events[0]["doc"].as_str().unwrap();
    let (code, out, _) = dyad(&["show", "--db", dbs, "--format", "jsonl", doc]);
    assert_eq!(code, 0);
    assert!(out.starts_with("{\"kind\":\"document\""), "{out}");
    for args in [
        vec!["series", "--db", dbs, "RUS", "UKR", "--by", "month", "--format", "csv"],
        vec!["network", "--db", dbs, "--format", "jsonl"],
        vec!["quotes", "--db", dbs],
        vec!["events", "--db", dbs, "--text", "Kharkiv", "--limit", "3"],
    ] {
        let (code, _, err) = dyad(&args);
        assert_eq!(code, 0, "{args:?}: {err}");
    }
    for format in ["jsonl", "csv", "gdelt", "phoenix", "plover"] {
        let out = dir.join(format!("x.{format}"));
        let (code, _, err) = dyad(&["export", "--db", dbs, "--format", format, "-o", out.to_str().unwrap()]);
        assert_eq!(code, 0, "{format}: {err}");
        assert!(std::fs::metadata(&out).unwrap().len() > 0);
    }
    let (code, _, err) = dyad(&["events", "--db", dir.join("none.db").to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("no database"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}
