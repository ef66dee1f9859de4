package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

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
				return SpanError(i, len(spans), err)
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
	if err := w.Add(ctx, sp); err != nil {
		return sp, err
	}
	return sp, s.appendEvent(ctx, w.tx, sp.Annotator, sp.DocID, labels.ActionSpanAdd, nil, sp)
}

// SpanError names span i of a batch of n that failed with err, when there is more than one.
func SpanError(i, n int, err error) error {
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
		old, err := w.Find(ctx, sp.DocID, sp.Annotator, sp.ID)
		if err != nil {
			return err
		}
		sp.Created, sp.Updated = old.Created, s.now()
		if err := w.Replace(ctx, sp); err != nil {
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
		old, err := w.Remove(ctx, docID, annotator, id)
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

// spanWriter changes spans inside a write of the file: SpanSets reading through its
// transaction, and flush writing the changed sets back with their label index and counts.
type spanWriter struct {
	*SpanSets
	tx *sql.Tx
}

// newSpanWriter reads the schema through tx.
func newSpanWriter(ctx context.Context, tx *sql.Tx) (*spanWriter, error) {
	sc, err := loadSchema(ctx, tx)
	if err != nil {
		return nil, err
	}
	return writerOf(tx, sc), nil
}

// writerOf is a spanWriter of tx that validates against sc.
func writerOf(tx *sql.Tx, sc labels.Schema) *spanWriter {
	w := &spanWriter{tx: tx}
	w.SpanSets = NewSpanSets(sc, w)
	return w
}

// ReadSet reads the stored spans of one annotator in one document.
func (w *spanWriter) ReadSet(ctx context.Context, k SetKey) ([]labels.Span, error) {
	return loadSpans(ctx, w.tx, k.Doc, k.Annotator)
}

// ReadText reads a document's text.
func (w *spanWriter) ReadText(ctx context.Context, docID string) (string, error) {
	return documentText(ctx, w.tx, docID)
}

// flush writes the changed sets.
func (w *spanWriter) flush(ctx context.Context) error {
	counts := SpanCounts{}
	err := w.Flush(func(k SetKey, was, now []labels.Span) error {
		if err := saveSpans(ctx, w.tx, k.Doc, k.Annotator, now); err != nil {
			return err
		}
		if err := indexSpanLabels(ctx, w.tx, k.Doc, k.Annotator, was, now); err != nil {
			return err
		}
		counts.Add(was, -1)
		counts.Add(now, 1)
		return nil
	})
	if err != nil {
		return err
	}
	return counts.write(ctx, w.tx)
}
