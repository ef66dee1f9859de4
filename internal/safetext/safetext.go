// Package safetext makes text from the outside safe to print on a terminal: the names that
// project files and corpora hold, file names, and the errors that quote them. A character
// that Hidden reports (a bidi control such as U+202E, which reorders the rest of the line; an
// escape, which drives the terminal; a newline, which starts a line of its own and can fake
// a "FILE:LINE:" of its own) is written as an escape: \u202e, \x1b, \n. So is a byte of
// invalid UTF-8 (\xff). Everything else, Arabic included, is written as it is.
package safetext

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// Hidden reports whether r does not show as itself: a control character (Cc), a format
// character (Cf: the bidi controls U+200E, U+200F, U+202A-U+202E, U+2066-U+2069 and U+061C
// among them, and the zero-width joiners), a line or paragraph separator (Zl, Zp), or a code
// point that is no printable character (a surrogate, private use, unassigned). White space
// other than these (the space, U+00A0...) shows as itself.
func Hidden(r rune) bool { return !unicode.IsGraphic(r) }

// Escape returns s with each hidden character and each byte of invalid UTF-8 written as an
// escape, as Go writes them: \n, \t, \x1b, \u202e, \U000e0001, \xff. Text without any comes
// back as it is, without a copy.
func Escape(s string) string {
	i := firstHidden(s)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteString(`\x`)
			b.WriteString(strconv.FormatUint(uint64(s[i])>>4, 16))
			b.WriteString(strconv.FormatUint(uint64(s[i])&15, 16))
		case Hidden(r):
			q := strconv.QuoteRuneToASCII(r) // '\u202e'
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// firstHidden returns the byte offset of the first hidden character or invalid byte of s,
// or -1 when there is none.
func firstHidden(s string) int {
	for i, r := range s {
		if r < utf8.RuneSelf {
			if r < ' ' || r == 0x7f {
				return i
			}
			continue
		}
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return i
			}
		}
		if Hidden(r) {
			return i
		}
	}
	return -1
}

// JSON returns JSON text with each hidden character that an encoder leaves raw (JSON escapes
// only those below U+0020) written as a \u escape, a surrogate pair above U+FFFF: the same
// JSON value, safe to print. The white space between tokens is left as it is; so is data
// without any hidden character, without a copy.
func JSON(data []byte) []byte {
	i := firstHiddenJSON(data)
	if i < 0 {
		return data
	}
	out := make([]byte, 0, len(data)+12)
	out = append(out, data[:i]...)
	for i < len(data) {
		r, size := utf8.DecodeRune(data[i:])
		if !hiddenInJSON(r) {
			out = append(out, data[i:i+size]...)
			i += size
			continue
		}
		if r > 0xffff {
			r1, r2 := utf16.EncodeRune(r)
			out = appendU(appendU(out, r1), r2)
		} else {
			out = appendU(out, r)
		}
		i += size
	}
	return out
}

// firstHiddenJSON returns the offset of the first character that JSON must escape, or -1.
func firstHiddenJSON(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if hiddenInJSON(r) {
			return i
		}
		i += size
	}
	return -1
}

// hiddenInJSON reports whether r is hidden and an encoder leaves it raw: the controls below
// U+0020 are escaped by the encoder or are the white space between tokens.
func hiddenInJSON(r rune) bool { return r == 0x7f || r >= utf8.RuneSelf && Hidden(r) }

// appendU appends \uXXXX for r (at most U+FFFF).
func appendU(out []byte, r rune) []byte {
	const hex = "0123456789abcdef"
	return append(out, '\\', 'u', hex[r>>12&15], hex[r>>8&15], hex[r>>4&15], hex[r&15])
}
