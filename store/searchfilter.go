package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/tawsim/tawsim/labels"
)

// The ranges a filter reads, each "... AND ord >= ? ORDER BY ord LIMIT ?" for a sqlStream.
const (
	labelRange  = `SELECT ord FROM search_labels WHERE label = ? AND annotator = ? AND ord >= ? ORDER BY ord LIMIT ?`
	stanceRange = `SELECT ord FROM search_stance WHERE target = ? AND label = ? AND annotator = ? AND ord >= ?
ORDER BY ord LIMIT ?`
	statusRange = `SELECT ord FROM doc_state INDEXED BY doc_state_page WHERE annotator = ? AND status = ? AND ord >= ?
ORDER BY ord LIMIT ?`
	movedRange = `SELECT ord FROM doc_state INDEXED BY doc_state_moved WHERE annotator = ? AND status <> 'todo'
AND ord >= ? ORDER BY ord LIMIT ?`
)

// distinct returns the values of one column in an index's range, one seek each (a skip
// scan): query selects the column of the rows after the value given last, "... AND col > ?
// ORDER BY col LIMIT 1". A filter without an annotator is the union of one range per
// annotator, and the annotators are read so from the index that the filter reads.
func distinct(ctx context.Context, q queryer, query string, args ...any) ([]any, error) {
	var out []any
	prev := ""
	for {
		err := q.QueryRowContext(ctx, query, append(slices.Clip(args), prev)...).Scan(&prev)
		if errors.Is(err, sql.ErrNoRows) {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		out = append(out, prev)
	}
}

// filterStreams returns a stream for each filter of q (none for none), reading through q.
func filterStreams(ctx context.Context, tx *sql.Tx, q Query, last int64) ([]stream, error) {
	if q.Label == "" && q.Status == "" && q.Target == "" && q.Stance == "" && q.Annotator == "" {
		return nil, nil
	}
	sc, err := loadSchema(ctx, tx)
	if err != nil {
		return nil, err
	}
	a := q.Annotator
	var out []stream
	add := func(st stream, err error) error {
		out = append(out, st)
		return err
	}
	if q.Label != "" {
		l, ok := sc.EntityFold(q.Label)
		if !ok {
			if l, ok = sc.StanceFold(q.Label); !ok {
				return nil, fmt.Errorf("%w: %q", labels.ErrUnknownLabel, q.Label)
			}
		}
		if err := add(labelStream(ctx, tx, l.Name, a)); err != nil {
			return nil, err
		}
	}
	if q.Status != "" {
		if err := add(statusStream(ctx, tx, string(q.Status), a, last)); err != nil {
			return nil, err
		}
	}
	if q.Target != "" || q.Stance != "" {
		target, stance, err := stanceFilter(sc, q.Target, q.Stance)
		if err != nil {
			return nil, err
		}
		if err := add(stanceStream(ctx, tx, target, stance, a)); err != nil {
			return nil, err
		}
	}
	if len(out) > 0 {
		return out, nil
	}
	// The annotator alone: a status past todo, a span or a stance.
	for _, f := range []func() (stream, error){
		func() (stream, error) { return statusStream(ctx, tx, "", a, last) },
		func() (stream, error) { return labelStream(ctx, tx, "", a) },
		func() (stream, error) { return stanceStream(ctx, tx, "", "", a) },
	} {
		if err := add(f()); err != nil {
			return nil, err
		}
	}
	return []stream{unionStream(out)}, nil
}

// stanceFilter returns the target's id and the stance label as the schema names them.
func stanceFilter(sc labels.Schema, target, stance string) (string, string, error) {
	if target != "" {
		t, ok := sc.FindTarget(target)
		if !ok {
			return "", "", fmt.Errorf("%w: %q", labels.ErrUnknownTarget, target)
		}
		target = t.ID
	}
	if stance != "" {
		l, ok := sc.StanceFold(stance)
		if !ok {
			return "", "", fmt.Errorf("%w: stance %q", labels.ErrUnknownLabel, stance)
		}
		stance = l.Name
	}
	return target, stance, nil
}

// labelStream is the documents where an annotator (a, or anyone when a is "") has a span of
// label l (of any label when l is "").
func labelStream(ctx context.Context, q queryer, l, a string) (stream, error) {
	return rangesOf(ctx, q, "search_labels", labelRange, []string{"label", "annotator"}, l, a)
}

// statusStream is the documents of status st for a (for anyone when a is ""); st "" is every
// status past todo (the documents a worked on).
func statusStream(ctx context.Context, tx *sql.Tx, st, a string, last int64) (stream, error) {
	const byAnnotator = "doc_state INDEXED BY doc_state_page"
	switch st {
	case "":
		return rangesOf(ctx, tx, byAnnotator, movedRange, []string{"annotator"}, a)
	case string(labels.StatusTodo):
		keys, err := keysOf(ctx, tx, byAnnotator, []string{"annotator"}, a)
		if err != nil {
			return nil, err
		}
		t := &todoStream{tx: tx, last: last, lo: 1, hi: 0}
		for _, k := range keys {
			t.annotators = append(t.annotators, k[0].(string))
		}
		return t, nil
	}
	return rangesOf(ctx, tx, byAnnotator, statusRange, []string{"annotator", "status"}, a, st)
}

// stanceStream is the documents where a (anyone when "") has a document stance toward target
// (any when "") of label stance (any when "").
func stanceStream(ctx context.Context, q queryer, target, stance, a string) (stream, error) {
	return rangesOf(ctx, q, "search_stance", stanceRange, []string{"target", "label", "annotator"}, target, stance, a)
}

// rangesOf is the union of the ranges (query, a sqlStream's, given each key of keysOf) of an
// index whose key begins with cols.
func rangesOf(ctx context.Context, q queryer, table, query string, cols []string, given ...string) (stream, error) {
	keys, err := keysOf(ctx, q, table, cols, given...)
	if err != nil {
		return nil, err
	}
	u := make(unionStream, len(keys))
	for i, k := range keys {
		u[i] = newSQLStream(q, query, k...)
	}
	return u, nil
}

// keysOf returns the values of the first columns cols of an index that it holds: for each
// column in turn, the value given, or when it is "" every value there is after those of the
// columns before (a skip scan).
func keysOf(ctx context.Context, q queryer, table string, cols []string, given ...string) ([][]any, error) {
	keys := [][]any{nil}
	for i, col := range cols {
		var next [][]any
		for _, k := range keys {
			if given[i] != "" {
				next = append(next, append(slices.Clip(k), given[i]))
				continue
			}
			var where strings.Builder
			for _, c := range cols[:i] {
				where.WriteString(c + " = ? AND ")
			}
			vals, err := distinct(ctx, q, "SELECT "+col+" FROM "+table+" WHERE "+where.String()+col+" > ? ORDER BY "+col+" LIMIT 1", k...)
			if err != nil {
				return nil, err
			}
			for _, v := range vals {
				next = append(next, append(slices.Clip(k), v))
			}
		}
		keys = next
	}
	return keys, nil
}
