package doclist

import (
	"context"
	"testing"

	"github.com/tawsim/tawsim/labels"
)

// TestListByScorePages: 300 of the fixture's documents get a suggestion whose score falls
// with their order, so that the least sure first is their import order backwards. The list
// pages through them (a page read after the one before, and one read with none before it),
// finds a document in it, and follows a run elsewhere that suggests on more documents.
func TestListByScorePages(t *testing.T) {
	f := newListFixture(t)
	ctx := context.Background()
	f.suggestOn(t, 101, 400)
	s, err := f.st.Stats(ctx, "tester")
	if err != nil {
		t.Fatal(err)
	}
	f.l.ShowStats(s, nil)
	if len(f.l.Sort.Options) != 3 || !f.l.Sort.Visible() {
		t.Fatalf("sort choices %q", f.l.Sort.Options)
	}
	f.l.Sort.SetSelected(sortOption(true, "model-1"))
	f.q.Wait()
	if by, src := f.l.SortedByScore(); f.l.Len() != 300 || !by || src != "model-1" {
		t.Fatalf("by score: %d in the list (%v %q)", f.l.Len(), by, src)
	}
	if f.open.Order != 400 {
		t.Errorf("the least sure document is not open: %d", f.open.Order)
	}
	p := f.l.Pager()
	for _, c := range []struct{ i, order int }{{299, 101}, {0, 400}, {200, 200}, {250, 150}} {
		if s, err := p.Get(ctx, c.i); err != nil || s.Order != int64(c.order) {
			t.Errorf("item %d: %d (%v), want document %d", c.i, s.Order, err, c.order)
		}
	}
	if at, in, err := p.IndexOf(ctx, 150); err != nil || at != 250 || !in {
		t.Errorf("document 150 at %d (%v, %v)", at, in, err)
	}
	if at, in, err := p.IndexOf(ctx, 50); err != nil || in {
		t.Errorf("document 50, without suggestions, at %d (%v, %v)", at, in, err)
	}
	f.suggestOn(t, 1, 1) // a run elsewhere
	s, err = f.st.Stats(ctx, "tester")
	if err != nil {
		t.Fatal(err)
	}
	f.l.ProjectChanged(s)
	f.q.Wait()
	if f.l.Len() != 301 {
		t.Errorf("after a run elsewhere %d in the list", f.l.Len())
	}
	if s, err := f.l.Pager().Get(ctx, 300); err != nil || s.Order != 1 {
		t.Errorf("the surest is %d (%v), want the sample", s.Order, err)
	}
}

// suggestOn gives the fixture's documents of import orders [from, to] a suggestion of
// "model-1" each, whose score falls with their order (the sample's, order 1, on its first
// word).
func (f *listFixture) suggestOn(t *testing.T, from, to int64) {
	t.Helper()
	ctx := context.Background()
	byOrder := NewPager(f.st, "tester", "", nil)
	run, err := f.st.BeginSuggestions(ctx, []string{"model-1"}, false)
	if err != nil {
		t.Fatal(err)
	}
	defer run.Rollback()
	for order := from; order <= to; order++ {
		s, err := byOrder.Get(ctx, int(order-1))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := f.st.Document(ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		g := labels.Suggestion{DocID: doc.ID, Start: 0, End: 3, Text: "مقا", Label: "MISC", Source: "model-1",
			Score: 1 - float64(order)/1000}
		if order == 1 {
			g.End, g.Text = 5, "تقهقر"
		}
		if err := run.Put(doc, []labels.Suggestion{g}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := run.Commit(); err != nil {
		t.Fatal(err)
	}
}
