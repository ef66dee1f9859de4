package labels

import (
	"unicode/utf8"

	"github.com/tawsim/tawsim/internal/fastutf8"
)

// TextIndex turns code point offsets of one text into byte offsets. It walks from the last
// offset it was asked for (or from the start, when nearer), so that the spans and tokens of a
// document taken in text order cost one walk over the text rather than one each. In valid
// UTF-8 (checked once, the first time it walks) it walks forward eight bytes at a time.
type TextIndex struct {
	text  string
	n     int  // the length of text in code points, -1 until known
	cp, b int  // a code point offset and its byte offset
	valid int8 // 1: text is valid UTF-8, -1: it is not, 0: not yet known
}

// NewTextIndex returns an index of text.
func NewTextIndex(text string) *TextIndex { return &TextIndex{text: text, n: -1} }

// Len returns the length of the text in code points.
func (x *TextIndex) Len() int {
	if x.n < 0 {
		x.n = utf8.RuneCountInString(x.text)
	}
	return x.n
}

// Valid reports whether the text is valid UTF-8.
func (x *TextIndex) Valid() bool {
	if x.valid == 0 {
		x.valid = -1
		if fastutf8.ValidString(x.text) {
			x.valid = 1
		}
	}
	return x.valid > 0
}

// ByteOffset returns the byte offset of code point cp, and false when cp is outside
// [0, Len()].
func (x *TextIndex) ByteOffset(cp int) (int, bool) { return x.byteAt(cp) }

// byteAt returns the byte offset of code point cp, and false when cp is outside [0, Len()].
func (x *TextIndex) byteAt(cp int) (int, bool) {
	switch {
	case cp < 0 || (x.n >= 0 && cp > x.n):
		return 0, false
	case cp < x.cp && cp < x.cp-cp:
		x.cp, x.b = 0, 0
	case x.n >= 0 && cp > x.cp && x.n-cp < cp-x.cp:
		x.cp, x.b = x.n, len(x.text)
	}
	if x.cp < cp && x.Valid() {
		return x.forward(cp)
	}
	for x.cp < cp {
		if x.b == len(x.text) {
			x.n = x.cp
			return 0, false
		}
		_, size := utf8.DecodeRuneInString(x.text[x.b:])
		x.b += size
		x.cp++
	}
	for x.cp > cp {
		_, size := utf8.DecodeLastRuneInString(x.text[:x.b])
		x.b -= size
		x.cp--
	}
	return x.b, true
}

// forward walks a valid text from x.cp up to code point cp. A code point of valid UTF-8 has
// exactly one byte that is not a continuation byte (10xxxxxx): counting those eight bytes at
// a time skips the words that end before cp, then the last word is walked byte by byte.
func (x *TextIndex) forward(cp int) (int, bool) {
	s, b, k := x.text, x.b, cp-x.cp // k: code points still to pass; b need not start one
	for b+8 <= len(s) {
		starts := fastutf8.Starts(fastutf8.Word(s, b))
		if starts > k {
			break
		}
		b, k = b+8, k-starts
	}
	for ; b < len(s); b++ {
		if s[b]&0xC0 != 0x80 {
			if k == 0 {
				break
			}
			k--
		}
	}
	if k > 0 {
		x.n = cp - k
		x.cp, x.b = x.n, len(s)
		return 0, false
	}
	x.cp, x.b = cp, b
	return b, true
}

// Slice returns text[start:end] counted in code points, as Slice does, and false when the
// range does not fit the text.
func (x *TextIndex) Slice(start, end int) (string, bool) {
	if start < 0 || end < start {
		return "", false
	}
	b0, ok := x.byteAt(start)
	if !ok {
		return "", false
	}
	b1, ok := x.byteAt(end)
	if !ok {
		return "", false
	}
	return x.text[b0:b1], true
}
