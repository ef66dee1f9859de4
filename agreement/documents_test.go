package agreement

import (
	"reflect"
	"testing"
)

func TestDocumentFigures(t *testing.T) {
	docs := []DocumentAnnotations{
		{DocID: "agree", Work: []Annotation{
			{Annotator: "amal", Entities: []Span{{0, 4, "PERS"}}, Stances: []Stance{{"t", "FAVOR"}}},
			{Annotator: "badr", Entities: []Span{{0, 4, "PERS"}}, Stances: []Stance{{"t", "FAVOR"}}},
		}},
		{DocID: "three", Work: []Annotation{
			{Annotator: "chadi", Entities: []Span{{0, 4, "PERS"}, {5, 9, "LOC"}}, Stances: []Stance{{"t", "FAVOR"}}},
			{Annotator: "amal", Entities: []Span{{0, 4, "PERS"}}, Stances: []Stance{{"t", "FAVOR"}, {"u", "NONE"}}},
			{Annotator: "badr", Entities: []Span{{0, 4, "ORG"}}, Stances: []Stance{{"t", "AGAINST"}, {"u", "NONE"}}},
		}},
		{DocID: "empty", Work: []Annotation{{Annotator: "amal"}, {Annotator: "badr"}}},
		{DocID: "stance only", Work: []Annotation{
			{Annotator: "amal", Stances: []Stance{{"t", "FAVOR"}}},
			{Annotator: "badr", Stances: []Stance{{"t", "NONE"}}},
		}},
		{DocID: "alone", Work: []Annotation{{Annotator: "amal", Entities: []Span{{0, 4, "PERS"}}}}},
	}
	c := count(t, Options{KeepDocuments: true}, docs)
	got := c.Documents()
	if len(got) != len(docs) {
		t.Fatalf("%d documents, want %d", len(got), len(docs))
	}
	three := got[1]
	if three.Annotators != 3 || three.Unmatched != 2+3+1 || three.StanceDisagreements != 1 {
		t.Errorf("three: %+v", three)
	}
	near(t, "three f1", three.F1, 2*1.0/8, 1e-12) // one match (amal/chadi) of 2+3+3 spans
	var pairs []string
	for _, p := range three.Pairs {
		pairs = append(pairs, p.A+"/"+p.B)
	}
	if want := []string{"amal/badr", "amal/chadi", "badr/chadi"}; !reflect.DeepEqual(pairs, want) {
		t.Errorf("pairs %v, want %v", pairs, want)
	}
	null(t, "empty f1", got[2].F1)
	null(t, "alone f1", got[4].F1)
	if got[4].Annotators != 1 || len(got[4].Pairs) != 0 {
		t.Errorf("alone: %+v", got[4])
	}

	SortByDisagreement(got)
	var order []string
	for _, d := range got {
		order = append(order, d.DocID)
	}
	want := []string{"three", "stance only", "agree", "alone", "empty"}
	if !reflect.DeepEqual(order, want) {
		t.Errorf("order %v, want %v", order, want)
	}
	if NewCounter(Options{}).Documents() != nil {
		t.Error("documents kept without KeepDocuments")
	}
}
