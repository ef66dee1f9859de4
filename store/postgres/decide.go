package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// AcceptSuggestion makes suggestion g a span of annotator (named spanID when that is a UUID)
// and records the acceptance for every source that suggests that label there.
func (s *Store) AcceptSuggestion(ctx context.Context, annotator string, g labels.Suggestion, spanID string) (labels.Span, error) {
	var sp labels.Span
	err := s.decide(ctx, annotator, g.DocID, labels.DecisionAccepted, func(ctx context.Context, d *store.Decider) error {
		var err error
		sp, err = d.Accept(ctx, g, spanID)
		return err
	})
	if err != nil {
		return labels.Span{}, fmt.Errorf("accept suggestion: %w", err)
	}
	return sp, nil
}

// AcceptAllSuggestions accepts the pending suggestions of a document by confidence, each that
// still fits: one action.
func (s *Store) AcceptAllSuggestions(ctx context.Context, annotator, docID string) ([]labels.Span, error) {
	return s.AcceptAllSuggestionsNamed(ctx, annotator, docID, nil)
}

// AcceptAllSuggestionsNamed is AcceptAllSuggestions, the span made of each suggestion named
// name(g) when that is a UUID (else a new one). name may be nil.
func (s *Store) AcceptAllSuggestionsNamed(ctx context.Context, annotator, docID string, name func(labels.Suggestion) string) ([]labels.Span, error) {
	var out []labels.Span
	err := s.decide(ctx, annotator, docID, labels.DecisionAccepted, func(ctx context.Context, d *store.Decider) error {
		var err error
		out, err = d.AcceptPending(ctx, name)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("accept all suggestions: %w", err)
	}
	return out, nil
}

// RejectSuggestion records that annotator rejects suggestion g, for every source that
// suggests that label there.
func (s *Store) RejectSuggestion(ctx context.Context, annotator string, g labels.Suggestion) error {
	err := s.decide(ctx, annotator, g.DocID, labels.DecisionRejected, func(ctx context.Context, d *store.Decider) error {
		return d.Reject(g)
	})
	if err != nil {
		return fmt.Errorf("reject suggestion: %w", err)
	}
	return nil
}

func (s *Store) decide(ctx context.Context, annotator, docID string, kind labels.Decision, fn func(context.Context, *store.Decider) error) error {
	if err := labels.CheckAnnotator(annotator); err != nil {
		return err
	}
	return s.write(ctx, share(annotator), docID, func(tx pgx.Tx) error {
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
		d := store.NewDecider(w.SpanSets, annotator, docID, all, kind, s.now())
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

func insertDecisions(ctx context.Context, tx pgx.Tx, docID, annotator string, ev store.Decision, t time.Time) error {
	for _, g := range ev.Suggestions {
		_, err := tx.Exec(ctx, `INSERT INTO suggestion_decisions
(doc_id, annotator, source, start, "end", label, decision, span_id, time) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
			docID, annotator, g.Source, g.Start, g.End, g.Label, string(ev.Decision), ev.SpanOf(g), store.FormatTime(t))
		if err != nil {
			return fmt.Errorf("the suggestion of %s on [%d,%d) was decided on meanwhile: %w", g.Label, g.Start, g.End, err)
		}
	}
	return nil
}

// applyDecision takes a decision back or makes it again, with its spans, for Undo and Redo.
func (s *Store) applyDecision(ctx context.Context, tx pgx.Tx, ev labels.Event, from, to json.RawMessage) error {
	have, want, err := store.DecodeChange[store.Decision](from, to)
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
			if _, err := tx.Exec(ctx, `DELETE FROM suggestion_decisions WHERE doc_id = $1 AND annotator = $2
AND source = $3 AND start = $4 AND "end" = $5 AND label = $6`, ev.DocID, ev.Annotator, g.Source, g.Start, g.End, g.Label); err != nil {
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
