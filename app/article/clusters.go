package article

import (
	"unicode"

	"github.com/go-text/typesetting/segmenter"
)

// clusterBits marks, for every code point offset of a text, whether it lies inside an extended
// grapheme cluster (Unicode's UAX #29): bit o is set when there is no cluster boundary between
// code points o-1 and o. A cluster is what a reader takes for one character: a letter with its
// harakat, an emoji with its skin tone, variation selector or ZWJ sequence, a keycap, a flag.
// The widget never cuts one: tokens, span edges and selections snap to cluster boundaries,
// and a cluster is drawn by one font or as one box.
type clusterBits []uint64

// joined reports whether offset o lies inside a cluster.
func (c clusterBits) joined(o int) bool {
	return o > 0 && o/64 < len(c) && c[o/64]&(1<<(o%64)) != 0
}

// start returns the start of the cluster that holds offset o (o itself on a boundary).
func (c clusterBits) start(o int) int {
	for c.joined(o) {
		o--
	}
	return o
}

// end returns the end of the cluster that holds the code point before offset o (o itself on a
// boundary).
func (c clusterBits) end(o int) int {
	for c.joined(o) {
		o++
	}
	return o
}

// markClusters sets the bits of the clusters of the paragraph text[from:to]. Text of Arabic and
// Latin letters, digits, punctuation and harakat only, which is most of a news article, is
// taken apart by the one rule it needs (a mark joins the character before it); any other
// paragraph goes through go-text's implementation of the full rules.
func (c clusterBits) markClusters(text []rune, from, to int) {
	para := text[from:to]
	simple := true
	for _, r := range para {
		if !plainRune(r) {
			simple = false
			break
		}
	}
	if simple {
		for i := 1; i < len(para); i++ {
			if isMark(para[i]) {
				c.set(from + i)
			}
		}
		return
	}
	c.markSegmented(text, from, to)
}

// markSegmented sets the bits of the clusters that go-text's segmenter finds in text[from:to].
func (c clusterBits) markSegmented(text []rune, from, to int) {
	var seg segmenter.Segmenter
	seg.Init(text[from:to])
	it := seg.GraphemeIterator()
	for it.Next() {
		g := it.Grapheme()
		for o := g.Offset + 1; o < g.Offset+len(g.Text); o++ {
			c.set(from + o)
		}
	}
}

func (c clusterBits) set(o int) { c[o/64] |= 1 << (o % 64) }

// newClusterBits returns room for the bits of a text of n code points.
func newClusterBits(n int) clusterBits { return make(clusterBits, n/64+1) }

// plainRune reports whether r is a character whose clusters the simple rule finds: printable
// ASCII and Latin letters, combining diacritics, and the Arabic blocks less their format
// characters (the number signs U+0600-U+0605, ALM, the end of ayah), which join differently.
func plainRune(r rune) bool {
	switch {
	case r >= 0x20 && r < 0x7F:
		return true
	case r >= 0xA0 && r < 0x370:
		return r != 0xAD // SOFT HYPHEN is a format character
	case r >= 0x0606 && r < 0x0700:
		return r != 0x061C && r != 0x06DD
	case r >= 0x0750 && r < 0x0780:
		return true
	}
	return false
}

// isMark reports whether r is a combining mark, which extends the cluster before it.
func isMark(r rune) bool {
	return r >= 0x0300 && unicode.In(r, unicode.Mn, unicode.Me)
}
