package store

import (
	"context"
	"database/sql"
	"slices"
	"strings"

	"github.com/tawsim/tawsim/labels"
)

// indexSpanLabels keeps search_labels (migrations/0007_search.sql) for one annotator's span
// set of one document, which a write changed from before to after, inside that write's
// transaction. The store's writers of span sets call it where they write a set, as they add
// its span counts (SpanCounts): a new writer of span_sets must do the same, or a search by
// label misses its spans.
func indexSpanLabels(ctx context.Context, tx *sql.Tx, docID, annotator string, before, after []labels.Span) error {
	added, gone := LabelsChanged(before, after)
	// One statement for the labels of a set, its text the same for as many labels (the writer
	// keeps it prepared): an import pays it for every record with spans.
	if len(added) > 0 {
		_, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO search_labels (label, annotator, ord)
SELECT column1, ?, (SELECT ord FROM documents WHERE id = ?) FROM (VALUES (?)`+strings.Repeat(", (?)", len(added)-1)+`)`,
			append([]any{annotator, docID}, anys(added)...)...)
		if err != nil {
			return err
		}
	}
	if len(gone) > 0 {
		_, err := tx.ExecContext(ctx, `DELETE FROM search_labels WHERE annotator = ?
AND ord = (SELECT ord FROM documents WHERE id = ?) AND label IN (?`+strings.Repeat(", ?", len(gone)-1)+`)`,
			append([]any{annotator, docID}, anys(gone)...)...)
		if err != nil {
			return err
		}
	}
	return nil
}

// anys returns list as arguments of a statement.
func anys(list []string) []any {
	out := make([]any, len(list))
	for i, v := range list {
		out[i] = v
	}
	return out
}

// LabelsChanged returns the labels a span set gains and loses (each once) when it goes from
// before to after: what the search index of labels adds and removes.
func LabelsChanged(before, after []labels.Span) (added, gone []string) {
	was, is := LabelsOf(before), LabelsOf(after)
	added = slices.DeleteFunc(slices.Clone(is), func(l string) bool { return slices.Contains(was, l) })
	gone = slices.DeleteFunc(was, func(l string) bool { return slices.Contains(is, l) })
	return added, gone
}

// LabelsOf returns the labels of spans, each once.
func LabelsOf(spans []labels.Span) []string {
	var out []string
	for _, sp := range spans {
		if !slices.Contains(out, sp.Label) {
			out = append(out, sp.Label)
		}
	}
	return out
}
