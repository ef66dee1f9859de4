package agreement

import (
	"cmp"
	"slices"
)

// entry is a span with its label interned.
type entry struct {
	start, end, label int
}

// prepared holds one annotator's spans of one document in the two orders the comparisons
// walk: by position (start, end, label) and by label (label, end, start).
type prepared struct {
	byPos, byLabel []entry
}

// fill sets p to the spans of ss, interning labels with intern.
func (p *prepared) fill(ss []Span, intern func(string) int) {
	p.byPos = p.byPos[:0]
	for _, s := range ss {
		p.byPos = append(p.byPos, entry{s.Start, s.End, intern(s.Label)})
	}
	slices.SortFunc(p.byPos, byPosition)
	p.byLabel = append(p.byLabel[:0], p.byPos...)
	slices.SortFunc(p.byLabel, byLabelEnd)
}

func byPosition(x, y entry) int {
	if c := cmp.Compare(x.start, y.start); c != 0 {
		return c
	}
	if c := cmp.Compare(x.end, y.end); c != 0 {
		return c
	}
	return cmp.Compare(x.label, y.label)
}

func byLabelEnd(x, y entry) int {
	if c := cmp.Compare(x.label, y.label); c != 0 {
		return c
	}
	if c := cmp.Compare(x.end, y.end); c != 0 {
		return c
	}
	return cmp.Compare(x.start, y.start)
}

// labelCounts are the running sums of one label for a pair of annotators.
type labelCounts struct {
	a, b, matches, partial int
}

// spanPair holds the running sums of a pair of annotators over the documents both annotated.
type spanPair struct {
	documents, a, b, matches, boundaries, partial int
	labels                                        []labelCounts // by interned label
}

// docPair is what one document gives one pair of annotators.
type docPair struct {
	a, b, matches, boundaries, partial int
}

// add compares the spans of x (annotator a) and y (annotator b) on one document and adds
// the result to p. used is scratch space.
func (p *spanPair) add(x, y *prepared, used *[]bool) docPair {
	d := docPair{a: len(x.byPos), b: len(y.byPos)}
	for _, e := range x.byPos {
		p.label(e.label).a++
	}
	for _, e := range y.byPos {
		p.label(e.label).b++
	}
	d.matches, d.boundaries = p.exact(x.byPos, y.byPos)
	d.partial = p.overlapping(x.byLabel, y.byLabel, used)
	p.documents++
	p.a += d.a
	p.b += d.b
	p.matches += d.matches
	p.boundaries += d.boundaries
	p.partial += d.partial
	return d
}

// label returns the counts of label l, growing the table when l is new.
func (p *spanPair) label(l int) *labelCounts {
	for l >= len(p.labels) {
		p.labels = append(p.labels, labelCounts{})
	}
	return &p.labels[l]
}

// exact counts the one-to-one matches of same start, end and label (strict) and of same
// start and end (boundaries) between two lists sorted by position.
func (p *spanPair) exact(xs, ys []entry) (strict, boundaries int) {
	i, j := 0, 0
	for i < len(xs) && j < len(ys) {
		if c := samePlace(xs[i], ys[j]); c != 0 {
			if c < 0 {
				i++
			} else {
				j++
			}
			continue
		}
		i2, j2 := i+1, j+1
		for i2 < len(xs) && samePlace(xs[i2], xs[i]) == 0 {
			i2++
		}
		for j2 < len(ys) && samePlace(ys[j2], ys[j]) == 0 {
			j2++
		}
		boundaries += min(i2-i, j2-j)
		for i < i2 && j < j2 { // the group at this place, sorted by label
			switch {
			case xs[i].label < ys[j].label:
				i++
			case xs[i].label > ys[j].label:
				j++
			default:
				strict++
				p.label(xs[i].label).matches++
				i++
				j++
			}
		}
		i, j = i2, j2
	}
	return strict, boundaries
}

// samePlace compares the start and end of two spans.
func samePlace(x, y entry) int {
	if c := cmp.Compare(x.start, y.start); c != 0 {
		return c
	}
	return cmp.Compare(x.end, y.end)
}

// overlapping counts, label by label, the largest number of one-to-one pairs of spans of xs
// and ys (both sorted by label, end, start) that share a code point.
func (p *spanPair) overlapping(xs, ys []entry, used *[]bool) int {
	total := 0
	i, j := 0, 0
	for i < len(xs) && j < len(ys) {
		lx, ly := xs[i].label, ys[j].label
		if lx != ly {
			if lx < ly {
				i++
			} else {
				j++
			}
			continue
		}
		i2, j2 := i+1, j+1
		for i2 < len(xs) && xs[i2].label == lx {
			i2++
		}
		for j2 < len(ys) && ys[j2].label == lx {
			j2++
		}
		n := maxOverlapMatching(xs[i:i2], ys[j:j2], used)
		p.label(lx).partial += n
		total += n
		i, j = i2, j2
	}
	return total
}

// maxOverlapMatching returns the size of a maximum matching between xs and ys (each sorted
// by end) where a span of xs may be paired with a span of ys that overlaps it. It takes the
// spans of both lists in order of end; one not yet paired is paired with the unpaired span of
// the other list that overlaps it and ends first. An exchange argument shows this is maximum:
// every span overlapping the first-ending span s holds s's last code point, so of two such
// partners, the one that ends first can take s's place wherever the other could.
func maxOverlapMatching(xs, ys []entry, used *[]bool) int {
	n := len(xs) + len(ys)
	if cap(*used) < n {
		*used = make([]bool, n)
	}
	u := (*used)[:n]
	clear(u)
	ux, uy := u[:len(xs)], u[len(xs):]
	pairs := 0
	i, j := 0, 0
	for i < len(xs) || j < len(ys) {
		if j >= len(ys) || (i < len(xs) && xs[i].end <= ys[j].end) {
			if !ux[i] && pairFirst(xs[i], ys, uy, j) {
				pairs++
			}
			i++
			continue
		}
		if !uy[j] && pairFirst(ys[j], xs, ux, i) {
			pairs++
		}
		j++
	}
	return pairs
}

// pairFirst marks as used the first unused span of others from index from on that overlaps s,
// and reports whether there was one.
func pairFirst(s entry, others []entry, used []bool, from int) bool {
	for k := from; k < len(others); k++ {
		o := others[k]
		if !used[k] && o.start < s.end && s.start < o.end {
			used[k] = true
			return true
		}
	}
	return false
}
