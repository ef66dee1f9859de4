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

	"github.com/tawsim/tawsim/app/locale"
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
// a badge of that colour, then its name, from the start edge (the right, in Arabic). In an
// Arabic window the name is the label's Arabic display name, with its code small after it
// (شخص PERS); in English it is the code. The stance panel and the help use it too.
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

// Name returns the name the button shows: the label's Arabic display name in an Arabic window
// (its code when it has none), its code in English.
func (b *Button) Name() string { return Name(b.label) }

// Name returns the name a label goes by in the window: its Arabic display name in an Arabic
// window, its code otherwise (and when it has no Arabic name).
func Name(l labels.Label) string {
	if locale.RTL() {
		if d := l.Display(true); d != "" {
			return d
		}
	}
	return l.Name
}

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
		rtl:   locale.RTL(),
		bg:    &canvas.Rectangle{CornerRadius: 6, StrokeWidth: 1.5},
		badge: &canvas.Rectangle{CornerRadius: 4},
		key:   canvas.NewText(b.label.Hotkey, color.White),
		name:  canvas.NewText(b.Name(), color.Black),
		code:  canvas.NewText("", color.Black),
	}
	if r.rtl && b.Name() != b.label.Name {
		r.code.Text = b.label.Name
	}
	r.key.TextStyle.Bold = true
	r.name.TextStyle.Bold = true
	r.Refresh()
	return r
}

type buttonRenderer struct {
	b               *Button
	rtl             bool // laid out from the right
	bg, badge       *canvas.Rectangle
	key, name, code *canvas.Text // code: the label's code, small, after an Arabic name
}

func (r *buttonRenderer) Destroy() {}

func (r *buttonRenderer) Objects() []fyne.CanvasObject {
	objs := []fyne.CanvasObject{r.bg}
	if r.b.label.Hotkey != "" {
		objs = append(objs, r.badge, r.key)
	}
	objs = append(objs, r.name)
	if r.code.Text != "" {
		objs = append(objs, r.code)
	}
	return objs
}

// tick is what a selected button adds to its name, on the side where the name starts.
func (r *buttonRenderer) tick(name string) string {
	if r.rtl {
		return name + " ✓" // Fyne draws the runs left to right: the tick lands at the right
	}
	return "✓ " + name
}

// metrics returns the padding, the badge's side and the sizes of the texts.
func (r *buttonRenderer) metrics() (pad, badge float32, key, name, code fyne.Size) {
	pad = theme.InnerPadding()
	if r.b.Compact {
		pad /= 2
	}
	key = fyne.MeasureText(r.key.Text, r.key.TextSize, r.key.TextStyle)
	name = fyne.MeasureText(r.name.Text, r.name.TextSize, r.name.TextStyle)
	if r.code.Text != "" {
		code = fyne.MeasureText(r.code.Text, r.code.TextSize, r.code.TextStyle)
	}
	badge = max(key.Width+pad/2, key.Height)
	return
}

func (r *buttonRenderer) MinSize() fyne.Size {
	pad, badge, _, name, code := r.metrics()
	if r.b.Toggle {
		name = fyne.MeasureText(r.tick(r.b.Name()), r.name.TextSize, r.name.TextStyle)
	}
	w := pad + name.Width + pad
	if r.b.label.Hotkey != "" {
		w += badge + pad/2
	}
	if code.Width > 0 {
		w += code.Width + pad/2
	}
	return fyne.NewSize(w, max(badge, name.Height)+pad)
}

func (r *buttonRenderer) Layout(size fyne.Size) {
	pad, badge, key, name, code := r.metrics()
	r.bg.Resize(size)
	// place puts an object of width w at x from the start edge
	place := func(o fyne.CanvasObject, x, w, h float32) {
		if r.rtl {
			x = size.Width - x - w
		}
		o.Move(fyne.NewPos(x, (size.Height-h)/2))
	}
	x := pad
	if r.b.label.Hotkey != "" {
		r.badge.Resize(fyne.NewSize(badge, badge))
		place(r.badge, pad/2+1, badge, badge)
		r.key.Resize(key)
		place(r.key, pad/2+1+(badge-key.Width)/2, key.Width, key.Height)
		x = pad/2 + 1 + badge + pad/2
	}
	r.name.Resize(name)
	place(r.name, x, name.Width, name.Height)
	if code.Width > 0 {
		r.code.Resize(code)
		place(r.code, x+name.Width+pad/2, code.Width, code.Height)
		// nearer the name's baseline than the middle of the button: Arabic letters sit low in
		// their line's height
		r.code.Move(r.code.Position().AddXY(0, code.Height/4))
	}
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
	r.key.TextSize, r.name.TextSize, r.code.TextSize = ts, ts, theme.CaptionTextSize()
	r.name.Text = r.b.Name()
	r.name.Color = r.b.Theme().Color(theme.ColorNameForeground, fyne.CurrentApp().Settings().ThemeVariant())
	r.code.Color = r.b.Theme().Color(theme.ColorNamePlaceHolder, fyne.CurrentApp().Settings().ThemeVariant())
	if r.b.selected {
		ink := contrast(c)
		r.bg.FillColor, r.bg.StrokeColor = c, ink
		r.badge.FillColor, r.key.Color = ink, c
		r.name.Text, r.name.Color = r.tick(r.b.Name()), ink
		r.code.Color = ink
	}
	r.Layout(r.b.Size())
	for _, o := range r.Objects() {
		o.Refresh()
	}
}
