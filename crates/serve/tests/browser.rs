//! The page in a real browser: Debian's `chromium`, headless, on a server
//! over a database filled from examples/. Asserts on the DOM after the
//! script ran and saves screenshots under artifacts/ (gitignored). Skips
//! with a message when chromium is not installed (CI installs it).

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{fill_from_examples, root, temp_dir, TestServer};
use dyad_serve::Config;

fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    ["chromium", "chromium-browser"]
        .iter()
        .flat_map(|name| std::env::split_paths(&path).map(move |dir| dir.join(name)))
        .find(|p| p.is_file())
}

/// Run chromium headless on `url` with `extra` flags; its standard output.
fn run_chromium(bin: &Path, profile: &Path, url: &str, extra: &[&str]) -> String {
    let mut child = Command::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--virtual-time-budget=5000",
            "--window-size=1280,1000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(url)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = std::io::Read::read_to_string(&mut stdout, &mut s);
        s
    });
    let started = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if started.elapsed() > Duration::from_secs(90) {
            let _ = child.kill();
            panic!("chromium did not finish loading {url} in 90 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    reader.join().unwrap()
}

#[test]
fn the_annotate_and_explore_views_render_in_chromium() {
    let Some(bin) = chromium() else {
        println!("skipped: chromium is not installed (apt-get install chromium)");
        return;
    };
    let dir = temp_dir("browser");
    let db = dir.join("examples.db");
    fill_from_examples(&db);
    let server = TestServer::start(Config {
        db: Some(db),
        ..Config::default()
    });
    let base = format!("http://{}", server.addr);
    let artifacts = root().join("artifacts");
    std::fs::create_dir_all(&artifacts).unwrap();
    let profile = dir.join("profile");

    // Annotate: a known article from examples/, opened from the database.
    let text = std::fs::read_to_string(root().join("examples/baku-talks.txt")).unwrap();
    let id = dyad_doc::content_id(&text);
    let url = format!("{base}/annotate?doc={id}");
    let dom = run_chromium(&bin, &profile, &url, &["--dump-dom"]);
    let actors = dom.matches("<mark class=\"actor").count();
    assert!(actors >= 3, "expected highlighted actors, found {actors}:\n{dom}");
    assert!(
        dom.contains("Jeyhun Bayramov</mark>"),
        "the minister is highlighted:\n{dom}"
    );
    assert!(dom.contains("class=\"quote spk-0"), "quotes are coloured by speaker");
    let shot = artifacts.join("serve-annotate.png");
    run_chromium(&bin, &profile, &url, &[&format!("--screenshot={}", shot.display())]);
    assert!(
        shot.metadata().map(|m| m.len() > 10_000).unwrap_or(false),
        "screenshot saved"
    );

    // Explore: the graph (laid out by the script) and the timeline, with data.
    let url = format!("{base}/explore");
    let dom = run_chromium(&bin, &profile, &url, &["--dump-dom"]);
    assert!(dom.contains("id=\"graph\""), "graph rendered:\n{dom}");
    assert!(dom.contains("data-layout=\"force\""), "the layout script ran");
    assert!(dom.matches("class=\"edge\"").count() >= 1, "graph has edges");
    assert!(dom.matches("class=\"node\"").count() >= 2, "graph has nodes");
    assert!(dom.contains("id=\"timeline\""), "timeline rendered");
    assert!(dom.matches("class=\"bar ").count() >= 1, "timeline has bars");
    assert!(dom.contains("<table id=\"events\""));
    let shot = artifacts.join("serve-explore.png");
    run_chromium(&bin, &profile, &url, &[&format!("--screenshot={}", shot.display())]);
    assert!(
        shot.metadata().map(|m| m.len() > 10_000).unwrap_or(false),
        "screenshot saved"
    );
    println!("screenshots: {}", artifacts.display());
    let _ = std::fs::remove_dir_all(&dir);
}
