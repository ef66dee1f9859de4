// Package mirror lays the window's parts out in the direction of its language: from the right
// in Arabic (locale.RTL), from the left in English. Fyne lays every container out from the
// left and draws a label's runs of mixed text in logical order, so that a right-to-left window
// needs its rows and borders turned round and its words drawn by the article's bidi-aware
// widgets (article.Label, article.Text); the helpers here choose. They read the direction
// when they are called: a part made before the language changes keeps its side.
package mirror

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/article"
	"github.com/tawsim/tawsim/app/locale"
	"github.com/tawsim/tawsim/app/msg"
	"github.com/tawsim/tawsim/arabic/bidi"
)

// Row returns a row of objs that starts at the start edge: Fyne's HBox, or in a
// right-to-left window a row whose first object is at the right.
func Row(objs ...fyne.CanvasObject) *fyne.Container {
	if locale.RTL() {
		return container.New(rowLayout{}, objs...)
	}
	return container.NewHBox(objs...)
}

// Border is container.NewBorder with start and end for left and right: swapped in a
// right-to-left window.
func Border(top, bottom, start, end fyne.CanvasObject, center ...fyne.CanvasObject) *fyne.Container {
	if locale.RTL() {
		start, end = end, start
	}
	return container.NewBorder(top, bottom, start, end, center...)
}

// Split returns a horizontal split of start and end, start at the start edge; offset is the
// share of the width start takes.
func Split(start, end fyne.CanvasObject, offset float64) *container.Split {
	if locale.RTL() {
		s := container.NewHSplit(end, start)
		s.Offset = 1 - offset
		return s
	}
	s := container.NewHSplit(start, end)
	s.Offset = offset
	return s
}

// StartOffset returns the share of a split's width its start object takes (the one Split
// was given first).
func StartOffset(s *container.Split) float64 {
	if locale.RTL() {
		return 1 - s.Offset
	}
	return s.Offset
}

// Grid returns a grid of cols columns of objs, filled row by row from the start edge: in a
// right-to-left window the first object of each row is at the right.
func Grid(cols int, objs ...fyne.CanvasObject) *fyne.Container {
	if !locale.RTL() || cols < 2 {
		return container.NewGridWithColumns(cols, objs...)
	}
	var out []fyne.CanvasObject
	for i := 0; i < len(objs); i += cols {
		row := make([]fyne.CanvasObject, 0, cols)
		row = append(row, objs[i:min(i+cols, len(objs))]...)
		for len(row) < cols {
			row = append(row, layout.NewSpacer())
		}
		for a, b := 0, len(row)-1; a < b; a, b = a+1, b-1 {
			row[a], row[b] = row[b], row[a]
		}
		out = append(out, row...)
	}
	return container.NewGridWithColumns(cols, out...)
}

// Align returns the alignment of text at the start edge (leading), or at the end edge
// (trailing) when end is set, in the window's direction.
func Align(end bool) fyne.TextAlign {
	if locale.RTL() != end {
		return fyne.TextAlignTrailing
	}
	return fyne.TextAlignLeading
}

// Texter is a widget showing a string that can change.
type Texter interface {
	fyne.CanvasObject
	SetText(string)
}

// Label returns a one-line label of text: Fyne's label, or in a right-to-left window Words,
// which shows numbers and Latin words inside Arabic in their place.
func Label(text string) Texter {
	if locale.RTL() {
		return newWords(text, false)
	}
	return widget.NewLabel(text)
}

// Text returns text wrapped to the width it gets: Fyne's wrapping label, or in a
// right-to-left window Words of several lines.
func Text(text string) Texter {
	if locale.RTL() {
		return newWords(text, true)
	}
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// Title returns a title on one line: Fyne's label in bold, or in a right-to-left window
// Words ("الموقف (لوحة الموقف)", whose brackets Fyne's label would put out of place).
func Title(text string) fyne.CanvasObject {
	if locale.RTL() {
		return newWords(text, false)
	}
	l := widget.NewLabel(text)
	l.TextStyle.Bold = true
	return l
}

// Caption returns Text in the caption size and the placeholder colour: a hint, or what a
// format is.
func Caption(text string) Texter {
	if locale.RTL() {
		w := newWords(text, true)
		w.para.TextSize = theme().Size("captionText")
		w.para.Color = "placeholder"
		return w
	}
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.LowImportance
	return l
}

// Faint makes t, a Label, one line in the placeholder colour, cut with an ellipsis when it
// has not the width of its text.
func Faint(t Texter) {
	switch l := t.(type) {
	case *widget.Label:
		l.Importance = widget.LowImportance
		l.Truncation = fyne.TextTruncateEllipsis
	case *Words:
		if l.label != nil {
			l.label.Color = "placeholder"
			l.label.Truncation = fyne.TextTruncateEllipsis
		}
	}
	t.Refresh()
}

// Words are words of a right-to-left window, drawn by the article's label (one line) or text
// widget (wrapped) as a right-to-left paragraph, each run of Latin words and signs in it (a
// key, a file name) set apart by msg.IsolateLatin so that it reads whole, in its place.
type Words struct {
	widget.BaseWidget
	text  string
	label *article.Label // one line
	para  *article.Text  // or wrapped
}

// newWords returns text as Words, wrapped when wrap is set.
func newWords(text string, wrap bool) *Words {
	w := &Words{}
	if wrap {
		w.para = article.NewText("", bidi.RightToLeft)
	} else {
		w.label = article.NewLabelDir("", bidi.RightToLeft)
	}
	w.ExtendBaseWidget(w)
	w.SetText(text)
	return w
}

// SetText shows text.
func (w *Words) SetText(text string) {
	w.text = text
	if w.label != nil {
		w.label.SetText(msg.IsolateLatin(text))
	} else {
		w.para.SetText(msg.IsolateLatin(text))
	}
}

// Text returns the text shown.
func (w *Words) Text() string { return w.text }

// SetColor draws the words in the theme colour name ("" for the foreground).
func (w *Words) SetColor(name fyne.ThemeColorName) {
	if w.label != nil {
		w.label.SetColor(name)
	} else {
		w.para.SetColor(name)
	}
}

// CreateRenderer draws the words. It is called by Fyne.
func (w *Words) CreateRenderer() fyne.WidgetRenderer {
	if w.label != nil {
		return widget.NewSimpleRenderer(w.label)
	}
	return widget.NewSimpleRenderer(w.para)
}

// CheckRow returns what lays check out: the check itself, or in a right-to-left window its box
// at the right of its text, drawn by the article's label (a tap on the text toggles it too).
// The check keeps its state and callbacks; its Text moves to the label.
func CheckRow(c *widget.Check) fyne.CanvasObject {
	if !locale.RTL() {
		return c
	}
	l := &tapLabel{label: newWords(c.Text, false), tap: func() {
		if !c.Disabled() {
			c.SetChecked(!c.Checked)
		}
	}}
	l.ExtendBaseWidget(l)
	c.Text = ""
	c.Refresh()
	return container.New(rowLayout{}, c, l)
}

// CheckGroupRow returns what lays the check group g out: g itself, or in a right-to-left window
// a row of its options from the right, each a CheckRow, which keep g's selection.
func CheckGroupRow(g *widget.CheckGroup) fyne.CanvasObject {
	if !locale.RTL() {
		return g
	}
	var rows []fyne.CanvasObject
	var checks []*widget.Check
	for _, opt := range g.Options {
		c := widget.NewCheck(opt, nil)
		c.SetChecked(slices.Contains(g.Selected, opt))
		checks = append(checks, c)
		rows = append(rows, CheckRow(c))
	}
	for _, c := range checks {
		c.OnChanged = func(bool) {
			var sel []string
			for i, c := range checks {
				if c.Checked {
					sel = append(sel, g.Options[i])
				}
			}
			g.SetSelected(sel)
		}
	}
	return container.New(rowLayout{}, rows...)
}

// tapLabel is a label that calls tap when tapped.
type tapLabel struct {
	widget.BaseWidget
	label *Words
	tap   func()
}

// Text returns the label's text.
func (l *tapLabel) Text() string { return l.label.Text() }

// Tapped calls tap.
func (l *tapLabel) Tapped(*fyne.PointEvent) { l.tap() }

// CreateRenderer draws the label. It is called by Fyne.
func (l *tapLabel) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(l.label) }

// rowLayout places its objects side by side from the right edge, each at its minimum width,
// with the theme's padding between them: a right-to-left HBox.
type rowLayout struct{}

// Layout places objs.
func (rowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme().Size("padding")
	x := size.Width
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		if _, spacer := o.(layout.SpacerObject); spacer {
			continue
		}
		x -= m.Width
		o.Resize(fyne.NewSize(m.Width, size.Height))
		o.Move(fyne.NewPos(x, 0))
		x -= pad
	}
}

// MinSize is the objects' widths and the paddings between them, as tall as the tallest.
func (rowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	pad := theme().Size("padding")
	var w, h float32
	n := 0
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		w += m.Width
		h = max(h, m.Height)
		n++
	}
	if n > 1 {
		w += pad * float32(n-1)
	}
	return fyne.NewSize(w, h)
}

// theme returns the app's theme.
func theme() fyne.Theme { return fyne.CurrentApp().Settings().Theme() }
