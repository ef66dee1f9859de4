package corpus

import (
	stdjson "encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzUnquote: unquote reads a JSON string as encoding/json does, and refuses what it refuses.
func FuzzUnquote(f *testing.F) {
	for _, s := range []string{`"قال\nهنا"`, `"\ud83d\ude00 \u00e9\/\"\\\b\f\r\t"`, `"\ud83d x"`, `"\ud83d\u0041"`,
		`"\uDE00"`, `"a"b"`, `"a` + "\x01" + `"`, `"\x"`, `"\u12"`, `"`, `""`, `"` + "\xff" + `"`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var want string
		werr := stdjson.Unmarshal(b, &want)
		got, ok := unquote(b)
		if ok && (werr != nil || got != want) {
			t.Fatalf("unquote(%q) = %q, encoding/json: %q, %v", b, got, want, werr)
		}
		// Bytes that are not UTF-8 never come here (lines are checked first): they are left to
		// the decoders.
		if !ok && werr == nil && len(b) > 0 && b[0] == '"' && strings.TrimSpace(string(b)) == string(b) && utf8.Valid(b) {
			t.Fatalf("unquote(%q) refused what encoding/json reads as %q", b, want)
		}
	})
}

// TestJSONTextReadsLargeTexts: a text over bigText reads as the decoders read it, escapes
// and all, and a text of the wrong type is refused as before.
func TestJSONTextReadsLargeTexts(t *testing.T) {
	text := strings.Repeat("قال \"هنا\"\n\t\u2028 😀 ", bigText/20)
	raw, _ := stdjson.Marshal(text)
	var got struct {
		Text *jsonText `json:"text"`
	}
	if err := unmarshal([]byte(`{"text":`+string(raw)+`}`), &got); err != nil || got.Text == nil || string(*got.Text) != text {
		t.Fatalf("a large text reads back otherwise: %v", err)
	}
	if err := jsonError(unmarshal([]byte(`{"text":[1]}`), &got), ""); err == nil || err.Error() != "text: got a list, want a string" {
		t.Errorf("a list for a text: %v", err)
	}
}
