package agreement

import (
	"cmp"
	"slices"
)

// DocumentAgreement is how far the annotators of one document agree: what a list of the
// documents that disagree most is sorted by.
type DocumentAgreement struct {
	DocID      string `json:"id"`
	Annotators int    `json:"annotators"` // who annotated it (among those that count)
	// Unmatched sums, over the pairs of annotators, the spans of either that have no strict
	// match in the other's: |A| + |B| − 2·matches.
	Unmatched int `json:"unmatched"`
	// F1 is the strict span F1 pooled over the pairs, 2·Σ matches / Σ (|A|+|B|); nil when
	// no annotator has a span or fewer than two annotated the document.
	F1 *Score `json:"f1"`
	// StanceDisagreements counts the targets on which the annotators who rated the document
	// did not all give the same label.
	StanceDisagreements int            `json:"stance_disagreements"`
	Pairs               []DocumentPair `json:"pairs"` // a before b by name
}

// DocumentPair is the span agreement of two annotators on one document.
type DocumentPair struct {
	A       string `json:"a"`
	B       string `json:"b"`
	ASpans  int    `json:"a_spans"`
	BSpans  int    `json:"b_spans"`
	Matches int    `json:"matches"`
	F1      *Score `json:"f1"` // nil when neither has a span
}

// Documents returns the figures of each document added, in the order added, when the
// Counter was made with Options.KeepDocuments; nil otherwise.
func (c *Counter) Documents() []DocumentAgreement { return c.documents }

// document makes the figures of the document just added from c.members and c.pairs.
func (c *Counter) document(id string, split int) DocumentAgreement {
	d := DocumentAgreement{DocID: id, Annotators: len(c.members), StanceDisagreements: split,
		Pairs: make([]DocumentPair, 0, len(c.pairs))}
	k, matches, total := 0, 0, 0
	for i := range c.members {
		for j := i + 1; j < len(c.members); j++ {
			p := c.pairs[k]
			k++
			d.Pairs = append(d.Pairs, DocumentPair{A: c.annotators.list[c.members[i].annotator], B: c.annotators.list[c.members[j].annotator],
				ASpans: p.a, BSpans: p.b, Matches: p.matches, F1: f1(p.matches, p.a+p.b)})
			matches += p.matches
			total += p.a + p.b
		}
	}
	d.Unmatched = total - 2*matches
	d.F1 = f1(matches, total)
	return d
}

// SortByDisagreement orders docs with the most disagreement first: most unmatched spans,
// then most targets rated differently, then lowest F1 (a document without F1 last), then
// by id.
func SortByDisagreement(docs []DocumentAgreement) {
	slices.SortStableFunc(docs, func(x, y DocumentAgreement) int {
		if c := cmp.Compare(y.Unmatched, x.Unmatched); c != 0 {
			return c
		}
		if c := cmp.Compare(y.StanceDisagreements, x.StanceDisagreements); c != 0 {
			return c
		}
		fx, okx := x.F1.Value()
		fy, oky := y.F1.Value()
		if okx != oky {
			if okx {
				return -1
			}
			return 1
		}
		if c := cmp.Compare(fx, fy); c != 0 {
			return c
		}
		return cmp.Compare(x.DocID, y.DocID)
	})
}
