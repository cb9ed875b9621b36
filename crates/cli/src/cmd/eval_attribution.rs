//! `dyad eval attribution DIR` and `dyad eval agencies METADATA`: score
//! quotation attribution on PolNeAR (brat standoff gold) and agency credits
//! on PolNeAR's `wire` metadata column.
//!
//! **Spans.** Gold `T` lines of type `Source`, `Cue` and `Content` (other
//! types are ignored) give character offsets, possibly in several
//! fragments (`start end;start end`). A predicted quotation gives its
//! content (`spans`, one fragment per part), its cue (`cue_span`) and, when
//! it has a cue, its source (`speaker.span`, the phrase next to the cue);
//! byte offsets are converted to character offsets. Spans of one type are
//! deduplicated per document.
//!
//! **Exact match**: the two spans have the same fragments after each
//! fragment is trimmed of white space, quotation marks and the punctuation
//! `, . : ;` at both ends (gold content includes the quote marks and the
//! final comma of a direct quotation, dyad's does not).
//! **Overlap match**: some fragment of the predicted span shares at least
//! one character with some fragment of a gold span of the same type.
//! Precision is the share of predicted spans that match some gold span,
//! recall the share of gold spans matched by some predicted span, F1 their
//! harmonic mean, pooled over all documents.
//!
//! A text with several annotation files (`NAME_annotator.ann`) is scored
//! against the first in name order.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use dyad_doc::records::QuoteRecord;
use dyad_doc::{Document, Origin};
use dyad_pipeline::Pipeline;

#[derive(clap::Args)]
pub struct Args {
    /// A PolNeAR compartment: a folder with `text/` and `attributions/`.
    #[arg(default_value = "../shared/corpora/polnear/dev")]
    dir: PathBuf,
    /// Print, per document, the gold spans dyad misses and the spans it
    /// predicts that match nothing (overlap), each with its character offset.
    #[arg(long)]
    misses: bool,
}

#[derive(clap::Args)]
pub struct AgencyArgs {
    /// PolNeAR's metadata.tsv; texts are read from `<its folder>/<compartment>/text/`.
    #[arg(default_value = "../shared/corpora/polnear/metadata.tsv")]
    metadata: PathBuf,
    /// Print the articles where the credit is missed or an agency is false.
    #[arg(long)]
    misses: bool,
}

/// A span as character fragments.
type Frags = Vec<(usize, usize)>;

const TYPES: [&str; 3] = ["Source", "Cue", "Content"];

#[derive(Default, Clone, Copy)]
struct Count {
    pred: usize,
    pred_hit: usize,
    gold: usize,
    gold_hit: usize,
}

impl Count {
    fn f1(&self) -> (f64, f64, f64) {
        let p = self.pred_hit as f64 / self.pred.max(1) as f64;
        let r = self.gold_hit as f64 / self.gold.max(1) as f64;
        let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        (p, r, f)
    }
}

fn parse_ann(text: &str, path: &Path) -> Result<BTreeMap<&'static str, Vec<Frags>>> {
    let mut out: BTreeMap<&'static str, Vec<Frags>> = BTreeMap::new();
    for (n, line) in text.lines().enumerate() {
        if !line.starts_with('T') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 2 {
            bail!(
                "{}:{}: expected `Tn<TAB>Type start end<TAB>text`",
                path.display(),
                n + 1
            );
        }
        let (ty, offsets) = cols[1].split_once(' ').unwrap_or((cols[1], ""));
        let Some(ty) = TYPES.iter().find(|t| **t == ty) else {
            continue;
        };
        let mut frags = Frags::new();
        for frag in offsets.split(';') {
            let mut it = frag.split_whitespace().map(str::parse::<usize>);
            match (it.next(), it.next()) {
                (Some(Ok(a)), Some(Ok(b))) if a <= b => frags.push((a, b)),
                _ => bail!("{}:{}: bad offsets `{offsets}`", path.display(), n + 1),
            }
        }
        out.entry(ty).or_default().push(frags);
    }
    Ok(out)
}

/// Trim white space, quote marks and `, . : ;` from both ends of a
/// character range of `chars`.
fn trim(chars: &[char], (mut a, mut b): (usize, usize)) -> (usize, usize) {
    let junk = |c: char| c.is_whitespace() || "\"'\u{201C}\u{201D}\u{2018}\u{2019}\u{00AB}\u{00BB},.:;".contains(c);
    b = b.min(chars.len());
    while a < b && junk(chars[a]) {
        a += 1;
    }
    while b > a && junk(chars[b - 1]) {
        b -= 1;
    }
    (a, b)
}

fn overlaps(x: &Frags, y: &Frags) -> bool {
    x.iter().any(|&(a, b)| y.iter().any(|&(c, d)| a < d && c < b))
}

fn predicted(quotes: &[QuoteRecord], byte_to_char: &[usize]) -> BTreeMap<&'static str, Vec<Frags>> {
    let ch = |[a, b]: [usize; 2]| (byte_to_char[a], byte_to_char[b]);
    let mut out: BTreeMap<&'static str, Vec<Frags>> = BTreeMap::new();
    for q in quotes {
        out.entry("Content")
            .or_default()
            .push(q.spans.iter().map(|&s| ch(s)).collect());
        if let Some(c) = q.cue_span {
            out.entry("Cue").or_default().push(vec![ch(c)]);
            if let Some(s) = q.speaker.as_ref().and_then(|s| s.span) {
                out.entry("Source").or_default().push(vec![ch(s)]);
            }
        }
    }
    out
}

fn score(gold: &[Frags], pred: &[Frags], chars: &[char], exact: &mut Count, overlap: &mut Count) -> Vec<String> {
    let norm = |f: &Frags| -> Frags {
        let mut v: Frags = f.iter().map(|&r| trim(chars, r)).filter(|(a, b)| a < b).collect();
        v.sort();
        v
    };
    let gold_n: Vec<Frags> = gold.iter().map(norm).collect();
    let pred_n: Vec<Frags> = pred.iter().map(norm).collect();
    exact.gold += gold.len();
    exact.pred += pred.len();
    overlap.gold += gold.len();
    overlap.pred += pred.len();
    exact.gold_hit += gold_n.iter().filter(|g| pred_n.contains(g)).count();
    exact.pred_hit += pred_n.iter().filter(|p| gold_n.contains(p)).count();
    let mut misses = Vec::new();
    let text = |f: &Frags| -> String {
        f.iter()
            .map(|&(a, b)| chars[a..b.min(chars.len())].iter().collect::<String>())
            .collect::<Vec<_>>()
            .join(" … ")
    };
    for g in gold {
        if pred.iter().any(|p| overlaps(p, g)) {
            overlap.gold_hit += 1;
        } else {
            misses.push(format!("  missed: {} @{}", text(g), g[0].0));
        }
    }
    for p in pred {
        if gold.iter().any(|g| overlaps(p, g)) {
            overlap.pred_hit += 1;
        } else {
            misses.push(format!("  false:  {} @{}", text(p), p[0].0));
        }
    }
    misses
}

fn dedup(v: &mut Vec<Frags>) {
    v.sort();
    v.dedup();
}

pub fn run(args: Args) -> Result<ExitCode> {
    let text_dir = args.dir.join("text");
    let ann_dir = args.dir.join("attributions");
    if !text_dir.is_dir() || !ann_dir.is_dir() {
        eprintln!(
            "dyad: {} has no text/ and attributions/ folders (PolNeAR is not here); nothing to score",
            args.dir.display()
        );
        return Ok(ExitCode::from(1));
    }
    let mut anns: Vec<PathBuf> = std::fs::read_dir(&ann_dir)
        .with_context(|| format!("cannot list {}", ann_dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ann"))
        .collect();
    anns.sort();
    let pipeline = Pipeline::builtin();
    let mut exact = [Count::default(); 3];
    let mut overlap = [Count::default(); 3];
    let mut seen = std::collections::BTreeSet::new();
    let (mut docs, mut quotes_total) = (0usize, 0usize);
    let started = std::time::Instant::now();
    for ann in &anns {
        let stem = ann.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        let Some((name, _annotator)) = stem.rsplit_once('_') else {
            continue;
        };
        if !seen.insert(name.to_string()) {
            continue;
        }
        let text_path = text_dir.join(format!("{name}.txt"));
        let text = match std::fs::read_to_string(&text_path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("dyad: {}: {e}; skipped", text_path.display());
                continue;
            }
        };
        let gold_text = std::fs::read_to_string(ann).with_context(|| format!("cannot read {}", ann.display()))?;
        let mut gold = match parse_ann(&gold_text, ann) {
            Ok(g) => g,
            Err(e) => {
                eprintln!("dyad: {e:#}; skipped");
                continue;
            }
        };
        let doc = Document::from_text(text, Origin::file(text_path.display().to_string()));
        let seg = dyad_segment::segment(&doc.text);
        let coded = pipeline.code_sentences(&doc, &seg);
        let a = dyad_attribute::attribute(&doc, &seg, &coded, &pipeline.dict);
        let chars: Vec<char> = doc.text.chars().collect();
        let mut byte_to_char = vec![0usize; doc.text.len() + 1];
        for (ci, (bi, c)) in doc.text.char_indices().enumerate() {
            for slot in &mut byte_to_char[bi..bi + c.len_utf8()] {
                *slot = ci;
            }
        }
        byte_to_char[doc.text.len()] = chars.len();
        let mut pred = predicted(&a.quotes, &byte_to_char);
        docs += 1;
        quotes_total += a.quotes.len();
        let mut report = Vec::new();
        for (k, ty) in TYPES.iter().enumerate() {
            let g = gold.entry(ty).or_default();
            dedup(g);
            let p = pred.entry(ty).or_default();
            dedup(p);
            let m = score(g, p, &chars, &mut exact[k], &mut overlap[k]);
            if args.misses && !m.is_empty() {
                report.push(format!(" {ty}:"));
                report.extend(m);
            }
        }
        if !report.is_empty() {
            println!("{name}");
            for line in report {
                println!("{line}");
            }
        }
    }
    let elapsed = started.elapsed().as_secs_f64();
    println!(
        "PolNeAR {}: {docs} documents, {quotes_total} quotations predicted, {:.2}s",
        args.dir.display(),
        elapsed
    );
    println!(
        "{:<8} {:>6} {:>6} | {:>6} {:>6} {:>6} | {:>6} {:>6} {:>6}",
        "type", "gold", "pred", "P", "R", "F1", "P", "R", "F1"
    );
    println!("{:<8} {:>6} {:>6} | {:^20} | {:^20}", "", "", "", "exact", "overlap");
    let mut all_e = Count::default();
    let mut all_o = Count::default();
    for (k, ty) in TYPES.iter().enumerate() {
        let (ep, er, ef) = exact[k].f1();
        let (op, or, of) = overlap[k].f1();
        println!(
            "{ty:<8} {:>6} {:>6} | {ep:>6.3} {er:>6.3} {ef:>6.3} | {op:>6.3} {or:>6.3} {of:>6.3}",
            exact[k].gold, exact[k].pred
        );
        for (all, c) in [(&mut all_e, exact[k]), (&mut all_o, overlap[k])] {
            all.pred += c.pred;
            all.pred_hit += c.pred_hit;
            all.gold += c.gold;
            all.gold_hit += c.gold_hit;
        }
    }
    let (ep, er, ef) = all_e.f1();
    let (op, or, of) = all_o.f1();
    println!(
        "{:<8} {:>6} {:>6} | {ep:>6.3} {er:>6.3} {ef:>6.3} | {op:>6.3} {or:>6.3} {of:>6.3}",
        "all", all_e.gold, all_e.pred
    );
    Ok(ExitCode::SUCCESS)
}

/// `dyad eval agencies`: for every train and dev article of PolNeAR's
/// metadata, compare the agencies dyad credits with the `wire` column.
/// `None` means no wire credit; `NA` (not annotated) rows are skipped;
/// `wire` (an unnamed agency) counts as found when dyad credits any agency.
/// Reports the share of wire-credited articles whose agency dyad finds, and
/// the false agencies on articles with no wire credit, both for the agencies
/// credited in datelines and credit lines and for every agency (credited or
/// cited in the text).
pub fn run_agencies(args: AgencyArgs) -> Result<ExitCode> {
    let meta = match std::fs::read_to_string(&args.metadata) {
        Ok(m) => m,
        Err(e) => {
            eprintln!(
                "dyad: {}: {e} (PolNeAR is not here); nothing to score",
                args.metadata.display()
            );
            return Ok(ExitCode::from(1));
        }
    };
    let root = args.metadata.parent().unwrap_or(Path::new("."));
    let pipeline = Pipeline::builtin();
    let mut header: Option<Vec<&str>> = None;
    // [credited, all]: (wire articles, found), (no-wire articles, articles with a false agency, false agencies)
    let mut wire = [(0usize, 0usize); 2];
    let mut clean = [(0usize, 0usize, 0usize); 2];
    for (n, line) in meta.lines().enumerate() {
        let cols: Vec<&str> = line.split('\t').collect();
        let Some(h) = &header else {
            header = Some(cols);
            continue;
        };
        let col = |name: &str| h.iter().position(|c| *c == name).and_then(|i| cols.get(i)).copied();
        let (Some(part), Some(file), Some(credit)) = (col("compartment"), col("filename"), col("wire")) else {
            eprintln!(
                "dyad: {}:{}: missing compartment, filename or wire column; skipped",
                args.metadata.display(),
                n + 1
            );
            continue;
        };
        if !matches!(part, "train" | "dev") || credit == "NA" {
            continue;
        }
        let path = root.join(part).join("text").join(format!("{file}.txt"));
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!(
                    "dyad: {}:{}: {}: {e}; skipped",
                    args.metadata.display(),
                    n + 1,
                    path.display()
                );
                continue;
            }
        };
        let doc = Document::from_text(text, Origin::file(path.display().to_string()));
        let seg = dyad_segment::segment(&doc.text);
        let coded = pipeline.code_sentences(&doc, &seg);
        let a = dyad_attribute::attribute(&doc, &seg, &coded, &pipeline.dict);
        for (k, found) in [&a.agency_credits, &a.agencies].into_iter().enumerate() {
            if credit == "None" {
                clean[k].0 += 1;
                if !found.is_empty() {
                    clean[k].1 += 1;
                    clean[k].2 += found.len();
                    if args.misses {
                        println!("false ({}): {file}: {found:?}", ["credited", "all"][k]);
                    }
                }
            } else {
                wire[k].0 += 1;
                let hit = if credit == "wire" {
                    !found.is_empty()
                } else {
                    found.iter().any(|f| f.eq_ignore_ascii_case(credit))
                };
                if hit {
                    wire[k].1 += 1;
                } else if args.misses {
                    println!(
                        "missed ({}): {file}: wire {credit}, found {found:?}",
                        ["credited", "all"][k]
                    );
                }
            }
        }
    }
    for (k, label) in ["credited (datelines, credit lines)", "all (credited or cited)"]
        .iter()
        .enumerate()
    {
        println!(
            "{label}: wire agency found in {}/{} wire-credited articles ({:.1}%); \
             false agencies on {}/{} articles without a wire credit ({:.1}%), {} false agencies",
            wire[k].1,
            wire[k].0,
            100.0 * wire[k].1 as f64 / wire[k].0.max(1) as f64,
            clean[k].1,
            clean[k].0,
            100.0 * clean[k].1 as f64 / clean[k].0.max(1) as f64,
            clean[k].2
        );
    }
    Ok(ExitCode::SUCCESS)
}
