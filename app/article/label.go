package article

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/arabic/bidi"
)

// ellipsis ends a label's text when it is cut.
const ellipsis = "…"

// Label shows one line of text, such as a document's title, the way Article shows a line: token
// by token in bidi order, aligned to the right edge. Only the first paragraph of the text is
// shown.
//
// Unlike an article, whose paragraphs are right to left, a label shows a single string taken
// on its own (a title, a target's name, the words of a span quoted in a message, a status), so
// its direction is that of its first strong character (bidi.Auto, as FIRST STRONG ISOLATE
// gives a quote): an Arabic title reads right to left with its Latin words in place, and a
// span "Apple Inc." keeps its full stop at its end rather than at its left edge as a
// right-to-left paragraph would put it. The label stays aligned to the right whatever the
// direction, so that a column of titles lines up.
type Label struct {
	widget.BaseWidget

	// Truncation fyne.TextTruncateEllipsis makes the label narrow: text that does not fit is
	// cut, in reading order, and ends with an ellipsis. Otherwise the label is as wide as its
	// text.
	Truncation fyne.TextTruncation
	words      // TextSize and Color, the text and its drawing

	order scratch
}

// NewLabel returns a label showing text in the direction of its first strong character.
func NewLabel(text string) *Label { return NewLabelDir(text, bidi.Auto) }

// NewLabelDir returns a label showing text in direction dir: bidi.RightToLeft for the words
// of a right-to-left window, which read from the right whatever they start with (a file name,
// a number).
func NewLabelDir(text string, dir bidi.Direction) *Label {
	l := &Label{words: words{dir: dir}}
	l.ExtendBaseWidget(l)
	l.SetText(text)
	return l
}

// SetText shows text.
func (l *Label) SetText(text string) {
	if l.set(text) {
		l.Refresh()
	}
}

// SetColor draws the text in the theme colour name ("" for the foreground).
func (l *Label) SetColor(name fyne.ThemeColorName) {
	if l.Color != name {
		l.Color = name
		l.Refresh()
	}
}

// CreateRenderer returns the label's renderer. It is called by Fyne.
func (l *Label) CreateRenderer() fyne.WidgetRenderer {
	l.ExtendBaseWidget(l)
	return &labelRenderer{l: l}
}

// labelRenderer draws a Label.
type labelRenderer struct {
	l       *Label
	objects []fyne.CanvasObject
}

func (r *labelRenderer) Destroy() {}

func (r *labelRenderer) Objects() []fyne.CanvasObject { return r.objects }

// MinSize is one line high, and as wide as the text or, when the text may be cut, narrow.
func (r *labelRenderer) MinSize() fyne.Size {
	r.measure()
	l := r.l
	w := float32(minWidth / 2)
	if l.Truncation != fyne.TextTruncateEllipsis {
		p := l.an.paras[0]
		w = advance(l.an.pieces, l.d.widths, l.d.space, p.first, p.last)
	}
	return fyne.NewSize(2*l.Theme().Size(theme.SizeNameInnerPadding)+w, l.d.lineHeight)
}

func (r *labelRenderer) Refresh() {
	r.measure()
	r.Layout(r.l.Size())
	canvas.Refresh(r.l)
}

// measure measures the label's pieces if the text or the theme's text size changed.
func (r *labelRenderer) measure() { r.l.measure(r.l.Theme()) }

// Layout places the pieces of the first paragraph that fit, right-aligned in bidi order.
func (r *labelRenderer) Layout(size fyne.Size) {
	l := r.l
	r.measure()
	th := l.Theme()
	fg := l.color(th)
	pad := th.Size(theme.SizeNameInnerPadding)
	p := l.an.paras[0]
	ps, widths := l.an.pieces[p.first:p.last], l.d.widths[p.first:p.last]
	avail := size.Width - 2*pad

	n, cut := len(ps), false
	ew := float32(0)
	if advance(ps, widths, l.d.space, 0, int32(n)) > avail {
		ew = measured.measure(ellipsis, fontLatin, l.d.size).w
		for n > 0 && advance(ps, widths, l.d.space, 0, int32(n))+ew > avail {
			n--
		}
		cut = true
	}
	// The pieces kept, in bidi order, then the ellipsis at the end of the line in reading order:
	// at the left of a right-to-left line.
	l.order = lineOrder(l.an, line{first: p.first, last: p.first + int32(n)}, l.d.widths, l.d.space, l.order)
	items := l.order.items
	end := int32(len(l.an.pieces)) // the index of the ellipsis in x
	if cut && p.rtl {
		items = append([]item{{piece: end, width: ew}}, items...)
	} else if cut {
		items = append(items, item{piece: end, width: ew})
	}
	x := make([]float32, end+1)
	placeItems(items, size.Width-pad, x)

	y := (size.Height - l.d.lineHeight) / 2
	objects := make([]fyne.CanvasObject, 0, len(items))
	for _, it := range items {
		switch j := it.piece; {
		case j < 0: // a gap
		case j == end:
			t := l.canvasText(ellipsis, fontLatin, fg)
			t.Move(fyne.NewPos(x[j], y+l.d.ascent-measured.measure(ellipsis, fontLatin, l.d.size).ascent))
			objects = append(objects, t)
		default:
			objects = append(objects, l.piece(j, x[j], y, fg)...)
		}
	}
	r.objects = objects
}
