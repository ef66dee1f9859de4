package labels

import (
	"math/rand/v2"
	"testing"
)

// TestTextIndexAgreesWithSlice asks one index for many ranges, in and out of order and past
// the end, and compares each answer with Slice.
func TestTextIndexAgreesWithSlice(t *testing.T) {
	texts := []string{"", "a", "قال 👍🏽 مُحَمَّد في طرابلس (ISIS) 2019", "\u200fمرحبا\r\nworld"}
	r := rand.New(rand.NewPCG(1, 2))
	for _, text := range texts {
		n := RuneLen(text)
		x := NewTextIndex(text)
		for range 500 {
			start, end := r.IntN(n+3)-1, r.IntN(n+3)-1
			want, wok := Slice(text, start, end)
			got, ok := x.Slice(start, end)
			if got != want || ok != wok {
				t.Fatalf("%q [%d,%d): index says %q %v, Slice says %q %v", text, start, end, got, ok, want, wok)
			}
		}
		if x.Len() != n {
			t.Errorf("%q: Len %d, want %d", text, x.Len(), n)
		}
	}
}

// FuzzTextIndex asks an index of any bytes (broken UTF-8 included) for ranges in the order
// the fuzzer picks, and holds each answer to Slice's.
func FuzzTextIndex(f *testing.F) {
	f.Add("قال 👍🏽 مُحَمَّد", []byte{0, 3, 9, 2, 5, 5, 40, 1})
	f.Add("a\xffb\xe2\x80", []byte{1, 3, 0, 5, 4, 2})
	f.Fuzz(func(t *testing.T, text string, ranges []byte) {
		x := NewTextIndex(text)
		for i := 0; i+1 < len(ranges); i += 2 {
			start, end := int(ranges[i])-1, int(ranges[i+1])-1
			want, wok := Slice(text, start, end)
			got, ok := x.Slice(start, end)
			if got != want || ok != wok {
				t.Fatalf("%q [%d,%d): index says %q %v, Slice says %q %v", text, start, end, got, ok, want, wok)
			}
		}
		if x.Len() != RuneLen(text) {
			t.Fatalf("%q: Len %d, want %d", text, x.Len(), RuneLen(text))
		}
	})
}
