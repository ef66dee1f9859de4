package store

import (
	"context"
	"database/sql"

	"github.com/tawsim/tawsim/labels"
)

// spanCounts are changes to the span counts of the counts table (migrations/0004_counts.sql),
// by annotator and key (kind, target and label joined by unitSep). The store's writers of span
// sets, the spanWriter and the Importer, keep them as they write and add them in the same
// transaction: the spans are in memory there, where a trigger would read each set's JSON
// again. A new writer of span_sets must do the same.
type spanCounts map[[2]string]int

// add counts n spans (n < 0: takes them away).
func (c spanCounts) add(spans []labels.Span, n int) {
	for _, sp := range spans {
		c[[2]string{sp.Annotator, string(sp.Kind) + unitSep + sp.Target + unitSep + sp.Label}] += n
	}
}

// write adds the changes to the counts table inside tx, and forgets them.
func (c spanCounts) write(ctx context.Context, tx *sql.Tx) error {
	for k, n := range c {
		if n != 0 {
			_, err := tx.ExecContext(ctx, `INSERT INTO counts (annotator, what, key, n) VALUES (?, 'span', ?, ?)
ON CONFLICT (annotator, what, key) DO UPDATE SET n = n + excluded.n`, k[0], k[1], n)
			if err != nil {
				return err
			}
		}
		delete(c, k)
	}
	return nil
}
