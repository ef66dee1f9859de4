package charts

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"
)

// Style is the colours a figure is drawn in: the window's theme, or Light for files.
type Style struct {
	Background, Foreground, Grid color.Color
}

// Light is black on white, for PNG files and the report.
var Light = Style{Background: color.White, Foreground: color.Black, Grid: color.Gray{Y: 0xdd}}

// Plot returns the figure drawn by gonum/plot in style s: its axes, grid and data, without a
// title or a legend, the axes named only when Inside is set (see Words). An empty figure has axes alone.
func (f Figure) Plot(s Style) *plot.Plot {
	p := plot.New()
	p.BackgroundColor = s.Background
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Color, a.Tick.Color = s.Foreground, s.Foreground
		a.Label.TextStyle.Color, a.Tick.Label.Color = s.Foreground, s.Foreground
		a.Label.TextStyle.Font = font.Font{Typeface: "Liberation", Variant: "Sans", Size: vg.Points(10)}
		a.Tick.Label.Font = font.Font{Typeface: "Liberation", Variant: "Sans", Size: vg.Points(9)}
	}
	if f.Inside {
		p.X.Label.Text, p.Y.Label.Text = f.XLabel, f.YLabel
	}
	grid := &yGrid{color: s.Grid}
	p.Add(grid)
	if f.draw != nil {
		f.draw(p, s)
	}
	p.Y.Max *= 1.08 // room above the highest point
	p.Y.Tick.Marker = integerTicks{}
	return p
}

// Image draws the figure at w×h pixels and dpi dots per inch (96 at a scale of 1; the text
// grows with it).
func (f Figure) Image(w, h int, dpi float64, s Style) image.Image {
	w, h = max(w, 16), max(h, 16)
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	c := vgimg.NewWith(vgimg.UseImage(img), vgimg.UseDPI(max(int(dpi+0.5), 24)))
	f.Plot(s).Draw(draw.New(c))
	return c.Image()
}

// WritePNG writes the figure as a PNG image of w×h pixels, black on white.
func (f Figure) WritePNG(out io.Writer, w, h int) error {
	if err := png.Encode(out, f.Image(w, h, 96, Light)); err != nil {
		return fmt.Errorf("write the chart %s: %w", f.ID, err)
	}
	return nil
}

// SVG returns the figure as an SVG element of w×h points, black on white, without the XML
// declaration, to be put inside an HTML page; its texts are escaped.
func (f Figure) SVG(w, h vg.Length) ([]byte, error) {
	c := vgsvg.New(w, h)
	f.Plot(Light).Draw(draw.New(c))
	var b bytes.Buffer
	if _, err := c.WriteTo(&b); err != nil {
		return nil, fmt.Errorf("draw the chart %s: %w", f.ID, err)
	}
	out := b.Bytes()
	if i := bytes.Index(out, []byte("<svg")); i > 0 {
		out = out[i:]
	}
	return out, nil
}

// bars draws bars over categories 0..n-1 (plot.NominalX names them): values[i] are the parts
// of bar i, stacked from the bottom, each part j in layers[j], or, with one part a bar, bar i
// in perCategory[i].
type bars struct {
	values      [][]float64
	layers      []color.NRGBA
	perCategory []color.NRGBA
}

// barWidth is a bar's width, in categories.
const barWidth = 0.7

// Plot draws the bars.
func (b *bars) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	for i, parts := range b.values {
		x0, x1 := trX(float64(i)-barWidth/2), trX(float64(i)+barWidth/2)
		base := 0.0
		for j, v := range parts {
			if v <= 0 {
				continue
			}
			col := grey
			switch {
			case len(b.perCategory) > i:
				col = b.perCategory[i]
			case len(b.layers) > j:
				col = b.layers[j]
			}
			y0, y1 := trY(base), trY(base+v)
			c.FillPolygon(col, []vg.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}})
			base += v
		}
	}
}

// DataRange is the categories and the highest stack.
func (b *bars) DataRange() (xmin, xmax, ymin, ymax float64) {
	for _, parts := range b.values {
		sum := 0.0
		for _, v := range parts {
			sum += max(v, 0)
		}
		ymax = max(ymax, sum)
	}
	return -0.5, float64(len(b.values)) - 0.5, 0, max(ymax, 1)
}

// yGrid draws the horizontal lines of the value axis's ticks, below the data.
type yGrid struct{ color color.Color }

// Plot draws the lines.
func (g *yGrid) Plot(c draw.Canvas, p *plot.Plot) {
	_, trY := p.Transforms(&c)
	sty := draw.LineStyle{Color: g.color, Width: vg.Points(0.5)}
	for _, t := range p.Y.Tick.Marker.Ticks(p.Y.Min, p.Y.Max) {
		if t.IsMinor() {
			continue
		}
		y := trY(t.Value)
		c.StrokeLine2(sty, c.Min.X, y, c.Max.X, y)
	}
}

// integerTicks marks counts: whole numbers only, about five of them, with thousands separated.
type integerTicks struct{}

// Ticks returns the ticks between min and max.
func (integerTicks) Ticks(min, max float64) []plot.Tick {
	var out []plot.Tick
	for _, t := range (plot.DefaultTicks{}).Ticks(min, max) {
		if t.Value != float64(int64(t.Value)) {
			continue
		}
		if t.Label != "" {
			t.Label = thousands(int(t.Value))
		}
		out = append(out, t)
	}
	return out
}
