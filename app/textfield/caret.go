package textfield

// Caret places. The caret stands on a stop: a place between two visually adjacent clusters,
// stop j having j clusters on its left. Where the levels change, the two sides of a stop are
// different places in the text (in `النص cut` read right to left, the stop right of `cut`
// is both the end of the text and the place after the space), and a place in the text is
// shown at one of two stops. The field remembers the stop its caret was put on by an arrow
// key or a click; otherwise a place is shown after the cluster before it (where typing just
// put it).

// stops returns the number of stops: one more than the clusters.
func (l *layout) stops() int { return len(l.clusters) + 1 }

// stopX returns the x of stop j.
func (l *layout) stopX(j int) float32 {
	switch {
	case len(l.visual) == 0:
		return 0
	case j == 0:
		return l.clusters[l.visual[0]].x0
	}
	return l.clusters[l.visual[j-1]].x1
}

// leftEdge and rightEdge return the place in the text at the left and right edge of cluster c.
func (c *cluster) leftEdge() int {
	if c.level%2 == 1 {
		return c.end
	}
	return c.start
}

func (c *cluster) rightEdge() int {
	if c.level%2 == 1 {
		return c.start
	}
	return c.end
}

// at reports whether stop j is a place where boundary p is shown.
func (l *layout) at(j, p int) bool {
	if j < 0 || j >= l.stops() {
		return false
	}
	if len(l.visual) == 0 {
		return p == 0
	}
	return j > 0 && l.clusters[l.visual[j-1]].rightEdge() == p ||
		j < len(l.visual) && l.clusters[l.visual[j]].leftEdge() == p
}

// stopOf returns the stop where boundary p is shown by default: after the cluster that ends
// at p, or, at the start of the text, before the first cluster.
func (l *layout) stopOf(p int) int {
	if len(l.clusters) == 0 {
		return 0
	}
	if p == 0 {
		c := &l.clusters[0]
		if c.level%2 == 1 {
			return c.vis + 1
		}
		return c.vis
	}
	c := &l.clusters[l.clusterOf(p)-1]
	if c.level%2 == 1 {
		return c.vis
	}
	return c.vis + 1
}

// caretStop returns the stop of boundary p: stop when p is shown there, else the default.
func (l *layout) caretStop(p, stop int) int {
	if l.at(stop, p) {
		return stop
	}
	return l.stopOf(p)
}

// move moves the caret from stop j one cluster to the right (dir > 0) or to the left,
// stepping over clusters that draw nothing, and returns the boundary and stop it lands on. At
// either end of the line it stays where it is (ok false).
func (l *layout) move(j, dir int) (p, stop int, ok bool) {
	for {
		if dir > 0 && j < len(l.visual) {
			c := &l.clusters[l.visual[j]]
			p, j, ok = c.rightEdge(), j+1, true
			if c.kind != kindHidden || j == len(l.visual) {
				return p, j, ok
			}
		} else if dir < 0 && j > 0 {
			c := &l.clusters[l.visual[j-1]]
			p, j, ok = c.leftEdge(), j-1, true
			if c.kind != kindHidden || j == 0 {
				return p, j, ok
			}
		} else {
			return p, j, ok
		}
	}
}

// hit returns the boundary and stop nearest to x: the nearer edge of the cluster under x, or
// the end of the line beyond either end.
func (l *layout) hit(x float32) (p, stop int) {
	if len(l.visual) == 0 {
		return 0, 0
	}
	for v, ci := range l.visual {
		c := &l.clusters[ci]
		if x < (c.x0+c.x1)/2 {
			return c.leftEdge(), v
		}
	}
	last := &l.clusters[l.visual[len(l.visual)-1]]
	return last.rightEdge(), len(l.visual)
}

// rects returns the left and right edges of the highlight of the text [a, b): the clusters
// in the range, those that touch merged, left to right. In mixed text one range of the text
// may be several pieces on the line.
func (l *layout) rects(a, b int) []extent {
	var out []extent
	for _, ci := range l.visual {
		c := &l.clusters[ci]
		if c.start < a || c.end > b || c.x1 <= c.x0 {
			continue
		}
		if n := len(out); n > 0 && c.x0-out[n-1].x1 < 0.5 {
			out[n-1].x1 = c.x1
			continue
		}
		out = append(out, extent{c.x0, c.x1})
	}
	return out
}

// clusterAt returns the cluster under x, -1 when there is none.
func (l *layout) clusterAt(x float32) int {
	for _, ci := range l.visual {
		if c := &l.clusters[ci]; x >= c.x0 && x < c.x1 {
			return ci
		}
	}
	return -1
}
