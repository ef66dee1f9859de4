package labels

import (
	"errors"
	"math"
	"strings"
	"testing"
)

func TestSuggestionCheck(t *testing.T) {
	text := "🙂 دخل طرابلس"
	x := NewTextIndex(text)
	good := Suggestion{Start: 6, End: 12, Text: "طرابلس", Label: "LOC", Source: "places.tsv", Score: 0.5}
	if err := good.Check(x); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		change func(*Suggestion)
		want   error
	}{
		{func(g *Suggestion) { g.Text = "طرابلسي" }, ErrTextMismatch},
		{func(g *Suggestion) { g.End = 99 }, ErrOutOfRange},
		{func(g *Suggestion) { g.Source = "" }, ErrBadName},
		{func(g *Suggestion) { g.Label = "L\u202eOC" }, ErrBadName},
		{func(g *Suggestion) { g.Score = math.NaN() }, ErrBadSuggestion},
		{func(g *Suggestion) { g.Decision = "maybe" }, ErrBadSuggestion},
	} {
		g := good
		c.change(&g)
		if err := g.Check(x); !errors.Is(err, c.want) {
			t.Errorf("%+v: %v, want %v", g, err, c.want)
		}
	}
}

func TestTakeSuggestions(t *testing.T) {
	sg := func(start, end int, label string, score float64, d Decision) Suggestion {
		return Suggestion{Start: start, End: end, Label: label, Source: "s", Score: score, Decision: d}
	}
	spans := []Span{{Start: 0, End: 4, Label: "ORG", Kind: KindEntity}, {Start: 30, End: 40, Label: "FAVOR", Kind: KindStance}}
	taken := TakeSuggestions([]Suggestion{
		sg(2, 6, "LOC", 1, ""),                    // on an entity span
		sg(10, 20, "ORG", 0.6, ""),                // beaten by the one inside it
		sg(10, 14, "PERS", 0.9, ""),               // taken first
		sg(16, 20, "LOC", 0.7, ""),                // taken
		sg(22, 26, "LOC", 0.99, DecisionRejected), // decided
		sg(32, 36, "MISC", 0.1, ""),               // on an evidence span only: taken
		sg(16, 20, "PERS", 0.7, ""),               // same place as a LOC of the same score: LOC first by label
	}, spans, "amal")
	var got []string
	for _, sp := range taken {
		if sp.Annotator != "amal" || sp.Kind != KindEntity || sp.Origin != OriginSuggestion {
			t.Errorf("span %+v", sp)
		}
		got = append(got, sp.Label)
	}
	if want := "PERS LOC MISC"; strings.Join(got, " ") != want {
		t.Errorf("taken %q, want %q", strings.Join(got, " "), want)
	}
}
