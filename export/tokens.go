package export

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tawsim/tawsim/arabic"
	"github.com/tawsim/tawsim/labels"
)

// token is one token of a document in the token formats: a code point range of the text.
type token struct {
	start, end int
	text       string
}

// tokens is the tokenization of one record for the token formats (spacy, hf, conll): the
// document's tokens, split at the edges of the entity spans written when SplitClitics allows,
// and, for each entity span written, the range of tokens it covers. Its slices are reused from
// record to record.
type tokens struct {
	toks  []token
	own   bool           // the tokens are the document's own, not arabic.Tokenize's
	spans []*labels.Span // the entity spans written, in the order they are written
	layer []int          // layer[i]: the tag column spans[i] needs (see layers)
	over  []*labels.Span // over[i]: a span of the column below that spans[i] overlaps
	first []int          // first[i], last[i]: the tokens spans[i] covers, inclusive
	last  []int
	ent   []int // ent[k]: the index in spans of the span token k belongs to, or -1
	cuts  []int
	tmp   []token
}

// tokenOptions say how a format takes a record's tokens and spans.
type tokenOptions struct {
	format    string // the format's name, for errors
	split     bool   // split tokens at span edges inside them (Options.SplitClitics)
	dropSpace bool   // leave out tokens that are all white space (hf, conll)
	// columns is how many tag columns the format writes per token (1: IOB tags, which
	// cannot hold overlapping spans), or 0 when its spans are not tags (spacy).
	columns int
}

// build tokenizes rec, whose text is indexed in text and checked, for a format taking o.
//
// The tokens are the document's own (Doc.Tokens) when it has them, else arabic.Tokenize's.
// An entity span covers the tokens it overlaps. A span edge that falls inside a token splits
// the token there when o.split, and is an error wrapping ErrTokenEdge otherwise; an edge in the
// white space (or format characters) between tokens is fine. A span that overlaps no token is
// an error wrapping ErrNoToken. With o.columns, spans that need more tag columns than the
// format writes (nested or crossing ones) are an error wrapping ErrOverlap that lists them.
func (t *tokens) build(rec *labels.Annotated, text *runes, o tokenOptions) error {
	t.pick(rec.Spans, o.columns > 0)
	if o.columns > 0 {
		t.layer, t.over = layers(t.spans, t.layer, t.over)
		if err := checkColumns(o.format, o.columns, t.spans, t.layer, t.over); err != nil {
			return err
		}
	}
	t.base(rec, text, o.dropSpace)
	if err := t.cut(o.split, text); err != nil {
		return err
	}
	return t.cover()
}

// base sets t.toks to the document's own tokens or arabic.Tokenize's, and t.own to which.
// arabic.Tokenize never makes a token of white space, nor puts white space in one.
func (t *tokens) base(rec *labels.Annotated, text *runes, dropSpace bool) {
	t.toks = t.toks[:0]
	t.own = rec.Doc.Tokens != nil
	if !t.own {
		for _, tk := range arabic.Tokenize(text.s) {
			t.toks = append(t.toks, token{tk.Start, tk.End, tk.Text})
		}
		return
	}
	for _, o := range rec.Doc.Tokens {
		tk := token{o.Start, o.End, text.slice(o.Start, o.End)}
		if !dropSpace || !allSpace(tk.text) {
			t.toks = append(t.toks, tk)
		}
	}
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

// pick sets t.spans to the entity spans to write: all of them, in the order given or, when
// sorted, by start, longest first.
func (t *tokens) pick(spans []labels.Span, sorted bool) {
	t.spans = t.spans[:0]
	for i := range spans {
		if spans[i].Kind == labels.KindEntity {
			t.spans = append(t.spans, &spans[i])
		}
	}
	if sorted {
		sort.SliceStable(t.spans, func(i, j int) bool {
			a, b := t.spans[i], t.spans[j]
			return a.Start < b.Start || a.Start == b.Start && a.End > b.End
		})
	}
}

// at returns the index of the first token that ends after code point p (len(t.toks) when none).
func (t *tokens) at(p int) int {
	return sort.Search(len(t.toks), func(k int) bool { return t.toks[k].end > p })
}

// inside returns the index of the token that edge p falls strictly inside, or -1.
func (t *tokens) inside(p int) int {
	if k := t.at(p); k < len(t.toks) && t.toks[k].start < p {
		return k
	}
	return -1
}

// cut splits the tokens at the span edges that fall inside them, or reports the first such
// edge as an error when split is off.
func (t *tokens) cut(split bool, text *runes) error {
	t.cuts = t.cuts[:0]
	for _, sp := range t.spans {
		for _, p := range [2]int{sp.Start, sp.End} {
			k := t.inside(p)
			if k < 0 {
				continue
			}
			if !split {
				tk := t.toks[k]
				return fmt.Errorf("span [%d,%d) %s %q %w (it cuts the token %q [%d,%d)): use --split-clitics",
					sp.Start, sp.End, sp.Label, sp.Text, ErrTokenEdge, tk.text, tk.start, tk.end)
			}
			t.cuts = append(t.cuts, p)
		}
	}
	if len(t.cuts) == 0 {
		return nil
	}
	slices.Sort(t.cuts)
	t.cuts = slices.Compact(t.cuts)
	out, c := t.tmp[:0], 0
	for _, tk := range t.toks {
		for c < len(t.cuts) && t.cuts[c] <= tk.start {
			c++
		}
		for c < len(t.cuts) && t.cuts[c] < tk.end {
			out = append(out, token{tk.start, t.cuts[c], text.slice(tk.start, t.cuts[c])})
			tk.start = t.cuts[c]
			c++
		}
		tk.text = text.slice(tk.start, tk.end)
		out = append(out, tk)
	}
	t.tmp, t.toks = t.toks, out
	return nil
}

// cover finds the tokens each span covers and the span of each token.
func (t *tokens) cover() error {
	t.first, t.last = t.first[:0], t.last[:0]
	t.ent = slices.Grow(t.ent[:0], len(t.toks))[:len(t.toks)]
	for k := range t.ent {
		t.ent[k] = -1
	}
	for i, sp := range t.spans {
		first := t.at(sp.Start)
		last := sort.Search(len(t.toks), func(k int) bool { return t.toks[k].start >= sp.End }) - 1
		if first > last {
			return fmt.Errorf("span [%d,%d) %s %q %w", sp.Start, sp.End, sp.Label, sp.Text, ErrNoToken)
		}
		t.first, t.last = append(t.first, first), append(t.last, last)
		for k := first; k <= last; k++ {
			if t.ent[k] < 0 {
				t.ent[k] = i
			}
		}
	}
	return nil
}

// appendTag appends the IOB2 tag of token k: "B-X" for the first token of a span X, "I-X" for
// the others, "O" outside spans; label appends the label (escaped as the format needs).
func (t *tokens) appendTag(dst []byte, k int, label func([]byte, string) []byte) []byte {
	i := t.ent[k]
	if i < 0 {
		return append(dst, 'O')
	}
	if t.first[i] == k {
		dst = append(dst, 'B', '-')
	} else {
		dst = append(dst, 'I', '-')
	}
	return label(dst, t.spans[i].Label)
}

// sentences returns the index of the first token of each sentence. A sentence ends where the
// text between two tokens holds a line break (LF, CR, VT, FF, NEL, U+2028, U+2029), except
// inside an entity span, which is never cut in two.
func (t *tokens) sentences(text *runes, starts []int) []int {
	starts = starts[:0]
	for k := range t.toks {
		if k == 0 || t.breakBefore(k, text) {
			starts = append(starts, k)
		}
	}
	return starts
}

// sentenceEnd returns the index after the last token of sentence n, given the first token of
// each sentence and the number of tokens.
func sentenceEnd(starts []int, n, count int) int {
	if n+1 < len(starts) {
		return starts[n+1]
	}
	return count
}

// breakBefore reports whether a sentence ends between tokens k-1 and k.
func (t *tokens) breakBefore(k int, text *runes) bool {
	if e := t.ent[k]; e >= 0 && e == t.ent[k-1] {
		return false
	}
	return strings.ContainsFunc(text.slice(t.toks[k-1].end, t.toks[k].start), isLineBreak)
}

// isLineBreak reports whether r ends a line.
func isLineBreak(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', '\u0085', '\u2028', '\u2029':
		return true
	}
	return false
}

// spaceAfter reports whether white space follows code point p of the text.
func spaceAfter(text *runes, p int) bool {
	if p >= text.len() {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text.s[text.index()[p]:])
	return unicode.IsSpace(r)
}
