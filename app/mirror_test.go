package app

import (
	"testing"

	"fyne.io/fyne/v2"

	"github.com/tawsim/tawsim/app/locale"
)

// centerX returns the middle of o across the window.
func centerX(o fyne.CanvasObject) float32 { return absolute(o).X + o.Size().Width/2 }

// TestLayoutFollowsTheLanguage: in English the document list is at the left, the stance panel
// at the right, the palette's first label leftmost and the Done button at the left of Skip; in
// Arabic each is on the other side.
func TestLayoutFollowsTheLanguage(t *testing.T) {
	for _, l := range []locale.Language{locale.English, locale.Arabic} {
		t.Run(string(l), func(t *testing.T) {
			inLanguage(t, l)
			w, shown := openWindow(t)
			w.win.Resize(fyne.NewSize(1400, 900))
			start(t, w, shown)
			if w.panes.Narrow() {
				t.Fatal("at 1400 the window puts the list and the stance panel in one column")
			}
			list, text, stance := centerX(w.list.Object()), centerX(w.view.body), centerX(w.stance.Object())
			rtl := l == locale.Arabic
			if (list > text) != rtl || (stance < text) != rtl {
				t.Errorf("list at %v, article at %v, stance panel at %v", list, text, stance)
			}
			b := w.palette.Buttons()
			if first, second := centerX(b[0]), centerX(b[1]); (first > second) != rtl {
				t.Errorf("the palette's first label at %v, the second at %v", first, second)
			}
			msg, info := centerX(w.status.Message), centerX(w.status.Info)
			if (msg > info) != rtl {
				t.Errorf("the status bar's message at %v, the project at %v", msg, info)
			}
		})
	}
}

// TestNarrowWindowSharesAColumn: under 1,100 pixels the list and the stance panel share one
// column, one shown at a time, and the window fits 1,024×600 with its menu bar and title bar.
func TestNarrowWindowSharesAColumn(t *testing.T) {
	w, shown := openWindow(t)
	w.win.Resize(fyne.NewSize(1000, 560))
	start(t, w, shown)
	if !w.panes.Narrow() {
		t.Fatal("at 1000 the three panels stand side by side")
	}
	if !w.panes.list.Visible() || w.panes.stance.Visible() {
		t.Errorf("the shared column shows the list %v and the stance panel %v", w.panes.list.Visible(), w.panes.stance.Visible())
	}
	w.panes.choose(true)
	if w.panes.list.Visible() || !w.panes.stance.Visible() {
		t.Errorf("after the stance tab: the list %v, the stance panel %v", w.panes.list.Visible(), w.panes.stance.Visible())
	}
	if min := w.win.Content().MinSize(); min.Width > 1024 || min.Height > 500 {
		t.Errorf("the window needs %v", min)
	}
	w.win.Resize(fyne.NewSize(1400, 900))
	if w.panes.Narrow() || !w.panes.list.Visible() || !w.panes.stance.Visible() {
		t.Errorf("at 1400: narrow %v, the list %v, the stance panel %v", w.panes.Narrow(), w.panes.list.Visible(), w.panes.stance.Visible())
	}
}
