package app

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/locale"
	"github.com/tawsim/tawsim/app/mirror"
	"github.com/tawsim/tawsim/app/textfield"
)

// dialogStack is the dialogs open over the window that Escape dismisses (closes without
// their affirmative action), the last on top.
type dialogStack struct {
	win  fyne.Window
	open []dialog.Dialog
}

// show shows d as one that Escape dismisses.
func (s *dialogStack) show(d dialog.Dialog) {
	s.open = append(s.open, d)
	d.SetOnClosed(func() {
		if i := slices.Index(s.open, d); i >= 0 {
			s.open = slices.Delete(s.open, i, i+1)
		}
	})
	d.Show()
	mirrorTitle(s.win)
}

// mirrorTitle puts the title of the dialog on top of win at its right edge in a right-to-left
// window. Fyne's dialogs draw their title at the left and leave it at its own size, which
// they never set; it is given the dialog's width here, aligned to the right.
func mirrorTitle(win fyne.Window) {
	if !locale.RTL() {
		return
	}
	pop, ok := win.Canvas().Overlays().Top().(*widget.PopUp)
	if !ok {
		return
	}
	box, ok := pop.Content.(*fyne.Container)
	if !ok || len(box.Objects) != 5 {
		return
	}
	if title, ok := box.Objects[4].(*widget.Label); ok {
		title.Alignment = fyne.TextAlignTrailing
		title.Resize(fyne.NewSize(box.Size().Width, title.MinSize().Height))
		title.Refresh()
	}
}

// newDialog returns a dialog titled title showing content, with buttons in a row at its
// bottom, in the window's direction: the last one (the dialog's action) at the end.
func (s *dialogStack) newDialog(title string, content fyne.CanvasObject, buttons ...fyne.CanvasObject) *dialog.CustomDialog {
	fit := container.New(&fitLayout{win: s.win}, container.NewVScroll(content))
	d := dialog.NewCustomWithoutButtons(title, fit, s.win)
	if locale.RTL() {
		buttons = slices.Clone(buttons)
		slices.Reverse(buttons)
	}
	d.SetButtons(buttons)
	return d
}

// dialogChrome is the height a dialog takes around its content (its title, its buttons, the
// paddings) and the margin it keeps from the window's edges.
const dialogChrome = 150

// fitLayout gives a dialog's content, in a scroll, the height it needs, no more than the
// window leaves it: on a small screen (1024x600) a tall form scrolls instead of running over
// its buttons and out of the window.
type fitLayout struct{ win fyne.Window }

func (l *fitLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (l *fitLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var m fyne.Size
	for _, o := range objs {
		if sc, ok := o.(*container.Scroll); ok {
			m = m.Max(sc.Content.MinSize())
		}
	}
	if h := l.win.Canvas().Size().Height - dialogChrome; h > 0 && m.Height > h {
		m.Height = max(h, 120)
	}
	return m
}

// size returns a dialog size of width (the height its content needs), narrower when the
// window is: a dialog keeps 20 pixels of the window on each side.
func (s *dialogStack) size(width float32) fyne.Size {
	if cw := s.win.Canvas().Size().Width; cw > 0 {
		width = max(min(width, cw-40), min(width, 320))
	}
	return fyne.NewSize(width, 0)
}

// closeButton returns a button that closes the dialog on top of the window.
func (s *dialogStack) closeButton() *widget.Button {
	return widget.NewButton(lang.X("dialog.close", "Close"), func() { s.dismiss() })
}

// message returns a dialog titled title that says text, with an OK button: Fyne's information
// dialog, laid out in the window's direction and with text in the bidi-aware text widget.
func (s *dialogStack) message(title, text string) *dialog.CustomDialog {
	t := mirror.Text(text)
	var d *dialog.CustomDialog
	d = s.newDialog(title, t, widget.NewButton(lang.X("OK", "OK"), func() { d.Hide() }))
	d.Resize(s.size(560))
	return d
}

// confirm returns a dialog titled title that asks question, with No and Yes buttons; Yes
// calls yes.
func (s *dialogStack) confirm(title, question string, yes func()) *dialog.CustomDialog {
	var d *dialog.CustomDialog
	no := widget.NewButtonWithIcon(lang.X("No", "No"), theme.CancelIcon(), func() { d.Hide() })
	ok := widget.NewButtonWithIcon(lang.X("Yes", "Yes"), theme.ConfirmIcon(), func() {
		d.Hide()
		yes()
	})
	ok.Importance = widget.HighImportance
	d = s.newDialog(title, mirror.Text(question), no, ok)
	d.Resize(s.size(520))
	return d
}

// dismiss dismisses the dialog shown last by show, and reports whether there was one.
func (s *dialogStack) dismiss() bool {
	if len(s.open) == 0 {
		return false
	}
	s.open[len(s.open)-1].Dismiss()
	return true
}

// covers reports whether a dialog covers the window (any dialog, also one not shown by
// show); keys then belong to it.
func (s *dialogStack) covers() bool { return s.win.Canvas().Overlays().Top() != nil }

// unless returns action guarded so that it does nothing while a dialog is open: menu
// shortcuts reach the menus wherever the focus is, even under a dialog.
func (s *dialogStack) unless(action func()) func() {
	return func() {
		if !s.covers() {
			action()
		}
	}
}

// fileButton returns a button that chooses a file to open, from folder dir, and puts its path
// in into.
func (s *dialogStack) fileButton(label, dir string, into *dialogEntry) *widget.Button {
	return widget.NewButton(label, func() {
		d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
			if err == nil && r != nil {
				into.SetText(r.URI().Path())
				r.Close()
			}
		}, s.win)
		startIn(d, dir)
		d.Show()
	})
}

// dialogEntry is a text field in a dialog: Escape in it dismisses the dialog, as it does
// elsewhere in the dialog. It shows Arabic mixed with Latin words and numbers in bidi order.
type dialogEntry struct {
	textfield.Field
	onEscape func()
}

// newDialogEntry returns a text field that calls onEscape on Escape.
func newDialogEntry(onEscape func()) *dialogEntry {
	e := &dialogEntry{onEscape: onEscape}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey dismisses the dialog on Escape and gives the other keys to the field.
func (e *dialogEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && e.onEscape != nil {
		e.onEscape()
		return
	}
	e.Field.TypedKey(ev)
}
