-- 0001_init: the first shape of a Tawsim project file.
-- Times are UTC text, fixed width: 2006-01-02T15:04:05.000000000Z (they sort as text).
-- Offsets are Unicode code point indices, half-open [start, end).

PRAGMA application_id = 1413568339; -- 0x54415753, 'TAWS'

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- ord is the import order (1-based, increasing) and the rowid.
-- The small columns come first and the texts last, so that lists read little.
CREATE TABLE documents (
    ord         INTEGER PRIMARY KEY CHECK (ord > 0),
    id          TEXT    NOT NULL UNIQUE,
    external_id TEXT    NOT NULL DEFAULT '',
    source_file TEXT    NOT NULL DEFAULT '',
    title       TEXT    NOT NULL DEFAULT '',
    hash        TEXT    NOT NULL UNIQUE,
    runes       INTEGER NOT NULL CHECK (runes >= 0),
    created     TEXT    NOT NULL,
    metadata    TEXT,   -- a JSON object, verbatim, or NULL
    tokens      TEXT,   -- JSON [{"start":..,"end":..}], or NULL: tokens come from arabic.Tokenize
    text        TEXT    NOT NULL
);

-- Covers the document list (keyset paging by ord) without touching the texts.
CREATE INDEX documents_list ON documents (ord, id, external_id, title, runes);

-- Spans are stored clustered by document and annotator, in text order, so that a
-- document's spans (the window, an export) are one contiguous range read in order.
CREATE TABLE spans (
    doc_id    TEXT    NOT NULL REFERENCES documents (id),
    annotator TEXT    NOT NULL CHECK (annotator <> ''),
    start     INTEGER NOT NULL CHECK (start >= 0),
    "end"     INTEGER NOT NULL CHECK ("end" > start),
    id        TEXT    NOT NULL UNIQUE,
    text      TEXT    NOT NULL,
    label     TEXT    NOT NULL,
    kind      TEXT    NOT NULL,
    target    TEXT    NOT NULL DEFAULT '',
    origin    TEXT    NOT NULL,
    created   TEXT    NOT NULL,
    updated   TEXT    NOT NULL,
    PRIMARY KEY (doc_id, annotator, start, "end", id)
) WITHOUT ROWID;

-- ord repeats documents.ord (which never changes) so that a page of one annotator's
-- documents with one status, in import order, is a range of one index.
CREATE TABLE doc_state (
    doc_id    TEXT    NOT NULL REFERENCES documents (id),
    annotator TEXT    NOT NULL CHECK (annotator <> ''),
    ord       INTEGER NOT NULL,
    status    TEXT    NOT NULL,
    note      TEXT    NOT NULL DEFAULT '',
    seconds   INTEGER NOT NULL DEFAULT 0 CHECK (seconds >= 0),
    updated   TEXT    NOT NULL,
    PRIMARY KEY (doc_id, annotator)
);

CREATE INDEX doc_state_page ON doc_state (annotator, status, ord);

CREATE TABLE doc_stance (
    doc_id    TEXT NOT NULL REFERENCES documents (id),
    annotator TEXT NOT NULL CHECK (annotator <> ''),
    target    TEXT NOT NULL,
    label     TEXT NOT NULL,
    updated   TEXT NOT NULL,
    PRIMARY KEY (doc_id, annotator, target)
);

-- The project's label schema: one row of JSON.
CREATE TABLE schema (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    json      TEXT NOT NULL,
    annotator TEXT NOT NULL DEFAULT '',
    updated   TEXT NOT NULL
);

INSERT INTO schema (id, json, updated)
VALUES (1, '{"entities":[],"stance_labels":[],"targets":[],"nesting":"flat"}',
        strftime('%Y-%m-%dT%H:%M:%S.000000000Z', 'now'));

-- The append-only log of every change: before and after as JSON (NULL for nothing).
CREATE TABLE events (
    seq       INTEGER PRIMARY KEY AUTOINCREMENT,
    time      TEXT NOT NULL,
    annotator TEXT NOT NULL DEFAULT '',
    doc_id    TEXT NOT NULL DEFAULT '',
    action    TEXT NOT NULL,
    before    TEXT,
    after     TEXT
);

CREATE INDEX events_doc ON events (doc_id, seq);

INSERT INTO meta (key, value)
VALUES ('created', strftime('%Y-%m-%dT%H:%M:%S.000000000Z', 'now'));
