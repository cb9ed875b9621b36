//! `dyad eval dates DIR` and `dyad eval places DIR`: how well dyad finds and
//! resolves date expressions (TimeML files: TempEval-3 TBAQ) and place names
//! (LGL and GeoVirus XML).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use dyad_doc::records::Record;
use dyad_doc::{Document, Origin};
use dyad_pipeline::{Output, Pipeline};
use dyad_resolve::{distance_km, DateFinder, Gazetteer, PlaceKind};

#[derive(clap::Args)]
pub struct DatesArgs {
    /// A folder of TimeML `.tml` files (searched recursively).
    dir: PathBuf,
    /// Print every gold DATE expression missed or resolved differently.
    #[arg(long)]
    misses: bool,
}

#[derive(clap::Args)]
pub struct PlacesArgs {
    /// A folder with `lgl.xml` and/or `GeoVirus.xml`.
    dir: PathBuf,
    /// Print every gold toponym missed or resolved far from its place.
    #[arg(long)]
    misses: bool,
}

fn tml_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let entries = std::fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))?;
    for e in entries {
        let p = e?.path();
        if p.is_dir() {
            tml_files(&p, out)?;
        } else if p.extension().is_some_and(|x| x == "tml") {
            out.push(p);
        }
    }
    Ok(())
}

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!("{name}=\"");
    let at = tag.find(&key)? + key.len();
    let len = tag[at..].find('"')?;
    Some(&tag[at..at + len])
}

fn unescape_into(s: &str, out: &mut String) {
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let (c, len) = [
            ("&amp;", '&'),
            ("&lt;", '<'),
            ("&gt;", '>'),
            ("&quot;", '"'),
            ("&apos;", '\''),
        ]
        .iter()
        .find(|(e, _)| tail.starts_with(e))
        .map(|(e, c)| (*c, e.len()))
        .unwrap_or(('&', 1));
        out.push(c);
        rest = &tail[len..];
    }
    out.push_str(rest);
}

/// A gold TIMEX3 in the text with tags removed.
struct Timex {
    start: usize,
    end: usize,
    kind: String,
    value: String,
}

/// The plain text of a TimeML `<TEXT>` element and its TIMEX3s.
fn timeml_text(xml: &str) -> Option<(String, Vec<Timex>)> {
    let body = &xml[xml.find("<TEXT>")? + 6..xml.find("</TEXT>")?];
    let mut text = String::new();
    let mut timexes = Vec::new();
    let mut open: Option<(usize, String, String)> = None;
    let mut rest = body;
    while let Some(lt) = rest.find('<') {
        unescape_into(&rest[..lt], &mut text);
        let gt = rest[lt..].find('>')? + lt;
        let tag = &rest[lt + 1..gt];
        if tag.starts_with("TIMEX3") {
            let kind = attr(tag, "type").unwrap_or("").to_string();
            let value = attr(tag, "value").unwrap_or("").to_string();
            open = Some((text.len(), kind, value));
        } else if tag.starts_with("/TIMEX3") {
            if let Some((start, kind, value)) = open.take() {
                timexes.push(Timex {
                    start,
                    end: text.len(),
                    kind,
                    value,
                });
            }
        }
        rest = &rest[gt + 1..];
    }
    unescape_into(rest, &mut text);
    Some((text, timexes))
}

/// A gold value as compared: times of day dropped (`2000-01-05TEV`: dyad
/// resolves days), TimeML's unknown parts (`1998-XX`, `1989-WXX`) dropped,
/// week numbers without leading zeros, decades written `196X` in the ISO
/// 8601 form dyad writes (`196`: the 1960s).
fn normalize_gold(v: &str) -> (String, bool) {
    if v.len() == 4 && v.ends_with('X') && v[..3].bytes().all(|b| b.is_ascii_digit()) {
        return (v[..3].to_string(), false);
    }
    let v = match v.find('T') {
        Some(i) if i >= 10 => &v[..i],
        _ => v,
    };
    let mut parts: Vec<&str> = v.split('-').collect();
    let mut vague = false;
    while parts.len() > 1 && parts.last().is_some_and(|p| p.contains('X')) {
        parts.pop();
        vague = true;
    }
    (normalize_week(&parts.join("-")), vague)
}

fn normalize_week(v: &str) -> String {
    match v.find("-W") {
        Some(i) => {
            let (head, week) = v.split_at(i + 2);
            let n: String = week.chars().take_while(|c| c.is_ascii_digit()).collect();
            let tail = &week[n.len()..];
            format!(
                "{head}{}{tail}",
                n.parse::<u32>().map(|n| n.to_string()).unwrap_or(n.clone())
            )
        }
        None => v.to_string(),
    }
}

/// Whether our value agrees with the gold one: equal, or more specific than
/// a vague gold value (`1989-W43` for `1989-WXX`).
fn same_value(ours: &str, gold: &str) -> bool {
    let (g, vague) = normalize_gold(gold);
    let o = normalize_week(ours);
    o == g || (vague && o.starts_with(&format!("{g}-")))
}

pub fn dates(args: DatesArgs) -> Result<ExitCode> {
    let mut files = Vec::new();
    tml_files(&args.dir, &mut files)?;
    files.sort();
    if files.is_empty() {
        anyhow::bail!("{}: no .tml files", args.dir.display());
    }
    let finder = DateFinder::builtin();
    let (mut gold_n, mut found, mut right, mut ours_n, mut ours_matched) = (0usize, 0usize, 0usize, 0usize, 0usize);
    for f in &files {
        let xml = std::fs::read_to_string(f).with_context(|| format!("cannot read {}", f.display()))?;
        let dct = xml
            .find("CREATION_TIME")
            .and_then(|i| xml[..i].rfind("<TIMEX3"))
            .and_then(|i| attr(&xml[i..], "value"))
            .and_then(dyad_doc::parse_date);
        let Some((text, timexes)) = timeml_text(&xml) else {
            eprintln!("dyad: {}: no <TEXT> element, skipped", f.display());
            continue;
        };
        let seg = dyad_segment::segment(&text);
        let mentions: Vec<_> = seg.sentences.iter().flat_map(|s| finder.find(&seg, s, dct)).collect();
        ours_n += mentions.len();
        ours_matched += mentions
            .iter()
            .filter(|m| {
                timexes
                    .iter()
                    .any(|t| (m.span.start as usize) < t.end && t.start < m.span.end as usize)
            })
            .count();
        for t in timexes.iter().filter(|t| t.kind == "DATE") {
            gold_n += 1;
            let hit = mentions
                .iter()
                .find(|m| (m.span.start as usize) < t.end && t.start < m.span.end as usize);
            let name = f.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
            match hit {
                Some(m) => {
                    found += 1;
                    let ours = m.value.map(|v| v.to_string()).unwrap_or_default();
                    if same_value(&ours, &t.value) {
                        right += 1;
                    } else if args.misses {
                        println!(
                            "wrong\t{name}\t{:?}\tgold {}\tours {:?} {ours}",
                            &text[t.start..t.end],
                            t.value,
                            m.span.slice(&text)
                        );
                    }
                }
                None if args.misses => println!("missed\t{name}\t{:?}\tgold {}", &text[t.start..t.end], t.value),
                None => {}
            }
        }
    }
    println!(
        "{} files, {gold_n} gold DATE expressions: found {found} ({:.3}); of those, value right {right} ({:.3}). \
         dyad found {ours_n} expressions, {ours_matched} ({:.3}) overlap a gold TIMEX3 of any type.",
        files.len(),
        found as f64 / gold_n.max(1) as f64,
        right as f64 / found.max(1) as f64,
        ours_matched as f64 / ours_n.max(1) as f64,
    );
    Ok(ExitCode::SUCCESS)
}

/// The text between `<name>` and `</name>` from `from`, and the end offset.
fn element<'a>(xml: &'a str, name: &str, from: usize) -> Option<(&'a str, usize)> {
    let open = format!("<{name}");
    let close = format!("</{name}>");
    let s = xml[from..].find(&open)? + from;
    let body = xml[s..].find('>')? + s + 1;
    let e = xml[body..].find(&close)? + body;
    Some((&xml[body..e], e + close.len()))
}

struct GoldPlace {
    start: usize,
    end: usize,
    country: Option<String>,
    lat: Option<f64>,
    lon: Option<f64>,
}

/// Byte offset of the `chars`-th character of `text`.
fn byte_at(text: &str, chars: usize) -> usize {
    text.char_indices().nth(chars).map(|(b, _)| b).unwrap_or(text.len())
}

/// Articles of an LGL or GeoVirus file: text and gold toponyms.
fn geo_articles(xml: &str) -> Vec<(String, Vec<GoldPlace>)> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some((article, end)) = element(xml, "article", at) {
        at = end;
        let Some((raw, _)) = element(article, "text", 0) else {
            continue;
        };
        let raw = raw.trim_start_matches("<![CDATA[").trim_end_matches("]]>");
        let mut text = String::new();
        if article.contains("<![CDATA[") {
            text.push_str(raw);
        } else {
            unescape_into(raw, &mut text);
        }
        let mut gold = Vec::new();
        let tag = if article.contains("<toponym>") {
            "toponym"
        } else {
            "location"
        };
        let mut p = 0;
        while let Some((t, e)) = element(article, tag, p) {
            p = e;
            let num = |n: &str| element(t, n, 0).and_then(|(v, _)| v.trim().parse::<f64>().ok());
            let (Some(s), Some(e)) = (num("start"), num("end")) else {
                continue;
            };
            let country = element(t, "country", 0).map(|(c, _)| {
                let mut s = String::new();
                unescape_into(c.trim(), &mut s);
                s
            });
            gold.push(GoldPlace {
                start: byte_at(&text, s as usize),
                end: byte_at(&text, e as usize),
                country,
                lat: num("lat"),
                lon: num("lon"),
            });
        }
        out.push((text, gold));
    }
    out
}

pub fn places(args: PlacesArgs) -> Result<ExitCode> {
    let pipeline = Pipeline::builtin();
    let gazetteer = Gazetteer::builtin();
    let country_code = |name: &str| -> Option<String> {
        gazetteer
            .lookup(&dyad_resolve::name_key(name))
            .iter()
            .map(|&id| gazetteer.place(id))
            .find(|p| p.kind == PlaceKind::Country)
            .map(|p| p.country.to_string())
    };
    let mut any = false;
    for file in ["lgl.xml", "GeoVirus.xml"] {
        let path = args.dir.join(file);
        let Ok(xml) = std::fs::read_to_string(&path) else {
            eprintln!("dyad: {}: not found, skipped", path.display());
            continue;
        };
        any = true;
        let started = std::time::Instant::now();
        let (mut gold_n, mut found, mut with_country, mut country_right, mut with_coords, mut near) =
            (0usize, 0usize, 0usize, 0usize, 0usize, 0usize);
        let articles = geo_articles(&xml);
        for (i, (text, gold)) in articles.iter().enumerate() {
            let doc = Document::from_text(text.clone(), Origin::at(path.display().to_string(), i + 1));
            let mentions: Vec<_> = pipeline
                .process(&doc, Output { mentions: true })
                .into_iter()
                .filter_map(|r| match r {
                    Record::Mention(m) if m.kind == "place" => Some(m),
                    _ => None,
                })
                .collect();
            for g in gold {
                gold_n += 1;
                let Some(m) = mentions.iter().find(|m| m.start < g.end && g.start < m.end) else {
                    if args.misses {
                        println!("missed\t{file}:{}\t{:?}", i + 1, text.get(g.start..g.end).unwrap_or(""));
                    }
                    continue;
                };
                found += 1;
                if let Some(c) = g.country.as_deref().and_then(country_code) {
                    with_country += 1;
                    if m.country.as_deref() == Some(c.as_str()) {
                        country_right += 1;
                    }
                }
                if let (Some(la), Some(lo), Some(mla), Some(mlo)) = (g.lat, g.lon, m.lat, m.lon) {
                    with_coords += 1;
                    let d = distance_km(la, lo, mla, mlo);
                    if d <= 161.0 {
                        near += 1;
                    } else if args.misses {
                        println!(
                            "far\t{file}:{}\t{:?}\t{:.0} km\tours {:?} {:?}",
                            i + 1,
                            m.text,
                            d,
                            m.name,
                            m.country
                        );
                    }
                }
            }
        }
        println!(
            "{file}: {} articles, {gold_n} gold toponyms: found {found} ({:.3}); of those, right country {country_right}/{with_country} ({:.3}), within 161 km {near}/{with_coords} ({:.3}); {:.1} s",
            articles.len(),
            found as f64 / gold_n.max(1) as f64,
            country_right as f64 / with_country.max(1) as f64,
            near as f64 / with_coords.max(1) as f64,
            started.elapsed().as_secs_f64()
        );
    }
    if !any {
        anyhow::bail!("{}: neither lgl.xml nor GeoVirus.xml", args.dir.display());
    }
    Ok(ExitCode::SUCCESS)
}
