package corpus

import (
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
	if fastutf8.Valid(b) {
		return 0, nil
	}
	line, col := firstLine, 1
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
