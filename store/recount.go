package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
)

// countKey names one row of the counts table: annotator, what and key.
type countKey [3]string

// String renders a count's key for people: `annotator "amal": spans entity LOC`.
func (k countKey) String() string {
	parts := strings.Split(k[2], unitSep)
	if k[1] == "span" && len(parts) == 3 && parts[1] == "" {
		parts = []string{parts[0], parts[2]} // an entity span has no target
	}
	return fmt.Sprintf("annotator %q: %s %s", k[0], countsWhat(k[1]), strings.Join(parts, " "))
}

// countsWhat names what a count counts.
func countsWhat(what string) string {
	switch what {
	case "status":
		return "documents of status"
	case "stance":
		return "document stances toward"
	case "suggestions":
		return "suggestions of"
	case "decision":
		return "decisions on the suggestions of"
	case "finished":
		return "documents finished in the hour (UTC)"
	case "time":
		return "documents with time spent in bin"
	case "seconds":
		return "seconds spent on documents"
	}
	return what + "s"
}

// countRows counts the rows the counts table keeps count of, as the writers count them: the
// statuses and document stances of each annotator, the documents finished per hour and the
// time spent (ProgressCountQueries), and the spans of every span set that
// reads (a damaged one counts nothing: Check reports it).
func countRows(ctx context.Context, q queryer) (map[countKey]int, error) {
	got := map[countKey]int{}
	for _, query := range append([]string{
		"SELECT annotator, 'status', status, count(*) FROM doc_state GROUP BY annotator, status",
		"SELECT annotator, 'stance', target || char(31) || label, count(*) FROM doc_stance GROUP BY annotator, target, label",
		"SELECT '', 'suggestions', source, sum(n) FROM suggestion_sets GROUP BY source",
		"SELECT annotator, 'decision', source || char(31) || decision, count(*) FROM suggestion_decisions GROUP BY 1, 3",
	}, ProgressCountQueries()...) {
		err := eachRow(ctx, q, query, nil, func(rows *sql.Rows) error {
			var k countKey
			var n int
			if err := rows.Scan(&k[0], &k[1], &k[2], &n); err != nil {
				return err
			}
			got[k] += n
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	var list []decodedSpan
	err := eachRow(ctx, q, "SELECT annotator, spans FROM span_sets", nil, func(rows *sql.Rows) error {
		var annotator string
		var data sql.RawBytes
		if err := rows.Scan(&annotator, &data); err != nil {
			return err
		}
		var err error
		if list, err = decodeStored(data, list); err != nil {
			return nil
		}
		for _, e := range list {
			got[countKey{annotator, "span", e.Kind + unitSep + e.Target + unitSep + e.Label}]++
		}
		return nil
	})
	return got, err
}

// storedCounts reads the counts table (rows at 0 left out, as readers skip them).
func storedCounts(ctx context.Context, q queryer) (map[countKey]int, error) {
	kept := map[countKey]int{}
	err := eachRow(ctx, q, "SELECT annotator, what, key, n FROM counts WHERE n <> 0", nil, func(rows *sql.Rows) error {
		var k countKey
		var n int
		if err := rows.Scan(&k[0], &k[1], &k[2], &n); err != nil {
			return err
		}
		kept[k] = n
		return nil
	})
	return kept, err
}

// counts checks the counts table against a count of the rows: a difference means that
// something wrote the project behind the store's back (Recount counts again).
func (c *checker) counts(ctx context.Context) error {
	got, err := countRows(ctx, c.tx)
	if err != nil {
		return err
	}
	kept, err := storedCounts(ctx, c.tx)
	if err != nil {
		return err
	}
	keys := make([]countKey, 0, len(got)+len(kept))
	for k := range got {
		keys = append(keys, k)
	}
	for k := range kept {
		if _, ok := got[k]; !ok {
			keys = append(keys, k)
		}
	}
	slices.SortFunc(keys, func(a, b countKey) int { return slices.Compare(a[:], b[:]) })
	for _, k := range keys {
		if got[k] != kept[k] {
			c.report("counts: %s: %d kept, %d in the rows (check --recount counts again)", k, kept[k], got[k])
		}
	}
	return nil
}

// Recount writes the counts table again from the rows it counts, and the indexes of the
// search filters from the rows they index, in one transaction: for a
// project that something wrote behind the store's back, where Check reports counts that
// disagree with the rows. Stats and the window read the counts.
func (s *Store) Recount(ctx context.Context) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		got, err := countRows(ctx, tx)
		if err != nil {
			return err
		}
		if err := rewriteSearchFilters(ctx, tx); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM counts"); err != nil {
			return err
		}
		for k, n := range got {
			if _, err := tx.ExecContext(ctx, "INSERT INTO counts (annotator, what, key, n) VALUES (?, ?, ?, ?)", k[0], k[1], k[2], n); err != nil {
				return err
			}
		}
		return nil
	})
}
