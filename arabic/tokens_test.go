package arabic

import (
	"strings"
	"testing"
)

// FuzzTokens checks that Tokens yields Tokenize's tokens, each at its byte offset, and stops
// when asked to.
func FuzzTokens(f *testing.F) {
	f.Add("قال المتحدث (باسم الجيش) إن 25 شخصا 👍🏽 U.S. ٣٤٫٣", 3)
	f.Add(strings.Join(trickyPieces, " "), 1)
	f.Add("\xff\xfeب", 0)
	f.Fuzz(func(t *testing.T, s string, stop int) {
		want := Tokenize(s)
		i := 0
		for at, tk := range Tokens(s) {
			if i == len(want) || tk != want[i] {
				t.Fatalf("token %d: %+v, want Tokenize's", i, tk)
			}
			if s[at:at+len(tk.Text)] != tk.Text {
				t.Fatalf("token %d %q at byte %d, where the text has %q", i, tk.Text, at, s[at:min(len(s), at+len(tk.Text))])
			}
			i++
		}
		if i != len(want) {
			t.Fatalf("%d tokens, Tokenize gives %d", i, len(want))
		}
		n := 0
		for range Tokens(s) {
			if n++; n == stop {
				break
			}
		}
		if stop > 0 && n != min(stop, len(want)) {
			t.Errorf("stopped after %d tokens, asked to stop at %d", n, stop)
		}
	})
}
