package agreementview

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"

	"github.com/tawsim/tawsim/agreement"
	"github.com/tawsim/tawsim/app/article"
	"github.com/tawsim/tawsim/app/locale"
	"github.com/tawsim/tawsim/app/msg"
)

// Cell sizes.
const (
	cellW   = 76
	cellH   = 34
	cellGap = 2
)

// The colour scale of figures: red at 0 (and below), amber at 0.5, green at 1. The number is
// written dark on every colour of it, which are all light enough to read it on.
var (
	scaleLow  = color.NRGBA{R: 0xe0, G: 0x6c, B: 0x64, A: 0xff}
	scaleMid  = color.NRGBA{R: 0xf2, G: 0xc1, B: 0x5a, A: 0xff}
	scaleHigh = color.NRGBA{R: 0x6d, G: 0xc0, B: 0x72, A: 0xff}
	scaleInk  = color.NRGBA{R: 0x14, G: 0x14, B: 0x14, A: 0xff}
)

// Scale returns the colour of figure v: from red at 0 (or less) through amber at 0.5 to green
// at 1.
func Scale(v float64) color.NRGBA {
	v = max(0, min(1, v))
	from, to, f := scaleLow, scaleMid, v*2
	if v > 0.5 {
		from, to, f = scaleMid, scaleHigh, (v-0.5)*2
	}
	mix := func(a, b uint8) uint8 { return uint8(math.Round(float64(a) + (float64(b)-float64(a))*f)) }
	return color.NRGBA{R: mix(from.R, to.R), G: mix(from.G, to.G), B: mix(from.B, to.B), A: 0xff}
}

// Figure writes a figure for a cell: four decimals in the digits chosen, "n/a" when it is
// undefined.
func Figure(s *agreement.Score) string {
	v, ok := s.Value()
	if !ok {
		return lang.X("agreement.na", "n/a")
	}
	return msg.Decimal(v, 4)
}

// Cell is one cell of a grid: a figure on its colour, or a name, or a placeholder.
type Cell struct {
	fyne.CanvasObject
	Text string      // what it says
	Fill color.Color // its background; transparent for a heading
}

// scoreCell returns a cell with figure s on its colour of the scale (grey when undefined).
func scoreCell(s *agreement.Score) *Cell {
	v, ok := s.Value()
	fill := color.Color(theme.Color(theme.ColorNameDisabledButton))
	ink := color.Color(theme.Color(theme.ColorNameForeground))
	if ok {
		fill, ink = Scale(v), scaleInk
	}
	return textCell(Figure(s), fill, ink)
}

// textCell returns a cell that says text in colour ink on fill.
func textCell(text string, fill, ink color.Color) *Cell {
	bg := canvas.NewRectangle(fill)
	bg.CornerRadius = 3
	t := canvas.NewText(text, ink)
	t.Alignment = fyne.TextAlignCenter
	t.TextStyle.Monospace = true
	min := canvas.NewRectangle(color.Transparent)
	min.SetMinSize(fyne.NewSize(cellW, cellH))
	return &Cell{CanvasObject: container.NewStack(min, bg, container.NewCenter(t)), Text: text, Fill: fill}
}

// headCell returns a heading cell: a name, in bidi order (an Arabic name reads right to
// left), centred, or in a right-to-left window at the cell's right.
func headCell(text string) *Cell {
	l := article.NewLabel(text) // as wide as the name: the grid's columns take the widest
	min := canvas.NewRectangle(color.Transparent)
	min.SetMinSize(fyne.NewSize(cellW, cellH))
	pad := canvas.NewRectangle(color.Transparent) // a name never touches the next cell
	pad.SetMinSize(fyne.NewSize(6, 0))
	var name fyne.CanvasObject = container.NewCenter(container.NewHBox(pad, l, pad))
	if locale.RTL() {
		name = container.NewHBox(layout.NewSpacer(), container.NewCenter(l), pad)
	}
	return &Cell{CanvasObject: container.NewStack(min, name), Text: text, Fill: color.Transparent}
}

// noCell returns the cell of a pair of an annotator with themself.
func noCell() *Cell {
	return textCell("—", color.Transparent, theme.Color(theme.ColorNamePlaceHolder))
}

// Grid is a table of cells, a row at a time.
type Grid struct {
	Rows   [][]*Cell
	object *fyne.Container
}

// newGrid returns a grid of rows, each as long as the first.
func newGrid(rows [][]*Cell) *Grid {
	g := &Grid{Rows: rows}
	var objs []fyne.CanvasObject
	cols := 1
	for i, r := range rows {
		if i == 0 {
			cols = len(r)
		}
		for _, c := range r {
			objs = append(objs, c.CanvasObject) // a *Cell is no type Fyne draws
		}
	}
	g.object = container.New(&tableLayout{cols: max(cols, 1), rtl: locale.RTL()}, objs...)
	return g
}

// tableLayout lays cells out cols a row, each column as wide as its widest cell and each row
// as tall as its tallest, a pixel apart; the first column at the left, or at the right when
// rtl is set.
type tableLayout struct {
	cols int
	rtl  bool
}

// sizes returns the width of each column and the height of each row.
func (t *tableLayout) sizes(objs []fyne.CanvasObject) (widths, heights []float32) {
	widths = make([]float32, t.cols)
	heights = make([]float32, (len(objs)+t.cols-1)/t.cols)
	for i, o := range objs {
		m := o.MinSize()
		widths[i%t.cols] = max(widths[i%t.cols], m.Width)
		heights[i/t.cols] = max(heights[i/t.cols], m.Height)
	}
	return widths, heights
}

// Layout places the cells.
func (t *tableLayout) Layout(objs []fyne.CanvasObject, _ fyne.Size) {
	widths, heights := t.sizes(objs)
	total := t.MinSize(objs).Width
	y := float32(0)
	for r, h := range heights {
		x := float32(0)
		for c, w := range widths {
			if i := r*t.cols + c; i < len(objs) {
				at := x
				if t.rtl {
					at = total - x - w
				}
				objs[i].Move(fyne.NewPos(at, y))
				objs[i].Resize(fyne.NewSize(w, h))
			}
			x += w + cellGap
		}
		y += h + cellGap
	}
}

// MinSize is the columns and the rows side by side.
func (t *tableLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	widths, heights := t.sizes(objs)
	var w, h float32
	for _, x := range widths {
		w += x + cellGap
	}
	for _, y := range heights {
		h += y + cellGap
	}
	return fyne.NewSize(max(w-cellGap, 0), max(h-cellGap, 0))
}

// Object returns what a window lays out: the grid at its narrowest, at the start edge.
func (g *Grid) Object() fyne.CanvasObject {
	if locale.RTL() {
		return container.NewHBox(layout.NewSpacer(), g.object)
	}
	return container.NewHBox(g.object)
}

// Matrix returns the grid of a figure for each pair of names: names across and down, the
// figure of names[i] and names[j] (score(i, j), i < j) in both of their cells, a dash on the
// diagonal.
func Matrix(names []string, score func(a, b string) *agreement.Score) *Grid {
	rows := [][]*Cell{append([]*Cell{headCell("")}, headCells(names)...)}
	for i, a := range names {
		row := []*Cell{headCell(a)}
		for j, b := range names {
			switch {
			case i == j:
				row = append(row, noCell())
			case i < j:
				row = append(row, scoreCell(score(a, b)))
			default:
				row = append(row, scoreCell(score(b, a)))
			}
		}
		rows = append(rows, row)
	}
	return newGrid(rows)
}

// headCells returns a heading cell per name.
func headCells(names []string) []*Cell {
	out := make([]*Cell, len(names))
	for i, n := range names {
		out[i] = headCell(n)
	}
	return out
}
