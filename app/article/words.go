package article

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"

	"github.com/tawsim/tawsim/arabic/bidi"
	"github.com/tawsim/tawsim/labels"
)

// words is what Label and Text hold of their text: the string, the direction of its
// paragraphs, its analysis and its pieces measured, and how it is drawn.
type words struct {
	// TextSize is the size of the text; 0 is the theme's text size.
	TextSize float32
	// Color names the theme colour of the text; "" is the foreground colour.
	Color fyne.ThemeColorName

	text string
	dir  bidi.Direction
	an   *analysis
	d    drawing
}

// Text returns the text shown.
func (w *words) Text() string { return w.text }

// set analyzes text, and reports whether it differs from the text held.
func (w *words) set(text string) bool {
	if w.an != nil && text == w.text {
		return false
	}
	w.text = text
	doc := labels.Document{Text: text}
	w.an = analyze([]rune(text), doc.TokenOffsets(), w.dir)
	w.d.size = 0
	return true
}

// measure measures every piece at the text size (th's when TextSize is 0), and reports
// whether it had to.
func (w *words) measure(th fyne.Theme) bool {
	ts := w.TextSize
	if ts <= 0 {
		ts = th.Size(theme.SizeNameText)
	}
	if w.d.size == ts {
		return false
	}
	w.d.measure(w.an, ts)
	w.d.measureTo(w.an, len(w.an.pieces))
	return true
}

// color returns the colour of the text in th.
func (w *words) color(th fyne.Theme) color.Color {
	name := w.Color
	if name == "" {
		name = theme.ColorNameForeground
	}
	return th.Color(name, fyne.CurrentApp().Settings().ThemeVariant())
}

// piece returns the objects that draw piece j with its left edge at x on the line whose top
// is y: its text, or a box and the digits of its code point.
func (w *words) piece(j int32, x, y float32, fg color.Color) []fyne.CanvasObject {
	d := &w.d
	if d.fonts[j] == fontBox {
		frame, digits := newBox(d.shown[j], d.size, fg)
		placeBox(frame, digits, x, d.widths[j], y+d.ascent, d.size)
		return []fyne.CanvasObject{frame, digits}
	}
	t := w.canvasText(d.shown[j], d.fonts[j], fg)
	t.Move(fyne.NewPos(x, y+d.dy[j]))
	return []fyne.CanvasObject{t}
}

// canvasText returns a canvas.Text of s in font k, at its size.
func (w *words) canvasText(s string, k fontKind, fg color.Color) *canvas.Text {
	t := &canvas.Text{Text: s, Color: fg, TextSize: w.d.size, FontSource: k.source()}
	sz := measured.measure(s, k, w.d.size)
	t.Resize(fyne.NewSize(sz.w, sz.h))
	return t
}
