package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/jackc/pgx/v5"

	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// What a write locks besides the rows it changes: advisory locks of the transaction, taken in
// this order (documents, schema, annotators by name) so that two writes never wait for each
// other in a circle.
const (
	lockDocuments = 1 // the documents' orders: one import, merge or batch of documents at a time
	lockSchema    = 2 // shared by every write that checks against the schema, exclusive to change it
	lockAnnotator = 3 // keyed by the annotator's name: their spans, statuses, stances and undo stack
)

// locks says what a write locks.
type locks struct {
	documents  bool
	schema     int      // 0: not at all, 1: shared, 2: exclusive
	annotators []string // whose work the write changes
}

// share is the lock of an annotator's action: the schema shared, the annotator's work.
func share(annotators ...string) locks { return locks{schema: 1, annotators: annotators} }

// notifyChannel is where every commit tells the other windows that the project changed.
const notifyChannel = "tawsim_changed"

// write runs fn in one transaction that holds l, notifies the other windows (note: the id
// of the document changed, or "") and commits. A transaction that PostgreSQL broke off for a
// deadlock or a serialization failure runs again; an unreachable server is
// store.ErrUnavailable.
func (s *Store) write(ctx context.Context, l locks, note string, fn func(tx pgx.Tx) error) error {
	for attempt := 0; ; attempt++ {
		err := s.writeOnce(ctx, l, note, fn)
		if retriable(err) && attempt < 10 {
			continue
		}
		return classify(err)
	}
}

func (s *Store) writeOnce(ctx context.Context, l locks, note string, fn func(tx pgx.Tx) error) error {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	if err := takeLocks(ctx, tx, l); err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, "SELECT pg_notify($1, $2)", notifyChannel, note); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// takeLocks takes l's advisory locks inside tx, in one statement.
func takeLocks(ctx context.Context, tx pgx.Tx, l locks) error {
	var parts []string
	var args []any
	if l.documents {
		parts = append(parts, fmt.Sprintf("pg_advisory_xact_lock(%d, 0)", lockDocuments))
	}
	switch l.schema {
	case 1:
		parts = append(parts, fmt.Sprintf("pg_advisory_xact_lock_shared(%d, 0)", lockSchema))
	case 2:
		parts = append(parts, fmt.Sprintf("pg_advisory_xact_lock(%d, 0)", lockSchema))
	}
	names := slices.Clone(l.annotators)
	slices.Sort(names)
	for _, a := range slices.Compact(names) {
		args = append(args, a)
		parts = append(parts, fmt.Sprintf("pg_advisory_xact_lock(%d, hashtext($%d))", lockAnnotator, len(args)))
	}
	if len(parts) == 0 {
		return nil
	}
	q := "SELECT " + parts[0]
	for _, p := range parts[1:] {
		q += ", " + p
	}
	_, err := tx.Exec(ctx, q, args...)
	return err
}

// lockAnnotators takes the locks of annotators' work inside a transaction that holds others
// already (an import meeting the annotators of its records).
func lockAnnotators(ctx context.Context, tx pgx.Tx, names ...string) error {
	return takeLocks(ctx, tx, locks{annotators: names})
}

// appendEvent logs one change inside tx; an annotator's change that can be undone goes on
// their undo stack and empties their redo stack.
func (s *Store) appendEvent(ctx context.Context, tx pgx.Tx, annotator, docID string, action labels.Action, before, after any) error {
	seq, err := s.logEvent(ctx, tx, annotator, docID, action, before, after)
	if err != nil || !store.Undoable(action) || annotator == "" {
		return err
	}
	_, err = tx.Exec(ctx, `WITH gone AS (DELETE FROM undo WHERE annotator = $1 AND undone)
INSERT INTO undo (annotator, seq) VALUES ($1, $2)`, annotator, seq)
	return err
}

// logEvent adds one entry to the log inside tx and returns its sequence number.
func (s *Store) logEvent(ctx context.Context, tx pgx.Tx, annotator, docID string, action labels.Action, before, after any) (int64, error) {
	b, err := jsonOrNull(before)
	if err != nil {
		return 0, fmt.Errorf("log %s: %w", action, err)
	}
	a, err := jsonOrNull(after)
	if err != nil {
		return 0, fmt.Errorf("log %s: %w", action, err)
	}
	var seq int64
	err = tx.QueryRow(ctx, `INSERT INTO events (time, annotator, doc_id, action, before, after)
VALUES ($1, $2, $3, $4, $5, $6) RETURNING seq`, store.FormatTime(s.now()), annotator, docID, string(action), b, a).Scan(&seq)
	if err != nil {
		return 0, fmt.Errorf("log %s: %w", action, err)
	}
	return seq, nil
}

// jsonOrNull marshals v, or returns nil (NULL) for a nil v or one that marshals to null.
func jsonOrNull(v any) (*string, error) {
	if v == nil {
		return nil, nil
	}
	data, err := json.Marshal(v)
	if err != nil || string(data) == "null" {
		return nil, err
	}
	s := string(data)
	return &s, nil
}

// eachRow runs query and calls fn for every row.
func eachRow(ctx context.Context, q db, query string, args []any, fn func(pgx.Rows) error) error {
	rows, err := q.Query(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// read runs fn in a read-only transaction of one snapshot.
func (s *Store) read(ctx context.Context, fn func(tx pgx.Tx) error) error {
	tx, err := s.pool.BeginTx(ctx, pgx.TxOptions{AccessMode: pgx.ReadOnly, IsoLevel: pgx.RepeatableRead})
	if err != nil {
		return classify(err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	if err := fn(tx); err != nil {
		return classify(err)
	}
	return classify(tx.Commit(ctx))
}
