package store

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/google/uuid"
	"github.com/tawsim/tawsim/labels"
)

// Decision is the value of the suggestion.accept and suggestion.reject events: the
// suggestions decided (every source's that put the label on the span) and the spans that
// accepting made.
type Decision struct {
	Decision    labels.Decision     `json:"decision"`
	Suggestions []labels.Suggestion `json:"suggestions"`
	Spans       []labels.Span       `json:"spans,omitempty"`
}

// Action is the event that logs the decision.
func (ev Decision) Action() labels.Action {
	if ev.Decision == labels.DecisionAccepted {
		return labels.ActionSuggestionAccept
	}
	return labels.ActionSuggestionReject
}

// SpanOf returns the id of the span that accepting g made, "" for none.
func (ev Decision) SpanOf(g labels.Suggestion) string {
	id := ""
	for _, sp := range ev.Spans {
		if g.SameSpan(sp) && sp.Label == g.Label {
			id = sp.ID
		}
	}
	return id
}

// Decider makes the decisions of one action of an annotator on the suggestions of one
// document, inside a store's write: the spans accepting makes go through the write's
// SpanSets, and Event gathers what was decided, for the store to write and log.
type Decider struct {
	w         *SpanSets
	annotator string
	docID     string
	all       []labels.Suggestion // the document's suggestions, with the annotator's decisions
	t         time.Time
	Event     Decision
}

// NewDecider decides kind on the suggestions all of docID (with annotator's decisions so far)
// at time t, adding spans through w.
func NewDecider(w *SpanSets, annotator, docID string, all []labels.Suggestion, kind labels.Decision, t time.Time) *Decider {
	return &Decider{w: w, annotator: annotator, docID: docID, all: all, t: t, Event: Decision{Decision: kind}}
}

// same returns the suggestions of every source with g's place and label that the annotator
// has not decided on.
func (d *Decider) same(g labels.Suggestion) []labels.Suggestion {
	var out []labels.Suggestion
	for _, o := range d.all {
		if o.Decision == "" && o.Start == g.Start && o.End == g.End && o.Label == g.Label {
			out = append(out, o)
		}
	}
	return out
}

// missing is the error about a suggestion with nothing to decide.
func (d *Decider) missing(g labels.Suggestion) error {
	return fmt.Errorf("no suggestion of %s on [%d,%d) in document %s that %q has yet to decide on: %w",
		g.Label, g.Start, g.End, d.docID, d.annotator, ErrNotFound)
}

// mark records the decision on the suggestions same.
func (d *Decider) mark(same []labels.Suggestion) {
	for _, g := range same {
		i := slices.IndexFunc(d.all, func(o labels.Suggestion) bool { return keyOfSuggestion(o) == keyOfSuggestion(g) })
		d.all[i].Decision = d.Event.Decision
		g.Decision = d.Event.Decision
		d.Event.Suggestions = append(d.Event.Suggestions, g)
	}
}

// Reject records the decision on suggestion g, for every source that suggests its label
// there (ErrNotFound when there is none left to decide on).
func (d *Decider) Reject(g labels.Suggestion) error {
	same := d.same(g)
	if len(same) == 0 {
		return d.missing(g)
	}
	d.mark(same)
	return nil
}

// Accept makes the span of g, named spanID when that is a UUID, and marks the suggestions
// of its place and label accepted.
func (d *Decider) Accept(ctx context.Context, g labels.Suggestion, spanID string) (labels.Span, error) {
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
	d.Event.Spans = append(d.Event.Spans, sp)
	return sp, nil
}

// AcceptPending accepts the suggestions the annotator has yet to decide on, taken by
// confidence (labels.ByConfidence): each that still fits beside the spans accepted before
// it becomes a span, as Accept makes it, named name(g) when that is a UUID (name may be
// nil). It returns the spans made, by start.
func (d *Decider) AcceptPending(ctx context.Context, name func(labels.Suggestion) string) ([]labels.Span, error) {
	var out []labels.Span
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
		sp, err := d.Accept(ctx, g, id)
		if err != nil && !refusal(err) {
			return nil, err
		}
		if err == nil {
			out = append(out, sp)
		}
	}
	sortSpans(out)
	return out, nil
}

// Time is when the decisions are made.
func (d *Decider) Time() time.Time { return d.t }

// spanName returns id when it is a UUID, else a new one.
func spanName(id string) (string, error) {
	if u, err := uuid.Parse(id); err == nil && u.String() == id {
		return id, nil
	}
	u, err := uuid.NewV7()
	return u.String(), err
}

// TurnDecision takes back the spans that the decision have made (want nil), or makes those of
// want again (have nil), updated at t, as Undo and Redo do; the store then deletes have's
// decisions or writes want's.
func (w *SpanSets) TurnDecision(ctx context.Context, ev labels.Event, have, want *Decision, t time.Time) error {
	switch {
	case want == nil && have != nil:
		for _, sp := range have.Spans {
			if _, err := w.Remove(ctx, ev.DocID, ev.Annotator, sp.ID); err != nil {
				return fmt.Errorf("the span was changed since: %w", err)
			}
		}
	case have == nil && want != nil:
		for _, sp := range want.Spans {
			sp.Updated = t
			if err := w.Add(ctx, sp); err != nil {
				return err
			}
		}
	default:
		return fmt.Errorf("a %s event holds no decision", ev.Action)
	}
	return nil
}
