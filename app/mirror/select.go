package mirror

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	fynetheme "fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/locale"
)

// SelectRow returns what lays the select s out: s itself, or in a right-to-left window a
// button that shows the option chosen as Words, its arrow at the left, and opens s's options
// as Words one a line below it (Fyne's select draws a Latin word or a number among Arabic
// words out of order: "الأقل ثقة: places.tsv"). An option chosen goes through s, whose
// OnChanged is called. Refresh what SelectRow returned after changing s's options,
// selection or disabled state; hide and show it rather than s.
func SelectRow(s *widget.Select) fyne.CanvasObject {
	if !locale.RTL() {
		return s
	}
	r := &selectRow{s: s, words: newWords(s.Selected, false)}
	r.button = widget.NewButton("", r.open)
	changed := s.OnChanged
	s.OnChanged = func(opt string) {
		r.Refresh()
		if changed != nil {
			changed(opt)
		}
	}
	r.ExtendBaseWidget(r)
	r.Refresh()
	return r
}

// selectRow is a select of a right-to-left window.
type selectRow struct {
	widget.BaseWidget
	s      *widget.Select
	button *widget.Button // the background, and what a tap opens the options with
	words  *Words
	pop    *widget.PopUp
}

// Refresh shows the option chosen, greyed when s is disabled.
func (r *selectRow) Refresh() {
	r.words.SetText(r.s.Selected)
	if r.s.Disabled() {
		r.button.Disable()
		r.words.SetColor(fynetheme.ColorNameDisabled)
	} else {
		r.button.Enable()
		r.words.SetColor("")
	}
	r.BaseWidget.Refresh()
}

// open shows the options below the row, as wide as it.
func (r *selectRow) open() {
	c := fyne.CurrentApp().Driver().CanvasForObject(r)
	if c == nil || r.s.Disabled() {
		return
	}
	rows := container.NewVBox()
	for _, opt := range r.s.Options {
		l := &tapLabel{label: newWords(opt, false), tap: func() {
			r.pop.Hide()
			r.s.SetSelected(opt)
		}}
		l.ExtendBaseWidget(l)
		rows.Add(container.NewPadded(l))
	}
	r.pop = widget.NewPopUp(rows, c)
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(r)
	r.pop.Resize(fyne.NewSize(r.Size().Width, rows.MinSize().Height))
	r.pop.ShowAtPosition(at.AddXY(0, r.Size().Height))
}

// CreateRenderer draws the row: the button, and over it the words at the right and the arrow
// at the left. It is called by Fyne.
func (r *selectRow) CreateRenderer() fyne.WidgetRenderer {
	arrow := widget.NewIcon(fynetheme.MenuDropDownIcon())
	return widget.NewSimpleRenderer(container.NewStack(r.button, container.NewPadded(Border(nil, nil, nil, arrow, r.words))))
}
