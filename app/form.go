package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/mirror"
)

// formDialog is a dialog of form items with a confirm and a dismiss button, as Fyne's
// dialog.NewForm makes, laid out in the window's direction: the items' names at the start
// edge (the right, in Arabic), their hints and errors below them in the bidi-aware text, the
// buttons mirrored. The confirm button is disabled while an item's widget that validates
// (fyne.Validatable) says its value is wrong.
type formDialog struct {
	*dialog.CustomDialog
	confirm *widget.Button
	items   []*formRow
	submit  func() // closes the dialog with its confirm
}

// formRow is one item of a form and what its hint line shows.
type formRow struct {
	item *widget.FormItem
	hint mirror.Texter // the hint, or the widget's error once the annotator has typed
	err  error         // the widget's verdict
}

// newForm makes a form dialog titled title over the window; callback gets true when the
// confirm button (or Submit) closes it, false when it is dismissed.
func (s *dialogStack) newForm(title, confirm, dismiss string, items []*widget.FormItem, callback func(bool)) *formDialog {
	fd := &formDialog{}
	var grid *fyne.Container
	grid, fd.items = formGrid(items, func() { fd.check() })
	var done bool
	fd.confirm = widget.NewButtonWithIcon(confirm, theme.ConfirmIcon(), func() { fd.Submit() })
	fd.confirm.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon(dismiss, theme.CancelIcon(), func() { fd.Hide() })
	fd.CustomDialog = s.newDialog(title, grid, cancel, fd.confirm)
	fd.SetOnClosed(func() {
		if !done && callback != nil {
			callback(false)
		}
	})
	fd.submit = func() {
		done = true
		fd.Hide()
		if callback != nil {
			callback(true)
		}
	}
	fd.check()
	return fd
}

// formGrid lays items out in two columns, their names at the start edge, each widget with its
// hint below it; changed is called when a widget's verdict on its value changes.
func formGrid(items []*widget.FormItem, changed func()) (*fyne.Container, []*formRow) {
	var rows []*formRow
	grid := mirror.Pairs()
	for _, it := range items {
		r := &formRow{item: it}
		name := widget.NewLabel(it.Text)
		name.TextStyle.Bold = true
		name.Alignment = mirror.Align(true) // toward the field
		cell := fyne.CanvasObject(it.Widget)
		if it.HintText != "" || isValidatable(it.Widget) {
			r.hint = mirror.Caption(it.HintText)
			if it.HintText == "" {
				r.hint.Hide()
			}
			cell = container.NewVBox(it.Widget, r.hint)
		}
		if v, ok := it.Widget.(fyne.Validatable); ok {
			r.err = v.Validate()
			v.SetOnValidationChanged(func(err error) {
				r.err = err
				r.showHint()
				changed()
			})
		}
		rows = append(rows, r)
		grid.Add(name)
		grid.Add(cell)
	}
	return grid, rows
}

// Submit closes the dialog as its confirm button does, unless an item's value is wrong.
func (fd *formDialog) Submit() {
	if fd.confirm.Disabled() {
		return
	}
	fd.submit()
}

// check enables the confirm button when every item's value is right.
func (fd *formDialog) check() {
	for _, r := range fd.items {
		if r.err != nil {
			fd.confirm.Disable()
			return
		}
	}
	fd.confirm.Enable()
}

// showHint shows the row's error in the error colour, or its hint.
func (r *formRow) showHint() {
	text, color := r.item.HintText, fyne.ThemeColorName(theme.ColorNamePlaceHolder)
	if r.err != nil {
		text, color = r.err.Error(), theme.ColorNameError
	}
	switch h := r.hint.(type) {
	case *widget.Label:
		h.Importance = widget.LowImportance
		if r.err != nil {
			h.Importance = widget.DangerImportance
		}
	case interface{ SetColor(fyne.ThemeColorName) }:
		h.SetColor(color)
	}
	r.hint.SetText(text)
	if text == "" {
		r.hint.Hide()
	} else {
		r.hint.Show()
	}
}

// isValidatable reports whether o checks its value.
func isValidatable(o fyne.CanvasObject) bool {
	_, ok := o.(fyne.Validatable)
	return ok
}
