package bidi

import (
	"slices"
	"strings"
	"testing"
)

// display returns the line [start, end) of text as drawn: in visual order, X9-removed
// characters left out, mirrored characters at odd levels replaced by their mirror (L4).
func display(p *Paragraph, text []rune, start, end int) string {
	lv := p.LineLevels(start, end)
	var b strings.Builder
	for _, i := range p.VisualOrder(start, end) {
		r := text[i]
		if lv[i-start]&1 == 1 {
			r, _ = Mirror(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// TestReportedLines checks the mixed lines annotators reported against the visual order GNU
// FriBidi 1.0.8 gives them (fribidi --vtol; base direction from the first strong character),
// and that the Latin part reads left to right with its brackets facing the right way.
func TestReportedLines(t *testing.T) {
	tests := []struct {
		text  string
		latin string // appears as is in the displayed line
		base  uint8
		order []int
	}{
		{
			"نشرت مجلة Nature (vol. 5) دراسة جديدة.", "Nature (vol. 5)", 1,
			[]int{37, 36, 35, 34, 33, 32, 31, 30, 29, 28, 27, 26, 25, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0},
		},
		{
			"أعلنت شركة Apple Inc. (NASDAQ: AAPL) عن أرباحها.", "Apple Inc. (NASDAQ: AAPL)", 1,
			[]int{47, 46, 45, 44, 43, 42, 41, 40, 39, 38, 37, 36, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0},
		},
		{
			"وجد Smith et al. (2020) أن النتائج متسقة.", "Smith et al. (2020)", 1,
			[]int{40, 39, 38, 37, 36, 35, 34, 33, 32, 31, 30, 29, 28, 27, 26, 25, 24, 23, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 3, 2, 1, 0},
		},
		{
			"ذكرت BBC News [London] أن الاجتماع انتهى.", "BBC News [London]", 1,
			[]int{40, 39, 38, 37, 36, 35, 34, 33, 32, 31, 30, 29, 28, 27, 26, 25, 24, 23, 22, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 4, 3, 2, 1, 0},
		},
		{
			"قال الرئيس (Joe Biden) إن 3.5% من الناخبين في ولاية Ohio صوتوا يوم 2024-11-05.", "(Joe Biden)", 1,
			[]int{77, 75, 76, 74, 72, 73, 71, 67, 68, 69, 70, 66, 65, 64, 63, 62, 61, 60, 59, 58, 57, 56, 52, 53, 54, 55, 51, 50, 49, 48, 47, 46, 45, 44, 43, 42, 41, 40, 39, 38, 37, 36, 35, 34, 33, 32, 31, 30, 29, 26, 27, 28, 25, 24, 23, 22, 21, 12, 13, 14, 15, 16, 17, 18, 19, 20, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0},
		},
		{
			// A right-to-left isolate in an English sentence: its number stays inside it.
			"The title \u2067نشرة (أخبار) 2024\u2069 has 3 words.", "The title \u20672024 (", 0,
			[]int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 24, 25, 26, 27, 23, 22, 21, 20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41},
		},
		{
			// A right-to-left isolate in an Arabic sentence: the Latin inside reads left to right.
			"كتب \u2067Tawsim (v2)\u2069 في 5 دقائق.", "Tawsim (v2)", 1,
			[]int{28, 27, 26, 25, 24, 23, 22, 21, 20, 19, 18, 17, 16, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 4, 3, 2, 1, 0},
		},
	}
	for _, tt := range tests {
		text := []rune(tt.text)
		p := Resolve(text, Auto)
		if p.BaseLevel() != tt.base {
			t.Errorf("%s: paragraph level %d, want %d", tt.text, p.BaseLevel(), tt.base)
		}
		if got := p.VisualOrder(0, len(text)); !slices.Equal(got, tt.order) {
			t.Errorf("%s:\nvisual order %v\nwant         %v", tt.text, got, tt.order)
		}
		if got := display(p, text, 0, len(text)); !strings.Contains(got, tt.latin) {
			t.Errorf("%s: displayed as %q, which lacks %q", tt.text, got, tt.latin)
		}
	}
}

// TestBracketAfterLatin is the line of the report: the closing bracket after a Latin word
// belongs to the Latin run, not to the Arabic around it.
func TestBracketAfterLatin(t *testing.T) {
	text := []rune("نشرت مجلة Nature (vol. 5) دراسة جديدة.")
	got := display(Resolve(text, RightToLeft), text, 0, len(text))
	if strings.Contains(got, "(Nature") || !strings.Contains(got, "Nature (vol. 5)") {
		t.Errorf("displayed as %q", got)
	}
}

// TestCanonicalBrackets checks that U+2329 pairs with U+3009 and U+3008 with U+232A (rule N0
// compares canonical equivalents): the pair takes the direction of the Latin inside it.
func TestCanonicalBrackets(t *testing.T) {
	for _, pair := range [][2]rune{{0x2329, 0x3009}, {0x3008, 0x232A}, {0x2329, 0x232A}, {0x3008, 0x3009}} {
		text := []rune("قال Nature " + string(pair[0]) + "vol" + string(pair[1]) + " اليوم")
		levels := Resolve(text, RightToLeft).Levels()
		open, closing := 11, 15
		if levels[open] != 2 || levels[closing] != 2 {
			t.Errorf("%U…%U: bracket levels %d and %d, want 2 and 2 (a pair)", pair[0], pair[1], levels[open], levels[closing])
		}
	}
}
