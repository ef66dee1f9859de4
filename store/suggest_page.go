package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/tawsim/tawsim/labels"
)

// ScorePage asks for a page of the documents that have suggestions, by the lowest score of
// their suggestions (where the sources are least sure: a model's predictions sorted so), then
// by import order.
type ScorePage struct {
	Source string // only the suggestions of this source count; "" for every source
	// AfterScore and AfterOrder continue after the last document of the previous page (its
	// Score and Order); AfterOrder 0 starts at the first.
	AfterScore float64
	AfterOrder int64
	Limit      int    // DefaultPageSize when <= 0
	Annotator  string // whose status the summaries carry (StatusTodo for none)
}

// ScoredSummary is a document of a ScorePage with the lowest score of its suggestions.
type ScoredSummary struct {
	labels.Summary
	Score float64
}

// DocumentsByScore returns a page of the documents with suggestions, the lowest scored first
// (ScorePage). It reads an index kept as suggestions are written, never the suggestions.
func (s *Store) DocumentsByScore(ctx context.Context, p ScorePage) ([]ScoredSummary, error) {
	if p.Limit <= 0 {
		p.Limit = DefaultPageSize
	}
	from, args := "suggestion_docs x", []any{p.Annotator}
	where := "1"
	if p.Source != "" {
		from, where = "suggestion_sets x", "x.source = ?"
		args = append(args, p.Source)
	}
	if p.AfterOrder > 0 {
		where += " AND (x.low, x.ord) > (?, ?)"
		args = append(args, p.AfterScore, p.AfterOrder)
	}
	args = append(args, p.Limit)
	query := summaryColumns + `coalesce(st.status, 'todo'), x.low FROM ` + from + `
JOIN documents d ON d.ord = x.ord
LEFT JOIN doc_state st ON st.doc_id = d.id AND st.annotator = ?
WHERE ` + where + ` ORDER BY x.low, x.ord LIMIT ?`
	var list []ScoredSummary
	err := eachRow(ctx, s.r, query, args, func(rows *sql.Rows) error {
		var sm ScoredSummary
		var status string
		err := rows.Scan(&sm.Order, &sm.ID, &sm.ExternalID, &sm.Title, &sm.Runes, &status, &sm.Score)
		sm.Status = labels.Status(status)
		list = append(list, sm)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("documents by score: %w", err)
	}
	return list, nil
}

// CountDocumentsByScore returns how many documents DocumentsByScore lists for source ("" for
// every source): those with suggestions, from the index it reads.
func (s *Store) CountDocumentsByScore(ctx context.Context, source string) (int, error) {
	query, args := "SELECT count(*) FROM suggestion_docs", []any{}
	if source != "" {
		query, args = "SELECT count(*) FROM suggestion_sets WHERE source = ?", []any{source}
	}
	var n int
	if err := s.r.QueryRowContext(ctx, query, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("count the documents by score: %w", err)
	}
	return n, nil
}
