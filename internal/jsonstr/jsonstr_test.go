package jsonstr

import (
	"encoding/json"
	"testing"
	"unicode/utf8"
)

// FuzzAppend: what Append writes is one JSON string that reads back as s. (The export's
// tests hold it to goccy/go-json's bytes.)
func FuzzAppend(f *testing.F) {
	for _, s := range []string{"", "قال \"هنا\"\n", "\u2028\x01\\", "👍🏽 a\tb", "12345678\x1f"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			t.Skip()
		}
		var back string
		if err := json.Unmarshal(Append([]byte("x"), s)[1:], &back); err != nil || back != s {
			t.Fatalf("Append(%q) reads back as %q, %v", s, back, err)
		}
	})
}
