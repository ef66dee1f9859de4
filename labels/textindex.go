package labels

import "unicode/utf8"

// TextIndex turns code point offsets of one text into byte offsets. It walks from the last
// offset it was asked for (or from the start, when nearer), so that the spans and tokens of a
// document taken in text order cost one walk over the text rather than one each.
type TextIndex struct {
	text  string
	n     int // the length of text in code points, -1 until known
	cp, b int // a code point offset and its byte offset
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
