package article

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// minWidth is the narrowest the widget asks to be; its text wraps to whatever it is given.
const minWidth = 64

// fallbackView is the height of the part of the widget taken to be on screen when the widget is
// in no window yet.
const fallbackView = 1000

// renderer places one canvas.Text per piece of the lines around the part of the article that is
// on screen (one per part of a piece that a span edge cuts), and the decorations of those lines:
// span backgrounds and the selection below the text, underlines, label names and the selected
// span's outline above it. The layout itself is the Article's (layout.go).
type renderer struct {
	a       *Article
	texts   []*canvas.Text              // per piece, made when first shown (a box's digits)
	frames  map[int32]*canvas.Rectangle // per piece drawn as a box, made when first shown
	parts   map[int32]partTexts         // per piece drawn in parts, for the lines shown
	objects []fyne.CanvasObject
	from    int // the lines shown are [from, to)
	to      int
	gen     uint64  // the Article's layout generation the objects were placed for
	deco    uint64  // the Article's decoration generation they were made for
	size    float32 // the text size of the texts
	color   color.Color
}

// partTexts are the canvas.Text objects of the parts of a split piece.
type partTexts struct {
	of    *split
	texts []*canvas.Text
}

// Destroy is called when the widget is no longer used; the renderer holds nothing to free.
func (r *renderer) Destroy() {}

// Objects returns the canvas.Text objects of the lines shown.
func (r *renderer) Objects() []fyne.CanvasObject { return r.objects }

// MinSize is narrow, and as tall as the text is at the widget's current width.
func (r *renderer) MinSize() fyne.Size {
	r.a.ensureLayout(r.a.Size().Width)
	return fyne.NewSize(minWidth, r.a.lay.height)
}

// Layout wraps the text to the new width.
func (r *renderer) Layout(size fyne.Size) {
	r.a.ensureLayout(size.Width)
	r.update(false)
}

// Refresh applies the theme (text colour and size) and shows the current document.
func (r *renderer) Refresh() {
	a := r.a
	a.ensureLayout(a.Size().Width)
	fg := a.Theme().Color(theme.ColorNameForeground, fyne.CurrentApp().Settings().ThemeVariant())
	if r.color != fg {
		r.color = fg
		for _, t := range r.texts {
			if t != nil {
				t.Color = fg
				t.Refresh()
			}
		}
		r.parts, r.frames = nil, nil
	}
	r.update(true)
	canvas.Refresh(a)
}

// reset drops the canvas objects of the previous document.
func (r *renderer) reset() {
	r.texts = nil
	r.parts, r.frames = nil, nil
	r.objects = nil
	r.from, r.to = 0, 0
}

// update shows the lines near the visible part of the widget, placed for the current layout.
// Unless force is set, it does nothing when neither those lines nor the layout changed.
func (r *renderer) update(force bool) {
	a := r.a
	a.ensureLayout(a.Size().Width)
	if len(r.texts) != len(a.an.pieces) || r.size != a.d.size {
		r.texts = make([]*canvas.Text, len(a.an.pieces)) // a new document, or a new text size
		r.parts, r.frames = nil, nil
		r.size = a.d.size
		force = true
	}
	from, to := r.visibleLines()
	for to > 0 && int(a.lay.lines[to-1].last) > a.d.exact { // measure what is shown
		a.exactTo(int(a.lay.lines[to-1].last) - 1)
		from, to = r.visibleLines()
	}
	if !force && from == r.from && to == r.to && r.gen == a.gen && r.deco == a.deco {
		return
	}
	r.from, r.to, r.gen, r.deco = from, to, a.gen, a.deco
	below, above := r.decorate(from, to)
	objects := make([]fyne.CanvasObject, 0, len(r.objects)+16)
	objects = append(objects, below...)
	parts := make(map[int32]partTexts, len(r.parts))
	for li := from; li < to; li++ {
		ln := a.lay.lines[li]
		for i := ln.first; i < ln.last; i++ {
			if sp := a.splits[i]; sp != nil {
				pt := r.partTexts(i, sp)
				parts[i] = pt
				for k, t := range pt.texts {
					t.Move(fyne.NewPos(a.lay.x[i]+sp.parts[k].dx, ln.y+a.d.dy[i]))
					objects = append(objects, t)
				}
				continue
			}
			if a.d.fonts[i] == fontBox {
				frame, t := r.box(i)
				placeBox(frame, t, a.lay.x[i], a.d.widths[i], ln.y+a.d.ascent, a.d.size)
				objects = append(objects, frame, t)
				continue
			}
			t := r.text(i)
			t.Move(fyne.NewPos(a.lay.x[i], ln.y+a.d.dy[i]))
			objects = append(objects, t)
		}
	}
	r.parts = parts
	r.objects = append(objects, above...)
}

// partTexts returns the canvas.Text objects of the parts of piece i, split as sp says, making
// them when the piece was not drawn split that way before.
func (r *renderer) partTexts(i int32, sp *split) partTexts {
	if pt, ok := r.parts[i]; ok && pt.of == sp {
		return pt
	}
	a := r.a
	pt := partTexts{of: sp, texts: make([]*canvas.Text, len(sp.parts))}
	for k, p := range sp.parts {
		t := &canvas.Text{Text: p.text, Color: r.textColor(), TextSize: a.d.size, FontSource: a.d.fonts[i].source()}
		t.Resize(fyne.NewSize(p.w, a.d.heights[i]))
		pt.texts[k] = t
	}
	return pt
}

// textColor returns the colour of the article's text.
func (r *renderer) textColor() color.Color {
	if r.color == nil {
		r.color = r.a.Theme().Color(theme.ColorNameForeground, fyne.CurrentApp().Settings().ThemeVariant())
	}
	return r.color
}

// text returns the canvas.Text of piece i, making it the first time.
func (r *renderer) text(i int32) *canvas.Text {
	if t := r.texts[i]; t != nil {
		return t
	}
	a := r.a
	t := &canvas.Text{
		Text:       a.d.shown[i],
		Color:      r.textColor(),
		TextSize:   a.d.size,
		FontSource: a.d.fonts[i].source(),
	}
	t.Resize(fyne.NewSize(a.d.widths[i], a.d.heights[i]))
	r.texts[i] = t
	return t
}

// box returns the frame and the digits of piece i, a box, making them the first time.
func (r *renderer) box(i int32) (*canvas.Rectangle, *canvas.Text) {
	if f, ok := r.frames[i]; ok && r.texts[i] != nil {
		return f, r.texts[i]
	}
	if r.frames == nil {
		r.frames = make(map[int32]*canvas.Rectangle)
	}
	f, t := newBox(r.a.d.shown[i], r.a.d.size, r.textColor())
	r.frames[i], r.texts[i] = f, t
	return f, t
}

// visibleLines returns the lines from one screen above the visible part of the widget to one
// screen below it. The widget learns the visible part from its position: a container.Scroll
// moves its content up by the scrolled offset.
func (r *renderer) visibleLines() (from, to int) {
	a := r.a
	view := float32(fallbackView)
	d := fyne.CurrentApp().Driver()
	if len(d.AllWindows()) > 0 {
		if c := d.CanvasForObject(a); c != nil && c.Size().Height > 0 {
			view = c.Size().Height
		}
	}
	top := max(-a.Position().Y, 0)
	from = max(a.lay.lineAt(top-view), 0)
	to = min(a.lay.lineAt(top+2*view)+1, len(a.lay.lines))
	return from, max(from, to)
}
