package assets

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

func TestIconIsTheModuleIcon(t *testing.T) {
	want, err := os.ReadFile("../../Icon.png")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(Icon.Content(), want) {
		t.Errorf("app/assets/icon.png differs from the module's Icon.png: copy it again")
	}
}

func TestFontsAndLicence(t *testing.T) {
	for _, r := range []fyne.Resource{ArabicRegular, ArabicBold, HebrewRegular, Emoji} {
		if c := r.Content(); len(c) < 20_000 || string(c[:4]) != "\x00\x01\x00\x00" {
			t.Errorf("%s is not a TrueType font", r.Name())
		}
	}
	if !strings.Contains(FontLicense(), "SIL OPEN FONT LICENSE Version 1.1") {
		t.Errorf("the font licence is not the OFL")
	}
}

func TestThemeFonts(t *testing.T) {
	th := NewTheme()
	if th.Font(fyne.TextStyle{}) != ArabicRegular || th.Font(fyne.TextStyle{Bold: true}) != ArabicBold {
		t.Errorf("the theme's text fonts are not Noto Sans Arabic")
	}
	if th.Font(fyne.TextStyle{Monospace: true}) == ArabicRegular {
		t.Errorf("monospace text uses the Arabic font")
	}
}

func TestFontFor(t *testing.T) {
	for _, c := range []struct {
		text string
		want Font
	}{
		{"طرابلس", FontArabic},
		{"٣٤٫٣", FontArabic},
		{"Ohio", FontLatin},
		{"2024", FontLatin},
		{"(", FontLatin},
		{"🦠", FontTheme},
		{"ー", FontTheme},
	} {
		if got := FontFor([]rune(c.text)); got != c.want {
			t.Errorf("FontFor(%q) = %d, want %d", c.text, got, c.want)
		}
	}
	if FontTheme.Source() != nil || FontArabic.Source() != ArabicRegular {
		t.Errorf("the fonts' sources are not the theme's chain and Noto Sans Arabic")
	}
}

func TestFontCoverage(t *testing.T) {
	for _, c := range []struct {
		f    Font
		r    rune
		want bool
	}{
		{FontArabic, 'ب', true}, {FontArabic, 'b', false}, {FontLatin, 'b', true}, {FontLatin, 'ب', false},
		{FontHebrew, 'א', true}, {FontEmoji, '🦠', true}, {FontEmoji, 'ー', false}, {FontTheme, 'b', false},
	} {
		if got := c.f.Has(c.r); got != c.want {
			t.Errorf("font %d has %q: %v, want %v", c.f, c.r, got, c.want)
		}
		if adv := c.f.Advance(c.r); (adv > 0) != c.want {
			t.Errorf("font %d: the advance of %q is %v", c.f, c.r, adv)
		}
	}
	if FontHebrew.Source() != HebrewRegular || FontEmoji.Source() != Emoji {
		t.Errorf("the Hebrew and emoji fonts' sources are not the embedded fonts")
	}
}
