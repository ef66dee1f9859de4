package article

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/arabic/bidi"
)

// Text shows text of several lines and paragraphs the way Article does (token by token in
// bidi order, wrapped to the widget's width, never inside a token), without selection or
// spans: the words of a dialog or a message in a right-to-left window, which Fyne's label
// would show with its Latin words, numbers and key names out of place. A paragraph that reads
// right to left is aligned to the right edge, one that reads left to right to the left edge.
// Like a wrapping label it asks for little width and is as tall as its text at its width.
type Text struct {
	widget.BaseWidget
	words // TextSize and Color, the text and its drawing

	lay  layout
	size fyne.Size // the size lay was made for (its width) and at which text size (height)
}

// NewText returns a text widget showing text, each paragraph in direction dir (bidi.Auto:
// the direction of its first strong character).
func NewText(text string, dir bidi.Direction) *Text {
	t := &Text{words: words{dir: dir}}
	t.ExtendBaseWidget(t)
	t.SetText(text)
	return t
}

// SetText shows text.
func (t *Text) SetText(text string) {
	if t.set(text) {
		t.size = fyne.Size{}
		t.Refresh()
	}
}

// SetColor draws the text in the theme colour name ("" for the foreground).
func (t *Text) SetColor(name fyne.ThemeColorName) {
	if t.Color != name {
		t.Color = name
		t.Refresh()
	}
}

// CreateRenderer returns the widget's renderer. It is called by Fyne.
func (t *Text) CreateRenderer() fyne.WidgetRenderer {
	t.ExtendBaseWidget(t)
	return &textRenderer{t: t}
}

// textRenderer draws a Text.
type textRenderer struct {
	t       *Text
	objects []fyne.CanvasObject
}

func (r *textRenderer) Destroy() {}

func (r *textRenderer) Objects() []fyne.CanvasObject { return r.objects }

// MinSize is narrow, and as tall as the text at the widget's width (before it has one: at the
// width of its longest paragraph, up to 600).
func (r *textRenderer) MinSize() fyne.Size {
	w := r.t.Size().Width
	if w <= 0 {
		w = min(r.natural(), defaultWidth)
	}
	r.ensure(w)
	return fyne.NewSize(minWidth, r.t.lay.height)
}

// natural returns the width the text needs to stand on one line a paragraph.
func (r *textRenderer) natural() float32 {
	r.ensure(defaultWidth)
	t := r.t
	w := float32(0)
	for _, p := range t.an.paras {
		w = max(w, advance(t.an.pieces, t.d.widths, t.d.space, p.first, p.last))
	}
	return w + 2*t.Theme().Size(theme.SizeNameInnerPadding)
}

func (r *textRenderer) Refresh() {
	r.Layout(r.t.Size())
	canvas.Refresh(r.t)
}

// ensure measures the text at the theme's size and lays it out at width.
func (r *textRenderer) ensure(width float32) {
	t := r.t
	if t.measure(t.Theme()) {
		t.size = fyne.Size{}
	}
	if t.size.Width == width && t.size.Height == t.d.size {
		return
	}
	th := t.Theme()
	m := metrics{
		space:      t.d.space,
		lineHeight: t.d.lineHeight,
		lineGap:    th.Size(theme.SizeNameLineSpacing),
		paraGap:    t.d.lineHeight / 3,
		pad:        th.Size(theme.SizeNameInnerPadding),
	}
	layOut(t.an, t.d.widths, m, width, &t.lay)
	// a left-to-right paragraph starts at the left edge
	for _, ln := range t.lay.lines {
		if t.an.paras[ln.para].rtl || ln.first == ln.last {
			continue
		}
		shift := t.lay.x[ln.first]
		for i := ln.first + 1; i < ln.last; i++ {
			shift = min(shift, t.lay.x[i])
		}
		shift -= m.pad
		for i := ln.first; i < ln.last; i++ {
			t.lay.x[i] -= shift
		}
	}
	t.size = fyne.NewSize(width, t.d.size)
}

// Layout places a canvas.Text per piece.
func (r *textRenderer) Layout(size fyne.Size) {
	t := r.t
	r.ensure(size.Width)
	fg := t.color(t.Theme())
	objects := r.objects[:0]
	for _, ln := range t.lay.lines {
		for j := ln.first; j < ln.last; j++ {
			objects = append(objects, t.piece(j, t.lay.x[j], ln.y, fg)...)
		}
	}
	r.objects = objects
}
