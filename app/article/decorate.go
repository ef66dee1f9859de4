package article

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// Decoration sizes.
const (
	spanInset   = 1   // a span's background stops this short of its ends: touching spans stay apart
	spanRadius  = 3   // the corner radius of span backgrounds and of the selection
	outlineW    = 1.5 // the stroke of the selected span's outline
	tintAlpha   = 0x66
	nameSpacing = 1 // between a label name's baseline and the top of its span's background
	nameGap     = 4 // between two names of spans that start at the same place
)

// decorate makes the decorations of the lines [from, to): search hits, span backgrounds and
// the selection, to go below the text; nesting bands, stance underlines, label names and the selected span's
// outline, to go above it. Only spans that reach into those lines are looked at closely.
func (r *renderer) decorate(from, to int) (below, above []fyne.CanvasObject) {
	a := r.a
	if from >= to || len(a.an.pieces) == 0 {
		return nil, nil
	}
	vs, ve := a.linesRange(from, to)
	b := a.bands()
	th, v := a.Theme(), fyne.CurrentApp().Settings().ThemeVariant()
	ink := th.Color(theme.ColorNameForeground, v)
	rows := make([]int, to-from) // the rows of nesting bands of each line
	for li := from; li < to; li++ {
		rows[li-from] = a.lineRows(li)
	}
	var segs []segment
	below = a.hitDecorations(from, to, vs, ve, b, segs)
	var outline []fyne.CanvasObject
	names := nameRow{}
	for i := range a.spans {
		s := &a.spans[i]
		if int32(s.Start) >= ve || int32(s.End) <= vs {
			continue
		}
		selected := s.ID == a.selSpan
		segs = a.segments(int32(s.Start), int32(s.End), segs[:0])
		for _, sg := range segs {
			if int(sg.line) < from || int(sg.line) >= to {
				continue
			}
			y := a.lay.lines[sg.line].y
			if s.stance {
				top := y + b.underAt(rows[int(sg.line)-from]) + float32(s.track)*b.underStep
				u := canvas.NewRectangle(s.color)
				u.Move(fyne.NewPos(sg.x0, top))
				u.Resize(fyne.NewSize(sg.x1-sg.x0, b.underH))
				above = append(above, u)
				if selected {
					outline = append(outline, outlineRect(ink, sg.x0-1, top-1, sg.x1+1, top+b.underH+1))
				}
				continue
			}
			x0, x1 := sg.x0+spanInset, max(sg.x1-spanInset, sg.x0+spanInset+1)
			if sg.first {
				above = append(above, names.place(s.Label, s.color, s.Start, sg.line, x1, y+b.top-nameSpacing, b.nameSize))
			}
			if s.height > 0 {
				top := y + b.nestAt(s.height)
				above = append(above, bracket(s.color, sg, x0, x1, top, b)...)
				if selected {
					m := float32(outlineW + 0.5)
					outline = append(outline, outlineRect(ink, x0-m, top-b.tick-m, x1+m, top+b.nestH+m))
				}
				continue
			}
			bg := canvas.NewRectangle(tint(s.color))
			bg.CornerRadius = spanRadius
			bg.Move(fyne.NewPos(x0, y+b.top))
			bg.Resize(fyne.NewSize(x1-x0, b.bottom-b.top))
			below = append(below, bg)
			if selected {
				// around the background and the label's name: the stroke must hide neither a
				// letter at the background's edge nor the name
				m := float32(outlineW + 0.5)
				outline = append(outline, outlineRect(ink, x0-m, y+b.frameTop, x1+m, y+b.bottom+m))
			}
		}
	}
	above = append(above, a.suggestionOutlines(from, to, vs, ve, b, names)...)
	above = append(above, a.laneBars(from, to, vs, ve, b)...)
	if sel, ok := a.Selection(); ok && int32(sel.Start) < ve && int32(sel.End) > vs {
		fill := th.Color(theme.ColorNameSelection, v)
		segs = a.segments(int32(sel.Start), int32(sel.End), segs[:0])
		for _, sg := range segs {
			if int(sg.line) < from || int(sg.line) >= to {
				continue
			}
			y := a.lay.lines[sg.line].y
			hl := canvas.NewRectangle(fill)
			hl.CornerRadius = spanRadius
			hl.Move(fyne.NewPos(sg.x0, y+b.top-2))
			hl.Resize(fyne.NewSize(sg.x1-sg.x0, b.bottom-b.top+4))
			below = append(below, hl)
		}
	}
	return below, append(above, outline...)
}

// bracket returns the band of a span that holds others, on one segment from x0 to x1 with its
// top at top: a bar, and at the span's first and last code points an end rising toward the
// text, so that two bands side by side show where one ends.
func bracket(c color.NRGBA, sg segment, x0, x1, top float32, b bands) []fyne.CanvasObject {
	bar := canvas.NewRectangle(c)
	bar.Move(fyne.NewPos(x0, top))
	bar.Resize(fyne.NewSize(x1-x0, b.nestH))
	out := []fyne.CanvasObject{bar}
	w := max(2, b.nestH-1)
	for _, end := range []struct {
		on bool
		x  float32
	}{{sg.first, x1 - w}, {sg.last, x0}} { // the start at the right in right-to-left text
		if end.on {
			t := canvas.NewRectangle(c)
			t.Move(fyne.NewPos(end.x, top-b.tick))
			t.Resize(fyne.NewSize(w, b.tick))
			out = append(out, t)
		}
	}
	return out
}

// nameRow places label names so that the names of spans that start at the same place (a span
// and the spans nested in it, a suggestion beside them) stand side by side, the outer span's
// first, not one on another. It holds the left end of the names placed at each start.
type nameRow map[nameAt]float32

// nameAt is where names start: a line, and the code point of the spans' start.
type nameAt struct {
	line  int32
	start int
}

// place returns the name text in colour c of a span that starts at code point start, whose
// first segment is on line li with its right end at right, its baseline at baseline.
func (n nameRow) place(text string, c color.NRGBA, start int, li int32, right, baseline, size float32) *canvas.Text {
	at := nameAt{li, start}
	if left, ok := n[at]; ok {
		right = min(right, left-nameGap)
	}
	t := labelName(text, c, right, baseline, size)
	n[at] = t.Position().X
	return t
}

// labelName returns the small text of a label's name in colour c, its right end at right and
// its baseline at baseline: above the span's start in right-to-left text.
func labelName(text string, c color.NRGBA, right, baseline, size float32) *canvas.Text {
	k := fontFor([]rune(text))
	m := measured.measure(text, k, size)
	t := &canvas.Text{Text: text, Color: c, TextSize: size, FontSource: k.source()}
	t.Resize(fyne.NewSize(m.w, m.h))
	t.Move(fyne.NewPos(max(right-m.w, 0), baseline-m.ascent))
	return t
}

// outlineRect returns an unfilled rectangle from (x0, y0) to (x1, y1).
func outlineRect(c color.Color, x0, y0, x1, y1 float32) *canvas.Rectangle {
	o := &canvas.Rectangle{FillColor: color.Transparent, StrokeColor: c, StrokeWidth: outlineW, CornerRadius: spanRadius}
	o.Move(fyne.NewPos(x0, y0))
	o.Resize(fyne.NewSize(x1-x0, y1-y0))
	return o
}

// tint returns c, see-through: the background of an entity span, which the text shows on.
func tint(c color.NRGBA) color.NRGBA {
	c.A = tintAlpha
	return c
}

// linesRange returns the code points that the lines [from, to) show.
func (a *Article) linesRange(from, to int) (int32, int32) {
	first, last := a.lay.lines[from].first, a.lay.lines[to-1].last
	var s, e int32
	if int(first) < len(a.an.pieces) {
		s = a.an.pieces[first].start
	}
	if last > 0 {
		e = a.an.pieces[last-1].end
	}
	return s, e
}
