//! Embed dyad's own data files (`data/` at the workspace root) into the
//! binary: every file the loader knows how to read is listed in a generated
//! table of `(path, contents)` pairs, so adding a verb file needs no code.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn files_in(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut found: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    found.sort();
    out.extend(found);
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data");
    let root = root.canonicalize().unwrap_or(root);
    let mut files = Vec::new();
    for (dir, ext) in [
        ("cameo", "tsv"),
        ("places", "tsv"),
        ("actors", "tsv"),
        ("verbs", "txt"),
        ("resolve", "txt"),
        ("", "txt"),
    ] {
        let d = root.join(dir);
        println!("cargo:rerun-if-changed={}", d.display());
        files_in(&d, ext, &mut files);
    }
    let mut code = String::from(
        "/// dyad's built-in data files: (path under data/, contents).\npub static FILES: &[(&str, &str)] = &[\n",
    );
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let rel = f.strip_prefix(&root).unwrap_or(f).to_string_lossy().replace('\\', "/");
        writeln!(code, "    ({:?}, include_str!({:?})),", rel, f.display().to_string()).unwrap();
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("builtin_files.rs");
    std::fs::write(out, code).unwrap();
}
