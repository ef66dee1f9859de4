package labels

import "testing"

func TestSlice(t *testing.T) {
	text := "قال 👍🏽 مُحَمَّد" // emoji with a skin tone is two code points; harakat are code points
	cases := []struct {
		start, end int
		want       string
		ok         bool
	}{
		{0, 3, "قال", true},
		{4, 6, "👍🏽", true},
		{7, 15, "مُحَمَّد", true},
		{7, 16, "", false},
		{15, 15, "", true},
		{16, 16, "", false},
		{-1, 2, "", false},
		{3, 2, "", false},
		{0, 15, text, true},
	}
	for _, c := range cases {
		got, ok := Slice(text, c.start, c.end)
		if got != c.want || ok != c.ok {
			t.Errorf("Slice(%d,%d) = %q,%v; want %q,%v", c.start, c.end, got, ok, c.want, c.ok)
		}
	}
	if n := RuneLen(text); n != 15 {
		t.Errorf("RuneLen = %d, want 15", n)
	}
}

func TestSliceAgreesWithRunes(t *testing.T) {
	text := "وفي 27 نوفمبر/تشرين «الجيش» ISIS\u200f،"
	r := []rune(text)
	for i := 0; i <= len(r); i++ {
		for j := i; j <= len(r); j++ {
			got, ok := Slice(text, i, j)
			if !ok || got != string(r[i:j]) {
				t.Fatalf("Slice(%d,%d) = %q,%v; want %q", i, j, got, ok, string(r[i:j]))
			}
		}
	}
}
