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
