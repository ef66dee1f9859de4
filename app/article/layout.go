package article

import "sort"

// metrics holds the sizes the layout needs besides the widths of the pieces.
type metrics struct {
	space      float32 // the gap between two pieces that white space separates
	lineHeight float32 // height of a line of text
	lineGap    float32 // between two lines of a paragraph
	paraGap    float32 // added between two paragraphs
	pad        float32 // around the text
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
	items  []item    // scratch space for ordering a line
}

// item is a piece (piece >= 0) or the gap before one (piece < 0) while a line is ordered.
type item struct {
	piece int32
	level uint8
	width float32
}

// layOut fills lay with the layout of an at the given width: lines filled greedily and
// aligned to the right edge, each line's pieces put in visual order by rule L2 of the
// Unicode bidi algorithm, paragraphs one below the other. widths holds the width of each
// piece.
func layOut(an *analysis, widths []float32, m metrics, width float32, lay *layout) {
	lay.width = width
	lay.lines = lay.lines[:0]
	lay.x = resize(lay.x, len(an.pieces))
	lay.lineOf = resize(lay.lineOf, len(an.pieces))
	avail := max(width-2*m.pad, 1)
	right := width - m.pad
	y := m.pad
	for pi, p := range an.paras {
		if pi > 0 {
			y += m.paraGap
		}
		first := len(lay.lines)
		lay.lines = breakLines(an.pieces, widths, m.space, avail, p.first, p.last, lay.lines)
		for li := first; li < len(lay.lines); li++ {
			ln := &lay.lines[li]
			ln.para, ln.y = int32(pi), y
			y += m.lineHeight + m.lineGap
			lay.items = placeLine(an.pieces, widths, m.space, right, *ln, lay.x, lay.items)
			for i := ln.first; i < ln.last; i++ {
				lay.lineOf[i] = int32(li)
			}
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
// are put in visual order and the line is aligned to the right edge. It returns the scratch
// slice for reuse.
func placeLine(ps []piece, widths []float32, space, right float32, ln line, x []float32, items []item) []item {
	items = items[:0]
	total := float32(0)
	for i := ln.first; i < ln.last; i++ {
		if i > ln.first && ps[i].gap {
			items = append(items, item{piece: -1, level: ps[i].gapLevel, width: space})
			total += space
		}
		items = append(items, item{piece: i, level: ps[i].level, width: widths[i]})
		total += widths[i]
	}
	reorder(items)
	cur := right - total
	for _, it := range items {
		if it.piece >= 0 {
			x[it.piece] = cur
		}
		cur += it.width
	}
	return items
}

// reorder puts the items of a line, given in logical order, in visual order from left to
// right: rule L2 of the Unicode bidi algorithm, which reverses every maximal sequence of items
// at level k or higher, for k from the highest level down to the lowest odd one.
func reorder(items []item) {
	if len(items) == 0 {
		return
	}
	hi, lo := items[0].level, items[0].level
	for _, it := range items[1:] {
		hi, lo = max(hi, it.level), min(lo, it.level)
	}
	// The lowest odd level at or above the lowest level: a line of even levels only (a Latin
	// line in a right-to-left paragraph) is reversed twice or not at all, which is the same.
	for k := hi; k >= lo|1; k-- {
		for i := 0; i < len(items); {
			if items[i].level < k {
				i++
				continue
			}
			j := i + 1
			for j < len(items) && items[j].level >= k {
				j++
			}
			for a, b := i, j-1; a < b; a, b = a+1, b-1 {
				items[a], items[b] = items[b], items[a]
			}
			i = j
		}
	}
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
