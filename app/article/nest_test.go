package article

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"github.com/tawsim/tawsim/labels"
)

// wojoodSchema has some of Wojood's types, with the colours of the built-in Wojood schema.
var wojoodSchema = labels.Schema{
	Entities: []labels.Label{
		{Name: "PERS", Color: "#f0693c"}, {Name: "NORP", Color: "#e16996"}, {Name: "OCC", Color: "#a5693c"},
		{Name: "ORG", Color: "#0078f0"}, {Name: "GPE", Color: "#00a500"}, {Name: "DATE", Color: "#0096d2"},
	},
	StanceLabels: []labels.Label{{Name: "FAVOR", Color: "#2e9e5b"}},
	Targets:      []labels.Target{{ID: "lna", Name: "LNA"}},
	Nesting:      labels.NestingNested,
}

// threeLevels is a union of the workers of a municipality named after its city.
const threeLevels = "أعلنت نقابة موظفي بلدية نابلس الإضراب يوم الأحد\nوقال أحمد إن الإضراب سلمي"

func threeLevelSpans(t *testing.T, a *Article) []labels.Span {
	return []labels.Span{
		spanOver(t, a, "union", "ORG", "نقابة موظفي بلدية نابلس", 0),
		spanOver(t, a, "town", "ORG", "بلدية نابلس", 0),
		spanOver(t, a, "city", "GPE", "نابلس", 0),
		spanOver(t, a, "day", "DATE", "يوم الأحد", 0),
		spanOver(t, a, "ahmad", "PERS", "أحمد", 0),
		stance(spanOver(t, a, "st", "FAVOR", "أعلنت نقابة موظفي", 0)),
	}
}

func TestNestHeights(t *testing.T) {
	a, _ := show(t, threeLevels, 700)
	a.SetSpans(threeLevelSpans(t, a), wojoodSchema)
	got := map[string]int{}
	for _, s := range a.spans {
		got[s.ID] = s.height
	}
	want := map[string]int{"union": 2, "town": 1, "city": 0, "day": 0, "ahmad": 0, "st": 0}
	for id, h := range want {
		if got[id] != h {
			t.Errorf("%s: height %d, want %d", id, got[id], h)
		}
	}
	if len(a.nest) != 2 || a.lineRows(0) != 2 || a.lineRows(1) != 0 {
		t.Errorf("bands %+v, rows of the lines %d %d", a.nest, a.lineRows(0), a.lineRows(1))
	}
}

// TestNestMakesRoom: the line with two rows of bands has two rows' room more below it; the
// line after it moves down by that much, and nothing else moves.
func TestNestMakesRoom(t *testing.T) {
	a, _ := show(t, threeLevels, 700)
	y1 := a.lay.lines[1].y
	h := a.lay.height
	a.SetSpans(threeLevelSpans(t, a), wojoodSchema)
	step := a.bands().nestStep
	if got := a.lay.lines[1].y; got != y1+2*step || a.lay.lines[0].y != a.m.pad {
		t.Errorf("line 1 at %v, want %v", got, y1+2*step)
	}
	if a.lay.height != h+2*step {
		t.Errorf("height %v, want %v", a.lay.height, h+2*step)
	}
	a.SetSpans(nil, wojoodSchema)
	if a.lay.lines[1].y != y1 || a.lay.height != h {
		t.Errorf("without the spans line 1 is at %v, the height %v", a.lay.lines[1].y, a.lay.height)
	}
}

// TestClickCyclesThroughNested: a click on نابلس selects the GPE, a second the ORG around it,
// a third the union, a fourth the GPE again; a click on a band selects its span.
func TestClickCyclesThroughNested(t *testing.T) {
	a, _ := show(t, threeLevels, 700)
	a.SetSpans(threeLevelSpans(t, a), wojoodSchema)
	var tapped []string
	a.OnSpanTapped = func(sp labels.Span) { tapped = append(tapped, sp.ID) }
	at := centre(a, tokenNamed(t, a, "نابلس", 0))
	for range 4 {
		test.TapAt(a, at)
	}
	if want := []string{"city", "town", "union", "city"}; !slices.Equal(tapped, want) {
		t.Errorf("clicks on نابلس selected %v, want %v", tapped, want)
	}
	// a click on another word of the nest goes on from the selected span
	test.TapAt(a, centre(a, tokenNamed(t, a, "بلدية", 0)))
	if sp, _ := a.SelectedSpan(); sp.ID != "town" {
		t.Errorf("a click on بلدية after the GPE selected %q, want town", sp.ID)
	}
	test.TapAt(a, centre(a, tokenNamed(t, a, "موظفي", 0)))
	if sp, _ := a.SelectedSpan(); sp.ID != "union" {
		t.Errorf("a click on موظفي selected %q, want union", sp.ID)
	}
	// the bands: town's right under the text, the union's below it
	b := a.bands()
	p, _ := a.TokenRect(tokenNamed(t, a, "بلدية", 0))
	x := centre(a, tokenNamed(t, a, "بلدية", 0)).X
	for _, c := range []struct {
		height int
		want   string
	}{{1, "town"}, {2, "union"}, {1, "town"}} {
		test.TapAt(a, fyne.NewPos(x, p.Y+b.nestAt(c.height)+b.nestH/2))
		if sp, _ := a.SelectedSpan(); sp.ID != c.want {
			t.Errorf("a click on band %d selected %q, want %s", c.height, sp.ID, c.want)
		}
	}
	// the stance underline sits below the bands
	top := b.underAt(2)
	test.TapAt(a, fyne.NewPos(centre(a, tokenNamed(t, a, "أعلنت", 0)).X, p.Y+top+b.underH/2))
	if sp, _ := a.SelectedSpan(); sp.ID != "st" {
		t.Errorf("a click on the underline selected %q, want st", sp.ID)
	}
}

func TestSelectOuter(t *testing.T) {
	a, _ := show(t, threeLevels, 700)
	a.SetSpans(threeLevelSpans(t, a), wojoodSchema)
	a.SelectSpan("city")
	var got []string
	for {
		sp, ok := a.SelectOuter()
		if !ok {
			break
		}
		got = append(got, sp.ID)
	}
	if !slices.Equal(got, []string{"town", "union"}) {
		t.Errorf("SelectOuter from city: %v", got)
	}
	if sp, _ := a.SelectedSpan(); sp.ID != "union" {
		t.Errorf("selected %q after the outermost", sp.ID)
	}
	var ids []string
	for _, sp := range a.SpansAround(a.spans[a.spanIndex("city")].Start) {
		ids = append(ids, sp.ID)
	}
	if !slices.Equal(ids, []string{"city", "town", "union"}) {
		t.Errorf("SpansAround(نابلس) = %v", ids)
	}
	a.SelectSpan("st")
	if _, ok := a.SelectOuter(); ok {
		t.Error("SelectOuter from a stance span")
	}
}

// TestSameRangeTwice: two labels on one range (a schema with same_range) are one band and one
// background, and clicks go from the one drawn inside to the other.
func TestSameRangeTwice(t *testing.T) {
	a, _ := show(t, threeLevels, 700)
	a.SetSpans([]labels.Span{spanOver(t, a, "org", "ORG", "بلدية نابلس", 0), spanOver(t, a, "gpe", "GPE", "بلدية نابلس", 0)}, wojoodSchema)
	if a.spans[0].height != 1 || a.spans[1].height != 0 {
		t.Errorf("heights %d %d", a.spans[0].height, a.spans[1].height)
	}
	var tapped []string
	a.OnSpanTapped = func(sp labels.Span) { tapped = append(tapped, sp.ID) }
	at := centre(a, tokenNamed(t, a, "نابلس", 0))
	test.TapAt(a, at)
	test.TapAt(a, at)
	if !slices.Equal(tapped, []string{a.spans[1].ID, a.spans[0].ID}) {
		t.Errorf("clicks selected %v", tapped)
	}
}

// TestShiftArrowsWalkTheNest: Shift+↓ goes in from the outermost span to the city, Shift+↑
// back out, each step told to OnSpanTapped, the end of the nest told again; with words
// selected Shift+↑ selects the innermost span holding them all. Neither goes on to OnKey.
func TestShiftArrowsWalkTheNest(t *testing.T) {
	a, _ := show(t, threeLevels, 700)
	a.SetSpans(threeLevelSpans(t, a), wojoodSchema)
	var tapped []string
	a.OnSpanTapped = func(sp labels.Span) { tapped = append(tapped, sp.ID) }
	a.OnKey = func(ev *fyne.KeyEvent) bool { t.Errorf("OnKey got %s", ev.Name); return true }
	shift := func(key fyne.KeyName) {
		a.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
		a.TypedKey(&fyne.KeyEvent{Name: key})
		a.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	}
	a.SelectSpan("union")
	for range 3 {
		shift(fyne.KeyDown)
	}
	for range 3 {
		shift(fyne.KeyUp)
	}
	want := []string{"town", "city", "city", "town", "union", "union"}
	if !slices.Equal(tapped, want) {
		t.Errorf("Shift+↓ ×3, Shift+↑ ×3 chose %v, want %v", tapped, want)
	}

	tapped = nil
	test.TapAt(a, centre(a, tokenNamed(t, a, "موظفي", 0))) // a word of the union alone
	shift(fyne.KeyUp)
	drag(a, centre(a, tokenNamed(t, a, "بلدية", 0)), centre(a, tokenNamed(t, a, "نابلس", 0)))
	shift(fyne.KeyUp)
	if !slices.Equal(tapped, []string{"union", "union", "town"}) {
		t.Errorf("a click and Shift+↑, then words selected and Shift+↑ chose %v", tapped)
	}
	if _, ok := a.Selection(); ok {
		t.Error("the words are still selected beside the span")
	}

	tapped = nil
	a.SelectSpan("day") // a span alone: nothing around it, nothing inside
	shift(fyne.KeyUp)
	shift(fyne.KeyDown)
	a.SelectSpan("st") // stance evidence: not a nest
	shift(fyne.KeyUp)
	a.SelectSpan("")
	shift(fyne.KeyUp)
	if !slices.Equal(tapped, []string{"day", "day"}) {
		t.Errorf("around a span alone, stance evidence and nothing: %v", tapped)
	}
}

func TestSelectInner(t *testing.T) {
	a, _ := show(t, threeLevels, 700)
	// two spans side by side inside one, and the same range twice
	a.SetSpans([]labels.Span{
		spanOver(t, a, "all", "EVENT", "نقابة موظفي بلدية نابلس الإضراب", 0),
		spanOver(t, a, "workers", "ORG", "نقابة موظفي", 0),
		spanOver(t, a, "town", "ORG", "بلدية نابلس", 0),
		spanOver(t, a, "town2", "GPE", "بلدية نابلس", 0),
	}, wojoodSchema)
	a.SelectSpan("all")
	var got []string
	for {
		sp, ok := a.SelectInner()
		if !ok {
			break
		}
		got = append(got, sp.ID)
	}
	if !slices.Equal(got, []string{"workers"}) {
		t.Errorf("SelectInner from all: %v", got)
	}
	a.SelectSpan("town")
	if sp, ok := a.SelectInner(); !ok || sp.ID != "town2" {
		t.Errorf("SelectInner from the outer of one range: %q %v", sp.ID, ok)
	}
	if sp, ok := a.SelectInner(); ok {
		t.Errorf("SelectInner from the inner of one range: %q", sp.ID)
	}
}
