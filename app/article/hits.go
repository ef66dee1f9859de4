package article

import (
	"image/color"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/tawsim/tawsim/labels"
)

// Search hits are drawn below everything else, so that a span's background, its name, its
// underline or its band is drawn over them and never hidden: an outline a little outside the
// words, in the theme's warning colour, the current hit's thicker and filled.
const (
	hitMargin  = 3   // how far outside the words a hit's outline runs
	hitStroke  = 1.5 // the outline of a hit
	hitCurrent = 2.5 // the outline of the current hit
	hitFill    = 0x50
)

// SetHits marks the places of the text that a search found (code points, half-open), hit
// current as the one the reader is at (-1 for none). A hit that starts after a proclitic
// cuts its word there, as a span does. Hits outside the text are left out.
func (a *Article) SetHits(hits []labels.Offsets, current int) {
	n := len(a.an.text)
	kept, cur := make([]labels.Offsets, 0, len(hits)), -1
	for i, h := range hits {
		if h.Start < 0 || h.End > n || h.Start >= h.End {
			continue
		}
		if i == current {
			cur = len(kept)
		}
		kept = append(kept, h)
	}
	cuts := !slices.Equal(kept, a.hits)
	a.hits, a.hit = kept, cur
	a.changed(cuts)
}

// Hits returns the hits marked and the index of the current one (-1 for none).
func (a *Article) Hits() ([]labels.Offsets, int) { return a.hits, a.hit }

// hitDecorations returns the outlines (and the current hit's fill) of the hits that reach
// into the lines [from, to), whose code points are [vs, ve).
func (a *Article) hitDecorations(from, to int, vs, ve int32, b bands, segs []segment) []fyne.CanvasObject {
	if len(a.hits) == 0 {
		return nil
	}
	th, v := a.Theme(), fyne.CurrentApp().Settings().ThemeVariant()
	c := th.Color(theme.ColorNameWarning, v)
	var out []fyne.CanvasObject
	for i, h := range a.hits {
		if int32(h.Start) >= ve || int32(h.End) <= vs {
			continue
		}
		segs = a.segments(int32(h.Start), int32(h.End), segs[:0])
		for _, sg := range segs {
			if int(sg.line) < from || int(sg.line) >= to {
				continue
			}
			y := a.lay.lines[sg.line].y
			o := outlineRect(c, sg.x0-hitMargin, y+b.top-hitMargin, sg.x1+hitMargin, y+b.bottom+hitMargin)
			o.StrokeWidth = hitStroke
			if i == a.hit {
				o.StrokeWidth = hitCurrent
				o.FillColor = fill(c)
			}
			out = append(out, o)
		}
	}
	return out
}

// fill returns c, see-through: the background of the current hit.
func fill(c color.Color) color.NRGBA {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = hitFill
	return n
}

// hitCuts appends the code points where hits start and end, for cutPieces.
func (a *Article) hitCuts(offs []int32) []int32 {
	cl := a.an.clusters
	for _, h := range a.hits {
		offs = append(offs, int32(cl.start(h.Start)), int32(cl.start(h.End)))
	}
	return offs
}
