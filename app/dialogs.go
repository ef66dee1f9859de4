package app

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

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
