package suggest

import (
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/tawsim/tawsim/arabic"
)

// charInfo is what matching needs to know of one code point.
type charInfo struct {
	fold  rune // the search form (arabic.Normalize of the code point); unset when fDrop
	flags uint8
}

const (
	fDrop   uint8 = 1 << iota // the search form drops it: harakat, tatweel, format characters
	fSpace                    // white space (unicode.IsSpace)
	fAttach                   // a dropped mark or tatweel: it belongs to the letter before it
)

// charTable caches charInfo for the code points up to the end of General Punctuation (Latin,
// Greek, Cyrillic, Hebrew, Arabic, and the marks, quotes and dashes of news text).
type charTable []charInfo

const tableSize = 0x2070

// chars returns the table, built once from arabic.Normalize so that matching folds exactly as
// the project's search does.
var chars = sync.OnceValue(func() charTable {
	t := make(charTable, tableSize)
	for r := range t {
		t[r] = infoSlow(rune(r))
	}
	return t
})

// at returns the charInfo of r.
func (t charTable) at(r rune) charInfo {
	if r >= 0 && int(r) < len(t) {
		return t[r]
	}
	return infoSlow(r)
}

// infoSlow computes the charInfo of r. arabic.Normalize turns every code point into one code
// point or none.
func infoSlow(r rune) charInfo {
	var c charInfo
	if n := arabic.Normalize(string(r)); n == "" {
		c.flags |= fDrop
		if unicode.IsMark(r) || r == '\u0640' { // harakat, tatweel
			c.flags |= fAttach
		}
	} else {
		c.fold, _ = utf8.DecodeRuneInString(n)
	}
	if unicode.IsSpace(r) {
		c.flags |= fSpace
	}
	return c
}

// searchForm returns the search form of an entry: each code point folded as in texts, the
// dropped ones left out, every run of white space one space and none at either end. ok is
// false when the form holds no letter or digit.
func searchForm(s string, t charTable) (form []rune, ok bool) {
	space := false
	for _, r := range s {
		c := t.at(r)
		switch {
		case c.flags&fSpace != 0:
			space = len(form) > 0
		case c.flags&fDrop != 0:
		default:
			if space {
				form = append(form, ' ')
				space = false
			}
			form = append(form, c.fold)
			ok = ok || unicode.IsLetter(c.fold) || unicode.IsNumber(c.fold)
		}
	}
	return form, ok
}
