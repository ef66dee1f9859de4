package textfield

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

var (
	_ fyne.Tappable          = (*Field)(nil)
	_ fyne.DoubleTappable    = (*Field)(nil)
	_ fyne.SecondaryTappable = (*Field)(nil)
	_ fyne.Draggable         = (*Field)(nil)
	_ desktop.Mouseable      = (*Field)(nil)
	_ desktop.Keyable        = (*Field)(nil)
	_ desktop.Cursorable     = (*Field)(nil)
)

// MouseDown puts the caret at the place nearest to the pointer (extending the selection with
// Shift) and takes the focus; a drag from there selects.
func (f *Field) MouseDown(ev *desktop.MouseEvent) {
	if ev.Button != desktop.MouseButtonPrimary {
		return
	}
	f.pressed = true
	f.pointAt(ev.Position, f.shift || ev.Modifier&fyne.KeyModifierShift != 0)
}

// MouseUp does nothing: the press did it all.
func (f *Field) MouseUp(*desktop.MouseEvent) {}

// Tapped puts the caret at the place nearest to the tap, where no MouseDown did it (touch
// screens, tests).
func (f *Field) Tapped(ev *fyne.PointEvent) {
	if f.pressed {
		f.pressed = false
		return
	}
	f.pointAt(ev.Position, f.shift)
}

// DoubleTapped selects the word under the pointer.
func (f *Field) DoubleTapped(ev *fyne.PointEvent) {
	f.pressed = false
	f.requestFocus()
	l := f.layout()
	x := ev.Position.X - f.lineX
	p, _ := l.hit(x)
	if ci := l.clusterAt(x); ci >= 0 {
		p = l.clusters[ci].start
	}
	f.selectWord(p)
}

// Dragged moves the caret, and the end of the selection, to the pointer.
func (f *Field) Dragged(ev *fyne.DragEvent) {
	p, stop := f.layout().hit(ev.Position.X - f.lineX)
	f.moveTo(p, stop, true)
}

// DragEnd ends a drag: no tap follows it.
func (f *Field) DragEnd() { f.pressed = false }

// TappedSecondary shows a menu of Cut, Copy, Paste and Select all.
func (f *Field) TappedSecondary(ev *fyne.PointEvent) {
	c := fyne.CurrentApp().Driver().CanvasForObject(f.self)
	if c == nil {
		return
	}
	f.requestFocus()
	cb := fyne.CurrentApp().Clipboard()
	short := f.self.(fyne.Shortcutable).TypedShortcut
	item := func(label string, s fyne.Shortcut, enabled bool) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, func() { short(s) })
		it.Disabled = !enabled
		return it
	}
	sel := f.SelectedText() != ""
	menu := fyne.NewMenu("",
		item(lang.X("Cut", "Cut"), &fyne.ShortcutCut{Clipboard: cb}, sel && !f.Disabled()),
		item(lang.X("Copy", "Copy"), &fyne.ShortcutCopy{Clipboard: cb}, sel),
		item(lang.X("Paste", "Paste"), &fyne.ShortcutPaste{Clipboard: cb}, !f.Disabled() && cb.Content() != ""),
		item(lang.X("Select all", "Select all"), &fyne.ShortcutSelectAll{}, len(f.runes) > 0),
	)
	widget.ShowPopUpMenuAtPosition(menu, c, ev.AbsolutePosition)
}

// Cursor is the text cursor.
func (f *Field) Cursor() desktop.Cursor { return desktop.TextCursor }

// pointAt takes the focus and puts the caret at the place nearest to pos.
func (f *Field) pointAt(pos fyne.Position, extend bool) {
	f.requestFocus()
	p, stop := f.layout().hit(pos.X - f.lineX)
	f.moveTo(p, stop, extend)
}

// requestFocus gives the focus to the field (to the widget that extends it).
func (f *Field) requestFocus() {
	if f.Disabled() {
		return
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(f.self); c != nil && c.Focused() != f.self.(fyne.Focusable) {
		c.Focus(f.self.(fyne.Focusable))
	}
}
