-- 0003_span_sets: one row per (document, annotator) holds that annotator's spans of the
-- document as one JSON array, in place of one row per span.
--
-- A million span rows cost an import more than the texts they point into (two B-trees of a
-- million entries each, 300 MB for 1 M spans); one array per document is one row beside the
-- document, written and read whole, which is how the window and the export use spans anyway.
--
-- Each element: {"i": id, "s": start, "e": end, "t": text, "l": label, "k": kind,
-- "g": target (absent when none), "o": origin, "c": created, "u": updated (absent when equal
-- to created)}, ordered by start, end, id. Offsets are code points, as everywhere.

CREATE TABLE span_sets (
    doc_id    TEXT NOT NULL REFERENCES documents (id),
    annotator TEXT NOT NULL CHECK (annotator <> ''),
    spans     TEXT NOT NULL,
    PRIMARY KEY (doc_id, annotator)
);

INSERT INTO span_sets (doc_id, annotator, spans)
SELECT doc_id, annotator, json_group_array(json_object(
           'i', id, 's', start, 'e', "end", 't', text, 'l', label, 'k', kind, 'g', target,
           'o', origin, 'c', created, 'u', updated) ORDER BY start, "end", id)
FROM spans
GROUP BY doc_id, annotator;

DROP TABLE spans;

-- spans shows the arrays as the rows they were, for queries that count or look around.
CREATE VIEW spans (doc_id, annotator, start, "end", id, text, label, kind, target, origin, created, updated) AS
SELECT s.doc_id, s.annotator,
       json_extract(j.value, '$.s'), json_extract(j.value, '$.e'), json_extract(j.value, '$.i'),
       json_extract(j.value, '$.t'), json_extract(j.value, '$.l'), json_extract(j.value, '$.k'),
       coalesce(json_extract(j.value, '$.g'), ''), json_extract(j.value, '$.o'),
       json_extract(j.value, '$.c'), coalesce(json_extract(j.value, '$.u'), json_extract(j.value, '$.c'))
FROM span_sets s, json_each(s.spans) j;
