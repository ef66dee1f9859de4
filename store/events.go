package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/tawsim/tawsim/labels"
)

// appendEvent adds one entry to the log inside tx. before and after are marshalled to JSON;
// a nil one is stored as NULL. An annotator's change that can be undone goes on their undo
// stack, and empties their redo stack.
func (s *Store) appendEvent(ctx context.Context, tx *sql.Tx, annotator, docID string, action labels.Action, before, after any) error {
	seq, err := s.logEvent(ctx, tx, annotator, docID, action, before, after)
	if err != nil || !undoable(action) || annotator == "" {
		return err
	}
	return pushUndo(ctx, tx, annotator, seq)
}

// logEvent adds one entry to the log inside tx and returns its sequence number.
func (s *Store) logEvent(ctx context.Context, tx *sql.Tx, annotator, docID string, action labels.Action, before, after any) (int64, error) {
	b, err := jsonOrNull(before)
	if err != nil {
		return 0, fmt.Errorf("log %s: %w", action, err)
	}
	a, err := jsonOrNull(after)
	if err != nil {
		return 0, fmt.Errorf("log %s: %w", action, err)
	}
	r, err := tx.ExecContext(ctx,
		"INSERT INTO events (time, annotator, doc_id, action, before, after) VALUES (?, ?, ?, ?, ?, ?)",
		formatTime(s.now()), annotator, docID, string(action), b, a)
	if err != nil {
		return 0, fmt.Errorf("log %s: %w", action, err)
	}
	return r.LastInsertId()
}

// jsonOrNull marshals v, or returns nil (SQL NULL) for a nil v or one that marshals to null.
func jsonOrNull(v any) (any, error) {
	if v == nil {
		return nil, nil
	}
	data, err := json.Marshal(v)
	if err != nil || string(data) == "null" {
		return nil, err
	}
	return string(data), nil
}

// Events returns up to limit entries of the log with Seq > after, oldest first; limit <= 0
// means all of them. Before and After are nil where the log holds nothing (NULL).
func (s *Store) Events(ctx context.Context, after int64, limit int) ([]labels.Event, error) {
	if limit <= 0 {
		limit = -1 // SQLite: no limit
	}
	rows, err := s.r.QueryContext(ctx,
		"SELECT seq, time, annotator, doc_id, action, before, after FROM events WHERE seq > ? ORDER BY seq LIMIT ?",
		after, limit)
	if err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	defer rows.Close()
	var evs []labels.Event
	for rows.Next() {
		ev, err := scanEvent(rows)
		if err != nil {
			return nil, fmt.Errorf("events: %w", err)
		}
		evs = append(evs, ev)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	return evs, nil
}

// scanEvent reads one row of the events table.
func scanEvent(rows *sql.Rows) (labels.Event, error) {
	var ev labels.Event
	var at, action string
	var before, after sql.NullString
	if err := rows.Scan(&ev.Seq, &at, &ev.Annotator, &ev.DocID, &action, &before, &after); err != nil {
		return ev, err
	}
	t, err := parseTime(at)
	if err != nil {
		return ev, err
	}
	ev.Time, ev.Action = t, labels.Action(action)
	if before.Valid {
		ev.Before = json.RawMessage(before.String)
	}
	if after.Valid {
		ev.After = json.RawMessage(after.String)
	}
	return ev, nil
}
