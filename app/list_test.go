package app

import (
	"context"
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

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

// statusOf is the status the tests give document number order (1-based): of every six, two
// done, one skipped, one flagged, one in progress, one to do; the sample article stays to do.
func statusOf(order int64) labels.Status {
	if order == 1 {
		return labels.StatusTodo
	}
	return []labels.Status{labels.StatusDone, labels.StatusDone, labels.StatusSkipped,
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
	if w.count != 1301 {
		t.Fatalf("list of %d documents, want 1301", w.count)
	}
	rows := rowsOf(w.list)
	if len(rows) < 6 {
		t.Fatalf("%d rows shown", len(rows))
	}
	for i, r := range rows[:6] {
		if want := statusText(statusOf(int64(i + 1))); r.status.Text() != want || r.marker.status != statusOf(int64(i+1)) {
			t.Errorf("row %d shows %q, want %q", i, r.status.Text(), want)
		}
	}
	ctx := context.Background()
	for _, s := range labels.Statuses {
		w.filterSel.SetSelected(statusText(s))
		w.wait()
		orders := want[s]
		if w.count != len(orders) || w.filter != s {
			t.Fatalf("%s: the list has %d documents, want %d", s, w.count, len(orders))
		}
		// read the pages in an order that leaves some without a neighbour in memory
		fresh := w.newPager(w.cfg.Store, "tester", s)
		for _, i := range []int{len(orders) - 1, 3 * pageSize / 2, 0, pageSize, len(orders) / 2} {
			if i >= len(orders) {
				continue
			}
			for _, p := range []*pager{w.docs, fresh} {
				sm, err := p.get(ctx, i)
				if err != nil {
					t.Fatalf("%s: item %d: %v", s, i, err)
				}
				if sm.Order != orders[i] || sm.Status != s {
					t.Errorf("%s: item %d is document %d (%s), want %d", s, i, sm.Order, sm.Status, orders[i])
				}
			}
		}
		if _, err := fresh.get(ctx, len(orders)); err == nil {
			t.Errorf("%s: an item past the end was found", s)
		}
		for _, o := range []int64{orders[0], orders[len(orders)-1], orders[len(orders)/3]} {
			at, in, err := newPager(w.cfg.Store, "tester", s, nil).indexOf(ctx, o)
			if err != nil || !in || orders[at] != o {
				t.Errorf("%s: indexOf(%d) = %d, %v, %v", s, o, at, in, err)
			}
		}
	}

	// in the done list, the document open is the first done one; undoing nothing, skipping it
	// takes it out of the list, and the list pages on without it
	w.filterSel.SetSelected("done")
	w.wait()
	next(t, f.shown)
	if w.doc.Order != want[labels.StatusDone][0] || w.current != 0 || !w.inList {
		t.Fatalf("the done list opened document %d at %d", w.doc.Order, w.current)
	}
	press(w, "s")
	done := want[labels.StatusDone][1:]
	if w.count != len(done) || w.doc.Order != done[0] || w.current != 0 {
		t.Fatalf("after skipping: %d in the list, document %d at %d", w.count, w.doc.Order, w.current)
	}
	for _, i := range []int{len(done) - 1, pageSize, 0} {
		sm, err := w.docs.get(ctx, i)
		if err != nil || sm.Order != done[i] {
			t.Errorf("after skipping, item %d is %d (%v), want %d", i, sm.Order, err, done[i])
		}
	}
	w.filterSel.SetSelected(filterAll)
	w.wait()
	if w.count != 1301 || w.current != int(w.doc.Order-1) || !w.inList {
		t.Errorf("back to all: %d documents, current %d for document %d", w.count, w.current, w.doc.Order)
	}
}

func TestListRowUpdates(t *testing.T) {
	w, shown := openWindow(t, manyDocs(450)...)
	start(t, w, shown)
	ctx := context.Background()
	for _, i := range []int{449, 450} {
		if _, err := w.docs.get(ctx, i); err != nil {
			t.Fatal(err)
		}
	}
	w.list.Select(449)
	w.wait()
	next(t, shown)
	if w.doc.Order != 450 {
		t.Fatalf("document %d open, want 450", w.doc.Order)
	}
	press(w, "d")
	if s, _ := w.docs.cached(449); s.Status != labels.StatusDone {
		t.Errorf("the cached row of the document done says %q", s.Status)
	}
	if w.doc.Order != 451 {
		t.Errorf("document %d open, want 451", w.doc.Order)
	}
}

// TestRowStatusNeverRunsIntoTheTitle shows one row with each status in turn, as the list
// reuses a row, and holds the title clear of the status and titles in one column.
func TestRowStatusNeverRunsIntoTheTitle(t *testing.T) {
	test.NewTempApp(t)
	r := newRow().(*row)
	win := test.NewWindow(r)
	defer win.Close()
	win.Resize(fyne.NewSize(320, 40))
	var titleX float32 = -1
	for _, s := range append([]labels.Status{labels.StatusTodo}, labels.Statuses...) {
		r.set(labels.Summary{Order: 12, Title: "تقهقر الميليشيات في طرابلس مع تقدم الجيش الليبي", Status: s}, true)
		// the text needs MinSize: a label laid out narrower draws past its edge
		statusEnd := absolute(r.status).X + max(r.status.Size().Width, r.status.MinSize().Width)
		x := absolute(r.title).X
		if x < statusEnd {
			t.Errorf("%s: the title starts at %v, inside the status, which ends at %v", s, x, statusEnd)
		}
		if titleX >= 0 && x != titleX {
			t.Errorf("%s: the title starts at %v, after %v for another status", s, x, titleX)
		}
		titleX = x
	}
}

// absolute returns where o is in its canvas.
func absolute(o fyne.CanvasObject) fyne.Position {
	return fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
}
