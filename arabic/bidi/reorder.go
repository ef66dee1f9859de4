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
	lv := append([]uint8(nil), p.levels[start:end]...)
	trailing := true
	for i := end - 1; i >= start; i-- {
		c := p.classes[i]
		switch {
		case c == S || c == B:
			lv[i-start] = p.base
			trailing = true
		case trailingMask>>c&1 != 0:
			if trailing {
				lv[i-start] = p.base
			}
		default:
			trailing = false
		}
	}
	return lv
}

// VisualOrder returns the indices of the code points of the line [start, end), left to right
// as they are displayed (rules L1 and L2), leaving out the characters removed by X9. It
// panics if the range is not within the paragraph.
func (p *Paragraph) VisualOrder(start, end int) []int {
	lv := p.LineLevels(start, end)
	order := make([]int, 0, end-start)
	w := 0
	for i := start; i < end; i++ {
		if p.classes[i].removed() {
			continue
		}
		order = append(order, i)
		lv[w] = lv[i-start]
		w++
	}
	reverseRuns(order, lv[:w])
	return order
}

// Reorder returns the visual order, left to right, of items with the given levels (rule L2):
// from the highest level down to the lowest odd one, every maximal run of items at that level
// or higher is reversed. Element j of the result is the index in levels of the j-th item from
// the left. A renderer that lays out tokens uses it with one level per token.
func Reorder(levels []uint8) []int {
	order := make([]int, len(levels))
	for i := range order {
		order[i] = i
	}
	reverseRuns(order, levels)
	return order
}

// reverseRuns applies rule L2 to order, whose items have levels levels (in logical order).
func reverseRuns(order []int, levels []uint8) {
	var hi uint8
	lowOdd := uint8(255)
	for _, l := range levels {
		hi = max(hi, l)
		if l&1 == 1 {
			lowOdd = min(lowOdd, l)
		}
	}
	for level := hi; level >= lowOdd && level > 0; level-- {
		for k := 0; k < len(levels); {
			if levels[k] < level {
				k++
				continue
			}
			e := k + 1
			for e < len(levels) && levels[e] >= level {
				e++
			}
			for a, b := k, e-1; a < b; a, b = a+1, b-1 {
				order[a], order[b] = order[b], order[a]
			}
			k = e
		}
	}
}

func (p *Paragraph) checkLine(start, end int) {
	if start < 0 || end < start || end > len(p.levels) {
		panic(fmt.Sprintf("bidi: line [%d, %d) outside a paragraph of %d code points", start, end, len(p.levels)))
	}
}
