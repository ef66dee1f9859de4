package article

import (
	"slices"

	"github.com/tawsim/tawsim/labels"
)

// Nested entity spans. A span that holds no other entity span is drawn as a background over
// its words; a span that holds others is drawn as a band below the line, a bracket whose ends
// rise at the span's first and last words, in its label's colour, with its label's name above
// its start like any span. The band of a span holding only spans drawn as backgrounds sits
// right under the text (row 0); the band of a span around it one row lower, and so on: the
// outer a span, the lower its band. A line makes room below itself for the rows of the bands
// that pass through it, and only those lines grow.
//
// A click on words inside several spans selects the innermost; another click on them the span
// around that one, and so on out, then the innermost again. A click on a band selects its span.

// nestBand is the part of a span drawn as a band that the layout needs: its range and how many
// rows of bands it takes below a line (its height).
type nestBand struct {
	start, end int32
	rows       int
}

// nest sets the height of each entity span of spans (sorted by start, longest first): 0 for a
// span that holds no other entity span, else one more than the highest span it holds. Of two
// spans of the same range, the first holds the second. Crossing spans (a schema with nesting
// "overlap") hold nothing of each other. It returns the spans of height above 0, by start.
func nest(spans []shownSpan, bands []nestBand) []nestBand {
	parent := make([]int, len(spans))
	var open []int // the spans that may still hold the next ones
	for i := range spans {
		s := &spans[i]
		s.height, parent[i] = 0, -1
		if s.stance {
			continue
		}
		for len(open) > 0 && spans[open[len(open)-1]].End <= s.Start {
			open = open[:len(open)-1]
		}
		for k := len(open) - 1; k >= 0; k-- {
			if spans[open[k]].End >= s.End {
				parent[i] = open[k]
				break
			}
		}
		open = append(open, i)
	}
	for i := len(spans) - 1; i >= 0; i-- { // a span comes after the spans that hold it
		if p := parent[i]; p >= 0 {
			spans[p].height = max(spans[p].height, spans[i].height+1)
		}
	}
	bands = bands[:0]
	for _, s := range spans {
		if s.height > 0 {
			bands = append(bands, nestBand{int32(s.Start), int32(s.End), int(s.height)})
		}
	}
	return bands
}

// nestRows returns how many rows of bands the code points [s, e) of a line need below it.
func (a *Article) nestRows(s, e int32) int {
	rows := 0
	for _, b := range a.nest {
		if b.start >= e {
			break
		}
		if b.end > s {
			rows = max(rows, b.rows)
		}
	}
	return rows
}

// lineRows returns how many rows of bands line li has below it.
func (a *Article) lineRows(li int) int {
	s, e := a.lineRange(li)
	if s >= e {
		return 0
	}
	return a.nestRows(s, e)
}

// setNest keeps the bands of the spans just set, and stacks the lines again when the room
// they need below the lines changed.
func (a *Article) setNest(bands []nestBand) {
	same := slices.Equal(a.nest, bands)
	a.nest = bands
	if !same && a.laid {
		a.lay.stack(a.an, a.m)
		a.gen++
	}
}

// around returns the indices of the entity spans that hold the code point o, or the range of
// span i when i >= 0 (i itself among them), the innermost first: by length, and of two spans
// of the same range the one drawn inside first.
func (a *Article) around(o, i int, out []int) []int {
	s, e := o, o+1
	if i >= 0 {
		s, e = a.spans[i].Start, a.spans[i].End
	}
	out = out[:0]
	for k := range a.spans {
		sp := &a.spans[k]
		if !sp.stance && sp.Start <= s && e <= sp.End {
			out = append(out, k)
		}
	}
	return a.innerFirst(out)
}

// innerFirst sorts indices of spans that share a code point, the innermost first: by length,
// and of two spans of the same range the one drawn inside (the later) first.
func (a *Article) innerFirst(ks []int) []int {
	slices.SortStableFunc(ks, func(x, y int) int {
		lx, ly := a.spans[x].End-a.spans[x].Start, a.spans[y].End-a.spans[y].Start
		if lx != ly {
			return lx - ly
		}
		return y - x
	})
	return ks
}

// cycle returns the span of ks (innermost first) to select on a click: the one after the
// selected span when the selected span is one of them, else the innermost.
func (a *Article) cycle(ks []int) int {
	if len(ks) == 0 {
		return -1
	}
	if cur := a.spanIndex(a.selSpan); cur >= 0 {
		if k := slices.Index(ks, cur); k >= 0 {
			return ks[(k+1)%len(ks)]
		}
	}
	return ks[0]
}

// SelectOuter selects the span that holds the selected entity span (of two spans of the same
// range, the one drawn around), and returns it; it returns false, and changes nothing, when no
// entity span is selected or none holds it. It does not call OnSpanTapped.
func (a *Article) SelectOuter() (labels.Span, bool) {
	cur := a.spanIndex(a.selSpan)
	if cur < 0 || a.spans[cur].stance {
		return labels.Span{}, false
	}
	ks := a.around(0, cur, nil)
	k := slices.Index(ks, cur)
	if k+1 >= len(ks) {
		return labels.Span{}, false
	}
	a.SelectSpan(a.spans[ks[k+1]].ID)
	return a.spans[ks[k+1]].Span, true
}

// SelectInner selects the outermost span inside the selected entity span, the first of them
// by start (of two spans of the same range, the one drawn inside), and returns it; it returns
// false, and changes nothing, when no entity span is selected or it holds none. It does not
// call OnSpanTapped.
func (a *Article) SelectInner() (labels.Span, bool) {
	cur := a.spanIndex(a.selSpan)
	if cur < 0 || a.spans[cur].stance {
		return labels.Span{}, false
	}
	c := &a.spans[cur]
	for k := range a.spans { // by start, longest first: the first inside is outermost
		sp := &a.spans[k]
		same := sp.Start == c.Start && sp.End == c.End
		if k != cur && !sp.stance && c.Start <= sp.Start && sp.End <= c.End && (!same || k > cur) {
			a.SelectSpan(sp.ID)
			return sp.Span, true
		}
	}
	return labels.Span{}, false
}

// nestKey moves the selection through a nest for Shift+↑ (out, to the span around the
// selected one; with words selected, to the innermost span that holds them all) and
// Shift+↓ (in), and tells OnSpanTapped of the span then selected, the same one again when
// there is none further. With nothing to move from it does nothing.
func (a *Article) nestKey(out bool) {
	if sel, ok := a.Selection(); ok {
		if !out {
			return
		}
		for _, sp := range a.SpansAround(sel.Start) {
			if sp.End >= sel.End {
				a.SelectSpan(sp.ID)
				a.tapped(sp)
				return
			}
		}
		return
	}
	sp, ok := a.SelectedSpan()
	if !ok || sp.Kind == labels.KindStance {
		return
	}
	if out {
		if o, ok := a.SelectOuter(); ok {
			sp = o
		}
	} else if in, ok := a.SelectInner(); ok {
		sp = in
	}
	a.tapped(sp)
}

// tapped tells OnSpanTapped that span sp was chosen.
func (a *Article) tapped(sp labels.Span) {
	if a.OnSpanTapped != nil {
		a.OnSpanTapped(sp)
	}
}

// SpansAround returns the entity spans drawn over the code point o, the innermost first: the
// spans a click there cycles through.
func (a *Article) SpansAround(o int) []labels.Span {
	ks := a.around(o, -1, nil)
	out := make([]labels.Span, len(ks))
	for j, k := range ks {
		out[j] = a.spans[k].Span
	}
	return out
}
