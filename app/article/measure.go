package article

// drawing is an analysis measured for drawing at one text size: for each piece its text as
// drawn (mirrored when right to left; the digits of a box), its font and its size; and the
// line metrics, which are those of the Arabic and Latin fonts: emoji and Hebrew sit on their
// baseline.
type drawing struct {
	size       float32 // the text size; 0 when nothing is measured
	shown      []string
	fonts      []fontKind
	widths     []float32
	heights    []float32
	dy         []float32 // offset below the line's top that puts the piece on the line's baseline
	ascent     float32   // of a line: the largest ascent of the fonts
	lineHeight float32   // the largest ascent plus the largest descent
	space      float32   // the width of a space
}

// measure measures every piece of an at text size ts.
func (d *drawing) measure(an *analysis, ts float32) {
	d.size = ts
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
	for i, p := range an.pieces {
		rs := an.text[p.start:p.end]
		d.fonts[i] = p.font
		if p.font == fontBox {
			d.shown[i] = boxLabel(rs)
			d.widths[i], d.heights[i], d.dy[i] = boxWidth(d.shown[i], ts), d.lineHeight, 0
			continue
		}
		s := displayText(rs, p.level)
		sz := measured.measure(s, p.font, ts)
		d.shown[i] = s
		d.widths[i], d.heights[i], d.dy[i] = sz.w, sz.h, asc-sz.ascent
	}
}
