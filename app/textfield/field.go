package textfield

import (
	"errors"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/arabic/bidi"
)

// Field is a one-line text field for text in any mix of directions (see the package
// documentation). It is used like Fyne's widget.Entry: read Text, call SetText, set OnChanged,
// OnSubmitted and Validator; widget.Form validates it and shows its errors.
type Field struct {
	widget.DisableableWidget

	// Text is the text in the field. After changing it directly, call Refresh; SetText does both.
	Text string
	// PlaceHolder is shown, dimmed, while the field is empty.
	PlaceHolder string
	// OnChanged is called with the text after each change by the user or SetText.
	OnChanged func(string) `json:"-"`
	// OnSubmitted is called with the text when Enter is pressed.
	OnSubmitted func(string) `json:"-"`
	// Validator checks the text after each change; widget.Form disables its submit button
	// while it fails and shows its error.
	Validator fyne.StringValidator `json:"-"`

	self   fyne.Widget // the widget that extends the field, which takes the focus
	runes  []rune
	synced string // the Text that runes hold
	bounds []int  // the grapheme cluster boundaries of runes

	caret, anchor int // boundaries; the selection is the text between them
	stop          int // the stop the caret was put on (see caret.go); -1: its default place

	focused, shift bool
	dirty          bool // the user has been in the field, or it holds text: show its error
	pressed        bool // a mouse button went down on the field and Tapped is yet to come

	validationError     error
	onValidationChanged func(error)

	lay, hint *layout // the text and the placeholder laid out, nil when out of date
	laidAt    float32 // the text size they were laid out at
	lineX     float32 // where the line's left end was drawn, from the field's left edge
	scrolled  bool    // lineX is a scroll position to keep (the text is wider than the field)
}

var (
	_ fyne.Widget       = (*Field)(nil)
	_ fyne.Focusable    = (*Field)(nil)
	_ fyne.Shortcutable = (*Field)(nil)
	_ fyne.Validatable  = (*Field)(nil)
	_ fyne.Disableable  = (*Field)(nil)
)

// New returns an empty field.
func New() *Field {
	f := &Field{}
	f.ExtendBaseWidget(f)
	return f
}

// ExtendBaseWidget is called by a widget that embeds Field, with itself, as with any Fyne
// widget; the field then gives the focus to that widget.
func (f *Field) ExtendBaseWidget(w fyne.Widget) {
	f.self = w
	f.stop = -1
	f.DisableableWidget.ExtendBaseWidget(w)
}

// SetText replaces the text, puts the caret at its end and calls OnChanged if it changed.
func (f *Field) SetText(text string) {
	f.sync()
	if text == f.Text {
		return
	}
	f.Text = text
	f.sync()
	f.caret, f.anchor, f.stop = len(f.runes), len(f.runes), -1
	f.changed()
}

// SetPlaceHolder sets the text shown while the field is empty.
func (f *Field) SetPlaceHolder(s string) {
	f.PlaceHolder = s
	f.hint = nil
	f.Refresh()
}

// Caret returns the place of the caret: the number of code points of the text before it.
func (f *Field) Caret() int {
	f.sync()
	return f.caret
}

// Selection returns the selected text's code points [start, end); start == end when nothing
// is selected.
func (f *Field) Selection() (start, end int) {
	f.sync()
	return min(f.caret, f.anchor), max(f.caret, f.anchor)
}

// SelectedText returns the selected text.
func (f *Field) SelectedText() string {
	s, e := f.Selection()
	return string(f.runes[s:e])
}

// Select selects the text [start, end) (widened to whole grapheme clusters) with the caret
// at end.
func (f *Field) Select(start, end int) {
	f.sync()
	f.anchor, f.caret, f.stop = f.snap(start, false), f.snap(end, true), -1
	f.Refresh()
}

// RightToLeft reports whether the text reads right to left: it starts, outside isolates,
// with a right-to-left letter, or has no letter of either direction (an empty field).
func (f *Field) RightToLeft() bool {
	f.sync()
	return direction(f.runes) == bidi.RightToLeft
}

// Validate runs the Validator on the text, shows its verdict and returns it.
func (f *Field) Validate() error {
	if f.Validator == nil {
		return nil
	}
	err := f.Validator(f.Text)
	f.SetValidationError(err)
	return err
}

// SetOnValidationChanged sets the function called when the verdict of the Validator
// changes; widget.Form sets it.
func (f *Field) SetOnValidationChanged(fn func(error)) { f.onValidationChanged = fn }

// SetValidationError shows err as the field's verdict until the next change of its text.
func (f *Field) SetValidationError(err error) {
	if f.Validator == nil || !f.setValidationError(err) {
		return
	}
	f.Refresh()
}

// setValidationError records err and reports whether the verdict changed.
func (f *Field) setValidationError(err error) bool {
	if err == nil && f.validationError == nil || err != nil && errors.Is(err, f.validationError) {
		return false
	}
	f.validationError = err
	if f.onValidationChanged != nil {
		f.onValidationChanged(err)
	}
	return true
}

// Refresh redraws the field, taking up a Text set directly.
func (f *Field) Refresh() {
	f.sync()
	f.DisableableWidget.Refresh()
}

// sync takes up a Text set directly, keeping the caret and the selection within it.
func (f *Field) sync() {
	if f.runes != nil && f.Text == f.synced {
		return
	}
	f.runes = []rune(f.Text)
	f.synced = f.Text
	f.bounds = boundaries(f.runes)
	f.lay = nil
	f.caret, f.anchor = f.snap(f.caret, true), f.snap(f.anchor, true)
}

// snap returns the grapheme cluster boundary at p, or else the one after it (up) or before it.
func (f *Field) snap(p int, up bool) int {
	p = max(0, min(p, len(f.runes)))
	i, found := slices.BinarySearch(f.bounds, p)
	switch {
	case found:
		return p
	case up:
		return f.bounds[i]
	}
	return f.bounds[i-1]
}

// layout returns the text laid out at the theme's text size.
func (f *Field) layout() *layout {
	f.sync()
	ts := f.Theme().Size(theme.SizeNameText)
	if f.lay == nil || f.laidAt != ts {
		f.lay, f.hint, f.laidAt = newLayout(f.runes, ts), nil, ts
	}
	return f.lay
}

// placeholder returns the placeholder laid out at the theme's text size.
func (f *Field) placeholder() *layout {
	f.layout() // the text size; a new one drops the placeholder's layout
	if f.hint == nil || string(f.hint.text) != f.PlaceHolder {
		f.hint = newLayout([]rune(f.PlaceHolder), f.laidAt)
	}
	return f.hint
}
