package corpus

import (
	stdjson "encoding/json"
	"unicode/utf8"
)

// scanner reads JSON of a known shape from b; every method skips the white space before
// what it reads and reports false when b does not hold it.
type scanner struct {
	b   []byte
	i   int
	key []byte // the key object read last, reused
}

func (s *scanner) space() {
	for s.i < len(s.b) && (s.b[s.i] == ' ' || s.b[s.i] == '\t' || s.b[s.i] == '\n' || s.b[s.i] == '\r') {
		s.i++
	}
}

// char reads the byte c.
func (s *scanner) char(c byte) bool {
	s.space()
	if s.i < len(s.b) && s.b[s.i] == c {
		s.i++
		return true
	}
	return false
}

// literal reads the word w (null, true, false).
func (s *scanner) literal(w string) bool {
	s.space()
	if len(s.b)-s.i >= len(w) && string(s.b[s.i:s.i+len(w)]) == w {
		s.i += len(w)
		return true
	}
	return false
}

// end reports whether nothing but white space is left.
func (s *scanner) end() bool {
	s.space()
	return s.i == len(s.b)
}

// int reads an integer: digits, a minus sign before them, no fraction or exponent, at most 18
// digits and no leading zero.
func (s *scanner) int() (int, bool) {
	s.space()
	neg := s.i < len(s.b) && s.b[s.i] == '-'
	if neg {
		s.i++
	}
	from, n := s.i, 0
	for s.i < len(s.b) && s.i-from < 19 && '0' <= s.b[s.i] && s.b[s.i] <= '9' {
		n = n*10 + int(s.b[s.i]-'0')
		s.i++
	}
	digits := s.i - from
	if digits == 0 || digits > 18 || s.b[from] == '0' && digits > 1 ||
		s.i < len(s.b) && (s.b[s.i] == '.' || s.b[s.i] == 'e' || s.b[s.i] == 'E') {
		return 0, false
	}
	if neg {
		n = -n
	}
	return n, true
}

// str reads a string and appends it, unescaped, to dst.
func (s *scanner) str(dst []byte) ([]byte, bool) {
	s.space()
	dst, n, ok := appendString(dst, s.b[s.i:])
	s.i += n
	return dst, ok
}

// list reads [item, item, ...], item reading one element.
func (s *scanner) list(item func() bool) bool {
	if !s.char('[') {
		return false
	}
	if s.char(']') {
		return true
	}
	for {
		if !item() {
			return false
		}
		if s.char(']') {
			return true
		}
		if !s.char(',') {
			return false
		}
	}
}

// object reads {"key": value, ...}, value reading the value of each key.
func (s *scanner) object(value func(key []byte) bool) bool {
	if !s.char('{') {
		return false
	}
	if s.char('}') {
		return true
	}
	for {
		var ok bool
		if s.key, ok = s.str(s.key[:0]); !ok || !s.char(':') || !value(s.key) {
			return false
		}
		if s.char('}') {
			return true
		}
		if !s.char(',') {
			return false
		}
	}
}

// skip reads any value without keeping it.
func (s *scanner) skip() bool {
	s.space()
	if s.i == len(s.b) {
		return false
	}
	switch c := s.b[s.i]; {
	case c == '"':
		_, ok := s.str(nil)
		return ok
	case c == '[':
		return s.list(s.skip)
	case c == '{':
		return s.object(func([]byte) bool { return s.skip() })
	case c == 't':
		return s.literal("true")
	case c == 'f':
		return s.literal("false")
	case c == 'n':
		return s.literal("null")
	}
	var f stdjson.Number
	from := s.i
	for s.i < len(s.b) && (s.b[s.i] == '-' || s.b[s.i] == '+' || s.b[s.i] == '.' || s.b[s.i] == 'e' || s.b[s.i] == 'E' ||
		'0' <= s.b[s.i] && s.b[s.i] <= '9') {
		s.i++
	}
	return s.i > from && stdjson.Unmarshal(s.b[from:s.i], &f) == nil
}

// stringEnd returns the length of the JSON string that b begins with, quotes included, and
// whether it holds escapes; false when b does not begin with a well-formed string of UTF-8.
func stringEnd(b []byte) (int, bool, bool) {
	if len(b) == 0 || b[0] != '"' {
		return 0, false, false
	}
	escapes := false
	for i := 1; i < len(b); i++ {
		switch c := b[i]; {
		case c == '"':
			return i + 1, escapes, escapes || utf8.Valid(b[1:i])
		case c == '\\':
			escapes = true
			i++
		case c < 0x20:
			return 0, false, false
		}
	}
	return 0, false, false
}

// appendString appends the JSON string that b begins with, unescaped as encoding/json reads
// it, to dst, and returns how many bytes of b it took; false when b does not begin with a
// well-formed string of UTF-8.
func appendString(dst, b []byte) ([]byte, int, bool) {
	if len(b) == 0 || b[0] != '"' {
		return dst, 0, false
	}
	from := 1 // the bytes from here to i are copied as they are
	for i := 1; i < len(b); {
		switch c := b[i]; {
		case c == '"':
			if !utf8.Valid(b[from:i]) {
				return dst, 0, false
			}
			return append(dst, b[from:i]...), i + 1, true
		case c == '\\':
			if !utf8.Valid(b[from:i]) {
				return dst, 0, false
			}
			dst = append(dst, b[from:i]...)
			var n int
			var ok bool
			if dst, n, ok = unescape(dst, b[i:]); !ok {
				return dst, 0, false
			}
			i += n
			from = i
		case c < 0x20:
			return dst, 0, false
		default:
			i++
		}
	}
	return dst, 0, false
}
