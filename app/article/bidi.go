package article

import (
	"unicode"

	"golang.org/x/text/unicode/bidi"
)

// Bidi levels as this package uses them. Paragraphs have a right-to-left base direction, so
// right-to-left text sits at level 1 and left-to-right text (Latin words, numbers) at level 2.
const (
	levelRTL uint8 = 1
	levelLTR uint8 = 2
)

// paragraphBase returns the embedding level of a paragraph: right to left for every paragraph,
// since the corpus is Arabic news (docs/DESIGN.md).
func paragraphBase([]rune) uint8 { return levelRTL }

// paragraphLevels returns the embedding level of every code point of one paragraph under the
// Unicode bidirectional algorithm with a right-to-left paragraph direction.
//
// golang.org/x/text's Paragraph.Order reports runs with their direction only, so the levels
// come back as 1 (right to left) and 2 (left to right), which is exact for text without
// explicit embeddings, overrides or isolates (there, deeper nesting is flattened to these two).
// The call is guarded: should the bidi package fail or panic on some input, the paragraph is
// shown in plain right-to-left order.
func paragraphLevels(runes []rune) (levels []uint8) {
	levels = make([]uint8, len(runes))
	for i := range levels {
		levels[i] = levelRTL
	}
	if !needsBidi(runes) {
		return levels
	}
	defer func() {
		if recover() != nil {
			for i := range levels {
				levels[i] = levelRTL
			}
		}
	}()

	// x/text stops a paragraph at its first separator; one that is inside ours (a CR before
	// the LF) becomes a space, which keeps the code point indices aligned.
	clean := make([]rune, len(runes))
	for i, r := range runes {
		if p, _ := bidi.LookupRune(r); p.Class() == bidi.B {
			r = ' '
		}
		clean[i] = r
	}
	var p bidi.Paragraph
	if _, err := p.SetString(string(clean), bidi.DefaultDirection(bidi.RightToLeft)); err != nil {
		return levels
	}
	o, err := p.Order()
	if err != nil {
		return levels
	}
	for i := 0; i < o.NumRuns(); i++ {
		run := o.Run(i)
		if run.Direction() != bidi.LeftToRight {
			continue
		}
		start, end := run.Pos() // end is inclusive
		for j := max(start, 0); j <= end && j < len(levels); j++ {
			levels[j] = levelLTR
		}
	}
	return levels
}

// needsBidi reports whether a right-to-left paragraph holds anything that can take a code point
// off level 1: a left-to-right letter, a number, or an explicit directional formatting code.
// Without one, every character, neutral or not, resolves to the paragraph's direction.
func needsBidi(runes []rune) bool {
	for _, r := range runes {
		p, _ := bidi.LookupRune(r)
		switch p.Class() {
		case bidi.L, bidi.EN, bidi.AN, bidi.LRE, bidi.LRO, bidi.RLE, bidi.RLO, bidi.PDF,
			bidi.LRI, bidi.RLI, bidi.FSI, bidi.PDI:
			return true
		}
	}
	return false
}

// mirrored holds the mirror images (Unicode's Bidi_Mirroring_Glyph) of the characters that are
// not paired brackets, which x/text's bracket table already covers.
var mirrored = map[rune]rune{
	'<': '>', '>': '<', '«': '»', '»': '«', '‹': '›', '›': '‹',
	'≤': '≥', '≥': '≤', '≪': '≫', '≫': '≪', '∈': '∋', '∋': '∈',
	'⁅': '⁆', '⁆': '⁅', '⁽': '⁾', '⁾': '⁽', '₍': '₎', '₎': '₍',
}

// mirror returns the character shown in place of r in a right-to-left run: '(' becomes ')',
// '«' becomes '»', and characters without a mirror image stay as they are.
func mirror(r rune) rune {
	if m, ok := mirrored[r]; ok {
		return m
	}
	if p, _ := bidi.LookupRune(r); p.IsBracket() {
		if rs := []rune(bidi.ReverseString(string(r))); len(rs) == 1 {
			return rs[0]
		}
	}
	return r
}

// displayText returns the characters of a piece as they are drawn: in logical order (the
// shaper lays an Arabic run out right to left itself), mirrored when the piece is right to left.
func displayText(runes []rune, level uint8) string {
	if level%2 == 0 {
		return string(runes)
	}
	out := make([]rune, len(runes))
	for i, r := range runes {
		out[i] = mirror(r)
	}
	return string(out)
}

// isArabicScript reports whether r is a character of the Arabic script (letters, harakat,
// Arabic-Indic digits, Arabic punctuation).
func isArabicScript(r rune) bool {
	return r >= 0x0600 && r <= 0x06FF || unicode.Is(unicode.Arabic, r)
}
