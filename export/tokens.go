package export

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tawsim/tawsim/labels"
)

// tok is one token of a record in the token formats: its code point range [start, end) and
// its byte range [from, to) in the text.
type tok struct{ start, end, from, to int }

// maxCached is how many tokens a record may have for them to be kept between the check of
// the record and its writing; the tokens of a longer text are found again to be written,
// rather than held (a 50 MB text has millions of them).
var maxCached = 1 << 16 // a variable for tests

// tokens walks the tokens of one record for the token formats (spacy, hf, conll): the
// document's own tokens, else arabic.Tokens's, split at the edges of the entity spans written
// when SplitClitics allows, and finds the tokens each entity span covers. Its memory grows
// with the record's spans, not its text. Its slices are reused from record to record.
type tokens struct {
	text  string
	doc   *labels.Document // whose own tokens (labels.Document.OwnTokens) are walked, when it has them
	own   bool             // the document has its own tokens
	o     tokenOptions
	spans []*labels.Span // the entity spans written, in the order they are written
	left  int            // how many entity spans a flat format left out (tokenOptions.flat)
	kept  []int          // scratch: the spans of a level
	layer []int          // layer[i]: the tag column spans[i] is written in (see layers)
	cols  [][]int        // the indices in spans of the spans of each tag column, by start
	first []int          // first[i], last[i]: the tokens spans[i] covers, inclusive
	last  []int
	edges []edge // the entity spans' edges, by position
	// spanStart[i], spanEnd[i]: where the first token spans[i] covers starts and its last
	// ends (code points)
	spanStart, spanEnd []int

	byStart, byEnd []int // span indices by start, by end

	count    int   // how many tokens the record has
	cache    []tok // its tokens, when there are no more than maxCached
	complete bool  // cache holds every token
}

// edge is a code point where an entity span starts or ends.
type edge struct{ at, span int }

// tokenOptions say how a format takes a record's tokens and spans.
type tokenOptions struct {
	format    string // the format's name, for errors
	split     bool   // split tokens at span edges inside them (Options.SplitClitics)
	dropSpace bool   // leave out own tokens that are all white space (hf, conll)
	noSpace   bool   // an own token holding white space is an error (conll)
	// tags: the format writes IOB tags, a column per level of nesting (hf, conll), so the
	// spans are sorted by start, longest first, and put in columns (see layers).
	tags bool
	// flat: it writes one tag column, the spans of level; it leaves the others out.
	flat  bool
	level Level
}

// build checks how rec, whose text is checked, meets its tokens, for a format taking o, and
// finds the tokens each entity span covers.
//
// The tokens are the document's own (Doc.Tokens or Doc.Packed) when it has them, else arabic.Tokens's.
// An entity span covers the tokens it overlaps. A span edge that falls inside a token splits
// the token there when o.split, and is an error wrapping ErrTokenEdge otherwise; an edge in the
// white space (or format characters) between tokens is fine. A span that overlaps no token is
// an error wrapping ErrNoToken. With o.tags the spans are put in tag columns; with o.flat too,
// only the spans of o.level are kept, and t.left says how many were left out.
func (t *tokens) build(rec *labels.Annotated, o tokenOptions) error {
	t.text, t.doc, t.own, t.o = rec.Doc.Text, &rec.Doc, rec.Doc.HasOwnTokens(), o
	t.pick(rec.Spans, o.tags)
	t.left = 0
	t.cols = t.cols[:0]
	if o.tags {
		if o.flat {
			t.kept = level(t.spans, o.level, t.kept)
			t.left = len(t.spans) - len(t.kept)
			for n, i := range t.kept {
				t.spans[n] = t.spans[i]
			}
			t.spans = t.spans[:len(t.kept)]
		}
		t.columns()
	}
	t.edges = slices.Grow(t.edges[:0], 2*len(t.spans))
	for i, sp := range t.spans {
		t.edges = append(t.edges, edge{sp.Start, i}, edge{sp.End, i})
	}
	slices.SortFunc(t.edges, func(a, b edge) int { return a.at - b.at })
	return t.scan()
}

// pick sets t.spans to the entity spans to write: all of them, in the order given or, when
// sorted, by start, longest first.
func (t *tokens) pick(spans []labels.Span, sorted bool) {
	t.spans = slices.Grow(t.spans[:0], len(spans))
	for i := range spans {
		if spans[i].Kind == labels.KindEntity {
			t.spans = append(t.spans, &spans[i])
		}
	}
	if sorted {
		slices.SortStableFunc(t.spans, func(a, b *labels.Span) int {
			if a.Start != b.Start {
				return a.Start - b.Start
			}
			return b.End - a.End
		})
	}
}

// columns puts the spans in their tag columns (layers), t.cols.
func (t *tokens) columns() {
	var n int
	t.layer, n = layers(t.spans, t.layer)
	t.cols = slices.Grow(t.cols[:0], n)[:n] // the columns' slices are reused
	for c := range t.cols {
		t.cols[c] = t.cols[c][:0]
	}
	for i, l := range t.layer {
		t.cols[l] = append(t.cols[l], i)
	}
}

// walk calls fn with each token of the record in order, until fn returns false.
func (t *tokens) walk(fn func(tk tok) bool) {
	e := 0 // the next edge to split at
	emit := func(tk tok) bool {
		for t.o.split {
			for e < len(t.edges) && t.edges[e].at <= tk.start {
				e++
			}
			if e == len(t.edges) || t.edges[e].at >= tk.end {
				break
			}
			at := t.edges[e].at
			b := tk.from + runesBytes(t.text[tk.from:], at-tk.start)
			if !fn(tok{tk.start, at, tk.from, b}) {
				return false
			}
			tk.start, tk.from = at, b
		}
		return fn(tk)
	}
	// The own tokens are checked (inside the text, not empty); arabic.Tokens never makes a
	// token of white space, nor puts white space in one.
	for tk := range t.doc.EachToken() {
		if t.own && t.o.dropSpace && allSpace(t.text[tk.From:tk.To]) {
			continue
		}
		if !emit(tok{tk.Start, tk.End, tk.From, tk.To}) {
			return
		}
	}
}

// runesBytes returns the length in bytes of the first n code points of s.
func runesBytes(s string, n int) int {
	b := 0
	for ; n > 0 && b < len(s); n-- {
		_, size := utf8.DecodeRuneInString(s[b:])
		b += size
	}
	return b
}

// each calls fn with each token and its index, from those kept by scan when they all are.
func (t *tokens) each(fn func(k int, tk tok)) {
	if t.complete {
		for k, tk := range t.cache {
			fn(k, tk)
		}
		return
	}
	k := 0
	t.walk(func(tk tok) bool {
		fn(k, tk)
		k++
		return true
	})
}

// scan walks the tokens once to check them against the spans and find the tokens each span
// covers, keeping them when they are few.
func (t *tokens) scan() error {
	n := len(t.spans)
	t.first, t.last = fill(t.first, n, -1), fill(t.last, n, -1)
	t.spanStart, t.spanEnd = fill(t.spanStart, n, 0), fill(t.spanEnd, n, 0)
	t.byStart, t.byEnd = fill(t.byStart, n, 0), fill(t.byEnd, n, 0)
	for i := range n {
		t.byStart[i], t.byEnd[i] = i, i
	}
	slices.SortFunc(t.byStart, func(a, b int) int { return t.spans[a].Start - t.spans[b].Start })
	slices.SortFunc(t.byEnd, func(a, b int) int { return t.spans[a].End - t.spans[b].End })
	// Room for the tokens of an Arabic text at about 6 bytes a token, up to maxCached.
	t.cache, t.complete = slices.Grow(t.cache[:0], min(maxCached, len(t.text)/6+1)), true
	var err error
	k, e, p, q, prevEnd := 0, 0, 0, 0, 0
	t.walk(func(tk tok) bool {
		if err = t.writable(tk, &e); err != nil {
			return false
		}
		for ; p < n && tk.end > t.spans[t.byStart[p]].Start; p++ {
			t.first[t.byStart[p]], t.spanStart[t.byStart[p]] = k, tk.start
		}
		for ; q < n && tk.start >= t.spans[t.byEnd[q]].End; q++ {
			t.last[t.byEnd[q]], t.spanEnd[t.byEnd[q]] = k-1, prevEnd
		}
		if len(t.cache) < maxCached {
			t.cache = append(t.cache, tk)
		} else {
			t.complete = false
		}
		k, prevEnd = k+1, tk.end
		return true
	})
	if err != nil {
		return err
	}
	for ; q < n; q++ {
		t.last[t.byEnd[q]], t.spanEnd[t.byEnd[q]] = k-1, prevEnd
	}
	t.count = k
	for i, sp := range t.spans {
		if t.first[i] < 0 || t.first[i] > t.last[i] {
			return fmt.Errorf("span %s %w", describe(sp), ErrNoToken)
		}
	}
	return nil
}

// fill returns s with n elements, each v.
func fill(s []int, n, v int) []int {
	s = slices.Grow(s[:0], n)[:n]
	for i := range s {
		s[i] = v
	}
	return s
}

// writable reports a span edge inside token tk when tokens are not split (e is the next
// edge to look at), and an own token holding white space in a format that cannot hold it.
func (t *tokens) writable(tk tok, e *int) error {
	if !t.o.split {
		for *e < len(t.edges) && t.edges[*e].at <= tk.start {
			*e++
		}
		if *e < len(t.edges) && t.edges[*e].at < tk.end {
			sp, text := t.spans[t.edges[*e].span], t.text[tk.from:tk.to]
			return fmt.Errorf("span %s %w (it cuts the token %q [%d,%d)): use --split-clitics",
				describe(sp), ErrTokenEdge, text, tk.start, tk.end)
		}
	}
	if t.o.noSpace && t.own && hasSpace(t.text[tk.from:tk.to]) {
		return fmt.Errorf("%w: token [%d,%d) %q holds white space, which a CoNLL line cannot", ErrBadToken, tk.start, tk.end, t.text[tk.from:tk.to])
	}
	return nil
}

// sentenceBreak reports whether a sentence ends between tokens prev and tk, the k-th: where
// the text between them holds a line break (LF, CR, VT, FF, NEL, U+2028, U+2029), except
// inside an entity span of any column, which is never cut in two. c is as spanIn says.
func (t *tokens) sentenceBreak(prev, tk tok, k int, c *cursor) bool {
	if t.inSpan(k, c) {
		return false
	}
	return strings.ContainsFunc(t.text[prev.to:tk.from], isLineBreak)
}

// spaceAfter reports whether white space follows token tk in the text.
func (t *tokens) spaceAfter(tk tok) bool {
	if tk.to >= len(t.text) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t.text[tk.to:])
	return unicode.IsSpace(r)
}

// allSpace reports whether s is made of white space only.
func allSpace(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

// hasSpace reports whether s holds white space (unicode.IsSpace), quickly for ASCII.
func hasSpace(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == ' ' || '\t' <= c && c <= '\r':
			return true
		case c >= utf8.RuneSelf:
			return strings.ContainsFunc(s[i:], unicode.IsSpace)
		}
	}
	return false
}

// isLineBreak reports whether r ends a line.
func isLineBreak(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', '\u0085', '\u2028', '\u2029':
		return true
	}
	return false
}
