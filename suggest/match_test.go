package suggest

import (
	"fmt"
	"strings"
	"sync"
	"testing"
)

// matcherOf builds a matcher of entries written "TEXT=LABEL", from source "g" with score 1.
func matcherOf(t testing.TB, entries ...string) *Matcher {
	t.Helper()
	var es []Entry
	for _, e := range entries {
		text, label, _ := strings.Cut(e, "=")
		es = append(es, Entry{Text: text, Label: label, Source: "g", Score: 1})
	}
	m, err := NewMatcher(es, nil)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// tallied builds a matcher of counts of source, scored by Tally, and token patterns.
func tallied(t testing.TB, counts []Count, source string, patterns ...TokenPattern) *Matcher {
	t.Helper()
	entries, err := Tally(counts, source)
	if err != nil {
		t.Fatal(err)
	}
	m, err := NewMatcher(entries, patterns)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// show writes suggestions as `[start,end) "text" LABEL` lines (the score when not 1), for comparison.
func show(ss []Suggestion) string {
	var b strings.Builder
	for _, s := range ss {
		fmt.Fprintf(&b, "[%d,%d) %q %s", s.Start, s.End, s.Text, s.Label)
		if s.Score != 1 {
			fmt.Fprintf(&b, " %.2f", s.Score)
		}
		b.WriteString("\n")
	}
	return b.String()
}

func TestMatchArabic(t *testing.T) {
	for _, c := range []struct {
		name    string
		entries []string
		text    string
		want    string // show(Match(text)), lines joined by "; "
	}{
		{"hamza on alef in the text", []string{"الامم المتحدة=ORG"}, "دعت الأمم المتحدة", `[4,17) "الأمم المتحدة" ORG`},
		{"hamza on alef in the entry", []string{"إسطنبول=LOC"}, "في اسطنبول", `[3,10) "اسطنبول" LOC`},
		{"madda and wasla", []string{"آمنة=PERS", "ٱلقدس=LOC"}, "امنة في القدس", `[0,4) "امنة" PERS; [8,13) "القدس" LOC`},
		{"harakat in the text, the last one in the span", []string{"طرابلس=LOC"}, "في طَرَابُلُسَ اليوم", `[3,14) "طَرَابُلُسَ" LOC`},
		{"harakat in the entry", []string{"مُحَمَّد=PERS"}, "قال محمد", `[4,8) "محمد" PERS`},
		{"tatweel inside and after a word", []string{"طرابلس=LOC"}, "طرابـــلسـ", `[0,10) "طرابـــلسـ" LOC`},
		{"alef maqsura and yeh", []string{"مصطفى=PERS", "مستشفي=LOC"}, "مصطفي ومستشفى", `[0,5) "مصطفي" PERS; [7,13) "مستشفى" LOC`},
		{"a function word keeps its ى", []string{"علي=PERS", "إلى=X"}, "على علي وعلى الي إلى", `[4,7) "علي" PERS; [17,20) "إلى" X`},
		{"teh marbuta and heh", []string{"القاهرة=LOC"}, "في القاهره", `[3,10) "القاهره" LOC`},
		{"two proclitics and the article", []string{"الأمم المتحدة=ORG"}, "وبالأمم المتحدة", `[2,15) "الأمم المتحدة" ORG`},
		{"the proclitic ل drops the alef", []string{"الأمم المتحدة=ORG"}, "للأمم المتحدة", `[1,13) "لأمم المتحدة" ORG`},
		{"و then ل before the article", []string{"الأمم المتحدة=ORG"}, "وللأمم المتحدة", `[2,14) "لأمم المتحدة" ORG`},
		{"ل before an article and ل", []string{"اللاذقية=LOC"}, "للاذقية", `[1,7) "لاذقية" LOC`},
		{"only ل drops the alef", []string{"الأمم المتحدة=ORG"}, "بلأمم المتحدة لأمم المتحدة", ""},
		{"ف then ل", []string{"طرابلس=LOC"}, "فلطرابلس", `[2,8) "طرابلس" LOC`},
		{"harakat of the proclitics stay out", []string{"الأمم المتحدة=ORG"}, "وَبِالأُمَمِ المُتَّحِدَةِ", `[4,26) "الأُمَمِ المُتَّحِدَةِ" ORG`},
		{"not inside a longer word", []string{"طرابلس=LOC"}, "الطرابلسي طرابلسي ستطرابلس", ""},
		{"the article is no proclitic", []string{"طرابلس=LOC"}, "الطرابلس", ""},
		{"not two conjunctions", []string{"طرابلس=LOC"}, "وفطرابلس", ""},
		{"Latin without case", []string{"ISIS=ORG", "united nations=ORG"}, "isis and the United  Nations", `[0,4) "isis" ORG; [13,28) "United  Nations" ORG`},
		{"a tatweel after Latin is a token of its own", []string{"ISIS=ORG"}, "ISISـ", `[0,4) "ISIS" ORG`},
		{"Latin glued to Arabic is two tokens", []string{"ISIS=ORG"}, "وISIS", `[1,5) "ISIS" ORG`},
		{"at the very start and end", []string{"طرابلس=LOC"}, "طرابلس", `[0,6) "طرابلس" LOC`},
		{"adjacent matches", []string{"طرابلس=LOC", "بنغازي=LOC"}, "طرابلس بنغازي", `[0,6) "طرابلس" LOC; [7,13) "بنغازي" LOC`},
		{"the longest of one start", []string{"الأمم=ORG", "الأمم المتحدة=ORG"}, "الأمم المتحدة", `[0,13) "الأمم المتحدة" ORG`},
		{"the leftmost of overlaps", []string{"جامعة الدول=ORG", "الدول العربية=ORG"}, "جامعة الدول العربية", `[0,11) "جامعة الدول" ORG`},
		{"any white space between words", []string{"الأمم المتحدة=ORG"}, "الأمم \u00a0\n\tالمتحدة", `[0,16) "الأمم \u00a0\n\tالمتحدة" ORG`},
		{"not across a blank line", []string{"الأمم المتحدة=ORG"}, "الأمم\n\nالمتحدة", ""},
		{"not across punctuation", []string{"الأمم المتحدة=ORG"}, "الأمم، المتحدة", ""},
		{"an RLM between the words", []string{"الأمم المتحدة=ORG"}, "الأمم\u200f المتحدة", `[0,14) "الأمم\u200f المتحدة" ORG`},
		{"Arabic-Indic digits", []string{"مباراة 2019=MISC"}, "مباراة ٢٠١٩.", `[0,11) "مباراة ٢٠١٩" MISC`},
		{"a number does not end inside a number", []string{"2019=MISC"}, "20190 2019.5", ""},
		{"punctuation in the entry", []string{"د. أحمد=PERS"}, "قال د. أحمد", `[4,11) "د. أحمد" PERS`},
		{"a proclitic leaves two letters at least", []string{"د=X"}, "ولد", ""},
		{"a proclitic is an offer, not a word's analysis", []string{"لد=X"}, "ولد", `[1,3) "لد" X`},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := matcherOf(t, c.entries...)
			got := strings.ReplaceAll(strings.TrimSuffix(show(m.Match(c.text)), "\n"), "\n", "; ")
			if got != c.want {
				t.Errorf("Match(%q)\n got %s\nwant %s", c.text, got, c.want)
			}
		})
	}
}

func TestMatchLabelsOfOneSpan(t *testing.T) {
	m := tallied(t, []Count{{"الأردن", "LOC", 2}, {"الاردن", "PERS", 1}, {"الأردن", "ORG", 1}}, "p")
	want := "[3,9) \"الأردن\" LOC 0.50\n[3,9) \"الأردن\" ORG 0.25\n[3,9) \"الأردن\" PERS 0.25\n"
	if got := show(m.Match("في الأردن")); got != want {
		t.Errorf("got\n%swant\n%s", got, want)
	}
}

func TestMatchAllOverlapping(t *testing.T) {
	m := matcherOf(t, "الأمم=ORG", "الأمم المتحدة=ORG", "المتحدة=MISC")
	got := show(m.MatchAll("الأمم المتحدة"))
	want := "[0,13) \"الأمم المتحدة\" ORG\n[0,5) \"الأمم\" ORG\n[6,13) \"المتحدة\" MISC\n"
	if got != want {
		t.Errorf("got\n%swant\n%s", got, want)
	}
}

func TestMatchConcurrently(t *testing.T) {
	d := newBenchData(t, 2000, 40)
	m, err := NewMatcher(d.entries, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := make([]string, len(d.articles))
	for i, a := range d.articles {
		want[i] = show(m.Match(a))
	}
	if strings.Count(strings.Join(want, ""), "\n") < 100 {
		t.Fatal("the articles hold too few matches to test anything")
	}
	errs := make(chan string, 4)
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for k := range 3 * len(d.articles) {
				i := (k + g*7) % len(d.articles)
				if got := show(m.Match(d.articles[i])); got != want[i] {
					errs <- fmt.Sprintf("article %d differs when matched at once with others", i)
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
