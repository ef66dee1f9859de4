package app

import (
	"context"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/agreementview"
	"github.com/tawsim/tawsim/app/mirror"
	"github.com/tawsim/tawsim/store"
	"github.com/tawsim/tawsim/store/open"
)

// The shortcuts of the Team menu.
var (
	shortcutAgreement = &desktop.CustomShortcut{KeyName: fyne.KeyA, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	shortcutReview    = &desktop.CustomShortcut{KeyName: fyne.KeyR, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutUnanimous = &desktop.CustomShortcut{KeyName: fyne.KeyU, Modifier: fyne.KeyModifierShortcutDefault}
)

// team is the Team menu and the Agreement window it opens.
type team struct{ w *Window }

// menu returns the Team menu: the Agreement window, Review mode (checked while on) and
// what every annotator made taken into the gold. item makes a menu item.
func (tm *team) menu(item func(string, fyne.Shortcut, func()) *fyne.MenuItem) *fyne.Menu {
	w := tm.w
	review := item(lang.X("menu.review", "Review mode"), shortcutReview, w.review.toggle)
	review.Checked = w.review.on
	return fyne.NewMenu(lang.X("menu.team", "Team"),
		item(lang.X("menu.agreement", "Agreement…"), shortcutAgreement, tm.showAgreement),
		review,
		item(lang.X("menu.unanimous", "Take what every annotator made"), shortcutUnanimous, w.review.takeUnanimous),
	)
}

// agreementWindow is Team → Agreement…: a window of its own that shows how far the project's
// annotators agree; a click on a document opens it in the main window, in Review mode when
// "Open in Review mode" is checked.
type agreementWindow struct {
	win    fyne.Window
	view   *agreementview.View
	review *widget.Check
	st     store.Project // the project it counted
}

// showAgreement shows the Agreement window over the project open, counting its agreement
// again: every annotator's work but the curator's while review is on.
func (tm *team) showAgreement() {
	w := tm.w
	st, name := w.cfg.Store, w.cfg.Annotator
	readThen(w, lang.X("review.list_failed", "list the project's annotators"), func(ctx context.Context) (store.Stats, error) { return st.Stats(ctx, "") },
		func(s store.Stats) {
			if st != w.cfg.Store {
				return
			}
			a := tm.agreementWindow()
			leaveOut := ""
			if w.review.on {
				leaveOut = name
			}
			a.st = st
			a.win.SetTitle(lang.X("agreement.title", "Agreement") + " — " + open.Title(w.cfg.Path))
			a.review.SetChecked(w.review.on || (name != "" && !slices.Contains(s.Annotators, name)))
			a.view.SetProject(st, s.Annotators, leaveOut)
			a.win.Show()
			a.win.RequestFocus()
		})
}

// agreementWindow returns the Agreement window, making it the first time.
func (tm *team) agreementWindow() *agreementWindow {
	w := tm.w
	if w.agreement != nil {
		return w.agreement
	}
	a := &agreementWindow{win: w.app.NewWindow(lang.X("agreement.title", "Agreement")), view: agreementview.New(w.q)}
	a.review = widget.NewCheck(lang.X("agreement.review", "Open documents in Review mode, as curator"), nil)
	a.view.OnOpen = func(id string) { tm.openFromAgreement(a, id) }
	a.win.SetContent(container.NewBorder(nil, mirror.CheckRow(a.review), nil, nil, a.view.Object()))
	a.win.SetCloseIntercept(a.win.Hide) // kept, with its filters, for the next time
	size := fyne.NewSize(960, 760)      // no larger than the main window, which fits the screen
	if cs := w.win.Canvas().Size(); cs.Width > 0 && cs.Height > 0 {
		size = size.Min(cs)
	}
	a.win.Resize(size)
	w.agreement = a
	return a
}

// openFromAgreement opens document id of the Agreement window's list in the main window,
// turning Review mode on first when the window asks for it.
func (tm *team) openFromAgreement(a *agreementWindow, id string) {
	w := tm.w
	if a.st != w.cfg.Store {
		tm.showAgreement() // another project is open: count its agreement instead
		return
	}
	open := func() {
		w.ed.open(id, nil)
		w.win.RequestFocus()
	}
	if a.review.Checked && !w.review.on {
		w.review.begin(open)
		return
	}
	open()
}
