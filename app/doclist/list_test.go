package doclist

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/work"
	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/seeds"
	"github.com/tawsim/tawsim/store"
)

// listFixture is a list over a project of the sample article and 450 short documents, of
// which every third (from the second) is done for "tester", with the document it opened.
type listFixture struct {
	l      *List
	q      *work.Queue
	st     *store.Store
	opened []int // the items OnOpen was called with
	open   labels.Summary
}

func newListFixture(t *testing.T) *listFixture {
	t.Helper()
	test.NewTempApp(t)
	ctx := context.Background()
	st, err := seeds.OpenSample(ctx, filepath.Join(t.TempDir(), "list.tawsim"), "tester")
	if err != nil {
		t.Fatal(err)
	}
	docs := make([]labels.Document, 450)
	for i := range docs {
		docs[i] = labels.Document{Title: fmt.Sprintf("مقال %d", i+2), Text: fmt.Sprintf("مقال %d\nنص.", i+2)}
	}
	res, err := st.AddDocuments(ctx, docs)
	if err != nil {
		t.Fatal(err)
	}
	for i, id := range res.IDs {
		if i%3 == 0 {
			if err := st.SetState(ctx, labels.DocState{DocID: id, Annotator: "tester", Status: labels.StatusDone}); err != nil {
				t.Fatal(err)
			}
		}
	}
	f := &listFixture{q: work.New(make(chan func())), st: st}
	t.Cleanup(func() { f.q.Stop(); st.Close() })
	f.l = New(f.q)
	f.l.OnOpen = func(i int) {
		f.opened = append(f.opened, i)
		s, err := f.l.Pager().Get(ctx, i)
		if err != nil {
			t.Fatal(err)
		}
		f.open = s
	}
	f.l.Open = func() (string, int64) { return f.open.ID, f.open.Order }
	f.l.OnError = func(err error) { t.Error(err) }
	f.l.OnWarn = func(s string) { t.Error(s) }
	p := f.l.NewPager(st, "tester", "")
	if _, err := p.Fetch(ctx, 0); err != nil {
		t.Fatal(err)
	}
	f.l.SetProject(st, "tester", p, 451)
	f.q.Wait()
	return f
}

// TestListMovesAndFilters: the list opens the first document not done, moves with the keys,
// and keeps the document open selected when the filter changes.
func TestListMovesAndFilters(t *testing.T) {
	f := newListFixture(t)
	l := f.l
	if l.Len() != 451 || l.Total() != 451 || l.Empty() != "" {
		t.Fatalf("%d in the list, %d in all, empty %q", l.Len(), l.Total(), l.Empty())
	}
	if got := l.Progress.TextFormatter(); got != "150 / 451 done" {
		t.Errorf("progress %q", got)
	}
	l.Resume()
	f.q.Wait()
	if len(f.opened) != 1 || f.opened[0] != 0 {
		t.Fatalf("Resume opened %v, want the sample, to do", f.opened)
	}
	if !l.Move(1) || f.open.Order != 2 {
		t.Fatalf("Move(1) opened document %d", f.open.Order)
	}
	l.Move(1) // document 3, to do
	if l.Move(-5) {
		t.Error("Move went before the first document")
	}
	l.Choice.SetSelected(StatusText(labels.StatusDone))
	f.q.Wait()
	if l.Len() != 150 || l.Filter() != labels.StatusDone {
		t.Fatalf("the done list has %d documents, filter %q", l.Len(), l.Filter())
	}
	// document 3 is not done: the first done one opens
	if f.open.Order != 2 {
		t.Errorf("the done list opened document %d, want 2", f.open.Order)
	}
	// it leaves the list when it is skipped; the document open stays where it would be
	skipped := labels.DocState{DocID: f.open.ID, Annotator: "tester", Status: labels.StatusSkipped}
	if err := f.st.SetState(context.Background(), skipped); err != nil {
		t.Fatal(err)
	}
	l.StatusChanged(f.open.ID, f.open.Order, labels.StatusDone, labels.StatusSkipped, nil)
	f.q.Wait()
	if cur, in := l.Current(); l.Len() != 149 || cur != 0 || in {
		t.Errorf("after skipping: %d in the list, the open one at %d (in it %v)", l.Len(), cur, in)
	}
	if s, err := l.Pager().Get(context.Background(), 0); err != nil || s.Order != 5 {
		t.Errorf("the first done document is %d (%v), want 5", s.Order, err)
	}
	l.SetFilter(labels.StatusFlagged, nil)
	f.q.Wait()
	if l.Len() != 0 || !strings.HasPrefix(l.Empty(), "No document is flagged.") {
		t.Errorf("the flagged list: %d documents, says %q", l.Len(), l.Empty())
	}
}

// TestListGrowsWithAnImportElsewhere: documents added by another program come at the end of
// the list, which grows in place.
func TestListGrowsWithAnImportElsewhere(t *testing.T) {
	f := newListFixture(t)
	ctx := context.Background()
	if _, err := f.st.AddDocuments(ctx, []labels.Document{{Title: "جديد", Text: "جديد\nنص."}}); err != nil {
		t.Fatal(err)
	}
	s, err := f.st.Stats(ctx, "tester")
	if err != nil {
		t.Fatal(err)
	}
	f.l.ProjectChanged(s)
	f.q.Wait()
	if f.l.Len() != 452 || f.l.Total() != 452 || len(f.opened) != 1 {
		t.Errorf("after an import elsewhere: %d in the list, %d in all; opened %v", f.l.Len(), f.l.Total(), f.opened)
	}
	if s, err := f.l.Pager().Get(ctx, 451); err != nil || s.Title != "جديد" {
		t.Errorf("the last item is %q (%v)", s.Title, err)
	}
}

// TestCuratedStatus: a curator's curated documents have a colour of their own in the list, a
// choice of the status filter, and a count beside the progress.
func TestCuratedStatus(t *testing.T) {
	f := newListFixture(t)
	l := f.l
	seen := map[fyne.ThemeColorName]labels.Status{}
	for _, s := range labels.Statuses {
		if s == labels.StatusSkipped {
			continue // grey, as to do
		}
		c := StatusColor(s)
		if o, ok := seen[c]; ok {
			t.Errorf("%s has the colour of %s (%s)", s, o, c)
		}
		seen[c] = s
	}
	ctx := context.Background()
	for _, order := range []int64{4, 7} {
		s, err := l.Pager().Get(ctx, int(order-1))
		if err != nil {
			t.Fatal(err)
		}
		if err := f.st.SetState(ctx, labels.DocState{DocID: s.ID, Annotator: "tester", Status: labels.StatusCurated}); err != nil {
			t.Fatal(err)
		}
	}
	l.RefreshStats()
	f.q.Wait()
	if counts := l.counts.(*widget.Label).Text; counts != "299 to do · 2 curated" || l.Progress.TextFormatter() != "152 / 451 done" {
		t.Errorf("the counts say %q, the progress %q", counts, l.Progress.TextFormatter())
	}
	if !slices.Contains(l.Choice.Options, "curated") {
		t.Fatalf("the filter offers %v", l.Choice.Options)
	}
	l.Choice.SetSelected("curated")
	f.q.Wait()
	if l.Len() != 2 || l.Filter() != labels.StatusCurated {
		t.Fatalf("the curated list: %d documents, filter %q", l.Len(), l.Filter())
	}
	if s, err := l.Pager().Get(ctx, 1); err != nil || s.Order != 7 || s.Status != labels.StatusCurated {
		t.Errorf("the second curated document: %+v (%v)", s, err)
	}
}
