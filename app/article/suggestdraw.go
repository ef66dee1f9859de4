package article

import (
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// The outline of a suggestion.
const (
	dashLen       = 4 // a dash of the outline
	dashGap       = 3 // between two dashes
	sugStroke     = 1 // the outline's stroke
	sugStrokeSure = 2 // the stroke of the suggestion under the selection, which Enter accepts
)

// suggestionOutlines returns the outlines and names of the suggestions drawn on the lines
// [from, to), which show the code points [vs, ve): a dashed box around the words of each
// segment, and the label's name above the start ("LOC +1" when other suggestions of its
// group wait behind it), beside the names of the spans that start there.
func (a *Article) suggestionOutlines(from, to int, vs, ve int32, b bands, names nameRow) []fyne.CanvasObject {
	if len(a.sugs) == 0 {
		return nil
	}
	cur := a.currentGroup()
	var out []fyne.CanvasObject
	var segs []segment
	for i := range a.sugs {
		g := &a.sugs[i]
		s, c := g.shown(), g.colors[g.pick]
		if int32(s.Start) >= ve || int32(s.End) <= vs {
			continue
		}
		stroke := float32(sugStroke)
		if i == cur {
			stroke = sugStrokeSure
		}
		segs = a.segments(int32(s.Start), int32(s.End), segs[:0])
		for _, sg := range segs {
			if int(sg.line) < from || int(sg.line) >= to {
				continue
			}
			y := a.lay.lines[sg.line].y
			x0, x1 := sg.x0+spanInset, max(sg.x1-spanInset, sg.x0+spanInset+1)
			if sg.first {
				out = append(out, names.place(suggestedName(s), c, s.Start, sg.line, x1, y+b.top-nameSpacing, b.nameSize))
			}
			out = dashedBox(out, c, x0, y+b.top, x1, y+b.bottom, stroke)
		}
	}
	return out
}

// suggestedName returns the name drawn above a suggestion: its label, and how many more of
// its group wait behind it.
func suggestedName(s *Suggested) string {
	if s.Others == 0 {
		return s.Label
	}
	return s.Label + " +" + strconv.Itoa(s.Others)
}

// dashedBox appends the dashes of a box from (x0, y0) to (x1, y1) in colour c, its stroke w
// thick, inside the box. Each side starts with a dash at its corner, so the corners are drawn.
func dashedBox(out []fyne.CanvasObject, c color.NRGBA, x0, y0, x1, y1, w float32) []fyne.CanvasObject {
	dash := func(x, y, dx, dy float32) {
		r := canvas.NewRectangle(c)
		r.Move(fyne.NewPos(x, y))
		r.Resize(fyne.NewSize(dx, dy))
		out = append(out, r)
	}
	for x := x0; x < x1; x += dashLen + dashGap {
		n := min(dashLen, x1-x)
		dash(x, y0, n, w)
		dash(x, y1-w, n, w)
	}
	if x1-x0 > dashLen+dashGap { // the last dash ends at the far corner
		dash(x1-dashLen, y0, dashLen, w)
		dash(x1-dashLen, y1-w, dashLen, w)
	}
	for y := y0; y < y1; y += dashLen + dashGap {
		n := min(dashLen, y1-y)
		dash(x0, y, w, n)
		dash(x1-w, y, w, n)
	}
	if y1-y0 > dashLen+dashGap {
		dash(x0, y1-dashLen, w, dashLen)
		dash(x1-w, y1-dashLen, w, dashLen)
	}
	return out
}
