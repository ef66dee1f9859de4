package postgres

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/jackc/pgx/v5"

	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// setKey names one annotator's spans of one document.
type setKey struct{ doc, annotator string }

// spanWriter changes spans inside a write, as the file's store does: each set read once
// (its row locked), every change validated against the schema, the text and the set as it
// stands, the changed sets written back by flush with their counts.
type spanWriter struct {
	tx      pgx.Tx
	schema  labels.Schema
	texts   map[string]string
	sets    map[setKey][]labels.Span
	loaded  map[setKey][]labels.Span
	changed []setKey
}

func newSpanWriter(ctx context.Context, tx pgx.Tx) (*spanWriter, error) {
	if q, ok := tx.(*queued); ok && q.schema != nil {
		return writerOf(tx, *q.schema), nil
	}
	sc, err := loadSchema(ctx, tx)
	if err != nil {
		return nil, err
	}
	return writerOf(tx, sc), nil
}

func writerOf(tx pgx.Tx, sc labels.Schema) *spanWriter {
	return &spanWriter{tx: tx, schema: sc, texts: map[string]string{}, sets: map[setKey][]labels.Span{},
		loaded: map[setKey][]labels.Span{}}
}

func (w *spanWriter) set(ctx context.Context, k setKey) ([]labels.Span, error) {
	if spans, ok := w.sets[k]; ok {
		return spans, nil
	}
	if _, ok := w.texts[k.doc]; !ok {
		// The text and the set in one round trip; the set needs no row lock, its annotator's
		// lock being held by every writer of it.
		var text string
		var data *string
		err := w.tx.QueryRow(ctx, `SELECT d.text, s.spans FROM documents d
LEFT JOIN span_sets s ON s.doc_id = d.id AND s.annotator = $2 WHERE d.id = $1`, k.doc, k.annotator).Scan(&text, &data)
		if errors.Is(err, pgx.ErrNoRows) {
			return nil, fmt.Errorf("document %s: %w", k.doc, store.ErrNotFound)
		}
		if err != nil {
			return nil, err
		}
		w.texts[k.doc] = text
		var spans []labels.Span
		if data != nil {
			if spans, err = store.DecodeSpans([]byte(*data), k.doc, k.annotator); err != nil {
				return nil, err
			}
		}
		w.sets[k], w.loaded[k] = spans, spans
		return spans, nil
	}
	spans, err := loadSpans(ctx, w.tx, k.doc, k.annotator, false)
	if err != nil {
		return nil, err
	}
	w.sets[k], w.loaded[k] = spans, spans
	return spans, nil
}

func (w *spanWriter) put(k setKey, spans []labels.Span) {
	if !slices.Contains(w.changed, k) {
		w.changed = append(w.changed, k)
	}
	w.sets[k] = spans
}

func (w *spanWriter) validate(ctx context.Context, sp labels.Span, set []labels.Span) error {
	text, err := w.text(ctx, sp.DocID)
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
	return w.schema.ValidateSpan(text, sp, others)
}

// again returns the span of sp's set with sp's id when it is the same annotation as sp.
func (w *spanWriter) again(ctx context.Context, sp labels.Span) (labels.Span, bool, error) {
	set, err := w.set(ctx, setKey{sp.DocID, sp.Annotator})
	if err != nil {
		return sp, false, err
	}
	for _, o := range set {
		if o.ID == sp.ID && same(o, sp) {
			return o, true, nil
		}
	}
	return sp, false, nil
}

func (w *spanWriter) add(ctx context.Context, sp labels.Span) error {
	if sp.Annotator == "" {
		return fmt.Errorf("span [%d,%d) has no annotator: %w", sp.Start, sp.End, labels.ErrNoAnnotator)
	}
	k := setKey{sp.DocID, sp.Annotator}
	set, err := w.set(ctx, k)
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

func (w *spanWriter) find(ctx context.Context, docID, annotator, id string) (labels.Span, error) {
	set, err := w.set(ctx, setKey{docID, annotator})
	if err != nil {
		return labels.Span{}, err
	}
	i := slices.IndexFunc(set, func(o labels.Span) bool { return o.ID == id })
	if i < 0 {
		return labels.Span{}, fmt.Errorf("span %s of annotator %q in document %s: %w", id, annotator, docID, store.ErrNotFound)
	}
	return set[i], nil
}

func (w *spanWriter) replace(ctx context.Context, sp labels.Span) error {
	if _, err := w.find(ctx, sp.DocID, sp.Annotator, sp.ID); err != nil {
		return err
	}
	k := setKey{sp.DocID, sp.Annotator}
	if err := w.validate(ctx, sp, w.sets[k]); err != nil {
		return err
	}
	out := slices.Clone(w.sets[k])
	out[slices.IndexFunc(out, func(o labels.Span) bool { return o.ID == sp.ID })] = sp
	w.put(k, out)
	return nil
}

func (w *spanWriter) remove(ctx context.Context, docID, annotator, id string) (labels.Span, error) {
	old, err := w.find(ctx, docID, annotator, id)
	if err != nil {
		return old, err
	}
	k := setKey{docID, annotator}
	w.put(k, slices.DeleteFunc(slices.Clone(w.sets[k]), func(o labels.Span) bool { return o.ID == id }))
	return old, nil
}

// flush writes the changed sets with their counts and label index.
func (w *spanWriter) flush(ctx context.Context) error {
	counts := spanCounts{}
	for _, k := range w.changed {
		if err := saveSpans(ctx, w.tx, k.doc, k.annotator, w.loaded[k], w.sets[k]); err != nil {
			return err
		}
		counts.add(w.loaded[k], -1)
		counts.add(w.sets[k], 1)
		w.loaded[k] = w.sets[k]
	}
	w.changed = w.changed[:0]
	return counts.write(ctx, w.tx)
}

func (w *spanWriter) text(ctx context.Context, docID string) (string, error) {
	if t, ok := w.texts[docID]; ok {
		return t, nil
	}
	t, err := documentText(ctx, w.tx, docID)
	if err != nil {
		return "", err
	}
	w.texts[docID] = t
	return t, nil
}
