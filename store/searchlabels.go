package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"slices"

	"github.com/tawsim/tawsim/labels"
)

// indexSpanLabels keeps search_labels (migrations/0007_search.sql) for one annotator's span
// set of one document, which a write changed from before to after, inside that write's
// transaction. The store's writers of span sets call it where they write a set, as they add
// its span counts (spanCounts): a new writer of span_sets must do the same, or a search by
// label misses its spans.
func indexSpanLabels(ctx context.Context, tx *sql.Tx, docID, annotator string, before, after []labels.Span) error {
	was, is := labelsOf(before), labelsOf(after)
	added := slices.DeleteFunc(slices.Clone(is), func(l string) bool { return slices.Contains(was, l) })
	gone := slices.DeleteFunc(was, func(l string) bool { return slices.Contains(is, l) })
	for _, c := range []struct {
		list  []string
		query string
	}{
		{added, `INSERT OR IGNORE INTO search_labels (label, annotator, ord)
SELECT j.value, ?, d.ord FROM documents d, json_each(?) j WHERE d.id = ?`},
		{gone, `DELETE FROM search_labels WHERE annotator = ? AND label IN (SELECT value FROM json_each(?))
AND ord = (SELECT ord FROM documents WHERE id = ?)`},
	} {
		if len(c.list) == 0 {
			continue
		}
		list, err := json.Marshal(c.list)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, c.query, annotator, string(list), docID); err != nil {
			return err
		}
	}
	return nil
}

// labelsOf returns the labels of spans, each once.
func labelsOf(spans []labels.Span) []string {
	var out []string
	for _, sp := range spans {
		if !slices.Contains(out, sp.Label) {
			out = append(out, sp.Label)
		}
	}
	return out
}
