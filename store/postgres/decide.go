package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// decision is the value of the suggestion.accept and suggestion.reject events, as the file's.
type decision struct {
	Decision    labels.Decision     `json:"decision"`
	Suggestions []labels.Suggestion `json:"suggestions"`
	Spans       []labels.Span       `json:"spans,omitempty"`
}

// AcceptSuggestion makes suggestion g a span of annotator (named spanID when that is a UUID)
// and records the acceptance for every source that suggests that label there.
func (s *Store) AcceptSuggestion(ctx context.Context, annotator string, g labels.Suggestion, spanID string) (labels.Span, error) {
	var sp labels.Span
	err := s.decide(ctx, annotator, g.DocID, labels.DecisionAccepted, func(ctx context.Context, d *decider) error {
		var err error
		sp, err = d.accept(ctx, g, spanID)
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
	err := s.decide(ctx, annotator, docID, labels.DecisionAccepted, func(ctx context.Context, d *decider) error {
		pending := slices.Clone(d.all)
		slices.SortStableFunc(pending, labels.ByConfidence)
		for _, g := range pending {
			if len(d.same(g)) == 0 {
				continue
			}
			id := ""
			if name != nil {
				id = name(g)
			}
			sp, err := d.accept(ctx, g, id)
			if err != nil && !store.SuggestionRefused(err) {
				return err
			}
			if err == nil {
				out = append(out, sp)
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("accept all suggestions: %w", err)
	}
	store.SortSpans(out)
	return out, nil
}

// RejectSuggestion records that annotator rejects suggestion g, for every source that
// suggests that label there.
func (s *Store) RejectSuggestion(ctx context.Context, annotator string, g labels.Suggestion) error {
	err := s.decide(ctx, annotator, g.DocID, labels.DecisionRejected, func(ctx context.Context, d *decider) error {
		same := d.same(g)
		if len(same) == 0 {
			return d.missing(g)
		}
		d.mark(same)
		return nil
	})
	if err != nil {
		return fmt.Errorf("reject suggestion: %w", err)
	}
	return nil
}

// decider makes the decisions of one action inside its transaction.
type decider struct {
	w         *spanWriter
	annotator string
	docID     string
	all       []labels.Suggestion
	t         time.Time
	ev        decision
}

func (s *Store) decide(ctx context.Context, annotator, docID string, kind labels.Decision, fn func(context.Context, *decider) error) error {
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
		d := &decider{w: w, annotator: annotator, docID: docID, all: all, t: s.now(), ev: decision{Decision: kind}}
		if err := fn(ctx, d); err != nil {
			return err
		}
		if len(d.ev.Suggestions) == 0 {
			return nil
		}
		if err := w.flush(ctx); err != nil {
			return err
		}
		if err := insertDecisions(ctx, tx, docID, annotator, d.ev, d.t); err != nil {
			return err
		}
		action := labels.ActionSuggestionReject
		if kind == labels.DecisionAccepted {
			action = labels.ActionSuggestionAccept
		}
		return s.appendEvent(ctx, tx, annotator, docID, action, nil, d.ev)
	})
}

func (d *decider) same(g labels.Suggestion) []labels.Suggestion {
	var out []labels.Suggestion
	for _, o := range d.all {
		if o.Decision == "" && o.Start == g.Start && o.End == g.End && o.Label == g.Label {
			out = append(out, o)
		}
	}
	return out
}

func (d *decider) missing(g labels.Suggestion) error {
	return fmt.Errorf("no suggestion of %s on [%d,%d) in document %s that %q has yet to decide on: %w",
		g.Label, g.Start, g.End, d.docID, d.annotator, store.ErrNotFound)
}

func (d *decider) mark(same []labels.Suggestion) {
	for _, g := range same {
		i := slices.IndexFunc(d.all, func(o labels.Suggestion) bool { return keyOf(o) == keyOf(g) })
		d.all[i].Decision = d.ev.Decision
		g.Decision = d.ev.Decision
		d.ev.Suggestions = append(d.ev.Suggestions, g)
	}
}

func (d *decider) accept(ctx context.Context, g labels.Suggestion, spanID string) (labels.Span, error) {
	same := d.same(g)
	if len(same) == 0 {
		return labels.Span{}, d.missing(g)
	}
	set, err := d.w.Set(ctx, store.SetKey{Doc: d.docID, Annotator: d.annotator})
	if err != nil {
		return labels.Span{}, err
	}
	text, err := d.w.Text(ctx, d.docID)
	if err != nil {
		return labels.Span{}, err
	}
	if err := store.SuggestionFits(d.w.Schema, labels.NewTextIndex(text), same[0], d.annotator, set); err != nil {
		return labels.Span{}, err
	}
	sp := same[0].Span(d.annotator)
	if sp.ID, err = store.SpanName(spanID); err != nil {
		return labels.Span{}, err
	}
	sp.Created, sp.Updated = d.t, d.t
	if err := d.w.Add(ctx, sp); err != nil {
		return labels.Span{}, err
	}
	d.mark(same)
	d.ev.Spans = append(d.ev.Spans, sp)
	return sp, nil
}

func insertDecisions(ctx context.Context, tx pgx.Tx, docID, annotator string, ev decision, t time.Time) error {
	for _, g := range ev.Suggestions {
		spanID := ""
		for _, sp := range ev.Spans {
			if g.SameSpan(sp) && sp.Label == g.Label {
				spanID = sp.ID
			}
		}
		_, err := tx.Exec(ctx, `INSERT INTO suggestion_decisions
(doc_id, annotator, source, start, "end", label, decision, span_id, time) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
			docID, annotator, g.Source, g.Start, g.End, g.Label, string(ev.Decision), spanID, store.FormatTime(t))
		if err != nil {
			return fmt.Errorf("the suggestion of %s on [%d,%d) was decided on meanwhile: %w", g.Label, g.Start, g.End, err)
		}
	}
	return nil
}

// applyDecision takes a decision back or makes it again, with its spans, for Undo and Redo.
func (s *Store) applyDecision(ctx context.Context, tx pgx.Tx, ev labels.Event, from, to json.RawMessage) error {
	var have, want *decision
	if err := decodeOptional(from, &have); err != nil {
		return err
	}
	if err := decodeOptional(to, &want); err != nil {
		return err
	}
	w, err := newSpanWriter(ctx, tx)
	if err != nil {
		return err
	}
	switch {
	case want == nil && have != nil:
		for _, sp := range have.Spans {
			if _, err := w.Remove(ctx, ev.DocID, ev.Annotator, sp.ID); err != nil {
				return fmt.Errorf("the span was changed since: %w", err)
			}
		}
		for _, g := range have.Suggestions {
			if _, err := tx.Exec(ctx, `DELETE FROM suggestion_decisions WHERE doc_id = $1 AND annotator = $2
AND source = $3 AND start = $4 AND "end" = $5 AND label = $6`, ev.DocID, ev.Annotator, g.Source, g.Start, g.End, g.Label); err != nil {
				return err
			}
		}
	case have == nil && want != nil:
		for _, sp := range want.Spans {
			sp.Updated = s.now()
			if err := w.Add(ctx, sp); err != nil {
				return err
			}
		}
		if err := insertDecisions(ctx, tx, ev.DocID, ev.Annotator, *want, s.now()); err != nil {
			return err
		}
	default:
		return fmt.Errorf("a %s event holds no decision", ev.Action)
	}
	if err := w.flush(ctx); err != nil {
		return err
	}
	_, err = s.logEvent(ctx, tx, ev.Annotator, ev.DocID, ev.Action, have, want)
	return err
}
