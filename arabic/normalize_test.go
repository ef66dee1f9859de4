package arabic

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

var normalizeCases = []struct {
	name, in, want string
}{
	{"shadda+fatha", "م\u064fح\u064eم\u0651\u064eد", "محمد"},
	{"fatha+shadda", "م\u064fح\u064eم\u064e\u0651د", "محمد"},
	{"tanween and sukun", "كتابٌ مُسْلِمٍ", "كتاب مسلم"},
	{"superscript alef", "هٰذا", "هذا"},
	{"tatweel", "مـــحمد", "محمد"},
	{"alef hamza above", "أحمد", "احمد"},
	{"alef hamza below", "إسرائيل", "اسراييل"},
	{"alef madda", "آمال", "امال"},
	{"alef wasla", "ٱلله", "الله"},
	{"alef maqsura", "مستشفى", "مستشفي"},
	{"teh marbuta", "مدرسة", "مدرسه"},
	{"hamza on waw", "مسؤول", "مسوول"},
	{"hamza on yeh", "مسئول", "مسيول"},
	{"farsi yeh and keheh", "ایران کرد", "ايران كرد"},
	{"arabic-indic decimal", "٣٤٫٣", "34.3"},
	{"arabic-indic thousands", "١٬٠٠٠", "1,000"},
	{"extended arabic-indic", "۲۰۱۹", "2019"},
	{"ascii digits", "2019", "2019"},
	{"arabic percent kept", "٥٠٪", "50٪"},
	{"format characters", "\ufeff\u200fطرابلس\u200e\u061c\u200d\u200c\u2067x\u2069", "طرابلسx"},
	{"zwnj inside word", "می\u200cخواهم", "ميخواهم"},
	{"latin lower-cased", "ISIS COVID-19", "isis covid-19"},
	{"greek and cyrillic", "ΑΘΗΝΑ МОСКВА", "αθηνα москва"},
	{"punctuation kept", "«الجيش»، (باسم) …", "«الجيش»، (باسم) …"},
	{"space kept", "a\u00a0b\r\n", "a\u00a0b\r\n"},
	{"invalid byte", "a\xffb", "a\ufffdb"},
	{"empty", "", ""},
	{"sentence", "قال المتحدث إن 25 شخصاً قُتلوا في هجومٍ لتنظيم ISIS يوم ٣ أبريل ٢٠١٩.", "قال المتحدث ان 25 شخصا قتلوا في هجوم لتنظيم isis يوم 3 ابريل 2019."},
}

func TestNormalize(t *testing.T) {
	for _, tc := range normalizeCases {
		t.Run(tc.name, func(t *testing.T) {
			if got := Normalize(tc.in); got != tc.want {
				t.Errorf("Normalize(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if got := Normalize(tc.want); got != tc.want {
				t.Errorf("Normalize(%q) = %q, not a fixed point", tc.want, got)
			}
		})
	}
}

func TestNormalizeNoChangeNoAlloc(t *testing.T) {
	s := "قال المتحدث ان 25 شخصا قتلوا في هجوم لتنظيم isis."
	if Normalize(s) != s {
		t.Fatal("changed a normalized string")
	}
	if a := testing.AllocsPerRun(100, func() { Normalize(s) }); a != 0 {
		t.Errorf("%v allocations for a string that does not change", a)
	}
}

// TestNormalizeNFCNFD checks that composed and decomposed Arabic normalize alike, for every
// code point of the Arabic blocks and for words whose harakat come in either order.
func TestNormalizeNFCNFD(t *testing.T) {
	var words []string
	for r := rune(0x0600); r <= 0x08FF; r++ {
		words = append(words, string(r))
	}
	words = append(words, "مُحَمَّد", "م\u064eم\u0651", "م\u0651\u064eم", "أإآؤئۀۂۓ", "سؤال", "رئيس")
	for _, w := range words {
		c, d := Normalize(norm.NFC.String(w)), Normalize(norm.NFD.String(w))
		if c != d {
			t.Errorf("%q: NFC normalizes to %q, NFD to %q", w, c, d)
		}
	}
}

func TestNormalizeSeedArticle(t *testing.T) {
	text := readSeed(t)
	n := Normalize(text)
	if Normalize(n) != n {
		t.Fatal("not idempotent on the seed article")
	}
	for _, s := range []string{"أردوغان", "الأمني", "إلى", "الإخوان", "التركية"} {
		if !strings.Contains(n, Normalize(s)) {
			t.Errorf("normalized article lacks %q (%q)", s, Normalize(s))
		}
	}
	if !strings.Contains(n, "اردوغان") || strings.ContainsAny(n, "أإآىة") {
		t.Error("alef variants, alef maqsura or teh marbuta left in the normalized article")
	}
}
