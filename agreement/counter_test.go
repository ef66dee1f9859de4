package agreement

import (
	"encoding/json"
	"errors"
	"reflect"
	"testing"

	"github.com/tawsim/tawsim/labels"
)

func TestDuplicatesAreRefusedAndChangeNothing(t *testing.T) {
	good := pairDoc([]Span{{0, 4, "PERS"}}, []Span{{0, 4, "PERS"}})
	for name, bad := range map[string]DocumentAnnotations{
		"annotator twice": {DocID: "x", Work: []Annotation{
			{Annotator: "amal", Entities: []Span{{0, 4, "PERS"}}}, {Annotator: "badr"}, {Annotator: "amal"}}},
		"two stances toward one target": {DocID: "x", Work: []Annotation{
			{Annotator: "amal", Entities: []Span{{0, 4, "PERS"}}},
			{Annotator: "badr", Stances: []Stance{{"t", "FAVOR"}, {"u", "NONE"}, {"t", "AGAINST"}}}}},
	} {
		t.Run(name, func(t *testing.T) {
			c := count(t, Options{KeepDocuments: true}, []DocumentAnnotations{good})
			before, _ := json.Marshal(c.Result())
			err := c.AddDocument(bad)
			if !errors.Is(err, ErrDuplicate) {
				t.Fatalf("error %v, want ErrDuplicate", err)
			}
			after, _ := json.Marshal(c.Result())
			if string(before) != string(after) || len(c.Documents()) != 1 {
				t.Errorf("a refused document changed the result:\n%s\n%s", before, after)
			}
		})
	}
	// A stance without a label is no stance, and may sit beside one.
	c := NewCounter(Options{})
	if err := c.AddDocument(DocumentAnnotations{Work: []Annotation{{Annotator: "a", Stances: []Stance{{"t", ""}, {"t", "FAVOR"}}}}}); err != nil {
		t.Fatal(err)
	}
}

func TestAnnotatorsOption(t *testing.T) {
	docs := []DocumentAnnotations{{DocID: "d", Work: []Annotation{
		{Annotator: "amal", Entities: []Span{{0, 4, "PERS"}}, Stances: []Stance{{"t", "FAVOR"}}},
		{Annotator: "badr", Entities: []Span{{0, 4, "ORG"}}, Stances: []Stance{{"t", "AGAINST"}}},
		{Annotator: "chadi", Entities: []Span{{0, 4, "PERS"}}, Stances: []Stance{{"t", "FAVOR"}}},
	}}}
	r := count(t, Options{Annotators: []string{"chadi", "amal", "dina"}}, docs).Result()
	var pairs []string
	for _, p := range r.Spans.Pairs {
		pairs = append(pairs, p.A+"/"+p.B)
	}
	if want := []string{"amal/chadi", "amal/dina", "chadi/dina"}; !reflect.DeepEqual(pairs, want) {
		t.Fatalf("pairs %v, want %v", pairs, want)
	}
	near(t, "amal/chadi f1", r.Spans.Pairs[0].F1, 1, 0)
	if p := r.Spans.Pairs[1]; p.Documents != 0 || p.F1 != nil {
		t.Errorf("amal/dina share no document: %+v", p)
	}
	ta := stanceOf(t, r, "t")
	if ta.Annotators != 2 || len(ta.Pairs) != 1 || ta.Pairs[0].Items != 1 {
		t.Errorf("stance: %+v", ta)
	}
}

func TestTargetsOrderAndNames(t *testing.T) {
	docs := []DocumentAnnotations{{DocID: "d", Work: []Annotation{
		{Annotator: "amal", Stances: []Stance{{"zeta", "FAVOR"}, {"gna", "NONE"}, {"beta", "FAVOR"}}},
		{Annotator: "badr", Stances: []Stance{{"zeta", "FAVOR"}, {"gna", "NONE"}, {"beta", "AGAINST"}}},
	}}}
	o := Options{Targets: []labels.Target{{ID: "lna", Name: "Libyan National Army"}, {ID: "gna", Name: "Government of National Accord"}}}
	r := count(t, o, docs).Result()
	var got []string
	for _, ta := range r.Stance {
		got = append(got, ta.ID+"="+ta.Target)
	}
	want := []string{"lna=Libyan National Army", "gna=Government of National Accord", "beta=beta", "zeta=zeta"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("targets %v, want %v", got, want)
	}
	lna := r.Stance[0]
	if lna.Items != 0 || lna.Annotators != 0 || lna.Alpha != nil || lna.FleissKappa != nil || lna.GwetAC1 != nil ||
		lna.PercentAgreement != nil || len(lna.Pairs) != 0 {
		t.Errorf("a target nobody rated: %+v", lna)
	}
}

// Where every rating is the same label, kappa, Fleiss' kappa and alpha are undefined (null),
// never NaN; AC1 is undefined with one category known and 1 with the schema's four.
func TestOneCategoryOnly(t *testing.T) {
	var docs []DocumentAnnotations
	for range 5 {
		docs = append(docs, fromMatrix([]string{"amal", "badr"}, [][]string{{"NONE", "NONE"}})...)
	}
	ta := stanceOf(t, count(t, Options{}, docs).Result(), "t")
	null(t, "alpha", ta.Alpha)
	null(t, "fleiss", ta.FleissKappa)
	null(t, "kappa", ta.Pairs[0].Kappa)
	null(t, "ac1", ta.GwetAC1)
	near(t, "percent", ta.PercentAgreement, 1, 0)
	near(t, "pair agreement", ta.Pairs[0].PercentAgreement, 1, 0)

	o := Options{StanceLabels: []string{"FAVOR", "AGAINST", "NEUTRAL", "NONE"}}
	ta = stanceOf(t, count(t, o, docs).Result(), "t")
	near(t, "ac1 over four labels", ta.GwetAC1, 1, 1e-12)
	null(t, "alpha over four labels", ta.Alpha)
	if _, err := json.Marshal(ta); err != nil {
		t.Fatal(err)
	}
}

// Gwet's AC1 counts the categories of the scale: the schema's labels that nobody used lower
// the chance agreement p_e = Σ π(1−π)/(q−1).
func TestAC1CountsTheScale(t *testing.T) {
	docs := fromTable([]string{"FAVOR", "AGAINST"}, [][]int{{8, 1}, {1, 0}})
	// π = 0.9, 0.1: p_a = 0.8; p_e = 0.18/(q−1).
	ta := stanceOf(t, count(t, Options{}, docs).Result(), "t")
	near(t, "ac1, q=2", ta.GwetAC1, (0.8-0.18)/(1-0.18), 1e-12)
	ta = stanceOf(t, count(t, Options{StanceLabels: []string{"FAVOR", "AGAINST", "NEUTRAL", "NONE"}}, docs).Result(), "t")
	near(t, "ac1, q=4", ta.GwetAC1, (0.8-0.06)/(1-0.06), 1e-12)
	near(t, "kappa", ta.Pairs[0].Kappa, (0.8-0.82)/(1-0.82), 1e-12)
}

func TestFromAnnotated(t *testing.T) {
	a := labels.Annotated{Annotator: "amal", Spans: []labels.Span{
		{Start: 0, End: 4, Label: "PERS", Kind: labels.KindEntity},
		{Start: 2, End: 9, Label: "FAVOR", Kind: labels.KindStance, Target: "lna"},
	}, Stances: []labels.DocStance{{Target: "lna", Label: "FAVOR"}}}
	want := Annotation{Annotator: "amal", Entities: []Span{{0, 4, "PERS"}}, Stances: []Stance{{"lna", "FAVOR"}}}
	if got := FromAnnotated(a); !reflect.DeepEqual(got, want) {
		t.Fatalf("%+v, want %+v", got, want)
	}
}
