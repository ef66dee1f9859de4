package agreementview

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"github.com/tawsim/tawsim/agreement"
	"github.com/tawsim/tawsim/app/article"
	"github.com/tawsim/tawsim/app/internal/uitest"
	"github.com/tawsim/tawsim/app/work"
	"github.com/tawsim/tawsim/jobs"
	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/seeds"
	"github.com/tawsim/tawsim/store"
)

// The texts of the test project: the same name in each, so that spans are easy to place.
var texts = []string{"قال المسماري إن الجيش دخل طرابلس", "زار المسماري مصراتة ثم سرت", "عاد المسماري إلى بنغازي"}

// ent returns an entity span of annotator on text at code points [start, end).
func ent(doc, text, annotator string, start, end int, label string) labels.Span {
	t, _ := labels.Slice(text, start, end)
	return labels.Span{DocID: doc, Annotator: annotator, Start: start, End: end, Text: t, Label: label, Kind: labels.KindEntity, Origin: labels.OriginManual}
}

// project makes a project where amal, badr and chadi labeled three documents: on the first
// all three agree (المسماري PERS, طرابلس LOC); on the second badr calls مصراتة an ORG; on
// the third chadi has nothing and badr a LOC less. Toward lna amal and badr say FAVOR on the
// first document and chadi AGAINST.
func project(t *testing.T) (*store.Store, []string) {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(filepath.Join(t.TempDir(), "team.tawsim"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := seeds.Init(ctx, st, "amal"); err != nil {
		t.Fatal(err)
	}
	var docs []labels.Document
	for _, x := range texts {
		docs = append(docs, labels.Document{Title: x, Text: x})
	}
	res, err := st.AddDocuments(ctx, docs)
	if err != nil {
		t.Fatal(err)
	}
	ids := res.IDs
	spans := map[string][]labels.Span{}
	for _, a := range []string{"amal", "badr", "chadi"} {
		spans[a] = append(spans[a], ent(ids[0], texts[0], a, 4, 12, "PERS"), ent(ids[0], texts[0], a, 26, 32, "LOC"), ent(ids[1], texts[1], a, 4, 12, "PERS"))
	}
	spans["amal"] = append(spans["amal"], ent(ids[1], texts[1], "amal", 13, 19, "LOC"), ent(ids[2], texts[2], "amal", 4, 12, "PERS"), ent(ids[2], texts[2], "amal", 17, 23, "LOC"))
	spans["badr"] = append(spans["badr"], ent(ids[1], texts[1], "badr", 13, 19, "ORG"), ent(ids[2], texts[2], "badr", 4, 12, "PERS"))
	spans["chadi"] = append(spans["chadi"], ent(ids[1], texts[1], "chadi", 13, 19, "LOC"))
	for a, list := range spans {
		if _, err := st.AddSpans(ctx, list); err != nil {
			t.Fatal(err)
		}
		for _, id := range ids {
			if err := st.SetState(ctx, labels.DocState{DocID: id, Annotator: a, Status: labels.StatusDone}); err != nil {
				t.Fatal(err)
			}
		}
		label := map[string]string{"amal": "FAVOR", "badr": "FAVOR", "chadi": "AGAINST"}[a]
		if err := st.SetDocStance(ctx, labels.DocStance{DocID: ids[0], Annotator: a, Target: "lna", Label: label}); err != nil {
			t.Fatal(err)
		}
	}
	return st, ids
}

// texts of a grid's cells, row by row.
func cells(g *Grid) [][]string {
	var out [][]string
	for _, r := range g.Rows {
		var row []string
		for _, c := range r {
			row = append(row, c.Text)
		}
		out = append(out, row)
	}
	return out
}

func TestViewCountsAndSorts(t *testing.T) {
	test.NewTempApp(t)
	st, ids := project(t)
	q := work.New(make(chan func()))
	t.Cleanup(q.Stop)
	v := New(q)
	var opened []string
	v.OnOpen = func(id string) { opened = append(opened, id) }
	v.SetProject(st, []string{"amal", "badr", "chadi", "gold"}, "gold")
	q.Wait()
	want, err := jobs.Agreement(context.Background(), st, jobs.AgreementOptions{Annotators: []string{"amal", "badr", "chadi"}, Documents: true})
	if err != nil {
		t.Fatal(err)
	}
	f1 := func(a, b string) string {
		i := slices.IndexFunc(want.Report.Spans.Pairs, func(p agreement.SpanPair) bool { return p.A == a && p.B == b })
		return Figure(want.Report.Spans.Pairs[i].F1)
	}
	got := cells(v.Spans())
	wantCells := [][]string{
		{"", "amal", "badr", "chadi"},
		{"amal", "—", f1("amal", "badr"), f1("amal", "chadi")},
		{"badr", f1("amal", "badr"), "—", f1("badr", "chadi")},
		{"chadi", f1("amal", "chadi"), f1("badr", "chadi"), "—"},
	}
	if !slices.EqualFunc(got, wantCells, slices.Equal) {
		t.Fatalf("the matrix:\n%q\nwant\n%q", got, wantCells)
	}
	// amal and badr: 6 and 5 spans, 4 matches: 8/11
	if wantCells[1][2] != "0.7273" {
		t.Errorf("amal–badr F1 %s, want 0.7273", wantCells[1][2])
	}
	if !drawn(v.Spans().Object(), "0.7273") || !drawn(v.Spans().Object(), "chadi") {
		t.Error("the figures or the names of the grid are not drawn")
	}
	if c := v.Spans().Rows[1][2]; c.Fill != Scale(8.0/11) {
		t.Errorf("the cell of 0.7273 is coloured %v, want %v", c.Fill, Scale(8.0/11))
	}
	if Scale(0) == Scale(1) || Scale(0.5) == Scale(1) {
		t.Error("the scale does not tell 0, 0.5 and 1 apart")
	}
	labelsGrid := cells(v.Labels())
	if labelsGrid[0][1] != "amal – badr" || labelsGrid[1][0] != "LOC" || labelsGrid[2][0] != "ORG" || labelsGrid[3][0] != "PERS" || labelsGrid[3][1] != "1.0000" {
		t.Errorf("per label: %q", labelsGrid)
	}
	if tg := cells(v.Targets()); len(tg) != 4 || tg[1][0] != "Libyan National Army" || tg[1][1] != "1" || tg[1][2] != "3" || tg[1][3] != "0.0000" || tg[2][3] != "n/a" {
		t.Errorf("per target: %q", tg)
	}
	if k := cells(v.Kappa()); len(k) != 4 || k[1][2] != "n/a" {
		t.Errorf("kappa toward lna (one document, one label a pair): %q", k)
	}

	// most disagreement first: the third and the second (4 unmatched each; the third has the lower F1), the first
	docs := v.Docs().Shown()
	var order []int64
	for _, d := range docs {
		order = append(order, d.Doc.Order)
	}
	if want := []int64{3, 2, 1}; !slices.Equal(order, want) {
		t.Errorf("the documents, most disagreement first: %v, want %v", order, want)
	}
	v.docs.order.SetSelectedIndex(3) // document order
	if first := v.Docs().Shown()[0].Doc.ID; first != ids[0] {
		t.Errorf("in document order the first is %s", first)
	}
	v.docs.order.SetSelectedIndex(2) // most stance differences
	if first := v.Docs().Shown()[0].Doc.ID; first != ids[0] {
		t.Errorf("by stance differences the first is %s, want the one chadi rated AGAINST", first)
	}
	v.Docs().List.Select(1)
	if len(opened) != 1 || opened[0] != v.Docs().Shown()[1].Doc.ID {
		t.Errorf("a click on the second row opened %v", opened)
	}

	// leaving chadi out recounts
	v.Annotators.SetSelected([]string{"amal", "badr"})
	q.Wait()
	if got := cells(v.Spans()); len(got) != 3 || got[1][2] != "0.7273" {
		t.Errorf("amal and badr alone: %q", got)
	}
	v.Status.SetSelected("flagged")
	q.Wait()
	if p := v.Result().Report.Spans.Pairs; len(p) != 1 || p[0].Documents != 0 || cells(v.Spans())[1][2] != "n/a" || v.Said() != "No document was worked on by two of these annotators with work of that status." {
		t.Errorf("over flagged work: %+v, says %q", v.Result().Report.Spans.Pairs, v.Said())
	}
}

// drawn reports whether o draws text: a canvas.Text, or a label, among the objects Fyne
// draws of it.
func drawn(o fyne.CanvasObject, text string) bool {
	for _, c := range uitest.Objects(o) {
		switch c := c.(type) {
		case *canvas.Text:
			if c.Text == text {
				return true
			}
		case *article.Label:
			if c.Text() == text {
				return true
			}
		}
	}
	return false
}
