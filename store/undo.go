package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/tawsim/tawsim/labels"
)

// Errors of Undo and Redo when a stack is empty.
var (
	ErrNothingToUndo = errors.New("nothing to undo")
	ErrNothingToRedo = errors.New("nothing to redo")
)

// undoable tells the changes an annotator can undo: their own annotations of a document.
func undoable(a labels.Action) bool {
	switch a {
	case labels.ActionSpanAdd, labels.ActionSpanUpdate, labels.ActionSpanDelete,
		labels.ActionStateSet, labels.ActionStanceSet, labels.ActionStanceClear,
		labels.ActionSuggestionAccept, labels.ActionSuggestionReject:
		return true
	}
	return false
}

// pushUndo puts event seq on the annotator's undo stack and empties their redo stack.
func pushUndo(ctx context.Context, tx *sql.Tx, annotator string, seq int64) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM undo WHERE annotator = ? AND undone = 1", annotator); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, "INSERT INTO undo (annotator, seq) VALUES (?, ?)", annotator, seq)
	return err
}

// Undo reverts the annotator's latest change that is not undone yet (a span added, changed
// or removed, a status, a document stance, a suggestion accepted or rejected), in whichever document it was, and returns the
// event it reverted: its DocID says where. The revert is itself logged. ErrNothingToUndo
// when there is none. The stacks live in the project file, so undo survives a restart.
// Undo sent again after its answer was lost undoes one more change: the window names the
// step it undoes (NextStep, UndoStep).
func (s *Store) Undo(ctx context.Context, annotator string) (labels.Event, error) {
	return s.UndoStep(ctx, annotator, 0, false)
}

// Redo applies again the change the annotator undid last, and returns its event.
// ErrNothingToRedo when there is none; a new change empties the redo stack.
func (s *Store) Redo(ctx context.Context, annotator string) (labels.Event, error) {
	return s.UndoStep(ctx, annotator, 0, true)
}

// NextStep returns the step of the annotator's stacks that Undo (redo false) or Redo would
// take next: the seq of its event. ErrNothingToUndo (ErrNothingToRedo) when there is none.
func (s *Store) NextStep(ctx context.Context, annotator string, redo bool) (int64, error) {
	var seq int64
	err := s.r.QueryRowContext(ctx, nextStepQuery(redo), annotator).Scan(&seq)
	if errors.Is(err, sql.ErrNoRows) {
		_, _, err = DecideStep(0, redo, StepState{})
	}
	if err != nil {
		return 0, fmt.Errorf("%s: %w", stepName(redo), err)
	}
	return seq, nil
}

// UndoStep undoes (redo false) or redoes step seq of the annotator's stacks (0: the next, as
// Undo and Redo do) and returns its event. The same call sent again after its answer was lost
// changes nothing and returns the same event; a step that is not the next is refused with
// ErrStaleStep (see DecideStep).
func (s *Store) UndoStep(ctx context.Context, annotator string, seq int64, redo bool) (labels.Event, error) {
	var ev labels.Event
	err := s.write(ctx, func(tx *sql.Tx) error {
		var st StepState
		var undone sql.NullInt64
		err := tx.QueryRowContext(ctx, "SELECT COALESCE(("+nextStepQuery(redo)+"), 0), "+
			"(SELECT undone FROM undo WHERE annotator = ? AND seq = ?)", annotator, annotator, seq).Scan(&st.Next, &undone)
		if err != nil {
			return err
		}
		st.On, st.Undone = undone.Valid, undone.Int64 == 1
		take, apply, err := DecideStep(seq, redo, st)
		if err != nil {
			return err
		}
		if ev, err = eventBySeq(ctx, tx, take); err != nil || !apply {
			return err
		}
		if err := s.apply(ctx, tx, ev, redo); err != nil {
			return fmt.Errorf("%s of %s: %w", ev.Action, ev.Time.Local().Format("15:04:05"), err)
		}
		_, err = tx.ExecContext(ctx, "UPDATE undo SET undone = ? WHERE annotator = ? AND seq = ?", !redo, annotator, take)
		return err
	})
	if err != nil {
		return labels.Event{}, fmt.Errorf("%s: %w", stepName(redo), err)
	}
	return ev, nil
}

// nextStepQuery reads the seq of the step Undo (redo false) or Redo takes next of the
// annotator named by its one parameter.
func nextStepQuery(redo bool) string {
	if redo {
		return "SELECT seq FROM undo WHERE annotator = ? AND undone = 1 ORDER BY seq ASC LIMIT 1"
	}
	return "SELECT seq FROM undo WHERE annotator = ? AND undone = 0 ORDER BY seq DESC LIMIT 1"
}

// eventBySeq reads one event of the log.
func eventBySeq(ctx context.Context, tx *sql.Tx, seq int64) (labels.Event, error) {
	rows, err := tx.QueryContext(ctx, "SELECT seq, time, annotator, doc_id, action, before, after FROM events WHERE seq = ?", seq)
	if err != nil {
		return labels.Event{}, err
	}
	defer rows.Close()
	if !rows.Next() {
		return labels.Event{}, fmt.Errorf("event %d: %w", seq, ErrNotFound)
	}
	return scanEvent(rows)
}

// apply brings the project to the state after ev (forward) or before it (backward), and logs
// what it changed as ordinary events that go on no stack.
func (s *Store) apply(ctx context.Context, tx *sql.Tx, ev labels.Event, forward bool) error {
	from, to := ev.After, ev.Before
	if forward {
		from, to = ev.Before, ev.After
	}
	switch ev.Action {
	case labels.ActionSpanAdd, labels.ActionSpanUpdate, labels.ActionSpanDelete:
		return s.applySpan(ctx, tx, ev, from, to)
	case labels.ActionStateSet:
		return s.applyState(ctx, tx, ev, from, to)
	case labels.ActionStanceSet, labels.ActionStanceClear:
		return s.applyStance(ctx, tx, ev, from, to)
	case labels.ActionSuggestionAccept, labels.ActionSuggestionReject:
		return s.applyDecision(ctx, tx, ev, from, to)
	}
	return fmt.Errorf("a %s cannot be undone", ev.Action)
}

// applySpan turns the span from (nil: none) into the span to (nil: none).
func (s *Store) applySpan(ctx context.Context, tx *sql.Tx, ev labels.Event, from, to json.RawMessage) error {
	have, want, err := DecodeChange[labels.Span](from, to)
	if err != nil {
		return err
	}
	w, err := newSpanWriter(ctx, tx)
	if err != nil {
		return err
	}
	action, before, after, err := w.Turn(ctx, ev.DocID, ev.Annotator, have, want, s.now())
	if err != nil {
		return err
	}
	if err := w.flush(ctx); err != nil {
		return err
	}
	_, err = s.logEvent(ctx, tx, ev.Annotator, ev.DocID, action, before, after)
	return err
}

// applyState sets the document state to to, or removes it when to is null.
func (s *Store) applyState(ctx context.Context, tx *sql.Tx, ev labels.Event, from, to json.RawMessage) error {
	_, want, err := DecodeChange[labels.DocState](nil, to)
	if err != nil {
		return err
	}
	before, err := getState(ctx, tx, ev.DocID, ev.Annotator)
	if err != nil {
		return err
	}
	if want == nil {
		_, err = tx.ExecContext(ctx, "DELETE FROM doc_state WHERE doc_id = ? AND annotator = ?", ev.DocID, ev.Annotator)
	} else {
		want.Updated = s.now()
		err = upsertState(ctx, tx, *want)
	}
	if err != nil {
		return err
	}
	_, err = s.logEvent(ctx, tx, ev.Annotator, ev.DocID, labels.ActionStateSet, before, want)
	return err
}

// applyStance sets a document stance to to, or clears it when to is null.
func (s *Store) applyStance(ctx context.Context, tx *sql.Tx, ev labels.Event, from, to json.RawMessage) error {
	have, want, err := DecodeChange[labels.DocStance](from, to)
	if err != nil {
		return err
	}
	target := StanceTarget(have, want)
	before, err := getStance(ctx, tx, ev.DocID, ev.Annotator, target)
	if err != nil {
		return err
	}
	if want == nil {
		if _, err := tx.ExecContext(ctx, "DELETE FROM doc_stance WHERE doc_id = ? AND annotator = ? AND target = ?",
			ev.DocID, ev.Annotator, target); err != nil {
			return err
		}
		_, err = s.logEvent(ctx, tx, ev.Annotator, ev.DocID, labels.ActionStanceClear, before, nil)
		return err
	}
	want.Updated = s.now()
	if err := upsertStance(ctx, tx, *want); err != nil {
		return err
	}
	_, err = s.logEvent(ctx, tx, ev.Annotator, ev.DocID, labels.ActionStanceSet, before, want)
	return err
}

// StanceTarget is the target of a document stance that a step of Undo or Redo changes from
// have into want (either nil).
func StanceTarget(have, want *labels.DocStance) string {
	switch {
	case have != nil:
		return have.Target
	case want != nil:
		return want.Target
	}
	return ""
}

// DecodeChange decodes the values an event changes from and to (the logged before and after,
// in the order a step of Undo or Redo takes them), each nil for null or nothing.
func DecodeChange[T any](from, to json.RawMessage) (have, want *T, err error) {
	if err := decodeOptional(from, &have); err != nil {
		return nil, nil, err
	}
	if err := decodeOptional(to, &want); err != nil {
		return nil, nil, err
	}
	return have, want, nil
}

// decodeOptional decodes JSON into *dst, leaving it nil for null or nothing.
func decodeOptional[T any](data json.RawMessage, dst **T) error {
	if len(data) == 0 || string(data) == "null" {
		return nil
	}
	var v T
	if err := json.Unmarshal(data, &v); err != nil {
		return fmt.Errorf("logged value: %w", err)
	}
	*dst = &v
	return nil
}
