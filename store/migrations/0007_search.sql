-- 0007_search: what a search over the whole corpus reads (store/search*.go). Numbered 0007
-- while 0005 and 0006 were taken by changes made beside it; a file records each change it
-- has, and gets those it lacks in order (store/migrate.go).
--
-- search_text: the words of each document in their search form (arabic.AppendSearchTerms:
-- no harakat or tatweel, alef variants, ى, ة and digits folded, Latin lower-cased), one row
-- per document, its docid the document's ord. FTS4 is compiled into go-sqlite3 by default
-- (FTS5 needs a build tag everywhere); contentless (content=""), so the text is not held
-- twice; without the ranking statistics (matchinfo=fts3), which nothing reads. Documents are
-- never changed or removed once imported, so the index only grows: it holds exactly the
-- documents 1..search_state.upto, and IndexSearch adds those after (a search reads the
-- ones not yet indexed from their texts).

CREATE VIRTUAL TABLE search_text USING fts4(content="", terms, matchinfo=fts3);

CREATE TABLE search_state (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    upto INTEGER NOT NULL CHECK (upto >= 0)
);

INSERT INTO search_state (id, upto) VALUES (1, 0);

-- search_labels: a row per (label, annotator, document) where the annotator's span set of the
-- document holds a span of that label (an entity label, or the stance label of evidence). The
-- store's writers of span sets keep it in the same transaction (store/searchlabels.go), as
-- they keep the span counts. A filter by label reads one range per annotator, in import
-- order.
CREATE TABLE search_labels (
    label     TEXT    NOT NULL,
    annotator TEXT    NOT NULL,
    ord       INTEGER NOT NULL,
    PRIMARY KEY (label, annotator, ord)
) WITHOUT ROWID;

-- The labels of the span sets there are; a set that is not a JSON array of objects (check
-- reports it) gives none.
INSERT OR IGNORE INTO search_labels (label, annotator, ord)
SELECT json_extract(j.value, '$.l'), s.annotator, d.ord
FROM span_sets s JOIN documents d ON d.id = s.doc_id,
     json_each(CASE WHEN json_valid(s.spans) AND json_type(s.spans) = 'array' THEN s.spans ELSE '[]' END) j
WHERE j.type = 'object' AND json_type(j.value, '$.l') = 'text';

-- search_stance: doc_stance by target, label and annotator, in import order, kept by triggers
-- (a row of doc_stance is one row here: no JSON to read).
CREATE TABLE search_stance (
    target    TEXT    NOT NULL,
    label     TEXT    NOT NULL,
    annotator TEXT    NOT NULL,
    ord       INTEGER NOT NULL,
    PRIMARY KEY (target, label, annotator, ord)
) WITHOUT ROWID;

INSERT OR IGNORE INTO search_stance (target, label, annotator, ord)
SELECT st.target, st.label, st.annotator, d.ord FROM doc_stance st JOIN documents d ON d.id = st.doc_id;

CREATE TRIGGER search_stance_insert AFTER INSERT ON doc_stance BEGIN
    INSERT OR IGNORE INTO search_stance (target, label, annotator, ord)
    SELECT NEW.target, NEW.label, NEW.annotator, ord FROM documents WHERE id = NEW.doc_id;
END;

CREATE TRIGGER search_stance_update AFTER UPDATE OF doc_id, annotator, target, label ON doc_stance
WHEN OLD.doc_id IS NOT NEW.doc_id OR OLD.annotator IS NOT NEW.annotator OR OLD.target IS NOT NEW.target
  OR OLD.label IS NOT NEW.label BEGIN
    DELETE FROM search_stance WHERE target = OLD.target AND label = OLD.label AND annotator = OLD.annotator
      AND ord = (SELECT ord FROM documents WHERE id = OLD.doc_id);
    INSERT OR IGNORE INTO search_stance (target, label, annotator, ord)
    SELECT NEW.target, NEW.label, NEW.annotator, ord FROM documents WHERE id = NEW.doc_id;
END;

CREATE TRIGGER search_stance_delete AFTER DELETE ON doc_stance BEGIN
    DELETE FROM search_stance WHERE target = OLD.target AND label = OLD.label AND annotator = OLD.annotator
      AND ord = (SELECT ord FROM documents WHERE id = OLD.doc_id);
END;
