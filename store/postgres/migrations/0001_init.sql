-- 0001_init: a Tawsim project on PostgreSQL, the shape of a project file's tables
-- (store/migrations) in one database. Times are UTC text, fixed width, as in the file
-- (2006-01-02T15:04:05.000000000Z); offsets are code points, half-open. Span sets and
-- suggestion sets are the file's JSON arrays, stored as text, byte for byte what the file
-- holds: a copy between the two moves them as they are. Names sort by their bytes
-- (COLLATE "C"), as SQLite sorts them, so that lists and exports come in the file's order.

CREATE TABLE meta (
    key   text COLLATE "C" PRIMARY KEY,
    value text COLLATE "C" NOT NULL
);

-- ord is the import order, 1..N without gaps: imports take the documents lock (an advisory
-- lock) for their whole transaction, so that orders are given out one import at a time.
CREATE TABLE documents (
    ord         bigint  PRIMARY KEY CHECK (ord > 0),
    id          text COLLATE "C"    NOT NULL UNIQUE,
    external_id text COLLATE "C"    NOT NULL DEFAULT '',
    source_file text COLLATE "C"    NOT NULL DEFAULT '',
    title       text COLLATE "C"    NOT NULL DEFAULT '',
    hash        text COLLATE "C"    NOT NULL UNIQUE,
    runes       integer NOT NULL CHECK (runes >= 0),
    created     text COLLATE "C"    NOT NULL,
    metadata    text COLLATE "C",
    tokens      text COLLATE "C",
    text        text COLLATE "C"    NOT NULL
);

CREATE TABLE span_sets (
    doc_id    text COLLATE "C" NOT NULL REFERENCES documents (id),
    annotator text COLLATE "C" NOT NULL CHECK (annotator <> ''),
    spans     text COLLATE "C" NOT NULL,
    PRIMARY KEY (doc_id, annotator)
);

CREATE TABLE doc_state (
    doc_id    text COLLATE "C"    NOT NULL REFERENCES documents (id),
    annotator text COLLATE "C"    NOT NULL CHECK (annotator <> ''),
    ord       bigint  NOT NULL,
    status    text COLLATE "C"    NOT NULL,
    note      text COLLATE "C"    NOT NULL DEFAULT '',
    seconds   bigint  NOT NULL DEFAULT 0 CHECK (seconds >= 0),
    updated   text COLLATE "C"    NOT NULL,
    PRIMARY KEY (doc_id, annotator)
);

CREATE INDEX doc_state_page ON doc_state (annotator, status, ord);
CREATE INDEX doc_state_ord ON doc_state (ord);

CREATE TABLE doc_stance (
    doc_id    text COLLATE "C" NOT NULL REFERENCES documents (id),
    annotator text COLLATE "C" NOT NULL CHECK (annotator <> ''),
    target    text COLLATE "C" NOT NULL,
    label     text COLLATE "C" NOT NULL,
    updated   text COLLATE "C" NOT NULL,
    PRIMARY KEY (doc_id, annotator, target)
);

CREATE INDEX doc_stance_filter ON doc_stance (target, label, annotator);

CREATE TABLE schema (
    id        integer PRIMARY KEY CHECK (id = 1),
    json      text COLLATE "C" NOT NULL,
    annotator text COLLATE "C" NOT NULL DEFAULT '',
    updated   text COLLATE "C" NOT NULL
);

INSERT INTO schema (id, json, updated)
VALUES (1, '{"entities":[],"stance_labels":[],"targets":[],"nesting":"flat"}',
        to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"000Z"'));

CREATE TABLE events (
    seq       bigserial PRIMARY KEY,
    time      text COLLATE "C" NOT NULL,
    annotator text COLLATE "C" NOT NULL DEFAULT '',
    doc_id    text COLLATE "C" NOT NULL DEFAULT '',
    action    text COLLATE "C" NOT NULL,
    before    text COLLATE "C",
    after     text COLLATE "C"
);

CREATE INDEX events_doc ON events (doc_id, seq);

CREATE TABLE undo (
    annotator text COLLATE "C"    NOT NULL,
    seq       bigint  NOT NULL REFERENCES events (seq),
    undone    boolean NOT NULL DEFAULT false,
    PRIMARY KEY (annotator, seq)
);

CREATE INDEX undo_stack ON undo (annotator, undone, seq);

-- The counts, as in the file (0004_counts.sql): each row one annotator's, so that two
-- annotators' actions never update the same row. Statuses, stances, suggestions and
-- decisions are counted by the triggers below, spans by the store's writers of span sets.
CREATE TABLE counts (
    annotator text COLLATE "C"   NOT NULL,
    what      text COLLATE "C"   NOT NULL,
    key       text COLLATE "C"   NOT NULL,
    n         bigint NOT NULL,
    PRIMARY KEY (annotator, what, key)
);

-- The search filter by label (0007_search.sql), kept by the writers of span sets.
CREATE TABLE search_labels (
    label     text COLLATE "C"   NOT NULL,
    annotator text COLLATE "C"   NOT NULL,
    ord       bigint NOT NULL,
    PRIMARY KEY (label, annotator, ord)
);

-- The words of each document in their search form, as a tsvector made of them as they are
-- (array_to_tsvector: no parser, no dictionary), for documents 1..search_state.upto.
-- A document of more distinct words than a tsvector holds keeps none here (whole is false):
-- a search reads its text.
CREATE TABLE search_text (
    ord   bigint   PRIMARY KEY,
    terms tsvector NOT NULL,
    whole boolean  NOT NULL
);

CREATE INDEX search_text_terms ON search_text USING gin (terms);

CREATE TABLE search_state (
    id   integer PRIMARY KEY CHECK (id = 1),
    upto bigint  NOT NULL CHECK (upto >= 0)
);

INSERT INTO search_state (id, upto) VALUES (1, 0);

CREATE TABLE suggestion_sets (
    doc_id  text COLLATE "C"             NOT NULL REFERENCES documents (id),
    source  text COLLATE "C"             NOT NULL CHECK (source <> ''),
    ord     bigint           NOT NULL,
    n       integer          NOT NULL CHECK (n > 0),
    low     double precision NOT NULL,
    updated text COLLATE "C"             NOT NULL,
    items   text COLLATE "C"             NOT NULL,
    PRIMARY KEY (doc_id, source)
);

CREATE INDEX suggestion_sets_low ON suggestion_sets (source, low, ord);
CREATE INDEX suggestion_sets_doc ON suggestion_sets (ord, low);

CREATE TABLE suggestion_decisions (
    doc_id    text COLLATE "C"    NOT NULL REFERENCES documents (id),
    annotator text COLLATE "C"    NOT NULL CHECK (annotator <> ''),
    source    text COLLATE "C"    NOT NULL,
    start     integer NOT NULL CHECK (start >= 0),
    "end"     integer NOT NULL CHECK ("end" > start),
    label     text COLLATE "C"    NOT NULL,
    decision  text COLLATE "C"    NOT NULL CHECK (decision IN ('accepted', 'rejected')),
    span_id   text COLLATE "C"    NOT NULL DEFAULT '',
    time      text COLLATE "C"    NOT NULL,
    PRIMARY KEY (doc_id, annotator, source, start, "end", label)
);

CREATE FUNCTION count_add(who text, kind text, k text, delta bigint) RETURNS void LANGUAGE sql AS $$
    INSERT INTO counts (annotator, what, key, n) VALUES (who, kind, k, delta)
    ON CONFLICT (annotator, what, key) DO UPDATE SET n = counts.n + excluded.n
$$;

CREATE FUNCTION counts_state() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM count_add(OLD.annotator, 'status', OLD.status, -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM count_add(NEW.annotator, 'status', NEW.status, 1);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER counts_state AFTER INSERT OR DELETE OR UPDATE OF annotator, status ON doc_state
FOR EACH ROW EXECUTE FUNCTION counts_state();

CREATE FUNCTION counts_stance() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM count_add(OLD.annotator, 'stance', OLD.target || chr(31) || OLD.label, -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM count_add(NEW.annotator, 'stance', NEW.target || chr(31) || NEW.label, 1);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER counts_stance AFTER INSERT OR DELETE OR UPDATE OF annotator, target, label ON doc_stance
FOR EACH ROW EXECUTE FUNCTION counts_stance();

CREATE FUNCTION counts_suggestions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM count_add('', 'suggestions', OLD.source, -OLD.n);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM count_add('', 'suggestions', NEW.source, NEW.n);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER counts_suggestions AFTER INSERT OR DELETE OR UPDATE ON suggestion_sets
FOR EACH ROW EXECUTE FUNCTION counts_suggestions();

CREATE FUNCTION counts_decision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM count_add(OLD.annotator, 'decision', OLD.source || chr(31) || OLD.decision, -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM count_add(NEW.annotator, 'decision', NEW.source || chr(31) || NEW.decision, 1);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER counts_decision AFTER INSERT OR DELETE OR UPDATE ON suggestion_decisions
FOR EACH ROW EXECUTE FUNCTION counts_decision();

INSERT INTO meta (key, value)
VALUES ('created', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"000Z"'));
