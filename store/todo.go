package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"github.com/tawsim/tawsim/labels"
)

// todoChunk is how many orders todoPage looks at in one step.
const todoChunk = 4096

// todoPage returns a page of the documents that p.Annotator has not moved past todo. They are
// the orders that the index doc_state_moved lacks: a chunk of orders that the index holds
// whole is passed over by counting its entries, so that a page after 900,000 documents done
// costs a few hundred counts rather than a probe of each document. Documents that do not
// exist at an order (there are none: orders run 1..N) are simply not listed.
func (s *Store) todoPage(ctx context.Context, p Page) ([]labels.Summary, error) {
	limit := p.Limit
	if limit <= 0 {
		limit = DefaultPageSize
	}
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	var last int64
	if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(ord), 0) FROM documents").Scan(&last); err != nil {
		return nil, err
	}
	lo, hi := max(p.After+1, 1), last // the orders to look at, both ends included
	if p.Before > 0 {
		hi = min(hi, p.Before-1)
	}
	down := p.Before > 0 && p.After <= 0
	var list []labels.Summary
	for lo <= hi && len(list) < limit {
		a, b := lo, min(hi, lo+todoChunk-1)
		if down {
			a, b = max(lo, hi-todoChunk+1), hi
		}
		orders, err := todoOrders(ctx, tx, p.Annotator, a, b)
		if err != nil {
			return nil, err
		}
		if down {
			slices.Reverse(orders)
		}
		if len(orders) > limit-len(list) {
			orders = orders[:limit-len(list)]
		}
		got, err := summaries(ctx, tx, orders)
		if err != nil {
			return nil, err
		}
		list = append(list, got...)
		if down {
			hi = a - 1
		} else {
			lo = b + 1
		}
	}
	if down {
		slices.Reverse(list)
	}
	return list, nil
}

// todoOrders returns the orders in [a, b], ascending, that annotator has not moved past todo.
func todoOrders(ctx context.Context, tx *sql.Tx, annotator string, a, b int64) ([]int64, error) {
	const moved = "FROM doc_state INDEXED BY doc_state_moved WHERE annotator = ? AND status <> 'todo' AND ord BETWEEN ? AND ?"
	var n int64
	if err := tx.QueryRowContext(ctx, "SELECT count(*) "+moved, annotator, a, b).Scan(&n); err != nil {
		return nil, err
	}
	if n >= b-a+1 {
		return nil, nil
	}
	out := make([]int64, 0, b-a+1-n)
	next := a
	err := eachRow(ctx, tx, "SELECT ord "+moved+" ORDER BY ord", []any{annotator, a, b}, func(rows *sql.Rows) error {
		var o int64
		if err := rows.Scan(&o); err != nil {
			return err
		}
		for ; next < o; next++ {
			out = append(out, next)
		}
		next = o + 1
		return nil
	})
	for ; next <= b; next++ {
		out = append(out, next)
	}
	return out, err
}

// summaries reads the list entries of the documents with the given orders, in that order, as
// documents to do.
func summaries(ctx context.Context, tx *sql.Tx, orders []int64) ([]labels.Summary, error) {
	if len(orders) == 0 {
		return nil, nil
	}
	args := make([]any, len(orders))
	for i, o := range orders {
		args[i] = o
	}
	q := fmt.Sprintf("%s'todo' FROM documents d INDEXED BY documents_list WHERE d.ord IN (?%s) ORDER BY d.ord",
		summaryColumns, strings.Repeat(", ?", len(orders)-1))
	var list []labels.Summary
	err := eachRow(ctx, tx, q, args, func(rows *sql.Rows) error {
		var sm labels.Summary
		var status string
		if err := rows.Scan(&sm.Order, &sm.ID, &sm.ExternalID, &sm.Title, &sm.Runes, &status); err != nil {
			return err
		}
		sm.Status = labels.Status(status)
		list = append(list, sm)
		return nil
	})
	if err == nil && len(orders) > 1 && orders[0] > orders[1] {
		slices.Reverse(list) // asked in descending order
	}
	return list, err
}
