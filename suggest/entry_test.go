package suggest

import (
	"fmt"
	"slices"
	"testing"

	"github.com/tawsim/tawsim/labels"
)

func TestTally(t *testing.T) {
	got, err := Tally([]Count{
		{"طرابلس", "LOC", 1},
		{"طَرابلس", "LOC", 1}, // the same search form, written another way
		{"طرابلس", "LOC", 1},
		{"طرابلس", "ORG", 1},
		{"الأمم المتحدة", "ORG", 1},
		{"الامم  المتحدة", "ORG", 3},
		{"الأردن", "PERS", 2}, // a tie: both labels at 1/2
		{"الأردن", "LOC", 2},
		{"،", "X", 1}, // nothing to match: left out
	}, "propagation")
	if err != nil {
		t.Fatal(err)
	}
	want := []Entry{
		{"الأردن", "LOC", "propagation", 0.5},
		{"الأردن", "PERS", "propagation", 0.5},
		{"الامم  المتحدة", "ORG", "propagation", 1},
		{"طرابلس", "LOC", "propagation", 0.75},
		{"طرابلس", "ORG", "propagation", 0.25},
	}
	if !slices.Equal(got, want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
}

func TestTallyRefuses(t *testing.T) {
	for _, c := range []struct {
		in   Count
		want string
	}{
		{Count{"طرابلس", "LOC", 0}, `the count of "طرابلس" as "LOC" is 0, not 1 or more`},
		{Count{"طرابلس", "", 1}, `"طرابلس" has no label`},
	} {
		if _, err := Tally([]Count{c.in}, "s"); fmt.Sprint(err) != c.want {
			t.Errorf("%v: got %v, want %s", c.in, err, c.want)
		}
	}
}

func TestCountSpansPropagates(t *testing.T) {
	annotated := "قال فايز السراج في طرابلس إن حكومة الوفاق باقية"
	spans := []labels.Span{
		{Start: 4, End: 15, Text: "فايز السراج", Label: "PERS", Kind: labels.KindEntity},
		{Start: 19, End: 25, Text: "طرابلس", Label: "LOC", Kind: labels.KindEntity},
		{Start: 29, End: 47, Text: "حكومة الوفاق باقية", Label: "FAVOR", Kind: labels.KindStance},
	}
	for _, sp := range spans {
		if err := labels.CheckText(annotated, sp); err != nil {
			t.Fatal(err)
		}
	}
	m := tallied(t, CountSpans(spans), "propagation")
	got := show(m.Match("وصل السراج إلى طرابلس ثم التقى فايز السراج بحكومة الوفاق باقية"))
	want := "[15,21) \"طرابلس\" LOC\n[31,42) \"فايز السراج\" PERS\n"
	if got != want {
		t.Errorf("got\n%swant\n%s", got, want)
	}
}
