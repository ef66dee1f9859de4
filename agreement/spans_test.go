package agreement

import (
	"math/rand/v2"
	"testing"
)

// pairDoc is one document annotated by amal (a) and badr (b).
func pairDoc(a, b []Span) DocumentAnnotations {
	return DocumentAnnotations{DocID: "d", Work: []Annotation{
		{Annotator: "badr", Entities: b}, {Annotator: "amal", Entities: a},
	}}
}

func TestSpanMatching(t *testing.T) {
	for _, c := range []struct {
		name                        string
		a, b                        []Span
		strict, boundaries, partial int
	}{
		{"both empty", nil, nil, 0, 0, 0},
		{"one empty", nil, []Span{{0, 4, "PERS"}, {6, 9, "LOC"}}, 0, 0, 0},
		{"identical", []Span{{0, 4, "PERS"}, {6, 9, "LOC"}}, []Span{{6, 9, "LOC"}, {0, 4, "PERS"}}, 2, 2, 2},
		{"other label", []Span{{0, 4, "PERS"}}, []Span{{0, 4, "ORG"}}, 0, 1, 0},
		{"shifted edge", []Span{{0, 4, "PERS"}}, []Span{{0, 5, "PERS"}}, 0, 0, 1},
		{"touching is no overlap", []Span{{0, 4, "PERS"}}, []Span{{4, 8, "PERS"}}, 0, 0, 0},
		{"an empty span matches its equal", []Span{{8, 8, "PERS"}}, []Span{{8, 8, "PERS"}}, 1, 1, 1},
		{"an empty span overlaps no other", []Span{{3, 9, "PERS"}}, []Span{{8, 8, "PERS"}}, 0, 0, 0},
		{"nested in a", []Span{{0, 10, "LOC"}, {0, 4, "LOC"}}, []Span{{0, 4, "LOC"}}, 1, 1, 1},
		{"nested in both", []Span{{0, 10, "ORG"}, {4, 8, "LOC"}}, []Span{{4, 8, "LOC"}, {0, 10, "ORG"}}, 2, 2, 2},
		{"crossing", []Span{{0, 5, "MISC"}, {3, 8, "MISC"}}, []Span{{3, 8, "MISC"}}, 1, 1, 1},
		{"duplicate in a", []Span{{0, 4, "PERS"}, {0, 4, "PERS"}}, []Span{{0, 4, "PERS"}}, 1, 1, 1},
		{"duplicate in both", []Span{{0, 4, "PERS"}, {0, 4, "PERS"}}, []Span{{0, 4, "PERS"}, {0, 4, "PERS"}}, 2, 2, 2},
		{"same place, two labels each", []Span{{0, 4, "PERS"}, {0, 4, "ORG"}}, []Span{{0, 4, "LOC"}, {0, 4, "ORG"}}, 1, 2, 1},
		{"one long against two short", []Span{{0, 10, "ORG"}}, []Span{{0, 3, "ORG"}, {5, 8, "ORG"}}, 0, 0, 1},
		{"maximum, not first come", []Span{{0, 10, "X"}, {8, 12, "X"}}, []Span{{9, 11, "X"}, {0, 2, "X"}}, 0, 0, 2},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := count(t, Options{}, []DocumentAnnotations{pairDoc(c.a, c.b)}).Result()
			if len(r.Spans.Pairs) != 1 {
				t.Fatalf("pairs: %+v", r.Spans.Pairs)
			}
			p := r.Spans.Pairs[0]
			if p.A != "amal" || p.B != "badr" || p.Documents != 1 || p.ASpans != len(c.a) || p.BSpans != len(c.b) {
				t.Errorf("pair %s/%s docs %d spans %d/%d", p.A, p.B, p.Documents, p.ASpans, p.BSpans)
			}
			if p.Matches != c.strict || p.BoundaryMatches != c.boundaries || p.PartialMatches != c.partial {
				t.Errorf("strict/boundaries/partial = %d/%d/%d, want %d/%d/%d",
					p.Matches, p.BoundaryMatches, p.PartialMatches, c.strict, c.boundaries, c.partial)
			}
			total := len(c.a) + len(c.b)
			if total == 0 {
				null(t, "f1", p.F1)
				null(t, "boundaries f1", p.BoundariesF1)
				null(t, "partial f1", p.PartialF1)
				return
			}
			near(t, "f1", p.F1, 2*float64(c.strict)/float64(total), 1e-12)
			near(t, "boundaries f1", p.BoundariesF1, 2*float64(c.boundaries)/float64(total), 1e-12)
			near(t, "partial f1", p.PartialF1, 2*float64(c.partial)/float64(total), 1e-12)
		})
	}
}

func TestSpanFiguresByLabel(t *testing.T) {
	a := []Span{{0, 4, "PERS"}, {10, 14, "PERS"}, {20, 25, "LOC"}, {30, 33, "ORG"}}
	b := []Span{{0, 4, "PERS"}, {10, 15, "PERS"}, {20, 25, "ORG"}}
	p := count(t, Options{}, []DocumentAnnotations{pairDoc(a, b)}).Result().Spans.Pairs[0]
	want := map[string]LabelFigures{
		"PERS": {F1: 0.5, PartialF1: 1, Matches: 1, PartialMatches: 2, ASpans: 2, BSpans: 2},
		"LOC":  {F1: 0, PartialF1: 0, ASpans: 1},
		"ORG":  {F1: 0, PartialF1: 0, ASpans: 1, BSpans: 1},
	}
	if len(p.ByLabel) != len(want) {
		t.Fatalf("by label %+v, want %+v", p.ByLabel, want)
	}
	for l, w := range want {
		if got := p.ByLabel[l]; got != w {
			t.Errorf("%s: %+v, want %+v", l, got, w)
		}
	}
}

// Only the documents both annotators annotated count for their pair, an empty annotation
// included; the sums run over those documents.
func TestSpanPairsOverSharedDocuments(t *testing.T) {
	docs := []DocumentAnnotations{
		pairDoc([]Span{{0, 4, "PERS"}}, []Span{{0, 4, "PERS"}}),
		pairDoc([]Span{{0, 4, "PERS"}}, nil),
		{DocID: "amal alone", Work: []Annotation{{Annotator: "amal", Entities: []Span{{0, 9, "LOC"}}}}},
		{DocID: "nobody", Work: []Annotation{{Annotator: ""}}},
	}
	p := count(t, Options{}, docs).Result().Spans.Pairs[0]
	if p.Documents != 2 || p.ASpans != 2 || p.BSpans != 1 || p.Matches != 1 {
		t.Fatalf("%+v", p)
	}
	near(t, "f1", p.F1, 2.0/3, 1e-12)
}

// The overlap pairing finds as many pairs as trying every assignment does.
func TestOverlapMatchingIsMaximum(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var used []bool
	var x, y prepared
	intern := func(l string) int { return int(l[0] - 'A') }
	for range 3000 {
		xs, ys := randomSpans(rng, rng.IntN(7)), randomSpans(rng, rng.IntN(7))
		x.fill(xs, intern)
		y.fill(ys, intern)
		got := (&spanPair{}).overlapping(&x, &y, &used)
		if want := bruteMatching(x.spans, y.spans, make([]bool, len(ys))); got != want {
			t.Fatalf("xs %v ys %v: %d pairs, the most is %d", xs, ys, got, want)
		}
	}
}

// randomSpans returns n spans in [0, 12) labelled A or B.
func randomSpans(rng *rand.Rand, n int) []Span {
	out := make([]Span, n)
	for i := range out {
		s := rng.IntN(11)
		out[i] = Span{Start: s, End: s + 1 + rng.IntN(12-s), Label: []string{"A", "B"}[rng.IntN(2)]}
	}
	return out
}

// sharePoint reports whether x and y have a code point in common, or are the same range,
// by walking the code points.
func sharePoint(x, y entry) bool {
	if x.start == y.start && x.end == y.end {
		return true
	}
	for p := x.start; p < x.end; p++ {
		if y.start <= p && p < y.end {
			return true
		}
	}
	return false
}

// bruteMatching is the size of a maximum matching of xs to ys by overlap and label, by
// trying all.
func bruteMatching(xs, ys []entry, taken []bool) int {
	if len(xs) == 0 {
		return 0
	}
	best := bruteMatching(xs[1:], ys, taken) // xs[0] unpaired
	for k, y := range ys {
		if !taken[k] && y.label == xs[0].label && sharePoint(xs[0], y) {
			taken[k] = true
			best = max(best, 1+bruteMatching(xs[1:], ys, taken))
			taken[k] = false
		}
	}
	return best
}
