package article

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// tokenNamed returns the index of the n-th token (from 0) whose text is s.
func tokenNamed(t testing.TB, a *Article, s string, n int) int {
	t.Helper()
	for i := range a.Tokens() {
		if tokenText(a, i) == s {
			if n == 0 {
				return i
			}
			n--
		}
	}
	t.Fatalf("no token %q", s)
	return -1
}

// centre returns the middle of token i, relative to the widget.
func centre(a *Article, i int) fyne.Position {
	p, s := a.TokenRect(i)
	return fyne.NewPos(p.X+s.Width/2, p.Y+s.Height/2)
}

// tokens returns the code points of the tokens from i to j.
func tokens(a *Article, i, j int) Selection {
	return Selection{Start: a.Tokens()[i].Start, End: a.Tokens()[j].End}
}

// click presses and releases the primary button at pos the way Fyne's desktop driver does:
// MouseDown, MouseUp, then Tapped, with the modifiers held.
func click(a *Article, pos fyne.Position, mod fyne.KeyModifier) {
	ev := &desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: pos}, Button: desktop.MouseButtonPrimary, Modifier: mod}
	a.MouseDown(ev)
	a.MouseUp(ev)
	test.TapAt(a, pos)
}

// drag drags from one point of the widget to another the way Fyne's desktop driver does: the
// button goes down at from (MouseDown), then each Dragged event tells where the pointer is and
// how far it moved since the last one.
func drag(a *Article, from, to fyne.Position) {
	a.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: from}, Button: desktop.MouseButtonPrimary})
	mid := fyne.NewPos((from.X+to.X)/2, (from.Y+to.Y)/2)
	a.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: mid}, Dragged: fyne.NewDelta(mid.X-from.X, mid.Y-from.Y)})
	a.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: to}, Dragged: fyne.NewDelta(to.X-mid.X, to.Y-mid.Y)})
	a.DragEnd()
	a.MouseUp(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: to}, Button: desktop.MouseButtonPrimary})
}

// selected returns the selection, failing the test when there is none.
func selected(t testing.TB, a *Article) Selection {
	t.Helper()
	sel, ok := a.Selection()
	if !ok {
		t.Fatal("nothing is selected")
	}
	return sel
}

func TestClickSelectsTheTokenUnderIt(t *testing.T) {
	a, w := show(t, seedText(t), 600)
	var got []Selection
	a.OnSelect = func(s Selection) { got = append(got, s) }
	for _, i := range []int{0, 1, 7, 30, len(a.Tokens()) - 1} {
		test.TapAt(a, centre(a, i))
		if sel := selected(t, a); sel != tokens(a, i, i) {
			t.Errorf("a click on token %d %q selects %v, want %v", i, tokenText(a, i), sel, tokens(a, i, i))
		}
	}
	if len(got) != 5 || got[4] != tokens(a, len(a.Tokens())-1, len(a.Tokens())-1) {
		t.Errorf("OnSelect got %v", got)
	}
	if w.Canvas().Focused() != a {
		t.Errorf("a click does not focus the article")
	}
	// between two tokens: nothing
	p0, _ := a.TokenRect(0)
	p1, s1 := a.TokenRect(1)
	test.TapAt(a, fyne.NewPos((p1.X+s1.Width+p0.X)/2, p0.Y+10))
	if _, ok := a.Selection(); ok {
		t.Errorf("a click between tokens leaves a selection")
	}
	if last := got[len(got)-1]; !last.Empty() {
		t.Errorf("OnSelect after clearing got %v, want an empty selection", last)
	}
}

func TestShiftClickExtendsInTextOrder(t *testing.T) {
	a, _ := show(t, seedText(t), 600)
	i, j := 3, 9 // on line 0, i to the right of j
	for _, tc := range []struct {
		name         string
		first, shift int
	}{{"leftwards", i, j}, {"rightwards", j, i}} {
		test.TapAt(a, centre(a, tc.first))
		click(a, centre(a, tc.shift), fyne.KeyModifierShift)
		if sel := selected(t, a); sel != tokens(a, i, j) {
			t.Errorf("%s: shift+click selects %v, want tokens %d-%d %v", tc.name, sel, i, j, tokens(a, i, j))
		}
	}
	// the anchor stays: a second shift+click moves the other end
	test.TapAt(a, centre(a, 5))
	click(a, centre(a, 9), fyne.KeyModifierShift)
	click(a, centre(a, 2), fyne.KeyModifierShift)
	if sel := selected(t, a); sel != tokens(a, 2, 5) {
		t.Errorf("shift+click from anchor 5 to 9 then 2 selects %v, want %v", sel, tokens(a, 2, 5))
	}
	// Shift held on the keyboard (desktop.Keyable) counts too
	test.TapAt(a, centre(a, 4))
	a.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	test.TapAt(a, centre(a, 1))
	a.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	if sel := selected(t, a); sel != tokens(a, 1, 4) {
		t.Errorf("Shift key + click selects %v, want %v", sel, tokens(a, 1, 4))
	}
	test.TapAt(a, centre(a, 6))
	if sel := selected(t, a); sel != tokens(a, 6, 6) {
		t.Errorf("after Shift went up, a click selects %v", sel)
	}
}

func TestShiftClickAcrossLines(t *testing.T) {
	a, _ := show(t, seedText(t), 260)
	l0, l2 := a.VisualLine(1), a.VisualLine(3)
	from, to := l0[len(l0)-1], l2[1] // the left end of line 1, the second token of line 3
	test.TapAt(a, centre(a, to))
	click(a, centre(a, from), fyne.KeyModifierShift)
	if sel := selected(t, a); sel != tokens(a, from, to) {
		t.Errorf("shift+click up across lines selects %v, want %v", sel, tokens(a, from, to))
	}
	test.TapAt(a, centre(a, from))
	click(a, centre(a, to), fyne.KeyModifierShift)
	if sel := selected(t, a); sel != tokens(a, from, to) {
		t.Errorf("shift+click down across lines selects %v, want %v", sel, tokens(a, from, to))
	}
}

func TestDragSelectsBothWays(t *testing.T) {
	a, w := show(t, seedText(t), 600)
	var got []Selection
	a.OnSelect = func(s Selection) { got = append(got, s) }
	i, j := 2, 6
	drag(a, centre(a, i), centre(a, j)) // leftwards: forwards in the text
	if sel := selected(t, a); sel != tokens(a, i, j) {
		t.Errorf("drag from %d to %d selects %v, want %v", i, j, sel, tokens(a, i, j))
	}
	drag(a, centre(a, j), centre(a, i)) // rightwards: backwards
	if sel := selected(t, a); sel != tokens(a, i, j) {
		t.Errorf("drag from %d to %d selects %v, want %v", j, i, sel, tokens(a, i, j))
	}
	if len(got) != 2 {
		t.Errorf("OnSelect called %d times for two drags, want 2 (at the end of each)", len(got))
	}
	// Fyne's test driver: one event at the start of the drag, with the distance
	from, to := centre(a, 1), centre(a, 4)
	test.Drag(w.Canvas(), from, to.X-from.X, to.Y-from.Y)
	if sel := selected(t, a); sel != tokens(a, 1, 4) {
		t.Errorf("test.Drag from 1 to 4 selects %v, want %v", sel, tokens(a, 1, 4))
	}
	// ending off the text, past the left end of the line: up to the last token of the line
	line := a.VisualLine(1)
	p, _ := a.TokenRect(line[0])
	drag(a, centre(a, line[2]), fyne.NewPos(2, p.Y+5))
	if sel := selected(t, a); sel != tokens(a, line[2], line[len(line)-1]) {
		t.Errorf("drag off the line's left end selects %v, want %v", sel, tokens(a, line[2], line[len(line)-1]))
	}
}

func TestDragAcrossLines(t *testing.T) {
	a, _ := show(t, seedText(t), 260)
	l1, l2 := a.VisualLine(1), a.VisualLine(2)
	from, to := l1[1], l2[len(l2)-2]
	drag(a, centre(a, from), centre(a, to)) // down and to the left
	if sel := selected(t, a); sel != tokens(a, from, to) {
		t.Errorf("drag down across a wrap selects %v, want %v", sel, tokens(a, from, to))
	}
	drag(a, centre(a, to), centre(a, from)) // up and to the right
	if sel := selected(t, a); sel != tokens(a, from, to) {
		t.Errorf("drag up across a wrap selects %v, want %v", sel, tokens(a, from, to))
	}
}

func TestDragInMixedLine(t *testing.T) {
	a, _ := show(t, mixed, 900)
	said, isis := tokenNamed(t, a, "المتحدث", 0), tokenNamed(t, a, "ISIS", 0)
	drag(a, centre(a, isis), centre(a, said))
	if sel := selected(t, a); sel != tokens(a, said, isis) {
		t.Errorf("drag from ISIS to المتحدث selects %v, want %v", sel, tokens(a, said, isis))
	}
}

// keys types the named keys into the article.
func keys(a *Article, names ...fyne.KeyName) {
	for _, n := range names {
		a.TypedKey(&fyne.KeyEvent{Name: n})
	}
}

func TestArrowsMoveAlongTheScreen(t *testing.T) {
	a, _ := show(t, seedText(t), 260)
	// Left goes through each line from its right end to its left end, then on to the next
	var want []int
	for li := range a.LineCount() {
		want = append(want, a.VisualLine(li)...)
	}
	test.TapAt(a, centre(a, 0))
	got := []int{0}
	for range len(want) - 1 {
		keys(a, fyne.KeyLeft)
		sel := selected(t, a)
		got = append(got, a.tokenOf(sel.Start))
		if sel.End != a.Tokens()[got[len(got)-1]].End {
			t.Fatalf("after Left the selection %v is more than a token", sel)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("Left visits %v\nwant %v", got, want)
	}
	keys(a, fyne.KeyLeft)
	if sel := selected(t, a); sel != tokens(a, len(want)-1, len(want)-1) {
		t.Errorf("Left at the end of the text moves to %v", sel)
	}
	// Right goes back, over the line breaks
	for k := len(want) - 2; k >= 0; k-- {
		keys(a, fyne.KeyRight)
		if sel := selected(t, a); sel != tokens(a, want[k], want[k]) {
			t.Fatalf("Right %d times from the end selects %v, want token %d", len(want)-1-k, sel, want[k])
		}
	}
}

func TestArrowsInALatinRun(t *testing.T) {
	a, _ := show(t, "وقال في حوار مع صحيفة Corriere della Sera الايطالية", 900)
	test.TapAt(a, centre(a, tokenNamed(t, a, "صحيفة", 0)))
	var got []string
	for range 4 {
		keys(a, fyne.KeyLeft)
		got = append(got, tokenText(a, a.tokenOf(selected(t, a).Start)))
	}
	// on screen, from the right: صحيفة Sera della Corriere الايطالية
	if want := []string{"Sera", "della", "Corriere", "الايطالية"}; !slices.Equal(got, want) {
		t.Errorf("Left from صحيفة visits %q, want %q (the screen's order)", got, want)
	}
}

func TestShiftArrowsHomeEndEscape(t *testing.T) {
	a, _ := show(t, seedText(t), 600)
	var keysSeen []fyne.KeyName
	a.OnKey = func(ev *fyne.KeyEvent) bool { keysSeen = append(keysSeen, ev.Name); return true }
	var sels []Selection
	a.OnSelect = func(s Selection) { sels = append(sels, s) }
	test.TapAt(a, centre(a, 2))
	a.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftRight})
	keys(a, fyne.KeyLeft, fyne.KeyLeft, fyne.KeyLeft)
	if sel := selected(t, a); sel != tokens(a, 2, 5) {
		t.Errorf("Shift+Left ×3 from token 2 selects %v, want %v", sel, tokens(a, 2, 5))
	}
	keys(a, fyne.KeyRight, fyne.KeyRight, fyne.KeyRight, fyne.KeyRight)
	if sel := selected(t, a); sel != tokens(a, 1, 2) {
		t.Errorf("then Shift+Right ×4 selects %v, want %v", sel, tokens(a, 1, 2))
	}
	line := a.VisualLine(0)
	keys(a, fyne.KeyEnd)
	if sel := selected(t, a); sel != tokens(a, 2, line[len(line)-1]) {
		t.Errorf("Shift+End selects %v, want to the end of the line %v", sel, tokens(a, 2, line[len(line)-1]))
	}
	a.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftRight})
	keys(a, fyne.KeyHome)
	if sel := selected(t, a); sel != tokens(a, 0, 0) {
		t.Errorf("Home selects %v, want the first token of the line", sel)
	}
	keys(a, fyne.KeyEscape)
	if _, ok := a.Selection(); ok {
		t.Errorf("Escape leaves a selection")
	}
	if len(keysSeen) != 0 {
		t.Errorf("keys the article used reached OnKey: %v", keysSeen)
	}
	if last := sels[len(sels)-1]; !last.Empty() {
		t.Errorf("OnSelect after Escape got %v", last)
	}
	keys(a, fyne.KeyEscape, fyne.KeyDelete, fyne.KeyBackspace, fyne.KeyReturn, fyne.KeyDown)
	if want := []fyne.KeyName{fyne.KeyEscape, fyne.KeyDelete, fyne.KeyBackspace, fyne.KeyReturn, fyne.KeyDown}; !slices.Equal(keysSeen, want) {
		t.Errorf("OnKey got %v, want %v", keysSeen, want)
	}
	// after Escape, Left selects the token the cursor was on, and moves from there
	keys(a, fyne.KeyLeft)
	if sel := selected(t, a); sel != tokens(a, 0, 0) {
		t.Errorf("Left with nothing selected selects %v, want the cursor's token 0", sel)
	}
}

func TestRunesGoToOnRune(t *testing.T) {
	a, _ := show(t, seedText(t), 600)
	var got []rune
	a.OnRune = func(r rune) { got = append(got, r) }
	test.Type(a, "123fanxjkc")
	if want := []rune("123fanxjkc"); !slices.Equal(got, want) {
		t.Errorf("OnRune got %q, want %q (c too: nothing is selected)", string(got), string(want))
	}
}

func TestProcliticKey(t *testing.T) {
	a, _ := show(t, "قاتل الجيش وبالعراق ثم بالعراق ثم المدينة", 900)
	var sels []Selection
	a.OnSelect = func(s Selection) { sels = append(sels, s) }
	var runes []rune
	a.OnRune = func(r rune) { runes = append(runes, r) }

	wb := tokenNamed(t, a, "وبالعراق", 0)
	start := a.Tokens()[wb].Start
	test.TapAt(a, centre(a, wb))
	for k, after := range []int{1, 2, 0, 1} {
		test.Type(a, "c")
		want := Selection{Start: start + after, End: a.Tokens()[wb].End}
		if sel := selected(t, a); sel != want {
			t.Errorf("c ×%d on وبالعراق selects %v, want %v", k+1, sel, want)
		}
		if sels[len(sels)-1] != want {
			t.Errorf("OnSelect got %v, want %v", sels[len(sels)-1], want)
		}
	}
	// the cut start stays while the first token does
	click(a, centre(a, wb+2), fyne.KeyModifierShift)
	if sel := selected(t, a); sel.Start != start+1 || sel.End != a.Tokens()[wb+2].End {
		t.Errorf("shift+click after c selects %v, want from %d", sel, start+1)
	}
	// و does not join: it is cut off as it is, and the rest is drawn whole
	if got := texts(a, "و", "بالعراق"); len(got) != 2 {
		t.Errorf("وبالعراق cut after و: %d of its two parts drawn", len(got))
	}
	// a new click starts whole
	test.TapAt(a, centre(a, wb))
	if sel := selected(t, a); sel != tokens(a, wb, wb) {
		t.Errorf("a new click on وبالعراق selects %v, want the whole token", sel)
	}
	if len(a.splits) != 0 {
		t.Errorf("the token is still drawn cut")
	}

	b := tokenNamed(t, a, "بالعراق", 0)
	test.TapAt(a, centre(a, b))
	test.Type(a, "c")
	if sel := selected(t, a); sel != (Selection{Start: a.Tokens()[b].Start + 1, End: a.Tokens()[b].End}) {
		t.Errorf("c on بالعراق selects %v", sel)
	}
	// ب joins: both parts carry a ZERO WIDTH JOINER, and they abut where the token is
	parts := texts(a, "ب\u200d", "\u200dالعراق")
	if len(parts) != 2 {
		t.Fatalf("بالعراق cut after ب: %d of its two parts drawn", len(parts))
	}
	pos, size := a.TokenRect(b)
	bi, rest := parts[0], parts[1]
	if right := bi.Position().X + bi.Size().Width; abs(right-(pos.X+size.Width)) > 0.01 {
		t.Errorf("ب ends at %v, the token at %v", right, pos.X+size.Width)
	}
	if right := rest.Position().X + rest.Size().Width; abs(right-bi.Position().X) > 0.01 {
		t.Errorf("العراق ends at %v, ب starts at %v: the parts do not abut", right, bi.Position().X)
	}
	if abs(rest.Position().X-pos.X) > 0.5 {
		t.Errorf("العراق starts at %v, the token at %v", rest.Position().X, pos.X)
	}
	// the highlight leaves the proclitic out
	hl := rects(a, a.Theme().Color("selection", 0))
	if len(hl) != 1 || abs(hl[0].Position().X+hl[0].Size().Width-bi.Position().X) > 0.01 {
		t.Errorf("the selection is drawn as %v, want one box ending where ب starts (%v)", boxes(hl), bi.Position().X)
	}

	// a token without a proclitic: c goes to OnRune
	test.TapAt(a, centre(a, tokenNamed(t, a, "المدينة", 0)))
	test.Type(a, "c")
	if !slices.Equal(runes, []rune{'c'}) {
		t.Errorf("c on المدينة: OnRune got %q", string(runes))
	}
}

func TestJoinsAcross(t *testing.T) {
	for _, tc := range []struct {
		word string
		at   int
		want bool
	}{
		{"بالعراق", 1, true}, {"وبالعراق", 1, false}, {"وبالعراق", 2, true}, {"لـمحمد", 2, true},
		{"وَبِالعراق", 2, false}, {"وَبِالعراق", 4, true}, {"كالدار", 1, true}, {"فالأمر", 1, true},
		{"ISIS", 2, false}, {"دار", 1, false}, {"لا", 1, true}, {"سماء", 3, false}, {"ولد", 1, false},
	} {
		if got := joinsAcross([]rune(tc.word), tc.at); got != tc.want {
			t.Errorf("joinsAcross(%q, %d) = %v, want %v", tc.word, tc.at, got, tc.want)
		}
	}
}

func abs(x float32) float32 { return max(x, -x) }
