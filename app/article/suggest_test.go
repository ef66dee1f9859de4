package article

import (
	"fmt"
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"github.com/tawsim/tawsim/labels"
)

// suggestion returns the suggestion of label by source over the n-th occurrence of phrase.
func suggestion(t testing.TB, a *Article, label, phrase string, n int, source string, score float64) labels.Suggestion {
	t.Helper()
	sp := spanOver(t, a, "", label, phrase, n)
	return labels.Suggestion{Start: sp.Start, End: sp.End, Text: sp.Text, Label: label, Source: source, Score: score}
}

const adjacent = "وقال قائد الجيش الوطني الليبي خليفة حفتر في طرابلس وبنغازي وبالعراق"

// adjacentSuggestions: a place two sources suggest, a town suggested as a place and as a
// person (a group of two), and a country after the proclitics of وبالعراق.
func adjacentSuggestions(t testing.TB, a *Article) []labels.Suggestion {
	return []labels.Suggestion{
		suggestion(t, a, "LOC", "طرابلس", 0, "places.tsv", 1),
		suggestion(t, a, "LOC", "طرابلس", 0, "propagation", 0.75),
		suggestion(t, a, "PERS", "بنغازي", 0, "model-1", 0.31),
		suggestion(t, a, "LOC", "بنغازي", 0, "places.tsv", 0.6),
		suggestion(t, a, "LOC", "العراق", 0, "places.tsv", 1),
	}
}

func TestSuggestionsGrouped(t *testing.T) {
	a, _ := show(t, adjacent, 700)
	a.SetSuggestions(adjacentSuggestions(t, a), schema)
	got := a.Suggestions()
	var names []string
	for _, s := range got {
		names = append(names, fmt.Sprintf("%s %s %d/%d", s.Label, s.Text, len(s.Sources), s.Others))
	}
	want := []string{"LOC طرابلس 2/0", "LOC بنغازي 1/1", "LOC العراق 1/0"}
	if fmt.Sprint(names) != fmt.Sprint(want) {
		t.Fatalf("drawn %q, want %q", names, want)
	}
	if s := got[0].Sources; s[0].Source != "places.tsv" || s[1].Source != "propagation" {
		t.Errorf("sources not surest first: %+v", s)
	}
}

// TestSuggestionUnderSelection: a word inside a suggestion, the suggestion's words, a
// selection beyond it whose caret word is in it; nothing for a selected span.
func TestSuggestionUnderSelection(t *testing.T) {
	a, _ := show(t, adjacent, 700)
	a.SetSpans([]labels.Span{spanOver(t, a, "pers", "PERS", "خليفة حفتر", 0)}, schema)
	a.SetSuggestions(append(adjacentSuggestions(t, a), suggestion(t, a, "ORG", "الجيش الوطني الليبي", 0, "orgs.tsv", 1)), schema)
	army := tokenNamed(t, a, "الجيش", 0)
	a.selectTokens(army+1, army+1, false)
	if s, ok := a.SuggestionUnderSelection(); !ok || s.Label != "ORG" {
		t.Errorf("a word inside: %+v %v", s, ok)
	}
	a.selectTokens(army-1, army+2, false) // قائد … الليبي: the caret word الليبي is in it
	if s, ok := a.SuggestionUnderSelection(); !ok || s.Label != "ORG" {
		t.Errorf("beyond it, the caret inside: %+v %v", s, ok)
	}
	a.selectTokens(army+2, army-1, false) // the caret on قائد
	if s, ok := a.SuggestionUnderSelection(); ok {
		t.Errorf("the caret outside: %+v", s)
	}
	a.SelectSpan("pers")
	if s, ok := a.SuggestionUnderSelection(); ok {
		t.Errorf("a span selected: %+v", s)
	}
}

// TestClickOnSuggestion: a click selects the suggestion's words (after the proclitics of
// وبالعراق), a second click on a group draws and selects the next one, and a click on a
// span's words selects the span, not the suggestion under it.
func TestClickOnSuggestion(t *testing.T) {
	a, _ := show(t, adjacent, 700)
	a.SetSpans([]labels.Span{spanOver(t, a, "bigger", "LOC", "طرابلس وبنغازي", 0)}, labels.Schema{
		Entities: schema.Entities, Nesting: labels.NestingNested})
	a.SetSuggestions(adjacentSuggestions(t, a), schema)
	var told []Selection
	a.OnSelect = func(sel Selection) { told = append(told, sel) }
	iraq := tokenNamed(t, a, "وبالعراق", 0)
	test.TapAt(a, centre(a, iraq))
	want := spanOver(t, a, "", "LOC", "العراق", 0)
	if sel := selected(t, a); sel.Start != want.Start || sel.End != want.End || len(told) != 1 {
		t.Fatalf("selected %+v (told %v), want the suggestion [%d,%d)", sel, told, want.Start, want.End)
	}
	test.TapAt(a, centre(a, tokenNamed(t, a, "وبنغازي", 0)))
	if sp, ok := a.SelectedSpan(); !ok || sp.ID != "bigger" {
		t.Fatalf("a click on a span's words selected %+v, %v", sp, ok)
	}
	a.SetSpans(nil, schema)
	benghazi := centre(a, tokenNamed(t, a, "وبنغازي", 0))
	test.TapAt(a, benghazi)
	if s, _ := a.SuggestionUnderSelection(); s.Label != "LOC" {
		t.Fatalf("first click: %+v", s)
	}
	test.TapAt(a, benghazi)
	if s, _ := a.SuggestionUnderSelection(); s.Label != "PERS" || s.Score() != 0.31 {
		t.Fatalf("second click: %+v", s)
	}
	a.SetSuggestions(adjacentSuggestions(t, a), schema) // the one drawn stays drawn
	if s := a.Suggestions()[1]; s.Label != "PERS" {
		t.Errorf("after new suggestions the group draws %+v", s)
	}
	test.TapAt(a, benghazi)
	if s, _ := a.SuggestionUnderSelection(); s.Label != "LOC" {
		t.Errorf("third click: %+v", s)
	}
}

// TestHoverTellsTheSuggestion: the pointer on a suggestion, on its name, then off it.
func TestHoverTellsTheSuggestion(t *testing.T) {
	a, _ := show(t, adjacent, 700)
	a.SetSuggestions(adjacentSuggestions(t, a), schema)
	var told []string
	a.OnSuggestionHover = func(s Suggested, ok bool) { told = append(told, fmt.Sprint(s.Label, ok)) }
	at := centre(a, tokenNamed(t, a, "طرابلس", 0))
	move := func(p fyne.Position) { a.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: p}}) }
	move(at)
	move(at.AddXY(1, 0))                                      // still on it: nothing new
	move(fyne.NewPos(at.X, a.lay.lines[0].y+a.bands().top-3)) // its name
	move(centre(a, tokenNamed(t, a, "في", 0)))
	if want := "[LOCtrue false]"; fmt.Sprint(told) != want {
		t.Errorf("told %v, want %s", told, want)
	}
}

// outlineColours returns the colours of the dashes the article draws.
func outlineColours(a *Article) map[color.NRGBA]int {
	got := map[color.NRGBA]int{}
	for _, o := range test.WidgetRenderer(a).Objects() {
		if r, ok := o.(*canvas.Rectangle); ok && r.Size().Width <= dashLen && r.Size().Height <= dashLen {
			if c, ok := r.FillColor.(color.NRGBA); ok {
				got[c]++
			}
		}
	}
	return got
}

// TestSuggestionsHiddenAndShown: no suggestion, no dash; suggestions dashes in their label's
// colour; none again once they are set to none.
func TestSuggestionsHiddenAndShown(t *testing.T) {
	a, _ := show(t, adjacent, 700)
	loc := color.NRGBA{R: 0x76, G: 0xb0, B: 0x41, A: 0xff}
	if n := outlineColours(a)[loc]; n != 0 {
		t.Fatalf("%d dashes before any suggestion", n)
	}
	a.SetSuggestions(adjacentSuggestions(t, a), schema)
	if n := outlineColours(a)[loc]; n < 12 {
		t.Errorf("%d dashes of three LOC outlines", n)
	}
	a.SetSuggestions(nil, schema)
	if n := outlineColours(a)[loc]; n != 0 {
		t.Errorf("%d dashes after the suggestions went", n)
	}
}

// TestSuggestionsBesideSpansImage: spans, and suggestions beside them: one of two sources,
// a group of two (LOC +1), one after proclitics, the one under the selection drawn thicker.
func TestSuggestionsBesideSpansImage(t *testing.T) {
	a, w := show(t, adjacent, 700)
	a.SetSpans([]labels.Span{
		spanOver(t, a, "org", "ORG", "الجيش الوطني الليبي", 0),
		spanOver(t, a, "pers", "PERS", "خليفة حفتر", 0),
		stance(spanOver(t, a, "st", "FAVOR", "قائد الجيش الوطني", 0)),
	}, schema)
	a.SetSuggestions(adjacentSuggestions(t, a), schema)
	test.TapAt(a, centre(a, tokenNamed(t, a, "طرابلس", 0)))
	test.AssertImageMatches(t, "suggestions-spans.png", w.Canvas().Capture())
}

// TestSuggestionsNestedImage: suggestions with nested spans: one inside an outer span drawn
// as a band, one inside a span drawn as a background, and two organizations one inside the
// other (a group: ORG +1) whose name stands beside nothing.
func TestSuggestionsNestedImage(t *testing.T) {
	a, w := show(t, "قال وزير الصحة الأردني إن منظمة الأمم المتحدة للطفولة تدعم جامعة بيرزيت", 560)
	a.SetSpans([]labels.Span{
		spanOver(t, a, "occ", "OCC", "وزير الصحة الأردني", 0),
		spanOver(t, a, "norp", "NORP", "الأردني", 0),
		spanOver(t, a, "uni", "ORG", "جامعة بيرزيت", 0),
	}, wojoodSchema)
	a.SetSuggestions([]labels.Suggestion{
		suggestion(t, a, "ORG", "الصحة", 0, "orgs.tsv", 0.5),
		suggestion(t, a, "GPE", "بيرزيت", 0, "places.tsv", 1),
		suggestion(t, a, "ORG", "منظمة الأمم المتحدة للطفولة", 0, "model-1", 0.92),
		suggestion(t, a, "ORG", "الأمم المتحدة", 0, "orgs.tsv", 0.8),
	}, wojoodSchema)
	test.AssertImageMatches(t, "suggestions-nested.png", w.Canvas().Capture())
}
