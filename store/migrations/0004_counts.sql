-- 0004_counts: the project's counts, kept in the transaction of every change, so that the
-- window shows them with its first article and a status filter knows its length at once,
-- however many documents the project holds (counting a million rows took seconds). Triggers
-- keep the counts of statuses and document stances; the store's two writers of span sets keep
-- the span counts (store/spancounts.go), since a trigger would have to read each set's JSON
-- array again (it made an import of 50,000 articles twice as slow). The documents need no
-- count: their orders run 1..N without gaps (documents are never deleted), so max(ord) is
-- their number, read from the end of the table's B-tree.
--
-- A row counts, for one annotator, one thing:
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
