package store

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"time"
	"unsafe"

	"github.com/tawsim/tawsim/internal/jsonstr"
	"github.com/tawsim/tawsim/labels"
)

// compareSpans orders spans as they are stored: by start, end and id.
func compareSpans(a, b labels.Span) int {
	return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End), cmp.Compare(a.ID, b.ID))
}

// sortSpans puts spans in their stored order.
func sortSpans(spans []labels.Span) { slices.SortFunc(spans, compareSpans) }

// encodeSpans appends spans, already in stored order, to dst as a span_sets array (see
// migrations/0003_span_sets.sql): each element {"i","s","e","t","l","k","g","o","c","u"}, "g"
// left out when the span has no target and "u" when it was not updated since it was made.
// It writes the bytes itself, into room made for them at once: a record of 200,000 spans
// took 290 MB through a slice of structs and the JSON encoder's copies.
func encodeSpans(dst []byte, spans []labels.Span) []byte {
	dst = slices.Grow(dst, spanSetSize(spans))
	var created, updated timeStrings
	dst = append(dst, '[')
	for i := range spans {
		sp := &spans[i]
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = jsonstr.Append(append(dst, `{"i":`...), sp.ID)
		dst = strconv.AppendInt(append(dst, `,"s":`...), int64(sp.Start), 10)
		dst = strconv.AppendInt(append(dst, `,"e":`...), int64(sp.End), 10)
		dst = jsonstr.Append(append(dst, `,"t":`...), sp.Text)
		dst = jsonstr.Append(append(dst, `,"l":`...), sp.Label)
		dst = jsonstr.Append(append(dst, `,"k":`...), string(sp.Kind))
		if sp.Target != "" {
			dst = jsonstr.Append(append(dst, `,"g":`...), sp.Target)
		}
		dst = jsonstr.Append(append(dst, `,"o":`...), string(sp.Origin))
		dst = jsonstr.Append(append(dst, `,"c":`...), created.format(sp.Created))
		if !sp.Updated.Equal(sp.Created) {
			dst = jsonstr.Append(append(dst, `,"u":`...), updated.format(sp.Updated))
		}
		dst = append(dst, '}')
	}
	return append(dst, ']')
}

// spanSetSize returns about how many bytes encodeSpans writes for spans: exactly, when no
// string needs escaping and numbers take up to ten digits.
func spanSetSize(spans []labels.Span) int {
	const keys = len(`{"i":"","s":,"e":,"t":"","l":"","k":"","g":"","o":"","c":"","u":""},`)
	n := 2
	for i := range spans {
		sp := &spans[i]
		n += keys + 20 + 2*len(timeFormat) + len(sp.ID) + len(sp.Text) + len(sp.Label) + len(sp.Kind) + len(sp.Target) + len(sp.Origin)
	}
	return n
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
	data := encodeSpans(nil, spans)
	_, err := tx.ExecContext(ctx, `INSERT INTO span_sets (doc_id, annotator, spans) VALUES (?, ?, ?)
ON CONFLICT (doc_id, annotator) DO UPDATE SET spans = excluded.spans`, docID, annotator, textArg(data))
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

// textArg passes b to a statement as text without copying it into a string: the driver
// copies its arguments into SQLite (SQLITE_TRANSIENT) and keeps nothing of them, and b is not
// written while the statement runs. A span set of an import can be tens of megabytes.
func textArg(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}
