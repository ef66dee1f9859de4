package palette

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/tawsim/tawsim/app/assets"
	"github.com/tawsim/tawsim/seeds"
)

// showWojood shows a palette of Wojood's schema alone in a window width wide, in the
// window's theme.
func showWojood(t *testing.T, width float32) (*Palette, fyne.Window) {
	t.Helper()
	test.NewTempApp(t).Settings().SetTheme(assets.NewTheme())
	p := New()
	p.SetSchema(seeds.Wojood())
	w := test.NewWindow(p.Object())
	t.Cleanup(w.Close)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(width, 300))
	return p, w
}

// rows returns the number of rows the palette's objects are laid out in, and fails when
// one of them passes the right edge.
func rows(t *testing.T, p *Palette) int {
	t.Helper()
	width := p.Object().Size().Width
	tops := map[float32]bool{}
	for _, o := range p.box.Objects {
		if right := o.Position().X + o.Size().Width; right > width {
			t.Errorf("%T ends at %v, past the width %v", o, right, width)
		}
		tops[o.Position().Y] = true
	}
	return len(tops)
}

// TestPaletteWrapsWojood: Wojood's 21 labels and the finder's button fit a window 1024 wide
// in two rows, a narrow one in more, and the palette never asks for more width than its
// widest button.
func TestPaletteWrapsWojood(t *testing.T) {
	p, w := showWojood(t, 1000)
	if len(p.Buttons()) != 21 || len(p.box.Objects) != 22 {
		t.Fatalf("%d buttons, %d objects", len(p.Buttons()), len(p.box.Objects))
	}
	if n := rows(t, p); n != 2 {
		t.Errorf("%d rows at 1000 wide, want 2", n)
	}
	test.AssertImageMatches(t, "wojood-1000.png", w.Canvas().Capture())
	two := p.Object().MinSize().Height

	w.Resize(fyne.NewSize(480, 300))
	if n := rows(t, p); n < 4 || n > 5 {
		t.Errorf("%d rows at 480 wide", n)
	}
	if h := p.Object().MinSize().Height; h <= two*3/2 {
		t.Errorf("the palette asks for %v at 480 wide, %v at 1000", h, two)
	}
	var widest float32
	for _, o := range p.box.Objects {
		widest = max(widest, o.MinSize().Width)
	}
	if got := p.Object().MinSize().Width; got != widest {
		t.Errorf("the palette asks for %v of width, its widest button %v", got, widest)
	}
	test.AssertImageMatches(t, "wojood-480.png", w.Canvas().Capture())
}
