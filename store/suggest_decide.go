package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/tawsim/tawsim/labels"
)

// AcceptSuggestion makes suggestion g (its DocID, place and label) an entity span of
// annotator with origin suggestion, written through the span writer and validated as
// AddSpan validates, and records the acceptance for every source that suggests that label
// there: one action, which Undo takes back whole. spanID names the span when it is a UUID (the
// window may draw it before it is written); else the span gets a new one. A suggestion that
// is not in the project, or that the annotator decided on already, is ErrNotFound; one that
// lies on a span of theirs, or that the schema refuses beside their spans, is refused with
// the labels error that says why.
func (s *Store) AcceptSuggestion(ctx context.Context, annotator string, g labels.Suggestion, spanID string) (labels.Span, error) {
	var sp labels.Span
	err := s.decide(ctx, annotator, g.DocID, labels.DecisionAccepted, func(ctx context.Context, d *Decider) error {
		var err error
		sp, err = d.Accept(ctx, g, spanID)
		return err
	})
	if err != nil {
		return labels.Span{}, fmt.Errorf("accept suggestion: %w", err)
	}
	return sp, nil
}

// AcceptAllSuggestions accepts the suggestions of a document that the annotator has yet to
// decide on (PendingSuggestions), taken by confidence (labels.ByConfidence): each that still
// fits beside the spans accepted before it becomes a span, as AcceptSuggestion makes it. One
// action, which Undo takes back whole. It returns the spans made, by start: none when nothing
// was pending, and then nothing is logged.
func (s *Store) AcceptAllSuggestions(ctx context.Context, annotator, docID string) ([]labels.Span, error) {
	return s.AcceptAllSuggestionsNamed(ctx, annotator, docID, nil)
}

// AcceptAllSuggestionsNamed is AcceptAllSuggestions, the span made of each suggestion named
// name(g) when that is a UUID (else a new one): the window draws the spans it expects before
// they are written, so that keys pressed meanwhile act on them. name may be nil.
func (s *Store) AcceptAllSuggestionsNamed(ctx context.Context, annotator, docID string, name func(labels.Suggestion) string) ([]labels.Span, error) {
	var out []labels.Span
	err := s.decide(ctx, annotator, docID, labels.DecisionAccepted, func(ctx context.Context, d *Decider) error {
		var err error
		out, err = d.AcceptPending(ctx, name)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("accept all suggestions: %w", err)
	}
	return out, nil
}

// RejectSuggestion records that annotator rejects suggestion g (its DocID, place and label),
// for every source that suggests that label there: the suggestion is no longer pending for
// them, and counts against its sources' precision. One action that Undo takes back. A
// suggestion not in the project, or decided on already, is ErrNotFound.
func (s *Store) RejectSuggestion(ctx context.Context, annotator string, g labels.Suggestion) error {
	err := s.decide(ctx, annotator, g.DocID, labels.DecisionRejected, func(ctx context.Context, d *Decider) error {
		return d.Reject(g)
	})
	if err != nil {
		return fmt.Errorf("reject suggestion: %w", err)
	}
	return nil
}

// refusal tells the errors of a suggestion that does not fit beside the annotator's spans.
func refusal(err error) bool {
	for _, e := range []error{labels.ErrOverlap, labels.ErrUnknownLabel, labels.ErrOutOfRange, labels.ErrTextMismatch} {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}

// decide runs fn on a decider in one write, then writes the decisions fn made and logs them
// as one undoable event (none when fn decided nothing).
func (s *Store) decide(ctx context.Context, annotator, docID string, kind labels.Decision, fn func(context.Context, *Decider) error) error {
	if err := labels.CheckAnnotator(annotator); err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		w, err := newSpanWriter(ctx, tx)
		if err != nil {
			return err
		}
		if _, err := w.Text(ctx, docID); err != nil {
			return err
		}
		all, err := decidedSuggestions(ctx, tx, docID, annotator)
		if err != nil {
			return err
		}
		d := NewDecider(w.SpanSets, annotator, docID, all, kind, s.now())
		if err := fn(ctx, d); err != nil {
			return err
		}
		if len(d.Event.Suggestions) == 0 {
			return nil
		}
		if err := w.flush(ctx); err != nil {
			return err
		}
		if err := insertDecisions(ctx, tx, docID, annotator, d.Event, d.Time()); err != nil {
			return err
		}
		return s.appendEvent(ctx, tx, annotator, docID, d.Event.Action(), nil, d.Event)
	})
}

// insertDecisions writes the decisions of ev for annotator, each with the span made at its
// place and label.
func insertDecisions(ctx context.Context, tx *sql.Tx, docID, annotator string, ev Decision, t time.Time) error {
	for _, g := range ev.Suggestions {
		_, err := tx.ExecContext(ctx, `INSERT INTO suggestion_decisions
(doc_id, annotator, source, start, "end", label, decision, span_id, time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			docID, annotator, g.Source, g.Start, g.End, g.Label, string(ev.Decision), ev.SpanOf(g), formatTime(t))
		if err != nil {
			return fmt.Errorf("the suggestion of %s on [%d,%d) was decided on meanwhile: %w", g.Label, g.Start, g.End, err)
		}
	}
	return nil
}

// applyDecision takes a decision back (to is null) or makes it again (from is null), with its
// spans, for Undo and Redo, and logs the change as an event that goes on no stack.
func (s *Store) applyDecision(ctx context.Context, tx *sql.Tx, ev labels.Event, from, to json.RawMessage) error {
	have, want, err := DecodeChange[Decision](from, to)
	if err != nil {
		return err
	}
	w, err := newSpanWriter(ctx, tx)
	if err != nil {
		return err
	}
	if err := w.TurnDecision(ctx, ev, have, want, s.now()); err != nil {
		return err
	}
	if want == nil {
		for _, g := range have.Suggestions {
			if _, err := tx.ExecContext(ctx, `DELETE FROM suggestion_decisions WHERE doc_id = ? AND annotator = ?
AND source = ? AND start = ? AND "end" = ? AND label = ?`, ev.DocID, ev.Annotator, g.Source, g.Start, g.End, g.Label); err != nil {
				return err
			}
		}
	} else if err := insertDecisions(ctx, tx, ev.DocID, ev.Annotator, *want, s.now()); err != nil {
		return err
	}
	if err := w.flush(ctx); err != nil {
		return err
	}
	_, err = s.logEvent(ctx, tx, ev.Annotator, ev.DocID, ev.Action, have, want)
	return err
}
