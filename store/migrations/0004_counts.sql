-- 0004_counts: the project's counts, kept by triggers in the transaction of every change, so
-- that the window shows them with its first article and a status filter knows its length at
-- once, however many documents the project holds (counting a million rows took seconds).
--
-- A row counts, for one annotator (or '' for the documents), one thing:
--   what = 'documents', key = ''                              the documents of the project
--   what = 'status',    key = the status                      the annotator's doc_state rows
--   what = 'span',      key = kind US target US label         the annotator's spans
--   what = 'stance',    key = target US label                 the annotator's document stances
-- where US is char(31), the unit separator, which no label, target or kind holds.
-- Rows that fall to 0 stay; readers skip them.

CREATE TABLE counts (
    annotator TEXT    NOT NULL,
    what      TEXT    NOT NULL,
    key       TEXT    NOT NULL,
    n         INTEGER NOT NULL,
    PRIMARY KEY (annotator, what, key)
) WITHOUT ROWID;

-- The documents not yet moved past todo by an annotator are the gaps between these orders: a
-- page of such documents is found by reading this index, not by probing each document.
CREATE INDEX doc_state_moved ON doc_state (annotator, ord) WHERE status <> 'todo';

INSERT INTO counts (annotator, what, key, n)
SELECT '', 'documents', '', count(*) FROM documents;

INSERT INTO counts (annotator, what, key, n)
SELECT annotator, 'status', status, count(*) FROM doc_state GROUP BY annotator, status;

-- A span's key, from its element j of a span set; a malformed set (not a JSON array of objects,
-- which check reports) counts nothing rather than failing the write.
INSERT INTO counts (annotator, what, key, n)
SELECT s.annotator, 'span', coalesce(json_extract(j.value, '$.k'), '') || char(31) ||
       coalesce(json_extract(j.value, '$.g'), '') || char(31) || coalesce(json_extract(j.value, '$.l'), ''), count(*)
FROM span_sets s, json_each(CASE WHEN json_valid(s.spans) AND json_type(s.spans) = 'array' THEN s.spans ELSE '[]' END) j
WHERE j.type = 'object'
GROUP BY 1, 3;

INSERT INTO counts (annotator, what, key, n)
SELECT annotator, 'stance', target || char(31) || label, count(*) FROM doc_stance
GROUP BY annotator, target, label;

CREATE TRIGGER counts_document_insert AFTER INSERT ON documents BEGIN
    INSERT INTO counts (annotator, what, key, n) VALUES ('', 'documents', '', 1)
    ON CONFLICT (annotator, what, key) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER counts_document_delete AFTER DELETE ON documents BEGIN
    UPDATE counts SET n = n - 1 WHERE annotator = '' AND what = 'documents' AND key = '';
END;

CREATE TRIGGER counts_state_insert AFTER INSERT ON doc_state BEGIN
    INSERT INTO counts (annotator, what, key, n) VALUES (NEW.annotator, 'status', NEW.status, 1)
    ON CONFLICT (annotator, what, key) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER counts_state_update AFTER UPDATE OF annotator, status ON doc_state
WHEN OLD.annotator IS NOT NEW.annotator OR OLD.status IS NOT NEW.status BEGIN
    UPDATE counts SET n = n - 1 WHERE annotator = OLD.annotator AND what = 'status' AND key = OLD.status;
    INSERT INTO counts (annotator, what, key, n) VALUES (NEW.annotator, 'status', NEW.status, 1)
    ON CONFLICT (annotator, what, key) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER counts_state_delete AFTER DELETE ON doc_state BEGIN
    UPDATE counts SET n = n - 1 WHERE annotator = OLD.annotator AND what = 'status' AND key = OLD.status;
END;

CREATE TRIGGER counts_stance_insert AFTER INSERT ON doc_stance BEGIN
    INSERT INTO counts (annotator, what, key, n) VALUES (NEW.annotator, 'stance', NEW.target || char(31) || NEW.label, 1)
    ON CONFLICT (annotator, what, key) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER counts_stance_update AFTER UPDATE OF annotator, target, label ON doc_stance
WHEN OLD.annotator IS NOT NEW.annotator OR OLD.target IS NOT NEW.target OR OLD.label IS NOT NEW.label BEGIN
    UPDATE counts SET n = n - 1
    WHERE annotator = OLD.annotator AND what = 'stance' AND key = OLD.target || char(31) || OLD.label;
    INSERT INTO counts (annotator, what, key, n) VALUES (NEW.annotator, 'stance', NEW.target || char(31) || NEW.label, 1)
    ON CONFLICT (annotator, what, key) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER counts_stance_delete AFTER DELETE ON doc_stance BEGIN
    UPDATE counts SET n = n - 1
    WHERE annotator = OLD.annotator AND what = 'stance' AND key = OLD.target || char(31) || OLD.label;
END;

CREATE TRIGGER counts_spans_insert AFTER INSERT ON span_sets BEGIN
    INSERT INTO counts (annotator, what, key, n)
    SELECT NEW.annotator, 'span', coalesce(json_extract(j.value, '$.k'), '') || char(31) ||
           coalesce(json_extract(j.value, '$.g'), '') || char(31) || coalesce(json_extract(j.value, '$.l'), ''), count(*)
    FROM json_each(CASE WHEN json_valid(NEW.spans) AND json_type(NEW.spans) = 'array' THEN NEW.spans ELSE '[]' END) j
    WHERE j.type = 'object' GROUP BY 3
    ON CONFLICT (annotator, what, key) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER counts_spans_update AFTER UPDATE OF annotator, spans ON span_sets BEGIN
    UPDATE counts SET n = n - gone.c
    FROM (SELECT coalesce(json_extract(j.value, '$.k'), '') || char(31) ||
                 coalesce(json_extract(j.value, '$.g'), '') || char(31) || coalesce(json_extract(j.value, '$.l'), '') AS key,
                 count(*) AS c
          FROM json_each(CASE WHEN json_valid(OLD.spans) AND json_type(OLD.spans) = 'array' THEN OLD.spans ELSE '[]' END) j
          WHERE j.type = 'object' GROUP BY 1) AS gone
    WHERE counts.annotator = OLD.annotator AND counts.what = 'span' AND counts.key = gone.key;
    INSERT INTO counts (annotator, what, key, n)
    SELECT NEW.annotator, 'span', coalesce(json_extract(j.value, '$.k'), '') || char(31) ||
           coalesce(json_extract(j.value, '$.g'), '') || char(31) || coalesce(json_extract(j.value, '$.l'), ''), count(*)
    FROM json_each(CASE WHEN json_valid(NEW.spans) AND json_type(NEW.spans) = 'array' THEN NEW.spans ELSE '[]' END) j
    WHERE j.type = 'object' GROUP BY 3
    ON CONFLICT (annotator, what, key) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER counts_spans_delete AFTER DELETE ON span_sets BEGIN
    UPDATE counts SET n = n - gone.c
    FROM (SELECT coalesce(json_extract(j.value, '$.k'), '') || char(31) ||
                 coalesce(json_extract(j.value, '$.g'), '') || char(31) || coalesce(json_extract(j.value, '$.l'), '') AS key,
                 count(*) AS c
          FROM json_each(CASE WHEN json_valid(OLD.spans) AND json_type(OLD.spans) = 'array' THEN OLD.spans ELSE '[]' END) j
          WHERE j.type = 'object' GROUP BY 1) AS gone
    WHERE counts.annotator = OLD.annotator AND counts.what = 'span' AND counts.key = gone.key;
END;
