package arabic

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// isTagChar reports whether r is a tag character U+E0020..U+E007F.
func isTagChar(r rune) bool { return r >= 0xE0020 && r <= 0xE007F }

// checkInvariants checks what every tokenization must keep, whatever the text:
// tokens in order and not overlapping, non-empty, inside the text, Text equal to the text
// between the offsets (counted in code points the way `for range` counts, each invalid
// byte one code point), no white space in a token, no format character at a token's edges
// (but for the closing tag of an emoji tag sequence), and every letter, digit or number,
// indeed every code point that is neither white space nor a format or control character,
// inside some token.
func checkInvariants(t *testing.T, text string, toks []Token) {
	t.Helper()
	// byteAt[k] is the byte offset of code point k, by `for range`; byteAt[n] == len(text).
	var byteAt []int
	var runes []rune
	for i, r := range text {
		byteAt = append(byteAt, i)
		runes = append(runes, r)
	}
	n := len(runes)
	byteAt = append(byteAt, len(text))
	if c := utf8.RuneCountInString(text); c != n {
		t.Fatalf("RuneCountInString = %d, for range counts %d", c, n)
	}
	if conv := []rune(text); len(conv) != n || string(conv) != string(runes) {
		t.Fatalf("[]rune(text) differs from for range")
	}

	covered := make([]bool, n)
	prevEnd := 0
	for i, tk := range toks {
		if tk.Start < prevEnd {
			t.Fatalf("token %d %q starts at %d before the previous end %d", i, tk.Text, tk.Start, prevEnd)
		}
		if tk.Start >= tk.End {
			t.Fatalf("token %d %q is empty: [%d,%d)", i, tk.Text, tk.Start, tk.End)
		}
		if tk.End > n {
			t.Fatalf("token %d %q ends at %d past the text's %d code points", i, tk.Text, tk.End, n)
		}
		if tk.Dir > LTR {
			t.Fatalf("token %d %q has Dir %v", i, tk.Text, tk.Dir)
		}
		if got := text[byteAt[tk.Start]:byteAt[tk.End]]; got != tk.Text {
			t.Fatalf("token %d: text[%d:%d] = %q, Text = %q", i, tk.Start, tk.End, got, tk.Text)
		}
		if c := utf8.RuneCountInString(tk.Text); c != tk.End-tk.Start {
			t.Fatalf("token %d %q: %d code points for [%d,%d)", i, tk.Text, c, tk.Start, tk.End)
		}
		for k := tk.Start; k < tk.End; k++ {
			if unicode.IsSpace(runes[k]) {
				t.Fatalf("token %d %q holds white space %U", i, tk.Text, runes[k])
			}
			covered[k] = true
		}
		first, last := runes[tk.Start], runes[tk.End-1]
		if unicode.Is(unicode.Cf, first) {
			t.Fatalf("token %d %q begins with format character %U", i, tk.Text, first)
		}
		if unicode.Is(unicode.Cf, last) && !(isTagChar(last) && tk.Dir == Neutral) {
			t.Fatalf("token %d %q ends with format character %U", i, tk.Text, last)
		}
		prevEnd = tk.End
	}
	for k, r := range runes {
		if covered[k] {
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsNumber(r) {
			t.Fatalf("letter or number %U at %d is in no token", r, k)
		}
		if !unicode.IsSpace(r) && !unicode.Is(unicode.Cf, r) && !unicode.IsControl(r) {
			t.Fatalf("visible code point %U at %d is in no token", r, k)
		}
	}
}

func FuzzTokenize(f *testing.F) {
	for _, tc := range tokenizeCases {
		f.Add(tc.in)
	}
	for _, s := range []string{
		"\xff", "\xc0\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80", "قال\xd8", "\xd8قال", "12\xff34",
		"ب\u200d\xff", "👨\u200d\xff", "\u064e\u064e", "1\ufe0f", "#\u20e3", "🇱", "🇱🇾🇱",
		"1.\u066b2", "٣٤٫", "a\u00ad", "\u00adb", "🏴\U000E0067", "\U000E007F", "\u0600١٢",
	} {
		f.Add(s)
	}
	f.Add(strings.Join(trickyPieces, ""))
	f.Add(strings.Join(trickyPieces, " "))
	f.Fuzz(func(t *testing.T, s string) {
		checkInvariants(t, s, Tokenize(s))
	})
}

func FuzzNormalize(f *testing.F) {
	for _, tc := range tokenizeCases {
		f.Add(tc.in)
	}
	for _, tc := range normalizeCases {
		f.Add(tc.in)
	}
	f.Add(strings.Join(trickyPieces, ""))
	f.Add("\xff\xfe")
	f.Add("İK\u2126")
	f.Fuzz(func(t *testing.T, s string) {
		n := Normalize(s)
		if !utf8.ValidString(n) {
			t.Fatalf("Normalize(%q) = %q is not valid UTF-8", s, n)
		}
		if nn := Normalize(n); nn != n {
			t.Fatalf("not idempotent: Normalize(%q) = %q, again %q", s, n, nn)
		}
		if utf8.RuneCountInString(n) > utf8.RuneCountInString(s) {
			t.Fatalf("Normalize(%q) = %q is longer", s, n)
		}
	})
}
