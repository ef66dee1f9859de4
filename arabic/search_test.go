package arabic

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// found returns the matched texts of p in text, cut by code points.
func found(p Phrase, text string) []string {
	runes := []rune(text)
	var out []string
	for _, m := range p.Find(text) {
		out = append(out, string(runes[m.Start:m.End]))
	}
	return out
}

func TestFindNormalized(t *testing.T) {
	for _, c := range []struct {
		query, text string
		want        []string
	}{
		// hamza forms, either side
		{"أحمد", "قال احمد وإحمد وآحمد وٱحمد", []string{"احمد", "إحمد", "آحمد", "ٱحمد"}},
		{"احمد", "قال أحمد", []string{"أحمد"}},
		{"إلى", "ذهب الى طرابلس", []string{"الى"}},
		// harakat in the text, inside the hit, and in the query
		{"محمد", "وقال مُحَمَّدٌ الفلاحي", []string{"مُحَمَّدٌ"}},
		{"مُحَمَّد", "وقال محمد الفلاحي", []string{"محمد"}},
		// tatweel
		{"محمد", "قال مـحـمـد", []string{"مـحـمـد"}},
		{"مـحمد", "قال محمد", []string{"محمد"}},
		// alef maqsura and yeh, taa marbuta and heh
		{"مصطفى", "قال مصطفي", []string{"مصطفي"}},
		{"مصطفي", "قال مصطفى", []string{"مصطفى"}},
		{"المدينة", "سكان المدينه", []string{"المدينه"}},
		{"المدينه", "سكان المدينة", []string{"المدينة"}},
		// Arabic-Indic digits and the Arabic decimal separator
		{"2019", "عام ٢٠١٩ وعام 2019", []string{"٢٠١٩", "2019"}},
		{"٣٤٫٣", "بلغت 34.3 في المئة", []string{"34.3"}},
		// Latin without regard to case
		{"isis", "تنظيم ISIS وIsis", []string{"ISIS", "Isis"}},
		// whole words only
		{"طرابلس", "طرابلسي وطرابلسية", nil},
		{"جيش", "جيشان", nil},
		// a phrase: words in a row, punctuation between them allowed
		{"الجيش الوطني", "الجيش، الوطني والجيش الوطني والجيش العربي الوطني", []string{"الجيش، الوطني", "الجيش الوطني"}},
		{"الوطني الليبي", "الجيش الوطني الليبي", []string{"الوطني الليبي"}},
		// a format character inside a word is no part of its search form
		{"محمد", "قال مح\u200cمد", []string{"مح\u200cمد"}},
	} {
		if got := found(NewPhrase(c.query, false), c.text); !slices.Equal(got, c.want) {
			t.Errorf("%q in %q: %q, want %q", c.query, c.text, got, c.want)
		}
	}
}

// TestFindProclitics: a query word also matches after proclitics written onto it, and the hit
// begins after them (with their harakat), where an annotator's span of the word begins; the
// article stays in the hit. An exact phrase matches the words as written.
func TestFindProclitics(t *testing.T) {
	for _, c := range []struct {
		query, text string
		want        []string
	}{
		{"طرابلس", "طرابلس وطرابلس بطرابلس فبطرابلس لطرابلس كطرابلس", []string{"طرابلس", "طرابلس", "طرابلس", "طرابلس", "طرابلس", "طرابلس"}},
		{"طرابلس", "وَطرابلس", []string{"طرابلس"}},
		{"طرابلس", "وـطرابلس", []string{"طرابلس"}},
		{"جيش", "جيش الجيش والجيش بالجيش للجيش وللجيش", []string{"جيش", "الجيش", "الجيش", "الجيش", "لجيش", "لجيش"}},
		{"الجيش", "جيش الجيش والجيش بالجيش للجيش وللجيش", []string{"الجيش", "الجيش", "الجيش", "لجيش", "لجيش"}},
		{"الجيش الوطني", "وقال إن والجيش الوطني", []string{"الجيش الوطني"}},
		// only the first word of a phrase takes proclitics
		{"الجيش الوطني", "الجيش والوطني", nil},
		// not two conjunctions, not a preposition before a conjunction
		{"طرابلس", "ووطرابلس بوطرابلس", nil},
		// a word of one letter takes none
		{"ب", "وب ب", []string{"ب"}},
	} {
		if got := found(NewPhrase(c.query, false), c.text); !slices.Equal(got, c.want) {
			t.Errorf("%q in %q: %q, want %q", c.query, c.text, got, c.want)
		}
	}
	if f := ProcliticForms("isis"); f != nil {
		t.Errorf("a Latin word takes proclitics: %+v", f)
	}
	exact := NewPhrase("طرابلس", true)
	if got := found(exact, "طرابلس وطرابلس الطرابلس"); !slices.Equal(got, []string{"طرابلس"}) {
		t.Errorf("exact: %q", got)
	}
	if got := exact.FirstForms(); !slices.Equal(got, []string{"طرابلس"}) {
		t.Errorf("exact forms: %q", got)
	}
}

func TestFindOffsets(t *testing.T) {
	text := "🦠 قال مُحَمَّد: «وَطرابلس» ISIS\u200f 2019"
	got := NewPhrase("طرابلس", false).Find(text)
	runes := []rune(text)
	if len(got) != 1 || string(runes[got[0].Start:got[0].End]) != "طرابلس" {
		t.Fatalf("%+v", got)
	}
	if got[0].Start != utf8.RuneCountInString("🦠 قال مُحَمَّد: «وَ") {
		t.Errorf("start %d", got[0].Start)
	}
	if m := NewPhrase("محمد وطرابلس", false).Find(text); len(m) != 1 || string(runes[m[0].Start:m[0].End]) != "مُحَمَّد: «وَطرابلس" {
		t.Errorf("phrase across punctuation: %+v", m)
	}
}

func TestFindNoOverlap(t *testing.T) {
	if got := found(NewPhrase("في في", false), "في في في في في"); len(got) != 2 {
		t.Errorf("%q", got)
	}
	if got := NewPhrase("، !", false).Find("، !"); got != nil {
		t.Errorf("a query without words found %+v", got)
	}
}

func TestAppendSearchTerms(t *testing.T) {
	got := string(AppendSearchTerms(nil, "قال مُحَمَّد، «وَطرابلس» ـ ISIS ٣٤٫٣ 🦠"))
	if want := "قال محمد وطرابلس isis 34.3 "; got != want {
		t.Errorf("%q, want %q", got, want)
	}
}

// FuzzFind checks what a search relies on for any text: matches lie inside the text, in
// order, without overlapping; the text of each is found again exactly in itself; and an
// exact phrase that matches has its words in a row in the terms the index stores.
func FuzzFind(f *testing.F) {
	for _, s := range []string{"طرابلس", "الجيش الوطني", "قال مُحَمَّد: «وَطرابلس» ISIS ٣٤٫٣", "للجيش", "ب ب ب", "a\x80b"} {
		f.Add(s, "طرابلس")
		f.Add(s, "الجيش")
	}
	f.Fuzz(func(t *testing.T, text, query string) {
		p := NewPhrase(query, false)
		runes := []rune(text)
		prev := 0
		for _, m := range p.Find(text) {
			if m.Start < prev || m.End <= m.Start || m.End > len(runes) {
				t.Fatalf("match %+v after %d in %d code points", m, prev, len(runes))
			}
			prev = m.End
			hit := string(runes[m.Start:m.End])
			if again := NewPhrase(hit, true).Find(hit); len(again) == 0 {
				t.Fatalf("%q (matched by %q) does not find itself", hit, query)
			}
		}
		exact := NewPhrase(query, true)
		if len(exact.Find(text)) > 0 {
			terms := " " + string(AppendSearchTerms(nil, text))
			if !strings.Contains(terms, " "+strings.Join(exact.Words, " ")+" ") {
				t.Fatalf("%q found in %q but not in its terms %q", query, text, terms)
			}
		}
	})
}
