package app

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"github.com/tawsim/tawsim/app/textfield"
)

// showDialog shows d as one that Escape dismisses (closes without its affirmative action).
func (w *Window) showDialog(d dialog.Dialog) {
	w.dialogs = append(w.dialogs, d)
	d.SetOnClosed(func() {
		if i := slices.Index(w.dialogs, d); i >= 0 {
			w.dialogs = slices.Delete(w.dialogs, i, i+1)
		}
	})
	d.Show()
}

// dismissDialog dismisses the dialog shown last by showDialog, and reports whether there was one.
func (w *Window) dismissDialog() bool {
	if len(w.dialogs) == 0 {
		return false
	}
	w.dialogs[len(w.dialogs)-1].Dismiss()
	return true
}

// unlessDialog returns action guarded so that it does nothing while a dialog is open: menu
// shortcuts reach the menus wherever the focus is, even under a dialog.
func (w *Window) unlessDialog(action func()) func() {
	return func() {
		if !w.dialogOpen() {
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
