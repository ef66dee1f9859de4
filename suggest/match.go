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
	cands       []cand
}

var scans = sync.Pool{New: func() any { return new(scan) }}

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
	slices.SortFunc(sc.cands, func(a, b cand) int {
		return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(b.end, a.end))
	})
	cands := sc.cands
	if !all {
		cands = leftmostLongest(cands)
	}
	return m.suggestions(text, cands)
}

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
			for n := state; n > 0; n = a.dict[n] {
				if k := a.key[n]; k >= 0 {
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
	maqsura := m.guard[k] && text[sc.posB[j]:sc.posB[j]+size] == "ى"
	if !slices.ContainsFunc(m.refs[m.refLo[k]:m.refLo[k+1]], func(r ref) bool { return m.applies(k, r, lam, maqsura) }) {
		return
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

// leftmostLongest keeps, of cands sorted by start and longest first, the spans that do not
// overlap a span kept before them, with every candidate of each span kept.
func leftmostLongest(cands []cand) []cand {
	out := cands[:0]
	last := -1 // the end of the last span kept
	for _, c := range cands {
		if n := len(out); n > 0 && c.start == out[n-1].start && c.end == out[n-1].end {
			out = append(out, c)
			continue
		}
		if c.start >= last {
			out = append(out, c)
			last = c.end
		}
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
	for _, c := range cands {
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
	// One suggestion per span, label and source: the highest score.
	slices.SortFunc(out, func(a, b Suggestion) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(b.End, a.End), cmp.Compare(a.Label, b.Label),
			cmp.Compare(a.Source, b.Source), cmp.Compare(b.Score, a.Score))
	})
	out = slices.CompactFunc(out, func(a, b Suggestion) bool {
		return a.Start == b.Start && a.End == b.End && a.Label == b.Label && a.Source == b.Source
	})
	slices.SortStableFunc(out, func(a, b Suggestion) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(b.End, a.End), cmp.Compare(b.Score, a.Score))
	})
	return out
}
