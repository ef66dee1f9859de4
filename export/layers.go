package export

import (
	"fmt"
	"slices"
	"strings"

	"github.com/tawsim/tawsim/labels"
)

// layers assigns each entity span the first tag column (layer) in which it overlaps no
// span: flat spans are all in layer 0, a span nested in another or crossing it in layer 1,
// one nested in that in layer 2, and so on. spans must be sorted by start, longest first.
// It returns each span's layer and, for the spans of layers above 0, the span of the layer
// below that it overlaps (nil for those of layer 0). A format that writes n tag columns per
// token holds the spans of layers 0 to n-1.
func layers(spans []*labels.Span, layer []int, over []*labels.Span) ([]int, []*labels.Span) {
	layer, over = slices.Grow(layer[:0], len(spans)), slices.Grow(over[:0], len(spans))
	var last []*labels.Span // last[l]: the span put in layer l last
	for _, sp := range spans {
		l := 0
		for l < len(last) && last[l].End > sp.Start {
			l++
		}
		var below *labels.Span
		if l > 0 {
			below = last[l-1]
		}
		if l == len(last) {
			last = append(last, nil)
		}
		last[l] = sp
		layer, over = append(layer, l), append(over, below)
	}
	return layer, over
}

// maxListed is how many overlapping spans an error lists.
const maxListed = 10

// checkColumns returns an error wrapping ErrOverlap that lists the spans a format writing
// columns tag columns per token cannot hold (those of higher layers), with the span each
// overlaps, or nil when there are none. spans are sorted by start, longest first.
func checkColumns(format string, columns int, spans []*labels.Span, layer []int, over []*labels.Span) error {
	var b strings.Builder
	n := 0
	for i, sp := range spans {
		if layer[i] < columns {
			continue
		}
		if n++; n > maxListed {
			continue
		}
		if n > 1 {
			b.WriteString("; ")
		}
		rel := "overlaps"
		if over[i].Contains(*sp) {
			rel = "is inside"
		}
		fmt.Fprintf(&b, "%s %s %s", describe(sp), rel, describe(over[i]))
	}
	if n == 0 {
		return nil
	}
	if n > maxListed {
		fmt.Fprintf(&b, "; and %d more", n-maxListed)
	}
	return fmt.Errorf("%w, which %s cannot hold (one tag per token; nested entities are not supported yet): %s",
		ErrOverlap, format, b.String())
}

// describe names a span for people: [16,35) ORG "الجيش الوطني الليبي".
func describe(sp *labels.Span) string {
	return fmt.Sprintf("[%d,%d) %s %q", sp.Start, sp.End, sp.Label, sp.Text)
}
