//! The API through a real server on a loopback port: status codes, JSON
//! errors, limits, bad input, unknown routes, ingest permissions.

mod common;

use std::sync::OnceLock;
use std::time::Duration;

use common::{fill_from_examples, temp_dir, TestServer};
use dyad_serve::Config;

/// The body limit of the shared test server.
const LIMIT: usize = 64 * 1024;

/// One server over a database filled from examples/, shared by the read-only tests.
fn server() -> &'static TestServer {
    static S: OnceLock<TestServer> = OnceLock::new();
    S.get_or_init(|| {
        let db = temp_dir("api").join("examples.db");
        fill_from_examples(&db);
        TestServer::start(Config {
            db: Some(db),
            max_body: LIMIT,
            ..Config::default()
        })
    })
}

const ARTICLE: &str = "MOSCOW, Jan 10 (Reuters) - Russian Foreign Minister Sergei Lavrov met Chinese Foreign \
Minister Wang Yi in Beijing on Tuesday. \"We will strengthen our partnership,\" Lavrov said.";

#[test]
fn health_reports_the_settings() {
    let r = server().get("/health");
    assert_eq!(r.status, 200);
    let j = r.json();
    assert_eq!(
        (j["status"].as_str(), j["database"].as_bool(), j["ingest"].as_bool()),
        (Some("ok"), Some(true), Some(false))
    );
}

#[test]
fn code_returns_the_records_of_dyad_code_for_plain_text() {
    let r = server().post(
        "/api/code?mentions=true&date=2024-01-10",
        "text/plain; charset=utf-8",
        ARTICLE.as_bytes(),
    );
    assert_eq!(r.status, 200, "{}", r.body);
    let j = r.json();
    let records = j["records"].as_array().unwrap();
    assert_eq!(records[0]["kind"], "document");
    assert_eq!(records[0]["published"], "2024-01-10");
    let actors: Vec<&str> = records
        .iter()
        .filter(|r| r["kind"] == "mention" && r["type"] == "actor")
        .map(|r| r["text"].as_str().unwrap())
        .collect();
    assert!(actors.iter().any(|a| a.contains("Lavrov")), "{actors:?}");
    // Every mention span slices the text it names.
    for m in records.iter().filter(|r| r["kind"] == "mention") {
        let (s, e) = (
            m["start"].as_u64().unwrap() as usize,
            m["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&ARTICLE[s..e], m["text"].as_str().unwrap());
    }
}

#[test]
fn code_reads_a_json_document_and_answers_json_lines_on_request() {
    let body = serde_json::json!({"id": "doc-7", "title": "Talks", "date": "2024-05-01", "text": ARTICLE}).to_string();
    let r = server().post("/api/code?format=jsonl", "application/json", body.as_bytes());
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.header("content-type"), Some("application/x-ndjson"));
    let first: serde_json::Value = serde_json::from_str(r.body.lines().next().unwrap()).unwrap();
    assert_eq!(
        (first["kind"].as_str(), first["doc"].as_str()),
        (Some("document"), Some("doc-7"))
    );
    assert!(r
        .body
        .lines()
        .all(|l| serde_json::from_str::<serde_json::Value>(l).is_ok()));
}

#[test]
fn malformed_json_is_a_400_with_the_position() {
    let r = server().post("/api/code", "application/json", b"{\"text\": \"a\",\n  oops}");
    assert_eq!(r.status, 400);
    assert_eq!(r.error_code(), "bad_json");
    assert!(
        r.json()["error"]["message"].as_str().unwrap().contains("line 2"),
        "{}",
        r.body
    );
}

#[test]
fn a_json_document_without_text_is_a_422_naming_it() {
    let r = server().post("/api/code", "application/json", br#"{"id": "x1", "title": "no text"}"#);
    assert_eq!(r.status, 422, "{}", r.body);
    let m = r.json()["error"]["message"].as_str().unwrap().to_string();
    assert!(m.contains("x1") && m.contains("text"), "{m}");
}

#[test]
fn a_bad_document_in_an_array_does_not_lose_the_others() {
    let body = br#"[{"id":"ok","text":"Russia criticized Ukraine."},{"id":"bad","date":"soon","text":"x"}]"#;
    let r = server().post("/api/code", "application/json", body);
    assert_eq!(r.status, 200, "{}", r.body);
    let j = r.json();
    assert_eq!(j["records"][0]["doc"], "ok");
    assert_eq!(j["errors"][0]["document"], 2);
    assert_eq!(j["errors"][0]["id"], "bad");
}

#[test]
fn an_empty_body_is_a_400() {
    let r = server().post("/api/code", "text/plain", b"   ");
    assert_eq!((r.status, r.error_code().as_str()), (400, "empty_body"));
}

#[test]
fn an_oversized_body_is_a_413_json_error() {
    let big = vec![b'a'; LIMIT + 1];
    let r = server().post("/api/code", "text/plain", &big);
    assert_eq!(r.status, 413, "{}", r.body);
    assert_eq!(r.error_code(), "payload_too_large");
}

#[test]
fn an_oversized_chunked_body_is_a_413_too() {
    let mut body = Vec::new();
    for _ in 0..20 {
        body.extend_from_slice(format!("{:x}\r\n", 8192).as_bytes());
        body.extend(std::iter::repeat_n(b'a', 8192));
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(b"0\r\n\r\n");
    let r = server().request(
        "POST",
        "/api/code",
        &[("Content-Type", "text/plain"), ("Transfer-Encoding", "chunked")],
        &body,
    );
    assert_eq!(r.status, 413, "{}", r.body);
    assert_eq!(r.error_code(), "payload_too_large");
}

#[test]
fn unknown_routes_are_404_json_on_the_api_and_html_elsewhere() {
    let r = server().get("/api/nothing/here");
    assert_eq!((r.status, r.error_code().as_str()), (404, "not_found"));
    assert!(r.body.contains("/api/nothing/here"));
    let r = server().get("/no-such-page");
    assert_eq!(r.status, 404);
    assert!(r.header("content-type").unwrap().starts_with("text/html"));
}

#[test]
fn a_wrong_method_is_a_405() {
    let r = server().request("DELETE", "/api/events", &[], b"");
    assert_eq!((r.status, r.error_code().as_str()), (405, "method_not_allowed"));
    let r = server().get("/api/code");
    assert_eq!(r.status, 405);
}

#[test]
fn events_are_filtered_and_bad_filters_are_400s() {
    let all = server().get("/api/events?limit=1000").json();
    let n = all["count"].as_u64().unwrap();
    assert_eq!(n as usize, all["events"].as_array().unwrap().len());
    let one = server().get("/api/events?limit=1").json();
    assert!(one["count"].as_u64().unwrap() <= 1);
    // A QuadClass filter keeps only that class.
    for e in server().get("/api/events?quad=3").json()["events"].as_array().unwrap() {
        assert_eq!(e["quad_class"], 3);
    }
    // Empty parameters (a submitted empty form field) mean "not given".
    assert_eq!(
        server().get("/api/events?actor=&limit=1000").json()["count"].as_u64(),
        Some(n)
    );
    for (query, code) in [
        ("quad=7", "bad_parameter"),
        ("quad=x", "bad_parameter"),
        ("limit=99999999", "bad_parameter"),
        ("since=yesterday", "bad_filter"),
    ] {
        let r = server().get(&format!("/api/events?{query}"));
        assert_eq!((r.status, r.error_code().as_str()), (400, code), "{query}: {}", r.body);
    }
}

#[test]
fn series_network_quotes_and_documents_answer() {
    let r = server().get("/api/series?source=AFG&target=PAK&by=month&both=true");
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.json()["series"].is_array());
    let r = server().get("/api/series?source=AFG");
    assert_eq!((r.status, r.error_code().as_str()), (400, "missing_parameter"));
    let r = server().get("/api/series?source=A&target=B&by=fortnight");
    assert_eq!(r.status, 400);
    let r = server().get("/api/network?by=actor&min=1");
    assert_eq!(r.status, 200);
    for e in r.json()["edges"].as_array().unwrap() {
        assert!(e["events"].as_i64().unwrap() >= 1);
    }
    let quotes = server().get("/api/quotes?speaker=Bayramov").json();
    let quotes = quotes["quotes"].as_array().unwrap();
    assert!(!quotes.is_empty());
    assert!(quotes
        .iter()
        .all(|q| q["speaker"]["name"].as_str().unwrap().contains("Bayramov")));
    let doc = quotes[0]["doc"].as_str().unwrap();
    let r = server().get(&format!("/api/documents/{doc}"));
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["document"]["doc"].as_str(), Some(doc));
    let r = server().get("/api/documents/no-such-doc");
    assert_eq!((r.status, r.error_code().as_str()), (404, "not_found"));
}

#[test]
fn the_openapi_document_describes_every_api_route() {
    let r = server().get("/api/openapi.json");
    assert_eq!(r.status, 200);
    let j = r.json();
    let paths = j["paths"].as_object().unwrap();
    for p in [
        "/health",
        "/api/code",
        "/api/ingest",
        "/api/events",
        "/api/series",
        "/api/network",
        "/api/quotes",
        "/api/documents/{id}",
    ] {
        assert!(paths.contains_key(p), "{p} missing");
    }
}

#[test]
fn ingest_is_refused_unless_allowed() {
    let r = server().post("/api/ingest", "text/plain", ARTICLE.as_bytes());
    assert_eq!((r.status, r.error_code().as_str()), (403, "ingest_disabled"));
}

#[test]
fn ingest_needs_the_token_and_is_idempotent() {
    let db = temp_dir("ingest").join("new.db");
    let s = TestServer::start(Config {
        db: Some(db),
        allow_ingest: true,
        token: Some("s3cret".into()),
        max_body: LIMIT,
        ..Config::default()
    });
    let body = format!(
        "{}\n{}\n",
        serde_json::json!({"id": "a1", "date": "2024-01-10", "text": ARTICLE}),
        serde_json::json!({"id": "a2", "date": "2024-01-11", "text": "Kabul accused Pakistani forces of shelling villages."})
    );
    let r = s.post("/api/ingest", "application/x-ndjson", body.as_bytes());
    assert_eq!((r.status, r.error_code().as_str()), (401, "unauthorized"));
    assert_eq!(r.header("www-authenticate"), Some("Bearer"));
    let wrong = [
        ("Content-Type", "application/x-ndjson"),
        ("Authorization", "Bearer nope"),
    ];
    assert_eq!(s.request("POST", "/api/ingest", &wrong, body.as_bytes()).status, 401);
    let auth = [
        ("Content-Type", "application/x-ndjson"),
        ("Authorization", "Bearer s3cret"),
    ];
    let r = s.request("POST", "/api/ingest", &auth, body.as_bytes());
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.json()["stored"], serde_json::json!(["a1", "a2"]));
    let again = s.request("POST", "/api/ingest", &auth, body.as_bytes()).json();
    assert_eq!(
        (again["stored"].as_array().unwrap().len(), again["skipped"].as_u64()),
        (0, Some(2))
    );
    assert_eq!(s.get("/api/documents/a1").status, 200);
}

#[test]
fn without_a_database_store_routes_are_503_and_coding_still_works() {
    let s = TestServer::start(Config::default());
    let r = s.get("/api/events");
    assert_eq!((r.status, r.error_code().as_str()), (503, "no_database"));
    assert_eq!(s.post("/api/code", "text/plain", ARTICLE.as_bytes()).status, 200);
}

#[test]
fn a_request_past_its_deadline_is_a_503_timeout() {
    let s = TestServer::start(Config {
        timeout: Duration::from_millis(1),
        ..Config::default()
    });
    let long = ARTICLE.repeat(200);
    let r = s.post("/api/code", "text/plain", long.as_bytes());
    assert_eq!((r.status, r.error_code().as_str()), (503, "timeout"), "{}", r.body);
}

#[test]
fn the_pages_render_without_javascript() {
    let r = server().get("/");
    assert_eq!(r.status, 200);
    assert!(r.body.contains("<textarea"));
    let r = server().request(
        "POST",
        "/annotate",
        &[("Content-Type", "application/x-www-form-urlencoded")],
        format!(
            "text={}",
            ARTICLE.replace(' ', "+").replace('"', "%22").replace(',', "%2C")
        )
        .as_bytes(),
    );
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body.contains("<mark class=\"actor"), "{}", r.body);
    let r = server().get("/explore?quad=3");
    assert_eq!(r.status, 200);
    assert!(r.body.contains("<table id=\"events\""));
    let r = server().get("/explore?quad=9");
    assert_eq!(r.status, 400);
    let r = server().get("/quotes?speaker=Fidan");
    assert_eq!(r.status, 200);
    assert!(r.body.contains("Hakan Fidan"));
    let r = server().get("/assets/app.js");
    assert_eq!(
        (r.status, r.header("content-type")),
        (200, Some("text/javascript; charset=utf-8"))
    );
}
