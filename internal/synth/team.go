package synth

import (
	"hash/fnv"
	"math/rand/v2"

	"github.com/tawsim/tawsim/labels"
)

// Work returns the n-th article as one annotator of a team labels it: its entity spans, but
// for about one in every (0: none) that the annotator leaves out, labels otherwise or moves
// by a code point (an end taken one further where the text allows it), and a document stance
// toward each of the targets, one in six of them another label than the article's own.
// The same n and annotator always give the same work; two annotators differ where their
// changes fall.
func Work(n uint64, size, spans int, annotator string, every int, targets, stances []string) labels.Annotated {
	a := Article(n, size, spans)
	a.Annotator, a.Status = annotator, labels.StatusDone
	h := fnv.New64a()
	h.Write([]byte(annotator))
	r := rand.New(rand.NewPCG(n, h.Sum64()))
	var kept []labels.Span
	for _, sp := range a.Spans {
		if every > 0 && r.IntN(every) == 0 {
			switch r.IntN(3) {
			case 0:
				continue
			case 1:
				sp.Label = otherLabel[sp.Label]
			case 2:
				if t, ok := labels.Slice(a.Doc.Text, sp.Start, sp.End+1); ok {
					sp.End, sp.Text = sp.End+1, t
				}
			}
		}
		kept = append(kept, sp)
	}
	a.Spans = kept
	for i, t := range targets {
		l := stances[(int(n)+i)%len(stances)]
		if r.IntN(6) == 0 {
			l = stances[r.IntN(len(stances))]
		}
		a.Stances = append(a.Stances, labels.DocStance{Target: t, Label: l})
	}
	return a
}

// otherLabel is the label an annotator gives a span instead of its own.
var otherLabel = map[string]string{"PERS": "ORG", "ORG": "LOC", "LOC": "PERS"}
