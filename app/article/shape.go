package article

import (
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
)

// size is what the text renderer reports for a string: its size and the distance from its top
// to its baseline.
type size struct {
	w, h, ascent float32
}

// measureKey identifies a measured string.
type measureKey struct {
	text string
	font fontKind
	size float32
}

// measured is the measurer all articles share: widths outlive a document, and common words
// come back in the next one.
var measured measurer

// maxMeasured bounds the measure cache.
const maxMeasured = 1 << 16

// measurer measures strings and remembers the answers.
//
// For the two embedded fonts it shapes the string itself, the way Fyne's text renderer does
// (go-text's segmenter and HarfBuzz shaper, one face, no fallback: what a canvas.Text with that
// FontSource gets), but with one shaper kept for all strings, so that HarfBuzz's font and shape
// plans are built once rather than for every string. The height and baseline of such a text
// depend on the font only and are asked of the driver once per size. Anything else is measured
// by the driver.
type measurer struct {
	mu      sync.Mutex
	cache   map[measureKey]size
	hb      shaping.HarfbuzzShaper
	seg     shaping.Segmenter
	lines   [fontKinds]size // height and ascent per font, at linesAt
	linesAt float32
}

// measure returns the size of s drawn in font k at text size ts.
func (m *measurer) measure(s string, k fontKind, ts float32) size {
	m.mu.Lock()
	defer m.mu.Unlock()
	key := measureKey{s, k, ts}
	if sz, ok := m.cache[key]; ok {
		return sz
	}
	if m.cache == nil || len(m.cache) >= maxMeasured {
		m.cache = make(map[measureKey]size, 1024)
	}
	var sz size
	if f := face(k); f != nil && !strings.ContainsAny(s, "\t\r") {
		sz = m.line(k, ts)
		sz.w = m.advance(f, s, ts)
	} else {
		sz = driverSize(s, k, ts)
	}
	m.cache[key] = sz
	return sz
}

// lineSize returns the height and ascent of a text in font k at size ts, with no width.
func (m *measurer) lineSize(k fontKind, ts float32) size {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.line(k, ts)
}

// line returns the height and ascent of a text in font k at size ts, with no width.
func (m *measurer) line(k fontKind, ts float32) size {
	if m.linesAt != ts {
		for i := range fontKinds {
			m.lines[i] = driverSize(" ", i, ts)
			m.lines[i].w = 0
		}
		m.linesAt = ts
	}
	return m.lines[k]
}

// advance returns the width of s shaped with f alone at size ts.
func (m *measurer) advance(f *font.Face, s string, ts float32) float32 {
	runes := []rune(s)
	in := shaping.Input{
		Text: runes, RunStart: 0, RunEnd: len(runes),
		Direction: di.DirectionLTR,
		Face:      f,
		Size:      fixed.Int26_6(float64(ts) * (1 << 6)),
	}
	m.hb.SetFontCacheSize(int(fontKinds)) // the default, 0, rebuilds HarfBuzz's font every time
	var adv fixed.Int26_6
	for _, run := range m.seg.Split(in, oneFace{f}) {
		for _, g := range m.hb.Shape(run).Glyphs {
			adv += g.XAdvance
		}
	}
	return float32(float64(adv) / (1 << 6))
}

// oneFace is a shaping.Fontmap of a single face.
type oneFace struct{ f *font.Face }

func (o oneFace) ResolveFace(rune) *font.Face { return o.f }

// driverSize asks the Fyne driver for the size of s in font k at size ts.
func driverSize(s string, k fontKind, ts float32) size {
	d, base := fyne.CurrentApp().Driver().RenderedTextSize(s, ts, fyne.TextStyle{}, k.source())
	return size{w: d.Width, h: d.Height, ascent: base}
}
