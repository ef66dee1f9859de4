package palette

// arabicLayout maps the keys of a Latin (QWERTY) keyboard to what the same keys type on an
// Arabic one: PC Arabic 101, the layout of Windows and of X11's "ara", which Arabic
// keyboards print. A hotkey typed on an Arabic keyboard arrives as the Arabic letter (Fyne's
// TypedRune gives the character typed, and its key event names no key for a letter of
// another script), so the keys are mapped through this table.
var arabicLayout = map[rune]rune{
	'q': 'ض', 'w': 'ص', 'e': 'ث', 'r': 'ق', 't': 'ف', 'y': 'غ', 'u': 'ع', 'i': 'ه', 'o': 'خ', 'p': 'ح',
	'a': 'ش', 's': 'س', 'd': 'ي', 'f': 'ب', 'g': 'ل', 'h': 'ا', 'j': 'ت', 'k': 'ن', 'l': 'م',
	'z': 'ئ', 'x': 'ء', 'c': 'ؤ', 'v': 'ر', 'n': 'ى', 'm': 'ة',
	'[': 'ج', ']': 'د', ';': 'ك', '\'': 'ط', '`': 'ذ', ',': 'و', '.': 'ز', '/': 'ظ',
}

// latinKeys is arabicLayout the other way round.
var latinKeys = func() map[rune]rune {
	m := make(map[rune]rune, len(arabicLayout))
	for l, a := range arabicLayout {
		m[a] = l
	}
	return m
}()

// ArabicKey returns what the key that types r on a Latin keyboard types on an Arabic one
// (q → ض), and false when r is not on a key of the table (digits, capitals).
func ArabicKey(r rune) (rune, bool) {
	a, ok := arabicLayout[r]
	return a, ok
}

// LatinKey returns the character that the key typing r on an Arabic keyboard types on a Latin
// one (ض → q, ظ → /), and an Arabic-Indic or Persian digit as its ASCII digit; any other r
// is returned as it is.
func LatinKey(r rune) rune {
	if l, ok := latinKeys[r]; ok {
		return l
	}
	switch {
	case r >= '٠' && r <= '٩':
		return '0' + r - '٠'
	case r >= '۰' && r <= '۹':
		return '0' + r - '۰'
	}
	return r
}
