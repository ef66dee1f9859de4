package textfield

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// FocusGained shows the caret and the selection.
func (f *Field) FocusGained() {
	f.focused, f.dirty = true, true
	f.Refresh()
}

// FocusLost hides the caret and the selection, and shows the Validator's error if any.
func (f *Field) FocusLost() {
	f.focused, f.shift = false, false
	f.Refresh()
	if f.onValidationChanged != nil && f.Validator != nil {
		f.onValidationChanged(f.validationError)
	}
}

// TypedRune inserts r in place of the selection.
func (f *Field) TypedRune(r rune) {
	if f.Disabled() {
		return
	}
	f.insert(string(r))
}

// KeyDown notes the Shift keys, which extend the selection with the arrows, Home and End.
func (f *Field) KeyDown(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		f.shift = true
	}
}

// KeyUp notes the Shift keys.
func (f *Field) KeyUp(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		f.shift = false
	}
}

// TypedKey moves the caret (← → one cluster on the screen, Home and End to the start and end
// of the text, with Shift extending the selection), deletes (Backspace, Delete) and submits
// (Enter). Escape is left to the caller.
func (f *Field) TypedKey(ev *fyne.KeyEvent) {
	f.sync()
	switch ev.Name {
	case fyne.KeyLeft:
		f.arrow(-1, f.shift)
	case fyne.KeyRight:
		f.arrow(1, f.shift)
	case fyne.KeyHome, fyne.KeyUp, fyne.KeyPageUp:
		f.moveTo(0, -1, f.shift)
	case fyne.KeyEnd, fyne.KeyDown, fyne.KeyPageDown:
		f.moveTo(len(f.runes), -1, f.shift)
	case fyne.KeyBackspace:
		f.deleteBack(false)
	case fyne.KeyDelete:
		f.deleteForward(false)
	case fyne.KeyReturn, fyne.KeyEnter:
		if f.OnSubmitted != nil && !f.Disabled() {
			f.OnSubmitted(f.Text)
		}
	}
}

// TypedShortcut runs Ctrl+C, Ctrl+X, Ctrl+V and Ctrl+A (and Shift+Insert, Shift+Delete) with
// the clipboard, and Ctrl+← Ctrl+→ (Shift to select), Ctrl+Backspace and Ctrl+Delete by word.
func (f *Field) TypedShortcut(s fyne.Shortcut) {
	f.sync()
	switch s := s.(type) {
	case *fyne.ShortcutCopy:
		f.copyTo(clipboard(s.Clipboard))
	case *fyne.ShortcutCut:
		if !f.Disabled() {
			f.copyTo(clipboard(s.Clipboard))
			f.insert("")
		}
	case *fyne.ShortcutPaste:
		if !f.Disabled() {
			f.insert(clipboard(s.Clipboard).Content())
		}
	case *fyne.ShortcutSelectAll:
		f.selectAll()
	case *desktop.CustomShortcut:
		f.wordShortcut(s)
	}
}

// wordShortcut runs the word moves and deletes of TypedShortcut.
func (f *Field) wordShortcut(s *desktop.CustomShortcut) {
	ctrl := s.Modifier&^fyne.KeyModifierShift == fyne.KeyModifierShortcutDefault ||
		s.Modifier&^fyne.KeyModifierShift == fyne.KeyModifierAlt
	if !ctrl {
		return
	}
	extend := s.Modifier&fyne.KeyModifierShift != 0
	switch s.KeyName {
	case fyne.KeyLeft:
		f.arrowWord(-1, extend)
	case fyne.KeyRight:
		f.arrowWord(1, extend)
	case fyne.KeyHome:
		f.moveTo(0, -1, extend)
	case fyne.KeyEnd:
		f.moveTo(len(f.runes), -1, extend)
	case fyne.KeyBackspace:
		f.deleteBack(true)
	case fyne.KeyDelete:
		f.deleteForward(true)
	}
}

// copyTo puts the selected text on cb; with nothing selected it leaves cb alone.
func (f *Field) copyTo(cb fyne.Clipboard) {
	if s := f.SelectedText(); s != "" {
		cb.SetContent(s)
	}
}

// clipboard returns cb, or the application's clipboard when the shortcut came without one.
func clipboard(cb fyne.Clipboard) fyne.Clipboard {
	if cb != nil {
		return cb
	}
	return fyne.CurrentApp().Clipboard()
}
