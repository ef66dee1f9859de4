package assets

import (
	"bytes"
	"sync"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"github.com/go-text/typesetting/font"
)

// Font names a font that draws a piece of text with a canvas.Text: one of the program's own
// fonts alone, or the theme's whole chain.
type Font uint8

const (
	// FontTheme leaves the font to Fyne: the theme's font, Fyne's bundled fonts and emoji,
	// then the system's. It is for text that neither embedded font covers on its own.
	FontTheme Font = iota
	// FontArabic is the embedded Noto Sans Arabic.
	FontArabic
	// FontLatin is Fyne's bundled Noto Sans: Latin, Greek and Cyrillic letters, numbers,
	// punctuation.
	FontLatin
	// FontHebrew is the embedded Noto Sans Hebrew.
	FontHebrew
	// FontEmoji is the embedded Noto Color Emoji: emoji and their sequences, and many symbols.
	FontEmoji
	// fonts is the number of Font values.
	fonts
)

// Source returns the canvas.Text FontSource of f: nil for the theme's chain.
func (f Font) Source() fyne.Resource {
	switch f {
	case FontArabic:
		return ArabicRegular
	case FontLatin:
		return theme.DefaultTextFont()
	case FontHebrew:
		return HebrewRegular
	case FontEmoji:
		return Emoji
	}
	return nil
}

// coverageBelow is the code point below which a font's coverage and advances are kept in a
// table: the characters of Arabic and Latin text, asked about for every character drawn.
const coverageBelow = 0x800

// parsed is one font parsed, with its coverage of the code points below coverageBelow. Each
// font is parsed once, the first time it is asked for, and shared by every widget.
type parsed struct {
	once  sync.Once
	face  *font.Face
	small [coverageBelow / 64]uint64 // bit r: the font has a glyph for r
	adv   [coverageBelow]float32     // the advance of r's glyph, in ems
}

var faces [fonts]parsed

// load parses f, once.
func (f Font) load() *parsed {
	p := &faces[f]
	p.once.Do(func() {
		src := f.Source()
		if src == nil {
			return
		}
		face, err := font.ParseTTF(bytes.NewReader(src.Content()))
		if err != nil {
			fyne.LogError("embedded font "+src.Name(), err)
			return
		}
		p.face = face
		for r := rune(0); r < coverageBelow; r++ {
			if g, ok := face.NominalGlyph(r); ok {
				p.small[r/64] |= 1 << (r % 64)
				p.adv[r] = face.HorizontalAdvance(g) / float32(face.Upem())
			}
		}
	})
	return p
}

// Face returns f parsed, nil for FontTheme.
func (f Font) Face() *font.Face {
	if f == FontTheme || f >= fonts {
		return nil
	}
	return f.load().face
}

// Has reports whether f has a glyph for r (never, for FontTheme).
func (f Font) Has(r rune) bool {
	face := f.Face()
	if face == nil {
		return false
	}
	if r >= 0 && r < coverageBelow {
		return faces[f].small[r/64]&(1<<(r%64)) != 0
	}
	_, ok := face.NominalGlyph(r)
	return ok
}

// Advance returns the advance of r's glyph in f, in ems; 0 for a character it lacks.
func (f Font) Advance(r rune) float32 {
	face := f.Face()
	if face == nil {
		return 0
	}
	if r >= 0 && r < coverageBelow {
		return faces[f].adv[r]
	}
	if g, ok := face.NominalGlyph(r); ok {
		return face.HorizontalAdvance(g) / float32(face.Upem())
	}
	return 0
}

// Covers reports whether f has a glyph for every character of text. (A canvas.Text with a
// FontSource draws with that font alone.)
func (f Font) Covers(text []rune) bool {
	if f.Face() == nil {
		return false
	}
	for _, r := range text {
		if !f.Has(r) {
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
