package textfield

import (
	"strings"
	"unicode"

	"github.com/go-text/typesetting/segmenter"

	"github.com/tawsim/tawsim/arabic/bidi"
)

// boundaries returns the grapheme cluster boundaries of text (UAX #29): 0, the end of each
// cluster, and len(text) last. The caret and the ends of a selection only ever stand on one.
func boundaries(text []rune) []int {
	b := []int{0}
	if len(text) == 0 {
		return b
	}
	var sg segmenter.Segmenter
	sg.Init(text)
	it := sg.GraphemeIterator()
	for it.Next() {
		g := it.Grapheme()
		if end := g.Offset + len(g.Text); end > b[len(b)-1] {
			b = append(b, end)
		}
	}
	if b[len(b)-1] != len(text) {
		b = append(b, len(text))
	}
	return b
}

// word is a word of the text, code points [start, end).
type word struct{ start, end int }

// words returns the words of text (UAX #29 word boundaries; a word is made of letters, marks
// and digits), in order.
func words(text []rune) []word {
	if len(text) == 0 {
		return nil
	}
	var sg segmenter.Segmenter
	sg.Init(text)
	it := sg.WordIterator()
	var ws []word
	for it.Next() {
		w := it.Word()
		ws = append(ws, word{w.Offset, w.Offset + len(w.Text)})
	}
	return ws
}

// direction returns the paragraph direction of text by rules P2 and P3 of UAX #9: that of
// its first strong character outside isolates. Text without one (an empty field, digits and
// punctuation alone) is right to left, the direction of the corpus.
func direction(text []rune) bidi.Direction {
	depth := 0
	for _, r := range text {
		switch bidi.ClassOf(r) {
		case bidi.L:
			if depth == 0 {
				return bidi.LeftToRight
			}
		case bidi.R, bidi.AL:
			if depth == 0 {
				return bidi.RightToLeft
			}
		case bidi.LRI, bidi.RLI, bidi.FSI:
			depth++
		case bidi.PDI:
			if depth > 0 {
				depth--
			}
		case bidi.B:
			return bidi.RightToLeft
		}
	}
	return bidi.RightToLeft
}

// clean returns s as one line of typed text: line and paragraph breaks and tabs become
// spaces (a CR LF pair one space), other control characters are dropped.
func clean(s string) string {
	s = strings.ReplaceAll(s, "\r\n", " ")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\r' || r == '\t' || r == '\v' || r == '\f' || r == 0x85 ||
			r == 0x2028 || r == 0x2029:
			return ' '
		case unicode.IsControl(r):
			return -1
		}
		return r
	}, s)
}

// wholeCluster reports whether Backspace removes the cluster c whole rather than its last code
// point: an emoji sequence (a ZWJ sequence, a variation selector, a skin tone, a flag, a
// keycap, tags) is one glyph, and removing a part of it would leave a different or broken one.
// A letter with harakat or accents loses its last mark only, as in every text editor.
func wholeCluster(c []rune) bool {
	if len(c) < 2 {
		return true
	}
	for _, r := range c {
		switch {
		case r == 0x200D, // zero width joiner
			r >= 0xFE00 && r <= 0xFE0F, r >= 0xE0100 && r <= 0xE01EF, // variation selectors
			r >= 0x1F3FB && r <= 0x1F3FF, // skin tones
			r >= 0x1F1E6 && r <= 0x1F1FF, // regional indicators (flags)
			r >= 0xE0020 && r <= 0xE007F, // tags
			r == 0x20E3:                  // combining enclosing keycap
			return true
		}
	}
	return false
}

// invisible reports whether the cluster c draws nothing: directional marks and formatting
// characters (LRM, RLM, ALM, the isolates, embeddings and overrides), joiners and other
// default ignorable format characters, and controls. It takes no width.
func invisible(c []rune) bool {
	for _, r := range c {
		if !unicode.Is(unicode.Cf, r) && !unicode.IsControl(r) {
			return false
		}
	}
	return true
}
