package bidi

import (
	"slices"
	"testing"
)

// fuzzAlphabet is what the bytes of a mapped fuzz input stand for: a code point of every
// class, and brackets, with U+2329 and U+3009 among them.
var fuzzAlphabet = append(representative[:],
	'(', ')', '[', ']', '\u2329', '\u232A', '\u3008', '\u3009', '\u064E', '«', '»', 'ب', '٣', '.', '-', '\n')

// FuzzResolve checks, for any text and direction, that Resolve does not panic, that there is
// a level per code point, and that the visual order of every line of a random split of the
// text is a permutation of the line's kept (not X9-removed) indices. With mapped set, each
// byte of data picks a code point of fuzzAlphabet, so that controls and brackets are frequent.
func FuzzResolve(f *testing.F) {
	f.Add([]byte("نشرت مجلة Nature (vol. 5) دراسة جديدة."), uint8(2), false, []byte{12, 30})
	f.Add([]byte("قال الرئيس (Joe Biden) إن 3.5% من الناخبين"), uint8(1), false, []byte{7})
	f.Add([]byte("The title \u2067نشرة (أخبار) 2024\u2069 has 3 words."), uint8(0), false, []byte{})
	f.Add([]byte{14, 0, 16, 1, 18, 19, 2, 22, 23, 24, 25, 20, 3, 22, 21, 9}, uint8(2), true, []byte{3, 5})
	f.Add([]byte{17, 23, 13, 24, 8, 21, 1, 26, 22, 28, 27}, uint8(1), true, []byte{4})
	f.Fuzz(func(t *testing.T, data []byte, dir uint8, mapped bool, cuts []byte) {
		var text []rune
		if mapped {
			for _, b := range data {
				text = append(text, fuzzAlphabet[int(b)%len(fuzzAlphabet)])
			}
		} else {
			text = []rune(string(data))
		}
		p := Resolve(text, Direction(dir%4))
		if p.BaseLevel() > 1 {
			t.Fatalf("paragraph level %d", p.BaseLevel())
		}
		levels := p.Levels()
		if len(levels) != len(text) {
			t.Fatalf("%d levels for %d code points", len(levels), len(text))
		}
		for i, l := range levels {
			if l > maxDepth+1 {
				t.Fatalf("level %d at %d", l, i)
			}
		}
		start := 0
		for _, c := range append(cuts, 255) {
			end := min(len(text), start+int(c))
			checkLine(t, p, start, end)
			start = end
		}
		checkLine(t, p, start, len(text))
	})
}

// checkLine checks that the visual order of the line [start, end) of p holds each kept index
// of the line once, and that the line has a level per code point.
func checkLine(t *testing.T, p *Paragraph, start, end int) {
	t.Helper()
	var kept []int
	for i := start; i < end; i++ {
		if !p.Removed(i) {
			kept = append(kept, i)
		}
	}
	order := p.VisualOrder(start, end)
	sorted := slices.Sorted(slices.Values(order))
	if !slices.Equal(sorted, kept) {
		t.Fatalf("line [%d, %d): visual order %v is not a permutation of %v", start, end, order, kept)
	}
	if n := len(p.LineLevels(start, end)); n != end-start {
		t.Fatalf("line [%d, %d): %d line levels", start, end, n)
	}
}
