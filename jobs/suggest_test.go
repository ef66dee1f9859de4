package jobs

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/seeds"
	"github.com/tawsim/tawsim/store"
)

// statusProject makes a project of three texts naming طرابلس: amal labeled it in the first
// and marked it done, badr has the second in progress, nobody touched the third.
func statusProject(t *testing.T) (*store.Store, []string, string) {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	st, err := store.Open(filepath.Join(dir, "p.tawsim"))
	must(t, err)
	t.Cleanup(func() { st.Close() })
	must(t, seeds.Init(ctx, st, "admin"))
	texts := []string{"دخلت القوات طرابلس", "غادر الوفد طرابلس أمس", "في طرابلس والزاوية"}
	var docs []labels.Document
	for _, text := range texts {
		docs = append(docs, labels.Document{Text: text})
	}
	res, err := st.AddDocuments(ctx, docs)
	must(t, err)
	_, err = st.AddSpan(ctx, labels.Span{DocID: res.IDs[0], Annotator: "amal", Start: 12, End: 18, Text: "طرابلس",
		Label: "LOC", Kind: labels.KindEntity, Origin: labels.OriginManual})
	must(t, err)
	must(t, st.SetState(ctx, labels.DocState{DocID: res.IDs[0], Annotator: "amal", Status: labels.StatusDone}))
	must(t, st.SetState(ctx, labels.DocState{DocID: res.IDs[1], Annotator: "badr", Status: labels.StatusInProgress}))
	gaz := filepath.Join(dir, "places.tsv")
	write(t, gaz, "طرابلس\tLOC\nالزاوية\tloc\n", 0o644)
	return st, res.IDs, gaz
}

// suggestedOn returns, per document, how many suggestions it has.
func suggestedOn(t *testing.T, st *store.Store, ids []string) []int {
	t.Helper()
	var out []int
	for _, id := range ids {
		sgs, err := st.Suggestions(context.Background(), id, "")
		must(t, err)
		out = append(out, len(sgs))
	}
	return out
}

func TestSuggestStatusAndAnnotator(t *testing.T) {
	for _, c := range []struct {
		status    labels.Status
		annotator string
		want      []int
		skipped   int
	}{
		// Each طرابلس gets the gazetteer's LOC and propagation's (from amal's span).
		{"", "", []int{0, 2, 3}, 2},                          // amal's span leaves its طرابلس out
		{labels.StatusTodo, "", []int{0, 0, 3}, 0},           // nobody moved the third past todo
		{labels.StatusTodo, "amal", []int{0, 2, 3}, 0},       // amal has the second and third to do
		{labels.StatusInProgress, "badr", []int{0, 2, 0}, 0}, // badr's document in progress
		{labels.StatusDone, "badr", []int{0, 0, 0}, 0},
		{"", "badr", []int{2, 2, 3}, 0}, // amal's span does not make a suggestion needless for badr
	} {
		st, ids, gaz := statusProject(t)
		tally, err := Suggest(context.Background(), st, SuggestOptions{Gazetteers: []string{gaz}, Propagate: true,
			Status: c.status, Annotator: c.annotator})
		must(t, err)
		if got := suggestedOn(t, st, ids); !slices.Equal(got, c.want) || tally.Skipped != c.skipped {
			t.Errorf("status %q, annotator %q: suggestions %v, skipped %d; want %v, %d", c.status, c.annotator, got,
				tally.Skipped, c.want, c.skipped)
		}
		names := []string{tally.Sources[0].Name, tally.Sources[1].Name}
		if !slices.Equal(names, []string{"places.tsv", labels.SourcePropagation}) || tally.Sources[1].Entries != 1 {
			t.Errorf("sources %+v", tally.Sources)
		}
	}
}

func TestSuggestStoppedKeepsWhatItCommitted(t *testing.T) {
	st, ids, gaz := statusProject(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Suggest(ctx, st, SuggestOptions{Gazetteers: []string{gaz}})
	if err == nil {
		t.Fatal("a cancelled run ended without error")
	}
	if got := suggestedOn(t, st, ids); !slices.Equal(got, []int{0, 0, 0}) {
		t.Errorf("a run cancelled before it began wrote %v", got)
	}
}

func TestCovered(t *testing.T) {
	c := coveredBy([]labels.Annotated{
		{Annotator: "a", Spans: []labels.Span{{Start: 10, End: 30}, {Start: 12, End: 14}}},
		{Annotator: "b", Spans: []labels.Span{{Start: 40, End: 45}}},
	}, "")
	for _, k := range []struct {
		start, end int
		want       bool
	}{{0, 10, false}, {0, 11, true}, {29, 35, true}, {30, 40, false}, {20, 22, true}, {44, 50, true}, {45, 50, false}} {
		if got := c.overlaps(k.start, k.end); got != k.want {
			t.Errorf("[%d,%d): %v", k.start, k.end, got)
		}
	}
	if onlyB := coveredBy([]labels.Annotated{{Annotator: "a", Spans: []labels.Span{{Start: 10, End: 30}}}}, "b"); onlyB.overlaps(0, 100) {
		t.Error("another annotator's span counted")
	}
}
