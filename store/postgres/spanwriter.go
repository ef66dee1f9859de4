package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// spanWriter changes spans inside a write, as the file's store does (store.SpanSets): each set
// read once, its text with it, and the changed sets written back by flush with their counts.
type spanWriter struct {
	*store.SpanSets
	tx pgx.Tx
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
	w := &spanWriter{tx: tx}
	w.SpanSets = store.NewSpanSets(sc, w)
	return w
}

// ReadSet reads the spans of one annotator in one document, with the document's text when
// it is not held yet.
func (w *spanWriter) ReadSet(ctx context.Context, k store.SetKey) ([]labels.Span, error) {
	if !w.HasText(k.Doc) {
		// The text and the set in one round trip; the set needs no row lock, its annotator's
		// lock being held by every writer of it.
		var text string
		var data *string
		err := w.tx.QueryRow(ctx, `SELECT d.text, s.spans FROM documents d
LEFT JOIN span_sets s ON s.doc_id = d.id AND s.annotator = $2 WHERE d.id = $1`, k.Doc, k.Annotator).Scan(&text, &data)
		if errors.Is(err, pgx.ErrNoRows) {
			return nil, fmt.Errorf("document %s: %w", k.Doc, store.ErrNotFound)
		}
		if err != nil {
			return nil, err
		}
		w.KeepText(k.Doc, text)
		if data == nil {
			return nil, nil
		}
		return store.DecodeSpans([]byte(*data), k.Doc, k.Annotator)
	}
	return loadSpans(ctx, w.tx, k.Doc, k.Annotator, false)
}

// ReadText reads a document's text.
func (w *spanWriter) ReadText(ctx context.Context, docID string) (string, error) {
	return documentText(ctx, w.tx, docID)
}

// again returns the span of sp's set with sp's id when it is the same annotation as sp.
func (w *spanWriter) again(ctx context.Context, sp labels.Span) (labels.Span, bool, error) {
	set, err := w.Set(ctx, store.SetKey{Doc: sp.DocID, Annotator: sp.Annotator})
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

// flush writes the changed sets with their counts and label index.
func (w *spanWriter) flush(ctx context.Context) error {
	counts := store.SpanCounts{}
	err := w.Flush(func(k store.SetKey, was, now []labels.Span) error {
		if err := saveSpans(ctx, w.tx, k.Doc, k.Annotator, was, now); err != nil {
			return err
		}
		counts.Add(was, -1)
		counts.Add(now, 1)
		return nil
	})
	if err != nil {
		return err
	}
	return writeCounts(ctx, w.tx, counts)
}
