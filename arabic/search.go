package arabic

import (
	"strings"
	"unicode/utf8"
)

// The words of a text for search are its tokens of letters and its numbers (Tokenize's tokens
// whose Dir is RTL or LTR), each in its search form (Normalize); punctuation, symbols and
// emoji are not words, and a token whose search form is empty (a lone tatweel) is none.
// Search matches words whole and in a row, so that punctuation between two words does not
// part them: "الجيش، الوطني" holds the phrase "الجيش الوطني".

// AppendSearchTerms appends the search form of each word of text to dst, each followed by a
// space, and returns the extended slice: what a search index stores for the text.
func AppendSearchTerms(dst []byte, text string) []byte {
	for _, t := range Tokens(text) {
		if t.Dir == Neutral {
			continue
		}
		n := len(dst)
		dst = appendNormal(dst, t.Text)
		if len(dst) > n {
			dst = append(dst, ' ')
		}
	}
	return dst
}

// appendNormal appends Normalize(s) to dst without making a string.
func appendNormal(dst []byte, s string) []byte {
	for _, r := range s { // an invalid byte comes as U+FFFD, as in Normalize
		if f, keep := fold(r); keep {
			dst = utf8.AppendRune(dst, f)
		}
	}
	return dst
}

// A Phrase is what a search looks for: one word or several in a row, matched in their search
// form (Normalize), as whole words. Unless it is exact, its first word also matches after
// proclitics written onto it (ProcliticForms): "طرابلس" finds "وطرابلس" and "بطرابلس".
type Phrase struct {
	Words []string // the search forms of the query's words, in order
	Exact bool     // no proclitics: every word as written
	forms map[string]int
}

// NewPhrase reads a query: its words (see AppendSearchTerms) in their search form.
func NewPhrase(query string, exact bool) Phrase {
	p := Phrase{Exact: exact}
	for _, t := range Tokens(query) {
		if t.Dir == Neutral {
			continue
		}
		if w := Normalize(t.Text); w != "" {
			p.Words = append(p.Words, w)
		}
	}
	if len(p.Words) > 0 {
		p.forms = map[string]int{p.Words[0]: 0}
		if !exact {
			for _, f := range ProcliticForms(p.Words[0]) {
				if _, ok := p.forms[f.Word]; !ok {
					p.forms[f.Word] = f.Prefix
				}
			}
		}
	}
	return p
}

// FirstForms returns the search forms that the phrase's first word matches in a text, the
// word itself first, then the forms with proclitics unless the phrase is exact.
func (p Phrase) FirstForms() []string {
	if len(p.Words) == 0 {
		return nil
	}
	out := []string{p.Words[0]}
	if !p.Exact {
		for _, f := range ProcliticForms(p.Words[0]) {
			out = append(out, f.Word)
		}
	}
	return out
}

// Form is a word with proclitics written onto it: Prefix is how many letters of Word the
// proclitics take (the article is not counted: it stays with its word).
type Form struct {
	Word   string
	Prefix int
}

// chains are the sequences of one-letter proclitics that Arabic writes onto a word: at most
// one conjunction (و or ف), then at most one preposition (ب ك ل), as in ProcliticSplits.
var chains = []string{"و", "ف", "ب", "ك", "ل", "وب", "وك", "ول", "فب", "فك", "فل"}

// article is the search form of the definite article, which ل contracts: ل + الجيش = للجيش.
const article = "ال"

// ProcliticForms returns the other forms, in their search form, that a word w (itself in
// search form) takes in a text when proclitics are written onto it: each chain of one
// conjunction and one preposition (و ف, then ب ك ل: "وطرابلس", "فبطرابلس"), also with the
// article between them and w when w has none ("الجيش", "والجيش", "بالجيش", and "للجيش", where
// the lam of ل + ال contracts), and, for a w with the article, the contracted form after ل
// ("للجيش", "وللجيش" for "الجيش"). A word of fewer than two letters, or one that does not
// begin with an Arabic letter, has none: its proclitic forms would be mostly other words.
func ProcliticForms(w string) []Form {
	first, _ := utf8.DecodeRuneInString(w)
	if utf8.RuneCountInString(w) < 2 || !isArabicLetter(first) {
		return nil
	}
	hasArticle := strings.HasPrefix(w, article) && utf8.RuneCountInString(w) > 3
	var out []Form
	if !hasArticle {
		out = append(out, Form{article + w, 0})
	}
	for _, c := range chains {
		n := utf8.RuneCountInString(c)
		lam := strings.HasSuffix(c, "ل")
		switch {
		case hasArticle && lam:
			out = append(out, Form{c + strings.TrimPrefix(w, "ا"), n}) // ل + الجيش = للجيش
		case hasArticle:
			out = append(out, Form{c + w, n})
		case lam:
			out = append(out, Form{c + w, n}, Form{c + "ل" + w, n}) // ل + ال + جيش = للجيش
		default:
			out = append(out, Form{c + w, n}, Form{c + article + w, n})
		}
	}
	return out
}

// Match is where a phrase was found in a text: code point offsets, half-open. When the first
// word carries proclitics, Start is after them (and after their harakat), where a span of the
// word would begin.
type Match struct {
	Start, End int
}

// word is one word of a text being searched.
type word struct {
	term       string // search form
	text       string // as written
	start, end int    // code points
}

// Find returns where the phrase is in text, in order and without overlapping; nil for none
// (and for a phrase without words).
func (p Phrase) Find(text string) []Match {
	n := len(p.Words)
	if n == 0 {
		return nil
	}
	var out []Match
	ring := make([]word, n) // the last n words, ring[i%n]
	seen := 0               // words read
	next := 0               // the first word a match may begin at (matches do not overlap)
	for _, t := range Tokens(text) {
		if t.Dir == Neutral {
			continue
		}
		term := Normalize(t.Text)
		if term == "" {
			continue
		}
		ring[seen%n] = word{term, t.Text, t.Start, t.End}
		seen++
		first := seen - n
		if first < next {
			continue
		}
		if m, ok := p.matchAt(ring, first); ok {
			out = append(out, m)
			next = seen
		}
	}
	return out
}

// matchAt reports whether the n words of ring from the first-th word on are the phrase.
func (p Phrase) matchAt(ring []word, first int) (Match, bool) {
	n := len(p.Words)
	for i := 1; i < n; i++ {
		if ring[(first+i)%n].term != p.Words[i] {
			return Match{}, false
		}
	}
	w := ring[first%n]
	prefix, ok := p.forms[w.term]
	if !ok {
		return Match{}, false
	}
	return Match{Start: w.start + skipLetters(w.text, prefix), End: ring[(first+n-1)%n].end}, true
}

// skipLetters returns how many code points of s hold its first n letters (the code points
// that Normalize keeps) and the harakat, tatweel and format characters that follow them.
func skipLetters(s string, n int) int {
	if n == 0 {
		return 0
	}
	cps := 0
	for _, r := range s {
		_, keep := fold(r)
		if keep {
			if n == 0 {
				break
			}
			n--
		}
		cps++
	}
	return cps
}
