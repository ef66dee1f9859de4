package store

import (
	"context"
	"database/sql"
	"slices"
	"sort"
)

// A stream is a set of document orders that a search walks up through: seek returns the
// smallest order at or after x in the set, or 0 when there is none. Filters are streams read
// from an index in import order, and a search is their intersection, so that a page of
// results reads about as many rows of each index as lie within the page's range of orders.
type stream interface {
	seek(ctx context.Context, x int64) (int64, error)
}

// Batch sizes of sqlStream: the first read is small (a page of results often ends in it),
// and each further read of the same stream twice the last.
const (
	streamFirst = 64
	streamMost  = 8192
)

// sqlStream reads orders from a query that takes the first order and a limit as its last
// two arguments ("... AND ord >= ? ORDER BY ord LIMIT ?"), a batch at a time.
type sqlStream struct {
	q     queryer
	query string
	args  []any
	from  int64   // the batch read holds the set's orders from here...
	buf   []int64 // ...up to its last, in order
	end   bool    // and the set has none after buf
	batch int
}

func newSQLStream(q queryer, query string, args ...any) *sqlStream {
	return &sqlStream{q: q, query: query, args: args, from: -1, batch: streamFirst}
}

func (st *sqlStream) seek(ctx context.Context, x int64) (int64, error) {
	if st.from < 0 || x < st.from || (!st.end && x > st.buf[len(st.buf)-1]) {
		if err := st.read(ctx, x); err != nil {
			return 0, err
		}
	}
	i := sort.Search(len(st.buf), func(i int) bool { return st.buf[i] >= x })
	if i == len(st.buf) {
		return 0, nil // st.end: x is past the last
	}
	return st.buf[i], nil
}

// read reads the batch of orders from x on.
func (st *sqlStream) read(ctx context.Context, x int64) error {
	rows, err := st.q.QueryContext(ctx, st.query, append(slices.Clip(st.args), x, st.batch)...)
	if err != nil {
		return err
	}
	defer rows.Close()
	st.buf = st.buf[:0]
	for rows.Next() {
		var ord int64
		if err := rows.Scan(&ord); err != nil {
			return err
		}
		st.buf = append(st.buf, ord)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	st.from, st.end = x, len(st.buf) < st.batch
	st.batch = min(2*st.batch, streamMost)
	return nil
}

// rangeStream is every order from 1 to last.
type rangeStream struct{ first, last int64 }

func (st rangeStream) seek(_ context.Context, x int64) (int64, error) {
	x = max(x, st.first)
	if x > st.last {
		return 0, nil
	}
	return x, nil
}

// unionStream is the orders of any of its streams.
type unionStream []stream

func (u unionStream) seek(ctx context.Context, x int64) (int64, error) {
	var best int64
	for _, st := range u {
		y, err := st.seek(ctx, x)
		if err != nil {
			return 0, err
		}
		if y != 0 && (best == 0 || y < best) {
			best = y
			if y == x {
				break
			}
		}
	}
	return best, nil
}

// joinStream is the orders of all its streams (the leapfrog join: each seeks to the largest
// order the others reached, until they agree).
type joinStream []stream

func (j joinStream) seek(ctx context.Context, x int64) (int64, error) {
	agreed := 0 // how many streams in a row returned x
	for i := 0; agreed < len(j); i = (i + 1) % len(j) {
		y, err := j[i].seek(ctx, x)
		if err != nil || y == 0 {
			return 0, err
		}
		if y == x {
			agreed++
		} else {
			x, agreed = y, 1
		}
	}
	return x, nil
}

// todoStream is the orders that none of its annotators has moved past todo, read a chunk
// of todoChunk orders at a time with todoOrders, which passes over a chunk that one of them
// holds whole by counting it: 150,000 documents done cost a few dozen counts, where reading
// their rows took 70 ms.
type todoStream struct {
	tx         *sql.Tx
	annotators []string
	last       int64
	lo, hi     int64   // the chunk read...
	todo       []int64 // ...and its orders to do
}

func (t *todoStream) seek(ctx context.Context, x int64) (int64, error) {
	for x <= t.last {
		if x < t.lo || x > t.hi {
			if err := t.read(ctx, x); err != nil {
				return 0, err
			}
		}
		if i := sort.Search(len(t.todo), func(i int) bool { return t.todo[i] >= x }); i < len(t.todo) {
			return t.todo[i], nil
		}
		x = t.hi + 1
	}
	return 0, nil
}

// read reads the chunk that begins at x: the orders none of the annotators moved.
func (t *todoStream) read(ctx context.Context, x int64) error {
	t.lo, t.hi = x, min(t.last, x+todoChunk-1)
	t.todo = t.todo[:0]
	for i := t.lo; i <= t.hi && len(t.annotators) == 0; i++ {
		t.todo = append(t.todo, i)
	}
	for i, a := range t.annotators {
		list, err := todoOrders(ctx, t.tx, a, t.lo, t.hi)
		if err != nil {
			return err
		}
		if i > 0 {
			list = slices.DeleteFunc(list, func(o int64) bool {
				_, found := slices.BinarySearch(t.todo, o)
				return !found
			})
		}
		t.todo = list
		if len(t.todo) == 0 {
			break
		}
	}
	return nil
}

// thenStream is first's orders up to and including split, then then's after it.
type thenStream struct {
	first stream
	split int64
	then  stream
}

func (t thenStream) seek(ctx context.Context, x int64) (int64, error) {
	if x <= t.split {
		y, err := t.first.seek(ctx, x)
		if err != nil || (y != 0 && y <= t.split) {
			return y, err
		}
		x = t.split + 1
	}
	return t.then.seek(ctx, x)
}
