package article

import (
	"math"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/tawsim/tawsim/app/assets"
)

func TestFontFor(t *testing.T) {
	for s, want := range map[string]fontKind{
		"طرابلس": fontArabic, "٣٤٫٣": fontArabic, "،": fontArabic, "بـ": fontArabic,
		"ISIS": fontLatin, "2019": fontLatin, "(": fontLatin, "«": fontLatin, ".": fontLatin,
		"中文": fontTheme, "עברית": fontTheme,
	} {
		if got := fontFor([]rune(s)); got != want {
			t.Errorf("fontFor(%q) = %d, want %d", s, got, want)
		}
	}
	if fontArabic.source() != assets.ArabicRegular || fontLatin.source() != theme.DefaultTextFont() || fontTheme.source() != nil {
		t.Errorf("font sources are not the embedded Arabic font, Fyne's font and the theme's")
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
