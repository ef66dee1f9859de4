package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// Undo reverts the annotator's latest change not undone yet, as the file's store does.
func (s *Store) Undo(ctx context.Context, annotator string) (labels.Event, error) {
	return s.UndoStep(ctx, annotator, 0, false)
}

// Redo applies again the change the annotator undid last.
func (s *Store) Redo(ctx context.Context, annotator string) (labels.Event, error) {
	return s.UndoStep(ctx, annotator, 0, true)
}

// NextStep returns the seq of the step Undo (redo false) or Redo would take next, as the
// file's store does.
func (s *Store) NextStep(ctx context.Context, annotator string, redo bool) (int64, error) {
	var seq int64
	err := s.pool.QueryRow(ctx, nextStepQuery(redo), annotator).Scan(&seq)
	if errors.Is(err, pgx.ErrNoRows) {
		_, _, err = store.DecideStep(0, redo, store.StepState{})
	}
	if err != nil {
		return 0, fmt.Errorf("%s: %w", store.StepName(redo), classify(err))
	}
	return seq, nil
}

// UndoStep undoes (redo false) or redoes step seq of the annotator's stacks (0: the next),
// as the file's store does: sent again after its answer was lost, it changes nothing and
// returns the same event.
func (s *Store) UndoStep(ctx context.Context, annotator string, seq int64, redo bool) (labels.Event, error) {
	var ev labels.Event
	err := s.write(ctx, share(annotator), "", func(tx pgx.Tx) error {
		var st store.StepState
		var undone *bool
		err := tx.QueryRow(ctx, "SELECT COALESCE(("+nextStepQuery(redo)+"), 0), "+
			"(SELECT undone FROM undo WHERE annotator = $1 AND seq = $2)", annotator, seq).Scan(&st.Next, &undone)
		if err != nil {
			return err
		}
		st.On, st.Undone = undone != nil, undone != nil && *undone
		take, apply, err := store.DecideStep(seq, redo, st)
		if err != nil {
			return err
		}
		evs, err := events(ctx, tx, "WHERE seq = $1", take)
		if err != nil {
			return err
		}
		if len(evs) == 0 {
			return fmt.Errorf("event %d: %w", take, store.ErrNotFound)
		}
		if ev = evs[0]; !apply {
			return nil
		}
		if err := s.apply(ctx, tx, ev, redo); err != nil {
			return fmt.Errorf("%s of %s: %w", ev.Action, ev.Time.Local().Format("15:04:05"), err)
		}
		_, err = tx.Exec(ctx, "UPDATE undo SET undone = $1 WHERE annotator = $2 AND seq = $3", !redo, annotator, take)
		return err
	})
	if err != nil {
		return labels.Event{}, fmt.Errorf("%s: %w", store.StepName(redo), err)
	}
	return ev, nil
}

// nextStepQuery reads the seq of the step Undo (redo false) or Redo takes next of the
// annotator $1.
func nextStepQuery(redo bool) string {
	if redo {
		return "SELECT seq FROM undo WHERE annotator = $1 AND undone ORDER BY seq ASC LIMIT 1"
	}
	return "SELECT seq FROM undo WHERE annotator = $1 AND NOT undone ORDER BY seq DESC LIMIT 1"
}

// apply brings the project to the state after ev (forward) or before it, logging what it
// changed as events on no stack.
func (s *Store) apply(ctx context.Context, tx pgx.Tx, ev labels.Event, forward bool) error {
	from, to := ev.After, ev.Before
	if forward {
		from, to = ev.Before, ev.After
	}
	switch ev.Action {
	case labels.ActionSpanAdd, labels.ActionSpanUpdate, labels.ActionSpanDelete:
		return s.applySpan(ctx, tx, ev, from, to)
	case labels.ActionStateSet:
		return s.applyState(ctx, tx, ev, to)
	case labels.ActionStanceSet, labels.ActionStanceClear:
		return s.applyStance(ctx, tx, ev, from, to)
	case labels.ActionSuggestionAccept, labels.ActionSuggestionReject:
		return s.applyDecision(ctx, tx, ev, from, to)
	}
	return fmt.Errorf("a %s cannot be undone", ev.Action)
}

func (s *Store) applySpan(ctx context.Context, tx pgx.Tx, ev labels.Event, from, to json.RawMessage) error {
	have, want, err := store.DecodeChange[labels.Span](from, to)
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

func (s *Store) applyState(ctx context.Context, tx pgx.Tx, ev labels.Event, to json.RawMessage) error {
	_, want, err := store.DecodeChange[labels.DocState](nil, to)
	if err != nil {
		return err
	}
	before, err := getState(ctx, tx, ev.DocID, ev.Annotator)
	if err != nil {
		return err
	}
	if want == nil {
		_, err = tx.Exec(ctx, "DELETE FROM doc_state WHERE doc_id = $1 AND annotator = $2", ev.DocID, ev.Annotator)
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

func (s *Store) applyStance(ctx context.Context, tx pgx.Tx, ev labels.Event, from, to json.RawMessage) error {
	have, want, err := store.DecodeChange[labels.DocStance](from, to)
	if err != nil {
		return err
	}
	target := store.StanceTarget(have, want)
	before, err := getStance(ctx, tx, ev.DocID, ev.Annotator, target)
	if err != nil {
		return err
	}
	if want == nil {
		if _, err := tx.Exec(ctx, "DELETE FROM doc_stance WHERE doc_id = $1 AND annotator = $2 AND target = $3",
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

// Events returns up to limit entries of the log after seq after, oldest first (limit <= 0: all).
func (s *Store) Events(ctx context.Context, after int64, limit int) ([]labels.Event, error) {
	where := "WHERE seq > $1 ORDER BY seq"
	a := []any{after}
	if limit > 0 {
		where += " LIMIT $2"
		a = append(a, limit)
	}
	evs, err := events(ctx, s.pool, where, a...)
	if err != nil {
		return nil, fmt.Errorf("events: %w", classify(err))
	}
	return evs, nil
}

// events reads the log's entries that the clause chooses.
func events(ctx context.Context, q db, clause string, a ...any) ([]labels.Event, error) {
	var evs []labels.Event
	err := eachRow(ctx, q, "SELECT seq, time, annotator, doc_id, action, before, after FROM events "+clause, a,
		func(rows pgx.Rows) error {
			var ev labels.Event
			var at, action string
			var before, after *string
			if err := rows.Scan(&ev.Seq, &at, &ev.Annotator, &ev.DocID, &action, &before, &after); err != nil {
				return err
			}
			t, err := store.ParseTime(at)
			ev.Time, ev.Action = t, labels.Action(action)
			if before != nil {
				ev.Before = json.RawMessage(*before)
			}
			if after != nil {
				ev.After = json.RawMessage(*after)
			}
			evs = append(evs, ev)
			return err
		})
	return evs, err
}
