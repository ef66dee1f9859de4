-- 0008_suggestions: the labels that sources suggest for spans of a document (gazetteers,
-- patterns, propagation of what annotators labeled, a model's predictions), and what each
-- annotator decided about them. A suggestion is no annotation: exports, agreement and the span
-- counts never see it. Accepting one writes an ordinary span of the annotator (origin
-- 'suggestion') through the span writer, and a decision here.
--
-- One row per (document, source) holds the source's suggestions for the document as one JSON
-- array, as span_sets does for spans: a run over 50,000 articles writes millions of them, and
-- they are read and replaced a document at a time. Each element is [start, end, "label",
-- score], ordered by start, end, label; its text is the document's between the offsets (the
-- view below shows it), not stored again, which halves the arrays. ord repeats
-- documents.ord, n is the array's length and low its lowest score, so that documents can be
-- paged by their lowest score and counted without reading the arrays. A source with no
-- suggestion for a document has no row.

CREATE TABLE suggestion_sets (
    doc_id  TEXT    NOT NULL REFERENCES documents (id),
    source  TEXT    NOT NULL CHECK (source <> ''),
    ord     INTEGER NOT NULL,
    n       INTEGER NOT NULL CHECK (n > 0),
    low     REAL    NOT NULL,
    updated TEXT    NOT NULL,
    items   TEXT    NOT NULL,
    PRIMARY KEY (doc_id, source)
);

CREATE INDEX suggestion_sets_low ON suggestion_sets (source, low, ord);

-- The lowest score of each document's suggestions over every source, kept by the triggers
-- below, for the document list sorted where the sources are least sure.
CREATE TABLE suggestion_docs (
    doc_id TEXT    NOT NULL PRIMARY KEY REFERENCES documents (id),
    ord    INTEGER NOT NULL,
    low    REAL    NOT NULL
) WITHOUT ROWID;

CREATE INDEX suggestion_docs_low ON suggestion_docs (low, ord);

-- An annotator's decision on the suggestion of a source, by its place and label: a run of the
-- source that suggests it again finds the decision. span_id names the span an acceptance made.
CREATE TABLE suggestion_decisions (
    doc_id    TEXT    NOT NULL REFERENCES documents (id),
    annotator TEXT    NOT NULL CHECK (annotator <> ''),
    source    TEXT    NOT NULL,
    start     INTEGER NOT NULL CHECK (start >= 0),
    "end"     INTEGER NOT NULL CHECK ("end" > start),
    label     TEXT    NOT NULL,
    decision  TEXT    NOT NULL CHECK (decision IN ('accepted', 'rejected')),
    span_id   TEXT    NOT NULL DEFAULT '',
    time      TEXT    NOT NULL,
    PRIMARY KEY (doc_id, annotator, source, start, "end", label)
) WITHOUT ROWID;

-- suggestions shows the arrays as rows, for people with the sqlite3 shell.
CREATE VIEW suggestions (doc_id, source, start, "end", label, text, score) AS
SELECT s.doc_id, s.source, j.value ->> 0, j.value ->> 1, j.value ->> 2,
       substr(d.text, (j.value ->> 0) + 1, (j.value ->> 1) - (j.value ->> 0)), j.value ->> 3
FROM suggestion_sets s JOIN documents d ON d.id = s.doc_id, json_each(s.items) j;

-- The counts (see 0004_counts.sql) gain two kinds of row:
--   annotator = '', what = 'suggestions', key = the source        suggestions stored
--   annotator,      what = 'decision',    key = source US decision the annotator's decisions

CREATE TRIGGER suggestion_sets_insert AFTER INSERT ON suggestion_sets BEGIN
    INSERT INTO counts (annotator, what, key, n) VALUES ('', 'suggestions', NEW.source, NEW.n)
    ON CONFLICT (annotator, what, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO suggestion_docs (doc_id, ord, low) VALUES (NEW.doc_id, NEW.ord, NEW.low)
    ON CONFLICT (doc_id) DO UPDATE SET low = min(low, excluded.low);
END;

CREATE TRIGGER suggestion_sets_update AFTER UPDATE ON suggestion_sets BEGIN
    UPDATE counts SET n = n - OLD.n WHERE annotator = '' AND what = 'suggestions' AND key = OLD.source;
    INSERT INTO counts (annotator, what, key, n) VALUES ('', 'suggestions', NEW.source, NEW.n)
    ON CONFLICT (annotator, what, key) DO UPDATE SET n = n + excluded.n;
    DELETE FROM suggestion_docs WHERE doc_id IN (OLD.doc_id, NEW.doc_id);
    INSERT INTO suggestion_docs (doc_id, ord, low)
    SELECT doc_id, max(ord), min(low) FROM suggestion_sets WHERE doc_id IN (OLD.doc_id, NEW.doc_id) GROUP BY doc_id;
END;

CREATE TRIGGER suggestion_sets_delete AFTER DELETE ON suggestion_sets BEGIN
    UPDATE counts SET n = n - OLD.n WHERE annotator = '' AND what = 'suggestions' AND key = OLD.source;
    DELETE FROM suggestion_docs WHERE doc_id = OLD.doc_id;
    INSERT INTO suggestion_docs (doc_id, ord, low)
    SELECT doc_id, max(ord), min(low) FROM suggestion_sets WHERE doc_id = OLD.doc_id GROUP BY doc_id;
END;

CREATE TRIGGER suggestion_decisions_insert AFTER INSERT ON suggestion_decisions BEGIN
    INSERT INTO counts (annotator, what, key, n) VALUES (NEW.annotator, 'decision', NEW.source || char(31) || NEW.decision, 1)
    ON CONFLICT (annotator, what, key) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER suggestion_decisions_update AFTER UPDATE ON suggestion_decisions BEGIN
    UPDATE counts SET n = n - 1
    WHERE annotator = OLD.annotator AND what = 'decision' AND key = OLD.source || char(31) || OLD.decision;
    INSERT INTO counts (annotator, what, key, n) VALUES (NEW.annotator, 'decision', NEW.source || char(31) || NEW.decision, 1)
    ON CONFLICT (annotator, what, key) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER suggestion_decisions_delete AFTER DELETE ON suggestion_decisions BEGIN
    UPDATE counts SET n = n - 1
    WHERE annotator = OLD.annotator AND what = 'decision' AND key = OLD.source || char(31) || OLD.decision;
END;
