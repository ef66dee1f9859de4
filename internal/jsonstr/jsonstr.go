// Package jsonstr writes strings as JSON, quickly: the exports write texts of tens of
// megabytes, and the store writes the span sets of an import, whose texts are Arabic words.
package jsonstr

import (
	"unicode/utf8"

	"github.com/tawsim/tawsim/internal/fastutf8"
)

const hexDigits = "0123456789abcdef"

// Append appends s, valid UTF-8, as a JSON string: raw UTF-8, with '"', '\\', control
// characters, U+2028 and U+2029 escaped, byte for byte what goccy/go-json's Marshal writes
// with HTML escaping off.
func Append(dst []byte, s string) []byte {
	return append(AppendBody(append(dst, '"'), s), '"')
}

// AppendBody appends s as Append does, without the quotes. It skips eight bytes at a time
// while a word holds nothing to escape and no 0xE2 (the lead byte of U+2028 and U+2029),
// which in Arabic text is nearly every word.
func AppendBody(dst []byte, s string) []byte {
	from := 0
	for i := 0; i < len(s); {
		for i+8 <= len(s) && plain(fastutf8.Word(s, i)) {
			i += 8
		}
		end := min(i+8, len(s))
		for i < end && !attention[s[i]] {
			i++
		}
		if i == end {
			continue
		}
		c := s[i]
		if c < utf8.RuneSelf {
			dst = append(dst, s[from:i]...)
			dst = appendEscape(dst, c)
			i++
			from = i
			continue
		}
		// U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
		if i+2 < len(s) && s[i+1] == 0x80 && s[i+2]&^1 == 0xA8 {
			dst = append(dst, s[from:i]...)
			dst = append(dst, `\u202`...)
			dst = append(dst, hexDigits[8+s[i+2]&1])
			i += 3
			from = i
			continue
		}
		i++
	}
	return append(dst, s[from:]...)
}

// attention marks the bytes AppendBody stops at: those it escapes, and 0xE2.
var attention = func() (t [256]bool) {
	for c := range 0x20 {
		t[c] = true
	}
	t['"'], t['\\'], t[0xE2] = true, true, true
	return t
}()

// plain reports whether none of the eight bytes of x is one that attention marks.
func plain(x uint64) bool {
	const ones, high = fastutf8.Ones, fastutf8.High
	below := (x - 0x20*ones) &^ x // marks a byte under 0x20 (exactly when there is one)
	return (below|fastutf8.ZeroBytes(x^'"'*ones)|fastutf8.ZeroBytes(x^'\\'*ones)|fastutf8.ZeroBytes(x^0xE2*ones))&high == 0
}

// appendEscape appends the JSON escape of the ASCII byte c.
func appendEscape(dst []byte, c byte) []byte {
	switch c {
	case '"', '\\':
		return append(dst, '\\', c)
	case '\n':
		return append(dst, '\\', 'n')
	case '\r':
		return append(dst, '\\', 'r')
	case '\t':
		return append(dst, '\\', 't')
	case '\b':
		return append(dst, '\\', 'b')
	case '\f':
		return append(dst, '\\', 'f')
	}
	return append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
}
