package arabic

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// tok is an expected token.
type tok struct {
	text       string
	start, end int
	dir        Dir
}

var tokenizeCases = []struct {
	name string
	in   string
	want []tok
}{
	{"tatweel then number", "بـ34.3", []tok{{"بـ", 0, 2, RTL}, {"34.3", 2, 6, LTR}}},
	{"letter joined to digits", "ب34", []tok{{"ب", 0, 1, RTL}, {"34", 1, 3, LTR}}},
	{"brackets", "(باسم الجيش)", []tok{{"(", 0, 1, Neutral}, {"باسم", 1, 5, RTL}, {"الجيش", 6, 11, RTL}, {")", 11, 12, Neutral}}},
	{"latin word", "ISIS", []tok{{"ISIS", 0, 4, LTR}}},
	{"arabic-indic decimal", "٣٤٫٣", []tok{{"٣٤٫٣", 0, 4, LTR}}},
	{"arabic-indic thousands", "١٬٠٠٠", []tok{{"١٬٠٠٠", 0, 5, LTR}}},
	{"extended arabic-indic", "۲۰۱۹", []tok{{"۲۰۱۹", 0, 4, LTR}}},
	{"year", "2019", []tok{{"2019", 0, 4, LTR}}},
	{"year then full stop", "2019.", []tok{{"2019", 0, 4, LTR}, {".", 4, 5, Neutral}}},
	{"leading dot", ".5", []tok{{".", 0, 1, Neutral}, {"5", 1, 2, LTR}}},
	{"thousands", "1,000", []tok{{"1,000", 0, 5, LTR}}},
	{"thousands and decimals", "1,000,000.5", []tok{{"1,000,000.5", 0, 11, LTR}}},
	{"list comma", "1, 2", []tok{{"1", 0, 1, LTR}, {",", 1, 2, Neutral}, {"2", 3, 4, LTR}}},
	{"date with dots", "12.05.2019", []tok{{"12.05.2019", 0, 10, LTR}}},
	{"two dots", "1..2", []tok{{"1", 0, 1, LTR}, {".", 1, 2, Neutral}, {".", 2, 3, Neutral}, {"2", 3, 4, LTR}}},
	{"slash splits", "3/4", []tok{{"3", 0, 1, LTR}, {"/", 1, 2, Neutral}, {"4", 2, 3, LTR}}},
	{"sign", "-5", []tok{{"-", 0, 1, Neutral}, {"5", 1, 2, LTR}}},
	{"covid", "COVID-19", []tok{{"COVID", 0, 5, LTR}, {"-", 5, 6, Neutral}, {"19", 6, 8, LTR}}},
	{"apostrophe", "don't", []tok{{"don", 0, 3, LTR}, {"'", 3, 4, Neutral}, {"t", 4, 5, LTR}}},
	{"script change", "ISISداعش", []tok{{"ISIS", 0, 4, LTR}, {"داعش", 4, 8, RTL}}},
	{"rlm before comma", "طرابلس\u200f، سرت", []tok{{"طرابلس", 0, 6, RTL}, {"،", 7, 8, Neutral}, {"سرت", 9, 12, RTL}}},
	{"rlm around comma", "طرابلس\u200f،\u200f سرت", []tok{{"طرابلس", 0, 6, RTL}, {"،", 7, 8, Neutral}, {"سرت", 10, 13, RTL}}},
	{"rlm inside word splits", "طرا\u200fبلس", []tok{{"طرا", 0, 3, RTL}, {"بلس", 4, 7, RTL}}},
	{"lrm around latin", "\u200eISIS\u200e", []tok{{"ISIS", 1, 5, LTR}}},
	{"bom", "\ufeffقال", []tok{{"قال", 1, 4, RTL}}},
	{"alm", "\u061c25", []tok{{"25", 1, 3, LTR}}},
	{"isolates", "\u2067ISIS\u2069 قال", []tok{{"ISIS", 1, 5, LTR}, {"قال", 7, 10, RTL}}},
	{"zwnj inside word", "می\u200cخواهم", []tok{{"می\u200cخواهم", 0, 8, RTL}}},
	{"zwj at word end", "ب\u200d ت", []tok{{"ب", 0, 1, RTL}, {"ت", 3, 4, RTL}}},
	{"zwj between scripts", "ب\u200da", []tok{{"ب", 0, 1, RTL}, {"a", 2, 3, LTR}}},
	{"soft hyphen inside word", "co\u00adoperate", []tok{{"co\u00adoperate", 0, 10, LTR}}},
	{"harakat shadda+fatha", "م\u064fح\u064eم\u0651\u064eد", []tok{{"م\u064fح\u064eم\u0651\u064eد", 0, 8, RTL}}},
	{"harakat fatha+shadda", "م\u064fح\u064eم\u064e\u0651د", []tok{{"م\u064fح\u064eم\u064e\u0651د", 0, 8, RTL}}},
	{"harakat in a sentence", "قال مُحَمَّدٌ،", []tok{{"قال", 0, 3, RTL}, {"مُحَمَّدٌ", 4, 13, RTL}, {"،", 13, 14, Neutral}}},
	{"lone mark", " \u064eمحمد", []tok{{"\u064e", 1, 2, Neutral}, {"محمد", 2, 6, RTL}}},
	{"tatweel", "مـــحمد", []tok{{"مـــحمد", 0, 7, RTL}}},
	{"emoji", "👍🏽 رائع ❤️ 👨‍👩‍👧", []tok{{"👍🏽", 0, 2, Neutral}, {"رائع", 3, 7, RTL}, {"❤️", 8, 10, Neutral}, {"👨‍👩‍👧", 11, 16, Neutral}}},
	{"emoji touching words", "رائع👍ISIS", []tok{{"رائع", 0, 4, RTL}, {"👍", 4, 5, Neutral}, {"ISIS", 5, 9, LTR}}},
	{"two emoji", "😀😀", []tok{{"😀", 0, 1, Neutral}, {"😀", 1, 2, Neutral}}},
	{"flags", "🇱🇾🇹🇷", []tok{{"🇱🇾", 0, 2, Neutral}, {"🇹🇷", 2, 4, Neutral}}},
	{"keycap", "1️⃣2", []tok{{"1️⃣", 0, 3, Neutral}, {"2", 3, 4, LTR}}},
	{"tag flag", "🏴\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F", []tok{{"🏴\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F", 0, 7, Neutral}}},
	{"zwj after emoji without a part", "👍\u200d a", []tok{{"👍", 0, 1, Neutral}, {"a", 3, 4, LTR}}},
	{"crlf", "سطر\r\nسطر", []tok{{"سطر", 0, 3, RTL}, {"سطر", 5, 8, RTL}}},
	{"nbsp", "25\u00a0شخصا", []tok{{"25", 0, 2, LTR}, {"شخصا", 3, 7, RTL}}},
	{"tabs and ideographic space", "\tا\u3000ب\n", []tok{{"ا", 1, 2, RTL}, {"ب", 3, 4, RTL}}},
	{"guillemets", "«الجيش»", []tok{{"«", 0, 1, Neutral}, {"الجيش", 1, 6, RTL}, {"»", 6, 7, Neutral}}},
	{"percent", "50%", []tok{{"50", 0, 2, LTR}, {"%", 2, 3, Neutral}}},
	{"arabic percent", "٥٠٪", []tok{{"٥٠", 0, 2, LTR}, {"٪", 2, 3, Neutral}}},
	{"ellipsis", "انتهى…", []tok{{"انتهى", 0, 5, RTL}, {"…", 5, 6, Neutral}}},
	{"three dots", "...", []tok{{".", 0, 1, Neutral}, {".", 1, 2, Neutral}, {".", 2, 3, Neutral}}},
	{"arabic question mark", "لماذا؟", []tok{{"لماذا", 0, 5, RTL}, {"؟", 5, 6, Neutral}}},
	{"quotes", "\"داعش\"", []tok{{"\"", 0, 1, Neutral}, {"داعش", 1, 5, RTL}, {"\"", 5, 6, Neutral}}},
	{"invalid byte", "a\xffb", []tok{{"a", 0, 1, LTR}, {"\xff", 1, 2, Neutral}, {"b", 2, 3, LTR}}},
	{"truncated sequence", "\xe2\x82", []tok{{"\xe2", 0, 1, Neutral}, {"\x82", 1, 2, Neutral}}},
	{"replacement char", "\ufffd", []tok{{"\ufffd", 0, 1, Neutral}}},
	{"empty", "", nil},
	{"only space", " \u00a0\r\n\u200f", nil},
	{"sentence", "قال المتحدث (باسم الجيش) إن 25 شخصا قتلوا في هجوم لتنظيم ISIS يوم 3 أبريل 2019.", []tok{
		{"قال", 0, 3, RTL}, {"المتحدث", 4, 11, RTL}, {"(", 12, 13, Neutral}, {"باسم", 13, 17, RTL},
		{"الجيش", 18, 23, RTL}, {")", 23, 24, Neutral}, {"إن", 25, 27, RTL}, {"25", 28, 30, LTR},
		{"شخصا", 31, 35, RTL}, {"قتلوا", 36, 41, RTL}, {"في", 42, 44, RTL}, {"هجوم", 45, 49, RTL},
		{"لتنظيم", 50, 56, RTL}, {"ISIS", 57, 61, LTR}, {"يوم", 62, 65, RTL}, {"3", 66, 67, LTR},
		{"أبريل", 68, 73, RTL}, {"2019", 74, 78, LTR}, {".", 78, 79, Neutral},
	}},
}

func TestTokenize(t *testing.T) {
	for _, tc := range tokenizeCases {
		t.Run(tc.name, func(t *testing.T) {
			got := Tokenize(tc.in)
			checkInvariants(t, tc.in, got)
			if !sameTokens(got, tc.want) {
				t.Errorf("Tokenize(%q)\n got %s\nwant %s", tc.in, fmtTokens(got), fmtWant(tc.want))
			}
		})
	}
}

// TestHarakatOrder checks that the two orders of shadda and fatha give the same boundaries.
func TestHarakatOrder(t *testing.T) {
	a := Tokenize("قال م\u064fح\u064eم\u0651\u064eد، 25")
	b := Tokenize("قال م\u064fح\u064eم\u064e\u0651د، 25")
	if len(a) != len(b) {
		t.Fatalf("token counts differ: %s vs %s", fmtTokens(a), fmtTokens(b))
	}
	for i := range a {
		if a[i].Start != b[i].Start || a[i].End != b[i].End || a[i].Dir != b[i].Dir {
			t.Errorf("token %d differs: %+v vs %+v", i, a[i], b[i])
		}
	}
}

func TestDirString(t *testing.T) {
	for d, want := range map[Dir]string{Neutral: "Neutral", RTL: "RTL", LTR: "LTR", Dir(7): "Dir(7)"} {
		if got := d.String(); got != want {
			t.Errorf("Dir(%d).String() = %q, want %q", d, got, want)
		}
	}
}

func readSeed(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile("testdata/seed-article-tripoli.txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestSeedArticle(t *testing.T) {
	text := readSeed(t)
	toks := Tokenize(text)
	checkInvariants(t, text, toks)
	if len(toks) < 400 {
		t.Fatalf("only %d tokens", len(toks))
	}

	// find returns the index of the first run of tokens with the given texts, adjacent in
	// the text (each Start == previous End), or -1.
	find := func(texts ...string) int {
	outer:
		for i := 0; i+len(texts) <= len(toks); i++ {
			for j, s := range texts {
				if toks[i+j].Text != s || (j > 0 && toks[i+j].Start != toks[i+j-1].End) {
					continue outer
				}
			}
			return i
		}
		return -1
	}
	for _, run := range [][]string{
		{"166"},
		{"72"},
		{"27"},
		{"\"", "داعش", "\""},
		{"نوفمبر", "/", "تشرين"},
		{"ليبيا", "،"},
		{"الوفاق", "."},
		{"المسلمين", "."},
		{"المقبلة", "\"", "."},
	} {
		if find(run...) < 0 {
			t.Errorf("no adjacent tokens %q in the seed article", run)
		}
	}
	if i := find("166"); i >= 0 && toks[i].Dir != LTR {
		t.Errorf("166 has Dir %v", toks[i].Dir)
	}
	if i := find("و", "\"", "جبهة"); i < 0 {
		t.Errorf("و\"جبهة not split into و, \", جبهة")
	}
	// The headline (8 words), then the dateline of the first paragraph.
	for i, want := range []string{"تقهقر", "الميليشيات", "في", "طرابلس", "مع", "تقدم", "الجيش", "الليبي", "طرابلس", "-"} {
		if toks[i].Text != want {
			t.Errorf("token %d = %q, want %q", i, toks[i].Text, want)
		}
	}
	// Every RTL token is made of Arabic letters only; every LTR token here is a number.
	for _, tk := range toks {
		for _, r := range tk.Text {
			switch tk.Dir {
			case RTL:
				if !unicode.Is(unicode.Arabic, r) || !unicode.IsLetter(r) {
					t.Errorf("RTL token %q holds %U", tk.Text, r)
				}
			case LTR:
				if !unicode.IsDigit(r) {
					t.Errorf("LTR token %q holds %U", tk.Text, r)
				}
			case Neutral:
				if utf8.RuneCountInString(tk.Text) != 1 || !(unicode.IsPunct(r) || unicode.IsSymbol(r)) {
					t.Errorf("Neutral token %q", tk.Text)
				}
			}
		}
	}
}

func TestTokenizeCRLFArticle(t *testing.T) {
	// The same article with CRLF line ends, a BOM and RLMs gives the same token texts.
	text := readSeed(t)
	want := Tokenize(text)
	messy := "\ufeff" + strings.ReplaceAll(strings.ReplaceAll(text, "\n", "\r\n"), "،", "\u200f،")
	got := Tokenize(messy)
	checkInvariants(t, messy, got)
	if len(got) != len(want) {
		t.Fatalf("%d tokens, want %d", len(got), len(want))
	}
	for i := range got {
		if got[i].Text != want[i].Text || got[i].Dir != want[i].Dir {
			t.Fatalf("token %d = %q %v, want %q %v", i, got[i].Text, got[i].Dir, want[i].Text, want[i].Dir)
		}
	}
}

func TestTokenizeDeterministic(t *testing.T) {
	text := readSeed(t)
	a, b := Tokenize(text), Tokenize(text)
	if !sameTokenSlices(a, b) {
		t.Fatal("two runs differ")
	}
}

func sameTokenSlices(a, b []Token) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func sameTokens(got []Token, want []tok) bool {
	if len(got) != len(want) {
		return false
	}
	for i, w := range want {
		g := got[i]
		if g.Text != w.text || g.Start != w.start || g.End != w.end || g.Dir != w.dir {
			return false
		}
	}
	return true
}

func fmtTokens(ts []Token) string {
	var b strings.Builder
	for _, t := range ts {
		b.WriteString(fmtTok(t.Text, t.Start, t.End, t.Dir))
	}
	return b.String()
}

func fmtWant(ts []tok) string {
	var b strings.Builder
	for _, t := range ts {
		b.WriteString(fmtTok(t.text, t.start, t.end, t.dir))
	}
	return b.String()
}

func fmtTok(s string, start, end int, d Dir) string {
	return fmt.Sprintf("{%q %d-%d %v} ", s, start, end, d)
}
