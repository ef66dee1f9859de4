package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/google/uuid"
	"github.com/tawsim/tawsim/labels"
)

// AddSpan validates sp against the schema, the document's text and the annotator's other
// spans of the document, and stores it with a new ID and Created and Updated set to now; it
// fills in nothing else. The error wraps the labels sentinel that explains a refusal, or
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
	t := now()
	err := s.write(ctx, func(tx *sql.Tx) error {
		v, err := newSpanValidator(ctx, tx)
		if err != nil {
			return err
		}
		for i, sp := range spans {
			sp.Created, sp.Updated = t, t
			if out[i], err = addSpan(ctx, tx, v, sp); err != nil {
				return spanError(i, len(spans), err)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// addSpan gives sp a new ID, validates it, writes it and logs it, inside tx.
func addSpan(ctx context.Context, tx *sql.Tx, v *spanValidator, sp labels.Span) (labels.Span, error) {
	id, err := uuid.NewV7()
	if err != nil {
		return sp, err
	}
	sp.ID = id.String()
	if err := v.validate(ctx, sp); err != nil {
		return sp, err
	}
	if err := insertSpan(ctx, tx, sp); err != nil {
		return sp, err
	}
	return sp, appendEvent(ctx, tx, sp.Annotator, sp.DocID, labels.ActionSpanAdd, nil, sp)
}

// spanError names the span of a batch that failed, when there is more than one.
func spanError(i, n int, err error) error {
	if n == 1 {
		return err
	}
	return fmt.Errorf("span %d of %d: %w", i+1, n, err)
}

// UpdateSpan relabels or moves the span with sp.ID, validating it as AddSpan does. Created
// and the document stay; Updated becomes now. A span of another annotator, or of no one,
// is ErrNotFound.
func (s *Store) UpdateSpan(ctx context.Context, sp labels.Span) (labels.Span, error) {
	err := s.write(ctx, func(tx *sql.Tx) error {
		old, err := ownSpan(ctx, tx, sp.Annotator, sp.ID)
		if err != nil {
			return err
		}
		if sp.DocID != "" && sp.DocID != old.DocID {
			return fmt.Errorf("span %s belongs to document %s, not %s", sp.ID, old.DocID, sp.DocID)
		}
		sp.DocID, sp.Created, sp.Updated = old.DocID, old.Created, now()
		v, err := newSpanValidator(ctx, tx)
		if err != nil {
			return err
		}
		if err := v.validate(ctx, sp); err != nil {
			return err
		}
		if err := updateSpan(ctx, tx, sp); err != nil {
			return err
		}
		return appendEvent(ctx, tx, sp.Annotator, sp.DocID, labels.ActionSpanUpdate, old, sp)
	})
	if err != nil {
		return labels.Span{}, fmt.Errorf("update span: %w", err)
	}
	return sp, nil
}

// DeleteSpan deletes the annotator's span with the given id (ErrNotFound when the annotator
// has no such span).
func (s *Store) DeleteSpan(ctx context.Context, annotator, id string) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		old, err := ownSpan(ctx, tx, annotator, id)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM spans WHERE id = ?", id); err != nil {
			return err
		}
		return appendEvent(ctx, tx, annotator, old.DocID, labels.ActionSpanDelete, old, nil)
	})
	if err != nil {
		return fmt.Errorf("delete span: %w", err)
	}
	return nil
}

// Span returns the span with the given id (ErrNotFound when there is none).
func (s *Store) Span(ctx context.Context, id string) (labels.Span, error) {
	sp, err := getSpan(ctx, s.r, id)
	if err != nil {
		return labels.Span{}, fmt.Errorf("span: %w", err)
	}
	return sp, nil
}

// Spans returns the spans of a document by one annotator, or by all when annotator is "",
// ordered by start, end and id.
func (s *Store) Spans(ctx context.Context, docID, annotator string) ([]labels.Span, error) {
	query := "SELECT " + spanColumns + ` FROM spans WHERE doc_id = ? AND (? = '' OR annotator = ?)
ORDER BY start, "end", id`
	spans, err := querySpans(ctx, s.r, query, docID, annotator, annotator)
	if err != nil {
		return nil, fmt.Errorf("spans of %s: %w", docID, err)
	}
	return spans, nil
}

// spanColumns are the columns scanSpan reads, in its order.
const spanColumns = `id, doc_id, annotator, start, "end", text, label, kind, target, origin, created, updated`

// insertSpan writes a new span row.
func insertSpan(ctx context.Context, tx *sql.Tx, sp labels.Span) error {
	_, err := tx.ExecContext(ctx, "INSERT INTO spans ("+spanColumns+") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
		sp.ID, sp.DocID, sp.Annotator, sp.Start, sp.End, sp.Text, sp.Label, string(sp.Kind), sp.Target,
		string(sp.Origin), formatTime(sp.Created), formatTime(sp.Updated))
	return err
}

// updateSpan rewrites the mutable columns of a span row.
func updateSpan(ctx context.Context, tx *sql.Tx, sp labels.Span) error {
	_, err := tx.ExecContext(ctx, `UPDATE spans SET start = ?, "end" = ?, text = ?, label = ?, kind = ?, target = ?,
origin = ?, updated = ? WHERE id = ?`,
		sp.Start, sp.End, sp.Text, sp.Label, string(sp.Kind), sp.Target, string(sp.Origin), formatTime(sp.Updated), sp.ID)
	return err
}

// getSpan reads one span (ErrNotFound when there is none).
func getSpan(ctx context.Context, q queryer, id string) (labels.Span, error) {
	spans, err := querySpans(ctx, q, "SELECT "+spanColumns+" FROM spans WHERE id = ?", id)
	if err != nil {
		return labels.Span{}, err
	}
	if len(spans) == 0 {
		return labels.Span{}, fmt.Errorf("span %s: %w", id, ErrNotFound)
	}
	return spans[0], nil
}

// ownSpan reads the annotator's span with the given id; another annotator's is not found.
func ownSpan(ctx context.Context, q queryer, annotator, id string) (labels.Span, error) {
	sp, err := getSpan(ctx, q, id)
	if err != nil {
		return sp, err
	}
	if sp.Annotator != annotator {
		return labels.Span{}, fmt.Errorf("span %s of annotator %q: %w (it is %q's)", id, annotator, ErrNotFound, sp.Annotator)
	}
	return sp, nil
}

// querySpans runs a query that selects spanColumns.
func querySpans(ctx context.Context, q queryer, query string, args ...any) ([]labels.Span, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var spans []labels.Span
	for rows.Next() {
		sp, err := scanSpan(rows)
		if err != nil {
			return nil, err
		}
		spans = append(spans, sp)
	}
	return spans, rows.Err()
}

// scanSpan reads spanColumns from the current row.
func scanSpan(rows *sql.Rows) (labels.Span, error) {
	var sp labels.Span
	var kind, origin, created, updated string
	err := rows.Scan(&sp.ID, &sp.DocID, &sp.Annotator, &sp.Start, &sp.End, &sp.Text, &sp.Label, &kind,
		&sp.Target, &origin, &created, &updated)
	if err != nil {
		return sp, err
	}
	sp.Kind, sp.Origin = labels.Kind(kind), labels.Origin(origin)
	if sp.Created, err = parseTime(created); err != nil {
		return sp, err
	}
	sp.Updated, err = parseTime(updated)
	return sp, err
}

// spanValidator checks spans inside a write, keeping what it has read (the schema and the
// texts) for the rest of the transaction.
type spanValidator struct {
	tx     *sql.Tx
	schema labels.Schema
	texts  map[string]string
}

// newSpanValidator reads the schema through tx.
func newSpanValidator(ctx context.Context, tx *sql.Tx) (*spanValidator, error) {
	sc, err := loadSchema(ctx, tx)
	if err != nil {
		return nil, err
	}
	return &spanValidator{tx: tx, schema: sc, texts: map[string]string{}}, nil
}

// validate checks sp with labels.Schema.ValidateSpan. Spans written earlier in the same
// transaction count as the annotator's other spans.
func (v *spanValidator) validate(ctx context.Context, sp labels.Span) error {
	text, err := v.text(ctx, sp.DocID)
	if err != nil {
		return err
	}
	var others []labels.Span
	if sp.Kind == labels.KindEntity {
		if others, err = overlappingEntities(ctx, v.tx, sp); err != nil {
			return err
		}
	}
	return v.schema.ValidateSpan(text, sp, others)
}

// text returns a document's text (ErrNotFound when there is none).
func (v *spanValidator) text(ctx context.Context, docID string) (string, error) {
	if t, ok := v.texts[docID]; ok {
		return t, nil
	}
	t, err := documentText(ctx, v.tx, docID)
	if err != nil {
		return "", err
	}
	v.texts[docID] = t
	return t, nil
}

// overlappingEntities returns the entity spans of sp's annotator in sp's document that share
// a code point with sp: the only ones the nesting rules look at. The primary key bounds
// the search by start.
func overlappingEntities(ctx context.Context, q queryer, sp labels.Span) ([]labels.Span, error) {
	return querySpans(ctx, q, "SELECT "+spanColumns+` FROM spans
WHERE doc_id = ? AND annotator = ? AND start < ? AND "end" > ? AND kind = 'entity'`,
		sp.DocID, sp.Annotator, sp.End, sp.Start)
}
