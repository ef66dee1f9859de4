package agreement

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

var (
	someNames  = []string{"amal", "badr", "chadi"}
	someLabels = []string{"PERS", "ORG", "LOC"}
	someStance = []string{"FAVOR", "AGAINST", "NONE"}
)

// randomDocs returns n documents where each of three annotators, most of the time, copies
// or shifts or relabels spans of a common draft, and rates two targets.
func randomDocs(rng *rand.Rand, n int) []DocumentAnnotations {
	docs := make([]DocumentAnnotations, n)
	for i := range docs {
		docs[i].DocID = fmt.Sprintf("d%04d", i)
		var draft []Span
		for range rng.IntN(6) {
			s := rng.IntN(30)
			draft = append(draft, Span{s, s + 1 + rng.IntN(6), someLabels[rng.IntN(3)]})
		}
		verdict := someStance[rng.IntN(3)]
		for _, name := range someNames {
			if rng.IntN(6) == 0 {
				continue // did not annotate this document
			}
			w := Annotation{Annotator: name}
			for _, s := range draft {
				switch rng.IntN(6) {
				case 0: // left out
				case 1:
					s.End++
					w.Entities = append(w.Entities, s)
				case 2:
					s.Label = someLabels[rng.IntN(3)]
					w.Entities = append(w.Entities, s)
				case 3:
					w.Entities = append(w.Entities, s, s) // twice
				default:
					w.Entities = append(w.Entities, s)
				}
			}
			for _, target := range []string{"t1", "t2"} {
				switch rng.IntN(4) {
				case 0: // no stance
				case 1:
					w.Stances = append(w.Stances, Stance{target, someStance[rng.IntN(3)]})
				default:
					w.Stances = append(w.Stances, Stance{target, verdict})
				}
			}
			docs[i].Work = append(docs[i].Work, w)
		}
	}
	return docs
}

// rename returns docs with the annotators renamed by m.
func rename(docs []DocumentAnnotations, m map[string]string) []DocumentAnnotations {
	out := make([]DocumentAnnotations, len(docs))
	for i, d := range docs {
		out[i] = DocumentAnnotations{DocID: d.DocID}
		for _, w := range d.Work {
			w.Annotator = m[w.Annotator]
			out[i].Work = append(out[i].Work, w)
		}
	}
	return out
}

// Swapping the names of two annotators swaps a and b in the figures of their pairs and
// changes no figure.
func TestFiguresAreSymmetric(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	for round := range 50 {
		docs := randomDocs(rng, 40)
		swap := map[string]string{"amal": "badr", "badr": "amal", "chadi": "chadi"}
		r1 := count(t, Options{}, docs).Result()
		r2 := count(t, Options{}, rename(docs, swap)).Result()
		for _, p := range r1.Spans.Pairs {
			q := findSpanPair(t, r2, swap[p.A], swap[p.B])
			if swap[p.A] > swap[p.B] { // the pair comes the other way round
				q.A, q.B, q.ASpans, q.BSpans = q.B, q.A, q.BSpans, q.ASpans
				for l, f := range q.ByLabel {
					f.ASpans, f.BSpans = f.BSpans, f.ASpans
					q.ByLabel[l] = f
				}
			}
			q.A, q.B = p.A, p.B
			if spanString(p) != spanString(q) {
				t.Fatalf("round %d: spans %s/%s:\n %+v\nswapped:\n %+v", round, p.A, p.B, p, q)
			}
		}
		for i, ta := range r1.Stance {
			tb := r2.Stance[i]
			if fmt.Sprint(ta.Alpha.str(), ta.FleissKappa.str(), ta.GwetAC1.str(), ta.PercentAgreement.str(), ta.Items, ta.FleissItems) !=
				fmt.Sprint(tb.Alpha.str(), tb.FleissKappa.str(), tb.GwetAC1.str(), tb.PercentAgreement.str(), tb.Items, tb.FleissItems) {
				t.Fatalf("round %d: target %s differs after a swap", round, ta.ID)
			}
			for _, p := range ta.Pairs {
				q := findStancePair(t, tb, swap[p.A], swap[p.B])
				if fmt.Sprint(p.Items, p.Kappa.str(), p.PercentAgreement.str()) != fmt.Sprint(q.Items, q.Kappa.str(), q.PercentAgreement.str()) {
					t.Fatalf("round %d: target %s pair %s/%s: %+v, swapped %+v", round, ta.ID, p.A, p.B, p, q)
				}
			}
		}
	}
}

// spanString writes every field of p, the figures in full.
func spanString(p SpanPair) string {
	return fmt.Sprint(p.A, p.B, p.Documents, p.ASpans, p.BSpans, p.Matches, p.F1.str(), p.BoundaryMatches,
		p.BoundariesF1.str(), p.PartialMatches, p.PartialF1.str(), p.ByLabel)
}

func (s *Score) str() string {
	if v, ok := s.Value(); ok {
		return fmt.Sprintf("%.12f", v)
	}
	return "null"
}

func findSpanPair(t *testing.T, r Report, x, y string) SpanPair {
	t.Helper()
	for _, p := range r.Spans.Pairs {
		if (p.A == x && p.B == y) || (p.A == y && p.B == x) {
			return p
		}
	}
	t.Fatalf("no pair %s/%s", x, y)
	return SpanPair{}
}

func findStancePair(t *testing.T, ta TargetAgreement, x, y string) StancePair {
	t.Helper()
	for _, p := range ta.Pairs {
		if (p.A == x && p.B == y) || (p.A == y && p.B == x) {
			return p
		}
	}
	t.Fatalf("target %s: no pair %s/%s", ta.ID, x, y)
	return StancePair{}
}

// Every F1 lies in [0, 1], partial and boundary matches are at least the strict ones, and
// no coefficient exceeds 1.
func TestFiguresStayInRange(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	for range 50 {
		r := count(t, Options{}, randomDocs(rng, 30)).Result()
		for _, p := range r.Spans.Pairs {
			for _, s := range []*Score{p.F1, p.BoundariesF1, p.PartialF1} {
				inRange(t, "span f1", s, 0, 1)
			}
			if p.PartialMatches < p.Matches || p.BoundaryMatches < p.Matches || 2*p.PartialMatches > p.ASpans+p.BSpans {
				t.Fatalf("matches %d, boundaries %d, partial %d of %d+%d", p.Matches, p.BoundaryMatches, p.PartialMatches, p.ASpans, p.BSpans)
			}
			for l, f := range p.ByLabel {
				if f.F1 < 0 || f.F1 > f.PartialF1 || f.PartialF1 > 1 {
					t.Fatalf("label %s: %+v", l, f)
				}
			}
		}
		for _, ta := range r.Stance {
			inRange(t, "alpha", ta.Alpha, -2, 1)
			inRange(t, "fleiss", ta.FleissKappa, -2, 1)
			inRange(t, "ac1", ta.GwetAC1, -2, 1)
			inRange(t, "percent", ta.PercentAgreement, 0, 1)
			for _, p := range ta.Pairs {
				inRange(t, "kappa", p.Kappa, -2, 1)
				inRange(t, "pair agreement", p.PercentAgreement, 0, 1)
			}
		}
	}
}

func inRange(t *testing.T, what string, s *Score, lo, hi float64) {
	t.Helper()
	if v, ok := s.Value(); ok && (v < lo-1e-12 || v > hi+1e-12) {
		t.Fatalf("%s = %v, outside [%v, %v]", what, v, lo, hi)
	}
}

// Annotators who code every document the same way agree perfectly by every measure, as
// long as the documents differ (alpha and kappa need variation).
func TestIdenticalCodingsAgreeFully(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 9))
	var docs []DocumentAnnotations
	for i, d := range randomDocs(rng, 60) {
		w := d.Work[0]
		w.Stances = []Stance{{"t1", someStance[i%3]}}
		d.Work = nil
		for _, name := range someNames {
			w.Annotator = name
			d.Work = append(d.Work, w)
		}
		docs = append(docs, d)
	}
	r := count(t, Options{}, docs).Result()
	for _, p := range r.Spans.Pairs {
		near(t, "f1", p.F1, 1, 0)
		near(t, "partial f1", p.PartialF1, 1, 0)
		near(t, "boundaries f1", p.BoundariesF1, 1, 0)
	}
	ta := stanceOf(t, r, "t1")
	near(t, "alpha", ta.Alpha, 1, 1e-12)
	near(t, "fleiss", ta.FleissKappa, 1, 1e-12)
	near(t, "ac1", ta.GwetAC1, 1, 1e-12)
	near(t, "percent", ta.PercentAgreement, 1, 0)
	for _, p := range ta.Pairs {
		near(t, "kappa", p.Kappa, 1, 1e-12)
	}
}
