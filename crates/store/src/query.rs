//! Queries: events by actor, code, period and words; dyadic time series;
//! country (or actor) networks; quotations; one document with everything
//! coded from it.

use dyad_doc::records::{DocumentRecord, EventRecord, QuoteRecord};
use rusqlite::types::Value;
use rusqlite::{params_from_iter, OptionalExtension, Row};
use serde::Serialize;

use crate::{Error, Result, Store};

/// Which events to select. Every field narrows the selection; the default
/// selects everything. Codes match as prefixes (`RUS` matches `RUSGOV`,
/// `04` matches `042`).
#[derive(Clone, Debug, Default)]
pub struct EventFilter {
    /// Source or target starts with this.
    pub actor: Option<String>,
    pub source: Option<String>,
    pub target: Option<String>,
    /// Source country, target country or location country (three letters).
    pub country: Option<String>,
    /// CAMEO code prefix.
    pub code: Option<String>,
    pub quad: Option<u8>,
    /// First and last date, inclusive (`YYYY-MM-DD`).
    pub since: Option<String>,
    pub until: Option<String>,
    /// Words that must all occur in a document reporting the event (FTS5).
    pub text: Option<String>,
    pub limit: Option<usize>,
}

/// A GLOB pattern matching strings that start with `prefix`.
fn prefix_glob(prefix: &str) -> String {
    let mut g = String::with_capacity(prefix.len() + 1);
    for c in prefix.chars() {
        match c {
            '*' | '?' | '[' => {
                g.push('[');
                g.push(c);
                g.push(']');
            }
            _ => g.push(c),
        }
    }
    g.push('*');
    g
}

/// A safe FTS5 query from user words: every word must occur.
pub(crate) fn fts_query(words: &str) -> Result<String> {
    let terms: Vec<String> = words
        .split_whitespace()
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect();
    if terms.is_empty() {
        return Err(Error::Invalid("--text needs at least one word".into()));
    }
    Ok(terms.join(" "))
}

fn check_date(what: &str, d: &Option<String>) -> Result<()> {
    if let Some(d) = d {
        if d.parse::<jiff::civil::Date>().is_err() {
            return Err(Error::Invalid(format!(
                "{what} {d:?} is not a date (expected YYYY-MM-DD)"
            )));
        }
    }
    Ok(())
}

impl EventFilter {
    /// The SQL condition over `events e` and its parameters.
    fn condition(&self) -> Result<(String, Vec<Value>)> {
        check_date("--since", &self.since)?;
        check_date("--until", &self.until)?;
        let mut parts: Vec<String> = vec!["1".into()];
        let mut values: Vec<Value> = Vec::new();
        let mut push = |sql: &str, vals: Vec<Value>, parts: &mut Vec<String>| {
            let mut sql = sql.to_string();
            for v in vals {
                values.push(v);
                sql = sql.replacen('$', &format!("?{}", values.len()), 1);
            }
            parts.push(sql);
        };
        let text = |s: &str| Value::Text(s.to_string());
        if let Some(a) = &self.actor {
            let g = prefix_glob(a);
            push(
                "(e.source GLOB $ OR e.target GLOB $)",
                vec![text(&g), text(&g)],
                &mut parts,
            );
        }
        if let Some(s) = &self.source {
            push("e.source GLOB $", vec![text(&prefix_glob(s))], &mut parts);
        }
        if let Some(t) = &self.target {
            push("e.target GLOB $", vec![text(&prefix_glob(t))], &mut parts);
        }
        if let Some(c) = &self.country {
            let c = c.to_uppercase();
            push(
                "(e.src_country = $ OR e.tgt_country = $ OR e.loc_country = $)",
                vec![text(&c), text(&c), text(&c)],
                &mut parts,
            );
        }
        if let Some(code) = &self.code {
            push("e.cameo GLOB $", vec![text(&prefix_glob(code))], &mut parts);
        }
        if let Some(q) = self.quad {
            if !(1..=4).contains(&q) {
                return Err(Error::Invalid(format!("--quad {q}: QuadClass is 1 to 4")));
            }
            push("e.quad_class = $", vec![Value::Integer(q as i64)], &mut parts);
        }
        if let Some(s) = &self.since {
            push("e.date >= $", vec![text(s)], &mut parts);
        }
        if let Some(u) = &self.until {
            push("e.date <= $", vec![text(u)], &mut parts);
        }
        if let Some(t) = &self.text {
            push(
                "e.id IN (SELECT m.event_id FROM mentions m WHERE m.doc_id IN
                  (SELECT rowid FROM documents_fts WHERE documents_fts MATCH $))",
                vec![Value::Text(fts_query(t)?)],
                &mut parts,
            );
        }
        Ok((parts.join(" AND "), values))
    }
}

/// An event as stored: the record of its first report, plus its database
/// id and counts of every report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StoredEvent {
    pub id: i64,
    #[serde(flatten)]
    pub record: EventRecord,
    pub num_mentions: i64,
    pub num_sources: i64,
    pub num_articles: i64,
    /// URL and outlet of the first report.
    #[serde(skip)]
    pub url: Option<String>,
    #[serde(skip)]
    pub outlet: Option<String>,
    /// When the event was first stored (Unix seconds).
    #[serde(skip)]
    pub added: i64,
}

const EVENT_COLUMNS: &str = "e.id, e.num_mentions, e.num_sources, e.num_articles, e.added, m.record, d.doc,
     CAST(substr(CAST(d.text AS BLOB), m.sent_start + 1, m.sent_end - m.sent_start) AS TEXT), d.url, d.source";

fn event_from_row(row: &Row<'_>) -> rusqlite::Result<(StoredEvent, String)> {
    let json: String = row.get(5)?;
    Ok((
        StoredEvent {
            id: row.get(0)?,
            num_mentions: row.get(1)?,
            num_sources: row.get(2)?,
            num_articles: row.get(3)?,
            added: row.get(4)?,
            record: EventRecord {
                doc: row.get(6)?,
                text: row.get::<_, Option<String>>(7)?.unwrap_or_default(),
                ..EventRecord::default()
            },
            url: row.get(8)?,
            outlet: row.get(9)?,
        },
        json,
    ))
}

fn finish_event((mut ev, json): (StoredEvent, String)) -> Result<StoredEvent> {
    let mut record: EventRecord = serde_json::from_str(&json)?;
    record.doc = std::mem::take(&mut ev.record.doc);
    record.text = std::mem::take(&mut ev.record.text);
    ev.record = record;
    Ok(ev)
}

/// One report of an event: document id, sentence, URL, outlet (the
/// document's source, or the host of its URL).
pub type ReportRef = (String, i64, Option<String>, String);

/// A stored document: its record, text, events and quotations.
pub type StoredDocument = (DocumentRecord, String, Vec<StoredEvent>, Vec<StoredQuote>);

/// One period of a dyadic time series.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SeriesRow {
    /// The period: `2024-01-12` (day, or the Monday of a week), `2024-01`, `2024`.
    pub period: String,
    pub events: i64,
    /// Events per QuadClass 1..4.
    pub quad1: i64,
    pub quad2: i64,
    pub quad3: i64,
    pub quad4: i64,
    pub goldstein_sum: f64,
    pub goldstein_mean: Option<f64>,
}

/// The length of a time-series period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    Day,
    /// Weeks start on Monday and are named by that Monday's date.
    Week,
    Month,
    Year,
}

impl Period {
    fn sql(self) -> &'static str {
        match self {
            Period::Day => "e.date",
            Period::Week => "date(e.date, '-6 days', 'weekday 1')",
            Period::Month => "substr(e.date, 1, 7)",
            Period::Year => "substr(e.date, 1, 4)",
        }
    }
}

/// A dyadic time series request: events from `source` to `target`
/// (prefixes), or both ways with `both`.
#[derive(Clone, Debug)]
pub struct SeriesQuery {
    pub source: String,
    pub target: String,
    pub by: Period,
    pub both: bool,
    pub since: Option<String>,
    pub until: Option<String>,
}

/// One edge of an actor network.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Edge {
    pub source: String,
    pub target: String,
    pub events: i64,
    pub goldstein_mean: Option<f64>,
    /// Sum of the events' report counts.
    pub mentions: i64,
}

/// Nodes of a network: countries (first three letters of the codes) or
/// full actor codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NetworkLevel {
    Country,
    Actor,
}

/// A network request.
#[derive(Clone, Debug)]
pub struct NetworkQuery {
    pub level: NetworkLevel,
    pub since: Option<String>,
    pub until: Option<String>,
    /// Leave out edges with fewer events.
    pub min: i64,
}

/// Which quotations to select.
#[derive(Clone, Debug, Default)]
pub struct QuoteFilter {
    /// Part of the speaker's name (case-insensitive) or an actor code prefix.
    pub speaker: Option<String>,
    /// Words that must all occur in the quotation (FTS5).
    pub text: Option<String>,
    pub limit: Option<usize>,
}

/// A stored quotation.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StoredQuote {
    pub id: i64,
    #[serde(flatten)]
    pub record: QuoteRecord,
}

impl Store {
    /// Call `each` for every event the filter selects, by date then id,
    /// streaming (constant memory). Cost: an index range scan when the
    /// filter names an actor or dates, else a scan of the events table.
    pub fn for_each_event(&self, filter: &EventFilter, mut each: impl FnMut(StoredEvent) -> Result<()>) -> Result<()> {
        let (cond, mut values) = filter.condition()?;
        let limit = match filter.limit {
            Some(n) => {
                values.push(Value::Integer(n as i64));
                format!("LIMIT ?{}", values.len())
            }
            None => String::new(),
        };
        let sql = format!(
            "SELECT {EVENT_COLUMNS} FROM events e JOIN mentions m ON m.id = e.first_mention
             JOIN documents d ON d.id = m.doc_id WHERE {cond} ORDER BY e.date, e.id {limit}"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let mut rows = stmt.query(params_from_iter(values))?;
        while let Some(row) = rows.next()? {
            each(finish_event(event_from_row(row)?)?)?;
        }
        Ok(())
    }

    /// The selected events, collected.
    pub fn events(&self, filter: &EventFilter) -> Result<Vec<StoredEvent>> {
        let mut out = Vec::new();
        self.for_each_event(filter, |e| {
            out.push(e);
            Ok(())
        })?;
        Ok(out)
    }

    /// Every report of one event: (document id, sentence, URL, outlet as
    /// given by the document or its URL host). One indexed lookup.
    pub fn reports(&self, event_id: i64) -> Result<Vec<ReportRef>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT d.doc, m.sentence, d.url, coalesce(d.source, m.outlet) FROM mentions m
             JOIN documents d ON d.id = m.doc_id WHERE m.event_id = ?1 ORDER BY m.id",
        )?;
        let rows = stmt.query_map([event_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A dyadic time series: per period, events per QuadClass, Goldstein sum
    /// and mean. Periods without events are absent. Cost: an index range
    /// scan on the source prefix.
    pub fn series(&self, q: &SeriesQuery) -> Result<Vec<SeriesRow>> {
        check_date("--since", &q.since)?;
        check_date("--until", &q.until)?;
        let mut values = vec![Value::Text(prefix_glob(&q.source)), Value::Text(prefix_glob(&q.target))];
        let dyad = if q.both {
            "((e.source GLOB ?1 AND e.target GLOB ?2) OR (e.source GLOB ?2 AND e.target GLOB ?1))"
        } else {
            "(e.source GLOB ?1 AND e.target GLOB ?2)"
        };
        let mut cond = format!("{dyad} AND e.date IS NOT NULL");
        if let Some(s) = &q.since {
            values.push(Value::Text(s.clone()));
            cond.push_str(&format!(" AND e.date >= ?{}", values.len()));
        }
        if let Some(u) = &q.until {
            values.push(Value::Text(u.clone()));
            cond.push_str(&format!(" AND e.date <= ?{}", values.len()));
        }
        // Partial dates (`2024-01`) have no day or week.
        if matches!(q.by, Period::Day | Period::Week) {
            cond.push_str(" AND length(e.date) = 10");
        }
        let sql = format!(
            "SELECT {p} AS period, count(*),
                sum(e.quad_class = 1), sum(e.quad_class = 2), sum(e.quad_class = 3), sum(e.quad_class = 4),
                total(e.goldstein), avg(e.goldstein)
             FROM events e WHERE {cond} GROUP BY period ORDER BY period",
            p = q.by.sql()
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params_from_iter(values), |r| {
            Ok(SeriesRow {
                period: r.get(0)?,
                events: r.get(1)?,
                quad1: r.get::<_, Option<i64>>(2)?.unwrap_or(0),
                quad2: r.get::<_, Option<i64>>(3)?.unwrap_or(0),
                quad3: r.get::<_, Option<i64>>(4)?.unwrap_or(0),
                quad4: r.get::<_, Option<i64>>(5)?.unwrap_or(0),
                goldstein_sum: r.get(6)?,
                goldstein_mean: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The directed network of who acted on whom: one edge per (source,
    /// target) with event count, mean Goldstein and report count, most
    /// events first. Unknown actors are left out. Cost: one scan of the
    /// events in the period.
    pub fn network(&self, q: &NetworkQuery) -> Result<Vec<Edge>> {
        check_date("--since", &q.since)?;
        check_date("--until", &q.until)?;
        let (s, t) = match q.level {
            NetworkLevel::Country => ("e.src_country", "e.tgt_country"),
            NetworkLevel::Actor => ("e.source", "e.target"),
        };
        let mut values: Vec<Value> = vec![Value::Integer(q.min.max(1))];
        let mut cond = format!("{s} NOT IN ('', '---') AND {t} NOT IN ('', '---')");
        if let Some(since) = &q.since {
            values.push(Value::Text(since.clone()));
            cond.push_str(&format!(" AND e.date >= ?{}", values.len()));
        }
        if let Some(until) = &q.until {
            values.push(Value::Text(until.clone()));
            cond.push_str(&format!(" AND e.date <= ?{}", values.len()));
        }
        let sql = format!(
            "SELECT {s}, {t}, count(*) AS n, avg(e.goldstein), sum(e.num_mentions) FROM events e
             WHERE {cond} GROUP BY 1, 2 HAVING n >= ?1 ORDER BY n DESC, 1, 2"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params_from_iter(values), |r| {
            Ok(Edge {
                source: r.get(0)?,
                target: r.get(1)?,
                events: r.get(2)?,
                goldstein_mean: r.get(3)?,
                mentions: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Quotations matching the filter, in document order.
    pub fn quotes(&self, f: &QuoteFilter) -> Result<Vec<StoredQuote>> {
        let mut values: Vec<Value> = Vec::new();
        let mut cond = String::from("1");
        if let Some(s) = &f.speaker {
            values.push(Value::Text(format!("%{}%", s.replace(['%', '_'], ""))));
            values.push(Value::Text(prefix_glob(s)));
            cond.push_str(&format!(
                " AND (q.speaker LIKE ?{} OR q.speaker_code GLOB ?{})",
                values.len() - 1,
                values.len()
            ));
        }
        if let Some(t) = &f.text {
            values.push(Value::Text(fts_query(t)?));
            cond.push_str(&format!(
                " AND q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?{})",
                values.len()
            ));
        }
        let limit = f.limit.map(|n| format!("LIMIT {n}")).unwrap_or_default();
        let sql = format!(
            "SELECT q.id, q.record, d.doc FROM quotes q JOIN documents d ON d.id = q.doc_id
             WHERE {cond} ORDER BY q.doc_id, q.id {limit}"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params_from_iter(values), |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, json, doc) = row?;
            let mut record: QuoteRecord = serde_json::from_str(&json)?;
            record.doc = doc;
            out.push(StoredQuote { id, record });
        }
        Ok(out)
    }

    /// One document: its record, text, the events it reports (each with its
    /// stored id and counts, the record being this document's report) and
    /// its quotations. `None` when the id is not stored.
    pub fn document(&self, doc: &str) -> Result<Option<StoredDocument>> {
        let row = self
            .conn
            .query_row(
                "SELECT id, doc, title, published, url, source, byline, dateline, agencies, photo_credits,
                 sentences, metadata, warnings, text FROM documents WHERE doc = ?1",
                [doc],
                |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        DocumentRecord {
                            doc: r.get(1)?,
                            title: r.get(2)?,
                            published: r.get(3)?,
                            url: r.get(4)?,
                            source: r.get(5)?,
                            byline: r.get(6)?,
                            dateline: r.get(7)?,
                            sentences: r.get::<_, i64>(10)? as usize,
                            ..DocumentRecord::default()
                        },
                        [
                            r.get::<_, String>(8)?,
                            r.get::<_, String>(9)?,
                            r.get::<_, Option<String>>(11)?.unwrap_or_default(),
                            r.get::<_, Option<String>>(12)?.unwrap_or_default(),
                        ],
                        r.get::<_, Option<String>>(13)?.unwrap_or_default(),
                    ))
                },
            )
            .optional()?;
        let Some((id, mut record, [agencies, photos, metadata, warnings], text)) = row else {
            return Ok(None);
        };
        record.agencies = serde_json::from_str(&agencies)?;
        record.photo_credits = serde_json::from_str(&photos)?;
        if !metadata.is_empty() {
            record.metadata = serde_json::from_str(&metadata)?;
        }
        if !warnings.is_empty() {
            record.warnings = serde_json::from_str(&warnings)?;
        }
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {EVENT_COLUMNS} FROM mentions m JOIN events e ON e.id = m.event_id
             JOIN documents d ON d.id = m.doc_id WHERE m.doc_id = ?1 ORDER BY m.id"
        ))?;
        let events = stmt
            .query_map([id], event_from_row)?
            .map(|r| finish_event(r?))
            .collect::<Result<Vec<_>>>()?;
        let mut stmt = self
            .conn
            .prepare("SELECT id, record FROM quotes WHERE doc_id = ?1 ORDER BY id")?;
        let quotes = stmt
            .query_map([id], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?
            .map(|r| {
                let (qid, json) = r?;
                let mut q: QuoteRecord = serde_json::from_str(&json)?;
                q.doc = record.doc.clone();
                Ok(StoredQuote { id: qid, record: q })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(Some((record, text, events, quotes)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_glob_escapes_wildcards() {
        assert_eq!(prefix_glob("RUS"), "RUS*");
        assert_eq!(prefix_glob("a*b"), "a[*]b*");
    }

    #[test]
    fn fts_query_quotes_every_word() {
        assert_eq!(fts_query("peace  talks").unwrap(), "\"peace\" \"talks\"");
        assert_eq!(fts_query("say \"no\"").unwrap(), "\"say\" \"\"\"no\"\"\"");
        assert!(fts_query("  ").is_err());
    }

    #[test]
    fn bad_dates_in_a_filter_are_refused() {
        let f = EventFilter {
            since: Some("yesterday".into()),
            ..EventFilter::default()
        };
        let err = f.condition().unwrap_err().to_string();
        assert!(err.contains("--since"), "{err}");
    }
}
