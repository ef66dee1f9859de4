package assets

import (
	"bytes"
	"sync"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"github.com/go-text/typesetting/font"
)

// Font names a font that draws a piece of text with a canvas.Text: one of the two fonts of
// the theme alone, or the theme's whole chain.
type Font uint8

const (
	// FontTheme leaves the font to Fyne: the theme's font, Fyne's bundled fonts and emoji,
	// then the system's. It is for text that neither embedded font covers on its own.
	FontTheme Font = iota
	// FontArabic is the embedded Noto Sans Arabic.
	FontArabic
	// FontLatin is Fyne's bundled Noto Sans.
	FontLatin
)

// Source returns the canvas.Text FontSource of f: nil for the theme's chain.
func (f Font) Source() fyne.Resource {
	switch f {
	case FontArabic:
		return ArabicRegular
	case FontLatin:
		return theme.DefaultTextFont()
	}
	return nil
}

// faces holds the two fonts parsed, to tell which characters they have and to shape text.
var faces struct {
	once          sync.Once
	arabic, latin *font.Face
}

// Face returns f parsed, nil for FontTheme.
func (f Font) Face() *font.Face {
	faces.once.Do(func() {
		faces.arabic, _ = font.ParseTTF(bytes.NewReader(ArabicRegular.Content()))
		faces.latin, _ = font.ParseTTF(bytes.NewReader(theme.DefaultTextFont().Content()))
	})
	switch f {
	case FontArabic:
		return faces.arabic
	case FontLatin:
		return faces.latin
	}
	return nil
}

// Covers reports whether f has a glyph for every character of text. (A canvas.Text with a
// FontSource draws with that font alone.)
func (f Font) Covers(text []rune) bool {
	face := f.Face()
	if face == nil {
		return false
	}
	for _, r := range text {
		if _, ok := face.NominalGlyph(r); !ok {
			return false
		}
	}
	return true
}

// FontFor picks the font of a piece of text: Noto Sans Arabic for the Arabic script, Noto Sans
// for the rest, and the theme's chain when the chosen font lacks a character.
func FontFor(text []rune) Font {
	arabic := false
	for _, r := range text {
		if r >= 0x0600 && r <= 0x06FF || unicode.Is(unicode.Arabic, r) {
			arabic = true
			break
		}
	}
	switch {
	case arabic && FontArabic.Covers(text):
		return FontArabic
	case !arabic && FontLatin.Covers(text):
		return FontLatin
	case FontArabic.Covers(text):
		return FontArabic
	}
	return FontTheme
}
