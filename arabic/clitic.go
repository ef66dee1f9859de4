package arabic

import "unicode/utf8"

// IsProclitic reports whether r is one of the one-letter Arabic proclitics و ف ب ل ك
// (the conjunctions wa, fa and the prepositions bi, li, ka).
func IsProclitic(r rune) bool {
	switch r {
	case 'و', 'ف', 'ب', 'ل', 'ك':
		return true
	}
	return false
}

// isConjunction reports whether r is و or ف, the proclitics that may come first in a chain.
func isConjunction(r rune) bool { return r == 'و' || r == 'ف' }

// ProcliticSplits returns the code point offsets inside tok (relative to its start) where a
// span may begin after one or more leading proclitics, in increasing order, or nil when
// there are none or tok does not begin with an Arabic letter.
//
// The chain follows Arabic's order: at most one conjunction (و or ف) then at most one
// preposition (ب ل ك), so "وبالعراق" gives [1 2] ("بالعراق", "العراق"), "بلد" gives [1]
// and "وفد" gives [1]. The article "ال" is not a split point. A split
// lies after the proclitic letter's own harakat and tatweel ("وَبِالعراق" gives [2 4],
// "لـمحمد" gives [2]) and is offered only when at least two Arabic letters (tatweel not
// counted) remain after it. The offsets are offers for the annotator, not a morphological
// analysis: "ولد" (a boy) also gives [1] and "فلسطين" [1 2].
func ProcliticSplits(tok string) []int {
	var out []int
	pos := 0  // code point offset in tok
	step := 0 // 0: nothing taken, 1: a conjunction taken, 2: a preposition taken
	i := 0    // byte offset in tok
	first := true
	for i < len(tok) && step < 2 {
		r, size := utf8.DecodeRuneInString(tok[i:])
		if first && !isArabicLetter(r) {
			return nil
		}
		first = false
		switch {
		case step == 0 && isConjunction(r):
			step = 1
		case IsProclitic(r) && !isConjunction(r):
			step = 2
		default:
			return out
		}
		i += size
		pos++
		// The proclitic keeps its harakat and tatweel.
		for i < len(tok) {
			r, size := utf8.DecodeRuneInString(tok[i:])
			if r != '\u0640' && classOf(r) != cMark {
				break
			}
			i += size
			pos++
		}
		if !atLeastTwoArabicLetters(tok[i:]) {
			return out
		}
		out = append(out, pos)
	}
	return out
}

// atLeastTwoArabicLetters reports whether s holds two Arabic letters or more.
func atLeastTwoArabicLetters(s string) bool {
	n := 0
	for _, r := range s {
		if isArabicLetter(r) {
			n++
			if n == 2 {
				return true
			}
		}
	}
	return false
}
