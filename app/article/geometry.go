package article

import (
	"math"
	"sort"

	"fyne.io/fyne/v2"
)

// segment is the part of a range of the text that one line shows in one block: from x0 to x1,
// gaps between its pieces included.
type segment struct {
	line   int32
	x0, x1 float32
	first  bool // it holds the range's first code point
	last   bool // it holds the range's last code point
}

// extentItem is a piece, or part of one, of a line while its segments are found.
type extentItem struct {
	x0, x1  float32
	covered bool
	first   bool
	last    bool
}

// segments appends the blocks that show the code points [s, e): on each line that holds some
// of them, the runs of pieces side by side on screen that the range covers (one run, unless
// the bidi algorithm put pieces that are outside the range between them).
func (a *Article) segments(s, e int32, out []segment) []segment {
	ps := a.an.pieces
	i := int32(sort.Search(len(ps), func(i int) bool { return ps[i].end > s }))
	var items []extentItem
	for int(i) < len(ps) && ps[i].start < e {
		li := a.lay.lineOf[i]
		ln := a.lay.lines[li]
		items = a.lineItems(ln, s, e, items[:0])
		sort.Slice(items, func(i, j int) bool { return items[i].x0 < items[j].x0 })
		for k := 0; k < len(items); {
			if !items[k].covered {
				k++
				continue
			}
			seg := segment{line: li, x0: items[k].x0, x1: items[k].x1, first: items[k].first, last: items[k].last}
			k++
			for k < len(items) && items[k].covered {
				seg.x1 = max(seg.x1, items[k].x1)
				seg.first = seg.first || items[k].first
				seg.last = seg.last || items[k].last
				k++
			}
			out = append(out, seg)
		}
		i = ln.last
	}
	return out
}

// lineItems appends the pieces of ln, and the parts of the pieces cut at the range's edges,
// each marked covered when it lies in [s, e).
func (a *Article) lineItems(ln line, s, e int32, items []extentItem) []extentItem {
	for j := ln.first; j < ln.last; j++ {
		p := a.an.pieces[j]
		x := a.lay.x[j]
		if sp := a.splits[j]; sp != nil && p.start < e && p.end > s {
			for _, pt := range sp.parts {
				in := pt.start >= s && pt.end <= e
				items = append(items, extentItem{x + pt.dx, x + pt.dx + pt.w, in, in && pt.start <= s, in && pt.end >= e})
			}
			continue
		}
		in := p.start < e && p.end > s
		items = append(items, extentItem{x, x + a.d.widths[j], in, in && p.start <= s, in && p.end >= e})
	}
	return items
}

// bands is where the decorations of a line sit, measured down from the line's top.
type bands struct {
	nameSize   float32 // text size of a span's label name
	frameTop   float32 // top of the selected span's outline, above the name
	top        float32 // top of span backgrounds and of the selection; label names sit above
	bottom     float32 // their bottom; stance underlines are below
	under      float32 // top of the first underline, on a line without nesting bands
	underH     float32 // thickness of an underline
	underStep  float32 // from one underline to the next
	underLimit float32 // the bottom of the last underline
	nest       float32 // top of the first row of nesting bands
	nestH      float32 // thickness of a nesting band
	nestStep   float32 // from one row of bands to the next: the room a row adds below a line
	tick       float32 // how far the ends of a band rise
}

// bands returns the vertical geometry of the decorations at the current text size: the
// background covers the letters from the top of an alef to below the descenders; a label's
// name sits in the space above, which the font's ascent keeps for marks above letters.
func (a *Article) bands() bands {
	ts, asc := a.d.size, a.d.ascent
	b := bands{
		nameSize: float32(math.Round(float64(ts) * 0.55)),
		top:      float32(math.Floor(float64(asc - 0.78*ts))),
		bottom:   float32(math.Ceil(float64(asc + 0.45*ts))),
		underH:   max(2, float32(math.Round(float64(ts)/9))),
	}
	b.frameTop = b.top - nameSpacing - float32(math.Ceil(float64(0.8*b.nameSize))) - 1
	b.under = b.bottom + 1
	b.underStep = b.underH + 1
	b.underLimit = b.under + maxTracks*b.underStep
	b.nest = b.bottom + 2
	b.nestH = max(3, float32(math.Round(float64(ts)/7)))
	b.nestStep = b.nestH + 3
	b.tick = float32(math.Round(float64(ts) / 4))
	return b
}

// underAt returns the top of the first stance underline of line li, below its nesting bands.
func (b bands) underAt(rows int) float32 { return b.under + float32(rows)*b.nestStep }

// nestAt returns the top of the band of a span of the given height (see nest).
func (b bands) nestAt(height int) float32 { return b.nest + float32(height-1)*b.nestStep }

// tokenNear returns the token nearest pos: on the line at its height (the first or last line
// when pos is above or below the text, the nearest line with tokens when that one has none),
// the token under it or else the closest one across. It returns false when there are no tokens.
func (a *Article) tokenNear(pos fyne.Position) (int, bool) {
	a.exactAt(pos.Y)
	lines := a.lay.lines
	if len(a.an.tokens) == 0 || len(lines) == 0 {
		return -1, false
	}
	li := max(0, min(a.lay.lineAt(pos.Y), len(lines)-1))
	for d := 0; d < len(lines); d++ {
		if l := li + d; l < len(lines) {
			if tok, ok := a.nearestOnLine(l, pos.X); ok {
				return tok, true
			}
		}
		if l := li - d; d > 0 && l >= 0 {
			if tok, ok := a.nearestOnLine(l, pos.X); ok {
				return tok, true
			}
		}
	}
	return -1, false
}

// nearestOnLine returns the token of line li closest to x across, and false when the line has
// no tokens.
func (a *Article) nearestOnLine(li int, x float32) (int, bool) {
	ln := a.lay.lines[li]
	best, bestD := -1, float32(math.MaxFloat32)
	for j := ln.first; j < ln.last; j++ {
		t := a.an.pieces[j].tok
		if t < 0 {
			continue
		}
		l, r := a.lay.x[j], a.lay.x[j]+a.d.widths[j]
		d := float32(0)
		if x < l {
			d = l - x
		} else if x >= r {
			d = x - r
		}
		if d < bestD {
			best, bestD = int(t), d
		}
	}
	return best, best >= 0
}

// lineRange returns the code points that line li shows.
func (a *Article) lineRange(li int) (int32, int32) {
	ln := a.lay.lines[li]
	if ln.first == ln.last {
		return 0, 0
	}
	return a.an.pieces[ln.first].start, a.an.pieces[ln.last-1].end
}

// spanAt returns the index in a.spans of the span a click at pos selects: of the entity spans
// whose background (or label name) is under it, the innermost, or the next one out when the
// selected span is one of them (see cycle); else a span whose nesting band is under it; else a
// stance span whose underline is under it, or less than an underline's step from it. It
// returns -1 when there is none.
func (a *Article) spanAt(pos fyne.Position) int {
	a.exactAt(pos.Y)
	li := a.lay.lineAt(pos.Y)
	if li < 0 || len(a.spans) == 0 {
		return -1
	}
	b := a.bands()
	dy := pos.Y - a.lay.lines[li].y
	rows := a.lineRows(li)
	ls, le := a.lineRange(li)
	best := -1
	var over []int // entity spans at the height of the text
	var segs []segment
	for i := range a.spans {
		s := &a.spans[i]
		if int32(s.Start) >= le || int32(s.End) <= ls {
			continue
		}
		text := false
		switch y := float32(0); {
		case s.stance:
			y = b.underAt(rows) + float32(s.track)*b.underStep
			if dy < y-b.underStep || dy >= y+b.underH+b.underStep {
				continue
			}
		case dy >= b.top-b.nameSize && dy < b.bottom:
			text = true
		case s.height > 0:
			y = b.nestAt(s.height)
			if dy < y-1 || dy >= y+b.nestH+1 {
				continue
			}
		default:
			continue
		}
		segs = a.segments(int32(s.Start), int32(s.End), segs[:0])
		for _, sg := range segs {
			if int(sg.line) == li && pos.X >= sg.x0 && pos.X < sg.x1 {
				if text {
					over = append(over, i)
				} else if best < 0 || better(s, &a.spans[best]) {
					best = i
				}
				break
			}
		}
	}
	if len(over) > 0 {
		return a.cycle(a.innerFirst(over))
	}
	return best
}

// better reports whether a tap on both s and o should pick s: an entity span over a stance
// span, and the shorter of two of a kind.
func better(s, o *shownSpan) bool {
	if s.stance != o.stance {
		return !s.stance
	}
	return s.End-s.Start < o.End-o.Start
}

// RangeRect returns the box, relative to the widget, around the code points [start, end) as
// they are drawn: from the top of the first line that shows some of them to the bottom of the
// last, across as far as they go. A window scrolls a selection or a span into view with it. It
// returns zeros for a range that is empty or not in the text.
func (a *Article) RangeRect(start, end int) (fyne.Position, fyne.Size) {
	if start < 0 || end > len(a.an.text) || start >= end {
		return fyne.Position{}, fyne.Size{}
	}
	ps := a.an.pieces
	a.exactTo(sort.Search(len(ps), func(i int) bool { return ps[i].end >= int32(end) }))
	segs := a.segments(int32(start), int32(end), nil)
	if len(segs) == 0 {
		return fyne.Position{}, fyne.Size{}
	}
	x0, x1 := segs[0].x0, segs[0].x1
	for _, sg := range segs[1:] {
		x0, x1 = min(x0, sg.x0), max(x1, sg.x1)
	}
	top := a.lay.lines[segs[0].line].y
	bottom := a.lay.lines[segs[len(segs)-1].line].y + a.m.lineHeight
	return fyne.NewPos(x0, top), fyne.NewSize(x1-x0, bottom-top)
}
