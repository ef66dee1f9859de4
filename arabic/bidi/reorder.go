package bidi

import "fmt"

// trailingMask holds the classes rule L1 resets with the white space before a segment or
// paragraph separator or the end of a line: white space, isolate formatting characters, and
// the characters X9 removed (as UAX #9 advises for implementations that keep them).
const trailingMask = 1<<WS | isolateMask | removedMask

// LineLevels returns the levels of the line [start, end) of the paragraph after rule L1:
// segment and paragraph separators, and white space (and isolate formatting and X9-removed
// characters) before them or at the end of the line, take the paragraph level. Element i is
// the level of code point start+i. It panics if the range is not within the paragraph.
func (p *Paragraph) LineLevels(start, end int) []uint8 {
	p.checkLine(start, end)
	return p.lineLevels(nil, start, end)
}

// lineLevels appends the levels of the line [start, end) after rule L1 to dst.
func (p *Paragraph) lineLevels(dst []uint8, start, end int) []uint8 {
	lv := append(dst, p.levels[start:end]...)
	classes := p.classes[start:end]
	// White space at the end of the line.
	i := len(classes) - 1
	for ; i >= 0 && trailingMask>>(classes[i]&31)&1 != 0; i-- {
		lv[i] = p.base
	}
	if p.mask&(1<<S|1<<B) == 0 {
		return lv
	}
	// Separators, and the white space before them.
	for ; i >= 0; i-- {
		if c := classes[i]; c != S && c != B {
			continue
		}
		lv[i] = p.base
		for i--; i >= 0 && trailingMask>>(classes[i]&31)&1 != 0; i-- {
			lv[i] = p.base
		}
		i++ // look at classes[i] again: it may be a separator
	}
	return lv
}

// VisualOrder returns the indices of the code points of the line [start, end), left to right
// as they are displayed (rules L1 and L2), leaving out the characters removed by X9. It
// panics if the range is not within the paragraph.
func (p *Paragraph) VisualOrder(start, end int) []int {
	p.checkLine(start, end)
	var lvBuf [128]uint8 // a line of text fits: no allocation
	lv := p.lineLevels(lvBuf[:0], start, end)
	order := make([]int, 0, end-start)
	var buf [32]span
	if p.mask&removedMask == 0 {
		for _, s := range visualSpans(lv, buf[:0]) {
			order = s.appendTo(order, start)
		}
		return order
	}
	kept := make([]int, 0, end-start)
	for i := start; i < end; i++ {
		if !p.classes[i].removed() {
			lv[len(kept)] = lv[i-start]
			kept = append(kept, i)
		}
	}
	for _, s := range visualSpans(lv[:len(kept)], buf[:0]) {
		if s.reversed {
			for k := s.e - 1; k >= s.s; k-- {
				order = append(order, kept[k])
			}
		} else {
			order = append(order, kept[s.s:s.e]...)
		}
	}
	return order
}

// Reorder returns the visual order, left to right, of items with the given levels (rule L2):
// from the highest level down to the lowest odd one, every maximal run of items at that level
// or higher is reversed. Element j of the result is the index in levels of the j-th item from
// the left. A renderer that lays out tokens uses it with one level per token.
func Reorder(levels []uint8) []int {
	order := make([]int, 0, len(levels))
	var buf [32]span
	for _, s := range visualSpans(levels, buf[:0]) {
		order = s.appendTo(order, 0)
	}
	return order
}

// span is a run of items at one level, [s, e), and whether L2 leaves it reversed.
type span struct {
	s, e     int
	level    uint8
	reversed bool
}

// appendTo appends the indices base+s .. base+e-1 of the span to order, in its visual order.
func (s span) appendTo(order []int, base int) []int {
	if s.reversed {
		for k := s.e - 1; k >= s.s; k-- {
			order = append(order, base+k)
		}
		return order
	}
	for k := s.s; k < s.e; k++ {
		order = append(order, base+k)
	}
	return order
}

// visualSpans applies rule L2 to items with the given levels and appends to spans their runs
// of equal level in visual order. L2 reverses the runs at each level from the highest down to
// the lowest odd one, so a run at level v ends up reversed when v-lowOdd+1 is odd; the
// reversal of the sequence of runs is done on the runs alone.
func visualSpans(levels []uint8, spans []span) []span {
	var hi uint8
	lowOdd := uint8(255)
	for k := 0; k < len(levels); {
		v := levels[k]
		e := k + 1
		for e < len(levels) && levels[e] == v {
			e++
		}
		spans = append(spans, span{s: k, e: e, level: v})
		hi = max(hi, v)
		if v&1 == 1 {
			lowOdd = min(lowOdd, v)
		}
		k = e
	}
	if lowOdd > hi {
		return spans // no odd level: nothing moves
	}
	for i := range spans {
		if v := spans[i].level; v >= lowOdd && (v-lowOdd)&1 == 0 {
			spans[i].reversed = true
		}
	}
	for level := hi; level >= lowOdd; level-- {
		for k := 0; k < len(spans); {
			if spans[k].level < level {
				k++
				continue
			}
			e := k + 1
			for e < len(spans) && spans[e].level >= level {
				e++
			}
			for a, b := k, e-1; a < b; a, b = a+1, b-1 {
				spans[a], spans[b] = spans[b], spans[a]
			}
			k = e
		}
	}
	return spans
}

func (p *Paragraph) checkLine(start, end int) {
	if start < 0 || end < start || end > len(p.levels) {
		panic(fmt.Sprintf("bidi: line [%d, %d) outside a paragraph of %d code points", start, end, len(p.levels)))
	}
}
