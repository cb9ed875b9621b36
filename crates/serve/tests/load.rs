//! Load measurement (ignored by default; run in release):
//!
//! ```text
//! cargo test --release -p dyad-serve --test load -- --ignored --nocapture
//! ```
//!
//! 50 concurrent clients, each on a keep-alive connection, for a few
//! seconds per endpoint: `POST /api/code` with a 600-word article and
//! `GET /api/events` on a database filled from examples/. Prints requests/s
//! and latency percentiles, and fails on any non-200 answer.

mod common;

use std::sync::Arc;
use std::time::{Duration, Instant};

use common::{fill_from_examples, root, temp_dir, KeepAlive, TestServer};
use dyad_serve::Config;

const CLIENTS: usize = 50;

/// An article of 600 words from the example texts.
fn article() -> String {
    let mut texts = Vec::new();
    for name in ["baku-talks.txt", "border-clash.txt"] {
        texts.push(std::fs::read_to_string(root().join("examples").join(name)).unwrap());
    }
    for line in std::fs::read_to_string(root().join("examples/wire.jsonl"))
        .unwrap()
        .lines()
    {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        texts.push(v["text"].as_str().unwrap().to_string());
    }
    let words: Vec<&str> = texts
        .iter()
        .cycle()
        .take(20)
        .flat_map(|t| t.split_whitespace())
        .take(600)
        .collect();
    let mut a = words.join(" ");
    a.push('.');
    a
}

fn measure(server: &TestServer, name: &str, request: Vec<u8>, seconds: u64) {
    let request = Arc::new(request);
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let started = Instant::now();
    let threads: Vec<_> = (0..CLIENTS)
        .map(|_| {
            let request = Arc::clone(&request);
            let addr = server.addr;
            std::thread::spawn(move || {
                let mut conn = KeepAlive::connect(addr);
                let mut latencies = Vec::new();
                let mut errors = 0usize;
                while Instant::now() < deadline {
                    let t = Instant::now();
                    let status = conn.send(&request);
                    latencies.push(t.elapsed());
                    if status != 200 {
                        errors += 1;
                        conn = KeepAlive::connect(addr);
                    }
                }
                (latencies, errors)
            })
        })
        .collect();
    let mut all = Vec::new();
    let mut errors = 0;
    for t in threads {
        let (l, e) = t.join().unwrap();
        all.extend(l);
        errors += e;
    }
    let elapsed = started.elapsed().as_secs_f64();
    all.sort();
    let pct = |p: f64| all[((all.len() as f64 * p) as usize).min(all.len() - 1)].as_secs_f64() * 1000.0;
    println!(
        "{name}: {} requests in {elapsed:.1} s with {CLIENTS} clients: {:.0} req/s, p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms, {errors} errors",
        all.len(),
        all.len() as f64 / elapsed,
        pct(0.50),
        pct(0.99),
        pct(1.0)
    );
    assert_eq!(errors, 0, "{name}: non-200 answers");
}

#[test]
#[ignore = "load measurement: run in release with --ignored --nocapture"]
fn load_code_and_events_with_50_clients() {
    let db = temp_dir("load").join("examples.db");
    fill_from_examples(&db);
    let server = TestServer::start(Config {
        db: Some(db),
        ..Config::default()
    });
    let seconds = std::env::var("DYAD_LOAD_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10);
    let article = article();
    println!(
        "article: {} words, {} bytes",
        article.split_whitespace().count(),
        article.len()
    );
    let mut code = format!(
        "POST /api/code HTTP/1.1\r\nHost: {}\r\nContent-Type: text/plain\r\nContent-Length: {}\r\n\r\n",
        server.addr,
        article.len()
    )
    .into_bytes();
    code.extend_from_slice(article.as_bytes());
    measure(&server, "POST /api/code (600 words)", code, seconds);
    let events = format!("GET /api/events?limit=100 HTTP/1.1\r\nHost: {}\r\n\r\n", server.addr).into_bytes();
    measure(&server, "GET /api/events", events, seconds);
}
