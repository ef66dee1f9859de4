package msg

import (
	"strings"
	"testing"
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
	if Plural(1, "file") != "1 file" || Plural(1204, "document") != "1,204 documents" || Plural(0, "span") != "0 spans" {
		t.Errorf("plurals: %q %q %q", Plural(1, "file"), Plural(1204, "document"), Plural(0, "span"))
	}
}
