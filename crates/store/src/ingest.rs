//! Writing coded documents: one transaction per batch, one savepoint per
//! document (a bad document is rolled back alone), deduplication of events
//! into one row per (date, source, target, code, location) with a mention
//! per report.

use dyad_doc::records::{DocumentRecord, EventRecord, MentionRecord, QuoteRecord, Record};
use rusqlite::{params, Connection, OptionalExtension};

use crate::{country_of, Error, Result, Store};

/// How reports of the same event are merged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dedup {
    /// Every coded event is its own row.
    None,
    /// Reports with the same source, target, CAMEO code and location whose
    /// dates are at most `window` days apart are one event (0: same day).
    Day { window: u32 },
}

impl Dedup {
    /// The form stored in the database's `meta` table: `none`, `day:N`.
    pub fn key(self) -> String {
        match self {
            Dedup::None => "none".into(),
            Dedup::Day { window } => format!("day:{window}"),
        }
    }
}

/// Everything coded from one document, ready to store.
#[derive(Clone, Debug, Default)]
pub struct Report {
    pub document: DocumentRecord,
    /// The document text (every offset points into it).
    pub text: String,
    /// `[start, end]` of every sentence, in order.
    pub sentences: Vec<[usize; 2]>,
    pub events: Vec<EventRecord>,
    pub quotes: Vec<QuoteRecord>,
    pub mentions: Vec<MentionRecord>,
}

impl Report {
    /// Sort the records of one document (as `Pipeline::process` returns
    /// them) into a report. Fails when there is no document record or a
    /// record names another document.
    pub fn from_records(records: Vec<Record>, text: String, sentences: Vec<[usize; 2]>) -> Result<Report> {
        let mut report = Report {
            text,
            sentences,
            ..Report::default()
        };
        let mut document = None;
        for r in records {
            match r {
                Record::Document(d) => document = Some(d),
                Record::Event(e) => report.events.push(e),
                Record::Quote(q) => report.quotes.push(q),
                Record::Mention(m) => report.mentions.push(m),
            }
        }
        report.document = document.ok_or_else(|| Error::Invalid("no document record".into()))?;
        Ok(report)
    }
}

/// What one batch did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BatchOutcome {
    /// Ids of the documents stored by this batch (committed when
    /// `write_batch` returned).
    pub stored: Vec<String>,
    /// Documents already in the database, left unchanged.
    pub skipped: usize,
    /// Event reports stored (mentions).
    pub mentions: usize,
    /// New event rows (mentions that did not merge into an existing event).
    pub new_events: usize,
    pub quotes: usize,
    /// Documents that could not be stored: (document id, reason). Nothing
    /// of them was written; the rest of the batch was.
    pub errors: Vec<(String, String)>,
}

impl Store {
    /// Record the deduplication setting on first use; refuse a database
    /// built with another one (mixing them would make counts meaningless).
    pub fn settle_dedup(&self, dedup: Dedup) -> Result<()> {
        match self.meta("dedup")? {
            Some(existing) if existing != dedup.key() => Err(Error::Invalid(format!(
                "this database was built with --dedup {} and cannot take --dedup {}",
                existing.replace(':', " --window "),
                dedup.key().replace(':', " --window ")
            ))),
            Some(_) => Ok(()),
            None => {
                self.conn
                    .execute("INSERT INTO meta (key, value) VALUES ('dedup', ?1)", [dedup.key()])?;
                Ok(())
            }
        }
    }

    /// Store a batch of documents in one transaction. Documents already
    /// present are skipped (idempotent); a document that fails is rolled
    /// back alone and reported with its id. When this returns `Ok`, every
    /// document in `outcome.stored` is durably committed.
    ///
    /// Cost: per event one index lookup (dedup) and two inserts; per
    /// document one full-text index insert.
    pub fn write_batch(&mut self, reports: &[Report], dedup: Dedup, now: i64) -> Result<BatchOutcome> {
        self.settle_dedup(dedup)?;
        let mut outcome = BatchOutcome::default();
        let mut tx = self.conn.transaction()?;
        for report in reports {
            let sp = tx.savepoint()?;
            match store_one(&sp, report, dedup, now) {
                Ok(Some((mentions, new_events))) => {
                    sp.commit()?;
                    outcome.stored.push(report.document.doc.clone());
                    outcome.mentions += mentions;
                    outcome.new_events += new_events;
                    outcome.quotes += report.quotes.len();
                }
                Ok(None) => {
                    sp.commit()?;
                    outcome.skipped += 1;
                }
                Err(e) => {
                    // Dropping the savepoint rolls this document back.
                    drop(sp);
                    outcome.errors.push((report.document.doc.clone(), e.to_string()));
                }
            }
        }
        tx.commit()?;
        Ok(outcome)
    }
}

fn json_list(v: &[String]) -> Result<String> {
    Ok(serde_json::to_string(v)?)
}

fn check_span(span: [usize; 2], len: usize, what: &str) -> Result<()> {
    if span[0] > span[1] || span[1] > len {
        return Err(Error::Invalid(format!(
            "{what} [{}, {}] lies outside the text ({len} bytes)",
            span[0], span[1]
        )));
    }
    Ok(())
}

/// The outlet a document counts as for `num_sources`: its source, else the
/// host of its URL, else the document itself.
fn outlet(d: &DocumentRecord) -> String {
    if let Some(s) = d.source.as_deref().filter(|s| !s.trim().is_empty()) {
        return s.trim().to_lowercase();
    }
    if let Some(url) = d.url.as_deref() {
        let rest = url.split("://").nth(1).unwrap_or(url);
        let host = rest.split(['/', '?', '#']).next().unwrap_or("");
        if !host.is_empty() {
            return host.trim_start_matches("www.").to_lowercase();
        }
    }
    format!("doc:{}", d.doc)
}

/// Store one document; `None` when it was already there, else the number
/// of mentions and of new events written.
fn store_one(tx: &Connection, r: &Report, dedup: Dedup, now: i64) -> Result<Option<(usize, usize)>> {
    let d = &r.document;
    if d.doc.is_empty() {
        return Err(Error::Invalid("document has an empty id".into()));
    }
    if tx
        .prepare_cached("SELECT 1 FROM documents WHERE doc = ?1")?
        .exists([&d.doc])?
    {
        return Ok(None);
    }
    let len = r.text.len();
    for e in &r.events {
        if e.doc != d.doc {
            return Err(Error::Invalid(format!("an event record names document {}", e.doc)));
        }
        check_span(e.sentence_span, len, "event sentence")?;
        check_span(e.evidence.verb, len, "event verb")?;
    }
    for q in &r.quotes {
        if q.doc != d.doc {
            return Err(Error::Invalid(format!("a quote record names document {}", q.doc)));
        }
    }
    let metadata = if d.metadata.is_empty() {
        None
    } else {
        Some(serde_json::to_string(&d.metadata)?)
    };
    let warnings = if d.warnings.is_empty() {
        None
    } else {
        Some(json_list(&d.warnings)?)
    };
    tx.prepare_cached(
        "INSERT INTO documents (doc, title, published, url, source, byline, dateline, agencies, photo_credits,
         sentences, metadata, warnings, text, added) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14)",
    )?
    .execute(params![
        d.doc,
        d.title,
        d.published,
        d.url,
        d.source,
        d.byline,
        d.dateline,
        json_list(&d.agencies)?,
        json_list(&d.photo_credits)?,
        d.sentences as i64,
        metadata,
        warnings,
        r.text,
        now
    ])?;
    let doc_id = tx.last_insert_rowid();
    tx.prepare_cached("INSERT INTO documents_fts (rowid, title, text) VALUES (?1, ?2, ?3)")?
        .execute(params![doc_id, d.title.as_deref().unwrap_or(""), r.text])?;
    {
        let mut stmt = tx.prepare_cached("INSERT INTO sentences (doc_id, idx, start, end) VALUES (?1,?2,?3,?4)")?;
        for (i, s) in r.sentences.iter().enumerate() {
            check_span(*s, len, "sentence")?;
            stmt.execute(params![doc_id, i as i64, s[0] as i64, s[1] as i64])?;
        }
    }
    let outlet = outlet(d);
    let mut new_events = 0;
    for e in &r.events {
        if add_event(tx, doc_id, &outlet, e, dedup, now)? {
            new_events += 1;
        }
    }
    {
        let mut stmt = tx.prepare_cached(
            "INSERT INTO quotes (doc_id, sentence, speaker, speaker_code, cue, direct, text, record)
             VALUES (?1,?2,?3,?4,?5,?6,?7,?8)",
        )?;
        let mut fts = tx.prepare_cached("INSERT INTO quotes_fts (rowid, text, speaker) VALUES (?1, ?2, ?3)")?;
        for q in &r.quotes {
            let speaker = q.speaker.as_ref().map(|s| s.name.as_str());
            let code = q.speaker.as_ref().and_then(|s| s.code.as_deref());
            let mut stored = q.clone();
            stored.doc.clear();
            stmt.execute(params![
                doc_id,
                q.sentence as i64,
                speaker,
                code,
                q.cue,
                q.direct,
                q.text,
                serde_json::to_string(&stored)?
            ])?;
            fts.execute(params![tx.last_insert_rowid(), q.text, speaker.unwrap_or("")])?;
        }
    }
    {
        let mut stmt = tx.prepare_cached(
            "INSERT INTO annotations (doc_id, sentence, type, start, end, code, value, name, country, lat, lon)
             VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11)",
        )?;
        for m in &r.mentions {
            stmt.execute(params![
                doc_id,
                m.sentence as i64,
                m.kind,
                m.start as i64,
                m.end as i64,
                m.code,
                m.value.as_ref().and_then(Option::as_deref),
                m.name,
                m.country,
                m.lat,
                m.lon
            ])?;
        }
    }
    Ok(Some((r.events.len(), new_events)))
}

/// The location part of the dedup key: country and lower-cased name.
fn loc_key(e: &EventRecord) -> String {
    match &e.location {
        Some(l) => format!("{}|{}", l.country.as_deref().unwrap_or(""), l.name.to_lowercase()),
        None => String::new(),
    }
}

/// The date range `[date - window, date + window]` as `YYYY-MM-DD`
/// strings; `None` for a partial or missing date (matched exactly).
fn window(date: &str, days: u32) -> Option<(String, String)> {
    let d: jiff::civil::Date = date.parse().ok()?;
    let span = jiff::Span::new().days(days as i64);
    Some((
        d.checked_sub(span).ok()?.to_string(),
        d.checked_add(span).ok()?.to_string(),
    ))
}

/// Add one event report; returns whether it created a new event row.
fn add_event(tx: &Connection, doc_id: i64, outlet: &str, e: &EventRecord, dedup: Dedup, now: i64) -> Result<bool> {
    let key = loc_key(e);
    let existing: Option<i64> = match dedup {
        Dedup::None => None,
        Dedup::Day { window: days } => match e.date.as_deref().and_then(|d| window(d, days)) {
            Some((lo, hi)) => tx
                .prepare_cached(
                    "SELECT id FROM events WHERE source = ?1 AND target = ?2 AND cameo = ?3 AND loc_key = ?4
                     AND date BETWEEN ?5 AND ?6 ORDER BY date, id LIMIT 1",
                )?
                .query_row(params![e.source.code, e.target.code, e.cameo, key, lo, hi], |r| {
                    r.get(0)
                })
                .optional()?,
            None => tx
                .prepare_cached(
                    "SELECT id FROM events WHERE source = ?1 AND target = ?2 AND cameo = ?3 AND loc_key = ?4
                     AND date IS ?5 ORDER BY id LIMIT 1",
                )?
                .query_row(params![e.source.code, e.target.code, e.cameo, key, e.date], |r| {
                    r.get(0)
                })
                .optional()?,
        },
    };
    let (event_id, created) = match existing {
        Some(id) => (id, false),
        None => {
            let loc = e.location.as_ref();
            tx.prepare_cached(
                "INSERT INTO events (date, source, target, src_country, tgt_country, cameo, root, quad_class,
                 goldstein, plover, loc_key, loc_name, loc_country, lat, lon, added)
                 VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16)",
            )?
            .execute(params![
                e.date,
                e.source.code,
                e.target.code,
                country_of(&e.source.code),
                country_of(&e.target.code),
                e.cameo,
                e.root,
                e.quad_class,
                e.goldstein,
                e.plover,
                key,
                loc.map(|l| &l.name),
                loc.and_then(|l| l.country.as_deref()),
                loc.and_then(|l| l.lat),
                loc.and_then(|l| l.lon),
                now
            ])?;
            (tx.last_insert_rowid(), true)
        }
    };
    let new_article = created
        || !tx
            .prepare_cached("SELECT 1 FROM mentions WHERE event_id = ?1 AND doc_id = ?2")?
            .exists(params![event_id, doc_id])?;
    let new_source = created
        || !tx
            .prepare_cached("SELECT 1 FROM mentions WHERE event_id = ?1 AND outlet = ?2")?
            .exists(params![event_id, outlet])?;
    let mut stored = e.clone();
    stored.doc.clear();
    stored.text.clear();
    tx.prepare_cached(
        "INSERT INTO mentions (event_id, doc_id, sentence, outlet, src_start, src_end, tgt_start, tgt_end,
         verb_start, verb_end, sent_start, sent_end, record) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13)",
    )?
    .execute(params![
        event_id,
        doc_id,
        e.sentence as i64,
        outlet,
        e.source.span.map(|s| s[0] as i64),
        e.source.span.map(|s| s[1] as i64),
        e.target.span.map(|s| s[0] as i64),
        e.target.span.map(|s| s[1] as i64),
        e.evidence.verb[0] as i64,
        e.evidence.verb[1] as i64,
        e.sentence_span[0] as i64,
        e.sentence_span[1] as i64,
        serde_json::to_string(&stored)?
    ])?;
    let mention_id = tx.last_insert_rowid();
    tx.prepare_cached(
        "UPDATE events SET num_mentions = num_mentions + 1, num_articles = num_articles + ?2,
         num_sources = num_sources + ?3, first_mention = coalesce(first_mention, ?4) WHERE id = ?1",
    )?
    .execute(params![event_id, new_article as i64, new_source as i64, mention_id])?;
    Ok(created)
}
