package fastutf8

import (
	"os"
	"testing"
	"unicode/utf8"
)

// seedText is the sample article: Arabic with Latin words, digits and punctuation.
func seedText(t testing.TB) string {
	b, err := os.ReadFile("../../seeds/seed-article-tripoli.txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// agree fails unless Valid and ValidString answer as unicode/utf8 does for s.
func agree(t *testing.T, s string) {
	t.Helper()
	if got, want := ValidString(s), utf8.ValidString(s); got != want {
		t.Fatalf("ValidString(%q) = %v, unicode/utf8 says %v", s, got, want)
	}
	if got, want := Valid([]byte(s)), utf8.Valid([]byte(s)); got != want {
		t.Fatalf("Valid(%q) = %v, unicode/utf8 says %v", s, got, want)
	}
}

func TestValidCases(t *testing.T) {
	for _, s := range []string{
		"", "a", "abcdefgh", "abcdefghi", "قال المسماري", "مُحَمَّد 👍🏽 ISIS ٣٤٫٣",
		"\xc2\x80\xc2\x80\xc2\x80\xc2\x80", "\xc2\x80\xc2\x80\xc2\x80\xc2", "\xc2\x80\xc2\x80\xc2\x80\xc2\x80\xc2",
		"abcdefg\xc2\x80", "abcdefg\xc2", "\x80abcdefgh", "abcdefgh\x80", "aaaaaaa\xc0\x80aaaaaa",
		"aaaaaaa\xc1\xbfaaaaaa", "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3", "abcd\xe2\x80\x8fefghijklmn",
		"ab\xed\xa0\x80cdefghijk", "abcdefgh\xf4\x90\x80\x80", "\xdf\xbf\xdf\xbf\xdf\xbf\xdf\xbf\xdf\xbf",
		"\xc2\xc2\x80\x80aaaaaaaa", "aaaaaaa\xc2\x80\x80aaaaaaa", "\x00\x00\x00\x00\x00\x00\x00\x00\xff",
	} {
		agree(t, s)
	}
}

// TestValidEveryByteEverywhere puts each of the 256 bytes at each position of the start of
// the sample article, so every word alignment meets every kind of byte.
func TestValidEveryByteEverywhere(t *testing.T) {
	text := []byte(seedText(t)[:120])
	for at := range text {
		for c := range 256 {
			b := append([]byte(nil), text...)
			b[at] = byte(c)
			agree(t, string(b))
			agree(t, string(b[:at+1]))
		}
	}
}

func FuzzValid(f *testing.F) {
	f.Add(seedText(f))
	f.Add("\xc2\x80\xc2\x80\xc2\x80\xc2")
	f.Add("ab\xed\xa0\x80cdefghijk")
	f.Fuzz(func(t *testing.T, s string) { agree(t, s) })
}

func BenchmarkValidString(b *testing.B) {
	s := seedText(b)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		if !ValidString(s) {
			b.Fatal("the sample article is valid")
		}
	}
}

func BenchmarkUnicodeUTF8(b *testing.B) {
	s := seedText(b)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		if !utf8.ValidString(s) {
			b.Fatal("the sample article is valid")
		}
	}
}
