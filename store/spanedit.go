package store

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/tawsim/tawsim/labels"
)

// SetKey names one annotator's spans of one document.
type SetKey struct{ Doc, Annotator string }

// SpanReader reads, inside a store's write, what SpanSets holds: one annotator's span set of a
// document (none when there is none) and a document's text (ErrNotFound when there is no such
// document).
type SpanReader interface {
	ReadSet(ctx context.Context, k SetKey) ([]labels.Span, error)
	ReadText(ctx context.Context, docID string) (string, error)
}

// SpanSets is the span sets one write changes, as both stores change them: each set read once
// through the store's SpanReader, every change validated against the schema, the document's
// text and the set as it stands (the write's earlier changes included); Flush hands the store
// the sets changed, to write back.
type SpanSets struct {
	Schema  labels.Schema
	read    SpanReader
	texts   map[string]string
	sets    map[SetKey][]labels.Span
	loaded  map[SetKey][]labels.Span // each set as read or last flushed, for the counts
	changed []SetKey                 // in the order they were first changed
}

// NewSpanSets validates against sc and reads through r.
func NewSpanSets(sc labels.Schema, r SpanReader) *SpanSets {
	return &SpanSets{Schema: sc, read: r, texts: map[string]string{}, sets: map[SetKey][]labels.Span{},
		loaded: map[SetKey][]labels.Span{}}
}

// Set returns the spans of one annotator in one document as they stand.
func (w *SpanSets) Set(ctx context.Context, k SetKey) ([]labels.Span, error) {
	if spans, ok := w.sets[k]; ok {
		return spans, nil
	}
	spans, err := w.read.ReadSet(ctx, k)
	if err != nil {
		return nil, err
	}
	w.sets[k], w.loaded[k] = spans, spans
	return spans, nil
}

// Text returns a document's text (ErrNotFound when there is none).
func (w *SpanSets) Text(ctx context.Context, docID string) (string, error) {
	if t, ok := w.texts[docID]; ok {
		return t, nil
	}
	t, err := w.read.ReadText(ctx, docID)
	if err != nil {
		return "", err
	}
	w.texts[docID] = t
	return t, nil
}

// HasText tells whether the text of docID is held already.
func (w *SpanSets) HasText(docID string) bool {
	_, ok := w.texts[docID]
	return ok
}

// KeepText holds the text of docID, read along with something else.
func (w *SpanSets) KeepText(docID, text string) { w.texts[docID] = text }

// put keeps spans as the new set of k, to be written back.
func (w *SpanSets) put(k SetKey, spans []labels.Span) {
	if !slices.Contains(w.changed, k) {
		w.changed = append(w.changed, k)
	}
	w.sets[k] = spans
}

// validate checks sp with labels.Schema.ValidateSpan against its document's text and the
// other entity spans of its set that it overlaps (a span with sp's ID does not count: it is
// the one sp replaces).
func (w *SpanSets) validate(ctx context.Context, sp labels.Span, set []labels.Span) error {
	text, err := w.Text(ctx, sp.DocID)
	if err != nil {
		return err
	}
	var others []labels.Span
	if sp.Kind == labels.KindEntity {
		for _, o := range set {
			if o.Kind == labels.KindEntity && o.Overlaps(sp) && o.ID != sp.ID {
				others = append(others, o)
			}
		}
	}
	return w.Schema.ValidateSpan(text, sp, others)
}

// Add validates sp and puts it into its set.
func (w *SpanSets) Add(ctx context.Context, sp labels.Span) error {
	if sp.Annotator == "" {
		return fmt.Errorf("span [%d,%d) has no annotator: %w", sp.Start, sp.End, labels.ErrNoAnnotator)
	}
	k := SetKey{sp.DocID, sp.Annotator}
	set, err := w.Set(ctx, k)
	if err != nil {
		return err
	}
	if err := w.validate(ctx, sp, set); err != nil {
		return err
	}
	if slices.ContainsFunc(set, func(o labels.Span) bool { return o.ID == sp.ID }) {
		return fmt.Errorf("span %s is already in document %s", sp.ID, sp.DocID)
	}
	w.put(k, append(slices.Clip(set), sp))
	return nil
}

// Find returns the annotator's span with the given id in the document.
func (w *SpanSets) Find(ctx context.Context, docID, annotator, id string) (labels.Span, error) {
	set, err := w.Set(ctx, SetKey{docID, annotator})
	if err != nil {
		return labels.Span{}, err
	}
	i := slices.IndexFunc(set, func(o labels.Span) bool { return o.ID == id })
	if i < 0 {
		return labels.Span{}, fmt.Errorf("span %s of annotator %q in document %s: %w", id, annotator, docID, ErrNotFound)
	}
	return set[i], nil
}

// Replace validates sp and puts it in place of the span of its set with its ID.
func (w *SpanSets) Replace(ctx context.Context, sp labels.Span) error {
	if _, err := w.Find(ctx, sp.DocID, sp.Annotator, sp.ID); err != nil {
		return err
	}
	k := SetKey{sp.DocID, sp.Annotator}
	if err := w.validate(ctx, sp, w.sets[k]); err != nil {
		return err
	}
	out := slices.Clone(w.sets[k])
	out[slices.IndexFunc(out, func(o labels.Span) bool { return o.ID == sp.ID })] = sp
	w.put(k, out)
	return nil
}

// Remove takes the annotator's span with the given id out of its set and returns it.
func (w *SpanSets) Remove(ctx context.Context, docID, annotator, id string) (labels.Span, error) {
	old, err := w.Find(ctx, docID, annotator, id)
	if err != nil {
		return old, err
	}
	k := SetKey{docID, annotator}
	w.put(k, slices.DeleteFunc(slices.Clone(w.sets[k]), func(o labels.Span) bool { return o.ID == id }))
	return old, nil
}

// Flush calls write for each set changed since the last Flush, in the order they were first
// changed, with the set as it was read (or last flushed) and as it stands now; then takes
// them as written.
func (w *SpanSets) Flush(write func(k SetKey, was, now []labels.Span) error) error {
	for _, k := range w.changed {
		if err := write(k, w.loaded[k], w.sets[k]); err != nil {
			return err
		}
		w.loaded[k] = w.sets[k]
	}
	w.changed = w.changed[:0]
	return nil
}

// Turn turns the annotator's span have (nil: none) of docID into want (nil: none), as Undo
// and Redo do, want updated at t, and returns the change as it is logged: its action and the
// span before and after it.
func (w *SpanSets) Turn(ctx context.Context, docID, annotator string, have, want *labels.Span, t time.Time) (action labels.Action, before, after *labels.Span, err error) {
	switch {
	case want == nil: // remove the span
		if _, err := w.Remove(ctx, docID, annotator, have.ID); err != nil {
			return "", nil, nil, fmt.Errorf("the span was changed since: %w", err)
		}
		return labels.ActionSpanDelete, have, nil, nil
	case have == nil: // put it back
		want.Updated = t
		if err := w.Add(ctx, *want); err != nil {
			return "", nil, nil, err
		}
		return labels.ActionSpanAdd, nil, want, nil
	default: // change it back
		cur, err := w.Find(ctx, docID, annotator, have.ID)
		if err != nil {
			return "", nil, nil, fmt.Errorf("the span was removed since: %w", err)
		}
		want.Updated = t
		if err := w.Replace(ctx, *want); err != nil {
			return "", nil, nil, err
		}
		return labels.ActionSpanUpdate, &cur, want, nil
	}
}
