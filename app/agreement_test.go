package app

import (
	"context"
	"slices"
	"testing"

	"github.com/tawsim/tawsim/app/agreementview"
	"github.com/tawsim/tawsim/jobs"
)

// TestAgreementWindow: over a project merged from three annotators' projects, Team →
// Agreement… shows span F1 of each pair in a grid, as tawsimctl agreement counts it; a click
// on a document of its list opens that document in the main window, in Review mode for the
// curator, who is none of the annotators compared.
func TestAgreementWindow(t *testing.T) {
	f := openFixture(t, teamProject(t), "gold")
	w := f.w
	start(t, w, f.shown)
	menuItem(t, w, "Agreement…").Action()
	w.q.Wait()
	if w.agreement == nil || !w.agreement.review.Checked {
		t.Fatal("the Agreement window is not there, or does not open documents in Review mode for a curator")
	}
	v := w.agreement.view
	want, err := jobs.Agreement(context.Background(), w.cfg.Store, jobs.AgreementOptions{})
	if err != nil {
		t.Fatal(err)
	}
	figure := func(a, b string) string {
		for _, p := range want.Report.Spans.Pairs {
			if p.A == a && p.B == b {
				return agreementview.Figure(p.F1)
			}
		}
		t.Fatalf("no pair %s, %s", a, b)
		return ""
	}
	var got [][]string
	for _, r := range v.Spans().Rows {
		var row []string
		for _, c := range r {
			row = append(row, c.Text)
		}
		got = append(got, row)
	}
	grid := [][]string{
		{"", "amal", "badr", "chadi"},
		{"amal", "—", "0.6667", "0.8000"},
		{"badr", "0.6667", "—", "0.4286"},
		{"chadi", "0.8000", "0.4286", "—"},
	}
	if !slices.EqualFunc(got, grid, slices.Equal) {
		t.Fatalf("the grid:\n%q\nwant\n%q", got, grid)
	}
	if grid[1][2] != figure("amal", "badr") || grid[1][3] != figure("amal", "chadi") || grid[2][3] != figure("badr", "chadi") {
		t.Errorf("the grid differs from tawsimctl's figures: %v", want.Report.Spans.Pairs)
	}
	if c := v.Spans().Rows[2][3]; c.Fill != agreementview.Scale(6.0/14) {
		t.Errorf("badr–chadi is coloured %v", c.Fill)
	}

	// the list: the first document disagrees most (5 unmatched spans, a stance apart)
	docs := v.Docs().Shown()
	if len(docs) != 3 || docs[0].Doc.Order != 1 || docs[0].StanceDisagreements != 1 {
		t.Fatalf("the documents: %+v", docs)
	}
	w.list.Move(2) // the third document open
	w.q.Wait()
	v.Docs().List.Select(0)
	w.q.Wait()
	if !w.review.on || w.ed.doc.ID != docs[0].Doc.ID || current(w) != 0 {
		t.Fatalf("a click on the first row: review on %v, open %q at %d", w.review.on, w.ed.doc.Title, current(w))
	}
	if w.view.article.LaneCount() != 3 || len(w.review.work.Work) < 3 {
		t.Errorf("the document opened in review with %d lanes, %d annotators' work", w.view.article.LaneCount(), len(w.review.work.Work))
	}
}

// TestAgreementTitleNamesServerProject: the Agreement window names a server project as the
// main window's title does, by its URL (without a password), not by the URL's last part.
func TestAgreementTitleNamesServerProject(t *testing.T) {
	w, shown := openWindow(t)
	start(t, w, shown)
	const url = "postgres://amal@db.example/newsroom"
	w.cfg.Path = url // as adopt names a project opened on a server
	menuItem(t, w, "Agreement…").Action()
	w.q.Wait()
	if w.agreement == nil {
		t.Fatal("no Agreement window")
	}
	if got := w.agreement.win.Title(); got != "Agreement — "+url {
		t.Errorf("the Agreement window's title is %q", got)
	}
}
