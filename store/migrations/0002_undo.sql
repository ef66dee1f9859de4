-- 0002_undo: each annotator's undo and redo stacks, so that undo survives a restart.
-- A row names an event of the log that the annotator can undo (undone = 0) or, having
-- undone it, redo (undone = 1). A new change empties the annotator's redo stack.
CREATE TABLE undo (
    annotator TEXT    NOT NULL,
    seq       INTEGER NOT NULL REFERENCES events (seq),
    undone    INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1)),
    PRIMARY KEY (annotator, seq)
) WITHOUT ROWID;

CREATE INDEX undo_stack ON undo (annotator, undone, seq);
