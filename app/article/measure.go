package article

import "fyne.io/fyne/v2/theme"

// drawing is an analysis measured for drawing at one text size: for each piece its text as
// drawn (drawnText; the digits of a box), its font and its size; and the
// line metrics, which are those of the Arabic and Latin fonts: emoji and Hebrew sit on their
// baseline.
//
// Shaping every word of a long article takes longer than the annotator should wait for it, so
// the pieces are measured in text order as far as they are needed (measureTo): the pieces
// [0, exact) have the widths the text renderer draws them at; the others have an estimate,
// the sum of their characters' advances scaled by what the measured pieces of the same font
// came to, which places the lines that nobody has looked at yet and sizes the scroll bar.
type drawing struct {
	size       float32 // the text size; 0 when nothing is measured
	exact      int     // pieces [0, exact) are measured; the widths of the others are estimates
	shown      []string
	fonts      []fontKind
	widths     []float32
	heights    []float32
	dy         []float32 // offset below the line's top that puts the piece on the line's baseline
	est        []float32 // the unscaled estimate of each piece's width
	scale      [textFonts]ratio
	ascent     float32 // of a line: the largest ascent of the fonts
	lineHeight float32 // the largest ascent plus the largest descent
	space      float32 // the width of a space
}

// ratio adds up the measured and the estimated widths of the measured pieces of a font.
type ratio struct{ measured, estimated float32 }

// of returns the measured width of a piece estimated at est.
func (r ratio) of(est float32) float32 {
	if r.estimated < 100 { // too little measured to tell
		return est
	}
	return est * r.measured / r.estimated
}

// measure sets the line metrics at text size ts and estimates every piece of an; boxes, whose
// size is known, are measured.
func (d *drawing) measure(an *analysis, ts float32) {
	d.size, d.exact, d.scale = ts, 0, [textFonts]ratio{}
	var asc, desc float32
	for _, k := range []fontKind{fontArabic, fontLatin} {
		s := measured.measure(" ", k, ts)
		asc, desc = max(asc, s.ascent), max(desc, s.h-s.ascent)
	}
	d.ascent, d.lineHeight = asc, asc+desc
	d.space = measured.measure(" ", fontArabic, ts).w

	n := len(an.pieces)
	d.shown = resize(d.shown, n)
	d.fonts = resize(d.fonts, n)
	d.widths = resize(d.widths, n)
	d.heights = resize(d.heights, n)
	d.dy = resize(d.dy, n)
	d.est = resize(d.est, n)
	var line [textFonts]size
	for k := range textFonts {
		line[k] = measured.lineSize(k, ts)
	}
	for i, p := range an.pieces {
		rs := an.text[p.start:p.end]
		d.fonts[i] = p.font
		if p.font == fontBox {
			d.shown[i] = boxLabel(rs)
			d.widths[i], d.heights[i], d.dy[i] = boxWidth(d.shown[i], ts), d.lineHeight, 0
			continue
		}
		d.shown[i] = ""
		d.est[i] = estimate(rs, p.font, ts)
		d.widths[i], d.heights[i], d.dy[i] = d.est[i], line[p.font].h, asc-line[p.font].ascent
	}
}

// measureTo measures the pieces of an up to piece n (excluded) that are not measured yet, and
// scales the estimates of the others by what these came to. It reports whether it measured
// any.
func (d *drawing) measureTo(an *analysis, n int) bool {
	n = min(n, len(an.pieces))
	if n <= d.exact {
		return false
	}
	for i := d.exact; i < n; i++ {
		p := an.pieces[i]
		if p.font == fontBox {
			continue
		}
		s := drawnText(an.text[p.start:p.end], p.level, an.clusters, int(p.start))
		w := measured.measure(s, p.font, d.size).w
		d.shown[i], d.widths[i] = s, w
		r := &d.scale[p.font]
		r.measured, r.estimated = r.measured+w, r.estimated+d.est[i]
	}
	d.exact = n
	for i := n; i < len(an.pieces); i++ {
		if k := d.fonts[i]; k != fontBox {
			d.widths[i] = d.scale[k].of(d.est[i])
		}
	}
	return true
}

// estimate returns the width of runes in font k at size ts as the sum of their glyphs'
// advances, without shaping: exact for most Latin words, wider than the joined forms for
// Arabic ones.
func estimate(runes []rune, k fontKind, ts float32) float32 {
	adv := float32(0)
	for _, r := range runes {
		adv += glyphAdvance(k, r)
	}
	return adv * ts
}

// ensureLayout measures the pieces if the text size changed and lays them out at width.
func (a *Article) ensureLayout(width float32) {
	if width <= 0 {
		width = defaultWidth
	}
	if ts := a.TextSize(); a.d.size != ts {
		a.measure(ts)
		a.laid, a.cutsOK = false, false
		a.splits = nil
	}
	if !a.cutsOK {
		a.cutPieces()
	}
	if a.laid && a.lay.width == width {
		return
	}
	layOut(a.an, a.d.widths, a.m, width, &a.lay)
	a.laid = true
	a.gen++
}

// lazyMargin is how many pieces past those asked for are measured at once.
const lazyMargin = 256

// exactTo makes the layout exact up to piece p: it measures the pieces up to p and lazyMargin
// more, and lays the text out again when it measured any. The lines up to the one that holds
// p keep their places after that, whatever is measured later.
func (a *Article) exactTo(p int) {
	a.ensureLayout(a.Size().Width)
	if p < a.d.exact || !a.d.measureTo(a.an, p+1+lazyMargin) {
		return
	}
	a.laid, a.cutsOK, a.splits = false, false, nil // parts are placed from their piece's width
	a.ensureLayout(a.Size().Width)
}

// exactLine makes the layout exact up to the end of line i.
func (a *Article) exactLine(i int) {
	a.ensureLayout(a.Size().Width)
	for i >= 0 && i < len(a.lay.lines) && int(a.lay.lines[i].last) > a.d.exact {
		a.exactTo(int(a.lay.lines[i].last) - 1)
	}
}

// exactAt makes the layout exact up to the end of the line below the one at height y.
func (a *Article) exactAt(y float32) {
	a.ensureLayout(a.Size().Width)
	for {
		li := min(max(a.lay.lineAt(y)+1, 0), len(a.lay.lines)-1)
		if li < 0 || int(a.lay.lines[li].last) <= a.d.exact {
			return
		}
		a.exactTo(int(a.lay.lines[li].last) - 1)
	}
}

// measure estimates the pieces at text size ts and sets the metrics of the layout.
func (a *Article) measure(ts float32) {
	a.d.measure(a.an, ts)
	th := a.Theme()
	a.m = metrics{
		space:      a.d.space,
		lineHeight: a.d.lineHeight,
		lineGap:    th.Size(theme.SizeNameLineSpacing) + (a.LineSpacing()-1)*a.d.lineHeight,
		paraGap:    a.d.lineHeight / 2,
		pad:        th.Size(theme.SizeNameInnerPadding),
		rows:       a.nestRows,
		nestStep:   a.bands().nestStep,
	}
	a.m.lanes = a.laneRoom()
}
