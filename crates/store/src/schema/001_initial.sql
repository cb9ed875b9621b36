-- dyad event database, schema version 1.
-- Offsets are byte offsets into documents.text, as in the JSON output.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE documents (
    id            INTEGER PRIMARY KEY,
    doc           TEXT NOT NULL UNIQUE,
    title         TEXT,
    published     TEXT,
    url           TEXT,
    source        TEXT,
    byline        TEXT,
    dateline      TEXT,
    agencies      TEXT NOT NULL DEFAULT '[]',
    photo_credits TEXT NOT NULL DEFAULT '[]',
    sentences     INTEGER NOT NULL DEFAULT 0,
    metadata      TEXT,
    warnings      TEXT,
    text          TEXT,
    added         INTEGER NOT NULL
);

CREATE TABLE sentences (
    doc_id INTEGER NOT NULL REFERENCES documents(id),
    idx    INTEGER NOT NULL,
    start  INTEGER NOT NULL,
    end    INTEGER NOT NULL,
    PRIMARY KEY (doc_id, idx)
) WITHOUT ROWID;

-- One row per distinct event; every report of it is a row of mentions.
CREATE TABLE events (
    id            INTEGER PRIMARY KEY,
    date          TEXT,
    source        TEXT NOT NULL,
    target        TEXT NOT NULL,
    src_country   TEXT NOT NULL DEFAULT '',
    tgt_country   TEXT NOT NULL DEFAULT '',
    cameo         TEXT NOT NULL,
    root          TEXT NOT NULL,
    quad_class    INTEGER,
    goldstein     REAL,
    plover        TEXT,
    loc_key       TEXT NOT NULL DEFAULT '',
    loc_name      TEXT,
    loc_country   TEXT,
    lat           REAL,
    lon           REAL,
    num_mentions  INTEGER NOT NULL DEFAULT 0,
    num_sources   INTEGER NOT NULL DEFAULT 0,
    num_articles  INTEGER NOT NULL DEFAULT 0,
    first_mention INTEGER,
    added         INTEGER NOT NULL
);
CREATE INDEX events_dyad ON events(source, target, cameo, loc_key, date);
CREATE INDEX events_target ON events(target, date);
CREATE INDEX events_date ON events(date);

CREATE TABLE mentions (
    id          INTEGER PRIMARY KEY,
    event_id    INTEGER NOT NULL REFERENCES events(id),
    doc_id      INTEGER NOT NULL REFERENCES documents(id),
    sentence    INTEGER NOT NULL,
    outlet      TEXT NOT NULL,
    src_start   INTEGER,
    src_end     INTEGER,
    tgt_start   INTEGER,
    tgt_end     INTEGER,
    verb_start  INTEGER NOT NULL,
    verb_end    INTEGER NOT NULL,
    sent_start  INTEGER NOT NULL,
    sent_end    INTEGER NOT NULL,
    -- The event record as coded (JSON), without doc and text (both are
    -- rebuilt from documents).
    record      TEXT NOT NULL
);
CREATE INDEX mentions_event ON mentions(event_id);
CREATE INDEX mentions_doc ON mentions(doc_id);

CREATE TABLE quotes (
    id           INTEGER PRIMARY KEY,
    doc_id       INTEGER NOT NULL REFERENCES documents(id),
    sentence     INTEGER NOT NULL,
    speaker      TEXT,
    speaker_code TEXT,
    cue          TEXT,
    direct       INTEGER NOT NULL,
    text         TEXT NOT NULL,
    record       TEXT NOT NULL
);
CREATE INDEX quotes_doc ON quotes(doc_id);
CREATE INDEX quotes_code ON quotes(speaker_code);

-- Actors, dates and places recognized in the text.
CREATE TABLE annotations (
    doc_id   INTEGER NOT NULL REFERENCES documents(id),
    sentence INTEGER NOT NULL,
    type     TEXT NOT NULL,
    start    INTEGER NOT NULL,
    end      INTEGER NOT NULL,
    code     TEXT,
    value    TEXT,
    name     TEXT,
    country  TEXT,
    lat      REAL,
    lon      REAL
);
CREATE INDEX annotations_doc ON annotations(doc_id);
CREATE INDEX annotations_code ON annotations(code);

CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='id');
CREATE VIRTUAL TABLE quotes_fts USING fts5(text, speaker, content='quotes', content_rowid='id');
