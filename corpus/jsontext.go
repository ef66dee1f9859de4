package corpus

import (
	stdjson "encoding/json"
	"reflect"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/goccy/go-json"
)

// jsonText is a record's text read from JSON. The standard library's decoder, which reads
// the lines of tens of megabytes (unmarshal), unescapes a string with escapes into a buffer
// and then copies that into the string: a text with line breaks cost twice its size on top of
// its line. jsonText unescapes a large one straight into the string.
type jsonText string

// bigText is the size of a JSON string from which jsonText unescapes it itself.
const bigText = 1 << 20

var stringType = reflect.TypeOf("")

// UnmarshalJSON takes a JSON string, as the decoders do.
func (t *jsonText) UnmarshalJSON(b []byte) error {
	if len(b) == 0 || b[0] != '"' {
		kind, _, _ := strings.Cut(jsonValue(b), " ") // as the decoders name it: "number", not "number 5"
		return &stdjson.UnmarshalTypeError{Value: kind, Type: stringType}
	}
	if len(b) >= bigText {
		if s, ok := unquote(b); ok {
			*t = jsonText(s)
			return nil
		}
	}
	return json.Unmarshal(b, (*string)(t)) // a short string, or one that is not well formed
}

// unquote returns the JSON string b, quotes included, unescaped as encoding/json does, built
// in one buffer of its size that becomes the string; false when b is not one well-formed
// JSON string of UTF-8.
func unquote(b []byte) (string, bool) {
	buf, n, ok := appendString(make([]byte, 0, len(b)), b)
	if !ok || n != len(b) {
		return "", false
	}
	return textOf(buf), true
}

// unescape appends the character of the escape that b begins with to dst, and returns its
// length in b.
func unescape(dst, b []byte) ([]byte, int, bool) {
	if len(b) < 2 {
		return dst, 0, false
	}
	switch c := b[1]; c {
	case '"', '\\', '/':
		dst = append(dst, c)
	case 'b':
		dst = append(dst, '\b')
	case 'f':
		dst = append(dst, '\f')
	case 'n':
		dst = append(dst, '\n')
	case 'r':
		dst = append(dst, '\r')
	case 't':
		dst = append(dst, '\t')
	case 'u':
		r := hex4(b[2:])
		if r < 0 {
			return dst, 0, false
		}
		if utf16.IsSurrogate(r) {
			// A pair is one code point; half of one is U+FFFD, as encoding/json reads it.
			if len(b) >= 12 && b[6] == '\\' && b[7] == 'u' {
				if dec := utf16.DecodeRune(r, hex4(b[8:])); dec != utf8.RuneError {
					return utf8.AppendRune(dst, dec), 12, true
				}
			}
			r = utf8.RuneError
		}
		return utf8.AppendRune(dst, r), 6, true
	default:
		return dst, 0, false
	}
	return dst, 2, true
}

// hex4 reads the four hex digits that b begins with, or returns -1.
func hex4(b []byte) rune {
	if len(b) < 4 {
		return -1
	}
	var r rune
	for _, c := range b[:4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return -1
		}
		r = r<<4 | rune(c)
	}
	return r
}
