package textfield

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/assets"
)

// CreateRenderer returns the field's renderer. It is called by Fyne.
func (f *Field) CreateRenderer() fyne.WidgetRenderer {
	if f.self == nil { // a Field made without New
		f.ExtendBaseWidget(f)
	}
	r := &renderer{f: f, box: &canvas.Rectangle{}, border: &canvas.Rectangle{}, icon: &canvas.Image{}, area: &clip{}}
	r.area.ExtendBaseWidget(r.area)
	r.icon.Hide()
	r.objects = []fyne.CanvasObject{r.box, r.border, r.area, r.icon}
	return r
}

// renderer draws a Field: a box with a border, the line of text (or the placeholder) with the
// selection and the caret in a clipped area, and the Validator's verdict as an icon.
type renderer struct {
	f           *Field
	box, border *canvas.Rectangle
	icon        *canvas.Image
	area        *clip
	objects     []fyne.CanvasObject

	caret *canvas.Rectangle   // nil while the caret is not shown
	marks []*canvas.Rectangle // the selection's highlight, left to right
}

func (r *renderer) Destroy() {}

func (r *renderer) Objects() []fyne.CanvasObject { return r.objects }

// MinSize is one line high and a few characters wide, like widget.Entry.
func (r *renderer) MinSize() fyne.Size {
	th := r.f.Theme()
	pad := th.Size(theme.SizeNameInnerPadding)
	l, h := r.f.layout(), r.f.placeholder()
	m := textSize("M", assets.FontLatin, r.f.laidAt)
	return fyne.NewSize(m.Width+3*pad+r.iconSpace(), max(l.height, h.height)+2*pad)
}

// iconSpace returns the room the validation icon takes at the right end.
func (r *renderer) iconSpace() float32 {
	if r.f.Validator == nil {
		return 0
	}
	th := r.f.Theme()
	return th.Size(theme.SizeNameInlineIcon) + th.Size(theme.SizeNameLineSpacing)
}

func (r *renderer) Layout(size fyne.Size) {
	th := r.f.Theme()
	bw := th.Size(theme.SizeNameInputBorder)
	pad := th.Size(theme.SizeNameInnerPadding)
	r.border.Resize(fyne.NewSize(size.Width-bw-.5, size.Height-bw-.5))
	r.border.StrokeWidth = bw
	r.border.Move(fyne.NewSquareOffsetPos(bw / 2))
	r.box.Resize(size.Subtract(fyne.NewSquareSize(2 * bw)))
	r.box.Move(fyne.NewSquareOffsetPos(bw))
	is := th.Size(theme.SizeNameInlineIcon)
	r.icon.Resize(fyne.NewSquareSize(is))
	r.icon.Move(fyne.NewPos(size.Width-is-pad, (size.Height-is)/2))
	r.area.Move(fyne.NewPos(bw, bw))
	r.area.Resize(fyne.NewSize(max(0, size.Width-2*bw-r.iconSpace()), max(0, size.Height-2*bw)))
	r.draw()
}

func (r *renderer) Refresh() {
	th := r.f.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	f := r.f
	r.box.FillColor = th.Color(theme.ColorNameInputBackground, v)
	r.box.CornerRadius = th.Size(theme.SizeNameInputRadius)
	r.border.CornerRadius = r.box.CornerRadius
	showErr := f.Validator != nil && f.validationError != nil && !f.focused && f.dirty && !f.Disabled()
	switch {
	case f.focused && !f.Disabled():
		r.border.StrokeColor = th.Color(theme.ColorNamePrimary, v)
	case f.Disabled():
		r.border.StrokeColor = th.Color(theme.ColorNameDisabled, v)
	case showErr:
		r.border.StrokeColor = th.Color(theme.ColorNameError, v)
	default:
		r.border.StrokeColor = th.Color(theme.ColorNameInputBorder, v)
	}
	r.icon.Hide()
	if f.Validator != nil && !f.Disabled() {
		if f.validationError == nil && f.Text != "" {
			r.icon.Resource = th.Icon(theme.IconNameConfirm)
			r.icon.Show()
		} else if showErr {
			r.icon.Resource = theme.NewErrorThemedResource(th.Icon(theme.IconNameError))
			r.icon.Show()
		}
	}
	r.Layout(f.Size())
	r.box.Refresh()
	r.border.Refresh()
	r.icon.Refresh()
	canvas.Refresh(f.self)
}

// draw lays the line out in the text area: aligned to the side its paragraph starts from, or
// scrolled to keep the caret in view when it is wider; then the selection, the pieces of text
// and the caret.
func (r *renderer) draw() {
	f := r.f
	th := f.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	pad := th.Size(theme.SizeNameInnerPadding)
	area := r.area.Size()
	l, colour := f.layout(), th.Color(theme.ColorNameForeground, v)
	if f.Disabled() {
		colour = th.Color(theme.ColorNameDisabled, v)
	}
	shown := l
	if len(f.runes) == 0 {
		shown, colour = f.placeholder(), th.Color(theme.ColorNamePlaceHolder, v)
	}
	avail := area.Width - 2*pad
	x := pad // the line's left end in the area
	stop := l.caretStop(f.caret, f.stop)
	if shown.width <= avail || len(f.runes) == 0 {
		f.scrolled = false
		if shown.base == 1 {
			x = pad + avail - shown.width
		}
	} else {
		x = f.lineX - r.area.Position().X
		if !f.scrolled {
			x = pad
			if shown.base == 1 {
				x = pad + avail - shown.width
			}
		}
		if cx := x + l.stopX(stop); cx < pad {
			x += pad - cx
		} else if cx > pad+avail {
			x -= cx - pad - avail
		}
		x = max(min(x, pad), pad+avail-shown.width)
		f.scrolled = true
	}
	f.lineX = r.area.Position().X + x
	top := (area.Height - shown.height) / 2

	var objs []fyne.CanvasObject
	r.marks, r.caret = r.marks[:0], nil
	if a, b := f.Selection(); a != b && f.focused {
		for _, e := range l.rects(a, b) {
			rect := canvas.NewRectangle(th.Color(theme.ColorNameSelection, v))
			rect.Move(fyne.NewPos(x+e.x0, top))
			rect.Resize(fyne.NewSize(e.x1-e.x0, shown.height))
			objs = append(objs, rect)
			r.marks = append(r.marks, rect)
		}
	}
	for _, p := range shown.pieces {
		if p.text == "" {
			continue
		}
		objs = append(objs, text(p, x, top+shown.ascent-p.ascent, colour, f.laidAt))
	}
	if f.focused && !f.Disabled() {
		cw := th.Size(theme.SizeNameInputBorder)
		cx := x + l.stopX(stop)
		if len(f.runes) == 0 {
			cx = pad + avail // an empty field reads right to left
		}
		caret := canvas.NewRectangle(th.Color(theme.ColorNamePrimary, v))
		caret.Move(fyne.NewPos(max(0, min(cx-cw/2, area.Width-cw)), top))
		caret.Resize(fyne.NewSize(cw, shown.height))
		objs = append(objs, caret)
		r.caret = caret
	}
	r.area.objects = objs
	r.area.Refresh()
}

// text returns the canvas.Text of piece p on a line whose left end is at x and whose pieces'
// tops are at y.
func text(p piece, x, y float32, c color.Color, ts float32) *canvas.Text {
	t := &canvas.Text{Text: p.text, Color: c, TextSize: ts, FontSource: p.font.Source()}
	t.Move(fyne.NewPos(x+p.x, y))
	t.Resize(fyne.NewSize(p.w, p.height))
	return t
}

// clip is the text area: a widget whose renderer clips what it holds to its bounds, so that
// text scrolled out of the field is not drawn over its neighbours.
type clip struct {
	widget.BaseWidget
	objects []fyne.CanvasObject
}

func (c *clip) CreateRenderer() fyne.WidgetRenderer { return &clipRenderer{c} }

// clipRenderer draws what the field's renderer put in the area.
type clipRenderer struct{ c *clip }

// IsClip tells Fyne's painters to clip the area's objects to it.
func (r *clipRenderer) IsClip() {}

func (r *clipRenderer) Destroy() {}

func (r *clipRenderer) Layout(fyne.Size) {}

func (r *clipRenderer) MinSize() fyne.Size { return fyne.Size{} }

func (r *clipRenderer) Objects() []fyne.CanvasObject { return r.c.objects }

func (r *clipRenderer) Refresh() { canvas.Refresh(r.c) }
