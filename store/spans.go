package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"

	"github.com/google/uuid"
	"github.com/tawsim/tawsim/labels"
)

// AddSpan validates sp against the schema, the document's text and the annotator's other
// spans of the document, and stores it with Created and Updated set to now and a new ID,
// unless sp.ID is a UUID already (the window names a span to draw it before it is written);
// it fills in nothing else. The error wraps the labels sentinel that explains a refusal, or
// ErrNotFound when the document does not exist.
func (s *Store) AddSpan(ctx context.Context, sp labels.Span) (labels.Span, error) {
	out, err := s.addSpans(ctx, []labels.Span{sp})
	if err != nil {
		return labels.Span{}, fmt.Errorf("add span: %w", err)
	}
	return out[0], nil
}

// AddSpans stores spans as AddSpan does, in one transaction: all of them or none. Each span
// is validated against the ones stored before it, those of the batch included. Each gets its
// own span.add event.
func (s *Store) AddSpans(ctx context.Context, spans []labels.Span) ([]labels.Span, error) {
	out, err := s.addSpans(ctx, spans)
	if err != nil {
		return nil, fmt.Errorf("add spans: %w", err)
	}
	return out, nil
}

// addSpans is AddSpans without the error context.
func (s *Store) addSpans(ctx context.Context, spans []labels.Span) ([]labels.Span, error) {
	out := make([]labels.Span, len(spans))
	if len(spans) == 0 {
		return out, nil
	}
	t := s.now()
	err := s.write(ctx, func(tx *sql.Tx) error {
		w, err := newSpanWriter(ctx, tx)
		if err != nil {
			return err
		}
		for i, sp := range spans {
			sp.Created, sp.Updated = t, t
			if out[i], err = s.addSpan(ctx, w, sp); err != nil {
				return spanError(i, len(spans), err)
			}
		}
		return w.flush(ctx)
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// addSpan gives sp a new ID unless it has a UUID, validates it, writes it and logs it,
// inside w's transaction.
func (s *Store) addSpan(ctx context.Context, w *spanWriter, sp labels.Span) (labels.Span, error) {
	if u, err := uuid.Parse(sp.ID); err != nil || u.String() != sp.ID {
		id, err := uuid.NewV7()
		if err != nil {
			return sp, err
		}
		sp.ID = id.String()
	}
	if err := w.add(ctx, sp); err != nil {
		return sp, err
	}
	return sp, s.appendEvent(ctx, w.tx, sp.Annotator, sp.DocID, labels.ActionSpanAdd, nil, sp)
}

// spanError names the span of a batch that failed, when there is more than one.
func spanError(i, n int, err error) error {
	if n == 1 {
		return err
	}
	return fmt.Errorf("span %d of %d: %w", i+1, n, err)
}

// UpdateSpan relabels or moves the span with sp.ID in document sp.DocID, validating it as
// AddSpan does. Created stays; Updated becomes now. A span of another annotator, or of no
// one, is ErrNotFound.
func (s *Store) UpdateSpan(ctx context.Context, sp labels.Span) (labels.Span, error) {
	err := s.write(ctx, func(tx *sql.Tx) error {
		w, err := newSpanWriter(ctx, tx)
		if err != nil {
			return err
		}
		old, err := w.find(ctx, sp.DocID, sp.Annotator, sp.ID)
		if err != nil {
			return err
		}
		sp.Created, sp.Updated = old.Created, s.now()
		if err := w.replace(ctx, sp); err != nil {
			return err
		}
		if err := w.flush(ctx); err != nil {
			return err
		}
		return s.appendEvent(ctx, tx, sp.Annotator, sp.DocID, labels.ActionSpanUpdate, old, sp)
	})
	if err != nil {
		return labels.Span{}, fmt.Errorf("update span: %w", err)
	}
	return sp, nil
}

// DeleteSpan deletes the annotator's span with the given id from the document
// (ErrNotFound when the annotator has no such span there).
func (s *Store) DeleteSpan(ctx context.Context, annotator, docID, id string) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		w, err := newSpanWriter(ctx, tx)
		if err != nil {
			return err
		}
		old, err := w.remove(ctx, docID, annotator, id)
		if err != nil {
			return err
		}
		if err := w.flush(ctx); err != nil {
			return err
		}
		return s.appendEvent(ctx, tx, annotator, docID, labels.ActionSpanDelete, old, nil)
	})
	if err != nil {
		return fmt.Errorf("delete span: %w", err)
	}
	return nil
}

// Span returns the span with the given id in the document, whoever made it (ErrNotFound
// when there is none).
func (s *Store) Span(ctx context.Context, docID, id string) (labels.Span, error) {
	spans, err := s.Spans(ctx, docID, "")
	if err != nil {
		return labels.Span{}, fmt.Errorf("span: %w", err)
	}
	for _, sp := range spans {
		if sp.ID == id {
			return sp, nil
		}
	}
	return labels.Span{}, fmt.Errorf("span %s of document %s: %w", id, docID, ErrNotFound)
}

// Spans returns the spans of a document by one annotator, or by all when annotator is "",
// ordered by start, end and id.
func (s *Store) Spans(ctx context.Context, docID, annotator string) ([]labels.Span, error) {
	spans, err := documentSpans(ctx, s.r, docID, annotator)
	if err != nil && !errors.Is(err, ErrDamaged) { // a *DamagedError names the document already
		return nil, fmt.Errorf("spans of %s: %w", docID, err)
	}
	return spans, err
}

// documentSpans reads the spans of a document by one annotator, or by all when annotator
// is "", ordered by start, end and id.
func documentSpans(ctx context.Context, q queryer, docID, annotator string) ([]labels.Span, error) {
	if annotator != "" {
		return loadSpans(ctx, q, docID, annotator)
	}
	rows, err := q.QueryContext(ctx, "SELECT annotator, spans FROM span_sets WHERE doc_id = ? ORDER BY annotator", docID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var all []labels.Span
	for rows.Next() {
		var name string
		var data []byte
		if err := rows.Scan(&name, &data); err != nil {
			return nil, err
		}
		spans, err := decodeSpans(data, docID, name)
		if err != nil {
			return nil, withExternalID(ctx, q, err)
		}
		all = append(all, spans...)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	sortSpans(all)
	return all, nil
}

// setKey names one annotator's spans of one document.
type setKey struct{ doc, annotator string }

// spanWriter changes spans inside a write. It reads each (document, annotator) set once,
// validates every change against the schema, the text and the set as it stands (earlier
// changes of the transaction included), and writes the sets it changed back in flush.
type spanWriter struct {
	tx      *sql.Tx
	schema  labels.Schema
	texts   map[string]string
	sets    map[setKey][]labels.Span
	loaded  map[setKey][]labels.Span // each set as read, for the counts flush changes
	changed []setKey                 // in the order they were first changed
}

// newSpanWriter reads the schema through tx.
func newSpanWriter(ctx context.Context, tx *sql.Tx) (*spanWriter, error) {
	sc, err := loadSchema(ctx, tx)
	if err != nil {
		return nil, err
	}
	return &spanWriter{tx: tx, schema: sc, texts: map[string]string{}, sets: map[setKey][]labels.Span{},
		loaded: map[setKey][]labels.Span{}}, nil
}

// set returns the stored spans of one annotator in one document.
func (w *spanWriter) set(ctx context.Context, k setKey) ([]labels.Span, error) {
	if spans, ok := w.sets[k]; ok {
		return spans, nil
	}
	spans, err := loadSpans(ctx, w.tx, k.doc, k.annotator)
	if err != nil {
		return nil, err
	}
	w.sets[k] = spans
	w.loaded[k] = spans
	return spans, nil
}

// put keeps spans as the new set of k, to be written by flush.
func (w *spanWriter) put(k setKey, spans []labels.Span) {
	if !slices.Contains(w.changed, k) {
		w.changed = append(w.changed, k)
	}
	w.sets[k] = spans
}

// validate checks sp with labels.Schema.ValidateSpan against its document's text and the
// other spans of its set (a span with sp's ID does not count: it is the one sp replaces).
func (w *spanWriter) validate(ctx context.Context, sp labels.Span, set []labels.Span) error {
	text, err := w.text(ctx, sp.DocID)
	if err != nil {
		return err
	}
	var others []labels.Span
	if sp.Kind == labels.KindEntity {
		for _, o := range set {
			if o.Kind == labels.KindEntity && o.Overlaps(sp) {
				others = append(others, o)
			}
		}
	}
	return w.schema.ValidateSpan(text, sp, others)
}

// add validates sp and puts it into its set.
func (w *spanWriter) add(ctx context.Context, sp labels.Span) error {
	if sp.Annotator == "" {
		return fmt.Errorf("span [%d,%d) has no annotator", sp.Start, sp.End)
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

// find returns the annotator's span with the given id in the document.
func (w *spanWriter) find(ctx context.Context, docID, annotator, id string) (labels.Span, error) {
	set, err := w.set(ctx, setKey{docID, annotator})
	if err != nil {
		return labels.Span{}, err
	}
	i := slices.IndexFunc(set, func(o labels.Span) bool { return o.ID == id })
	if i < 0 {
		return labels.Span{}, fmt.Errorf("span %s of annotator %q in document %s: %w", id, annotator, docID, ErrNotFound)
	}
	return set[i], nil
}

// replace validates sp and puts it in place of the span of its set with its ID.
func (w *spanWriter) replace(ctx context.Context, sp labels.Span) error {
	if _, err := w.find(ctx, sp.DocID, sp.Annotator, sp.ID); err != nil {
		return err
	}
	k := setKey{sp.DocID, sp.Annotator}
	set := w.sets[k]
	if err := w.validate(ctx, sp, set); err != nil {
		return err
	}
	out := slices.Clone(set)
	out[slices.IndexFunc(out, func(o labels.Span) bool { return o.ID == sp.ID })] = sp
	w.put(k, out)
	return nil
}

// remove takes the annotator's span with the given id out of its set and returns it.
func (w *spanWriter) remove(ctx context.Context, docID, annotator, id string) (labels.Span, error) {
	old, err := w.find(ctx, docID, annotator, id)
	if err != nil {
		return old, err
	}
	k := setKey{docID, annotator}
	w.put(k, slices.DeleteFunc(slices.Clone(w.sets[k]), func(o labels.Span) bool { return o.ID == id }))
	return old, nil
}

// flush writes the changed sets.
func (w *spanWriter) flush(ctx context.Context) error {
	counts := spanCounts{}
	for _, k := range w.changed {
		if err := saveSpans(ctx, w.tx, k.doc, k.annotator, w.sets[k]); err != nil {
			return err
		}
		if err := indexSpanLabels(ctx, w.tx, k.doc, k.annotator, w.loaded[k], w.sets[k]); err != nil {
			return err
		}
		counts.add(w.loaded[k], -1)
		counts.add(w.sets[k], 1)
		w.loaded[k] = w.sets[k]
	}
	w.changed = w.changed[:0]
	return counts.write(ctx, w.tx)
}

// text returns a document's text (ErrNotFound when there is none).
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
