package article

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// biden is a right-to-left line with a Latin name in brackets, a number and a date.
const biden = "قال الرئيس (Joe Biden) إن 3.5% من الناخبين في ولاية Ohio صوتوا يوم 2024-11-05."

// checkHighlight fails the test unless the selection's highlight covers the tokens of sel and
// no other: each token inside it lies under one highlighted box, and no box reaches over a
// token outside it.
func checkHighlight(t *testing.T, a *Article, sel Selection, when string) {
	t.Helper()
	hl := rects(a, a.Theme().Color("selection", 0))
	if len(hl) == 0 {
		t.Errorf("%s: no highlight drawn", when)
		return
	}
	for i, o := range a.Tokens() {
		p, s := a.TokenRect(i)
		in := o.Start >= sel.Start && o.End <= sel.End
		covered, touched := false, false
		for _, r := range hl {
			rp, rs := r.Position(), r.Size()
			if rp.Y > p.Y+s.Height || rp.Y+rs.Height < p.Y {
				continue // another line
			}
			if rp.X <= p.X+0.5 && rp.X+rs.Width >= p.X+s.Width-0.5 {
				covered = true
			}
			if min(rp.X+rs.Width, p.X+s.Width)-max(rp.X, p.X) > 0.5 {
				touched = true
			}
		}
		switch {
		case in && !covered:
			t.Errorf("%s: token %q is selected but not highlighted (boxes %s)", when, tokenText(a, i), boxes(hl))
		case !in && touched:
			t.Errorf("%s: token %q is not selected but highlighted (boxes %s)", when, tokenText(a, i), boxes(hl))
		}
	}
}

func TestShiftArrowsSelectInReadingOrder(t *testing.T) {
	a, w := show(t, biden, 900)
	if a.LineCount() != 1 {
		t.Fatalf("%d lines, want 1", a.LineCount())
	}
	president := tokenNamed(t, a, "الرئيس", 0)
	test.TapAt(a, centre(a, president))
	a.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	last := len(a.Tokens()) - 1
	for k := 1; k <= last-president; k++ {
		keys(a, fyne.KeyLeft)
		want := tokens(a, president, president+k)
		if sel := selected(t, a); sel != want {
			t.Fatalf("Shift+Left ×%d from الرئيس selects %v, want %v (up to %q)", k, sel, want, tokenText(a, president+k))
		}
		checkHighlight(t, a, want, fmt.Sprintf("Shift+Left ×%d", k))
		if k == 2 || k == 3 {
			test.AssertImageMatches(t, fmt.Sprintf("select-reading-%d.png", k), w.Canvas().Capture())
		}
	}
	keys(a, fyne.KeyLeft)
	if sel := selected(t, a); sel != tokens(a, president, last) {
		t.Errorf("Shift+Left at the end of the text selects %v", sel)
	}
	// back, and past the anchor: the other end moves, the anchor stays
	for k := last - 1; k >= 0; k-- {
		keys(a, fyne.KeyRight)
		want := tokens(a, min(k, president), max(k, president))
		if sel := selected(t, a); sel != want {
			t.Fatalf("Shift+Right back to token %d selects %v, want %v", k, sel, want)
		}
		checkHighlight(t, a, want, fmt.Sprintf("Shift+Right to token %d", k))
	}
	a.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	// without Shift the arrows still go the way they point on screen: from ( to the name's
	// right end, Biden
	test.TapAt(a, centre(a, tokenNamed(t, a, "(", 0)))
	keys(a, fyne.KeyLeft)
	if got := tokenText(a, a.tokenOf(selected(t, a).Start)); got != "Biden" {
		t.Errorf("Left from ( selects %q, want Biden, the token left of it on screen", got)
	}
}

func TestShiftHomeEndSelectInReadingOrder(t *testing.T) {
	// the line starts with a Latin name: its first token in reading order, Joe, is not the
	// rightmost one on screen
	a, _ := show(t, "Joe Biden قال إن الرئيس", 900)
	test.TapAt(a, centre(a, tokenNamed(t, a, "قال", 0)))
	a.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	keys(a, fyne.KeyHome)
	if sel, want := selected(t, a), tokens(a, 0, 2); sel != want {
		t.Errorf("Shift+Home from قال selects %v, want from Joe %v", sel, want)
	}
	checkHighlight(t, a, tokens(a, 0, 2), "Shift+Home")
	keys(a, fyne.KeyEnd)
	if sel, want := selected(t, a), tokens(a, 2, 4); sel != want {
		t.Errorf("Shift+End selects %v, want %v", sel, want)
	}
	a.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
}
