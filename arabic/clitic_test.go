package arabic

import (
	"slices"
	"testing"
	"unicode/utf8"
)

func TestIsProclitic(t *testing.T) {
	for _, r := range "وفبلك" {
		if !IsProclitic(r) {
			t.Errorf("IsProclitic(%q) = false", r)
		}
	}
	for _, r := range "اسيمنهتأa1 " {
		if IsProclitic(r) {
			t.Errorf("IsProclitic(%q) = true", r)
		}
	}
}

func TestProcliticSplits(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []int
	}{
		{"وبالعراق", []int{1, 2}},
		{"بالعراق", []int{1}},
		{"وإسرائيل", []int{1}},
		{"فبالتالي", []int{1, 2}},
		{"كالأسد", []int{1}},
		{"للعراق", []int{1}},
		{"لليبيا", []int{1}},
		{"وللجيش", []int{1, 2}},
		{"ولد", []int{1}},
		{"وفد", []int{1}},
		{"بلد", []int{1}},
		{"فلسطين", []int{1, 2}},
		{"و\u064eب\u0650العراق", []int{2, 4}},
		{"لـمحمد", []int{2}},
		{"وكذلك", []int{1, 2}},
		{"ول", nil},
		{"وب", nil},
		{"و", nil},
		{"بـ", nil},
		{"العراق", nil},
		{"طرابلس", nil},
		{"ISIS", nil},
		{"2019", nil},
		{"٢٠١٩", nil},
		{"ـوبالعراق", nil},
		{"\u064eوبالعراق", nil},
		{"", nil},
		{"\xff", nil},
		{"«", nil},
	} {
		got := ProcliticSplits(tc.in)
		if !slices.Equal(got, tc.want) || (tc.want == nil) != (got == nil) {
			t.Errorf("ProcliticSplits(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

// TestProcliticSplitsInArticle checks every split of the seed article's tokens: inside the
// token, increasing, after a proclitic.
func TestProcliticSplitsInArticle(t *testing.T) {
	n := 0
	for _, tk := range Tokenize(readSeed(t)) {
		splits := ProcliticSplits(tk.Text)
		if tk.Dir != RTL && splits != nil {
			t.Errorf("%q (%v) has splits %v", tk.Text, tk.Dir, splits)
		}
		prev := 0
		for _, s := range splits {
			if s <= prev || s >= utf8.RuneCountInString(tk.Text)-1 {
				t.Errorf("%q: split %d out of order or range", tk.Text, s)
			}
			r := []rune(tk.Text)[s-1]
			if !IsProclitic(r) {
				t.Errorf("%q: split %d not after a proclitic", tk.Text, s)
			}
			prev = s
			n++
		}
	}
	if n < 50 {
		t.Errorf("only %d splits in the seed article", n)
	}
}
