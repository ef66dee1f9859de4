package article

import (
	"sync"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/harfbuzz"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"github.com/go-text/typesetting/unicodedata"
	"golang.org/x/image/math/fixed"

	"github.com/tawsim/tawsim/app/assets"
)

// fontKind says which embedded font draws a piece, or that it is drawn as a box.
//
// The widget draws text with its embedded fonts only, never with the machine's: each piece
// is one canvas.Text with one FontSource, which Fyne draws with that font alone, and a piece
// is made of characters that its font has. So the article looks the same on every machine,
// and a character that none of the fonts has is drawn as a box with its code point in it
// (fontBox) rather than as whatever the machine may or may not find for it.
type fontKind uint8

const (
	// fontArabic is the embedded Noto Sans Arabic, for the Arabic script.
	fontArabic fontKind = iota
	// fontLatin is Fyne's bundled Noto Sans: Latin, Greek and Cyrillic letters, numbers,
	// punctuation.
	fontLatin
	// fontHebrew is the embedded Noto Sans Hebrew.
	fontHebrew
	// fontEmoji is the embedded Noto Color Emoji: emoji and their sequences, and many symbols.
	fontEmoji
	// textFonts is the number of fonts; what comes after is not a font.
	textFonts
	// fontBox is a grapheme cluster that no font has: drawn as a box with its code point.
	fontBox = textFonts
	// fontKinds is the number of kinds, and stands for no font yet.
	fontKinds = fontBox + 1
)

// asset returns the font of package assets that k is; FontTheme for fontBox, which is drawn
// by no font.
func (k fontKind) asset() assets.Font {
	switch k {
	case fontArabic:
		return assets.FontArabic
	case fontLatin:
		return assets.FontLatin
	case fontHebrew:
		return assets.FontHebrew
	case fontEmoji:
		return assets.FontEmoji
	}
	return assets.FontTheme
}

// source returns the canvas.Text FontSource of k (for fontBox, the font of the digits in the
// box).
func (k fontKind) source() fyne.Resource {
	if k >= textFonts {
		return theme.DefaultTextFont()
	}
	return k.asset().Source()
}

// fonts holds what the article keeps of its own about the fonts: the emoji sequences it has
// shaped.
var fonts struct {
	mu     sync.Mutex
	hb     shaping.HarfbuzzShaper
	single map[string]bool // emoji sequences, and whether the emoji font draws each as one glyph
}

// face returns the parsed face of a font, nil for fontBox.
func face(k fontKind) *font.Face { return k.asset().Face() }

// has reports whether font k has a glyph for r.
func has(k fontKind, r rune) bool { return k.asset().Has(r) }

// glyphAdvance returns the advance of r's glyph in font k, in ems; 0 for a character it lacks.
func glyphAdvance(k fontKind, r rune) float32 { return k.asset().Advance(r) }

// covers reports whether font k has every character of a cluster that a shaper shows (default
// ignorable characters such as ZWJ and variation selectors are left out: they draw nothing
// themselves).
func covers(k fontKind, cluster []rune) bool {
	for _, r := range cluster {
		if !harfbuzz.IsDefaultIgnorable(r) && !has(k, r) {
			return false
		}
	}
	return true
}

// clusterFont returns the font that draws a grapheme cluster, or fontBox when none can. An
// emoji cluster (one with a variation selector, a skin tone, a ZWJ between pictographs, a
// keycap, regional indicators, or a pictograph beyond the BMP) goes to the emoji font first,
// which must then draw it as one glyph; a cluster of the Arabic or Hebrew script to that
// script's font first; a character of no script (punctuation, digits, tatweel) to prev, the
// font of the cluster before it in the same piece, when prev has it; anything else to the Latin
// font first. It returns prev for a cluster of default ignorable characters only.
func clusterFont(cluster []rune, prev fontKind) fontKind {
	base := rune(-1)
	for _, r := range cluster {
		if !harfbuzz.IsDefaultIgnorable(r) {
			base = r
			break
		}
	}
	if base < 0 {
		return prev
	}
	if len(cluster) == 1 && prev < textFonts && has(prev, base) {
		if s := language.LookupScript(base); s == language.Common || s == language.Inherited {
			return prev
		}
	}
	order := [...]fontKind{fontLatin, fontArabic, fontHebrew, fontEmoji}
	switch {
	case isEmoji(cluster, base):
		order = [...]fontKind{fontEmoji, fontLatin, fontArabic, fontHebrew}
	case isArabicScript(base):
		order = [...]fontKind{fontArabic, fontLatin, fontHebrew, fontEmoji}
	case unicode.Is(unicode.Hebrew, base):
		order = [...]fontKind{fontHebrew, fontLatin, fontArabic, fontEmoji}
	}
	for _, k := range order {
		if covers(k, cluster) && (k != fontEmoji || oneGlyph(cluster)) {
			return k
		}
	}
	return fontBox
}

// isEmoji reports whether a cluster asks for an emoji glyph.
func isEmoji(cluster []rune, base rune) bool {
	if base >= 0x1F000 && unicode.Is(unicodedata.Extended_Pictographic, base) {
		return true
	}
	for _, r := range cluster {
		switch {
		case r == 0xFE0F, r == 0x20E3, r == 0x200D, r >= 0x1F3FB && r <= 0x1F3FF,
			r >= 0x1F1E6 && r <= 0x1F1FF, r >= 0xE0020 && r <= 0xE007F:
			return true
		}
	}
	return false
}

// oneGlyph reports whether the emoji font draws a cluster as a single glyph: true for one code
// point, and for a sequence that the font knows (a flag, a skin tone, a family); a sequence
// it does not know would come out as its parts side by side.
func oneGlyph(cluster []rune) bool {
	n := 0
	for _, r := range cluster {
		if !harfbuzz.IsDefaultIgnorable(r) {
			n++
		}
	}
	if n <= 1 {
		return true
	}
	fonts.mu.Lock()
	defer fonts.mu.Unlock()
	key := string(cluster)
	if one, ok := fonts.single[key]; ok {
		return one
	}
	out := fonts.hb.Shape(shaping.Input{
		Text: cluster, RunEnd: len(cluster), Direction: di.DirectionLTR,
		Face: face(fontEmoji), Size: fixed.I(16), Script: language.Common,
	})
	drawn := 0
	for _, g := range out.Glyphs {
		if g.GlyphID == 0 {
			drawn += 2
		} else if g.XAdvance != 0 {
			drawn++
		}
	}
	if fonts.single == nil {
		fonts.single = make(map[string]bool)
	}
	fonts.single[key] = drawn == 1
	return drawn == 1
}

// fontFor returns the font that draws the whole of a short string, such as a label's name:
// that of its first cluster, or the Latin font when it has none.
func fontFor(runes []rune) fontKind {
	if len(runes) == 0 {
		return fontLatin
	}
	k := clusterFont(runes[:1], fontLatin)
	if k == fontBox {
		return fontLatin
	}
	return k
}
