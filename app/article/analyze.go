package article

import (
	"slices"
	"unicode"

	"github.com/tawsim/tawsim/arabic/bidi"
	"github.com/tawsim/tawsim/labels"
)

// piece is a run of code points that is measured and drawn as one canvas.Text: a token, or the
// part of a token that shares one bidi level and one font, or (tok == -1) visible text that no
// token covers, which a document's own tokens may leave out. A grapheme cluster that no font
// has is a piece of its own, drawn as a box.
type piece struct {
	tok        int32    // index into analysis.tokens, or -1
	start, end int32    // code point offsets into the text, half-open
	level      uint8    // bidi embedding level
	font       fontKind // the font that has all its characters, or fontBox for one cluster
	gap        bool     // white space separates it from the previous piece of its paragraph
	gapAt      int32    // the offset of the first character of that white space
}

// para is one paragraph: the text between two paragraph breaks and its pieces.
type para struct {
	start, end  int32 // code point offsets, without the break
	first, last int32 // pieces [first, last)
	rtl         bool  // the paragraph reads right to left
	bidi        *bidi.Paragraph
	oneLevel    bool // all its code points are at one level, the paragraph's
}

// analysis is what a document's text becomes before any measuring: paragraphs, tokens and
// pieces with their bidi levels. It depends on the text only, not on fonts or width.
type analysis struct {
	text     []rune
	clusters clusterBits
	tokens   []labels.Offsets // the tokens shown: ordered, inside the text, not overlapping
	tokFirst []int32          // first piece of each token
	tokLast  []int32          // one past the last piece of each token
	pieces   []piece
	paras    []para
}

// analyze splits text into paragraphs at paragraph separators ("\n", "\r\n", U+2029...),
// finds their grapheme clusters and bidi levels (each paragraph resolved on its own in
// direction dir), and cuts the tokens into pieces of one level and one font.
//
// toks must be ordered by offset; a token that overlaps the one before it, is empty or falls
// outside the text is left out, and one that runs over a paragraph break is cut at the break.
// A token edge inside a grapheme cluster moves out to the cluster's edge, and tokens that then
// overlap are one.
func analyze(text []rune, toks []labels.Offsets, dir bidi.Direction) *analysis {
	an := &analysis{text: text, pieces: make([]piece, 0, len(toks)+len(toks)/8)}
	an.tokens = make([]labels.Offsets, 0, len(toks))
	paras := splitParagraphs(text)
	an.clusters = newClusterBits(len(text))
	for _, pr := range paras {
		an.clusters.markClusters(text, pr.start, pr.end)
	}
	toks = an.snapTokens(toks)
	ti := 0
	for _, pr := range paras {
		bp := bidi.Resolve(text[pr.start:pr.end], dir)
		b := builder{an: an, base: pr.start, pos: pr.start, levels: bp.Levels()}
		p := para{start: int32(pr.start), end: int32(pr.end), first: int32(len(an.pieces)), rtl: bp.BaseLevel()%2 == 1, bidi: bp}
		p.oneLevel = !slices.ContainsFunc(b.levels, func(l uint8) bool { return l != bp.BaseLevel() })
		for ; ti < len(toks) && toks[ti].Start < pr.end; ti++ {
			t := toks[ti]
			if t.Start < b.pos || t.End <= t.Start {
				continue
			}
			end := min(t.End, pr.end)
			b.between(t.Start)
			b.token(len(an.tokens), t.Start, end)
			an.tokens = append(an.tokens, labels.Offsets{Start: t.Start, End: end})
		}
		b.between(pr.end)
		p.last = int32(len(an.pieces))
		an.paras = append(an.paras, p)
	}
	return an
}

// bounds is a half-open range of code points.
type bounds struct{ start, end int }

// splitParagraphs returns the paragraphs of text, without their breaks. A CR LF pair is one
// break; a break at the very end of the text does not start an empty paragraph.
func splitParagraphs(text []rune) []bounds {
	var out []bounds
	start := 0
	for i := 0; i < len(text); i++ {
		switch r := text[i]; r {
		case '\n', '\r', 0x1C, 0x1D, 0x1E, 0x85, 0x2029:
			out = append(out, bounds{start, i})
			if r == '\r' && i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			start = i + 1
		}
	}
	if start < len(text) || len(out) == 0 {
		out = append(out, bounds{start, len(text)})
	}
	return out
}

// builder appends the pieces of one paragraph to an analysis.
type builder struct {
	an     *analysis
	levels []uint8 // of the paragraph's code points
	base   int     // offset of the paragraph in the text
	pos    int     // everything before pos has been seen
	gap    bool    // white space since the last piece
	gapAt  int     // where that white space starts
}

func (b *builder) level(i int) uint8 { return b.levels[i-b.base] }

// between takes in the text from b.pos up to to, which belongs to no token: white space makes a
// gap; visible characters become pieces of their own (tok -1), whole grapheme clusters (with
// the ZWJ inside an emoji sequence); other format and control characters (RLM, ZWNJ...) are
// not drawn.
func (b *builder) between(to int) {
	for i := b.pos; i < to; {
		r := b.an.text[i]
		switch {
		case unicode.IsSpace(r):
			if !b.gap {
				b.gap, b.gapAt = true, i
			}
			i++
		case isHidden(r):
			i++
		default:
			cl := b.an.clusters
			j := cl.end(i + 1)
			for j < to && !unicode.IsSpace(b.an.text[j]) && !isHidden(b.an.text[j]) {
				j = cl.end(j + 1)
			}
			j = min(j, to)
			b.add(-1, i, j)
			i = j
		}
	}
	b.pos = to
}

// token adds the pieces of token tok, the code points [start, end).
func (b *builder) token(tok, start, end int) {
	b.an.tokFirst = append(b.an.tokFirst, int32(len(b.an.pieces)))
	b.add(tok, start, end)
	b.an.tokLast = append(b.an.tokLast, int32(len(b.an.pieces)))
	b.pos = end
}

// add appends [start, end) as one piece per run of equal bidi levels and one font, and one
// piece per cluster that no font has. A run that an override (LRO, RLO) turned against the
// direction of its letters or numbers is one piece per cluster, laid out by the bidi order
// alone (drawnText).
func (b *builder) add(tok, start, end int) {
	for i := start; i < end; {
		l := b.level(i)
		against := againstLevel(b.an.text[i], l)
		j := i + 1
		for j < end && b.level(j) == l {
			against = against || againstLevel(b.an.text[j], l)
			j++
		}
		b.addRun(tok, i, j, l, against)
		i = j
	}
}

// addRun appends the code points [start, end), of one bidi level, as pieces of one font each,
// or of one cluster each when byCluster is set.
func (b *builder) addRun(tok, start, end int, level uint8, byCluster bool) {
	text, cl := b.an.text, b.an.clusters
	runStart, runFont := start, fontKinds
	for i := start; i < end; {
		j := min(cl.end(i+1), end)
		k := clusterFont(text[i:j], runFont)
		if i > runStart && (k != runFont || k == fontBox || byCluster) {
			b.piece(tok, runStart, i, level, runFont)
			runStart = i
		}
		runFont = k
		i = j
	}
	if runStart < end {
		if runFont == fontKinds { // default ignorable characters only
			runFont = fontLatin
		}
		b.piece(tok, runStart, end, level, runFont)
	}
}

// piece appends one piece.
func (b *builder) piece(tok, start, end int, level uint8, font fontKind) {
	b.an.pieces = append(b.an.pieces, piece{
		tok: int32(tok), start: int32(start), end: int32(end), level: level, font: font,
		gap: b.gap, gapAt: int32(b.gapAt),
	})
	b.gap = false
}

// snapTokens returns the tokens with their edges moved out to the edges of the grapheme
// clusters they cut; a token that then overlaps the one before it joins it. A token that
// overlapped the one before it already stays as it is, for analyze to leave out.
func (an *analysis) snapTokens(toks []labels.Offsets) []labels.Offsets {
	n := len(an.text)
	var out []labels.Offsets
	for i, t := range toks {
		s := an.clusters.start(max(0, min(t.Start, n)))
		e := an.clusters.end(max(0, min(t.End, n)))
		if s == t.Start && e == t.End && out == nil {
			continue
		}
		if out == nil {
			out = append(make([]labels.Offsets, 0, len(toks)), toks[:i]...)
		}
		if k := len(out) - 1; k >= 0 && t.Start >= toks[i-1].End && s < out[k].End {
			out[k].End = max(out[k].End, e)
			continue
		}
		if t.End <= t.Start || t.Start < 0 || t.End > n {
			out = append(out, t)
			continue
		}
		out = append(out, labels.Offsets{Start: s, End: e})
	}
	if out == nil {
		return toks
	}
	return out
}

// isHidden reports whether r is a format or control character, which takes no room.
func isHidden(r rune) bool { return unicode.Is(unicode.Cf, r) || unicode.IsControl(r) }
