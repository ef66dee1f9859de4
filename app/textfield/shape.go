package textfield

import (
	"slices"
	"sort"
	"sync"

	"fyne.io/fyne/v2"
	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"

	"github.com/tawsim/tawsim/app/assets"
)

// shaper shapes the pieces drawn in the embedded fonts the way Fyne's text renderer does
// (go-text's segmenter, then HarfBuzz on each run, the runs side by side in logical order),
// which gives the advance of every glyph and so the place of every cluster.
var shaper struct {
	mu  sync.Mutex
	hb  shaping.HarfbuzzShaper
	seg shaping.Segmenter
}

// oneFace is a shaping.Fontmap of a single face.
type oneFace struct{ f *font.Face }

func (o oneFace) ResolveFace(rune) *font.Face { return o.f }

// extent is the left and right edge of a cluster, from the left end of its piece.
type extent struct{ x0, x1 float32 }

// shapeKey identifies a shaped piece.
type shapeKey struct {
	text string
	font assets.Font
	size float32
}

// shaped is a piece shaped: its cluster boundaries, width and cluster extents.
type shaped struct {
	bounds []int
	width  float32
	ext    []extent
}

// maxShaped bounds the cache of shaped pieces: a field's pieces, and those of its last edits.
const maxShaped = 512

// shapes caches shaped pieces: an edit changes one piece of a line, and the others come back.
var shapes struct {
	mu    sync.Mutex
	cache map[shapeKey]shaped
}

// shape returns the width of text drawn in font k at size ts, and the extent of each of its
// grapheme clusters, whose boundaries are bounds (0 first, len(text) last). A glyph that
// stands for several clusters (the lam-alef ligature) is shared evenly between them.
func shape(k assets.Font, text []rune, bounds []int, ts float32) (float32, []extent) {
	key := shapeKey{string(text), k, ts}
	shapes.mu.Lock()
	sh, ok := shapes.cache[key]
	shapes.mu.Unlock()
	if ok && slices.Equal(sh.bounds, bounds) {
		return sh.width, sh.ext
	}
	w, ext := shapeText(k, text, bounds, ts)
	shapes.mu.Lock()
	if shapes.cache == nil || len(shapes.cache) >= maxShaped {
		shapes.cache = make(map[shapeKey]shaped)
	}
	shapes.cache[key] = shaped{slices.Clone(bounds), w, ext}
	shapes.mu.Unlock()
	return w, ext
}

// shapeText is shape without the cache.
func shapeText(k assets.Font, text []rune, bounds []int, ts float32) (float32, []extent) {
	ext := make([]extent, len(bounds)-1)
	f := k.Face()
	if f == nil || len(text) == 0 {
		w := textSize(string(text), k, ts).Width
		for i := range ext {
			ext[i] = extent{0, w}
		}
		return w, ext
	}
	// the extent of every code point: glyph clusters first, then split between the
	// grapheme clusters they hold
	runeExt := make([]extent, len(text))
	in := shaping.Input{
		Text: text, RunEnd: len(text), Direction: di.DirectionLTR, Face: f,
		Size: fixed.Int26_6(float64(ts) * (1 << 6)),
	}
	shaper.mu.Lock()
	shaper.hb.SetFontCacheSize(2)
	var x fixed.Int26_6
	for _, run := range shaper.seg.Split(in, oneFace{f}) {
		out := shaper.hb.Shape(run)
		spans := map[int]extent{}
		for _, g := range out.Glyphs {
			e, ok := spans[g.ClusterIndex]
			x0, x1 := fx(x), fx(x+g.XAdvance)
			if ok {
				x0, x1 = min(x0, e.x0), max(x1, e.x1)
			}
			spans[g.ClusterIndex] = extent{x0, x1}
			x += g.XAdvance
		}
		starts := make([]int, 0, len(spans))
		for s := range spans {
			starts = append(starts, s)
		}
		sort.Ints(starts)
		for i, s := range starts {
			end := run.RunEnd
			if i+1 < len(starts) {
				end = starts[i+1]
			}
			split(runeExt, bounds, s, end, spans[s], run.Direction.Progression() == di.TowardTopLeft)
		}
	}
	shaper.mu.Unlock()
	for i := range ext {
		e := runeExt[bounds[i]]
		for _, r := range runeExt[bounds[i]+1 : bounds[i+1]] {
			e = extent{min(e.x0, r.x0), max(e.x1, r.x1)}
		}
		ext[i] = e
	}
	return fx(x), ext
}

// split gives the code points [start, end) of one glyph cluster of extent e their extents:
// each grapheme cluster that starts in it an equal share, from the left when ltr.
func split(runeExt []extent, bounds []int, start, end int, e extent, rtl bool) {
	var starts []int
	for _, b := range bounds {
		if b > start && b < end {
			starts = append(starts, b)
		}
	}
	starts = append([]int{start}, starts...)
	n := float32(len(starts))
	w := e.x1 - e.x0
	for i, s := range starts {
		stop := end
		if i+1 < len(starts) {
			stop = starts[i+1]
		}
		a, b := e.x0+w*float32(i)/n, e.x0+w*float32(i+1)/n
		if rtl {
			a, b = e.x1-w*float32(i+1)/n, e.x1-w*float32(i)/n
		}
		for j := s; j < stop; j++ {
			runeExt[j] = extent{a, b}
		}
	}
}

// fx converts a 26.6 fixed point length to units.
func fx(v fixed.Int26_6) float32 { return float32(float64(v) / (1 << 6)) }

// textSize asks the driver for the size of s drawn in font k at size ts.
func textSize(s string, k assets.Font, ts float32) fyne.Size {
	sz, _ := fyne.CurrentApp().Driver().RenderedTextSize(s, ts, fyne.TextStyle{}, k.Source())
	return sz
}

// lineMetrics returns the ascent and the height of text in font k at size ts.
func lineMetrics(k assets.Font, s string, ts float32) (ascent, height float32) {
	sz, base := fyne.CurrentApp().Driver().RenderedTextSize(s, ts, fyne.TextStyle{}, k.Source())
	return base, sz.Height
}
