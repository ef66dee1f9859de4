package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/locale"
)

// TestDialogsFitASmallScreen: on a window of a 1,024×600 screen the tallest dialogs (Export,
// Preferences) ask no more height than the window has, in both languages: their forms scroll
// instead of running over their buttons.
func TestDialogsFitASmallScreen(t *testing.T) {
	for _, l := range []locale.Language{locale.English, locale.Arabic} {
		t.Run(string(l), func(t *testing.T) {
			inLanguage(t, l)
			w, shown := openWindow(t)
			w.win.Resize(fyne.NewSize(1000, 500))
			start(t, w, shown)
			for _, open := range []func(){w.exports.show, w.settings.show} {
				open()
				w.q.Wait()
				pop, ok := w.win.Canvas().Overlays().Top().(*widget.PopUp)
				if !ok {
					t.Fatal("no dialog")
				}
				if h := pop.Content.MinSize().Height; h > w.win.Canvas().Size().Height {
					t.Errorf("a dialog needs %v of a window %v tall", h, w.win.Canvas().Size().Height)
				}
				closeOverlays(w)
			}
		})
	}
}
