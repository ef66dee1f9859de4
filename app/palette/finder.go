package palette

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/locale"
	"github.com/tawsim/tawsim/app/mirror"
	"github.com/tawsim/tawsim/app/textfield"
	"github.com/tawsim/tawsim/labels"
)

// finder is the label finder: a small window over the article with a text field and the
// entity labels that what is typed in it names (Match), the best first. Enter gives the
// label marked (the first, unless ↑ or ↓ moved the mark), a click gives the label clicked,
// Escape closes it without a label. It is modal: the window's keys wait until it closes.
type finder struct {
	p      *Palette
	pop    *widget.PopUp
	field  *finderField
	rows   *fyne.Container
	scroll *container.Scroll
	found  []labels.Label
	marked int // the row that Enter gives
}

// finderField is the finder's text field: ↑ and ↓ move the mark, Enter gives the label
// marked, Escape closes the finder; every other key edits the text.
type finderField struct {
	textfield.Field
	f *finder
}

// TypedKey handles ↑, ↓, Enter and Escape, and gives the other keys to the field.
func (ff *finderField) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyUp:
		ff.f.mark(ff.f.marked - 1)
	case fyne.KeyDown:
		ff.f.mark(ff.f.marked + 1)
	case fyne.KeyReturn, fyne.KeyEnter:
		ff.f.chooseMarked()
	case fyne.KeyEscape:
		ff.f.close(nil)
	default:
		ff.Field.TypedKey(ev)
	}
}

// finderWidth is the finder's width, when the window is wide enough.
const finderWidth = 440

// newFinder makes the finder of p, shown on canvas c.
func newFinder(p *Palette, c fyne.Canvas) *finder {
	f := &finder{p: p, rows: container.NewVBox()}
	f.field = &finderField{f: f}
	f.field.ExtendBaseWidget(f.field)
	f.field.SetPlaceHolder(lang.X("finder.placeholder", "Label name, or its Arabic or English description"))
	f.field.OnChanged = func(string) { f.filter() }
	f.scroll = container.NewVScroll(f.rows)
	title := widget.NewLabel(lang.X("finder.title", "Find a label"))
	title.TextStyle.Bold = true
	hint := mirror.Label(lang.X("finder.hint", "↑ ↓ choose · Enter labels · Esc closes"))
	switch h := hint.(type) {
	case *widget.Label:
		h.Importance = widget.LowImportance
	case *mirror.Words:
		h.SetColor(theme.ColorNamePlaceHolder)
	}
	top := container.NewVBox(mirror.Border(nil, nil, title, hint), f.field)
	f.pop = widget.NewModalPopUp(container.NewBorder(top, nil, nil, nil, f.scroll), c)
	return f
}

// show opens the finder with an empty field and every label, the first marked.
func (f *finder) show() {
	c := f.pop.Canvas
	f.field.SetText("")
	f.filter()
	size := c.Size()
	rowH := newCompact(labels.Label{Name: "M", Hotkey: "M"}, nil).MinSize().Height + 2*theme.Padding()
	height := min(size.Height-4*theme.Padding(), 3*rowH+rowH*float32(len(f.p.schema.Entities)), 520)
	f.pop.Resize(fyne.NewSize(min(finderWidth, size.Width-4*theme.Padding()), height))
	f.pop.Show()
	c.Focus(f.field)
}

// filter shows the labels that the field's text names, the first marked.
func (f *finder) filter() {
	f.found = Match(f.p.schema.Entities, f.field.Text)
	objs := make([]fyne.CanvasObject, 0, len(f.found))
	var col float32
	for _, l := range f.p.schema.Entities {
		col = max(col, newCompact(l, nil).MinSize().Width)
	}
	col += 2 * theme.Padding()
	for _, l := range f.found {
		objs = append(objs, newFinderRow(l, col, func() { f.close(&l) }))
	}
	if len(f.found) == 0 {
		none := widget.NewLabel(lang.X("finder.none", "No label matches."))
		none.Importance = widget.LowImportance
		none.Alignment = mirror.Align(false)
		objs = append(objs, none)
	}
	f.rows.Objects = objs
	f.rows.Refresh()
	f.marked = -1
	f.mark(0)
	f.scroll.ScrollToTop()
}

// mark marks row i (kept within the rows) and scrolls it into view.
func (f *finder) mark(i int) {
	if len(f.found) == 0 {
		f.marked = 0
		return
	}
	i = max(0, min(i, len(f.found)-1))
	for k, o := range f.rows.Objects {
		if r, ok := o.(*finderRow); ok {
			r.setMarked(k == i)
		}
	}
	f.marked = i
	row := f.rows.Objects[i]
	top, bottom := row.Position().Y, row.Position().Y+row.Size().Height
	switch off := f.scroll.Offset.Y; {
	case top < off:
		f.scroll.ScrollToOffset(fyne.NewPos(0, top))
	case bottom > off+f.scroll.Size().Height:
		f.scroll.ScrollToOffset(fyne.NewPos(0, bottom-f.scroll.Size().Height))
	}
}

// chooseMarked gives the label marked, when a label matches.
func (f *finder) chooseMarked() {
	if f.marked >= 0 && f.marked < len(f.found) {
		l := f.found[f.marked]
		f.close(&l)
	}
}

// close hides the finder, gives label l when not nil, then tells the palette's owner.
func (f *finder) close(l *labels.Label) {
	f.pop.Hide()
	if l != nil && f.p.OnLabel != nil {
		f.p.OnLabel(*l)
	}
	if f.p.OnFindClosed != nil {
		f.p.OnFindClosed()
	}
}

// finderRow is one label in the finder: its button, its English name and its Arabic name
// (the first clauses of its descriptions), on the background of the row marked; in a
// right-to-left window the button at the right and the label's Arabic description (else its
// English one) beside it, faint. The names of all rows start at the same place, col from the row's
// start edge.
type finderRow struct {
	widget.BaseWidget
	l      labels.Label
	col    float32
	bg     *canvas.Rectangle
	onTap  func()
	marked bool
}

// newFinderRow returns the row of label l, its names col from its start edge, which calls
// onTap when clicked.
func newFinderRow(l labels.Label, col float32, onTap func()) *finderRow {
	r := &finderRow{l: l, col: col, onTap: onTap, bg: &canvas.Rectangle{CornerRadius: 4}}
	r.ExtendBaseWidget(r)
	return r
}

// Label returns the row's label.
func (r *finderRow) Label() labels.Label { return r.l }

// setMarked shows the row as the one Enter gives.
func (r *finderRow) setMarked(on bool) {
	r.marked = on
	r.bg.FillColor = nil
	if on {
		r.bg.FillColor = theme.Color(theme.ColorNameSelection)
	}
	r.bg.Refresh()
}

// Tapped gives the row's label.
func (r *finderRow) Tapped(*fyne.PointEvent) { r.onTap() }

// CreateRenderer draws the row. It is called by Fyne.
func (r *finderRow) CreateRenderer() fyne.WidgetRenderer {
	b := newCompact(r.l, r.onTap)
	if locale.RTL() {
		desc := r.l.DescriptionAr
		if desc == "" {
			desc = r.l.DescriptionEn
		}
		d := mirror.Label(desc)
		mirror.Faint(d)
		return &finderRowRTL{r: r, b: b, desc: d}
	}
	fg := theme.Color(theme.ColorNameForeground)
	en := canvas.NewText(FirstClause(r.l.DescriptionEn), fg)
	ar := canvas.NewText(FirstClause(r.l.DescriptionAr), fg)
	return &finderRowRenderer{r: r, b: b, en: en, ar: ar, enText: en.Text}
}

type finderRowRenderer struct {
	r      *finderRow
	b      *Button
	en, ar *canvas.Text
	enText string // the English name whole; en shows what fits of it
}

func (rr *finderRowRenderer) Destroy() {}

func (rr *finderRowRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{rr.r.bg, rr.b, rr.en, rr.ar}
}

func (rr *finderRowRenderer) MinSize() fyne.Size {
	pad := theme.Padding()
	b, ar := rr.b.MinSize(), rr.ar.MinSize()
	return fyne.NewSize(rr.r.col+ar.Width+4*pad, max(b.Height, ar.Height)+pad)
}

func (rr *finderRowRenderer) Layout(size fyne.Size) {
	pad := theme.Padding()
	rr.r.bg.Resize(size)
	b := rr.b.MinSize()
	rr.b.Resize(b)
	rr.b.Move(fyne.NewPos(pad, (size.Height-b.Height)/2))
	ar := rr.ar.MinSize()
	rr.ar.Move(fyne.NewPos(size.Width-ar.Width-2*pad, (size.Height-ar.Height)/2))
	rr.en.Text = fit(rr.enText, size.Width-rr.r.col-ar.Width-4*pad, rr.en.TextSize, rr.en.TextStyle)
	en := rr.en.MinSize()
	rr.en.Move(fyne.NewPos(rr.r.col, (size.Height-en.Height)/2))
}

func (rr *finderRowRenderer) Refresh() {
	rr.Layout(rr.r.Size())
	for _, o := range rr.Objects() {
		o.Refresh()
	}
}

// finderRowRTL draws a row of a right-to-left window: the button at the right, the
// description col from the right edge, cut with an ellipsis where the row ends.
type finderRowRTL struct {
	r    *finderRow
	b    *Button
	desc mirror.Texter
}

func (rr *finderRowRTL) Destroy() {}

func (rr *finderRowRTL) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{rr.r.bg, rr.b, rr.desc}
}

func (rr *finderRowRTL) MinSize() fyne.Size {
	pad := theme.Padding()
	b, d := rr.b.MinSize(), rr.desc.MinSize()
	return fyne.NewSize(rr.r.col+d.Width+2*pad, max(b.Height, d.Height)+pad)
}

func (rr *finderRowRTL) Layout(size fyne.Size) {
	pad := theme.Padding()
	rr.r.bg.Resize(size)
	b := rr.b.MinSize()
	rr.b.Resize(b)
	rr.b.Move(fyne.NewPos(size.Width-pad-b.Width, (size.Height-b.Height)/2))
	d := fyne.NewSize(max(0, size.Width-rr.r.col-2*pad), rr.desc.MinSize().Height)
	rr.desc.Resize(d)
	rr.desc.Move(fyne.NewPos(size.Width-rr.r.col-d.Width, (size.Height-d.Height)/2))
}

func (rr *finderRowRTL) Refresh() {
	rr.Layout(rr.r.Size())
	for _, o := range rr.Objects() {
		o.Refresh()
	}
}

// fit returns s, or as much of it as fits in width followed by "…".
func fit(s string, width, size float32, style fyne.TextStyle) string {
	if fyne.MeasureText(s, size, style).Width <= width {
		return s
	}
	rs := []rune(s)
	for n := len(rs) - 1; n > 0; n-- {
		if t := strings.TrimSpace(string(rs[:n])) + "…"; fyne.MeasureText(t, size, style).Width <= width {
			return t
		}
	}
	return ""
}
