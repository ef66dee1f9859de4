package app

import (
	"context"
	"fmt"
	"testing"

	"github.com/tawsim/tawsim/app/doclist"
	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// manyDocs returns n short documents.
func manyDocs(n int) []labels.Document {
	docs := make([]labels.Document, n)
	for i := range docs {
		docs[i] = labels.Document{Title: fmt.Sprintf("مقال %d", i+2), Text: fmt.Sprintf("مقال %d\nنص.", i+2)}
	}
	return docs
}

// statusOf is the status the tests give document number order (1-based): of every six, one
// done, one curated, one skipped, one flagged, one in progress, one to do; the sample article
// stays to do.
func statusOf(order int64) labels.Status {
	if order == 1 {
		return labels.StatusTodo
	}
	return []labels.Status{labels.StatusDone, labels.StatusCurated, labels.StatusSkipped,
		labels.StatusFlagged, labels.StatusInProgress, labels.StatusTodo}[order%6]
}

// setStatuses gives the documents of the project at path their statusOf, for "tester".
func setStatuses(t *testing.T, path string) map[labels.Status][]int64 {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	docs, err := st.Documents(ctx, store.Page{Limit: 10_000})
	if err != nil {
		t.Fatal(err)
	}
	want := map[labels.Status][]int64{}
	for _, d := range docs {
		s := statusOf(d.Order)
		want[s] = append(want[s], d.Order)
		if s == labels.StatusTodo {
			continue
		}
		if err := st.SetState(ctx, labels.DocState{DocID: d.ID, Annotator: "tester", Status: s}); err != nil {
			t.Fatal(err)
		}
	}
	return want
}

func TestListFilterPages(t *testing.T) {
	path := newProject(t, manyDocs(1300)...)
	want := setStatuses(t, path)
	f := openFixture(t, path, "tester")
	w := f.w
	start(t, w, f.shown)
	if w.list.Len() != 1301 {
		t.Fatalf("list of %d documents, want 1301", w.list.Len())
	}
	rows := rowsOf(w.list.Rows)
	if len(rows) < 6 {
		t.Fatalf("%d rows shown", len(rows))
	}
	for i, r := range rows[:6] {
		if want := doclist.StatusText(statusOf(int64(i + 1))); shownStatus(r) != want || r.Status() != statusOf(int64(i+1)) {
			t.Errorf("row %d shows %q, want %q", i, shownStatus(r), want)
		}
	}
	ctx := context.Background()
	for _, s := range labels.Statuses {
		w.list.Choice.SetSelected(doclist.StatusText(s))
		w.q.Wait()
		orders := want[s]
		if w.list.Len() != len(orders) || w.list.Filter() != s {
			t.Fatalf("%s: the list has %d documents, want %d", s, w.list.Len(), len(orders))
		}
		// read the pages in an order that leaves some without a neighbour in memory
		fresh := w.list.NewPager(w.cfg.Store, "tester", s)
		for _, i := range []int{len(orders) - 1, 3 * doclist.PageSize / 2, 0, doclist.PageSize, len(orders) / 2} {
			if i >= len(orders) {
				continue
			}
			for _, p := range []*doclist.Pager{w.list.Pager(), fresh} {
				sm, err := p.Get(ctx, i)
				if err != nil {
					t.Fatalf("%s: item %d: %v", s, i, err)
				}
				if sm.Order != orders[i] || sm.Status != s {
					t.Errorf("%s: item %d is document %d (%s), want %d", s, i, sm.Order, sm.Status, orders[i])
				}
			}
		}
		if _, err := fresh.Get(ctx, len(orders)); err == nil {
			t.Errorf("%s: an item past the end was found", s)
		}
		for _, o := range []int64{orders[0], orders[len(orders)-1], orders[len(orders)/3]} {
			at, in, err := doclist.NewPager(w.cfg.Store, "tester", s, nil).IndexOf(ctx, o)
			if err != nil || !in || orders[at] != o {
				t.Errorf("%s: indexOf(%d) = %d, %v, %v", s, o, at, in, err)
			}
		}
	}

	// in the done list, the document open is the first done one; undoing nothing, skipping it
	// takes it out of the list, and the list pages on without it
	w.list.Choice.SetSelected("done")
	w.q.Wait()
	next(t, f.shown)
	if w.ed.doc.Order != want[labels.StatusDone][0] || current(w) != 0 || !inList(w) {
		t.Fatalf("the done list opened document %d at %d", w.ed.doc.Order, current(w))
	}
	press(w, "s")
	done := want[labels.StatusDone][1:]
	if w.list.Len() != len(done) || w.ed.doc.Order != done[0] || current(w) != 0 {
		t.Fatalf("after skipping: %d in the list, document %d at %d", w.list.Len(), w.ed.doc.Order, current(w))
	}
	for _, i := range []int{len(done) - 1, doclist.PageSize, 0} {
		sm, err := w.list.Pager().Get(ctx, i)
		if err != nil || sm.Order != done[i] {
			t.Errorf("after skipping, item %d is %d (%v), want %d", i, sm.Order, err, done[i])
		}
	}
	w.list.Choice.SetSelected("All")
	w.q.Wait()
	if w.list.Len() != 1301 || current(w) != int(w.ed.doc.Order-1) || !inList(w) {
		t.Errorf("back to all: %d documents, current %d for document %d", w.list.Len(), current(w), w.ed.doc.Order)
	}
}

func TestListRowUpdates(t *testing.T) {
	w, shown := openWindow(t, manyDocs(450)...)
	start(t, w, shown)
	ctx := context.Background()
	for _, i := range []int{449, 450} {
		if _, err := w.list.Pager().Get(ctx, i); err != nil {
			t.Fatal(err)
		}
	}
	w.list.Rows.Select(449)
	w.q.Wait()
	next(t, shown)
	if w.ed.doc.Order != 450 {
		t.Fatalf("document %d open, want 450", w.ed.doc.Order)
	}
	press(w, "d")
	if s, _ := w.list.Pager().Cached(449); s.Status != labels.StatusDone {
		t.Errorf("the cached row of the document done says %q", s.Status)
	}
	if w.ed.doc.Order != 451 {
		t.Errorf("document %d open, want 451", w.ed.doc.Order)
	}
}
