package store

import (
	"cmp"
	"context"
	"database/sql"
	"slices"

	"github.com/tawsim/tawsim/labels"
)

// SpanCounts are changes to the span counts of the counts table (migrations/0004_counts.sql),
// by annotator and key (SpanCountKey), as both stores keep them. The stores' writers of span
// sets (the span writers, the importers, the merge) keep them as they write and add them in
// the same transaction: the spans are in memory there, where a trigger would read each set's
// JSON again. A new writer of span_sets must do the same.
type SpanCounts map[[2]string]int

// Add counts n spans (n < 0: takes them away).
func (c SpanCounts) Add(spans []labels.Span, n int) {
	for _, sp := range spans {
		c[[2]string{sp.Annotator, SpanCountKey(sp)}] += n
	}
}

// Take returns the counts that change, ordered by annotator and key (so that two writers
// never wait for each other's rows in a circle), and forgets them all.
func (c SpanCounts) Take() []CountRow {
	var out []CountRow
	for k, n := range c {
		if n != 0 {
			out = append(out, CountRow{Annotator: k[0], What: "span", Key: k[1], N: n})
		}
	}
	slices.SortFunc(out, func(a, b CountRow) int {
		return cmp.Or(cmp.Compare(a.Annotator, b.Annotator), cmp.Compare(a.Key, b.Key))
	})
	clear(c)
	return out
}

// write adds the changes to the counts table inside tx, and forgets them.
func (c SpanCounts) write(ctx context.Context, tx *sql.Tx) error {
	for _, r := range c.Take() {
		_, err := tx.ExecContext(ctx, `INSERT INTO counts (annotator, what, key, n) VALUES (?, 'span', ?, ?)
ON CONFLICT (annotator, what, key) DO UPDATE SET n = n + excluded.n`, r.Annotator, r.Key, r.N)
		if err != nil {
			return err
		}
	}
	return nil
}
