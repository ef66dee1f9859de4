package suggest

import (
	"unicode/utf8"

	"github.com/tawsim/tawsim/arabic"
)

// The edges a match may have, per code point offset of the text.
const (
	eStart uint8 = 1 << iota // a token starts here, or a proclitic split of a token lies here
	eLam                     // the split lies right after the proclitic ل (للأمم: before the second ل)
	eEnd                     // a token ends here
)

// markEdges sets the edges of toks in edges, which is long enough for the last token's end
// and all zero: token starts and ends (arabic.Tokenize), and the splits after proclitics
// that arabic.ProcliticSplits offers in a token, the ones the window offers an annotator.
func markEdges(toks []arabic.Token, edges []uint8, t charTable) {
	for _, tok := range toks {
		edges[tok.Start] |= eStart
		edges[tok.End] |= eEnd
		if tok.Dir != arabic.RTL || !startsWithProclitic(tok.Text) {
			continue
		}
		for _, split := range arabic.ProcliticSplits(tok.Text) {
			edges[tok.Start+split] |= eStart
			if letterBefore(tok.Text, split, t) == 'ل' {
				edges[tok.Start+split] |= eLam
			}
		}
	}
}

// startsWithProclitic reports whether s begins with one of the proclitics و ف ب ل ك.
func startsWithProclitic(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return arabic.IsProclitic(r)
}

// letterBefore returns the last code point of s before code point offset at that the
// search form keeps: the proclitic letter whose harakat or tatweel come just before at.
func letterBefore(s string, at int, t charTable) rune {
	last, i := rune(-1), 0
	for _, r := range s {
		if i == at {
			break
		}
		if t.at(r).flags&fDrop == 0 {
			last = r
		}
		i++
	}
	return last
}
