package corpus

import (
	"bytes"
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
		return &stdjson.UnmarshalTypeError{Value: jsonWord(b), Type: stringType}
	}
	if len(b) >= bigText {
		if s, ok := unquote(b); ok {
			*t = jsonText(s)
			return nil
		}
	}
	return json.Unmarshal(b, (*string)(t)) // a short string, or one that is not well formed
}

// jsonWord names the kind of a JSON value as the decoders' errors do.
func jsonWord(raw []byte) string {
	switch jsonKind(raw) {
	case "a number":
		return "number"
	case "an object":
		return "object"
	case "a list":
		return "array"
	case "a boolean":
		return "bool"
	}
	return "null"
}

// unquote returns the JSON string b, quotes included, unescaped as encoding/json does, built
// in one string of its size; false when b is not one well-formed JSON string of UTF-8.
func unquote(b []byte) (string, bool) {
	if len(b) < 2 || b[0] != '"' || b[len(b)-1] != '"' || !utf8.Valid(b) {
		return "", false
	}
	b = b[1 : len(b)-1]
	var out strings.Builder
	out.Grow(len(b))
	for len(b) > 0 {
		i := bytes.IndexByte(b, '\\')
		plain := b
		if i >= 0 {
			plain = b[:i]
		}
		for _, c := range plain {
			if c < 0x20 || c == '"' {
				return "", false
			}
		}
		out.Write(plain)
		if i < 0 {
			break
		}
		n, ok := unescape(&out, b[i:])
		if !ok {
			return "", false
		}
		b = b[i+n:]
	}
	return out.String(), true
}

// unescape writes the escape that b begins with and returns its length.
func unescape(out *strings.Builder, b []byte) (int, bool) {
	if len(b) < 2 {
		return 0, false
	}
	switch c := b[1]; c {
	case '"', '\\', '/':
		out.WriteByte(c)
	case 'b':
		out.WriteByte('\b')
	case 'f':
		out.WriteByte('\f')
	case 'n':
		out.WriteByte('\n')
	case 'r':
		out.WriteByte('\r')
	case 't':
		out.WriteByte('\t')
	case 'u':
		r := hex4(b[2:])
		if r < 0 {
			return 0, false
		}
		if utf16.IsSurrogate(r) {
			// A pair is one code point; half of one is U+FFFD, as encoding/json reads it.
			if len(b) >= 12 && b[6] == '\\' && b[7] == 'u' {
				if dec := utf16.DecodeRune(r, hex4(b[8:])); dec != utf8.RuneError {
					out.WriteRune(dec)
					return 12, true
				}
			}
			r = utf8.RuneError
		}
		out.WriteRune(r)
		return 6, true
	default:
		return 0, false
	}
	return 2, true
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
