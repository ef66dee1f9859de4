package article

import (
	"slices"
	"sort"

	"github.com/tawsim/tawsim/arabic/bidi"
)

// metrics holds the sizes the layout needs besides the widths of the pieces.
type metrics struct {
	space      float32 // the gap between two pieces that white space separates
	lineHeight float32 // height of a line of text
	lineGap    float32 // between two lines of a paragraph
	paraGap    float32 // added between two paragraphs
	pad        float32 // around the text
	// rows, when set, returns how many nesting bands the code points [s, e) of a line need
	// below it (see nestRows); each takes nestStep more room under the line.
	rows     func(s, e int32) int
	nestStep float32
	lanes    float32 // the room below every line for the lanes of a review (see lanes.go)
}

// line is one laid-out line: the pieces [first, last) of one paragraph, its top at y.
type line struct {
	para        int32
	first, last int32
	y           float32
}

// layout is where every piece of an analysis sits at one width: the widget's geometry.
type layout struct {
	width  float32   // the width it was computed for
	lines  []line    // top to bottom
	x      []float32 // left edge of each piece
	lineOf []int32   // line of each piece
	height float32   // of the whole text, padding included
	order  scratch   // scratch space for ordering a line
}

// item is a piece (piece >= 0) or the gap before one (piece < 0) while a line is ordered.
type item struct {
	piece  int32
	width  float32
	placed bool
}

// layOut fills lay with the layout of an at the given width: lines filled greedily and
// aligned to the right edge, each line's pieces put in visual order by rules L1 and L2 of the
// Unicode bidi algorithm, paragraphs one below the other. widths holds the width of each
// piece.
func layOut(an *analysis, widths []float32, m metrics, width float32, lay *layout) {
	lay.width = width
	lay.lines = lay.lines[:0]
	lay.x = resize(lay.x, len(an.pieces))
	lay.lineOf = resize(lay.lineOf, len(an.pieces))
	avail := max(width-2*m.pad, 1)
	right := width - m.pad
	for pi, p := range an.paras {
		first := len(lay.lines)
		lay.lines = breakLines(an.pieces, widths, m.space, avail, p.first, p.last, lay.lines)
		for li := first; li < len(lay.lines); li++ {
			ln := &lay.lines[li]
			ln.para = int32(pi)
			lay.order = placeLine(an, widths, m.space, right, *ln, lay.x, lay.order)
			for i := ln.first; i < ln.last; i++ {
				lay.lineOf[i] = int32(li)
			}
		}
	}
	lay.stack(an, m)
}

// stack sets the top of each line and the height of the text: the lines one below the other,
// a paragraph's gap before each paragraph but the first, and below a line the room its
// nesting bands need (m.rows). Nothing across changes, so that the spans' bands can make
// room without the text being wrapped again.
func (lay *layout) stack(an *analysis, m metrics) {
	y := m.pad
	for li := range lay.lines {
		ln := &lay.lines[li]
		if li > 0 && ln.para != lay.lines[li-1].para {
			y += m.paraGap
		}
		ln.y = y
		y += m.lineHeight + m.lineGap + m.lanes
		if m.rows != nil && ln.first < ln.last {
			y += float32(m.rows(an.pieces[ln.first].start, an.pieces[ln.last-1].end)) * m.nestStep
		}
	}
	if len(lay.lines) > 0 {
		y -= m.lineGap
	}
	lay.height = y + m.pad
}

// breakLines appends the lines of the pieces [first, last) of one paragraph, filled greedily up
// to avail: a line breaks at white space where it can, else between two tokens that touch
// (never inside a token); a token wider than avail gets a line of its own and overflows it. An
// empty paragraph gets one empty line.
func breakLines(ps []piece, widths []float32, space, avail float32, first, last int32, out []line) []line {
	start, lastGap := first, int32(-1)
	x := float32(0)
	for i := first; i < last; {
		k := i + 1 // the token's pieces [i, k) stay together
		w := widths[i]
		for k < last && ps[i].tok >= 0 && ps[k].tok == ps[i].tok && !ps[k].gap {
			w += widths[k]
			k++
		}
		gap := float32(0)
		if i > start && ps[i].gap {
			gap = space
		}
		if i > start && x+gap+w > avail {
			b := i
			if !ps[i].gap && lastGap > start {
				b = lastGap
			}
			out = append(out, line{first: start, last: b})
			start, lastGap = b, -1
			x = advance(ps, widths, space, b, i)
			continue // place [i, k) again, on the new line
		}
		if i > start && ps[i].gap {
			lastGap = i
		}
		x += gap + w
		i = k
	}
	return append(out, line{first: start, last: last})
}

// advance returns the width of the pieces [from, to) on one line, gaps included.
func advance(ps []piece, widths []float32, space float32, from, to int32) float32 {
	x := float32(0)
	for j := from; j < to; j++ {
		if j > from && ps[j].gap {
			x += space
		}
		x += widths[j]
	}
	return x
}

// placeLine sets the left edge of every piece of ln in x: the pieces and the gaps between them
// are put in visual order (lineOrder) and the line is aligned to the right edge. It returns
// the scratch space for reuse.
func placeLine(an *analysis, widths []float32, space, right float32, ln line, x []float32, s scratch) scratch {
	s = lineOrder(an, ln, widths, space, s)
	placeItems(s.items, right, x)
	return s
}

// placeItems sets the left edge of the pieces of items, given left to right, so that the last
// one ends at right.
func placeItems(items []item, right float32, x []float32) {
	total := float32(0)
	for _, it := range items {
		total += it.width
	}
	cur := right - total
	for _, it := range items {
		if it.piece >= 0 {
			x[it.piece] = cur
		}
		cur += it.width
	}
}

// scratch is the space lineOrder works in, kept from line to line.
type scratch struct {
	items []item
	owner []int32 // of each code point of the line: 1 + its item in logical order, or 0
}

// lineOrder puts in s.items the pieces of line ln and the gaps between them (a gap before
// every piece that white space separates from the one before it), left to right as they are
// drawn. The order is that of the line's code points under rules L1 and L2 of the bidi
// algorithm (Paragraph.LineLevels, bidi.Reorder), with the real levels of the paragraph: a
// piece goes where its code points are, a gap where the first white space character between
// the two pieces is. The characters that rule X9 leaves out (embedding controls, ZWJ) keep
// the level of the character before them, as UAX #9 advises for a renderer that keeps them,
// so that a piece made of them alone has a place too.
func lineOrder(an *analysis, ln line, widths []float32, space float32, s scratch) scratch {
	s.items = s.items[:0]
	if ln.first == ln.last {
		return s
	}
	ps, pr := an.pieces, an.paras[ln.para]
	if pr.oneLevel { // all in one direction: the line as it reads, from the right if right to left
		for i := ln.first; i < ln.last; i++ {
			if i > ln.first && ps[i].gap {
				s.items = append(s.items, item{piece: -1, width: space, placed: true})
			}
			s.items = append(s.items, item{piece: i, width: widths[i], placed: true})
		}
		if pr.rtl {
			slices.Reverse(s.items)
		}
		return s
	}
	start, end := ps[ln.first].start, ps[ln.last-1].end
	s.owner = resize(s.owner, int(end-start))
	clear(s.owner)
	var logical [64]item // the items in text order, then in s.items in visual order
	items := logical[:0]
	for i := ln.first; i < ln.last; i++ {
		p := ps[i]
		if i > ln.first && p.gap {
			items = append(items, item{piece: -1, width: space})
			s.owner[p.gapAt-start] = int32(len(items))
		}
		items = append(items, item{piece: i, width: widths[i]})
		for o := p.start; o < p.end; o++ {
			s.owner[o-start] = int32(len(items))
		}
	}
	for _, o := range bidi.Reorder(pr.bidi.LineLevels(int(start-pr.start), int(end-pr.start))) {
		k := s.owner[o]
		if k == 0 {
			continue
		}
		if it := &items[k-1]; !it.placed {
			it.placed = true
			s.items = append(s.items, *it)
		}
	}
	return s
}

// lineAt returns the index of the line whose band (the line and the space below it) holds y,
// or -1 above the first line.
func (lay *layout) lineAt(y float32) int {
	return sort.Search(len(lay.lines), func(i int) bool { return lay.lines[i].y > y }) - 1
}

// resize returns s with length n, reusing its storage when it can.
func resize[T any](s []T, n int) []T {
	if cap(s) >= n {
		return s[:n]
	}
	return make([]T, n)
}
