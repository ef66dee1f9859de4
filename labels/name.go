package labels

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// CheckName refuses a name (of a label, a stance target or an annotator) that would not
// print as it reads: one that is empty, holds invalid UTF-8, a control or format character
// (the bidi controls U+200E, U+200F, U+202A-U+202E, U+2066-U+2069 and U+061C among them), a
// line or paragraph separator, a code point that is no printable character (what
// safetext.Hidden reports and tawsimctl escapes), white space other than the plain space,
// or a space at either end or next to another. The error wraps ErrBadName and quotes the
// name with the character escaped.
func CheckName(name string) error {
	if name == "" {
		return fmt.Errorf("%w: it is empty", ErrBadName)
	}
	if name[0] == ' ' || name[len(name)-1] == ' ' {
		return fmt.Errorf("%w: %q starts or ends with a space", ErrBadName, name)
	}
	if strings.Contains(name, "  ") {
		return fmt.Errorf("%w: %q holds two spaces in a row", ErrBadName, name)
	}
	for i, r := range name {
		if (r >= ' ' && r < 0x7f) || isArabicGraphic(r) || (r >= utf8.RuneSelf && unicode.IsGraphic(r) && !unicode.IsSpace(r)) {
			if r == utf8.RuneError {
				if _, size := utf8.DecodeRuneInString(name[i:]); size == 1 {
					return fmt.Errorf("%w: %q is not valid UTF-8", ErrBadName, name)
				}
			}
			continue // Latin and Arabic letters, what nearly every name holds, decided at once
		}
		return fmt.Errorf("%w: %q holds %U, %s", ErrBadName, name, r, hiddenKind(r))
	}
	return nil
}

// hiddenKind says what r, a character a name may not hold, is.
func hiddenKind(r rune) string {
	switch {
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
	}
	return "not a printable character"
}

// isArabicGraphic reports whether r is a letter, mark, digit or sign of the Arabic block that
// shows as itself: all but its format characters (U+0600-U+0605, U+061C, U+06DD).
func isArabicGraphic(r rune) bool {
	return r >= '\u0606' && r <= '\u06ff' && r != '\u061c' && r != '\u06dd'
}

// isBidiControl reports whether r is one of Unicode's explicit directional formatting
// characters (UAX #9, table 4), the Arabic letter mark included.
func isBidiControl(r rune) bool {
	return r == '\u061c' || r == '\u200e' || r == '\u200f' || ('\u202a' <= r && r <= '\u202e') || ('\u2066' <= r && r <= '\u2069')
}

// CheckAnnotator refuses an annotator name that is empty or blank (ErrNoAnnotator) or that
// CheckName refuses (ErrBadName).
func CheckAnnotator(name string) error {
	err := CheckName(name)
	switch {
	case err == nil:
		return nil
	case strings.TrimSpace(name) == "":
		return ErrNoAnnotator
	}
	return fmt.Errorf("annotator name: %w", err)
}
