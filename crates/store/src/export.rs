//! Exports of the selected events in the layouts analysts' code reads:
//! JSON lines (dyad's own event records with ids and counts), CSV, GDELT 2.0
//! Events (61 tab-separated columns), Phoenix (26 tab-separated columns) and
//! PLOVER JSON lines.
//!
//! CSV and TSV are written by the `csv` crate, so fields holding the
//! delimiter, quotes or newlines are quoted and load unchanged in pandas
//! (`read_csv`, `sep="\t"`) and R (`read.csv`, `read.delim`). In the TSV
//! layouts, tabs and line breaks inside fields are replaced by spaces first,
//! as tools that split lines on tabs expect.

use std::io::Write;

use serde_json::{json, Value};

use crate::query::{EventFilter, StoredEvent};
use crate::{country_of, Error, Result, Store};

/// An export layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    Jsonl,
    Csv,
    Gdelt,
    Phoenix,
    Plover,
}

impl std::str::FromStr for ExportFormat {
    type Err = Error;
    fn from_str(s: &str) -> Result<ExportFormat> {
        Ok(match s {
            "jsonl" => ExportFormat::Jsonl,
            "csv" => ExportFormat::Csv,
            "gdelt" => ExportFormat::Gdelt,
            "phoenix" => ExportFormat::Phoenix,
            "plover" => ExportFormat::Plover,
            _ => {
                return Err(Error::Invalid(format!(
                    "unknown export format {s:?} (jsonl, csv, gdelt, phoenix, plover)"
                )))
            }
        })
    }
}

/// How to export.
#[derive(Clone, Debug)]
pub struct ExportOptions {
    pub format: ExportFormat,
    /// Write a header row in the CSV/TSV layouts (GDELT's own files have
    /// none; pass `false` to match them byte for byte).
    pub header: bool,
}

/// CSV columns of `--format csv` (also `dyad events --format csv`).
pub const CSV_COLUMNS: &[&str] = &[
    "id",
    "date",
    "source",
    "source_text",
    "target",
    "target_text",
    "cameo",
    "root",
    "quad_class",
    "goldstein",
    "cameo_name",
    "plover",
    "location",
    "location_country",
    "lat",
    "lon",
    "num_mentions",
    "num_sources",
    "num_articles",
    "doc",
    "sentence",
    "url",
    "date_method",
    "text",
];

/// The fields of one event in [`CSV_COLUMNS`] order.
pub fn csv_row(e: &StoredEvent) -> Vec<String> {
    let r = &e.record;
    let loc = r.location.as_ref();
    vec![
        e.id.to_string(),
        opt(&r.date),
        r.source.code.clone(),
        opt(&r.source.text),
        r.target.code.clone(),
        opt(&r.target.text),
        r.cameo.clone(),
        r.root.clone(),
        r.quad_class.map(|q| q.to_string()).unwrap_or_default(),
        r.goldstein.map(|g| g.to_string()).unwrap_or_default(),
        opt(&r.cameo_name),
        opt(&r.plover),
        loc.map(|l| l.name.clone()).unwrap_or_default(),
        loc.and_then(|l| l.country.clone()).unwrap_or_default(),
        loc.and_then(|l| l.lat).map(|v| v.to_string()).unwrap_or_default(),
        loc.and_then(|l| l.lon).map(|v| v.to_string()).unwrap_or_default(),
        e.num_mentions.to_string(),
        e.num_sources.to_string(),
        e.num_articles.to_string(),
        r.doc.clone(),
        r.sentence.to_string(),
        opt(&e.url),
        r.date_method.clone(),
        r.text.clone(),
    ]
}

fn opt(s: &Option<String>) -> String {
    s.clone().unwrap_or_default()
}

/// The 61 GDELT 2.0 Events columns.
pub const GDELT_COLUMNS: [&str; 61] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// The 26 Phoenix columns.
pub const PHOENIX_COLUMNS: [&str; 26] = [
    "EventID",
    "Date",
    "Year",
    "Month",
    "Day",
    "SourceActorFull",
    "SourceActorEntity",
    "SourceActorRole",
    "SourceActorAttribute",
    "TargetActorFull",
    "TargetActorEntity",
    "TargetActorRole",
    "TargetActorAttribute",
    "EventCode",
    "EventRootCode",
    "PentaClass",
    "GoldsteinScore",
    "Issues",
    "Lat",
    "Lon",
    "LocationName",
    "StateName",
    "CountryCode",
    "SentenceID",
    "URLs",
    "NewsSources",
];

/// Codes that are not countries but stand in the country position.
const GROUPS: &[&str] = &["IGO", "NGO", "IMG", "MNC", "UAF", "INT"];
/// The agent (role) codes Phoenix puts in its Role column.
const ROLES: &[&str] = &[
    "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "MED", "EDU", "BUS", "CRM", "CVL",
];

/// A CAMEO code's three-letter parts (`RUSGOVMIL` → `RUS`, `GOV`, `MIL`).
fn parts(code: &str) -> Vec<&str> {
    if code.is_empty() || code.starts_with('-') {
        return Vec::new();
    }
    (0..code.len())
        .step_by(3)
        .filter_map(|i| code.get(i..(i + 3).min(code.len())))
        .collect()
}

/// `(country, known group, type codes)` of an actor code, GDELT style.
fn gdelt_actor(code: &str) -> (String, String, Vec<String>) {
    let p = parts(code);
    let mut country = String::new();
    let mut group = String::new();
    let mut rest = p.as_slice();
    if let Some(first) = p.first() {
        if GROUPS.contains(first) {
            group = p.get(..2).map(|g| g.concat()).unwrap_or_else(|| first.to_string());
            rest = p.get(2..).unwrap_or(&[]);
        } else if !country_of(code).is_empty() {
            country = first.to_string();
            rest = &p[1..];
        }
    }
    (country, group, rest.iter().take(3).map(|s| s.to_string()).collect())
}

/// Phoenix's entity, role and attributes of an actor code.
fn phoenix_actor(code: &str) -> (String, String, String) {
    let p = parts(code);
    let entity = p.first().map(|s| s.to_string()).unwrap_or_default();
    let mut role = String::new();
    let mut attrs = Vec::new();
    for s in p.iter().skip(1) {
        if role.is_empty() && ROLES.contains(s) {
            role = s.to_string();
        } else {
            attrs.push(*s);
        }
    }
    (entity, role, attrs.join(";"))
}

/// Tabs and line breaks to spaces, for the tab-separated layouts.
fn flat(s: &str) -> String {
    if s.contains(['\t', '\n', '\r']) {
        s.replace(['\t', '\n', '\r'], " ")
    } else {
        s.to_string()
    }
}

/// `YYYYMMDD` of a full date, else empty.
fn compact_date(date: Option<&str>) -> String {
    match date {
        Some(d) if d.len() == 10 => d.replace('-', ""),
        _ => String::new(),
    }
}

fn fraction_date(date: &str) -> String {
    match date.parse::<jiff::civil::Date>() {
        Ok(d) => format!("{:.4}", d.year() as f64 + (d.day_of_year() as f64 - 1.0) / 365.0),
        Err(_) => String::new(),
    }
}

/// `YYYYMMDDHHMMSS` (UTC) of Unix seconds.
fn timestamp(secs: i64) -> String {
    match jiff::Timestamp::from_second(secs) {
        Ok(t) => t.strftime("%Y%m%d%H%M%S").to_string(),
        Err(_) => String::new(),
    }
}

fn num(v: Option<f64>) -> String {
    v.map(|x| x.to_string()).unwrap_or_default()
}

fn gdelt_row(e: &StoredEvent) -> Vec<String> {
    let r = &e.record;
    let date = r.date.as_deref().unwrap_or("");
    let sql = compact_date(r.date.as_deref());
    let mut row: Vec<String> = Vec::with_capacity(61);
    row.push(e.id.to_string());
    row.push(sql.clone());
    row.push(sql.get(..6).unwrap_or("").to_string());
    row.push(sql.get(..4).unwrap_or("").to_string());
    row.push(fraction_date(date));
    for actor in [&r.source, &r.target] {
        let known = !actor.code.is_empty() && !actor.code.starts_with('-');
        let (country, group, types) = gdelt_actor(&actor.code);
        row.push(if known { actor.code.clone() } else { String::new() });
        row.push(flat(actor.text.as_deref().unwrap_or("")).to_uppercase());
        row.push(country);
        row.push(group);
        row.extend([String::new(), String::new(), String::new()]);
        for i in 0..3 {
            row.push(types.get(i).cloned().unwrap_or_default());
        }
    }
    row.push(if r.sentence == 0 { "1" } else { "0" }.into());
    row.push(r.cameo.clone());
    row.push(r.cameo.get(..3).unwrap_or(&r.cameo).to_string());
    row.push(r.root.clone());
    row.push(r.quad_class.map(|q| q.to_string()).unwrap_or_default());
    row.push(num(r.goldstein));
    row.push(e.num_mentions.to_string());
    row.push(e.num_sources.to_string());
    row.push(e.num_articles.to_string());
    row.push(String::new()); // AvgTone: dyad measures no tone.
    for _ in 0..2 {
        // Actor geography: dyad locates events, not actors.
        row.extend(std::iter::repeat_n(String::new(), 8));
    }
    match &r.location {
        Some(l) => {
            let city = l.lat.is_some() && l.country.as_deref() != Some(l.name.as_str());
            row.push(if city { "4" } else { "1" }.into());
            row.push(flat(&l.name));
            // GDELT uses FIPS 10-4 country codes; dyad has ISO/CAMEO codes, so blank.
            row.extend([String::new(), String::new(), String::new()]);
            row.push(num(l.lat));
            row.push(num(l.lon));
            row.push(String::new());
        }
        None => row.extend(std::iter::repeat_n(String::new(), 8)),
    }
    row.push(timestamp(e.added));
    row.push(flat(e.url.as_deref().unwrap_or("")));
    debug_assert_eq!(row.len(), 61);
    row
}

fn phoenix_row(store: &Store, e: &StoredEvent) -> Result<Vec<String>> {
    let r = &e.record;
    let sql = compact_date(r.date.as_deref());
    let reports = store.reports(e.id)?;
    let (se, sr, sa) = phoenix_actor(&r.source.code);
    let (te, tr, ta) = phoenix_actor(&r.target.code);
    let penta = match (r.root.as_str(), r.quad_class) {
        ("01" | "02", _) => "0".to_string(),
        (_, Some(q)) => q.to_string(),
        _ => String::new(),
    };
    let loc = r.location.as_ref();
    let mut urls: Vec<&str> = reports.iter().filter_map(|x| x.2.as_deref()).collect();
    urls.dedup();
    let mut sources: Vec<&str> = reports.iter().map(|x| x.3.as_str()).collect();
    sources.sort_unstable();
    sources.dedup();
    Ok(vec![
        e.id.to_string(),
        sql.clone(),
        sql.get(..4).unwrap_or("").into(),
        sql.get(4..6).unwrap_or("").into(),
        sql.get(6..8).unwrap_or("").into(),
        r.source.code.clone(),
        se,
        sr,
        sa,
        r.target.code.clone(),
        te,
        tr,
        ta,
        r.cameo.clone(),
        r.root.clone(),
        penta,
        num(r.goldstein),
        String::new(),
        num(loc.and_then(|l| l.lat)),
        num(loc.and_then(|l| l.lon)),
        flat(loc.map(|l| l.name.as_str()).unwrap_or("")),
        String::new(),
        loc.and_then(|l| l.country.clone()).unwrap_or_default(),
        flat(
            &reports
                .iter()
                .map(|x| format!("{}_{}", x.0, x.1))
                .collect::<Vec<_>>()
                .join(";"),
        ),
        flat(&urls.join(";")),
        flat(&sources.join(";")),
    ])
}

fn actor_json(a: &dyad_doc::records::ActorRef) -> Value {
    let (entity, role, _) = phoenix_actor(&a.code);
    json!({"code": a.code, "entity": entity, "sector": role, "entity_text": a.text})
}

fn plover_json(e: &StoredEvent) -> Value {
    let r = &e.record;
    let mut v = json!({
        "id": e.id.to_string(),
        "date": r.date,
        "actor": [actor_json(&r.source)],
        "recipient": [actor_json(&r.target)],
        "event": r.plover.iter().collect::<Vec<_>>(),
        "mode": r.plover_mode.iter().collect::<Vec<_>>(),
        "context": r.plover_context,
        "quad_code": r.quad_class,
        "event_text": r.evidence.verb_text,
        "text": r.text,
        "link": e.url,
        "cite_info": {"doc": r.doc, "sentence": r.sentence, "num_mentions": e.num_mentions,
                      "num_sources": e.num_sources, "num_articles": e.num_articles},
        "coder": "dyad",
        "cameo": r.cameo,
    });
    if let Some(l) = &r.location {
        v["event_loc"] = json!({"name": l.name, "country": l.country, "lat": l.lat, "lon": l.lon, "method": l.method});
    }
    v
}

/// The JSON line of `dyad events --format jsonl`: the event record of
/// `dyad code` (with `kind`) plus `id`, `num_mentions`, `num_sources`,
/// `num_articles`.
pub fn event_json(e: &StoredEvent) -> Result<String> {
    #[derive(serde::Serialize)]
    struct Line<'a> {
        kind: &'static str,
        #[serde(flatten)]
        event: &'a StoredEvent,
    }
    Ok(serde_json::to_string(&Line {
        kind: "event",
        event: e,
    })?)
}

/// Write every event the filter selects to `out` in the chosen layout,
/// streaming; returns the number of events written. Phoenix costs one
/// extra indexed lookup per event (the list of every report).
pub fn export(store: &Store, filter: &EventFilter, options: &ExportOptions, out: &mut dyn Write) -> Result<u64> {
    let mut n = 0u64;
    match options.format {
        ExportFormat::Jsonl | ExportFormat::Plover => {
            store.for_each_event(filter, |e| {
                if options.format == ExportFormat::Jsonl {
                    out.write_all(event_json(&e)?.as_bytes())?;
                } else {
                    serde_json::to_writer(&mut *out, &plover_json(&e))?;
                }
                out.write_all(b"\n")?;
                n += 1;
                Ok(())
            })?;
        }
        ExportFormat::Csv | ExportFormat::Gdelt | ExportFormat::Phoenix => {
            let delimiter = if options.format == ExportFormat::Csv {
                b','
            } else {
                b'\t'
            };
            let mut w = csv::WriterBuilder::new().delimiter(delimiter).from_writer(&mut *out);
            if options.header {
                match options.format {
                    ExportFormat::Csv => w.write_record(CSV_COLUMNS)?,
                    ExportFormat::Gdelt => w.write_record(GDELT_COLUMNS)?,
                    _ => w.write_record(PHOENIX_COLUMNS)?,
                }
            }
            store.for_each_event(filter, |e| {
                match options.format {
                    ExportFormat::Csv => w.write_record(csv_row(&e))?,
                    ExportFormat::Gdelt => w.write_record(gdelt_row(&e))?,
                    _ => w.write_record(phoenix_row(store, &e)?)?,
                }
                n += 1;
                Ok(())
            })?;
            w.flush()?;
        }
    }
    Ok(n)
}

/// Write CSV rows of events (the `dyad events --format csv` layout).
pub fn write_csv(events: &[StoredEvent], out: &mut dyn Write) -> Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(CSV_COLUMNS)?;
    for e in events {
        w.write_record(csv_row(e))?;
    }
    w.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actor_codes_split_into_gdelt_parts() {
        assert_eq!(
            gdelt_actor("RUSGOVMIL"),
            ("RUS".into(), String::new(), vec!["GOV".into(), "MIL".into()])
        );
        assert_eq!(gdelt_actor("IGOUNO"), (String::new(), "IGOUNO".into(), vec![]));
        assert_eq!(gdelt_actor("---"), (String::new(), String::new(), vec![]));
    }

    #[test]
    fn phoenix_roles_are_picked_from_the_agents() {
        assert_eq!(phoenix_actor("USAELIGOV"), ("USA".into(), "GOV".into(), "ELI".into()));
    }

    #[test]
    fn dates_compact_only_when_complete() {
        assert_eq!(compact_date(Some("2024-01-12")), "20240112");
        assert_eq!(compact_date(Some("2024-01")), "");
        assert_eq!(timestamp(0), "19700101000000");
    }
}
