package agreement

import (
	"fmt"
	"math"
	"testing"
)

// fromMatrix builds one document per row of a table of stance ratings toward target "t":
// a column per annotator of names, "" for a rating the annotator did not give (the
// annotator still annotated the document).
func fromMatrix(names []string, rows [][]string) []DocumentAnnotations {
	docs := make([]DocumentAnnotations, len(rows))
	for i, row := range rows {
		docs[i].DocID = fmt.Sprintf("u%02d", i+1)
		for j, v := range row {
			w := Annotation{Annotator: names[j]}
			if v != "" {
				w.Stances = []Stance{{Target: "t", Label: v}}
			}
			docs[i].Work = append(docs[i].Work, w)
		}
	}
	return docs
}

// fromCounts builds one document per row of a table that counts, for each category, the
// annotators who rated the document with it (Fleiss' layout): category k of row i is given
// by counts[i][k] annotators, taken in turn from r01, r02...
func fromCounts(categories []string, counts [][]int) []DocumentAnnotations {
	docs := make([]DocumentAnnotations, len(counts))
	for i, row := range counts {
		docs[i].DocID = fmt.Sprintf("s%02d", i+1)
		n := 0
		for k, c := range row {
			for range c {
				n++
				docs[i].Work = append(docs[i].Work, Annotation{Annotator: fmt.Sprintf("r%02d", n),
					Stances: []Stance{{Target: "t", Label: categories[k]}}})
			}
		}
	}
	return docs
}

// fromTable builds the documents of a two-annotator contingency table: cell (i, j) counts
// the documents that a rated categories[i] and b rated categories[j].
func fromTable(categories []string, table [][]int) []DocumentAnnotations {
	var docs []DocumentAnnotations
	for i, row := range table {
		for j, c := range row {
			for range c {
				docs = append(docs, DocumentAnnotations{DocID: fmt.Sprint(len(docs)), Work: []Annotation{
					{Annotator: "a", Stances: []Stance{{Target: "t", Label: categories[i]}}},
					{Annotator: "b", Stances: []Stance{{Target: "t", Label: categories[j]}}},
				}})
			}
		}
	}
	return docs
}

// count adds docs to a new Counter with options o and returns it.
func count(t testing.TB, o Options, docs []DocumentAnnotations) *Counter {
	t.Helper()
	c := NewCounter(o)
	for _, d := range docs {
		if err := c.AddDocument(d); err != nil {
			t.Fatal(err)
		}
	}
	return c
}

// stanceOf returns the agreement on target id of r.
func stanceOf(t testing.TB, r Report, id string) TargetAgreement {
	t.Helper()
	for _, ta := range r.Stance {
		if ta.ID == id {
			return ta
		}
	}
	t.Fatalf("no target %q in %+v", id, r.Stance)
	return TargetAgreement{}
}

// near fails unless got is defined and within tol of want.
func near(t testing.TB, what string, got *Score, want, tol float64) {
	t.Helper()
	v, ok := got.Value()
	if !ok {
		t.Errorf("%s = null, want %v", what, want)
		return
	}
	if math.Abs(v-want) > tol {
		t.Errorf("%s = %.7f, want %v (±%g)", what, v, want, tol)
	}
}

// null fails unless got is undefined.
func null(t testing.TB, what string, got *Score) {
	t.Helper()
	if v, ok := got.Value(); ok {
		t.Errorf("%s = %v, want null", what, v)
	}
}
