package safetext

import (
	"encoding/json"
	"testing"
	"unicode/utf8"
)

func TestEscape(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"PERS", "PERS"},
		{"الجيش الوطني الليبي", "الجيش الوطني الليبي"}, // Arabic prints as it is
		{"Egypt's mediation (الوساطة المصرية) 👍🏽", "Egypt's mediation (الوساطة المصرية) 👍🏽"},
		{"LOC\u202eSREP", `LOC\u202eSREP`},
		{"a\u2066b\u2069\u200e\u200f\u061c", `a\u2066b\u2069\u200e\u200f\u061c`},
		{"news.txt\nfake.txt:1: error", `news.txt\nfake.txt:1: error`},
		{"\x1b[2Jx\tz\r", `\x1b[2Jx\tz\r`},
		{"a\u2028b\u2029c\u200dd", `a\u2028b\u2029c\u200dd`},
		{"bad\xffbyte\xc3", `bad\xffbyte\xc3`},
		{"tag\U000E0041", `tag\U000e0041`},
		{"nbsp\u00a0kept", "nbsp\u00a0kept"},
	} {
		if got := Escape(c.in); got != c.want {
			t.Errorf("Escape(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// FuzzEscape: what Escape returns is valid UTF-8 without a hidden character, and it leaves
// text without one as it is.
func FuzzEscape(f *testing.F) {
	for _, s := range []string{"", "PERS", "طرابلس", "a\u202eb", "x\ny", "\xff\xfe", "\U000E0041"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Escape(s)
		if !utf8.ValidString(got) {
			t.Fatalf("Escape(%q) = %q: invalid UTF-8", s, got)
		}
		for _, r := range got {
			if Hidden(r) {
				t.Fatalf("Escape(%q) = %q holds %U", s, got, r)
			}
		}
		if firstHidden(s) < 0 && got != s {
			t.Fatalf("Escape(%q) = %q changed clean text", s, got)
		}
	})
}

func TestJSON(t *testing.T) {
	in := "{\n  \"name\": \"Egypt\u202e\",\n  \"ar\": \"مصر\",\n  \"tag\": \"x\U000E0041\"\n}\n"
	want := "{\n  \"name\": \"Egypt\\u202e\",\n  \"ar\": \"مصر\",\n  \"tag\": \"x\\udb40\\udc41\"\n}\n"
	if got := string(JSON([]byte(in))); got != want {
		t.Errorf("JSON:\n got %q\nwant %q", got, want)
	}
	clean := []byte(`{"ar":"مصر"}`)
	if got := JSON(clean); &got[0] != &clean[0] {
		t.Error("JSON copied clean data")
	}
}

// FuzzJSON: an encoded string, made safe, decodes to the same string and holds no hidden
// character.
func FuzzJSON(f *testing.F) {
	for _, s := range []string{"", "طرابلس", "a\u202eb", "x\ny", "\U000E0041", "\u007f"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		data, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		safe := JSON(data)
		var back string
		if err := json.Unmarshal(safe, &back); err != nil || back != s {
			t.Fatalf("JSON(%s) = %s decodes to %q, %v", data, safe, back, err)
		}
		for _, r := range string(safe) {
			if Hidden(r) {
				t.Fatalf("JSON(%s) = %s holds %U", data, safe, r)
			}
		}
	})
}
