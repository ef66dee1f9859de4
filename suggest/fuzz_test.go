package suggest

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/tawsim/tawsim/labels"
)

// checkCounts checks what a reader gave: counts that Tally and NewMatcher take, and errors
// that name a line.
func checkCounts(t *testing.T, counts []Count, tokens []TokenPattern, err error) {
	for _, c := range counts {
		if c.N < 1 || labels.CheckName(c.Label) != nil {
			t.Fatalf("bad count %+v", c)
		}
	}
	entries, terr := Tally(counts, "f")
	if terr != nil {
		t.Fatal(terr)
	}
	if len(entries) != len(uniqueForms(counts)) {
		// every count has a letter or digit, so none is left out
		if len(entries) < len(uniqueForms(counts)) {
			t.Fatalf("Tally left counts out: %d entries of %d texts", len(entries), len(uniqueForms(counts)))
		}
	}
	m, merr := NewMatcher(entries, tokens)
	if merr != nil {
		t.Fatal(merr)
	}
	for _, c := range counts {
		m.MatchAll(c.Text) // every entry is found in its own text, unless punctuation cuts it
	}
	var e *Error
	if err != nil && errors.As(err, &e) && (e.File != "f" || e.Line < 1) {
		t.Fatalf("error without its line: %v", err)
	}
}

// uniqueForms returns the distinct (search form, label) pairs of counts.
func uniqueForms(counts []Count) map[[2]string]bool {
	out := map[[2]string]bool{}
	for _, c := range counts {
		form, _ := searchForm(c.Text, chars())
		out[[2]string{string(form), c.Label}] = true
	}
	return out
}

func FuzzReadGazetteer(f *testing.F) {
	for _, s := range []string{
		"\uFEFF# comment\r\nطرابلس\tLOC\r\n\n  الأمم المتحدة \t ORG \t\nالأردن\tLOC\t3\rx\tY\t2\tz\n",
		"no tab\n\tLOC\nطرابلس\t\n،\tLOC\nطرا\xffبلس\tLOC\na\tL\u200fOC\n",
		"ـَ\tX\n#\tX\n a \t b \t 007 \n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		counts, err := ReadGazetteer(bytes.NewReader(b), "f")
		checkCounts(t, counts, nil, err)
	})
}

func FuzzReadPatterns(f *testing.F) {
	for _, s := range []string{
		"\uFEFF" + `{"label":"ORG","pattern":"الأمم المتحدة"}` + "\r\n\n" + `{"label":"ORG","pattern":[{"lower":"united"},{"TEXT":"Nations"},{}],"id":"un"}`,
		`{"label":"ORG","pattern":[{"POS":"PROPN"},{"lower":{"IN":["a"]}}]}` + "\n" + `{"label":"ORG","pattern":[null]}` + "\nnull\n[1]\n",
		`{"label":"X","pattern":"x"}{"label":"Y"}` + "\n" + `{"label":"X","pattern":[{"orth":"a","text":"b"}]}` + "\n{\"label\":\"\xff\"}",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := ReadPatterns(bytes.NewReader(b), "f")
		for _, tp := range p.Tokens {
			if len(tp.Tokens) == 0 || tp.Source != "f" {
				t.Fatalf("bad token pattern %+v", tp)
			}
		}
		checkCounts(t, p.Phrases, p.Tokens, err)
	})
}

// FuzzMatch checks Match and MatchAll against the brute-force oracle: text, and entries one
// a line.
func FuzzMatch(f *testing.F) {
	f.Add("وبالأمم المتحدة وللأمم المتحدة للاذقية فلطرابلس الطرابلسي", "الأمم المتحدة\nاللاذقية\nطرابلس")
	f.Add("طَرَابُلُسَ طرابـــلسـ isis ISISـ ٢٠١٩.5", "طرابلس\nISIS\n2019")
	f.Add("الأمم\n\nالمتحدة الأمم\u200f \u00a0المتحدة الأمم، المتحدة", "الامم المتحده\nالأمم")
	f.Add("a\xffb \xff ولد", "a\nلد\nد")
	f.Fuzz(func(t *testing.T, text, list string) {
		if len(text) > 400 || len(list) > 200 {
			return
		}
		var entries []Entry
		for _, e := range strings.Split(list, "\n") {
			if _, ok := searchForm(e, chars()); ok {
				entries = append(entries, Entry{Text: e, Label: "L", Source: "s", Score: 1})
			}
		}
		checkMatches(t, text, entries)
	})
}
