package agreement

import (
	"cmp"
	"slices"
	"strings"
)

// Result returns the agreement over the documents added so far. Annotators and labels come
// in the order of their names, targets in the order Targets describes.
func (c *Counter) Result() Report {
	order := c.byName(func(int) bool { return true })
	r := Report{Spans: SpanReport{Pairs: []SpanPair{}}, Stance: Targets{}}
	for i, a := range order {
		for _, b := range order[i+1:] {
			r.Spans.Pairs = append(r.Spans.Pairs, c.spanResult(a, b))
		}
	}
	for _, t := range c.targetOrder() {
		r.Stance = append(r.Stance, c.targetResult(t))
	}
	return r
}

// byName returns the indices of the annotators that keep, ordered by name.
func (c *Counter) byName(keep func(int) bool) []int {
	var out []int
	for i := range c.annotators.list {
		if keep(i) {
			out = append(out, i)
		}
	}
	slices.SortFunc(out, func(x, y int) int { return strings.Compare(c.annotators.list[x], c.annotators.list[y]) })
	return out
}

// spanResult returns the span agreement of annotators a and b (a before b by name).
func (c *Counter) spanResult(a, b int) SpanPair {
	names := c.annotators.list
	out := SpanPair{A: names[a], B: names[b], ByLabel: map[string]LabelFigures{}}
	p := c.spanPairs.get(a, b)
	if p == nil {
		return out
	}
	out.Documents, out.ASpans, out.BSpans = p.documents, p.a, p.b
	out.Matches, out.BoundaryMatches, out.PartialMatches = p.matches, p.boundaries, p.partial
	total := p.a + p.b
	out.F1, out.BoundariesF1, out.PartialF1 = f1(p.matches, total), f1(p.boundaries, total), f1(p.partial, total)
	for l, lc := range p.labels {
		if lc.a+lc.b == 0 {
			continue
		}
		out.ByLabel[c.labels.list[l]] = LabelFigures{
			F1: *f1(lc.matches, lc.a+lc.b), PartialF1: *f1(lc.partial, lc.a+lc.b),
			Matches: lc.matches, PartialMatches: lc.partial, ASpans: lc.a, BSpans: lc.b,
		}
	}
	return out
}

// targetOrder returns the targets given in Options in their order, then the others by id.
func (c *Counter) targetOrder() []*targetStats {
	var given, met []*targetStats
	for _, t := range c.targets {
		if t.given {
			given = append(given, t)
		} else {
			met = append(met, t)
		}
	}
	slices.SortFunc(met, func(x, y *targetStats) int { return cmp.Compare(x.id, y.id) })
	return append(given, met...)
}

// targetResult returns the stance agreement on target t.
func (c *Counter) targetResult(t *targetStats) TargetAgreement {
	raters := c.byName(func(i int) bool { return i < len(t.raters) && t.raters[i] })
	m := len(raters)
	out := TargetAgreement{
		ID: t.id, Target: t.name, Items: t.gwet.pairable, Annotators: m,
		Alpha: t.alpha.alpha(), GwetAC1: t.gwet.ac1(len(t.categories.list)), PercentAgreement: t.gwet.percent(),
		Pairs: []StancePair{},
	}
	if m < len(t.fleiss) && t.fleiss[m] != nil {
		out.FleissItems = t.fleiss[m].items
		out.FleissKappa = t.fleiss[m].fleiss(m)
	}
	for i, a := range raters {
		for _, b := range raters[i+1:] {
			sp := StancePair{A: c.annotators.list[a], B: c.annotators.list[b]}
			if sq := t.pairs.get(a, b); sq != nil {
				sp.Items, sp.PercentAgreement, sp.Kappa = sq.cohen()
			}
			out.Pairs = append(out.Pairs, sp)
		}
	}
	return out
}
