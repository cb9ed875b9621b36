//! dyad's event database: an embedded SQLite file that holds coded
//! documents, their sentences' offsets, deduplicated events with every report
//! of them (mentions), quotations and recognized actors, and answers the
//! queries analysts run (events by actor, code and period; dyadic time
//! series; country networks; quotes) and the exports their tools read
//! (JSON lines, CSV, GDELT 2.0, Phoenix, PLOVER).
//!
//! - **Idempotent**: a document is identified by its id (`doc`); storing it
//!   again changes nothing ([`Store::write_batch`] skips it).
//! - **Crash-safe**: a batch is one transaction in WAL mode; a document is
//!   either stored with all its events, quotes and mentions or not at all.
//! - **Deduplicating without losing evidence**: one `events` row per
//!   (date, source, target, CAMEO code, location) under [`Dedup::Day`], and
//!   one `mentions` row per report, with GDELT-like counts.
//!
//! The engine crates know nothing of SQLite; this crate only reads the
//! records of [`dyad_doc::records`].

mod export;
mod ingest;
mod query;
mod synth;

use std::fmt;
use std::path::Path;

use rusqlite::{Connection, OptionalExtension};

pub use export::{
    event_json, export, write_csv, ExportFormat, ExportOptions, CSV_COLUMNS, GDELT_COLUMNS, PHOENIX_COLUMNS,
};
pub use ingest::{BatchOutcome, Dedup, Report};
pub use query::{
    Edge, EventFilter, NetworkLevel, NetworkQuery, Period, QuoteFilter, ReportRef, SeriesQuery, SeriesRow,
    StoredDocument, StoredEvent, StoredQuote,
};
pub use synth::{synthesize, SynthOptions};

/// The schema migrations, in order; `PRAGMA user_version` records how many
/// have been applied.
const MIGRATIONS: &[&str] = &[include_str!("schema/001_initial.sql")];

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

/// What went wrong in the store.
#[derive(Debug)]
pub enum Error {
    /// SQLite failed (I/O, corruption, constraint).
    Sqlite(rusqlite::Error),
    /// A record or argument the store cannot accept, with the reason.
    Invalid(String),
    /// Writing an export failed.
    Io(std::io::Error),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Sqlite(e) => write!(f, "database: {e}"),
            Error::Invalid(m) => f.write_str(m),
            Error::Io(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for Error {}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Error {
        Error::Sqlite(e)
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Error {
        Error::Io(e)
    }
}

impl From<csv::Error> for Error {
    fn from(e: csv::Error) -> Error {
        Error::Io(std::io::Error::other(e))
    }
}

impl From<serde_json::Error> for Error {
    fn from(e: serde_json::Error) -> Error {
        Error::Invalid(format!("bad JSON in the database: {e}"))
    }
}

/// The store's result type.
pub type Result<T> = std::result::Result<T, Error>;

/// An open event database.
pub struct Store {
    conn: Connection,
}

/// Row counts and settings of a database, for `dyad db info`.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Info {
    pub schema_version: u32,
    pub documents: u64,
    pub events: u64,
    pub mentions: u64,
    pub quotes: u64,
    pub annotations: u64,
    /// The deduplication the database was built with (`day:0`, `none`), if any document was stored.
    pub dedup: Option<String>,
    /// Earliest and latest event dates.
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    /// Size of the database file in bytes (without the WAL).
    pub bytes: u64,
}

impl Store {
    /// Open (or create) the database at `path`, switch it to WAL mode and
    /// apply any missing migrations. Fails on a file that is not a dyad
    /// database of a known version.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        let conn = Connection::open(path)?;
        Store::setup(conn)
    }

    /// A database in memory (tests, scratch work).
    pub fn in_memory() -> Result<Store> {
        Store::setup(Connection::open_in_memory()?)
    }

    fn setup(conn: Connection) -> Result<Store> {
        conn.busy_timeout(std::time::Duration::from_secs(30))?;
        // WAL with synchronous=NORMAL: a committed transaction survives the
        // process being killed; only a power loss may lose the last commits.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        let mut store = Store { conn };
        store.migrate()?;
        Ok(store)
    }

    fn migrate(&mut self) -> Result<()> {
        let version: u32 = self.conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if version > SCHEMA_VERSION {
            return Err(Error::Invalid(format!(
                "database schema version {version} is newer than this dyad understands ({SCHEMA_VERSION})"
            )));
        }
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
            let tx = self.conn.transaction()?;
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", (i + 1) as u32)?;
            tx.commit()?;
        }
        Ok(())
    }

    /// The schema version recorded in the file.
    pub fn schema_version(&self) -> Result<u32> {
        Ok(self.conn.pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    /// The underlying connection, for checks and ad-hoc SQL.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// Whether a document with this id is stored (one index lookup).
    pub fn contains(&self, doc: &str) -> Result<bool> {
        let mut stmt = self.conn.prepare_cached("SELECT 1 FROM documents WHERE doc = ?1")?;
        Ok(stmt.exists([doc])?)
    }

    /// A value of the `meta` table.
    pub fn meta(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()?)
    }

    /// Counts of every table (a full count of each: milliseconds per
    /// million rows) and the schema version.
    pub fn info(&self) -> Result<Info> {
        let count = |table: &str| -> Result<u64> {
            Ok(self
                .conn
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get::<_, i64>(0))? as u64)
        };
        let (first_date, last_date) = self.conn.query_row(
            "SELECT min(date), max(date) FROM events WHERE date IS NOT NULL",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let pages: i64 = self.conn.pragma_query_value(None, "page_count", |r| r.get(0))?;
        let page_size: i64 = self.conn.pragma_query_value(None, "page_size", |r| r.get(0))?;
        Ok(Info {
            schema_version: self.schema_version()?,
            documents: count("documents")?,
            events: count("events")?,
            mentions: count("mentions")?,
            quotes: count("quotes")?,
            annotations: count("annotations")?,
            dedup: self.meta("dedup")?,
            first_date,
            last_date,
            bytes: (pages * page_size) as u64,
        })
    }

    /// Run `PRAGMA integrity_check`; `Ok(())` when the file is sound, else
    /// the problems SQLite found.
    pub fn integrity_check(&self) -> Result<()> {
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let rows: Vec<String> = stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        if rows == ["ok"] {
            Ok(())
        } else {
            Err(Error::Invalid(format!("integrity check failed: {}", rows.join("; "))))
        }
    }
}

/// The country part of a CAMEO actor code: its first three letters (`RUS`
/// of `RUSGOV`, `IGO` of `IGOUNO`), empty for unknown actors (`---`).
pub fn country_of(code: &str) -> &str {
    match code.get(..3) {
        Some(c) if c.bytes().all(|b| b.is_ascii_alphabetic()) => c,
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_database_gets_the_current_schema_version() {
        let store = Store::in_memory().unwrap();
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
        let info = store.info().unwrap();
        assert_eq!((info.documents, info.events, info.mentions, info.quotes), (0, 0, 0, 0));
        store.integrity_check().unwrap();
    }

    #[test]
    fn reopening_a_database_does_not_migrate_again() {
        let dir = std::env::temp_dir().join(format!("dyad-store-reopen-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("t.db");
        let _ = std::fs::remove_file(&path);
        drop(Store::open(&path).unwrap());
        let store = Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
        drop(store);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_newer_schema_is_refused() {
        let dir = std::env::temp_dir().join(format!("dyad-store-newer-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("t.db");
        let _ = std::fs::remove_file(&path);
        {
            let c = Connection::open(&path).unwrap();
            c.pragma_update(None, "user_version", 99).unwrap();
        }
        let err = Store::open(&path).err().expect("refused").to_string();
        assert!(err.contains("newer"), "{err}");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn country_of_takes_the_leading_letters() {
        assert_eq!(country_of("RUSGOV"), "RUS");
        assert_eq!(country_of("---"), "");
        assert_eq!(country_of("UN"), "");
    }
}
