package arabic

import (
	"unicode"

	"golang.org/x/text/unicode/bidi"
)

// class is the tokenizer's character class of a code point.
type class uint8

const (
	cSpace    class = iota // unicode.IsSpace: separates tokens
	cFormat                // Cf (RLM, LRM, ZWJ, ZWNJ, BOM, ALM, bidi controls...) and non-space Cc: separates tokens
	cRTL                   // letter of a right-to-left script (bidi class R or AL): Arabic, tatweel, Hebrew...
	cLTR                   // any other letter: Latin, Greek, Cyrillic...
	cDigit                 // decimal digit (Nd): ASCII, Arabic-Indic, Extended Arabic-Indic...
	cNumber                // other number (Nl, No): ½, ², Ⅻ
	cMark                  // combining mark (Mn, Mc, Me): harakat, variation selectors, U+20E3
	cSymbol                // punctuation, symbols, private use, unassigned, U+FFFD
	cPicto                 // emoji base (Extended_Pictographic, approximated by ranges)
	cRegional              // regional indicator U+1F1E6..U+1F1FF (flags come in pairs)
	cModifier              // emoji skin tone modifier U+1F3FB..U+1F3FF
	cTag                   // tag character U+E0020..U+E007F (emoji tag sequences)
)

const (
	zwnj = '\u200C' // ZERO WIDTH NON-JOINER
	zwj  = '\u200D' // ZERO WIDTH JOINER
	shy  = '\u00AD' // SOFT HYPHEN
)

// lowTable caches the class of every code point below U+0800 (Latin, Greek, Cyrillic,
// Hebrew, Arabic, Syriac, Thaana, N'Ko), which is where news text spends its time.
var lowTable [0x800]class

func init() {
	for r := range lowTable {
		lowTable[r] = classifySlow(rune(r))
	}
}

// classOf returns the class of r.
func classOf(r rune) class {
	if r >= 0 && r < rune(len(lowTable)) {
		return lowTable[r]
	}
	return classifySlow(r)
}

// classifySlow computes the class of r from the Unicode tables.
func classifySlow(r rune) class {
	switch {
	case unicode.IsSpace(r):
		return cSpace
	case r >= 0xE0020 && r <= 0xE007F:
		return cTag
	case r >= 0x1F1E6 && r <= 0x1F1FF:
		return cRegional
	case r >= 0x1F3FB && r <= 0x1F3FF:
		return cModifier
	case isPictographic(r):
		return cPicto
	case unicode.IsMark(r):
		return cMark
	case unicode.IsLetter(r):
		if isRTL(r) {
			return cRTL
		}
		return cLTR
	case unicode.IsDigit(r):
		return cDigit
	case unicode.IsNumber(r):
		return cNumber
	case unicode.Is(unicode.Cf, r), unicode.IsControl(r):
		return cFormat
	}
	return cSymbol
}

// isRTL reports whether r has the bidi class R or AL.
func isRTL(r rune) bool {
	p, _ := bidi.LookupRune(r)
	c := p.Class()
	return c == bidi.R || c == bidi.AL
}

// pictoRanges approximates Unicode's Extended_Pictographic property (emoji-data.txt), which
// the standard library does not provide. Sorted, inclusive.
var pictoRanges = [][2]rune{
	{0x00A9, 0x00A9}, {0x00AE, 0x00AE}, {0x203C, 0x203C}, {0x2049, 0x2049},
	{0x2122, 0x2122}, {0x2139, 0x2139}, {0x2194, 0x2199}, {0x21A9, 0x21AA},
	{0x231A, 0x231B}, {0x2328, 0x2328}, {0x2388, 0x2388}, {0x23CF, 0x23CF},
	{0x23E9, 0x23F3}, {0x23F8, 0x23FA}, {0x24C2, 0x24C2}, {0x25AA, 0x25AB},
	{0x25B6, 0x25B6}, {0x25C0, 0x25C0}, {0x25FB, 0x25FE}, {0x2600, 0x27BF},
	{0x2934, 0x2935}, {0x2B05, 0x2B07}, {0x2B1B, 0x2B1C}, {0x2B50, 0x2B50},
	{0x2B55, 0x2B55}, {0x3030, 0x3030}, {0x303D, 0x303D}, {0x3297, 0x3297},
	{0x3299, 0x3299}, {0x1F000, 0x1FAFF}, {0x1FC00, 0x1FFFD},
}

// isPictographic reports whether r is an emoji base (see pictoRanges). Regional indicators
// and skin tone modifiers are classified before this is asked.
func isPictographic(r rune) bool {
	if r < 0x00A9 {
		return false
	}
	lo, hi := 0, len(pictoRanges)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		switch {
		case r < pictoRanges[m][0]:
			hi = m
		case r > pictoRanges[m][1]:
			lo = m + 1
		default:
			return true
		}
	}
	return false
}

// isNumberSeparator reports whether r may stand between two digits inside a number:
// '.', ',', U+066B ARABIC DECIMAL SEPARATOR or U+066C ARABIC THOUSANDS SEPARATOR.
func isNumberSeparator(r rune) bool {
	return r == '.' || r == ',' || r == '\u066B' || r == '\u066C'
}

// isArabicLetter reports whether r is a letter of the Arabic script, tatweel excluded.
func isArabicLetter(r rune) bool {
	return r != '\u0640' && unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r)
}
