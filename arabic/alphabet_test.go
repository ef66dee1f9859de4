package arabic

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// trickyPieces are the pieces that the byte-level fuzzer rarely puts together: joiners,
// marks, tags, regional indicators, modifiers, keycaps, separators between digits, format
// characters and invalid bytes.
var trickyPieces = []string{
	"ب", "ل", "ا", "ـ", "a", "Z", "ש", "\u064e", "\u0651", "\u0670", "\u0301",
	"\u200d", "\u200c", "\u00ad", "\u200f", "\u200e", "\ufeff", "\u061c", "\u2067", "\u0600",
	" ", "\u00a0", "\r\n", "\t", "\x00", "\x7f",
	"0", "9", "٣", "۴", "½", ".", ",", "٫", "٬", "/", "%", "٪", "-", "(", "«", "\"", "…", "#", "*",
	"👍", "🏽", "❤", "\ufe0f", "\u20e3", "👨", "🇱", "🇾", "🏴", "\U000E0067", "\U000E007F", "ℹ", "©",
	"\ufffd", "\xff", "\xd8", "\xe2\x82",
}

func TestTokenizeRandomPieces(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	for range 50000 {
		b.Reset()
		for range 1 + rng.IntN(12) {
			b.WriteString(trickyPieces[rng.IntN(len(trickyPieces))])
		}
		s := b.String()
		checkInvariants(t, s, Tokenize(s))
		if n := Normalize(s); Normalize(n) != n {
			t.Fatalf("Normalize not idempotent on %q", s)
		}
	}
}
