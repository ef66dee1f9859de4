package textfield

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// at returns the point of the field at x in its text area's coordinates, mid-height.
func at(f *Field, x float32) fyne.Position {
	a := rend(f).area
	return fyne.NewPos(a.Position().X+x, f.Size().Height/2)
}

// mouseDown presses the primary button at pos, as Fyne's desktop driver does.
func mouseDown(f *Field, pos fyne.Position, mod fyne.KeyModifier) {
	f.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: pos}, Button: desktop.MouseButtonPrimary, Modifier: mod})
}

func TestTapPutsTheCaretAtTheNearestEdge(t *testing.T) {
	f, w := typed(t, mixed, 300)
	w.Canvas().Unfocus()
	cut := drawnText(t, f, "cut")
	third := cut.Size().Width / 3
	for _, c := range []struct {
		what string
		x    float32
		want int
	}{
		{"right of the text", rend(f).area.Size().Width - 2, 0},
		{"left of the text", 1, 17},                         // before the 1: the left end of 12
		{"in the u, near the c", left(cut) + third + 2, 13}, // between c and u
		{"in the u, near the t", left(cut) + 2*third - 2, 14},
		{"on the right edge of the first letter", right(drawnText(t, f, "النص مقطوع")) - 0.5, 0},
	} {
		test.TapAt(f, at(f, c.x))
		if f.Caret() != c.want {
			t.Errorf("tap %s: caret at %d, want %d", c.what, f.Caret(), c.want)
		}
		if w.Canvas().Focused() != f {
			t.Errorf("a tap did not focus the field")
		}
	}
}

func TestDragAndShiftClickSelect(t *testing.T) {
	f, _ := typed(t, mixed, 300)
	cut := drawnText(t, f, "cut")
	words := drawnText(t, f, "النص مقطوع")
	from, to := at(f, right(words)-1), at(f, left(cut)+cut.Size().Width/3+2)
	mouseDown(f, from, 0)
	f.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: to}, Dragged: fyne.NewDelta(to.X-from.X, 0)})
	f.DragEnd()
	f.MouseUp(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: to}, Button: desktop.MouseButtonPrimary})
	if got := f.SelectedText(); got != "النص مقطوع (c" {
		t.Errorf("the drag selected %q", got)
	}
	// a click with Shift moves the selection's end and keeps its start
	mouseDown(f, at(f, left(words)+1), fyne.KeyModifierShift)
	f.Tapped(&fyne.PointEvent{Position: at(f, left(words)+1)}) // the tap that follows the press changes nothing
	if got := f.SelectedText(); got != "النص مقطوع" {
		t.Errorf("shift+click selected %q", got)
	}
}

func TestDoubleTapSelectsAWord(t *testing.T) {
	f, _ := typed(t, mixed, 300)
	words := drawnText(t, f, "النص مقطوع")
	for _, c := range []struct {
		x    float32
		want string
	}{
		{left(words) + 5, "مقطوع"},
		{left(drawnText(t, f, "cut")) + 3, "cut"},
		{left(drawnText(t, f, "12")) + 3, "12"},
		{right(words) - 3, "النص"},
		{left(drawnText(t, f, ")")) + 1, " ("}, // between two words: what separates them
	} {
		test.DoubleTap(f) // focus, as the driver would
		f.DoubleTapped(&fyne.PointEvent{Position: at(f, c.x)})
		if got := f.SelectedText(); got != c.want {
			t.Errorf("double tap at %v selected %q, want %q", c.x, got, c.want)
		}
	}
}

func TestSecondaryTapShowsAMenu(t *testing.T) {
	f, w := typed(t, mixed, 300)
	f.Select(12, 15)
	test.TapSecondaryAt(f, at(f, 10))
	over, ok := w.Canvas().Overlays().Top().(fyne.Widget)
	if !ok {
		t.Fatal("no menu is shown")
	}
	// the overlay holds the menu
	objs := test.WidgetRenderer(over).Objects()
	menu, ok := objs[0].(*widget.PopUpMenu)
	if len(objs) != 1 || !ok {
		t.Fatalf("the overlay shows %T, not a menu", objs[0])
	}
	if len(menu.Items) != 4 {
		t.Fatalf("the menu has %d items, want Cut, Copy, Paste, Select all", len(menu.Items))
	}
	cb := fyne.CurrentApp().Clipboard()
	cb.SetContent("")
	test.Tap(menu.Items[1].(fyne.Tappable)) // Copy
	if cb.Content() != "cut" {
		t.Errorf("Copy in the menu copied %q", cb.Content())
	}
}
