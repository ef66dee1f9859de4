package suggest

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/tawsim/tawsim/arabic"
	"github.com/tawsim/tawsim/labels"
)

// oracleForm is the search form of s computed the slow way, code point by code point with
// arabic.Normalize: white space runs as one space, or as "\n" when they hold two line breaks.
func oracleForm(s string) string {
	var b strings.Builder
	space, lf, cr := false, 0, 0
	for _, r := range s {
		n := arabic.Normalize(string(r))
		switch {
		case unicode.IsSpace(r):
			space = b.Len() > 0
			lf += boolInt(r == '\n')
			cr += boolInt(r == '\r')
		case n == "":
		default:
			if space {
				b.WriteString(map[bool]string{false: " ", true: "\n"}[lf > 1 || cr > 1])
				space, lf, cr = false, 0, 0
			}
			b.WriteString(n)
		}
	}
	if space {
		b.WriteString(" ") // a span that ends in white space never equals a key
	}
	return b.String()
}

// endsWithMaqsura reports whether the last letter of s, harakat and tatweel aside, is ى.
func endsWithMaqsura(s string) bool {
	s = strings.TrimRightFunc(s, func(r rune) bool { return arabic.Normalize(string(r)) == "" || unicode.IsSpace(r) })
	return strings.HasSuffix(s, "ى")
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// oracle returns every match of entries in text by brute force, sorted as MatchAll sorts:
// each span that starts at a token start or a proclitic split (after ل for an entry that
// begins with ال, written without its alef, or without ال before ل), with a code point kept
// by the search form, and ends at the first token end where its search form is the entry's.
func oracle(text string, entries []Entry) []Suggestion {
	runes := []rune(text) // an invalid byte is one U+FFFD, as everywhere
	toks := arabic.Tokenize(text)
	starts, lamStarts, ends := map[int]bool{}, map[int]bool{}, map[int]bool{}
	for _, tok := range toks {
		starts[tok.Start], ends[tok.End] = true, true
		if tok.Dir != arabic.RTL {
			continue
		}
		for _, sp := range arabic.ProcliticSplits(tok.Text) {
			starts[tok.Start+sp] = true
			k := tok.Start + sp - 1
			for arabic.Normalize(string(runes[k])) == "" {
				k--
			}
			lamStarts[tok.Start+sp] = runes[k] == 'ل'
		}
	}
	var out []Suggestion
	for s := range starts {
		if arabic.Normalize(string(runes[s])) == "" || unicode.IsSpace(runes[s]) {
			continue
		}
		var forms []string // the form of each span from s to a token end, shortest first
		var spanEnds []int
		for end := s + 1; end <= len(runes); end++ {
			if ends[end] {
				forms, spanEnds = append(forms, oracleForm(string(runes[s:end]))), append(spanEnds, end)
			}
		}
		for _, e := range entries {
			want := []string{strings.TrimSuffix(strings.ReplaceAll(oracleForm(e.Text), "\n", " "), " ")}
			if v := strings.TrimPrefix(want[0], "ا"); lamStarts[s] && len(want[0]) > len(v) && strings.HasPrefix(v, "ل") {
				if rest := []rune(v[len("ل"):]); len(rest) >= 2 && isArabicLetter(rest[0]) {
					if rest[0] == 'ل' {
						v = string(rest)
					}
					want = append(want, v)
				}
			}
			if i := slices.IndexFunc(forms, func(f string) bool { return slices.Contains(want, f) }); i >= 0 &&
				(!guarded[want[0]] || endsWithMaqsura(e.Text) == endsWithMaqsura(string(runes[s:spanEnds[i]]))) {
				sub, _ := labels.Slice(text, s, spanEnds[i])
				out = append(out, Suggestion{s, spanEnds[i], sub, e.Label, e.Source, e.Score})
			}
		}
	}
	// One per span, label and source: the highest score.
	best := map[[2]int]map[[2]string]Suggestion{}
	for _, sg := range out {
		k := [2]string{sg.Label, sg.Source}
		if best[[2]int{sg.Start, sg.End}] == nil {
			best[[2]int{sg.Start, sg.End}] = map[[2]string]Suggestion{}
		}
		if old, ok := best[[2]int{sg.Start, sg.End}][k]; !ok || old.Score < sg.Score {
			best[[2]int{sg.Start, sg.End}][k] = sg
		}
	}
	out = out[:0]
	for _, m := range best {
		for _, sg := range m {
			out = append(out, sg)
		}
	}
	slices.SortFunc(out, func(a, b Suggestion) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(b.End, a.End), cmp.Compare(b.Score, a.Score),
			cmp.Compare(a.Label, b.Label), cmp.Compare(a.Source, b.Source))
	})
	return out
}

// checkMatches checks Match and MatchAll of entries in text against the oracle and the rules
// every suggestion keeps, and returns how many MatchAll found.
func checkMatches(t *testing.T, text string, entries []Entry) int {
	t.Helper()
	m, err := NewMatcher(entries, nil)
	if err != nil {
		t.Fatal(err)
	}
	all := m.MatchAll(text)
	for _, s := range all {
		if got, ok := labels.Slice(text, s.Start, s.End); !ok || got != s.Text {
			t.Fatalf("%q: suggestion %+v: the text holds %q there", text, s, got)
		}
	}
	if want := oracle(text, entries); !slices.Equal(all, want) {
		t.Fatalf("MatchAll(%q) of %v\n got %v\nwant %v", text, entries, all, want)
	}
	// Match: leftmost-longest among all, spans that do not overlap.
	var want []Suggestion
	last, start, end := -1, -1, -1
	for _, s := range all {
		switch {
		case s.Start == start && s.End == end:
			want = append(want, s)
		case s.Start >= last:
			want = append(want, s)
			start, end, last = s.Start, s.End, s.End
		}
	}
	if got := m.Match(text); !slices.Equal(got, want) {
		t.Fatalf("Match(%q) of %v\n got %v\nwant %v", text, entries, got, want)
	}
	return len(all)
}

// pieces of random texts and entries: words with and without the article, hamza forms,
// proclitics, harakat, tatweel, Latin, digits, punctuation and the spaces between.
var (
	words      = []string{"الأمم", "لأمم", "الامم", "المتحدة", "المتحده", "طرابلس", "الطرابلسي", "اللاذقية", "لاذقية", "ليبيا", "مصطفى", "مصطفي", "علي", "على", "ولد", "لد", "ISIS", "Isis", "2019", "٢٠١٩", "أحمد", "احمد"}
	proclitics = []string{"", "", "", "و", "ف", "ب", "ل", "ك", "وب", "فل", "ول", "لل", "ال", "وفـ"}
	marks      = []string{"َ", "ُ", "ِ", "ّ", "ـ", "ٰ"}
	gaps       = []string{" ", " ", " ", "  ", "\n", "\n\n", "\u00a0", "، ", ". ", "\u200f ", "\u200c", "", "\xff"}
)

// randomCase returns a text of n words of pieces, with proclitics, harakat and gaps, and
// entries: runs of its own words (as they are before the proclitics and harakat) or others.
func randomCase(r *rand.Rand, n int) (string, []Entry) {
	base := make([]string, n)
	var b strings.Builder
	for i := range base {
		base[i] = words[r.IntN(len(words))]
		if i > 0 {
			b.WriteString(gaps[r.IntN(len(gaps))])
		}
		for _, c := range proclitics[r.IntN(len(proclitics))] + base[i] {
			b.WriteRune(c)
			if r.IntN(6) == 0 {
				b.WriteString(marks[r.IntN(len(marks))])
			}
		}
	}
	var es []Entry
	for range 1 + r.IntN(6) {
		i, k := r.IntN(n), 1+r.IntN(3)
		text := strings.Join(base[i:min(n, i+k)], " ")
		if r.IntN(4) == 0 {
			text = words[r.IntN(len(words))]
		}
		es = append(es, Entry{Text: text, Label: []string{"LOC", "ORG"}[r.IntN(2)], Source: "s", Score: float64(1+r.IntN(4)) / 4})
	}
	return b.String(), es
}

func TestMatchProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(14, 2025))
	n, found := 3000, 0
	if testing.Short() {
		n = 300
	}
	for range n {
		text, entries := randomCase(r, 1+r.IntN(12))
		found += checkMatches(t, text, entries)
	}
	if found < n/2 {
		t.Errorf("%d texts gave %d matches: the texts and entries do not meet enough", n, found)
	}
	t.Logf("%d texts, %d matches", n, found)
}

func TestOracleSeesTheCases(t *testing.T) {
	// The oracle must agree with the cases written out by hand.
	got := fmt.Sprint(oracle("وللأمم المتحدة للاذقية", []Entry{{"الأمم المتحدة", "ORG", "s", 1}, {"اللاذقية", "LOC", "s", 1}}))
	want := fmt.Sprint([]Suggestion{{2, 14, "لأمم المتحدة", "ORG", "s", 1}, {16, 22, "لاذقية", "LOC", "s", 1}})
	if got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
}
