package arabic

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Normalize returns the search form of s. It is for matching only and is never written over
// a document's text. Each code point is either dropped or replaced by one code point:
//
//   - dropped: harakat U+064B..U+065F and U+0670 (superscript alef), the Arabic signs
//     U+0610..U+061A, the Quranic annotation marks U+06D6..U+06DC, U+06DF..U+06E4,
//     U+06E7..U+06E8 and U+06EA..U+06ED, tatweel U+0640, and every format character
//     (Cf: RLM, LRM, ZWJ, ZWNJ, BOM, ALM, soft hyphen, bidi controls...);
//   - alef variants أ إ آ ٱ (and ٲ ٳ) become ا; ى and Farsi yeh ی become ي; ة becomes ه;
//     Keheh ک becomes ك;
//   - because the hamza and madda marks U+0653..U+0655 are dropped with the harakat, the
//     letters that carry them precomposed are folded to their base letters too (ؤ→و,
//     ئ→ي, ۀ→ە, ۂ→ہ, ۓ→ے), so that NFC and NFD text normalize alike;
//   - Arabic-Indic digits ٠-٩ and Extended Arabic-Indic digits ۰-۹ become 0-9, the Arabic
//     decimal separator ٫ becomes '.' and the thousands separator ٬ becomes ',' (so
//     "٣٤٫٣" normalizes to "34.3");
//   - letters with case (Latin, and Greek and Cyrillic alike) are lower-cased
//     (unicode.ToLower, one code point for one);
//   - an invalid UTF-8 byte becomes U+FFFD, so the result is always valid UTF-8.
//
// Normalize is idempotent. When nothing changes it returns s without allocating.
func Normalize(s string) string {
	// Fast path: find the first code point that changes.
	i := 0
	for i < len(s) {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				break
			}
		}
		if f, keep := fold(r); !keep || f != r {
			break
		}
		i += size
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for _, r := range s[i:] { // an invalid byte comes as U+FFFD
		if f, keep := fold(r); keep {
			if f < utf8.RuneSelf {
				b.WriteByte(byte(f))
			} else {
				b.WriteRune(f)
			}
		}
	}
	return b.String()
}

// lowFold caches foldSlow for the code points below U+0800; -1 marks a dropped one.
var lowFold [0x800]rune

func init() {
	for r := range lowFold {
		f, keep := foldSlow(rune(r))
		if !keep {
			f = -1
		}
		lowFold[r] = f
	}
}

// fold returns the search form of r, and false when r is dropped.
func fold(r rune) (rune, bool) {
	if r >= 0 && r < rune(len(lowFold)) {
		f := lowFold[r]
		return f, f >= 0
	}
	return foldSlow(r)
}

// foldSlow computes fold from the rules.
func foldSlow(r rune) (rune, bool) {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A', true
		}
		return r, true
	}
	if r >= 0x0600 && r <= 0x06FF {
		return foldArabic(r)
	}
	if unicode.Is(unicode.Cf, r) {
		return 0, false
	}
	return unicode.ToLower(r), true
}

// foldArabic is fold for the Arabic block U+0600..U+06FF.
func foldArabic(r rune) (rune, bool) {
	switch {
	case r >= 0x064B && r <= 0x065F, r == 0x0670, r == 0x0640,
		r >= 0x0610 && r <= 0x061A,
		r >= 0x06D6 && r <= 0x06DC, r >= 0x06DF && r <= 0x06E4,
		r == 0x06E7, r == 0x06E8, r >= 0x06EA && r <= 0x06ED:
		return 0, false
	case r >= 0x0660 && r <= 0x0669:
		return '0' + r - 0x0660, true
	case r >= 0x06F0 && r <= 0x06F9:
		return '0' + r - 0x06F0, true
	}
	switch r {
	case 'أ', 'إ', 'آ', 'ٱ', 'ٲ', 'ٳ':
		return 'ا', true
	case 'ى', 'ی', 'ئ':
		return 'ي', true
	case 'ة':
		return 'ه', true
	case 'ک':
		return 'ك', true
	case 'ؤ':
		return 'و', true
	case 'ۀ':
		return 'ە', true
	case 'ۂ':
		return 'ہ', true
	case 'ۓ':
		return 'ے', true
	case '٫':
		return '.', true
	case '٬':
		return ',', true
	case '\u0600', '\u0601', '\u0602', '\u0603', '\u0604', '\u0605', '\u061C', '\u06DD':
		return 0, false // format characters of the Arabic block
	}
	return r, true
}
