package palette

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tawsim/tawsim/arabic"
	"github.com/tawsim/tawsim/labels"
)

// Match returns the labels of ls that query names, the best first: a label whose name, or
// the first clause of one of its descriptions (its English or Arabic name: "Person",
// "شخص"), is the query; then those whose name starts with it; then those with a word of
// those clauses that starts with it; then with a word of the descriptions that does; then
// those that hold it anywhere. Labels that match alike keep their order in ls. The query and
// the labels are compared in their search form (arabic.Normalize: case, harakat, alef and
// yeh forms, Arabic-Indic digits), so "شخص", "PERS" and "pers" all find PERS. An empty query
// matches every label.
func Match(ls []labels.Label, query string) []labels.Label {
	q := arabic.Normalize(strings.Join(strings.Fields(query), " "))
	if q == "" {
		return slices.Clone(ls)
	}
	type ranked struct {
		l    labels.Label
		rank int
	}
	var found []ranked
	for _, l := range ls {
		if r := rank(l, q); r >= 0 {
			found = append(found, ranked{l, r})
		}
	}
	slices.SortStableFunc(found, func(a, b ranked) int { return a.rank - b.rank })
	out := make([]labels.Label, len(found))
	for i, f := range found {
		out[i] = f.l
	}
	return out
}

// rank returns how well the search form q names l (0 best), or -1 when it does not.
func rank(l labels.Label, q string) int {
	name := arabic.Normalize(l.Name)
	en, ar := arabic.Normalize(FirstClause(l.DescriptionEn)), arabic.Normalize(FirstClause(l.DescriptionAr))
	desc := arabic.Normalize(l.DescriptionEn + " " + l.DescriptionAr)
	switch {
	case name == q || en == q || ar == q:
		return 0
	case strings.HasPrefix(name, q):
		return 1
	case wordStarts(en, q) || wordStarts(ar, q):
		return 2
	case wordStarts(desc, q):
		return 3
	case strings.Contains(name, q) || strings.Contains(desc, q):
		return 4
	}
	return -1
}

// wordStarts reports whether a word of s (a letter or digit after a character that is
// neither) starts with q.
func wordStarts(s, q string) bool {
	for i := 0; i < len(s); {
		j := strings.Index(s[i:], q)
		if j < 0 {
			return false
		}
		at := i + j
		if r, _ := utf8.DecodeLastRuneInString(s[:at]); at == 0 || !isWordRune(r) {
			return true
		}
		i = at + 1
	}
	return false
}

// isWordRune reports whether r is part of a word: a letter, a mark or a digit.
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r) }

// FirstClause returns a description up to its colon: "Person: the name of…" → "Person"; the
// name a label's description gives it.
func FirstClause(s string) string {
	if i := strings.IndexAny(s, ":;"); i > 0 {
		return strings.TrimSpace(s[:i])
	}
	return strings.TrimSpace(s)
}
