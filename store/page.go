package store

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/tawsim/tawsim/labels"
)

// Page asks for a page of the document list, in import order, by keyset on Order:
// After > 0 gives the documents after it; Before > 0 (with After 0) the last Limit documents
// before it, still in ascending order; both give the range between them. Limit <= 0 means
// DefaultPageSize. Status "" means any status; a status is the one of Annotator, and
// StatusTodo includes the documents that have no state yet. With Annotator "", a status
// matches the documents where any annotator has it, and StatusTodo those that no annotator
// has moved beyond todo.
type Page struct {
	After     int64
	Before    int64
	Limit     int
	Status    labels.Status
	Annotator string
}

// DefaultPageSize is the page size when Page.Limit is not set.
const DefaultPageSize = 100

// Documents returns a page of the document list (never the texts). Each summary's Status is
// the one of p.Annotator (StatusTodo when the document has no state); with no annotator it is
// p.Status, or StatusTodo when that is empty too.
func (s *Store) Documents(ctx context.Context, p Page) ([]labels.Summary, error) {
	if p.Status != "" {
		if _, err := labels.ParseStatus(string(p.Status)); err != nil {
			return nil, fmt.Errorf("documents: %w", err)
		}
	}
	if p.Annotator != "" && p.Status == labels.StatusTodo {
		list, err := s.todoPage(ctx, p)
		if err != nil {
			return nil, fmt.Errorf("documents: %w", err)
		}
		return list, nil
	}
	query, args := pageQuery(p)
	rows, err := s.r.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("documents: %w", err)
	}
	defer rows.Close()
	var list []labels.Summary
	for rows.Next() {
		var sm labels.Summary
		var status string
		if err := rows.Scan(&sm.Order, &sm.ID, &sm.ExternalID, &sm.Title, &sm.Runes, &status); err != nil {
			return nil, fmt.Errorf("documents: %w", err)
		}
		sm.Status = labels.Status(status)
		list = append(list, sm)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("documents: %w", err)
	}
	if p.Before > 0 && p.After <= 0 {
		slices.Reverse(list)
	}
	return list, nil
}

// summaryColumns are the columns a page reads; the last one is the status.
const summaryColumns = "SELECT d.ord, d.id, d.external_id, d.title, d.runes, "

// pageQuery builds the SQL for p. Only fixed fragments go into the text; values are args.
func pageQuery(p Page) (string, []any) {
	src := pageSource(p)
	where, args := src.where, src.args
	order := " ORDER BY " + src.key
	if p.After > 0 {
		where = append(where, src.key+" > ?")
		args = append(args, p.After)
	}
	if p.Before > 0 {
		where = append(where, src.key+" < ?")
		args = append(args, p.Before)
		if p.After <= 0 {
			order += " DESC"
		}
	}
	limit := p.Limit
	if limit <= 0 {
		limit = DefaultPageSize
	}
	args = append(args, limit)
	var b strings.Builder
	b.WriteString(summaryColumns + src.from)
	if len(where) > 0 {
		b.WriteString(" WHERE " + strings.Join(where, " AND "))
	}
	b.WriteString(order + " LIMIT ?")
	return b.String(), args
}

// source is where a page reads from: the status column and FROM clause, the order key,
// and the status filter with its arguments.
type source struct {
	from, key string
	where     []string
	args      []any
}

// pageSource chooses the tables, index and filter for p.
func pageSource(p Page) source {
	switch {
	case p.Annotator != "" && p.Status != "" && p.Status != labels.StatusTodo:
		// One range of the doc_state_page index, joined by order (doc_state.ord repeats
		// documents.ord) through the covering list index: the document rows are not read.
		return source{
			from:  "st.status FROM doc_state st JOIN documents d INDEXED BY documents_list ON d.ord = st.ord",
			key:   "st.ord",
			where: []string{"st.annotator = ?", "st.status = ?"},
			args:  []any{p.Annotator, string(p.Status)},
		}
	case p.Annotator != "":
		return source{
			from: "coalesce(st.status, 'todo') FROM documents d INDEXED BY documents_list " +
				"LEFT JOIN doc_state st ON st.doc_id = d.id AND st.annotator = ?",
			key:  "d.ord",
			args: []any{p.Annotator},
		}
	}
	shown := p.Status
	if shown == "" {
		shown = labels.StatusTodo
	}
	src := source{from: "? FROM documents d INDEXED BY documents_list", key: "d.ord", args: []any{string(shown)}}
	switch p.Status {
	case "":
	case labels.StatusTodo:
		src.where = []string{"NOT EXISTS (SELECT 1 FROM doc_state x WHERE x.doc_id = d.id AND x.status <> 'todo')"}
	default:
		src.where = []string{"EXISTS (SELECT 1 FROM doc_state x WHERE x.doc_id = d.id AND x.status = ?)"}
		src.args = append(src.args, string(p.Status))
	}
	return src
}
