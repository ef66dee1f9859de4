package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/google/uuid"
	"github.com/tawsim/tawsim/labels"
)

// decision is the value of the suggestion.accept and suggestion.reject events: the
// suggestions decided (every source's that put the label on the span) and the spans that
// accepting made.
type decision struct {
	Decision    labels.Decision     `json:"decision"`
	Suggestions []labels.Suggestion `json:"suggestions"`
	Spans       []labels.Span       `json:"spans,omitempty"`
}

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
			if err != nil && !refusal(err) {
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
	sortSpans(out)
	return out, nil
}

// RejectSuggestion records that annotator rejects suggestion g (its DocID, place and label),
// for every source that suggests that label there: the suggestion is no longer pending for
// them, and counts against its sources' precision. One action that Undo takes back. A
// suggestion not in the project, or decided on already, is ErrNotFound.
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

// refusal tells the errors of a suggestion that does not fit beside the annotator's spans.
func refusal(err error) bool {
	for _, e := range []error{labels.ErrOverlap, labels.ErrUnknownLabel, labels.ErrOutOfRange, labels.ErrTextMismatch} {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}

// decider makes the decisions of one action inside its transaction.
type decider struct {
	tx        *sql.Tx
	w         *spanWriter
	annotator string
	docID     string
	all       []labels.Suggestion // the document's suggestions, with the annotator's decisions
	t         time.Time
	ev        decision
}

// decide runs fn on a decider in one write, then writes the decisions fn made and logs them
// as one undoable event (none when fn decided nothing).
func (s *Store) decide(ctx context.Context, annotator, docID string, kind labels.Decision, fn func(context.Context, *decider) error) error {
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
		d := &decider{tx: tx, w: w, annotator: annotator, docID: docID, all: all, t: s.now(), ev: decision{Decision: kind}}
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

// same returns the suggestions of every source with g's place and label that the annotator
// has not decided on.
func (d *decider) same(g labels.Suggestion) []labels.Suggestion {
	var out []labels.Suggestion
	for _, o := range d.all {
		if o.Decision == "" && o.Start == g.Start && o.End == g.End && o.Label == g.Label {
			out = append(out, o)
		}
	}
	return out
}

// missing is the error about a suggestion with nothing to decide.
func (d *decider) missing(g labels.Suggestion) error {
	return fmt.Errorf("no suggestion of %s on [%d,%d) in document %s that %q has yet to decide on: %w",
		g.Label, g.Start, g.End, d.docID, d.annotator, ErrNotFound)
}

// mark records the decision on the suggestions same.
func (d *decider) mark(same []labels.Suggestion) {
	for _, g := range same {
		i := slices.IndexFunc(d.all, func(o labels.Suggestion) bool { return keyOfSuggestion(o) == keyOfSuggestion(g) })
		d.all[i].Decision = d.ev.Decision
		g.Decision = d.ev.Decision
		d.ev.Suggestions = append(d.ev.Suggestions, g)
	}
}

// accept makes the span of g, named spanID when that is a UUID, and marks the suggestions
// of its place and label accepted.
func (d *decider) accept(ctx context.Context, g labels.Suggestion, spanID string) (labels.Span, error) {
	same := d.same(g)
	if len(same) == 0 {
		return labels.Span{}, d.missing(g)
	}
	set, err := d.w.Set(ctx, SetKey{d.docID, d.annotator})
	if err != nil {
		return labels.Span{}, err
	}
	text, err := d.w.Text(ctx, d.docID)
	if err != nil {
		return labels.Span{}, err
	}
	if err := fits(d.w.Schema, labels.NewTextIndex(text), same[0], d.annotator, set); err != nil {
		return labels.Span{}, err
	}
	sp := same[0].Span(d.annotator)
	if sp.ID, err = spanName(spanID); err != nil {
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

// spanName returns id when it is a UUID, else a new one.
func spanName(id string) (string, error) {
	if u, err := uuid.Parse(id); err == nil && u.String() == id {
		return id, nil
	}
	u, err := uuid.NewV7()
	return u.String(), err
}

// insertDecisions writes the decisions of ev for annotator, each with the span made at its
// place and label.
func insertDecisions(ctx context.Context, tx *sql.Tx, docID, annotator string, ev decision, t time.Time) error {
	for _, g := range ev.Suggestions {
		spanID := ""
		for _, sp := range ev.Spans {
			if g.SameSpan(sp) && sp.Label == g.Label {
				spanID = sp.ID
			}
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO suggestion_decisions
(doc_id, annotator, source, start, "end", label, decision, span_id, time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			docID, annotator, g.Source, g.Start, g.End, g.Label, string(ev.Decision), spanID, formatTime(t))
		if err != nil {
			return fmt.Errorf("the suggestion of %s on [%d,%d) was decided on meanwhile: %w", g.Label, g.Start, g.End, err)
		}
	}
	return nil
}

// applyDecision takes a decision back (to is null) or makes it again (from is null), with its
// spans, for Undo and Redo, and logs the change as an event that goes on no stack.
func (s *Store) applyDecision(ctx context.Context, tx *sql.Tx, ev labels.Event, from, to json.RawMessage) error {
	have, want, err := decodeChange[decision](from, to)
	if err != nil {
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
			if _, err := tx.ExecContext(ctx, `DELETE FROM suggestion_decisions WHERE doc_id = ? AND annotator = ?
AND source = ? AND start = ? AND "end" = ? AND label = ?`, ev.DocID, ev.Annotator, g.Source, g.Start, g.End, g.Label); err != nil {
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
