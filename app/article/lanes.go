package article

import (
	"image/color"
	"math"
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"github.com/tawsim/tawsim/labels"
)

// Lanes are what a curator reviews: the spans of each annotator of a document, one lane per
// annotator below every line, lane 1 at the top. A span is a bar under its words in its
// label's colour, so that a label two annotators gave differently shows as two colours one
// above the other, a boundary as bars of two lengths, a span one of them left out as a gap.
// The spans of SetSpans are the gold: a lane's span that the gold holds (same place, kind,
// label and target) is drawn faint, settled; the others, the differences still to review,
// full, with a stroke at each end. A click on a bar selects its words and calls OnLaneTapped.
// Every line makes room below itself for all the lanes, so that they sit at the same height
// under each line.

// Lane sizes, relative to the text size.
const (
	laneThick   = 1.0 / 6 // a bar's thickness
	laneGap     = 2       // between two lanes, in pixels
	laneSettled = 0x50    // the alpha of a settled span's bar
	laneEndW    = 2       // the width of the stroke at each end of a span to review
)

// laneSpan is a span of a lane as the widget draws it.
type laneSpan struct {
	labels.Span
	lane  int
	color color.NRGBA
}

// laneSet is the lanes drawn: their spans, ordered by start, and their number, each lane
// taking room below every line.
type laneSet struct {
	spans []laneSpan
	n     int
}

// goldKey is what makes a lane's span the same as a span of the gold.
type goldKey struct {
	start, end    int
	kind          labels.Kind
	label, target string
}

func keyOfSpan(sp labels.Span) goldKey {
	return goldKey{sp.Start, sp.End, sp.Kind, sp.Label, sp.Target}
}

// SetLanes sets the lanes to draw, one per annotator in the order given (an empty lane keeps
// its place), in the colours of schema's labels; nil draws none. The lines move down to make
// room for them when their number changes.
func (a *Article) SetLanes(lanes [][]labels.Span, schema labels.Schema) {
	n := len(a.an.text)
	var shown []laneSpan
	for k, lane := range lanes {
		for _, sp := range lane {
			if sp.Start < 0 || sp.End > n || sp.Start >= sp.End {
				continue
			}
			l, ok := schema.Entity(sp.Label)
			if sp.Kind == labels.KindStance {
				l, ok = schema.Stance(sp.Label)
			}
			c := unknownColor
			if p, good := parseColor(l.Color); ok && good {
				c = p
			}
			shown = append(shown, laneSpan{Span: sp, lane: k, color: c})
		}
	}
	sort.SliceStable(shown, func(i, j int) bool { return shown[i].Start < shown[j].Start })
	a.lanes = laneSet{shown, len(lanes)}
	if room := a.laneRoom(); room != a.m.lanes && a.d.size > 0 {
		a.m.lanes = room
		if a.laid {
			a.lay.stack(a.an, a.m)
			a.gen++
		}
	}
	a.changed(true)
}

// LaneCount returns the number of lanes drawn.
func (a *Article) LaneCount() int { return a.lanes.n }

// laneH returns the thickness of a lane's bar, and the step from one lane to the next.
func (a *Article) laneH() (h, step float32) {
	h = max(3, float32(math.Round(float64(a.d.size*laneThick))))
	return h, h + laneGap
}

// laneTop returns the top of the bar of lane k under a line with rows of nesting bands,
// measured from the line's top: below the text, the stance underlines and the bands.
func (a *Article) laneTop(b bands, rows, k int) float32 {
	_, step := a.laneH()
	return max(a.d.lineHeight, b.underLimit) + 1 + float32(rows)*b.nestStep + float32(k)*step
}

// laneRoom returns the room each line makes below itself for the lanes.
func (a *Article) laneRoom() float32 {
	if a.lanes.n == 0 {
		return 0
	}
	_, step := a.laneH()
	return max(0, a.bands().underLimit-a.d.lineHeight) + 1 + float32(a.lanes.n)*step
}

// laneCuts appends the edges of the lanes' spans, where pieces are cut.
func (a *Article) laneCuts(offs []int32) []int32 {
	cl := a.an.clusters
	for _, s := range a.lanes.spans {
		offs = append(offs, int32(cl.start(s.Start)), int32(cl.start(s.End)))
	}
	return offs
}

// laneBars returns the bars of the lanes under the lines [from, to), which show the code
// points [vs, ve).
func (a *Article) laneBars(from, to int, vs, ve int32, b bands) []fyne.CanvasObject {
	if len(a.lanes.spans) == 0 {
		return nil
	}
	gold := make(map[goldKey]bool, len(a.spans))
	for _, s := range a.spans {
		gold[keyOfSpan(s.Span)] = true
	}
	h, _ := a.laneH()
	var out []fyne.CanvasObject
	var segs []segment
	for i := range a.lanes.spans {
		s := &a.lanes.spans[i]
		if int32(s.Start) >= ve || int32(s.End) <= vs {
			continue
		}
		settled := gold[keyOfSpan(s.Span)]
		segs = a.segments(int32(s.Start), int32(s.End), segs[:0])
		for _, sg := range segs {
			if int(sg.line) < from || int(sg.line) >= to {
				continue
			}
			top := a.lay.lines[sg.line].y + a.laneTop(b, a.lineRows(int(sg.line)), s.lane)
			x0, x1 := sg.x0+spanInset, max(sg.x1-spanInset, sg.x0+spanInset+1)
			c := s.color
			if settled {
				c.A = laneSettled
			}
			bar := canvas.NewRectangle(c)
			bar.Move(fyne.NewPos(x0, top))
			bar.Resize(fyne.NewSize(x1-x0, h))
			out = append(out, bar)
			if settled {
				continue
			}
			for _, end := range []struct {
				on bool
				x  float32
			}{{sg.first, x1 - laneEndW}, {sg.last, x0}} { // the start at the right in right-to-left text
				if end.on {
					t := canvas.NewRectangle(s.color)
					t.Move(fyne.NewPos(end.x, top-laneGap))
					t.Resize(fyne.NewSize(laneEndW, h+2*laneGap))
					out = append(out, t)
				}
			}
		}
	}
	return out
}

// laneAt returns the index in a.lanes of the span whose bar is at pos (or less than a lane's
// gap from it), or -1.
func (a *Article) laneAt(pos fyne.Position) int {
	if len(a.lanes.spans) == 0 {
		return -1
	}
	a.exactAt(pos.Y)
	li := a.lay.lineAt(pos.Y)
	if li < 0 {
		return -1
	}
	b := a.bands()
	h, _ := a.laneH()
	rows := a.lineRows(li)
	dy := pos.Y - a.lay.lines[li].y
	ls, le := a.lineRange(li)
	var segs []segment
	for i := range a.lanes.spans {
		s := &a.lanes.spans[i]
		if int32(s.Start) >= le || int32(s.End) <= ls {
			continue
		}
		top := a.laneTop(b, rows, s.lane)
		if dy < top-laneGap || dy >= top+h+laneGap {
			continue
		}
		segs = a.segments(int32(s.Start), int32(s.End), segs[:0])
		for _, sg := range segs {
			if int(sg.line) == li && pos.X >= sg.x0 && pos.X < sg.x1 {
				return i
			}
		}
	}
	return -1
}

// tapLane selects the words of the lane's span i and tells OnLaneTapped.
func (a *Article) tapLane(i int) {
	s := a.lanes.spans[i]
	a.SelectWords(s.Start, s.End)
	a.notifySelect()
	if a.OnLaneTapped != nil {
		a.OnLaneTapped(s.lane, s.Span)
	}
}

// SelectWords selects the tokens from the one that holds code point start to the one that
// holds end-1, the selection starting at start when start lies inside its token (after a
// proclitic). It drops the selected span and does not call OnSelect.
func (a *Article) SelectWords(start, end int) {
	if len(a.an.tokens) == 0 || start >= end {
		return
	}
	first, last := a.tokenOf(start), a.tokenOf(end-1)
	a.selectTokens(first, last, false)
	if after := start - a.an.tokens[first].Start; after > 0 {
		a.sel.after = after
		a.changed(true)
	}
}
