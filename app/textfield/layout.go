package textfield

import (
	"github.com/tawsim/tawsim/app/assets"
	"github.com/tawsim/tawsim/arabic/bidi"
)

// layout is a text laid out on one line by the bidirectional algorithm: its grapheme
// clusters with their levels and places, and the pieces that draw them. Places are in units
// from the left end of the line.
type layout struct {
	text     []rune
	bounds   []int // grapheme cluster boundaries: 0, ..., len(text)
	base     uint8 // the paragraph level: 0 left to right, 1 right to left
	clusters []cluster
	visual   []int   // cluster indices, left to right
	pieces   []piece // left to right
	width    float32
	ascent   float32 // of the line: the largest ascent of its fonts
	height   float32 // the largest ascent plus the largest descent
}

// cluster is one grapheme cluster: code points [start, end), its level, its place on the line
// and its visual index (the number of clusters left of it).
type cluster struct {
	start, end int
	level      uint8
	kind       kind
	font       assets.Font
	x0, x1     float32
	vis        int
}

// kind sorts clusters for building pieces.
type kind uint8

const (
	kindOther  kind = iota
	kindLetter      // holds a right-to-left letter (Bidi_Class R or AL)
	kindSpace       // white space alone
	kindNumber      // holds an Arabic number (Bidi_Class AN)
	kindHidden      // draws nothing (see invisible)
)

// piece is what one canvas.Text draws: visually adjacent clusters of one level and one font,
// visual indices [first, last), the string drawn (mirrored at an odd level), its place and
// width on the line and its font's ascent and height.
type piece struct {
	first, last int
	level       uint8
	font        assets.Font
	text        string
	x, w        float32
	ascent      float32
	height      float32
}

// newLayout lays text out at text size ts, with the paragraph direction of its first strong
// character (see direction).
func newLayout(text []rune, ts float32) *layout {
	l := &layout{text: text, bounds: boundaries(text)}
	p := bidi.Resolve(text, direction(text))
	l.base = p.BaseLevel()
	levels := p.LineLevels(0, len(text))
	n := len(l.bounds) - 1
	l.clusters = make([]cluster, n)
	clusterLevels := make([]uint8, n)
	for i := range l.clusters {
		s, e := l.bounds[i], l.bounds[i+1]
		c := &l.clusters[i]
		c.start, c.end, c.level = s, e, levels[s]
		c.kind, c.font = classify(text[s:e], c.level)
		clusterLevels[i] = c.level
	}
	l.visual = bidi.Reorder(clusterLevels)
	for v, c := range l.visual {
		l.clusters[c].vis = v
	}
	l.buildPieces()
	l.measure(ts)
	return l
}

// classify returns the kind of the cluster c drawn at level and the font that draws it. White
// space in a right-to-left run takes the Arabic font, to be drawn with the letters around it.
func classify(c []rune, level uint8) (kind, assets.Font) {
	if invisible(c) {
		return kindHidden, assets.FontTheme
	}
	k, space := kindOther, true
	for _, r := range c {
		switch bidi.ClassOf(r) {
		case bidi.R, bidi.AL:
			k = kindLetter
		case bidi.AN:
			if k != kindLetter {
				k = kindNumber
			}
		}
		space = space && bidi.ClassOf(r) == bidi.WS
	}
	if space && k == kindOther {
		if level%2 == 1 && assets.FontArabic.Covers(c) {
			return kindSpace, assets.FontArabic
		}
		k = kindSpace
	}
	return k, assets.FontFor(c)
}

// buildPieces groups the clusters, left to right, into the pieces that draw them. A piece
// holds clusters that Fyne's text renderer draws in their order as one string: at an odd
// level, right-to-left letters and the spaces between them (their string in logical order,
// which the renderer shapes, joins and lays out right to left); at an even level, anything
// but right-to-left letters, Arabic numbers joined only with Arabic numbers. Every other
// cluster (a bracket or any neutral at an odd level, a letter under an override, a cluster
// that no embedded font covers) is a piece alone, mirrored by us when its level is odd.
func (l *layout) buildPieces() {
	l.pieces = l.pieces[:0]
	for v := 0; v < len(l.visual); {
		first := &l.clusters[l.visual[v]]
		e := v + 1
		for e < len(l.visual) && joins(first, &l.clusters[l.visual[e-1]], &l.clusters[l.visual[e]]) {
			e++
		}
		if first.level%2 == 1 {
			// spaces at either end of a right-to-left run stay out of its string: the renderer
			// would put them on the wrong side
			s := v
			for s < e && l.clusters[l.visual[s]].kind == kindSpace {
				l.addPiece(s, s+1)
				s++
			}
			t := e
			for t > s && l.clusters[l.visual[t-1]].kind == kindSpace {
				t--
			}
			if s < t {
				l.addPiece(s, t)
			}
			for ; t < e; t++ {
				l.addPiece(t, t+1)
			}
		} else {
			l.addPiece(v, e)
		}
		v = e
	}
}

// joins reports whether cluster b, right of cluster a in a piece that starts with cluster
// first, belongs to the same piece.
func joins(first, a, b *cluster) bool {
	if b.level != a.level || b.font != first.font || first.font == assets.FontTheme ||
		a.kind == kindHidden || b.kind == kindHidden {
		return false
	}
	if a.level%2 == 1 {
		return b.end == a.start && first.kind == kindLetter &&
			(b.kind == kindLetter || b.kind == kindSpace)
	}
	if b.start != a.end || first.kind == kindLetter || b.kind == kindLetter {
		return false
	}
	return (first.kind == kindNumber) == (b.kind == kindNumber)
}

// addPiece adds the piece of visual clusters [first, last).
func (l *layout) addPiece(first, last int) {
	c := &l.clusters[l.visual[first]]
	p := piece{first: first, last: last, level: c.level, font: c.font}
	if c.kind == kindHidden {
		l.pieces = append(l.pieces, p)
		return
	}
	start, end := c.start, l.clusters[l.visual[last-1]].end
	if p.level%2 == 1 {
		start, end = l.clusters[l.visual[last-1]].start, c.end
	}
	rs := make([]rune, end-start)
	copy(rs, l.text[start:end])
	if p.level%2 == 1 {
		for i, r := range rs {
			rs[i], _ = bidi.Mirror(r)
		}
	}
	p.text = string(rs)
	l.pieces = append(l.pieces, p)
}

// measure measures the pieces at text size ts and places them and their clusters side by
// side from the left end of the line.
func (l *layout) measure(ts float32) {
	var asc, desc float32
	for _, k := range []assets.Font{assets.FontArabic, assets.FontLatin} {
		a, h := lineMetrics(k, " ", ts)
		asc, desc = max(asc, a), max(desc, h-a)
	}
	x := float32(0)
	for i := range l.pieces {
		p := &l.pieces[i]
		p.x = x
		if p.text == "" {
			for v := p.first; v < p.last; v++ {
				c := &l.clusters[l.visual[v]]
				c.x0, c.x1 = x, x
			}
			continue
		}
		first := l.clusters[l.visual[p.first]].start
		if p.level%2 == 1 {
			first = l.clusters[l.visual[p.last-1]].start
		}
		// the piece's clusters in logical order, and their boundaries in its string
		bounds := []int{0}
		for k := 0; k < p.last-p.first; k++ {
			c := l.pieceCluster(p, k)
			bounds = append(bounds, c.end-first)
		}
		w, ext := shape(p.font, []rune(p.text), bounds, ts)
		for k, e := range ext {
			c := l.pieceCluster(p, k)
			c.x0, c.x1 = x+e.x0, x+e.x1
		}
		p.w = w
		p.ascent, p.height = lineMetrics(p.font, p.text, ts)
		asc, desc = max(asc, p.ascent), max(desc, p.height-p.ascent)
		x += w
	}
	l.width, l.ascent, l.height = x, asc, asc+desc
}

// pieceCluster returns the k-th cluster of piece p in logical order.
func (l *layout) pieceCluster(p *piece, k int) *cluster {
	if p.level%2 == 1 {
		return &l.clusters[l.visual[p.last-1-k]]
	}
	return &l.clusters[l.visual[p.first+k]]
}

// clusterOf returns the index of the cluster that starts at boundary b (len(clusters) at the
// end of the text).
func (l *layout) clusterOf(b int) int {
	lo, hi := 0, len(l.clusters)
	for lo < hi {
		m := (lo + hi) / 2
		if l.clusters[m].start < b {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}
