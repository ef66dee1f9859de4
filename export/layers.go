package export

import (
	"fmt"
	"slices"
	"strings"

	"github.com/tawsim/tawsim/labels"
)

// Level is the level of nested entity spans that a format writing one tag per token keeps
// (hf, conll with Options.Flat, the "ents" of spacy-doc).
type Level int

// The levels.
const (
	// LevelOuter keeps the outermost spans: those inside no other span ("[جامعة بيرزيت] ORG").
	LevelOuter Level = iota
	// LevelInner keeps the innermost spans: those holding no other span ("بيرزيت GPE").
	LevelInner
)

// ParseLevel reads "outer" or "inner" (any case).
func ParseLevel(s string) (Level, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "outer":
		return LevelOuter, nil
	case "inner":
		return LevelInner, nil
	}
	return 0, fmt.Errorf("level %q: want outer or inner", s)
}

// String returns "outer" or "inner".
func (l Level) String() string {
	if l == LevelInner {
		return "inner"
	}
	return "outer"
}

// level returns the indices in spans of the spans of one level, no two of which overlap, in
// the order of spans (which must be sorted by start, longest first). The outer level takes
// each span in that order that overlaps none taken before: a span inside another, or crossing
// one that starts before it, is left out. The inner level takes the spans by end, the
// shortest first among those that end together, each that overlaps none taken before: a span
// holding another is left out, and of two that cross, the one that ends first stays. Spans of
// the same range count as one holding the other. scratch is reused.
func level(spans []*labels.Span, lv Level, scratch []int) []int {
	order := scratch[:0]
	for i := range spans {
		order = append(order, i)
	}
	if lv == LevelInner {
		slices.SortStableFunc(order, func(a, b int) int {
			if spans[a].End != spans[b].End {
				return spans[a].End - spans[b].End
			}
			return spans[b].Start - spans[a].Start
		})
	}
	n, end := 0, -1
	for _, i := range order {
		if spans[i].Start >= end {
			order[n], end = i, spans[i].End
			n++
		}
	}
	kept := order[:n]
	slices.Sort(kept) // disjoint: by end is by start
	return kept
}

// layers assigns each entity span the first tag column (layer) in which it overlaps no span:
// flat spans are all in layer 0, a span nested in another (or crossing it) in layer 1, one
// nested in that in layer 2, and so on. spans must be sorted by start, longest first. Each
// column's spans then overlap no other, and a span nested in another lies in a column after
// it: a column is a level of nesting, the outermost first, as Wojood's CoNLL has them. It
// returns each span's layer and the number of layers.
func layers(spans []*labels.Span, layer []int) ([]int, int) {
	layer = slices.Grow(layer[:0], len(spans))
	var ends []int // ends[l]: where the span put in layer l last ends
	for _, sp := range spans {
		l := 0
		for l < len(ends) && ends[l] > sp.Start {
			l++
		}
		if l == len(ends) {
			ends = append(ends, 0)
		}
		ends[l] = sp.End
		layer = append(layer, l)
	}
	return layer, len(ends)
}

// cursor walks the tag columns of a record token by token: for each column, where the search
// for the span over the next token starts (see tokens.spanIn). Its zero value is ready; reset
// it before each walk.
type cursor struct{ at []int }

// reset makes c ready to walk the columns of t from the first token.
func (c *cursor) reset(t *tokens) {
	c.at = fill(c.at, len(t.cols), 0)
}

// spanIn returns the index in t.spans of the span of column col that covers token k, or -1.
// From call to call with the same cursor and column, k must not go down.
func (t *tokens) spanIn(col, k int, c *cursor) int {
	in, at := t.cols[col], &c.at[col]
	for *at < len(in) && t.last[in[*at]] < k {
		*at++
	}
	if *at < len(in) && t.first[in[*at]] <= k {
		return in[*at]
	}
	return -1
}

// appendTags appends the IOB2 tags of token k, one for each tag column up to the last that
// has a span over it (at least one), separated by single spaces: "B-X" on the first token of
// a span X, "I-X" on the others, "O" outside spans; label appends the label (escaped as the
// format needs).
func (t *tokens) appendTags(dst []byte, k int, c *cursor, label func([]byte, string) []byte) []byte {
	n := 1
	for col := range t.cols {
		if t.spanIn(col, k, c) >= 0 {
			n = col + 1
		}
	}
	for col := range n {
		if col > 0 {
			dst = append(dst, ' ')
		}
		dst = t.appendTag(dst, col, k, c, label)
	}
	return dst
}

// appendTag appends the IOB2 tag of token k in column col.
func (t *tokens) appendTag(dst []byte, col, k int, c *cursor, label func([]byte, string) []byte) []byte {
	i := -1
	if col < len(t.cols) {
		i = t.spanIn(col, k, c)
	}
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

// inSpan reports whether token k continues a span begun before it, in any column: a
// sentence never ends there.
func (t *tokens) inSpan(k int, c *cursor) bool {
	for col := range t.cols {
		if i := t.spanIn(col, k, c); i >= 0 && t.first[i] < k {
			return true
		}
	}
	return false
}

// describe names a span for people: [16,35) ORG "الجيش الوطني الليبي".
func describe(sp *labels.Span) string {
	return fmt.Sprintf("[%d,%d) %s %q", sp.Start, sp.End, sp.Label, sp.Text)
}
