package synth

import (
	"testing"

	"github.com/tawsim/tawsim/labels"
)

func TestArticleSpansHoldTheirText(t *testing.T) {
	for n := range uint64(200) {
		a := Article(n, 2500, 10)
		if len(a.Spans) != 10 {
			t.Fatalf("article %d: %d spans", n, len(a.Spans))
		}
		for _, sp := range a.Spans {
			if err := labels.CheckText(a.Doc.Text, sp); err != nil {
				t.Fatalf("article %d: %v", n, err)
			}
		}
		if l := labels.RuneLen(a.Doc.Text); l < 2500 || l > 2700 {
			t.Fatalf("article %d: %d code points", n, l)
		}
	}
	if Article(7, 2500, 10).Doc.Text != Article(7, 2500, 10).Doc.Text {
		t.Error("not reproducible")
	}
}

func TestWorkIsReproducibleAndHoldsItsText(t *testing.T) {
	targets, stances := []string{"lna", "gna"}, []string{"FAVOR", "AGAINST"}
	changed := 0
	for n := range uint64(200) {
		a := Work(n, 2500, 10, "amal", 5, targets, stances)
		b := Work(n, 2500, 10, "badr", 5, targets, stances)
		if a.Annotator != "amal" || a.Status != labels.StatusDone || len(a.Stances) != 2 {
			t.Fatalf("work %d: %+v", n, a)
		}
		for _, sp := range append(a.Spans, b.Spans...) {
			if err := labels.CheckText(a.Doc.Text, sp); err != nil {
				t.Fatalf("work %d: %v", n, err)
			}
		}
		if len(a.Spans) != len(b.Spans) || a.Spans[0] != b.Spans[0] {
			changed++
		}
		if again := Work(n, 2500, 10, "amal", 5, targets, stances); len(again.Spans) != len(a.Spans) {
			t.Fatal("not reproducible")
		}
	}
	if changed == 0 {
		t.Error("two annotators did the same work on every article")
	}
}
