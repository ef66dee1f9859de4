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
	labelNames := make([]string, len(c.labels))
	for name, i := range c.labels {
		labelNames[i] = name
	}
	for i, a := range order {
		for _, b := range order[i+1:] {
			r.Spans.Pairs = append(r.Spans.Pairs, c.spanResult(a, b, labelNames))
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
	for i := range c.names {
		if keep(i) {
			out = append(out, i)
		}
	}
	slices.SortFunc(out, func(x, y int) int { return strings.Compare(c.names[x], c.names[y]) })
	return out
}

// spanResult returns the span agreement of annotators a and b (a before b by name).
func (c *Counter) spanResult(a, b int, labelNames []string) SpanPair {
	out := SpanPair{A: c.names[a], B: c.names[b], ByLabel: map[string]LabelFigures{}}
	p := c.spanPairs[pairKey{a, b}]
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
		out.ByLabel[labelNames[l]] = LabelFigures{
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
		Alpha: t.alpha.alpha(), GwetAC1: t.gwet.ac1(len(t.labels)), PercentAgreement: t.gwet.percent(),
		Pairs: []StancePair{},
	}
	if f := t.fleiss[m]; f != nil {
		out.FleissItems = f.items
		out.FleissKappa = f.fleiss(m)
	}
	for i, a := range raters {
		for _, b := range raters[i+1:] {
			sp := StancePair{A: c.names[a], B: c.names[b]}
			if sq := t.pairs[pairKey{a, b}]; sq != nil {
				sp.Items, sp.PercentAgreement, sp.Kappa = sq.cohen()
			}
			out.Pairs = append(out.Pairs, sp)
		}
	}
	return out
}
