package labels

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tawsim/tawsim/internal/safetext"
)

// CheckName refuses a name (of a label, a stance target or an annotator) that would not
// print as it reads: one that is empty, holds invalid UTF-8, a character that
// safetext.Hidden reports (control and format characters, the bidi controls U+200E, U+200F,
// U+202A-U+202E, U+2066-U+2069 and U+061C among them, line and paragraph separators), white
// space other than the plain space, or a space at either end or next to another. The error
// wraps ErrBadName and quotes the name with the character escaped.
func CheckName(name string) error {
	if name == "" {
		return fmt.Errorf("%w: it is empty", ErrBadName)
	}
	if !utf8.ValidString(name) {
		return fmt.Errorf("%w: %q is not valid UTF-8", ErrBadName, name)
	}
	if name[0] == ' ' || name[len(name)-1] == ' ' {
		return fmt.Errorf("%w: %q starts or ends with a space", ErrBadName, name)
	}
	if strings.Contains(name, "  ") {
		return fmt.Errorf("%w: %q holds two spaces in a row", ErrBadName, name)
	}
	for _, r := range name {
		if what := hiddenKind(r); what != "" {
			return fmt.Errorf("%w: %q holds %U, %s", ErrBadName, name, r, what)
		}
	}
	return nil
}

// hiddenKind says what r is when a name may not hold it, and "" when it may.
func hiddenKind(r rune) string {
	switch {
	case r == ' ':
		return ""
	case isBidiControl(r):
		return "a bidi control, which reorders the text shown around it"
	case unicode.Is(unicode.Cc, r):
		return "a control character"
	case unicode.Is(unicode.Cf, r):
		return "an invisible format character"
	case unicode.In(r, unicode.Zl, unicode.Zp):
		return "a line or paragraph separator"
	case unicode.IsSpace(r):
		return "white space other than a plain space"
	case safetext.Hidden(r):
		return "not a printable character"
	}
	return ""
}

// isBidiControl reports whether r is one of Unicode's explicit directional formatting
// characters (UAX #9, table 4), the Arabic letter mark included.
func isBidiControl(r rune) bool {
	return r == '\u061c' || r == '\u200e' || r == '\u200f' || ('\u202a' <= r && r <= '\u202e') || ('\u2066' <= r && r <= '\u2069')
}

// CheckAnnotator refuses an annotator name that is empty or blank (ErrNoAnnotator) or that
// CheckName refuses (ErrBadName).
func CheckAnnotator(name string) error {
	if strings.TrimSpace(name) == "" {
		return ErrNoAnnotator
	}
	if err := CheckName(name); err != nil {
		return fmt.Errorf("annotator name: %w", err)
	}
	return nil
}
