package store

import (
	"database/sql"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/tawsim/tawsim/labels"
)

// TestTodoPagesMatchTheStates pages through an annotator's documents to do, forward and
// backward, over runs of documents done longer than a chunk and states that say todo, and
// compares each page with the states set.
func TestTodoPagesMatchTheStates(t *testing.T) {
	s := newStore(t)
	const n = 3*todoChunk + 500
	ids := addNumbered(t, s, n)
	r := rand.New(rand.NewPCG(3, 4))
	status := make([]labels.Status, n+1) // by order
	var states []labels.DocState
	for o := 1; o <= n; o++ {
		status[o] = labels.StatusTodo
		switch {
		case o > 100 && o <= 100+todoChunk+7: // a long run done, over a whole chunk
			status[o] = labels.StatusDone
		case r.IntN(5) == 0:
			status[o] = labels.Statuses[r.IntN(len(labels.Statuses))]
		default:
			continue
		}
		states = append(states, labels.DocState{DocID: ids[o-1], Annotator: "salma", Status: status[o]})
	}
	must(t, setStates(s, states))
	var todo []int64
	for o := 1; o <= n; o++ {
		if status[o] == labels.StatusTodo {
			todo = append(todo, int64(o))
		}
	}
	for _, c := range []Page{
		{Limit: 150}, {After: 99, Limit: 3}, {After: 100, Limit: 5}, {After: 4000, Limit: 300},
		{Before: 100 + todoChunk + 9, Limit: 4}, {Before: int64(n + 1), Limit: 50}, {Before: 2, Limit: 9},
		{After: 50, Before: 200, Limit: 1000}, {After: int64(n), Limit: 10}, {After: 10, Limit: 10_000},
	} {
		c.Annotator, c.Status = "salma", labels.StatusTodo
		page, err := s.Documents(ctx, c)
		must(t, err)
		var want []int64
		for _, o := range todo {
			if o > c.After && (c.Before == 0 || o < c.Before) {
				want = append(want, o)
			}
		}
		if c.Before > 0 && c.After == 0 && len(want) > c.Limit {
			want = want[len(want)-c.Limit:]
		} else if len(want) > c.Limit {
			want = want[:c.Limit]
		}
		if got := orders(page); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%+v: %d documents %v…, want %d %v…", c, len(got), head(got), len(want), head(want))
		}
		for _, sm := range page {
			if sm.Status != labels.StatusTodo || sm.ID != ids[sm.Order-1] {
				t.Errorf("%+v: summary %+v", c, sm)
			}
		}
	}
}

// setStates writes states in one transaction, as a quick way to give many documents one.
func setStates(s *Store, states []labels.DocState) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		for _, st := range states {
			st.Updated = testTime()
			if err := upsertState(ctx, tx, st); err != nil {
				return err
			}
		}
		return nil
	})
}

// head returns the first few orders of a list, for messages.
func head(list []int64) []int64 { return list[:min(len(list), 8)] }
