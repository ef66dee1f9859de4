package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

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
	q := &queued{Tx: tx}
	if l.schema == 1 {
		// The schema is read with the locks, in one round trip: a write that holds it in
		// share mode reads it (to validate against it) and nothing changes it meanwhile.
		var data string
		if err := takeLocks(ctx, tx, l, &data); err != nil {
			return err
		}
		sc, err := store.DecodeSchema([]byte(data))
		if err != nil {
			return err
		}
		q.schema = &sc
	} else if err := takeLocks(ctx, tx, l); err != nil {
		return err
	}
	if err := fn(q); err != nil {
		return err
	}
	q.b.Queue("SELECT pg_notify($1, $2)", notifyChannel, note)
	if err := q.send(ctx); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// queued is the transaction of a write with the statements it leaves for later: those whose
// results nothing reads (a span set written back, the counts, the log), sent together in one
// round trip before the commit, so that a label action costs a few round trips, not a dozen.
type queued struct {
	pgx.Tx
	b      pgx.Batch
	schema *labels.Schema // read with the locks, when the write holds the schema in share mode
}

// send runs the statements left for later.
func (q *queued) send(ctx context.Context) error {
	if q.b.Len() == 0 {
		return nil
	}
	br := q.Tx.SendBatch(ctx, &q.b)
	for range q.b.Len() {
		if _, err := br.Exec(); err != nil {
			br.Close()
			return err
		}
	}
	q.b = pgx.Batch{}
	return br.Close()
}

// later is what a statement whose result nothing reads runs on: the write's queue when tx is
// a write's (queued), else tx itself.
type execer interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
}

type queue struct{ b *pgx.Batch }

func (q queue) Exec(_ context.Context, sql string, args ...any) (pgconn.CommandTag, error) {
	q.b.Queue(sql, args...)
	return pgconn.CommandTag{}, nil
}

func later(tx pgx.Tx) execer {
	if q, ok := tx.(*queued); ok {
		return queue{&q.b}
	}
	return tx
}

// takeLocks takes l's advisory locks inside tx, in one statement; with schema given, the
// same statement reads the stored schema's JSON into it.
func takeLocks(ctx context.Context, tx pgx.Tx, l locks, schema ...*string) error {
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
	if len(schema) > 0 {
		q := "SELECT (SELECT json FROM schema WHERE id = 1)"
		for _, p := range parts {
			q += ", " + p
		}
		dest := []any{schema[0]}
		for range parts {
			dest = append(dest, new(any))
		}
		return tx.QueryRow(ctx, q, args...).Scan(dest...)
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
// their undo stack and empties their redo stack, in the same statement.
func (s *Store) appendEvent(ctx context.Context, tx pgx.Tx, annotator, docID string, action labels.Action, before, after any) error {
	b, a, err := eventValues(action, before, after)
	if err != nil {
		return err
	}
	args := []any{store.FormatTime(s.now()), annotator, docID, string(action), b, a}
	if !store.Undoable(action) || annotator == "" {
		_, err = later(tx).Exec(ctx, insertEvent, args...)
	} else {
		_, err = later(tx).Exec(ctx, `WITH ev AS (`+insertEvent+` RETURNING seq),
gone AS (DELETE FROM undo WHERE annotator = $2 AND undone)
INSERT INTO undo (annotator, seq) SELECT $2, seq FROM ev`, args...)
	}
	if err != nil {
		return fmt.Errorf("log %s: %w", action, err)
	}
	return nil
}

const insertEvent = "INSERT INTO events (time, annotator, doc_id, action, before, after) VALUES ($1, $2, $3, $4, $5, $6)"

// logEvent adds one entry to the log inside tx, on no undo stack.
func (s *Store) logEvent(ctx context.Context, tx pgx.Tx, annotator, docID string, action labels.Action, before, after any) (int64, error) {
	b, a, err := eventValues(action, before, after)
	if err == nil {
		_, err = later(tx).Exec(ctx, insertEvent, store.FormatTime(s.now()), annotator, docID, string(action), b, a)
	}
	if err != nil {
		return 0, fmt.Errorf("log %s: %w", action, err)
	}
	return 0, nil
}

// eventValues renders an event's before and after as stored.
func eventValues(action labels.Action, before, after any) (*string, *string, error) {
	b, err := jsonOrNull(before)
	if err != nil {
		return nil, nil, fmt.Errorf("log %s: %w", action, err)
	}
	a, err := jsonOrNull(after)
	if err != nil {
		return nil, nil, fmt.Errorf("log %s: %w", action, err)
	}
	return b, a, nil
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
