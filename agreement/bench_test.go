package agreement

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/tawsim/tawsim/labels"
)

// benchDocs returns n documents of an article of 2,500 code points each, annotated by three
// annotators with ten entity spans each (one in ten moved, relabelled or left out) and a
// stance toward three targets (one in six different).
func benchDocs(n int) []DocumentAnnotations {
	rng := rand.New(rand.NewPCG(12, 12))
	names := []string{"amal", "badr", "chadi"}
	targets := []string{"lna", "gna", "turkey"}
	docs := make([]DocumentAnnotations, n)
	for i := range docs {
		docs[i].DocID = fmt.Sprintf("doc-%06d", i)
		for _, name := range names {
			w := Annotation{Annotator: name}
			for k := range 10 {
				s := Span{Start: k*250 + rng.IntN(200), Label: someLabels[rng.IntN(len(someLabels))]}
				s.End = s.Start + 2 + rng.IntN(30)
				switch rng.IntN(30) {
				case 0:
					s.End++
				case 1:
					s.Label = "MISC"
				case 2:
					s.Start += 5
					s.End += 5
				}
				w.Entities = append(w.Entities, s)
			}
			for _, t := range targets {
				l := someStance[(i+len(t))%3]
				if rng.IntN(6) == 0 {
					l = someStance[rng.IntN(3)]
				}
				w.Stances = append(w.Stances, Stance{Target: t, Label: l})
			}
			docs[i].Work = append(docs[i].Work, w)
		}
	}
	return docs
}

// benchTargets are the three targets of benchDocs.
var benchTargets = []labels.Target{{ID: "lna", Name: "LNA"}, {ID: "gna", Name: "GNA"}, {ID: "turkey", Name: "Turkey"}}

// benchmarkProject adds a project of 100,000 documents (a pool of 1,000 given a hundred
// times each, under their own ids) and builds the report; one op is the whole project.
func benchmarkProject(b *testing.B, keep bool) {
	pool := benchDocs(1000)
	ids := make([]string, 100_000)
	for i := range ids {
		ids[i] = fmt.Sprintf("doc-%06d", i)
	}
	b.ReportAllocs()
	for b.Loop() {
		c := NewCounter(Options{Targets: benchTargets, StanceLabels: someStance, KeepDocuments: keep})
		for i, id := range ids {
			d := pool[i%len(pool)]
			d.DocID = id
			if err := c.AddDocument(d); err != nil {
				b.Fatal(err)
			}
		}
		if r := c.Result(); len(r.Spans.Pairs) != 3 || len(r.Stance) != 3 {
			b.Fatalf("%+v", r)
		}
	}
}

func BenchmarkProject100k(b *testing.B)          { benchmarkProject(b, false) }
func BenchmarkProject100kDocuments(b *testing.B) { benchmarkProject(b, true) }
