package app

import (
	"image/color"
	"strconv"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/labels"
)

// hotkeys maps each entity label's hotkey (a single character) to the label.
func hotkeys(sc labels.Schema) map[rune]labels.Label {
	keys := map[rune]labels.Label{}
	for _, l := range sc.Entities {
		if r, n := utf8.DecodeRuneInString(l.Hotkey); n > 0 && n == len(l.Hotkey) {
			keys[r] = l
		}
	}
	return keys
}

// setPalette fills the palette with a button per entity label of the schema.
func (w *Window) setPalette() {
	w.buttons = w.buttons[:0]
	objs := []fyne.CanvasObject{widget.NewLabel("Label")}
	for _, l := range w.schema.Entities {
		b := newLabelButton(l, func() { w.applyLabel(l) })
		w.buttons = append(w.buttons, b)
		objs = append(objs, b)
	}
	if len(w.schema.Entities) == 0 {
		objs = append(objs, widget.NewLabel("This project has no entity labels."))
	}
	w.palette.Objects = objs
	w.palette.Refresh()
}

// parseColor reads a schema colour, "#rrggbb"; anything else is grey.
func parseColor(s string) color.NRGBA {
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

// labelButton is one label of the palette: a button tinted with the label's colour, its hotkey
// in a badge of that colour, then its name.
type labelButton struct {
	widget.BaseWidget
	label    labels.Label
	onTap    func()
	hovered  bool
	toggle   bool // the button can be selected: it keeps room for the tick
	selected bool // filled with the label's colour and ticked: the label chosen (stance panel)
}

// newLabelButton returns the button of label l, which calls onTap when tapped.
func newLabelButton(l labels.Label, onTap func()) *labelButton {
	b := &labelButton{label: l, onTap: onTap}
	b.ExtendBaseWidget(b)
	return b
}

// setSelected fills the button with its label's colour and ticks it (selected), or shows it
// as the other buttons (not selected).
func (b *labelButton) setSelected(selected bool) {
	if b.selected != selected {
		b.selected = selected
		b.Refresh()
	}
}

// Tapped labels with the button's label.
func (b *labelButton) Tapped(*fyne.PointEvent) {
	if b.onTap != nil {
		b.onTap()
	}
}

// Cursor shows a pointing hand over the button.
func (b *labelButton) Cursor() desktop.Cursor { return desktop.PointerCursor }

// MouseIn highlights the button.
func (b *labelButton) MouseIn(*desktop.MouseEvent) { b.hovered = true; b.Refresh() }

// MouseMoved does nothing; the button is highlighted as a whole.
func (b *labelButton) MouseMoved(*desktop.MouseEvent) {}

// MouseOut removes the highlight.
func (b *labelButton) MouseOut() { b.hovered = false; b.Refresh() }

// CreateRenderer draws the button. It is called by Fyne.
func (b *labelButton) CreateRenderer() fyne.WidgetRenderer {
	r := &labelButtonRenderer{
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

type labelButtonRenderer struct {
	b         *labelButton
	bg, badge *canvas.Rectangle
	key, name *canvas.Text
}

func (r *labelButtonRenderer) Destroy() {}

func (r *labelButtonRenderer) Objects() []fyne.CanvasObject {
	if r.b.label.Hotkey == "" {
		return []fyne.CanvasObject{r.bg, r.name}
	}
	return []fyne.CanvasObject{r.bg, r.badge, r.key, r.name}
}

// metrics returns the padding, the badge's side and the sizes of the two texts.
func (r *labelButtonRenderer) metrics() (pad, badge float32, key, name fyne.Size) {
	pad = theme.InnerPadding()
	key = fyne.MeasureText(r.key.Text, r.key.TextSize, r.key.TextStyle)
	name = fyne.MeasureText(r.name.Text, r.name.TextSize, r.name.TextStyle)
	badge = max(key.Width+pad/2, key.Height)
	return
}

func (r *labelButtonRenderer) MinSize() fyne.Size {
	pad, badge, _, name := r.metrics()
	if r.b.toggle {
		name = fyne.MeasureText("✓ "+r.b.label.Name, r.name.TextSize, r.name.TextStyle)
	}
	w := pad + name.Width + pad
	if r.b.label.Hotkey != "" {
		w += badge + pad/2
	}
	return fyne.NewSize(w, max(badge, name.Height)+pad)
}

func (r *labelButtonRenderer) Layout(size fyne.Size) {
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

func (r *labelButtonRenderer) Refresh() {
	c := parseColor(r.b.label.Color)
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
