package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/goccy/go-json"

	wiki "github.com/tawsim/tawsim/internal/aqmar"
	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// aqmarSuggest is the copy of the AQMAR articles that package suggest tests with.
const aqmarSuggest = "../../suggest/testdata/aqmar/"

// aqmarProject makes a project of the 14 AQMAR articles: those of even rank (in name order)
// with their gold entities as the spans of annotator "gold", the others as plain texts. It
// returns the project, a gazetteer of the gold of the even ones (a line per entity), and the
// articles of odd rank.
func aqmarProject(t *testing.T) (db, gazetteer string, odd []wiki.Doc) {
	t.Helper()
	files, _ := filepath.Glob(aqmarSuggest + "*.txt")
	if len(files) != 14 {
		t.Fatalf("%d AQMAR articles", len(files))
	}
	dir := t.TempDir()
	var records, gaz strings.Builder
	for i, f := range files {
		d, err := wiki.Read(f)
		must(t, err)
		rec := map[string]any{"external_id": d.Name, "text": d.Text}
		if i%2 == 0 {
			var ents []map[string]any
			for _, sp := range d.Gold {
				ents = append(ents, map[string]any{"start": sp.Start, "end": sp.End, "label": sp.Label, "text": sp.Text})
				fmt.Fprintf(&gaz, "%s\t%s\n", sp.Text, sp.Label)
			}
			rec["annotator"], rec["entities"] = "gold", ents
		} else {
			odd = append(odd, d)
		}
		line, err := json.Marshal(rec)
		must(t, err)
		records.Write(append(line, '\n'))
	}
	db = filepath.Join(dir, "aqmar.tawsim")
	importOK(t, db, "--format", "jsonl", "--add-labels", writeFile(t, dir, "aqmar.jsonl", records.String()))
	return db, writeFile(t, dir, "aqmar-even.tsv", gaz.String()), odd
}

// aqmarScore counts strict matches of the best suggestion of source on each span (the
// highest score, then the first label) against the gold of docs, as package suggest's
// AQMAR test does: true positives, false positives, false negatives.
func aqmarScore(t *testing.T, st *store.Store, source string, docs []wiki.Doc) [3]int {
	t.Helper()
	ids := docIDs(t, st.Path())
	var tp, fp, fn int
	for _, d := range docs {
		sgs, err := st.Suggestions(context.Background(), ids[d.Name], "")
		must(t, err)
		type place struct{ start, end int }
		best := map[place]labels.Suggestion{}
		for _, g := range sgs {
			p := place{g.Start, g.End}
			if b, ok := best[p]; g.Source == source && (!ok || g.Score > b.Score) {
				best[p] = g
			}
		}
		gold := map[labels.Suggestion]bool{}
		for _, sp := range d.Gold {
			gold[labels.Suggestion{Start: sp.Start, End: sp.End, Label: sp.Label}] = true
		}
		for _, g := range best {
			k := labels.Suggestion{Start: g.Start, End: g.End, Label: g.Label}
			if gold[k] {
				tp++
				delete(gold, k)
			} else {
				fp++
			}
		}
		fn += len(gold)
	}
	return [3]int{tp, fp, fn}
}

// TestSuggestOnAQMAR runs tawsimctl suggest on the AQMAR articles: a gazetteer of the gold
// entities of half of them suggests on the other half, and propagation of the same gold,
// labeled in the project, does the same; both give the counts of package suggest's own
// AQMAR test (precision 58.6%, recall 14.8%, every label).
func TestSuggestOnAQMAR(t *testing.T) {
	db, gazetteer, odd := aqmarProject(t)
	code, out, errOut := ctl(t, "", "suggest", "--db", db, "--gazetteer", gazetteer, "--no-propagate")
	if code != 0 || !strings.Contains(out, "aqmar-even.tsv: ") || !strings.Contains(out, "14 documents suggested on") {
		t.Fatalf("suggest: exit %d, %q, %q", code, out, errOut)
	}
	code, out, errOut = ctl(t, "", "suggest", "--db", db)
	if code != 0 || !strings.Contains(out, "propagation: ") || !strings.Contains(out, "left out on annotations") {
		t.Fatalf("suggest with propagation: exit %d, %q, %q", code, out, errOut)
	}
	st, err := store.OpenForReading(db)
	must(t, err)
	defer st.Close()
	want := [3]int{215, 152, 1237}
	for _, source := range []string{"aqmar-even.tsv", labels.SourcePropagation} {
		got := aqmarScore(t, st, source, odd)
		p, r := float64(got[0])/float64(got[0]+got[1]), float64(got[0])/float64(got[0]+got[2])
		t.Logf("%s on the odd articles: precision %.1f%%, recall %.1f%% (tp, fp, fn %v)", source, 100*p, 100*r, got)
		if got != want {
			t.Errorf("%s: tp, fp, fn %v, want %v", source, got, want)
		}
	}
	code, out, _ = ctl(t, "", "check", "--db", db)
	if code != 0 {
		t.Errorf("check: %s", out)
	}
}

// TestSuggestDecisionsSurviveRerun accepts and rejects suggestions through the store, runs
// the same gazetteer again, and finds the decisions, the spans, and the counts of stats.
func TestSuggestDecisionsSurviveRerun(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.tawsim")
	importOK(t, db, "--format", "txt", writeFile(t, dir, "a.txt", seedText()))
	gaz := writeFile(t, dir, "places.tsv", "# places\nطرابلس\tLOC\nالجيش الوطني الليبي\tORG\nتركيا\tloc\n")
	suggestOK := func() {
		t.Helper()
		if code, out, errOut := ctl(t, "", "suggest", "--db", db, "--gazetteer", gaz, "--no-propagate"); code != 0 {
			t.Fatalf("suggest: %q %q", out, errOut)
		}
	}
	suggestOK()
	st, err := store.Open(db)
	must(t, err)
	ids, err := st.DocumentIDs(context.Background())
	must(t, err)
	pending, err := st.PendingSuggestions(context.Background(), ids[0], "amal")
	must(t, err)
	accepted, rejected := 0, 0
	for _, g := range pending {
		if g.Label == "ORG" {
			_, err = st.AcceptSuggestion(context.Background(), "amal", g, "")
			accepted++
		} else {
			err = st.RejectSuggestion(context.Background(), "amal", g)
			rejected++
		}
		must(t, err)
	}
	must(t, st.Close())
	if accepted == 0 || rejected == 0 {
		t.Fatalf("pending %+v", pending)
	}

	suggestOK()
	st, err = store.Open(db)
	must(t, err)
	pending, err = st.PendingSuggestions(context.Background(), ids[0], "amal")
	must(t, err)
	spans, err := st.Spans(context.Background(), ids[0], "amal")
	must(t, err)
	must(t, st.Close())
	if len(pending) != 0 || len(spans) != accepted || spans[0].Origin != labels.OriginSuggestion {
		t.Fatalf("after the second run: pending %+v, spans %+v", pending, spans)
	}
	code, out, _ := ctl(t, "", "stats", "--db", db, "--json")
	var s store.Stats
	must(t, json.Unmarshal([]byte(out), &s))
	// The accepted suggestions lie on spans now: the second run left them out.
	src := s.Suggestions["places.tsv"]
	if code != 0 || src == nil || src.Accepted != accepted || src.Rejected != rejected || src.Suggested != rejected ||
		*src.Precision != float64(accepted)/float64(accepted+rejected) || s.Spans != accepted {
		t.Fatalf("stats --json: %s", out)
	}
	code, out, _ = ctl(t, "", "stats", "--db", db)
	want := fmt.Sprintf("  places.tsv: %d, %d, %d, %.1f%%\n", rejected, accepted, rejected, 100*float64(accepted)/float64(accepted+rejected))
	if code != 0 || !strings.Contains(out, "suggestions (source: suggested, accepted, rejected, precision)\n"+want) {
		t.Errorf("stats:\n%s\nwant %q", out, want)
	}
}

func TestSuggestRefusesUnknownLabels(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.tawsim")
	importOK(t, db, "--format", "txt", writeFile(t, dir, "a.txt", seedText()))
	gaz := writeFile(t, dir, "g.tsv", "طرابلس\tGPE\n")
	code, _, errOut := ctl(t, "", "suggest", "--db", db, "--gazetteer", gaz)
	if code != 1 || !strings.Contains(errOut, "labels not in the project's schema: GPE") {
		t.Fatalf("exit %d, %q", code, errOut)
	}
	code, out, errOut := ctl(t, "", "suggest", "--db", db, "--gazetteer", gaz, "--add-labels")
	if code != 0 || !strings.Contains(out, "added to the schema: GPE") {
		t.Fatalf("--add-labels: exit %d, %q, %q", code, out, errOut)
	}
	bad := writeFile(t, dir, "bad.tsv", "طرابلس\n")
	code, _, errOut = ctl(t, "", "suggest", "--db", db, "--gazetteer", bad)
	if code != 1 || !strings.Contains(errOut, "bad.tsv:1: no tab") {
		t.Errorf("a bad gazetteer: exit %d, %q", code, errOut)
	}
	if code, _, errOut = ctl(t, "", "suggest", "--db", db, "--no-propagate"); code != 2 {
		t.Errorf("nothing to suggest: exit %d, %q", code, errOut)
	}
}
