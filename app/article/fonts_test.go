package article

import (
	"fmt"
	"math"
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/tawsim/tawsim/app/assets"
)

// pieceFonts returns the pieces of text as "text:font" strings, in text order.
func pieceFonts(text string) []string {
	an := analyze([]rune(text), nil, direction)
	var out []string
	for _, p := range an.pieces {
		out = append(out, fmt.Sprintf("%s:%d", string(an.text[p.start:p.end]), p.font))
	}
	return out
}

func TestPieceFonts(t *testing.T) {
	A, L, H, E, B := fontArabic, fontLatin, fontHebrew, fontEmoji, fontBox
	for s, want := range map[string][]fontKind{
		"طرابلس": {A}, "٣٤٫٣": {A}, "،": {A}, "بـ": {A}, "مُحَمَّد": {A},
		"ISIS": {L}, "2019": {L}, "(": {L}, "«": {L}, ".": {L}, "Ωμέγα": {L}, "Москва": {L},
		"עברית": {H},
		"🦠":     {E}, "❗️": {E}, "🤷🏻‍♀️": {E}, "👍🏽": {E}, "1️⃣": {E}, "🇸🇦": {E}, "👨‍👩‍👧": {E}, "✔": {E},
		"中文": {B, B}, "ー": {B}, "COVIDー": {L, B}, "🐦‍🔥": {E}, "🦠‍🦠": {B}, "🫩": {B}, "󰀁": {B},
	} {
		got := pieceFonts(s)
		var fonts []fontKind
		for _, p := range analyze([]rune(s), nil, direction).pieces {
			fonts = append(fonts, p.font)
		}
		if !slices.Equal(fonts, want) {
			t.Errorf("%q is drawn as %v, want fonts %v", s, got, want)
		}
	}
	if fontArabic.source() != assets.ArabicRegular || fontLatin.source() != theme.DefaultTextFont() ||
		fontHebrew.source() != assets.HebrewRegular || fontEmoji.source() != assets.Emoji {
		t.Errorf("font sources are not the embedded fonts and Fyne's")
	}
}

// The widths the widget computes itself must be the ones Fyne draws with.
func TestMeasureMatchesFyne(t *testing.T) {
	test.NewTempApp(t)
	var m measurer
	for _, tc := range []struct {
		s string
		k fontKind
	}{
		{"طرابلس", fontArabic}, {"الميليشيات", fontArabic}, {"وإسرائيل", fontArabic}, {"مُحَمَّد", fontArabic},
		{"٣٤٫٣", fontArabic}, {"لا", fontArabic}, {"،", fontArabic},
		{"ISIS", fontLatin}, {"Corriere", fontLatin}, {"34.3", fontLatin}, {"(", fontLatin}, {"»", fontLatin},
	} {
		for _, ts := range []float32{14, 18, 23.5} {
			got := m.measure(tc.s, tc.k, ts)
			want := driverSize(tc.s, tc.k, ts)
			if math.Abs(float64(got.w-want.w)) > 0.001 || got.h != want.h || got.ascent != want.ascent {
				t.Errorf("%q at %v: measured %+v, Fyne says %+v", tc.s, ts, got, want)
			}
		}
	}
}

// TestFontsAreTheAssets: the article draws and measures with the fonts of package assets,
// parsed once for every widget (the text fields take theirs from there too), not with
// copies of its own.
func TestFontsAreTheAssets(t *testing.T) {
	for k, f := range map[fontKind]assets.Font{
		fontArabic: assets.FontArabic, fontLatin: assets.FontLatin, fontHebrew: assets.FontHebrew, fontEmoji: assets.FontEmoji,
	} {
		if face(k) == nil || face(k) != f.Face() {
			t.Errorf("font %d is parsed apart from assets' font %d", k, f)
		}
		if k.source() != f.Source() {
			t.Errorf("font %d draws with %v, assets' font %d with %v", k, k.source().Name(), f, f.Source().Name())
		}
	}
	if face(fontBox) != nil {
		t.Errorf("a box has a font face")
	}
}
