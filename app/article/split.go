package article

import (
	"slices"
	"sort"
	"unicode"
)

// zwj is the ZERO WIDTH JOINER. Drawn at both sides of a cut inside a joined Arabic word, it
// makes the shaper keep the joining forms that the letters have in the whole word.
const zwj = "\u200d"

// split is how a piece is drawn when a span edge or the selection's start falls inside it
// (a span that starts after a proclitic, بـ|العراق): in parts, one canvas.Text each, laid
// side by side where the whole piece is, the part that comes first in the text on the right
// when the piece runs right to left.
type split struct {
	cuts  []int32 // the code point offsets inside the piece where it is cut, increasing
	parts []part
}

// part is one part of a split piece.
type part struct {
	start, end int32   // code points, half-open
	dx, w      float32 // left edge, from the piece's left edge, and width
	text       string  // as drawn (drawnText), with ZWJ at a cut that joins
}

// cutPieces finds the pieces that a span edge, a search hit's edge or the selection's start
// cuts, and splits them.
// An edge inside a grapheme cluster cuts before the cluster: a cluster is never drawn in
// parts. A piece whose cuts did not change keeps its split, so that its canvas objects stay.
func (a *Article) cutPieces() {
	offs := make([]int32, 0, 2*len(a.spans)+1)
	cl := a.an.clusters
	for _, s := range a.spans {
		offs = append(offs, int32(cl.start(s.Start)), int32(cl.start(s.End)))
	}
	for i := range a.sugs {
		s := a.sugs[i].shown()
		offs = append(offs, int32(cl.start(s.Start)), int32(cl.start(s.End)))
	}
	offs = a.laneCuts(offs)
	if sel, ok := a.Selection(); ok {
		offs = append(offs, int32(cl.start(sel.Start)))
	}
	offs = a.hitCuts(offs)
	slices.Sort(offs)
	offs = slices.Compact(offs)

	splits := make(map[int32]*split)
	for k := 0; k < len(offs); {
		i := a.pieceAt(offs[k])
		if i < 0 {
			k++
			continue
		}
		p := a.an.pieces[i]
		j := k
		for j < len(offs) && offs[j] < p.end {
			j++
		}
		cuts := offs[k:j]
		if old := a.splits[i]; old != nil && slices.Equal(old.cuts, cuts) {
			splits[i] = old
		} else {
			splits[i] = a.splitPiece(i, slices.Clone(cuts))
		}
		k = j
	}
	a.splits, a.cutsOK = splits, true
}

// pieceAt returns the piece that offset o falls strictly inside (o is neither its start nor
// its end), or -1.
func (a *Article) pieceAt(o int32) int32 {
	ps := a.an.pieces
	i := sort.Search(len(ps), func(i int) bool { return ps[i].end > o })
	if i < len(ps) && ps[i].start < o {
		return int32(i)
	}
	return -1
}

// splitPiece cuts piece i at cuts and measures its parts. The parts are laid from the piece's
// reading end: from its right edge when it runs right to left, else from its left edge.
func (a *Article) splitPiece(i int32, cuts []int32) *split {
	p := a.an.pieces[i]
	edges := make([]int32, 0, len(cuts)+2)
	edges = append(append(append(edges, p.start), cuts...), p.end)
	sp := &split{cuts: cuts, parts: make([]part, len(edges)-1)}
	text := a.an.text
	for k := range sp.parts {
		s, e := edges[k], edges[k+1]
		shown := drawnText(text[s:e], p.level, a.an.clusters, int(s))
		if k > 0 && joinsAcross(text[p.start:p.end], int(s-p.start)) {
			shown = zwj + shown
		}
		if k < len(sp.parts)-1 && joinsAcross(text[p.start:p.end], int(e-p.start)) {
			shown += zwj
		}
		sp.parts[k] = part{start: s, end: e, text: shown, w: measured.measure(shown, a.d.fonts[i], a.d.size).w}
	}
	if p.level%2 == 1 {
		x := a.d.widths[i]
		for k := range sp.parts {
			x -= sp.parts[k].w
			sp.parts[k].dx = x
		}
	} else {
		x := float32(0)
		for k := range sp.parts {
			sp.parts[k].dx = x
			x += sp.parts[k].w
		}
	}
	return sp
}

// joinsAcross reports whether the letters on both sides of offset at of a word join: the one
// before it connects to the next letter, and the one after it to the previous letter. Marks
// (harakat) are skipped.
func joinsAcross(word []rune, at int) bool {
	before, after := rune(-1), rune(-1)
	for k := at - 1; k >= 0; k-- {
		if joining(word[k]) != joinTransparent {
			before = word[k]
			break
		}
	}
	for k := at; k < len(word); k++ {
		if joining(word[k]) != joinTransparent {
			after = word[k]
			break
		}
	}
	jb, ja := joining(before), joining(after)
	return (jb == joinDual || jb == joinCausing) && (ja == joinDual || ja == joinRight || ja == joinCausing)
}

// joinType is a character's Unicode Joining_Type, as far as this package needs it.
type joinType uint8

const (
	joinNone        joinType = iota // U, and anything not of the Arabic script
	joinRight                       // R: joins the letter before it only (ا د ر و...)
	joinDual                        // D: joins on both sides (ب ل ك...)
	joinCausing                     // C: tatweel, ZWJ
	joinTransparent                 // T: harakat and other marks
)

// joiningLetters are the letters of the Arabic and Arabic Supplement blocks that join: all
// but hamza (U+0621) and high hamza (U+0674), which join nothing.
var joiningLetters = [][2]rune{
	{0x0620, 0x064A}, {0x066E, 0x066F}, {0x0671, 0x06D3}, {0x06D5, 0x06D5}, {0x06EE, 0x06EF},
	{0x06FA, 0x06FC}, {0x06FF, 0x06FF}, {0x0750, 0x077F},
}

// rightJoining are those of them that join the letter before them only (ا د ذ ر ز و ة...).
var rightJoining = [][2]rune{
	{0x0622, 0x0625}, {0x0627, 0x0627}, {0x0629, 0x0629}, {0x062F, 0x0632}, {0x0648, 0x0648},
	{0x0671, 0x0673}, {0x0675, 0x0677}, {0x0688, 0x0699}, {0x06C0, 0x06C0}, {0x06C3, 0x06CB},
	{0x06CD, 0x06CD}, {0x06CF, 0x06CF}, {0x06D2, 0x06D3}, {0x06D5, 0x06D5}, {0x06EE, 0x06EF},
	{0x0759, 0x075B}, {0x076B, 0x076C}, {0x0771, 0x0771}, {0x0778, 0x0779},
}

// joining returns the joining type of r, after Unicode's ArabicShaping.txt for the Arabic
// script's two main blocks; every other letter is taken not to join.
func joining(r rune) joinType {
	switch {
	case r == 0x0640 || r == 0x200D: // tatweel, ZWJ
		return joinCausing
	case r == 0x200C: // ZWNJ
		return joinNone
	case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf):
		return joinTransparent
	case r == 0x0621 || r == 0x0674 || !inRanges(r, joiningLetters):
		return joinNone
	case inRanges(r, rightJoining):
		return joinRight
	}
	return joinDual
}

// inRanges reports whether r lies in one of the ranges.
func inRanges(r rune, ranges [][2]rune) bool {
	for _, rg := range ranges {
		if r >= rg[0] && r <= rg[1] {
			return true
		}
	}
	return false
}
