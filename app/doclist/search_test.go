package doclist

import (
	"context"
	"strings"
	"testing"

	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// showSearch shows in the list the hits of q in the fixture's project, its first page read,
// and returns the pager.
func (f *listFixture) showSearch(t *testing.T, q store.Query) *Pager {
	t.Helper()
	p := f.l.NewSearchPager(func(ctx context.Context, after int64, limit int) ([]labels.Summary, error) {
		q := q
		q.Limit = limit
		hits, err := f.st.Search(ctx, q, after)
		out := make([]labels.Summary, len(hits))
		for i, h := range hits {
			out[i] = h.Summary
		}
		return out, err
	})
	if _, err := p.Fetch(context.Background(), 0); err != nil {
		t.Fatal(err)
	}
	f.l.ShowSearch(p)
	f.q.Wait()
	return p
}

// TestListShowsHitsByPages: a search's hits take the list's place a page at a time, the next
// page read when the last row read shows; the document open stays selected when a hit, and
// clearing the search shows the documents again with the document open still open.
func TestListShowsHitsByPages(t *testing.T) {
	f := newListFixture(t)
	l := f.l
	l.Rows.Select(2)
	if f.open.Order != 3 {
		t.Fatalf("opened %d", f.open.Order)
	}
	opened := len(f.opened)
	// every article holds مقال: 450 hits, documents 2..451
	f.showSearch(t, store.Query{Text: "مقال", For: "tester"})
	if !l.Searching() || l.Len() != SearchPageSize || !l.Choice.Disabled() {
		t.Fatalf("searching %v, %d in the list, choice disabled %v", l.Searching(), l.Len(), l.Choice.Disabled())
	}
	if cur, in := l.Current(); !in || cur != 1 {
		t.Errorf("the document open (3) is at %d in the hits (in them %v), want 1", cur, in)
	}
	if s, ok := l.Pager().Cached(0); !ok || s.Order != 2 {
		t.Errorf("the first hit is %d", s.Order)
	}
	row := newRow()
	for want := 2 * SearchPageSize; want <= 400; want += SearchPageSize {
		l.updateItem(l.Len()-1, row) // the last row read is shown
		f.q.Wait()
		if l.Len() != want {
			t.Fatalf("after the last row showed: %d in the list, want %d", l.Len(), want)
		}
	}
	l.updateItem(l.Len()-1, row)
	f.q.Wait()
	if n, ended := l.Pager().Known(); l.Len() != 450 || n != 450 || !ended {
		t.Fatalf("at the end: %d in the list, known %d, ended %v", l.Len(), n, ended)
	}
	l.updateItem(449, row) // the end is known: no more reading
	f.q.Wait()
	if s, ok := l.Pager().Cached(449); !ok || s.Order != 451 {
		t.Errorf("the last hit is %d (%v)", s.Order, ok)
	}
	// a status given while the hits show keeps the hit in the list
	l.StatusChanged(f.open.ID, f.open.Order, labels.StatusTodo, labels.StatusDone, nil)
	f.q.Wait()
	if s, _ := l.Pager().Cached(1); l.Len() != 450 || s.Status != labels.StatusDone {
		t.Errorf("after a status: %d in the list, the hit's status %q", l.Len(), s.Status)
	}
	if len(f.opened) != opened {
		t.Errorf("showing the hits opened %v", f.opened[opened:])
	}

	l.ClearSearch(nil)
	f.q.Wait()
	if l.Searching() || l.Len() != 451 || l.Choice.Disabled() {
		t.Fatalf("after clearing: searching %v, %d in the list", l.Searching(), l.Len())
	}
	if cur, in := l.Current(); !in || cur != 2 || len(f.opened) != opened {
		t.Errorf("after clearing: the document open at %d (in the list %v), opened %v", cur, in, f.opened[opened:])
	}
}

// TestListHitsOfAFilteredList: clearing a search shows the status chosen before it, and the
// document open, which that list lacks, stays open; a search with no hit says so.
func TestListHitsOfAFilteredList(t *testing.T) {
	f := newListFixture(t)
	l := f.l
	l.SetFilter(labels.StatusDone, nil)
	f.q.Wait()
	opened := len(f.opened)
	f.showSearch(t, store.Query{Text: "كوبنهاغن"})
	if l.Len() != 0 || !strings.HasPrefix(l.Empty(), "No document matches the search.") {
		t.Errorf("no hit: %d in the list, says %q", l.Len(), l.Empty())
	}
	f.showSearch(t, store.Query{Text: "مقال 3"}) // document 3, to do
	if l.Len() != 1 {
		t.Fatalf("%d hits of مقال 3", l.Len())
	}
	l.Move(1)
	if f.open.Order != 3 || len(f.opened) != opened+1 {
		t.Fatalf("opened %d", f.open.Order)
	}
	l.ClearSearch(nil)
	f.q.Wait()
	if l.Filter() != labels.StatusDone || l.Len() != 150 || len(f.opened) != opened+1 {
		t.Errorf("after clearing: filter %q, %d in the list, opened %v", l.Filter(), l.Len(), f.opened[opened:])
	}
	if cur, in := l.Current(); in || cur != 1 {
		t.Errorf("document 3 would be at %d of the done list (in it %v), want 1", cur, in)
	}
}

// TestListSearchOverAListByScore: a search shows its hits in import order over a list sorted
// by score, with the status and the sort choices waiting; a sort chosen meanwhile is kept
// for when the search is cleared, and the list sorted so comes back with the document open
// found in it, only the sort to choose.
func TestListSearchOverAListByScore(t *testing.T) {
	f := newListFixture(t)
	l, ctx := f.l, context.Background()
	f.suggestOn(t, 101, 400)
	s, err := f.st.Stats(ctx, "tester")
	if err != nil {
		t.Fatal(err)
	}
	l.ShowStats(s, nil)
	l.SetSort(true, "model-1")
	f.q.Wait()
	if l.Len() != 300 || f.open.Order != 400 {
		t.Fatalf("by score: %d in the list, %d open", l.Len(), f.open.Order)
	}
	f.showSearch(t, store.Query{Text: "مقال", For: "tester"})
	if !l.Searching() || l.Len() != SearchPageSize || !l.Choice.Disabled() || !l.Sort.Disabled() {
		t.Fatalf("searching %v, %d in the list, choices disabled %v %v",
			l.Searching(), l.Len(), l.Choice.Disabled(), l.Sort.Disabled())
	}
	if s, ok := l.Pager().Cached(0); !ok || s.Order != 2 {
		t.Errorf("the first hit is %d, want 2 (import order)", s.Order)
	}
	l.SetSort(true, "") // any source's
	f.q.Wait()
	if !l.Searching() || l.Len() != SearchPageSize {
		t.Fatalf("a sort chosen while searching: searching %v, %d in the list", l.Searching(), l.Len())
	}
	l.ClearSearch(nil)
	f.q.Wait()
	if by, src := l.SortedByScore(); l.Searching() || l.Len() != 300 || !by || src != "" {
		t.Fatalf("after clearing: searching %v, %d in the list, by score %v of %q", l.Searching(), l.Len(), by, src)
	}
	if !l.Choice.Disabled() || l.Sort.Disabled() {
		t.Errorf("after clearing: status choice disabled %v, sort disabled %v", l.Choice.Disabled(), l.Sort.Disabled())
	}
	if cur, in := l.Current(); !in || cur != 0 {
		t.Errorf("the document open (400) at %d (in the list %v), want 0", cur, in)
	}
	if s, err := l.Pager().Get(ctx, 299); err != nil || s.Order != 101 {
		t.Errorf("the surest is %d (%v), want 101", s.Order, err)
	}
}
