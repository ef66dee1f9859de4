package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"

	"github.com/tawsim/tawsim/labels"
)

// SetState records an annotator's status, note and time spent on a document, replacing what
// was there; Updated becomes now. An unknown status wraps labels.ErrBadStatus; a missing
// document is ErrNotFound.
func (s *Store) SetState(ctx context.Context, st labels.DocState) error {
	if err := CheckState(st); err != nil {
		return fmt.Errorf("set state: %w", err)
	}
	st.Updated = s.now()
	err := s.write(ctx, func(tx *sql.Tx) error {
		before, err := getState(ctx, tx, st.DocID, st.Annotator)
		if err != nil {
			return err
		}
		if err := upsertState(ctx, tx, st); err != nil {
			return err
		}
		return s.appendEvent(ctx, tx, st.Annotator, st.DocID, labels.ActionStateSet, before, st)
	})
	if err != nil {
		return fmt.Errorf("set state: %w", err)
	}
	return nil
}

// upsertState writes a doc_state row, copying the document's order into it.
func upsertState(ctx context.Context, tx *sql.Tx, st labels.DocState) error {
	r, err := tx.ExecContext(ctx, `INSERT INTO doc_state (doc_id, annotator, ord, status, note, seconds, updated)
SELECT id, ?, ord, ?, ?, ?, ? FROM documents WHERE id = ?
ON CONFLICT (doc_id, annotator) DO UPDATE SET status = excluded.status, note = excluded.note,
    seconds = excluded.seconds, updated = excluded.updated`,
		st.Annotator, string(st.Status), st.Note, st.Seconds, formatTime(st.Updated), st.DocID)
	return documentWritten(r, err, st.DocID)
}

// State returns an annotator's state of a document: status todo, with nothing spent, when
// there is no row yet. A missing document is ErrNotFound.
func (s *Store) State(ctx context.Context, docID, annotator string) (labels.DocState, error) {
	var exists int
	err := s.r.QueryRowContext(ctx, "SELECT count(*) FROM documents WHERE id = ?", docID).Scan(&exists)
	if err != nil {
		return labels.DocState{}, fmt.Errorf("state: %w", err)
	}
	if exists == 0 {
		return labels.DocState{}, fmt.Errorf("state: document %s: %w", docID, ErrNotFound)
	}
	st, err := getState(ctx, s.r, docID, annotator)
	if err != nil {
		return labels.DocState{}, fmt.Errorf("state: %w", err)
	}
	if st == nil {
		return labels.DocState{DocID: docID, Annotator: annotator, Status: labels.StatusTodo}, nil
	}
	return *st, nil
}

// getState reads a doc_state row, nil when there is none.
func getState(ctx context.Context, q queryer, docID, annotator string) (*labels.DocState, error) {
	st := labels.DocState{DocID: docID, Annotator: annotator}
	var status, updated string
	err := q.QueryRowContext(ctx,
		"SELECT status, note, seconds, updated FROM doc_state WHERE doc_id = ? AND annotator = ?",
		docID, annotator).Scan(&status, &st.Note, &st.Seconds, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	st.Status = labels.Status(status)
	if st.Updated, err = parseTime(updated); err != nil {
		return nil, err
	}
	return &st, nil
}

// CheckState checks a document state as SetState takes it: an annotator's name, a known
// status (labels.ErrBadStatus) and no negative time spent.
func CheckState(st labels.DocState) error {
	if err := labels.CheckAnnotator(st.Annotator); err != nil {
		return err
	}
	if !slices.Contains(labels.Statuses, st.Status) {
		return fmt.Errorf("%w: %q", labels.ErrBadStatus, st.Status)
	}
	if st.Seconds < 0 {
		return fmt.Errorf("seconds spent is negative (%d)", st.Seconds)
	}
	return nil
}
