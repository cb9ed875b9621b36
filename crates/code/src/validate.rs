//! Running the validation suites of the field: PETRARCH unit-test XML and
//! TABARI `.project` files. A record passes when the set of events dyad
//! codes from its text equals the expected set.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use dyad_dict::{CodingOptions, Dialect, Dictionaries, Kind};
use dyad_doc::{parse_date, Date};
use dyad_ingest::{petrarch, tabari};

use crate::coder::Coder;

/// The outcome of one record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordResult {
    pub id: String,
    pub text: String,
    pub expected: BTreeSet<String>,
    pub got: BTreeSet<String>,
    pub passed: bool,
}

/// The outcome of a suite.
#[derive(Clone, Debug, Default)]
pub struct Report {
    pub records: Vec<RecordResult>,
    /// Dictionary diagnostics (file:line) met while loading the suite's files.
    pub diagnostics: Vec<String>,
}

impl Report {
    pub fn passed(&self) -> usize {
        self.records.iter().filter(|r| r.passed).count()
    }

    pub fn failed(&self) -> usize {
        self.records.len() - self.passed()
    }
}

/// An error that stops a suite from running at all.
#[derive(Debug)]
pub struct SuiteError(pub String);

impl std::fmt::Display for SuiteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SuiteError {}

/// Run a suite: a TABARI `.project` file or a PETRARCH validation XML file.
pub fn run(path: &Path) -> Result<Report, SuiteError> {
    let text = std::fs::read(path).map_err(|e| SuiteError(format!("{}: cannot read file: {e}", path.display())))?;
    let text = String::from_utf8_lossy(&text).into_owned();
    let base = path.parent().unwrap_or(Path::new(".")).to_path_buf();
    if path.extension().is_some_and(|e| e == "project") {
        run_tabari(&text, &base, path)
    } else {
        run_petrarch(&text, &base, path)
    }
}

fn event_key(src: &str, tgt: &str, code: &str) -> String {
    format!("{} {} {}", src.trim(), tgt.trim(), code.trim())
}

/// Code one record's text and return the event keys (or the special
/// outcomes `discard`, `story-discard`, `complex`).
fn code_text(
    coder: &Coder,
    text: &str,
    date: Option<Date>,
    context: &mut Vec<String>,
) -> (BTreeSet<String>, Option<bool>, bool, bool) {
    let seg = dyad_segment::segment(text);
    let mut got = BTreeSet::new();
    let mut discard = None;
    let mut complex = false;
    for s in &seg.sentences {
        let coded = coder.code_in_context(&seg, s, text, date, context);
        if !coded.subject.is_empty() {
            *context = coded.subject.clone();
        }
        if let Some(story) = coded.discard {
            discard = Some(discard.unwrap_or(false) || story);
        }
        complex |= coded.complex;
        for e in coded.events {
            got.insert(event_key(&e.source.code, &e.target.code, &e.code));
        }
    }
    (got, discard, complex, !seg.datelines.is_empty())
}

fn apply_config(options: &mut CodingOptions, name: &str, value: &str) {
    let v = value.trim();
    let flag = v.eq_ignore_ascii_case("true");
    let num: usize = v.parse().unwrap_or(0);
    match name.trim().to_ascii_lowercase().as_str() {
        "require_dyad" => options.require_dyad = flag,
        "new_actor_length" => options.new_actor_length = num,
        "comma_min" => options.comma_min = num,
        "comma_max" => options.comma_max = num,
        "comma_bmin" => options.comma_bmin = num,
        "comma_bmax" => options.comma_bmax = num,
        "comma_emin" => options.comma_emin = num,
        "comma_emax" => options.comma_emax = num,
        _ => {}
    }
}

fn element_value(body: &str, name: &str) -> Option<String> {
    // <Verbfile>x</Verbfile> or <Verbfile name="x"></Verbfile>
    if let Some(inner) = petrarch::child(body, name) {
        let t = inner.trim();
        if !t.is_empty() {
            return Some(petrarch::unescape(t));
        }
    }
    let attrs = petrarch::children_attrs(body, name);
    attrs.first().and_then(|a| {
        a.iter()
            .find(|(k, _)| k == "name" || k == "categories")
            .map(|(_, v)| v.clone())
    })
}

fn load_dicts(files: &[(PathBuf, Kind)], dialect: Dialect) -> Result<Dictionaries, SuiteError> {
    let mut d = Dictionaries::new();
    for (f, kind) in files {
        d.load(&f.to_string_lossy(), Some(*kind), Some(dialect))
            .map_err(|e| SuiteError(e.to_string()))?;
    }
    d.finish();
    Ok(d)
}

/// PETRARCH validation XML: `<Environment>` names the dictionaries; records
/// are `<Sentence>`s with `<EventCoding>` expectations; `<Config>` changes
/// options between records; `<Stop>` ends the run.
pub fn run_petrarch(text: &str, base: &Path, path: &Path) -> Result<Report, SuiteError> {
    let (env, _) = petrarch::scan(text, &["Environment"]);
    let env = env
        .first()
        .and_then(|e| e.body.clone())
        .ok_or_else(|| SuiteError(format!("{}: no <Environment> naming the dictionaries", path.display())))?;
    let mut files = Vec::new();
    for (tag, kind) in [
        ("Verbfile", Kind::Verbs),
        ("Actorfile", Kind::Actors),
        ("Agentfile", Kind::Agents),
        ("Discardfile", Kind::Discards),
        ("Issuefile", Kind::Issues),
    ] {
        if let Some(name) = element_value(&env, tag) {
            files.push((base.join(name), kind));
        }
    }
    let include: Option<Vec<String>> =
        element_value(&env, "Include").map(|s| s.split_whitespace().map(|w| w.to_ascii_uppercase()).collect());
    let exclude: Vec<String> = element_value(&env, "Exclude")
        .map(|s| s.split_whitespace().map(|w| w.to_ascii_uppercase()).collect())
        .unwrap_or_default();
    let dict = load_dicts(&files, Dialect::Petrarch)?;
    let compiled = dict.compile();
    let mut coder = Coder::new(&dict, &compiled, Dialect::Petrarch);
    // PETRARCH's configuration defaults.
    coder.options.comma_max = 8;
    coder.options.comma_emax = 8;
    coder.options.require_dyad = false;
    let mut report = Report {
        diagnostics: dict.diagnostics.iter().map(|d| d.to_string()).collect(),
        ..Report::default()
    };
    // Skip the environment block itself when scanning records.
    let (elements, errors) = petrarch::scan(text, &["Sentence", "Config", "Stop"]);
    for e in errors {
        report
            .diagnostics
            .push(format!("{}:{}: {}", path.display(), e.line, e.message));
    }
    let env_end = text
        .find("</Environment>")
        .map(|p| dyad_ingest_line(text, p))
        .unwrap_or(0);
    for el in elements {
        match el.name.as_str() {
            "Config" => {
                if el.line > env_end {
                    if let (Some(name), Some(value)) = (el.attr("option"), el.attr("value")) {
                        apply_config(&mut coder.options, name, value);
                    }
                }
            }
            "Stop" => break,
            _ => {
                let Some(body) = &el.body else { continue };
                let category = el.attr("category").unwrap_or("").to_ascii_uppercase();
                if let Some(inc) = &include {
                    if !inc.contains(&category) {
                        continue;
                    }
                }
                if exclude.contains(&category) {
                    continue;
                }
                let id = el.attr("id").unwrap_or("?").to_string();
                let date = el.attr("date").and_then(parse_date);
                let rec_text = petrarch::child(body, "Text")
                    .map(petrarch::clean_text)
                    .unwrap_or_default();
                let mut expected = BTreeSet::new();
                let mut error_expected = None;
                for attrs in petrarch::children_attrs(body, "EventCoding") {
                    let get = |k: &str| {
                        attrs
                            .iter()
                            .find(|(a, _)| a.eq_ignore_ascii_case(k))
                            .map(|(_, v)| v.clone())
                    };
                    if let Some(err) = get("error") {
                        error_expected = Some(err);
                    } else if get("noevents").is_some() {
                    } else if let (Some(s), Some(t), Some(c)) = (get("sourcecode"), get("targetcode"), get("eventcode"))
                    {
                        expected.insert(event_key(&s, &t, &c));
                    }
                }
                let (got_events, discard, _complex, dateline) = code_text(&coder, &rec_text, date, &mut Vec::new());
                let (expected, got) = match &error_expected {
                    Some(err) => {
                        let outcome = match discard {
                            Some(true) => "storydiscard",
                            Some(false) => "sentencediscard",
                            None if dateline => "dateline",
                            None => "",
                        };
                        let mut e = BTreeSet::new();
                        e.insert(format!("error={err}"));
                        let mut g = BTreeSet::new();
                        if !outcome.is_empty() {
                            g.insert(format!("error={outcome}"));
                        }
                        g.extend(got_events);
                        (e, g)
                    }
                    None => (expected, got_events),
                };
                let passed = expected == got;
                report.records.push(RecordResult {
                    id,
                    text: rec_text,
                    expected,
                    got,
                    passed,
                });
            }
        }
    }
    Ok(report)
}

fn dyad_ingest_line(text: &str, pos: usize) -> usize {
    text.as_bytes()[..pos].iter().filter(|&&b| b == b'\n').count() + 1
}

/// A TABARI `.project` file names the text, verbs, actors, agents and options
/// files; expected events are in the records' comments as
/// `{ SRC / TGT / CODE }`, `{---}`, `{###}`, `{+++}` and `{ OPTION: ... }`.
pub fn run_tabari(text: &str, base: &Path, path: &Path) -> Result<Report, SuiteError> {
    let mut textfile = None;
    let mut files = Vec::new();
    for line in text.lines() {
        let t = line.trim();
        let Some(rest) = t.strip_prefix('<') else { continue };
        let Some((tag, value)) = rest.split_once('>') else {
            continue;
        };
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        let p = base.join(value);
        match tag.trim().to_ascii_lowercase().as_str() {
            "textfile" => textfile = Some(p),
            "verbsfile" => files.push((p, Kind::Verbs)),
            "actorsfile" => files.push((p, Kind::Actors)),
            "agentsfile" => files.push((p, Kind::Agents)),
            "optionsfile" => files.push((p, Kind::Options)),
            _ => {}
        }
    }
    let textfile = textfile.ok_or_else(|| SuiteError(format!("{}: no <textfile> line", path.display())))?;
    let records_text =
        std::fs::read(&textfile).map_err(|e| SuiteError(format!("{}: cannot read file: {e}", textfile.display())))?;
    let records_text = String::from_utf8_lossy(&records_text).into_owned();
    let mut dict = load_dicts(&files, Dialect::Tabari)?;
    // FORWARD is off unless an option turns it on.
    dict.options.forward = false;
    let compiled = dict.compile();
    let mut report = Report {
        diagnostics: dict.diagnostics.iter().map(|d| d.to_string()).collect(),
        ..Report::default()
    };
    let mut options = dict.options.clone();
    let mut context: Vec<String> = Vec::new();
    for rec in tabari::records(&records_text) {
        let comments = rec.comments().join(" ");
        let mut expected = BTreeSet::new();
        let mut check = true;
        let mut any = false;
        let mut option_only = true;
        let mut rest = comments.as_str();
        while let Some(open) = rest.find('{') {
            let negated = rest[..open].ends_with('-');
            let Some(close) = rest[open..].find('}') else { break };
            let inner = rest[open + 1..open + close].trim();
            rest = &rest[open + close + 1..];
            if inner.is_empty() {
                continue;
            }
            any = true;
            if negated {
                check = false;
                option_only = false;
                continue;
            }
            if let Some(cmd) = inner.strip_prefix("OPTION:") {
                let mut tmp = Dictionaries::new();
                tmp.options = options.clone();
                tmp.add_text("option", cmd.trim(), Kind::Options, Dialect::Tabari);
                options = tmp.options;
                continue;
            }
            option_only = false;
            let compact: String = inner.chars().filter(|c| !c.is_whitespace()).collect();
            match compact.as_str() {
                "---" => {}
                "###" => {
                    expected.insert("discard".to_string());
                }
                "+++" => {
                    expected.insert("complex".to_string());
                }
                _ => {
                    let parts: Vec<&str> = inner.split('/').map(str::trim).collect();
                    if parts.len() >= 3 {
                        expected.insert(event_key(parts[0], parts[1], parts[2]));
                    }
                }
            }
        }
        if !any {
            // TABARI stops validating at a record without expectations.
            break;
        }
        if !check || option_only {
            continue;
        }
        dict.options = options.clone();
        let mut coder = Coder::new(&dict, &compiled, Dialect::Tabari);
        coder.options = options.clone();
        // TABARI reads the first six digits of a malformed date (9501201).
        let date = parse_date(&rec.date).or_else(|| rec.date.get(..6).and_then(parse_date));
        let rec_text = rec.text();
        let (events, discard, complex, _) = code_text(&coder, &rec_text, date, &mut context);
        let mut got = BTreeSet::new();
        if discard.is_some() {
            got.insert("discard".to_string());
        } else if complex && (expected.contains("complex") || events.is_empty()) {
            got.insert("complex".to_string());
        } else {
            got = events;
        }
        let passed = expected == got;
        report.records.push(RecordResult {
            id: rec.id.clone(),
            text: rec_text,
            expected,
            got,
            passed,
        });
    }
    Ok(report)
}
