package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// AddSpan validates sp and stores it, as the file's store does. A span whose id is already
// the annotator's with the same place, label and target is the same action sent again (the
// window tries again a write whose answer it lost when the server went away): it is
// acknowledged as stored, and nothing is written twice.
func (s *Store) AddSpan(ctx context.Context, sp labels.Span) (labels.Span, error) {
	out, err := s.addSpans(ctx, []labels.Span{sp})
	if err != nil {
		return labels.Span{}, fmt.Errorf("add span: %w", err)
	}
	return out[0], nil
}

// AddSpans stores spans as AddSpan does, in one transaction: all of them or none.
func (s *Store) AddSpans(ctx context.Context, spans []labels.Span) ([]labels.Span, error) {
	out, err := s.addSpans(ctx, spans)
	if err != nil {
		return nil, fmt.Errorf("add spans: %w", err)
	}
	return out, nil
}

func (s *Store) addSpans(ctx context.Context, spans []labels.Span) ([]labels.Span, error) {
	out := make([]labels.Span, len(spans))
	if len(spans) == 0 {
		return out, nil
	}
	var who []string
	for _, sp := range spans {
		if sp.Annotator == "" {
			return nil, fmt.Errorf("span [%d,%d) has no annotator: %w", sp.Start, sp.End, labels.ErrNoAnnotator)
		}
		who = append(who, sp.Annotator)
	}
	t := s.now()
	err := s.write(ctx, share(who...), spans[0].DocID, func(tx pgx.Tx) error {
		w, err := newSpanWriter(ctx, tx)
		if err != nil {
			return err
		}
		for i, sp := range spans {
			sp.Created, sp.Updated = t, t
			if out[i], err = s.addSpan(ctx, w, sp); err != nil {
				return store.SpanError(i, len(spans), err)
			}
		}
		return w.flush(ctx)
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// addSpan names sp (unless it has a UUID), validates it, puts it in its set and logs it.
func (s *Store) addSpan(ctx context.Context, w *spanWriter, sp labels.Span) (labels.Span, error) {
	var err error
	if sp.ID, err = store.SpanName(sp.ID); err != nil {
		return sp, err
	}
	if had, ok, err := w.again(ctx, sp); err != nil || ok {
		return had, err
	}
	if err := w.Add(ctx, sp); err != nil {
		return sp, err
	}
	return sp, s.appendEvent(ctx, w.tx, sp.Annotator, sp.DocID, labels.ActionSpanAdd, nil, sp)
}

// UpdateSpan relabels or moves a span of its annotator. The same change sent again finds
// the span as it asks and writes nothing.
func (s *Store) UpdateSpan(ctx context.Context, sp labels.Span) (labels.Span, error) {
	err := s.write(ctx, share(sp.Annotator), sp.DocID, func(tx pgx.Tx) error {
		w, err := newSpanWriter(ctx, tx)
		if err != nil {
			return err
		}
		old, err := w.Find(ctx, sp.DocID, sp.Annotator, sp.ID)
		if err != nil {
			return err
		}
		if same(old, sp) {
			sp = old
			return nil
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

// DeleteSpan removes an annotator's span. A span that the annotator's own logged removal took
// away already is the same action sent again, and acknowledged.
func (s *Store) DeleteSpan(ctx context.Context, annotator, docID, id string) error {
	err := s.write(ctx, share(annotator), docID, func(tx pgx.Tx) error {
		w, err := newSpanWriter(ctx, tx)
		if err != nil {
			return err
		}
		old, err := w.Remove(ctx, docID, annotator, id)
		if errors.Is(err, store.ErrNotFound) {
			var n int
			if qerr := tx.QueryRow(ctx, `SELECT count(*) FROM events WHERE doc_id = $1 AND annotator = $2
AND action = $3 AND before::jsonb->>'id' = $4`, docID, annotator, string(labels.ActionSpanDelete), id).Scan(&n); qerr != nil || n > 0 {
				return qerr
			}
		}
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

// same reports whether two spans are the same annotation: place, text, label, kind, target.
func same(a, b labels.Span) bool {
	return a.ID == b.ID && a.Start == b.Start && a.End == b.End && a.Text == b.Text && a.Label == b.Label &&
		a.Kind == b.Kind && a.Target == b.Target
}

// Span returns the span with the given id in the document, whoever made it.
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
	return labels.Span{}, fmt.Errorf("span %s of document %s: %w", id, docID, store.ErrNotFound)
}

// Spans returns the spans of a document by one annotator, or by all (""), in stored order.
func (s *Store) Spans(ctx context.Context, docID, annotator string) ([]labels.Span, error) {
	spans, err := documentSpans(ctx, s.pool, docID, annotator)
	if err != nil && !errors.Is(err, store.ErrDamaged) {
		return nil, fmt.Errorf("spans of %s: %w", docID, classify(err))
	}
	return spans, err
}

func documentSpans(ctx context.Context, q db, docID, annotator string) ([]labels.Span, error) {
	if annotator != "" {
		return loadSpans(ctx, q, docID, annotator, false)
	}
	var all []labels.Span
	err := eachRow(ctx, q, "SELECT annotator, spans FROM span_sets WHERE doc_id = $1 ORDER BY annotator", []any{docID},
		func(rows pgx.Rows) error {
			var name, data string
			if err := rows.Scan(&name, &data); err != nil {
				return err
			}
			spans, err := store.DecodeSpans([]byte(data), docID, name)
			all = append(all, spans...)
			return err
		})
	store.SortSpans(all)
	return all, err
}

// loadSpans reads one annotator's set of a document; forUpdate locks its row.
func loadSpans(ctx context.Context, q db, docID, annotator string, forUpdate bool) ([]labels.Span, error) {
	query := "SELECT spans FROM span_sets WHERE doc_id = $1 AND annotator = $2"
	if forUpdate {
		query += " FOR UPDATE"
	}
	var data string
	err := q.QueryRow(ctx, query, docID, annotator).Scan(&data)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return store.DecodeSpans([]byte(data), docID, annotator)
}

// eachSet calls fn with every span set (of one annotator, unless ""), by document and annotator.
func eachSet(ctx context.Context, q db, annotator string, fn func(docID, annotator string, spans []labels.Span) error) error {
	return eachRow(ctx, q, "SELECT doc_id, annotator, spans FROM span_sets WHERE $1 = '' OR annotator = $1 ORDER BY doc_id, annotator",
		[]any{annotator}, func(rows pgx.Rows) error {
			var docID, who, data string
			if err := rows.Scan(&docID, &who, &data); err != nil {
				return err
			}
			spans, err := store.DecodeSpans([]byte(data), docID, who)
			if err != nil {
				return err
			}
			return fn(docID, who, spans)
		})
}

// saveSpans writes a set (none: removes its row), keeping the counts and the label index.
func saveSpans(ctx context.Context, tx pgx.Tx, docID, annotator string, before, after []labels.Span) error {
	if len(after) == 0 {
		if _, err := later(tx).Exec(ctx, "DELETE FROM span_sets WHERE doc_id = $1 AND annotator = $2", docID, annotator); err != nil {
			return err
		}
	} else {
		data, err := store.EncodeSpans(after)
		if err != nil {
			return err
		}
		if _, err := later(tx).Exec(ctx, `INSERT INTO span_sets (doc_id, annotator, spans) VALUES ($1, $2, $3)
ON CONFLICT (doc_id, annotator) DO UPDATE SET spans = excluded.spans`, docID, annotator, string(data)); err != nil {
			return err
		}
	}
	return indexLabels(ctx, tx, docID, annotator, before, after)
}

// indexLabels keeps search_labels for a set that went from before to after.
func indexLabels(ctx context.Context, tx pgx.Tx, docID, annotator string, before, after []labels.Span) error {
	added, gone := store.LabelsChanged(before, after)
	if len(added) > 0 {
		if _, err := later(tx).Exec(ctx, `INSERT INTO search_labels (label, annotator, ord)
SELECT l, $1, (SELECT ord FROM documents WHERE id = $2) FROM unnest($3::text[]) l ON CONFLICT DO NOTHING`,
			annotator, docID, added); err != nil {
			return err
		}
	}
	if len(gone) > 0 {
		_, err := later(tx).Exec(ctx, `DELETE FROM search_labels WHERE annotator = $1
AND ord = (SELECT ord FROM documents WHERE id = $2) AND label = ANY($3)`, annotator, docID, gone)
		return err
	}
	return nil
}

// writeCounts adds the changes to the counts inside tx, and forgets them.
func writeCounts(ctx context.Context, tx pgx.Tx, c store.SpanCounts) error {
	rows := c.Take()
	if len(rows) == 0 {
		return nil
	}
	who, key, n := make([]string, len(rows)), make([]string, len(rows)), make([]int64, len(rows))
	for i, r := range rows {
		who[i], key[i], n[i] = r.Annotator, r.Key, int64(r.N)
	}
	_, err := later(tx).Exec(ctx, `INSERT INTO counts (annotator, what, key, n)
SELECT w, 'span', k, n FROM unnest($1::text[], $2::text[], $3::bigint[]) AS t(w, k, n)
ON CONFLICT (annotator, what, key) DO UPDATE SET n = counts.n + excluded.n`, who, key, n)
	return err
}
