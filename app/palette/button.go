package palette

import (
	"image/color"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/labels"
)

// Color reads a schema colour, "#rrggbb"; anything else is grey.
func Color(s string) color.NRGBA {
	grey := color.NRGBA{0x8a, 0x8f, 0x98, 0xff}
	s = strings.TrimPrefix(strings.TrimSpace(s), "#")
	if len(s) != 6 {
		return grey
	}
	v, err := strconv.ParseUint(s, 16, 32)
	if err != nil {
		return grey
	}
	return color.NRGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 0xff}
}

// contrast returns black or white, whichever reads better on c.
func contrast(c color.NRGBA) color.NRGBA {
	if 299*int(c.R)+587*int(c.G)+114*int(c.B) > 150*1000 {
		return color.NRGBA{0x10, 0x10, 0x10, 0xff}
	}
	return color.NRGBA{0xff, 0xff, 0xff, 0xff}
}

// Button is one label of the palette: a button tinted with the label's colour, its hotkey in
// a badge of that colour, then its name. The stance panel and the help use it too.
type Button struct {
	widget.BaseWidget
	// Toggle makes a button that can be selected: it keeps room for the tick.
	Toggle bool
	// Compact halves the room around the badge and the name: the palette's buttons, many
	// of which share a row.
	Compact  bool
	label    labels.Label
	onTap    func()
	hovered  bool
	selected bool // filled with the label's colour and ticked: the label chosen (stance panel)
}

// NewButton returns the button of label l, which calls onTap (when not nil) when tapped.
func NewButton(l labels.Label, onTap func()) *Button {
	b := &Button{label: l, onTap: onTap}
	b.ExtendBaseWidget(b)
	return b
}

// newCompact returns a compact button of label l (see Compact).
func newCompact(l labels.Label, onTap func()) *Button {
	b := NewButton(l, onTap)
	b.Compact = true
	return b
}

// Label returns the button's label.
func (b *Button) Label() labels.Label { return b.label }

// Selected reports whether the button is selected (filled and ticked).
func (b *Button) Selected() bool { return b.selected }

// SetSelected fills the button with its label's colour and ticks it (selected), or shows it
// as the other buttons (not selected).
func (b *Button) SetSelected(selected bool) {
	if b.selected != selected {
		b.selected = selected
		b.Refresh()
	}
}

// Tapped labels with the button's label.
func (b *Button) Tapped(*fyne.PointEvent) {
	if b.onTap != nil {
		b.onTap()
	}
}

// Cursor shows a pointing hand over the button.
func (b *Button) Cursor() desktop.Cursor { return desktop.PointerCursor }

// MouseIn highlights the button.
func (b *Button) MouseIn(*desktop.MouseEvent) { b.hovered = true; b.Refresh() }

// MouseMoved does nothing; the button is highlighted as a whole.
func (b *Button) MouseMoved(*desktop.MouseEvent) {}

// MouseOut removes the highlight.
func (b *Button) MouseOut() { b.hovered = false; b.Refresh() }

// CreateRenderer draws the button. It is called by Fyne.
func (b *Button) CreateRenderer() fyne.WidgetRenderer {
	r := &buttonRenderer{
		b:     b,
		bg:    &canvas.Rectangle{CornerRadius: 6, StrokeWidth: 1.5},
		badge: &canvas.Rectangle{CornerRadius: 4},
		key:   canvas.NewText(b.label.Hotkey, color.White),
		name:  canvas.NewText(b.label.Name, color.Black),
	}
	r.key.TextStyle.Bold = true
	r.name.TextStyle.Bold = true
	r.Refresh()
	return r
}

type buttonRenderer struct {
	b         *Button
	bg, badge *canvas.Rectangle
	key, name *canvas.Text
}

func (r *buttonRenderer) Destroy() {}

func (r *buttonRenderer) Objects() []fyne.CanvasObject {
	if r.b.label.Hotkey == "" {
		return []fyne.CanvasObject{r.bg, r.name}
	}
	return []fyne.CanvasObject{r.bg, r.badge, r.key, r.name}
}

// metrics returns the padding, the badge's side and the sizes of the two texts.
func (r *buttonRenderer) metrics() (pad, badge float32, key, name fyne.Size) {
	pad = theme.InnerPadding()
	if r.b.Compact {
		pad /= 2
	}
	key = fyne.MeasureText(r.key.Text, r.key.TextSize, r.key.TextStyle)
	name = fyne.MeasureText(r.name.Text, r.name.TextSize, r.name.TextStyle)
	badge = max(key.Width+pad/2, key.Height)
	return
}

func (r *buttonRenderer) MinSize() fyne.Size {
	pad, badge, _, name := r.metrics()
	if r.b.Toggle {
		name = fyne.MeasureText("✓ "+r.b.label.Name, r.name.TextSize, r.name.TextStyle)
	}
	w := pad + name.Width + pad
	if r.b.label.Hotkey != "" {
		w += badge + pad/2
	}
	return fyne.NewSize(w, max(badge, name.Height)+pad)
}

func (r *buttonRenderer) Layout(size fyne.Size) {
	pad, badge, key, name := r.metrics()
	r.bg.Resize(size)
	x := pad
	if r.b.label.Hotkey != "" {
		r.badge.Resize(fyne.NewSize(badge, badge))
		r.badge.Move(fyne.NewPos(pad/2+1, (size.Height-badge)/2))
		r.key.Move(fyne.NewPos(pad/2+1+(badge-key.Width)/2, (size.Height-key.Height)/2))
		r.key.Resize(key)
		x = pad/2 + 1 + badge + pad/2
	}
	r.name.Move(fyne.NewPos(x, (size.Height-name.Height)/2))
	r.name.Resize(name)
}

func (r *buttonRenderer) Refresh() {
	c := Color(r.b.label.Color)
	tint := c
	tint.A = 0x30
	if r.b.hovered {
		tint.A = 0x60
	}
	r.bg.FillColor, r.bg.StrokeColor = tint, c
	r.badge.FillColor = c
	r.key.Color = color.White
	ts := theme.TextSize()
	r.key.TextSize, r.name.TextSize = ts, ts
	r.name.Text = r.b.label.Name
	r.name.Color = r.b.Theme().Color(theme.ColorNameForeground, fyne.CurrentApp().Settings().ThemeVariant())
	if r.b.selected {
		ink := contrast(c)
		r.bg.FillColor, r.bg.StrokeColor = c, ink
		r.badge.FillColor, r.key.Color = ink, c
		r.name.Text, r.name.Color = "✓ "+r.b.label.Name, ink
	}
	r.Layout(r.b.Size())
	for _, o := range r.Objects() {
		o.Refresh()
	}
}
