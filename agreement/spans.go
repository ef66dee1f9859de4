package agreement

import (
	"cmp"
	"slices"
)

// entry is a span with its label interned.
type entry struct {
	start, end, label int
}

// prepared holds one annotator's spans of one document sorted by end, start and label, which
// keeps spans of the same place together (for the exact matches) and puts them in the order
// the overlap matching takes them.
type prepared struct {
	spans []entry
	// minStart[k] is the smallest start of spans[k:], so that a search for a span that
	// starts before some offset stops where none does.
	minStart []int
}

// fill sets p to the spans of ss, interning labels with intern.
func (p *prepared) fill(ss []Span, intern func(string) int) {
	p.spans = p.spans[:0]
	for _, s := range ss {
		p.spans = append(p.spans, entry{s.Start, s.End, intern(s.Label)})
	}
	slices.SortFunc(p.spans, byEnd)
	p.minStart = slices.Grow(p.minStart[:0], len(p.spans))[:len(p.spans)]
	low := 0
	for k := len(p.spans) - 1; k >= 0; k-- {
		if k == len(p.spans)-1 || p.spans[k].start < low {
			low = p.spans[k].start
		}
		p.minStart[k] = low
	}
}

func byEnd(x, y entry) int {
	if c := cmp.Compare(x.end, y.end); c != 0 {
		return c
	}
	if c := cmp.Compare(x.start, y.start); c != 0 {
		return c
	}
	return cmp.Compare(x.label, y.label)
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
	d := docPair{a: len(x.spans), b: len(y.spans)}
	for _, e := range x.spans {
		p.label(e.label).a++
	}
	for _, e := range y.spans {
		p.label(e.label).b++
	}
	d.matches, d.boundaries = p.exact(x.spans, y.spans)
	d.partial = p.overlapping(x, y, used)
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
// start and end (boundaries) between two lists sorted by end, start and label.
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

// samePlace compares the end and start of two spans.
func samePlace(x, y entry) int {
	if c := cmp.Compare(x.end, y.end); c != 0 {
		return c
	}
	return cmp.Compare(x.start, y.start)
}

// overlapping returns the size of a maximum one-to-one pairing of spans of x with spans of y
// of the same label that overlap, and adds it to the labels' counts. It takes the spans of
// both in order of end; one not yet paired is paired with the unpaired span of the same label
// of the other annotator that overlaps it and ends first. An exchange argument shows this is
// maximum: every span overlapping the first-ending span s holds s's last code point (or is
// s's equal, when s is empty), so of two such partners, the one that ends first can take s's
// place wherever the other could.
func (p *spanPair) overlapping(x, y *prepared, used *[]bool) int {
	xs, ys := x.spans, y.spans
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
			if !ux[i] && pairFirst(xs[i], y, uy, j) {
				p.label(xs[i].label).partial++
				pairs++
			}
			i++
			continue
		}
		if !uy[j] && pairFirst(ys[j], x, ux, i) {
			p.label(ys[j].label).partial++
			pairs++
		}
		j++
	}
	return pairs
}

// overlap reports whether x and y share a code point or are the same range (an empty span
// shares no code point, yet matches itself).
func overlap(x, y entry) bool {
	return max(x.start, y.start) < min(x.end, y.end) || (x.start == y.start && x.end == y.end)
}

// pairFirst marks as used the first unused span of others, from index from on, that has the
// label of s and overlaps it, and reports whether there was one.
func pairFirst(s entry, others *prepared, used []bool, from int) bool {
	for k := from; k < len(others.spans) && others.minStart[k] <= s.end; k++ {
		o := others.spans[k]
		if !used[k] && o.label == s.label && overlap(o, s) {
			used[k] = true
			return true
		}
	}
	return false
}
