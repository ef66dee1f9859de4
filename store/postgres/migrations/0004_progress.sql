-- 0004_progress: the counts that the dashboard draws (store.Progress), kept in the counts
-- table by a trigger on doc_state as the statuses are, the same rows as the file's
-- migrations/0012_progress.sql keeps:
--   what = 'finished', key = an hour, UTC ("2026-03-01T09")   documents whose state became done
--                                                            or curated in that hour (the
--                                                            state's last change, updated)
--   what = 'time',     key = a bin of store.TimeBins ('0'..'8') documents with that time spent
--   what = 'seconds',  key = ''                              the seconds spent on documents

CREATE FUNCTION progress_bin(seconds bigint) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN seconds < 30 THEN '0' WHEN seconds < 60 THEN '1' WHEN seconds < 120 THEN '2'
        WHEN seconds < 300 THEN '3' WHEN seconds < 600 THEN '4' WHEN seconds < 1200 THEN '5'
        WHEN seconds < 1800 THEN '6' WHEN seconds < 3600 THEN '7' ELSE '8' END
$$;

INSERT INTO counts (annotator, what, key, n)
SELECT annotator, 'finished', substr(updated, 1, 13), count(*) FROM doc_state
WHERE status IN ('done', 'curated') GROUP BY annotator, substr(updated, 1, 13);

INSERT INTO counts (annotator, what, key, n)
SELECT annotator, 'time', progress_bin(seconds), count(*) FROM doc_state
WHERE seconds > 0 GROUP BY 1, 3;

INSERT INTO counts (annotator, what, key, n)
SELECT annotator, 'seconds', '', sum(seconds) FROM doc_state WHERE seconds > 0 GROUP BY annotator;

CREATE FUNCTION counts_progress() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        IF OLD.status IN ('done', 'curated') THEN
            PERFORM count_add(OLD.annotator, 'finished', substr(OLD.updated, 1, 13), -1);
        END IF;
        IF OLD.seconds > 0 THEN
            PERFORM count_add(OLD.annotator, 'time', progress_bin(OLD.seconds), -1);
            PERFORM count_add(OLD.annotator, 'seconds', '', -OLD.seconds);
        END IF;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        IF NEW.status IN ('done', 'curated') THEN
            PERFORM count_add(NEW.annotator, 'finished', substr(NEW.updated, 1, 13), 1);
        END IF;
        IF NEW.seconds > 0 THEN
            PERFORM count_add(NEW.annotator, 'time', progress_bin(NEW.seconds), 1);
            PERFORM count_add(NEW.annotator, 'seconds', '', NEW.seconds);
        END IF;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER counts_progress AFTER INSERT OR DELETE OR UPDATE OF annotator, status, updated, seconds ON doc_state
FOR EACH ROW EXECUTE FUNCTION counts_progress();
