-- 0012_progress: the counts that the dashboard draws (store/progress.go), kept in the counts
-- table by triggers on doc_state, as the statuses are, so that the progress of a project is read
-- from a few hundred rows whatever its size (reading the states took 0.46 s for 100,000
-- documents that three annotators finished). For one annotator:
--   what = 'finished', key = an hour, UTC ("2026-03-01T09")   documents whose state became done
--                                                            or curated in that hour (the
--                                                            state's last change, `updated`)
--   what = 'time',     key = a bin of TimeBins ('0'..'8')     documents with that time spent
--   what = 'seconds',  key = ''                              the seconds spent on documents
-- The bins' upper bounds (30 s, 1, 2, 5, 10, 20, 30 and 60 min) are those of store.TimeBins.
-- Each trigger runs only when its WHEN holds, so that a state that is neither finished nor
-- timed (most of an import's) costs nothing more; an import that marks every record done
-- pays one upsert more per document (importing 30,000 short annotated articles with
-- --annotator: 1.53 s of processor time against 1.44 s, the medians of five runs).

INSERT INTO counts (annotator, what, key, n)
SELECT annotator, 'finished', substr(updated, 1, 13), count(*) FROM doc_state
WHERE status IN ('done', 'curated') GROUP BY annotator, substr(updated, 1, 13);

INSERT INTO counts (annotator, what, key, n)
SELECT annotator, 'time', CASE WHEN seconds < 30 THEN '0' WHEN seconds < 60 THEN '1' WHEN seconds < 120 THEN '2' WHEN seconds < 300 THEN '3' WHEN seconds < 600 THEN '4' WHEN seconds < 1200 THEN '5' WHEN seconds < 1800 THEN '6' WHEN seconds < 3600 THEN '7' ELSE '8' END, count(*) FROM doc_state
WHERE seconds > 0 GROUP BY 1, 3;

INSERT INTO counts (annotator, what, key, n)
SELECT annotator, 'seconds', '', sum(seconds) FROM doc_state WHERE seconds > 0 GROUP BY annotator;

CREATE TRIGGER progress_finished_insert AFTER INSERT ON doc_state
WHEN NEW.status IN ('done', 'curated') BEGIN
    INSERT INTO counts (annotator, what, key, n) VALUES (NEW.annotator, 'finished', substr(NEW.updated, 1, 13), 1)
    ON CONFLICT (annotator, what, key) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER progress_time_insert AFTER INSERT ON doc_state
WHEN NEW.seconds > 0 BEGIN
    INSERT INTO counts (annotator, what, key, n) VALUES (NEW.annotator, 'time', CASE WHEN NEW.seconds < 30 THEN '0' WHEN NEW.seconds < 60 THEN '1' WHEN NEW.seconds < 120 THEN '2' WHEN NEW.seconds < 300 THEN '3' WHEN NEW.seconds < 600 THEN '4' WHEN NEW.seconds < 1200 THEN '5' WHEN NEW.seconds < 1800 THEN '6' WHEN NEW.seconds < 3600 THEN '7' ELSE '8' END, 1)
    ON CONFLICT (annotator, what, key) DO UPDATE SET n = n + 1;
    INSERT INTO counts (annotator, what, key, n) VALUES (NEW.annotator, 'seconds', '', NEW.seconds)
    ON CONFLICT (annotator, what, key) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER progress_finished_update AFTER UPDATE OF annotator, status, updated ON doc_state
WHEN OLD.status IN ('done', 'curated') OR NEW.status IN ('done', 'curated') BEGIN
    UPDATE counts SET n = n - 1 WHERE OLD.status IN ('done', 'curated')
        AND annotator = OLD.annotator AND what = 'finished' AND key = substr(OLD.updated, 1, 13);
    INSERT INTO counts (annotator, what, key, n)
    SELECT NEW.annotator, 'finished', substr(NEW.updated, 1, 13), 1 WHERE NEW.status IN ('done', 'curated')
    ON CONFLICT (annotator, what, key) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER progress_time_update AFTER UPDATE OF annotator, seconds ON doc_state
WHEN OLD.seconds > 0 OR NEW.seconds > 0 BEGIN
    UPDATE counts SET n = n - 1 WHERE OLD.seconds > 0
        AND annotator = OLD.annotator AND what = 'time' AND key = CASE WHEN OLD.seconds < 30 THEN '0' WHEN OLD.seconds < 60 THEN '1' WHEN OLD.seconds < 120 THEN '2' WHEN OLD.seconds < 300 THEN '3' WHEN OLD.seconds < 600 THEN '4' WHEN OLD.seconds < 1200 THEN '5' WHEN OLD.seconds < 1800 THEN '6' WHEN OLD.seconds < 3600 THEN '7' ELSE '8' END;
    UPDATE counts SET n = n - OLD.seconds WHERE OLD.seconds > 0
        AND annotator = OLD.annotator AND what = 'seconds' AND key = '';
    INSERT INTO counts (annotator, what, key, n)
    SELECT NEW.annotator, 'time', CASE WHEN NEW.seconds < 30 THEN '0' WHEN NEW.seconds < 60 THEN '1' WHEN NEW.seconds < 120 THEN '2' WHEN NEW.seconds < 300 THEN '3' WHEN NEW.seconds < 600 THEN '4' WHEN NEW.seconds < 1200 THEN '5' WHEN NEW.seconds < 1800 THEN '6' WHEN NEW.seconds < 3600 THEN '7' ELSE '8' END, 1 WHERE NEW.seconds > 0
    ON CONFLICT (annotator, what, key) DO UPDATE SET n = n + 1;
    INSERT INTO counts (annotator, what, key, n)
    SELECT NEW.annotator, 'seconds', '', NEW.seconds WHERE NEW.seconds > 0
    ON CONFLICT (annotator, what, key) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER progress_state_delete AFTER DELETE ON doc_state
WHEN OLD.status IN ('done', 'curated') OR OLD.seconds > 0 BEGIN
    UPDATE counts SET n = n - 1 WHERE OLD.status IN ('done', 'curated')
        AND annotator = OLD.annotator AND what = 'finished' AND key = substr(OLD.updated, 1, 13);
    UPDATE counts SET n = n - 1 WHERE OLD.seconds > 0
        AND annotator = OLD.annotator AND what = 'time' AND key = CASE WHEN OLD.seconds < 30 THEN '0' WHEN OLD.seconds < 60 THEN '1' WHEN OLD.seconds < 120 THEN '2' WHEN OLD.seconds < 300 THEN '3' WHEN OLD.seconds < 600 THEN '4' WHEN OLD.seconds < 1200 THEN '5' WHEN OLD.seconds < 1800 THEN '6' WHEN OLD.seconds < 3600 THEN '7' ELSE '8' END;
    UPDATE counts SET n = n - OLD.seconds WHERE OLD.seconds > 0
        AND annotator = OLD.annotator AND what = 'seconds' AND key = '';
END;
