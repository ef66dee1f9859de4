package bidi

// bracket is one entry of BidiBrackets.txt with canonical equivalents applied, so that
// U+2329 and U+3008 (and U+232A and U+3009) pair with each other in rule N0.
type bracket struct {
	r         rune // the bracket
	canon     rune // its canonical equivalent (itself when it has no decomposition)
	pairCanon rune // the canonical equivalent of its Bidi_Paired_Bracket
	open      bool // Bidi_Paired_Bracket_Type Open (else Close)
}

// asciiBracket holds, for each ASCII code point, its index in bracketTable plus one, or 0.
var asciiBracket = func() (a [128]uint8) {
	for i, b := range bracketTable {
		if b.r < 128 {
			a[b.r] = uint8(i + 1)
		}
	}
	return a
}()

// lookupBracket returns the bracket entry of r, if r is a paired bracket.
func lookupBracket(r rune) (bracket, bool) {
	if r < 128 && r >= 0 {
		if i := asciiBracket[r]; i != 0 {
			return bracketTable[i-1], true
		}
		return bracket{}, false
	}
	if prop(r)&flagBracket == 0 {
		return bracket{}, false
	}
	lo, hi := 0, len(bracketTable)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if bracketTable[m].r < r {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(bracketTable) && bracketTable[lo].r == r {
		return bracketTable[lo], true
	}
	return bracket{}, false
}

// Mirror returns the Bidi_Mirroring_Glyph of r (BidiMirroring.txt): ')' for '(', '»' for
// '«', '≥' for '≤'. A renderer draws the mirror of a character whose resolved level is odd
// (rule L4). The second result is false, and the first is r, when r has no mirroring glyph.
func Mirror(r rune) (rune, bool) {
	if prop(r)&flagMirror == 0 {
		return r, false
	}
	lo, hi := 0, len(mirrorTable)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if mirrorTable[m][0] < r {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(mirrorTable) && mirrorTable[lo][0] == r {
		return mirrorTable[lo][1], true
	}
	return r, false
}
