package suggest

import (
	"cmp"
	"fmt"
	"iter"
	"slices"

	"github.com/tawsim/tawsim/labels"
)

// Entry is a text to find, with the label it suggests where it is found.
type Entry struct {
	Text   string  // as the source wrote it; matched through its search form
	Label  string  // the label suggested
	Source string  // where the entry comes from: a file name, "propagation"...
	Score  float64 // in (0, 1]: how sure the source is of the label
}

// Count is how often a text was given a label: a line of a gazetteer, a string pattern, or
// the spans annotators labeled with that text.
type Count struct {
	Text  string
	Label string
	N     int // 1 or more
}

// Suggestion is a label suggested for a span of a text.
type Suggestion struct {
	Start  int    // code point offset in the text, inclusive
	End    int    // code point offset in the text, exclusive
	Text   string // the text between Start and End, as written in the text
	Label  string
	Source string
	Score  float64
}

// Tally turns counts into entries of source, scored the way INCEpTION's string matcher
// scores: a text whose search form got a label n times, out of m times that it got any
// label, suggests that label with the score n/m. A text labeled PERS twice and LOC once
// suggests PERS at 2/3 and LOC at 1/3; equal counts give equal scores, and both labels are
// suggested (Match orders the suggestions of one span by score, then label). The counts of
// texts that share a search form add up ("طرابلس" and "طرابلسَ" are one text); an entry's
// Text is the form written most often for that label (the first in code point order among
// equals). Texts with no letter or digit are left out, since nothing could match them.
// Entries come sorted by search form, then label.
func Tally(counts []Count, source string) ([]Entry, error) {
	t := chars()
	rows := make([]tally, 0, len(counts))
	for _, c := range counts {
		if c.N < 1 {
			return nil, fmt.Errorf("the count of %q as %q is %d, not 1 or more", c.Text, c.Label, c.N)
		}
		if c.Label == "" {
			return nil, fmt.Errorf("%q has no label", c.Text)
		}
		if form, ok := searchForm(c.Text, t); ok {
			rows = append(rows, tally{string(form), c.Label, c.Text, c.N})
		}
	}
	slices.SortFunc(rows, func(a, b tally) int {
		return cmp.Or(cmp.Compare(a.key, b.key), cmp.Compare(a.label, b.label), cmp.Compare(a.text, b.text))
	})
	var out []Entry
	for text := range runs(rows, func(a, b tally) bool { return a.key == b.key }) {
		total := sum(text)
		for label := range runs(text, func(a, b tally) bool { return a.label == b.label }) {
			out = append(out, Entry{Text: mostWritten(label), Label: label[0].label, Source: source,
				Score: float64(sum(label)) / float64(total)})
		}
	}
	return out, nil
}

// tally is one count with the search form of its text.
type tally struct {
	key, label, text string
	n                int
}

// runs yields the runs of rows in which same holds between neighbours.
func runs(rows []tally, same func(a, b tally) bool) iter.Seq[[]tally] {
	return func(yield func([]tally) bool) {
		for i := 0; i < len(rows); {
			j := i + 1
			for j < len(rows) && same(rows[j-1], rows[j]) {
				j++
			}
			if !yield(rows[i:j]) {
				return
			}
			i = j
		}
	}
}

// sum adds the counts of rows up.
func sum(rows []tally) int {
	n := 0
	for _, r := range rows {
		n += r.n
	}
	return n
}

// mostWritten returns the text counted most often in rows, which are sorted by text; the
// first of equals.
func mostWritten(rows []tally) string {
	best, bestN := "", 0
	for same := range runs(rows, func(a, b tally) bool { return a.text == b.text }) {
		if n := sum(same); n > bestN {
			best, bestN = same[0].text, n
		}
	}
	return best
}

// CountSpans counts the entity spans of spans by text and label, one each: what propagation
// is built from.
func CountSpans(spans []labels.Span) []Count {
	var out []Count
	for _, sp := range spans {
		if sp.Kind == labels.KindEntity {
			out = append(out, Count{Text: sp.Text, Label: sp.Label, N: 1})
		}
	}
	return out
}
