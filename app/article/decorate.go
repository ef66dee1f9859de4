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
)

// decorate makes the decorations of the lines [from, to): span backgrounds and the selection,
// to go below the text; stance underlines, label names and the selected span's outline, to go
// above it. Only spans that reach into those lines are looked at closely.
func (r *renderer) decorate(from, to int) (below, above []fyne.CanvasObject) {
	a := r.a
	if from >= to || len(a.an.pieces) == 0 {
		return nil, nil
	}
	vs, ve := a.linesRange(from, to)
	b := a.bands()
	th, v := a.Theme(), fyne.CurrentApp().Settings().ThemeVariant()
	var segs []segment
	var outline []fyne.CanvasObject
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
				top := y + b.under + float32(s.track)*b.underStep
				u := canvas.NewRectangle(s.color)
				u.Move(fyne.NewPos(sg.x0, top))
				u.Resize(fyne.NewSize(sg.x1-sg.x0, b.underH))
				above = append(above, u)
				if selected {
					outline = append(outline, outlineRect(th.Color(theme.ColorNameForeground, v),
						sg.x0-1, top-1, sg.x1+1, top+b.underH+1))
				}
				continue
			}
			bg := canvas.NewRectangle(tint(s.color))
			bg.CornerRadius = spanRadius
			x0, x1 := sg.x0+spanInset, max(sg.x1-spanInset, sg.x0+spanInset+1)
			bg.Move(fyne.NewPos(x0, y+b.top))
			bg.Resize(fyne.NewSize(x1-x0, b.bottom-b.top))
			below = append(below, bg)
			if sg.first {
				above = append(above, a.labelName(s, x1, y+b.top-nameSpacing, b.nameSize))
			}
			if selected {
				// around the background and the label's name: the stroke must hide neither a
				// letter at the background's edge nor the name
				m := float32(outlineW + 0.5)
				outline = append(outline, outlineRect(th.Color(theme.ColorNameForeground, v), x0-m, y+b.frameTop, x1+m, y+b.bottom+m))
			}
		}
	}
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

// labelName returns the small text of span s's label name, its right end at right and its
// baseline at baseline: above the span's start in right-to-left text.
func (a *Article) labelName(s *shownSpan, right, baseline, size float32) *canvas.Text {
	k := fontFor([]rune(s.Label))
	m := measured.measure(s.Label, k, size)
	t := &canvas.Text{Text: s.Label, Color: s.color, TextSize: size, FontSource: k.source()}
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
