package article

import (
	"fmt"
	"image/color"
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"github.com/go-text/typesetting/harfbuzz"
	"golang.org/x/text/unicode/runenames"
)

// A grapheme cluster that no embedded font has is drawn as a box with the code point of its
// first character in hexadecimal, the way desktop browsers draw what no font covers: it takes
// room, it can be selected and labeled like any character, and the status bar names it
// (MissingGlyphs).

// Box sizes, relative to the text size.
const (
	boxDigits = 0.58 // the size of the digits in a box
	boxPad    = 0.15 // between the digits and the frame, across
	boxMargin = 1    // between the frame and the next character, in pixels
	boxTop    = 0.8  // the frame's top, above the baseline
	boxBottom = 0.16 // its bottom, below the baseline
	boxAlpha  = 0x20 // of the frame's fill
)

// boxLabel returns the digits shown in the box of a cluster: the hexadecimal code point of its
// first character that draws, and "…" after it when more follow.
func boxLabel(cluster []rune) string {
	var shown []rune
	for _, r := range cluster {
		if !harfbuzz.IsDefaultIgnorable(r) {
			shown = append(shown, r)
		}
	}
	if len(shown) == 0 {
		shown = cluster
	}
	s := fmt.Sprintf("%04X", shown[0])
	if len(shown) > 1 {
		s += "…"
	}
	return s
}

// boxWidth returns the width of the box of a cluster whose label is s, at text size ts.
func boxWidth(s string, ts float32) float32 {
	d := measured.measure(s, fontLatin, digitSize(ts))
	return float32(math.Ceil(float64(d.w+2*boxPad*ts))) + 2*boxMargin
}

// digitSize returns the size of the digits in a box at text size ts.
func digitSize(ts float32) float32 { return float32(math.Round(float64(ts * boxDigits))) }

// newBox returns the frame and the digits of a box whose label is s, at text size ts, in
// colour fg; placeBox puts them in place.
func newBox(s string, ts float32, fg color.Color) (*canvas.Rectangle, *canvas.Text) {
	r, g, b, _ := fg.RGBA()
	frame := &canvas.Rectangle{
		FillColor:   color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: boxAlpha},
		StrokeColor: fg, StrokeWidth: 1, CornerRadius: 1,
	}
	size := digitSize(ts)
	d := measured.measure(s, fontLatin, size)
	t := &canvas.Text{Text: s, Color: fg, TextSize: size, FontSource: fontLatin.source()}
	t.Resize(fyne.NewSize(d.w, d.h))
	return frame, t
}

// placeBox puts the frame and the digits of a box of width w (margins included) at x, on a
// line whose baseline is at baseline, at text size ts.
func placeBox(frame *canvas.Rectangle, t *canvas.Text, x, w, baseline, ts float32) {
	top := float32(math.Round(float64(baseline - boxTop*ts)))
	bottom := float32(math.Round(float64(baseline + boxBottom*ts)))
	frame.Move(fyne.NewPos(x+boxMargin, top))
	frame.Resize(fyne.NewSize(w-2*boxMargin, bottom-top))
	d := t.Size()
	t.Move(fyne.NewPos(x+(w-d.Width)/2, top+(bottom-top-d.Height)/2))
}

// MissingGlyph is a character of the text that no embedded font has, which the article draws
// as a box with its code point.
type MissingGlyph struct {
	Rune rune
	Name string // its Unicode name, "" when Unicode gives it none
}

// String says which character it is: "U+30FC KATAKANA-HIRAGANA PROLONGED SOUND MARK".
func (m MissingGlyph) String() string {
	if m.Name == "" {
		return fmt.Sprintf("U+%04X", m.Rune)
	}
	return fmt.Sprintf("U+%04X %s", m.Rune, m.Name)
}

// MissingGlyphs returns the characters of the code points [start, end) that the article draws
// as boxes, each once, in text order: the characters of the clusters that no embedded font has
// (default ignorable ones, such as ZWJ, left out).
func (a *Article) MissingGlyphs(start, end int) []MissingGlyph {
	start, end = max(start, 0), min(end, len(a.an.text))
	var out []MissingGlyph
	seen := map[rune]bool{}
	for _, p := range a.an.pieces {
		if p.font != fontBox || int(p.end) <= start || int(p.start) >= end {
			continue
		}
		for _, r := range a.an.text[p.start:p.end] {
			if !seen[r] && !harfbuzz.IsDefaultIgnorable(r) {
				seen[r] = true
				out = append(out, MissingGlyph{Rune: r, Name: runeName(r)})
			}
		}
	}
	return out
}

// runeName returns the Unicode name of r; "" for a control or private use character, which
// has none.
func runeName(r rune) string {
	n := runenames.Name(r)
	if strings.HasPrefix(n, "<") {
		return ""
	}
	return n
}

// MissingNote returns what the status bar says of the characters drawn as boxes in a
// selection: " U+30FC KATAKANA-HIRAGANA PROLONGED SOUND MARK is not in the fonts.", or ""
// when there are none.
func MissingNote(ms []MissingGlyph) string {
	switch len(ms) {
	case 0:
		return ""
	case 1:
		return " " + ms[0].String() + " is not in the fonts."
	}
	names := make([]string, len(ms))
	for i, m := range ms {
		names[i] = m.String()
	}
	return " Not in the fonts: " + strings.Join(names, ", ") + "."
}
