package store

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/goccy/go-json"
	"github.com/tawsim/tawsim/labels"
)

// storedSpan is one element of a span_sets array (see migrations/0003_span_sets.sql).
type storedSpan struct {
	ID      string `json:"i"`
	Start   int    `json:"s"`
	End     int    `json:"e"`
	Text    string `json:"t"`
	Label   string `json:"l"`
	Kind    string `json:"k"`
	Target  string `json:"g,omitempty"`
	Origin  string `json:"o"`
	Created string `json:"c"`
	Updated string `json:"u,omitempty"` // absent when equal to Created
}

// compareSpans orders spans as they are stored: by start, end and id.
func compareSpans(a, b labels.Span) int {
	return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End), cmp.Compare(a.ID, b.ID))
}

// sortSpans puts spans in their stored order.
func sortSpans(spans []labels.Span) { slices.SortFunc(spans, compareSpans) }

// encodeSpans renders spans, already in stored order, as a span_sets array. buf is reused.
func encodeSpans(buf []storedSpan, spans []labels.Span) ([]byte, []storedSpan, error) {
	buf = buf[:0]
	var times timeStrings
	for _, sp := range spans {
		c, u := times.format(sp.Created), ""
		if !sp.Updated.Equal(sp.Created) {
			u = times.format(sp.Updated)
		}
		buf = append(buf, storedSpan{ID: sp.ID, Start: sp.Start, End: sp.End, Text: sp.Text, Label: sp.Label,
			Kind: string(sp.Kind), Target: sp.Target, Origin: string(sp.Origin), Created: c, Updated: u})
	}
	data, err := json.Marshal(buf)
	return data, buf, err
}

// decodeSpans reads a span_sets array as the spans of docID by annotator. A row that does
// not hold what the project's format says is a *DamagedError (without the external id:
// withExternalID adds it).
func decodeSpans(data []byte, docID, annotator string) ([]labels.Span, error) {
	list, err := decodeStored(data, nil)
	if err != nil {
		return nil, &DamagedError{DocID: docID, Annotator: annotator, Err: err}
	}
	spans := make([]labels.Span, len(list))
	for i, e := range list {
		sp := e.span(docID, annotator)
		var err error
		if sp.Created, err = parseTime(e.Created); err != nil {
			return nil, &DamagedError{DocID: docID, Annotator: annotator, Err: fmt.Errorf("span %d (%s): %w", i+1, e.ID, err)}
		}
		sp.Updated = sp.Created
		if e.Updated != "" {
			if sp.Updated, err = parseTime(e.Updated); err != nil {
				return nil, &DamagedError{DocID: docID, Annotator: annotator, Err: fmt.Errorf("span %d (%s): %w", i+1, e.ID, err)}
			}
		}
		spans[i] = sp
	}
	return spans, nil
}

// loadSpans reads the spans of docID by annotator, in stored order (none is no error).
func loadSpans(ctx context.Context, q queryer, docID, annotator string) ([]labels.Span, error) {
	var data []byte
	err := q.QueryRowContext(ctx, "SELECT spans FROM span_sets WHERE doc_id = ? AND annotator = ?", docID, annotator).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	spans, err := decodeSpans(data, docID, annotator)
	return spans, withExternalID(ctx, q, err)
}

// saveSpans replaces the spans of docID by annotator with spans, sorting them; an empty
// list removes the row.
func saveSpans(ctx context.Context, tx *sql.Tx, docID, annotator string, spans []labels.Span) error {
	if len(spans) == 0 {
		_, err := tx.ExecContext(ctx, "DELETE FROM span_sets WHERE doc_id = ? AND annotator = ?", docID, annotator)
		return err
	}
	sortSpans(spans)
	data, _, err := encodeSpans(nil, spans)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO span_sets (doc_id, annotator, spans) VALUES (?, ?, ?)
ON CONFLICT (doc_id, annotator) DO UPDATE SET spans = excluded.spans`, docID, annotator, string(data))
	return err
}

// timeStrings formats times for storage, formatting each distinct time once: the spans of
// one write or import mostly share theirs.
type timeStrings struct {
	t time.Time
	s string
}

func (ts *timeStrings) format(t time.Time) string {
	if ts.s == "" || !t.Equal(ts.t) {
		ts.t, ts.s = t, formatTime(t)
	}
	return ts.s
}
