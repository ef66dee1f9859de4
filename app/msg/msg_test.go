package msg

import (
	"strings"
	"testing"

	"github.com/tawsim/tawsim/app/locale"
)

// TestClipKeepsCharactersWhole: a quote cut for the status bar ends between two grapheme
// clusters: a letter keeps its harakat, an emoji sequence stays whole.
func TestClipKeepsCharactersWhole(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{strings.Repeat("ب", 38) + "مُحَمَّد", strings.Repeat("ب", 38) + "…"},
		{strings.Repeat("a", 37) + "🤷🏻‍♀️ and more", strings.Repeat("a", 37) + "…"},
		{strings.Repeat("a", 38) + "🇸🇦🇸🇦", strings.Repeat("a", 38) + "…"},
		{strings.Repeat("ب", 30) + "  " + strings.Repeat("ت", 20), strings.Repeat("ب", 30) + " " + strings.Repeat("ت", 8) + "…"},
		{"short", "short"},
	} {
		if got := Clip(c.text); got != c.want {
			t.Errorf("Clip(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

func TestQuoteAndNumbers(t *testing.T) {
	if got := Quote("  طرابلس \n 12 "); got != "\"\u2068طرابلس 12\u2069\"" {
		t.Errorf("Quote = %q", got)
	}
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 1234567: "1,234,567", -45000: "-45,000"} {
		if got := Thousands(n); got != want {
			t.Errorf("Thousands(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestCountsInBothLanguages: a count takes the plural form its language gives the number
// (Arabic's six among them), with the number in the digits chosen.
func TestCountsInBothLanguages(t *testing.T) {
	defer locale.Set(locale.English)
	defer locale.SetDigits(locale.Western)
	locale.Set(locale.English)
	for n, want := range map[int]string{0: "0 documents", 1: "1 document", 1204: "1,204 documents"} {
		if got := Count("status.documents", "{{.N}} documents", n); got != want {
			t.Errorf("English %d: %q, want %q", n, got, want)
		}
	}
	locale.Set(locale.Arabic)
	for n, want := range map[int]string{0: "لا مستندات", 1: "مستند واحد", 2: "مستندان", 3: "3 مستندات",
		11: "11 مستندًا", 100: "100 مستند", 1204: "1,204 مستندات"} {
		if got := Count("status.documents", "{{.N}} documents", n); got != want {
			t.Errorf("Arabic %d: %q, want %q", n, got, want)
		}
	}
	locale.SetDigits(locale.ArabicIndic)
	if got := Count("status.documents", "{{.N}} documents", 1204); got != "١٬٢٠٤ مستندات" {
		t.Errorf("Arabic-Indic 1204: %q", got)
	}
	if got := Digits("14:02:31"); got != "١٤:٠٢:٣١" {
		t.Errorf("a time in Arabic-Indic digits: %q", got)
	}
	if got := Decimal(0.617, 2); got != "٠٫٦٢" {
		t.Errorf("a fraction in Arabic-Indic digits: %q", got)
	}
	locale.SetDigits(locale.Western)
	if got := Decimal(-0.5, 2); got != "-0.50" {
		t.Errorf("a fraction in Western digits: %q", got)
	}
}

// TestIsolateLatin: runs of Latin words and keys in Arabic text are set apart, with their
// signs and the spaces between their words, and nothing inside isolates already.
func TestIsolateLatin(t *testing.T) {
	const lri, pdi = "\u2066", "\u2069"
	for _, c := range []struct{ in, want string }{
		{"وأيضًا Ctrl+= و Ctrl+- في النافذة.", "وأيضًا " + lri + "Ctrl+=" + pdi + " و " + lri + "Ctrl+-" + pdi + " في النافذة."},
		{"e أو Shift+F A N X: دليل", lri + "e" + pdi + " أو " + lri + "Shift+F A N X" + pdi + ": دليل"},
		{"عربية (LANG=ar_…)، وإلا", "عربية (" + lri + "LANG=ar_" + pdi + "…)، وإلا"},
		{"ملف ← استيراد… (Ctrl+I).", "ملف ← استيراد… (" + lri + "Ctrl+I" + pdi + ")."},
		{"حُدّد \"\u2068Apple Inc. 12\u2069\": اضغط 1-4", "حُدّد \"\u2068Apple Inc. 12\u2069\": اضغط " + lri + "1-4" + pdi},
		{"بلا لاتينية", "بلا لاتينية"},
	} {
		if got := IsolateLatin(c.in); got != c.want {
			t.Errorf("IsolateLatin(%q)\n = %q\nwant %q", c.in, got, c.want)
		}
	}
}
