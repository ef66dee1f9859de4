-- 0002_assign: the assignment queue (tawsimctl assign): each document's slots, as many as
-- annotators should label it. The window's next document is a free slot taken with
-- SELECT ... FOR UPDATE SKIP LOCKED, held for a lease: a slot whose annotator went away
-- (the lease ran out before they finished the document) goes to the next who asks.
CREATE TABLE assignments (
    doc_id      text COLLATE "C" NOT NULL REFERENCES documents (id),
    slot        integer NOT NULL CHECK (slot > 0),
    ord         bigint  NOT NULL,
    annotator   text COLLATE "C" NOT NULL DEFAULT '',
    lease_until timestamptz,
    done        boolean NOT NULL DEFAULT false,
    PRIMARY KEY (doc_id, slot)
);

CREATE INDEX assignments_open ON assignments (ord, slot) WHERE NOT done;
CREATE INDEX assignments_annotator ON assignments (annotator, doc_id);
