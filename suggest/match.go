package suggest

import (
	"cmp"
	"slices"
	"sync"
	"unicode/utf8"

	"github.com/tawsim/tawsim/arabic"
	"github.com/tawsim/tawsim/labels"
)

// Match returns the suggestions for text, leftmost-longest: of the matches that overlap, the
// one that starts first wins, and of those that start together, the longest. Every entry and
// token pattern that matches the winning span exactly gives a suggestion there, one per label
// and source (the highest score of equals). Suggestions come by start, then by score (highest
// first), label and source; their spans never overlap but where they are the same.
func (m *Matcher) Match(text string) []Suggestion { return m.find(text, false) }

// MatchAll returns every suggestion for text, overlapping ones included: every span where
// an entry or token pattern matches. Suggestions come by start, the longest span first, then
// by score, label and source.
func (m *Matcher) MatchAll(text string) []Suggestion { return m.find(text, true) }

// cand is a match: a span and what matched it.
type cand struct {
	start, end int // code points
	b0, b1     int // bytes; -1 when not known (token patterns)
	key        int32
	lam        bool  // the match starts right after the proclitic ل
	maqsura    bool  // the match ends with ى
	pat        int32 // the token pattern when key < 0
}

// scan holds the buffers of one call of find.
type scan struct {
	posB, posCP []int   // the byte and code point offset of each code point of the search form
	edges       []uint8 // eStart, eLam, eEnd per code point offset of the text
	longest     []int32 // for leftmostLongest
	cands       []cand
}

var scans = sync.Pool{New: func() any { return new(scan) }}

// find returns the suggestions for text: of every match when all is true, else of the
// leftmost-longest ones.
func (m *Matcher) find(text string, all bool) []Suggestion {
	if m.ac == nil && m.tokens == nil {
		return nil
	}
	sc := scans.Get().(*scan)
	defer scans.Put(sc)
	sc.posB, sc.posCP, sc.cands = sc.posB[:0], sc.posCP[:0], sc.cands[:0]

	toks := arabic.Tokenize(text)
	if len(toks) == 0 {
		return nil
	}
	t := chars()
	n := toks[len(toks)-1].End + 1
	sc.edges = slices.Grow(sc.edges[:0], n)[:n]
	clear(sc.edges)
	markEdges(toks, sc.edges, t)
	if m.ac != nil {
		m.phrases(text, t, sc)
	}
	if m.tokens != nil {
		sc.cands = m.tokens.find(toks, sc.cands)
	}
	cands := sc.cands
	if all {
		slices.SortFunc(cands, byStart)
	} else {
		sc.longest = slices.Grow(sc.longest[:0], n)[:n]
		clear(sc.longest)
		cands = leftmostLongest(cands, sc.longest)
	}
	return m.suggestions(text, cands)
}

// byStart orders candidates by start, the longest first.
func byStart(a, b cand) int { return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(b.end, a.end)) }

// phrases runs the automaton over the search form of text and adds the matches that lie on
// edges to sc.cands. White space between words is read as one space, or as a line break
// (which no key holds) when it holds two line breaks or more: a match never crosses a blank
// line.
func (m *Matcher) phrases(text string, t charTable, sc *scan) {
	a := m.ac
	state := int32(0)
	space, lf, cr := false, 0, 0
	cp := 0
	for b := 0; b < len(text); cp++ {
		r, size := rune(text[b]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[b:])
		}
		c := t.at(r)
		switch {
		case c.flags&fSpace != 0:
			space = len(sc.posB) > 0
			switch r {
			case '\n':
				lf++
			case '\r':
				cr++
			}
		case c.flags&fDrop != 0:
		default:
			if space {
				sep := ' '
				if lf > 1 || cr > 1 {
					sep = '\n'
				}
				sc.posB, sc.posCP = append(sc.posB, b), append(sc.posCP, cp)
				state = a.step(state, a.alpha.of(sep))
				space, lf, cr = false, 0, 0
			}
			sc.posB, sc.posCP = append(sc.posB, b), append(sc.posCP, cp)
			state = a.step(state, a.alpha.of(c.fold))
			for n := state; n > 0; n = a.nodes[n].dict {
				if k := a.nodes[n].key; k >= 0 {
					m.candidate(text, t, sc, k, size)
				}
			}
		}
		b += size
	}
}

// candidate adds the match of key k that ends with the last code point read (of size bytes)
// when it lies on edges: it starts where a token starts or after a proclitic (after ل for a
// key written after ل), and ends where a token ends, at the first token end past its last
// letter and the harakat and tatweel that follow it.
func (m *Matcher) candidate(text string, t charTable, sc *scan, k int32, size int) {
	j := len(sc.posB) - 1
	j0 := j - int(m.keyLen[k]) + 1
	start := sc.posCP[j0]
	if start >= len(sc.edges) {
		return
	}
	e := sc.edges[start]
	if e&eStart == 0 {
		return
	}
	lam := e&eLam != 0
	maqsura := false
	if !m.anywhere[k] { // some entries of the key match only after ل, or only with ى or ي
		maqsura = m.guard[k] && text[sc.posB[j]:sc.posB[j]+size] == "ى"
		if !slices.ContainsFunc(m.refs[m.refLo[k]:m.refLo[k+1]], func(r ref) bool { return m.applies(k, r, lam, maqsura) }) {
			return
		}
	}
	b1, end := sc.posB[j]+size, sc.posCP[j]+1
	for end < len(sc.edges) && sc.edges[end]&eEnd == 0 && b1 < len(text) {
		r, size := utf8.DecodeRuneInString(text[b1:])
		if t.at(r).flags&fAttach == 0 {
			break
		}
		b1, end = b1+size, end+1
	}
	if end >= len(sc.edges) || sc.edges[end]&eEnd == 0 {
		return
	}
	sc.cands = append(sc.cands, cand{start: start, end: end, b0: sc.posB[j0], b1: b1, key: k, lam: lam, maqsura: maqsura})
}

// leftmostLongest keeps, of cands, the spans that do not overlap a span kept before them,
// taken by start, the longest first, with every candidate of each span; it returns them by
// start. It takes linear time: longest, as long as the text is in code points and all zero,
// notes the longest end at each start.
func leftmostLongest(cands []cand, longest []int32) []cand {
	for _, c := range cands {
		longest[c.start] = max(longest[c.start], int32(c.end))
	}
	last := int32(0) // the end of the last span kept
	for s, end := range longest {
		if end > 0 && int32(s) >= last {
			longest[s], last = -end, end // kept
		}
	}
	out := cands[:0]
	for _, c := range cands {
		if longest[c.start] == -int32(c.end) {
			out = append(out, c)
		}
	}
	// The phrases come by end, which is by start for spans that do not overlap; token
	// patterns come after them.
	if !slices.IsSortedFunc(out, byStart) {
		slices.SortStableFunc(out, byStart)
	}
	return out
}

// suggestions turns candidates into suggestions, one per span, label and source.
func (m *Matcher) suggestions(text string, cands []cand) []Suggestion {
	if len(cands) == 0 {
		return nil
	}
	var idx *labels.TextIndex
	out := make([]Suggestion, 0, len(cands))
	from := 0 // where the suggestions of the current span begin in out
	for i, c := range cands {
		if i > 0 && (c.start != cands[i-1].start || c.end != cands[i-1].end) {
			out = append(out[:from], bySpan(out[from:])...)
			from = len(out)
		}
		var s string
		if c.b0 >= 0 {
			s = text[c.b0:c.b1]
		} else {
			if idx == nil {
				idx = labels.NewTextIndex(text)
			}
			s, _ = idx.Slice(c.start, c.end)
		}
		if c.key < 0 {
			p := m.tokens.patterns[c.pat]
			out = append(out, Suggestion{Start: c.start, End: c.end, Text: s, Label: m.names[p.label], Source: m.names[p.source], Score: 1})
			continue
		}
		for _, r := range m.refs[m.refLo[c.key]:m.refLo[c.key+1]] {
			if m.applies(c.key, r, c.lam, c.maqsura) {
				out = append(out, Suggestion{Start: c.start, End: c.end, Text: s, Label: m.names[r.label], Source: m.names[r.source], Score: r.score})
			}
		}
	}
	return append(out[:from], bySpan(out[from:])...)
}

// bySpan orders the suggestions of one span by score (highest first), label and source,
// and keeps one per label and source: the highest score.
func bySpan(ss []Suggestion) []Suggestion {
	if len(ss) < 2 {
		return ss
	}
	slices.SortFunc(ss, func(a, b Suggestion) int {
		return cmp.Or(cmp.Compare(a.Label, b.Label), cmp.Compare(a.Source, b.Source), cmp.Compare(b.Score, a.Score))
	})
	ss = slices.CompactFunc(ss, func(a, b Suggestion) bool { return a.Label == b.Label && a.Source == b.Source })
	slices.SortStableFunc(ss, func(a, b Suggestion) int { return cmp.Compare(b.Score, a.Score) })
	return ss
}
