package article

import (
	"slices"
	"unicode"

	"github.com/tawsim/tawsim/arabic/bidi"
)

// Bidi levels come from the Unicode bidirectional algorithm of package arabic/bidi, resolved
// once per paragraph with all their depth (an Arabic quote inside a Latin phrase inside an
// Arabic sentence is at level 3); rules L1 and L2 are applied to each line as it is laid out
// (lineOrder).

// drawnText returns the text that a canvas.Text is given to draw the code points runes, all at
// bidi level level, in visual order.
//
// Fyne's text renderer runs a bidi algorithm of its own on every canvas.Text, as a paragraph
// whose direction is that of its first strong character (left to right without one); it draws
// a right-to-left run reversed, with mirrored glyphs. At an even level, and at an odd level
// when the text holds a right-to-left letter (and, as the layout makes sure, no left-to-right
// letter or number), that is what the text needs, and it is given as it is. A text of
// neutrals alone at an odd level (punctuation, emoji) would be drawn left to right: it is given
// with its grapheme clusters in reverse order and its characters mirrored (rule L4).
func drawnText(runes []rune, level uint8, cl clusterBits, offset int) string {
	if level%2 == 0 || hasRTL(runes) {
		return string(runes)
	}
	out := make([]rune, 0, len(runes))
	for end := len(runes); end > 0; {
		start := cl.start(offset+end-1) - offset
		start = max(start, 0)
		for _, r := range runes[start:end] {
			if m, ok := bidi.Mirror(r); ok {
				r = m
			}
			out = append(out, r)
		}
		end = start
	}
	return string(out)
}

// hasRTL reports whether runes hold a strong right-to-left character (a letter of the Arabic
// or Hebrew script, RLM).
func hasRTL(runes []rune) bool {
	return slices.ContainsFunc(runes, func(r rune) bool {
		c := bidi.ClassOf(r)
		return c == bidi.R || c == bidi.AL
	})
}

// againstLevel reports whether r has a strong or number direction that its level contradicts,
// which only an override (LRO, RLO) does: a letter or a number at an odd level that is not
// right to left, or a right-to-left letter at an even level. Fyne would draw such a character
// in its own direction, so a piece that holds one is drawn cluster by cluster.
func againstLevel(r rune, level uint8) bool {
	switch bidi.ClassOf(r) {
	case bidi.L, bidi.EN, bidi.AN:
		return level%2 == 1
	case bidi.R, bidi.AL:
		return level%2 == 0
	}
	return false
}

// isArabicScript reports whether r is a character of the Arabic script (letters, harakat,
// Arabic-Indic digits, Arabic punctuation).
func isArabicScript(r rune) bool {
	return r >= 0x0600 && r <= 0x06FF || unicode.Is(unicode.Arabic, r)
}
