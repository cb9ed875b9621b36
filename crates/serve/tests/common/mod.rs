//! Helpers shared by the server tests: a real server on a loopback port, a
//! database filled from the repository's examples, and a small HTTP/1.1
//! client on a plain TCP socket.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use dyad_pipeline::{Output, Pipeline};
use dyad_serve::{AppState, Config};
use dyad_store::{Dedup, Report, Store};

/// The built-in pipeline, built once per test binary.
pub fn pipeline() -> Arc<Pipeline> {
    static P: OnceLock<Arc<Pipeline>> = OnceLock::new();
    Arc::clone(P.get_or_init(|| Arc::new(Pipeline::builtin())))
}

/// The repository root (tests run in crates/serve).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A fresh directory under the system temp dir.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dyad-serve-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Fill a new database at `path` from every file of examples/, documents
/// without a date dated 2024-03-04. Returns the ids stored.
pub fn fill_from_examples(path: &Path) -> Vec<String> {
    let pipeline = pipeline();
    let options = dyad_ingest::Options {
        date: dyad_doc::parse_date("2024-03-04"),
        format: None,
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let mut reports = Vec::new();
    for file in files {
        for item in dyad_ingest::read_path(file.to_str().unwrap(), &options) {
            let doc = item.expect("the examples read without errors");
            let seg = dyad_segment::segment(&doc.text);
            let spans = seg.sentences.iter().map(|s| s.span.pair()).collect();
            let records = pipeline.process(&doc, Output { mentions: true });
            reports.push(Report::from_records(records, doc.text.clone(), spans).unwrap());
        }
    }
    let mut store = Store::open(path).unwrap();
    let outcome = store.write_batch(&reports, Dedup::Day { window: 0 }, 0).unwrap();
    assert!(outcome.errors.is_empty(), "{:?}", outcome.errors);
    outcome.stored
}

/// A server running on its own runtime thread until the test binary exits.
pub struct TestServer {
    pub addr: SocketAddr,
}

impl TestServer {
    /// Start a server with `config` (its address is replaced by a free loopback port).
    pub fn start(mut config: Config) -> TestServer {
        config.addr = SocketAddr::from(([127, 0, 0, 1], 0));
        let state = AppState::new(pipeline(), config).expect("state");
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(4)
                .enable_all()
                .build()
                .unwrap();
            runtime.block_on(async move {
                let (addr, serve) = dyad_serve::bind(Arc::new(state), std::future::pending()).await.unwrap();
                tx.send(addr).unwrap();
                serve.await.unwrap();
            });
        });
        TestServer {
            addr: rx.recv_timeout(Duration::from_secs(30)).expect("server started"),
        }
    }

    /// One request on a new connection (`Connection: close`).
    pub fn request(&self, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Response {
        let mut stream = TcpStream::connect(self.addr).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
        let mut head = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n",
            self.addr
        );
        for (k, v) in headers {
            head.push_str(&format!("{k}: {v}\r\n"));
        }
        if !headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("transfer-encoding")) {
            head.push_str(&format!("Content-Length: {}\r\n", body.len()));
        }
        head.push_str("\r\n");
        stream.write_all(head.as_bytes()).unwrap();
        // The server may answer (413) and close before the whole body is sent.
        let _ = stream.write_all(body);
        let mut raw = Vec::new();
        let _ = stream.read_to_end(&mut raw);
        Response::parse(&raw)
    }

    pub fn get(&self, path: &str) -> Response {
        self.request("GET", path, &[], b"")
    }

    pub fn post(&self, path: &str, content_type: &str, body: &[u8]) -> Response {
        self.request("POST", path, &[("Content-Type", content_type)], body)
    }
}

/// A parsed response.
#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Response {
    fn parse(raw: &[u8]) -> Response {
        let text = String::from_utf8_lossy(raw);
        let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
        let mut lines = head.lines();
        let status = lines
            .next()
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let headers: Vec<(String, String)> = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
            .collect();
        let body = if headers.iter().any(|(k, v)| k == "transfer-encoding" && v == "chunked") {
            dechunk(body)
        } else {
            body.to_string()
        };
        Response { status, headers, body }
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    /// The `code` of a JSON error body.
    pub fn error_code(&self) -> String {
        self.json()["error"]["code"].as_str().unwrap_or("").to_string()
    }
}

fn dechunk(body: &str) -> String {
    let mut out = String::new();
    let mut rest = body;
    while let Some((size, after)) = rest.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 || after.len() < n {
            break;
        }
        out.push_str(&after[..n]);
        rest = after[n..].trim_start_matches("\r\n");
    }
    out
}

/// A keep-alive connection for the load generator: sends a request and
/// reads one response (by Content-Length) without closing.
pub struct KeepAlive {
    reader: BufReader<TcpStream>,
    writer: TcpStream,
}

impl KeepAlive {
    pub fn connect(addr: SocketAddr) -> KeepAlive {
        let stream = TcpStream::connect(addr).unwrap();
        stream.set_nodelay(true).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
        KeepAlive {
            reader: BufReader::new(stream.try_clone().unwrap()),
            writer: stream,
        }
    }

    /// Send a pre-built request; return the status (0 on a broken connection).
    pub fn send(&mut self, request: &[u8]) -> u16 {
        if self.writer.write_all(request).is_err() {
            return 0;
        }
        let mut line = String::new();
        if self.reader.read_line(&mut line).unwrap_or(0) == 0 {
            return 0;
        }
        let status = line.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
        let mut length = 0usize;
        loop {
            line.clear();
            if self.reader.read_line(&mut line).unwrap_or(0) == 0 {
                return 0;
            }
            let l = line.trim_end();
            if l.is_empty() {
                break;
            }
            if let Some((k, v)) = l.split_once(':') {
                if k.eq_ignore_ascii_case("content-length") {
                    length = v.trim().parse().unwrap_or(0);
                }
            }
        }
        let mut body = vec![0u8; length];
        if self.reader.read_exact(&mut body).is_err() {
            return 0;
        }
        status
    }
}
