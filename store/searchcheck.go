package store

import (
	"context"
	"database/sql"
)

// The rows the search filters' indexes hold (migrations/0007_search.sql), from the rows they
// index: what Check compares them with and Recount writes them from.
const (
	wantSearchLabels = `SELECT json_extract(j.value, '$.l'), s.annotator, d.ord
FROM span_sets s JOIN documents d ON d.id = s.doc_id,
     json_each(CASE WHEN json_valid(s.spans) AND json_type(s.spans) = 'array' THEN s.spans ELSE '[]' END) j
WHERE j.type = 'object' AND json_type(j.value, '$.l') = 'text'`
	wantSearchStance = `SELECT st.target, st.label, st.annotator, d.ord FROM doc_stance st JOIN documents d ON d.id = st.doc_id`
)

// maxSearchDiffs is how many differences of each index Check names.
const maxSearchDiffs = 10

// searchIndexes compares the label and stance indexes of search with the span sets and the
// document stances, and the search index's last document with the documents.
func (c *checker) searchIndexes(ctx context.Context) error {
	for _, ix := range []struct {
		table, cols, want, what string
		n                       int // columns
	}{
		{"search_labels", "label, annotator, ord", wantSearchLabels, "a span labeled %s by %q in document %s", 3},
		{"search_stance", "target, label, annotator, ord", wantSearchStance, "a stance toward %s, %s, by %q on document %s", 4},
	} {
		query := `SELECT 'lacks', * FROM (` + ix.want + ` EXCEPT SELECT ` + ix.cols + ` FROM ` + ix.table + `)
UNION ALL SELECT 'holds', * FROM (SELECT ` + ix.cols + ` FROM ` + ix.table + ` EXCEPT ` + ix.want + `)`
		n := 0
		err := eachRow(ctx, c.tx, query, nil, func(rows *sql.Rows) error {
			vals := make([]string, ix.n+1)
			ptrs := make([]any, len(vals))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				return err
			}
			if n++; n <= maxSearchDiffs {
				args := []any{ix.table, vals[0]}
				for _, v := range vals[1:] {
					args = append(args, v)
				}
				c.report("search: the index %s %s "+ix.what+" (check --recount writes it again)", args...)
			}
			return nil
		})
		if err != nil {
			return err
		}
		if n > maxSearchDiffs {
			c.report("search: the index %s differs from the rows in %d more places", ix.table, n-maxSearchDiffs)
		}
	}
	upto, last, err := searchRange(ctx, c.tx)
	if err != nil {
		return err
	}
	if upto > last {
		c.report("search: the index of words says it holds documents up to %d, the project has %d", upto, last)
	}
	return nil
}

// rewriteSearchFilters writes the label and stance indexes of search again from the rows.
func rewriteSearchFilters(ctx context.Context, tx *sql.Tx) error {
	for _, q := range []string{
		"DELETE FROM search_labels",
		"INSERT OR IGNORE INTO search_labels (label, annotator, ord) " + wantSearchLabels,
		"DELETE FROM search_stance",
		"INSERT OR IGNORE INTO search_stance (target, label, annotator, ord) " + wantSearchStance,
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	return nil
}
