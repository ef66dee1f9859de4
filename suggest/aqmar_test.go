package suggest

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tawsim/tawsim/arabic"
	"github.com/tawsim/tawsim/internal/aqmar"
	"github.com/tawsim/tawsim/labels"
)

// aqmarDoc is an AQMAR article (package aqmar).
type aqmarDoc = aqmar.Doc

func readAQMAR(t testing.TB, path string) aqmarDoc {
	t.Helper()
	d, err := aqmar.Read(path)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// score counts strict matches (same offsets and label) of predicted spans against gold.
type score struct{ tp, fp, fn, proclitic int }

func (s score) String() string {
	p := float64(s.tp) / float64(s.tp+s.fp)
	r := float64(s.tp) / float64(s.tp+s.fn)
	return fmt.Sprintf("precision %.1f%% (%d/%d), recall %.1f%% (%d/%d), F1 %.1f%%; %d more would be right with the gold's proclitic",
		100*p, s.tp, s.tp+s.fp, 100*r, s.tp, s.tp+s.fn, 100*2*p*r/(p+r), s.proclitic)
}

// evaluate scores the best suggestion of each span of Match on text against gold.
func evaluate(t testing.TB, m *Matcher, text string, gold []labels.Span, s *score) {
	type key struct {
		start, end int
		label      string
	}
	want := map[key]bool{}
	for _, sp := range gold {
		want[key{sp.Start, sp.End, sp.Label}] = true
	}
	got := m.Match(text)
	for i, sg := range got {
		if sub, ok := labels.Slice(text, sg.Start, sg.End); !ok || sub != sg.Text {
			t.Fatalf("suggestion %+v: the text holds %q", sg, sub)
		}
		if i > 0 && got[i-1].Start == sg.Start && got[i-1].End == sg.End {
			continue // the best label of a span only: Match gives the highest score first
		}
		k := key{sg.Start, sg.End, sg.Label}
		if want[k] {
			s.tp++
			delete(want, k)
			continue
		}
		s.fp++
		for _, g := range gold { // the gold span takes in the proclitic the suggestion leaves out
			if g.End == sg.End && g.Label == sg.Label && g.Start < sg.Start && slices.Contains(
				arabic.ProcliticSplits(g.Text), sg.Start-g.Start) {
				s.proclitic++
			}
		}
	}
	s.fn += len(want)
}

// aqmarSplit builds a gazetteer from the gold entities of train and suggests on test; with
// noMIS, the article-specific MIS entities are left out of both.
func aqmarSplit(t testing.TB, train, test []aqmarDoc, noMIS bool) (score, int) {
	var counts []Count
	for _, d := range train {
		counts = append(counts, CountSpans(withoutMIS(d.Gold, noMIS))...)
	}
	m := tallied(t, counts, "aqmar")
	var s score
	for _, d := range test {
		evaluate(t, m, d.Text, withoutMIS(d.Gold, noMIS), &s)
	}
	return s, len(uniqueForms(counts)) // the entries Tally made: one per search form and label
}

// withoutMIS returns spans without the MIS ones when drop is true.
func withoutMIS(spans []labels.Span, drop bool) []labels.Span {
	if !drop {
		return spans
	}
	return slices.DeleteFunc(slices.Clone(spans), func(sp labels.Span) bool { return sp.Label == "MIS" })
}

// propagateWithin builds, for each article, the entries of the gold of the first half of its
// sentences, and suggests on the second half, as propagation does in a project.
func propagateWithin(t testing.TB, docs []aqmarDoc, noMIS bool) score {
	var s score
	for _, d := range docs {
		half := d.Sentences[len(d.Sentences)/2][0]
		var first, second []labels.Span
		for _, sp := range withoutMIS(d.Gold, noMIS) {
			if sp.Start < half {
				first = append(first, sp)
			} else {
				sp.Start, sp.End = sp.Start-half, sp.End-half // offsets into the second half
				second = append(second, sp)
			}
		}
		m := tallied(t, CountSpans(first), "propagation")
		rest, _ := labels.Slice(d.Text, half, labels.RuneLen(d.Text))
		evaluate(t, m, rest, second, &s)
	}
	return s
}

// TestAQMAR builds a gazetteer from the gold entities of every other AQMAR article (in name
// order) and scores the suggestions on the others, both ways; then, as propagation does,
// from the gold of the first half of each article's sentences on its second half. Each is
// scored with every label and with PER, LOC and ORG only (MIS0..MIS3 name something else in
// each article). The counts are pinned: a change of the matching rules shows here, with the
// new numbers.
func TestAQMAR(t *testing.T) {
	files, _ := filepath.Glob("testdata/aqmar/*.txt")
	if len(files) != 14 {
		t.Fatalf("testdata/aqmar holds %d articles", len(files))
	}
	var even, odd []aqmarDoc
	for i, f := range files {
		if i%2 == 0 {
			even = append(even, readAQMAR(t, f))
		} else {
			odd = append(odd, readAQMAR(t, f))
		}
	}
	check := func(what string, s score, want [4]int) {
		t.Logf("%s: %v", what, s)
		if got := [4]int{s.tp, s.fp, s.fn, s.proclitic}; got != want {
			t.Errorf("%s: tp, fp, fn, proclitic %v, pinned %v", what, got, want)
		}
	}
	for _, c := range []struct {
		noMIS             bool
		even, odd, within [4]int
	}{
		{false, [4]int{215, 152, 1237, 13}, [4]int{113, 81, 1104, 22}, [4]int{441, 144, 774, 31}},
		{true, [4]int{186, 49, 883, 12}, [4]int{94, 66, 548, 17}, [4]int{277, 96, 536, 21}},
	} {
		which := "all labels"
		if c.noMIS {
			which = "PER, LOC, ORG"
		}
		s, n := aqmarSplit(t, even, odd, c.noMIS)
		check(fmt.Sprintf("%s: gazetteer of %d entries from %s on %s", which, n, names(even), names(odd)), s, c.even)
		s, n = aqmarSplit(t, odd, even, c.noMIS)
		check(fmt.Sprintf("%s: gazetteer of %d entries from %s on %s", which, n, names(odd), names(even)), s, c.odd)
		check(which+": propagation within each article, first half of its sentences on the second",
			propagateWithin(t, append(slices.Clip(even), odd...), c.noMIS), c.within)
	}
}

func names(docs []aqmarDoc) string {
	var out []string
	for _, d := range docs {
		out = append(out, strings.TrimSuffix(d.Name, ".txt"))
	}
	return strings.Join(out, ", ")
}
