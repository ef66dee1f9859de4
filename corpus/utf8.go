package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"unicode/utf8"

	"github.com/tawsim/tawsim/internal/fastutf8"
)

// ErrInvalidUTF8 is wrapped by every error about bytes that are not UTF-8.
var ErrInvalidUTF8 = errors.New("invalid UTF-8")

// checkUTF8 returns nil when b is valid UTF-8, or an error giving the line (counted from
// firstLine) and the byte of that line (1-based) where the first invalid sequence starts.
func checkUTF8(b []byte, firstLine int) (line int, err error) {
	return checkUTF8From(b, firstLine, 1)
}

// checkUTF8From is checkUTF8 for bytes that begin at byte firstCol of their first line.
func checkUTF8From(b []byte, firstLine, firstCol int) (line int, err error) {
	if fastutf8.Valid(b) {
		return 0, nil
	}
	line, col := firstLine, firstCol
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return line, fmt.Errorf("%w at byte %d of the line (0x%02x)", ErrInvalidUTF8, col, b[i])
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col += size
		}
		i += size
	}
	return line, nil
}

// loneSurrogate returns the byte (0-based) of the first \u escape in the JSON text b that
// stands for half of a UTF-16 surrogate pair without its other half, or -1. A JSON decoder
// turns such an escape into U+FFFD without a word, which would store a text other than the
// one in the file; it is refused as bytes that are not UTF-8 are.
func loneSurrogate(b []byte) int {
	for i := 0; ; {
		j := bytes.IndexByte(b[i:], '\\')
		if j < 0 {
			return -1
		}
		i += j
		if i+1 >= len(b) {
			return -1
		}
		if b[i+1] != 'u' {
			i += 2 // an escaped character, the backslash itself included
			continue
		}
		r, ok := hexRune(b[i+2:])
		switch {
		case !ok:
			i += 2
		case 0xdc00 <= r && r <= 0xdfff:
			return i // a low half with no high half before it
		case 0xd800 <= r && r <= 0xdbff:
			if len(b) < i+12 || b[i+6] != '\\' || b[i+7] != 'u' {
				return i
			}
			if lo, ok := hexRune(b[i+8:]); !ok || lo < 0xdc00 || lo > 0xdfff {
				return i
			}
			i += 12
		default:
			i += 6
		}
	}
}

// hexRune reads the four hex digits of a \u escape at the start of b.
func hexRune(b []byte) (rune, bool) {
	if len(b) < 4 {
		return 0, false
	}
	var r rune
	for _, c := range b[:4] {
		switch {
		case '0' <= c && c <= '9':
			r = r<<4 | rune(c-'0')
		case 'a' <= c && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case 'A' <= c && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	return r, true
}
