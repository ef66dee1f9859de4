package storetest

import (
	"errors"
	"math"
	"testing"

	"github.com/google/uuid"

	"github.com/tawsim/tawsim/labels"
)

var _ = contract(
	testCase{"SuggestionsNamedAndCounted", testSuggestionsNamedAndCounted},
	testCase{"SuggestionRefusals", testSuggestionRefusals},
)

// testSuggestionRefusals: a run refuses a suggestion with a label that is no valid name, a
// score that is no number or a text that is not the document's, with labels.ErrBadSuggestion
// or the labels error that says why, and writes none of the document's.
func testSuggestionRefusals(t *testing.T, open Opener) {
	s, ids := project(t, open, labels.NestingFlat, Texts[0])
	sp := Entity(t, ids[0], "x", Texts[0], "طرابلس", "LOC")
	good := labels.Suggestion{DocID: ids[0], Start: sp.Start, End: sp.End, Text: sp.Text, Label: "LOC", Source: "m", Score: 0.5}
	for _, c := range []struct {
		name string
		edit func(*labels.Suggestion)
		want error
	}{
		{"label with two spaces", func(g *labels.Suggestion) { g.Label = "A  B" }, labels.ErrBadSuggestion},
		{"empty label", func(g *labels.Suggestion) { g.Label = "" }, labels.ErrBadSuggestion},
		{"score not a number", func(g *labels.Suggestion) { g.Score = math.NaN() }, labels.ErrBadSuggestion},
		{"text mismatch", func(g *labels.Suggestion) { g.Text = "طرابلسس" }, labels.ErrTextMismatch},
	} {
		r, err := s.BeginSuggestions(ctx, []string{"m"}, false)
		must(t, err)
		g := good
		c.edit(&g)
		if err := r.Put(labels.Document{ID: ids[0], Text: Texts[0]}, []labels.Suggestion{g}); !errors.Is(err, c.want) {
			t.Errorf("%s: Put = %v, want %v", c.name, err, c.want)
		}
		r.Rollback()
	}
	if sgs, err := s.Suggestions(ctx, ids[0], ""); err != nil || len(sgs) != 0 {
		t.Errorf("suggestions after the refusals = %+v, %v", sgs, err)
	}
}

// testSuggestionsNamedAndCounted: accepting all of a document's suggestions names each span
// as asked (a new name where the one asked for is no UUID), and the documents listed by
// score are counted for every source and for one.
func testSuggestionsNamedAndCounted(t *testing.T, open Opener) {
	s, ids := project(t, open, labels.NestingFlat, Texts[0], Texts[1], Texts[2])
	run := func(source string, docs ...int) {
		r, err := s.BeginSuggestions(ctx, []string{source}, false)
		must(t, err)
		defer r.Rollback()
		for _, i := range docs {
			word := map[int]string{0: "طرابلس", 1: "المنطقة الغربية", 2: "أنقرة"}[i]
			sp := Entity(t, ids[i], "x", Texts[i], word, "LOC")
			must(t, r.Put(labels.Document{ID: ids[i], Text: Texts[i]}, []labels.Suggestion{
				{DocID: ids[i], Start: sp.Start, End: sp.End, Text: word, Label: "LOC", Source: source, Score: 0.5}}))
		}
		_, err = r.Commit()
		must(t, err)
	}
	run("names.tsv", 0, 1)
	run("model-1", 1, 2)
	for source, want := range map[string]int{"": 3, "names.tsv": 2, "model-1": 2, "other": 0} {
		if n, err := s.CountDocumentsByScore(ctx, source); err != nil || n != want {
			t.Errorf("CountDocumentsByScore(%q) = %d, %v, want %d", source, n, err, want)
		}
	}

	named := uuid.Must(uuid.NewV7()).String()
	asked := 0
	spans, err := s.AcceptAllSuggestionsNamed(ctx, "amal", ids[0], func(g labels.Suggestion) string {
		asked++
		return named
	})
	must(t, err)
	if asked != 1 || len(spans) != 1 || spans[0].ID != named || spans[0].Origin != labels.OriginSuggestion {
		t.Errorf("AcceptAllSuggestionsNamed asked %d times, made %+v", asked, spans)
	}
	spans, err = s.AcceptAllSuggestionsNamed(ctx, "amal", ids[2], func(labels.Suggestion) string { return "not a uuid" })
	must(t, err)
	if len(spans) != 1 || uuid.Validate(spans[0].ID) != nil {
		t.Errorf("accepted with a name that is no UUID: %+v", spans)
	}
	if got, err := s.Span(ctx, ids[0], named); err != nil || got.Label != "LOC" {
		t.Errorf("Span(%s) = %+v, %v", named, got, err)
	}
	if pending, _ := s.PendingSuggestions(ctx, ids[0], "amal"); len(pending) != 0 {
		t.Errorf("pending after accepting all: %+v", pending)
	}
	if _, err := s.Undo(ctx, "amal"); err != nil {
		t.Fatal(err)
	}
	if spans, _ := s.Spans(ctx, ids[2], "amal"); len(spans) != 0 {
		t.Errorf("spans after undo: %+v", spans)
	}
}
