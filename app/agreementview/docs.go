package agreementview

import (
	"cmp"
	"image/color"
	"slices"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/article"
	"github.com/tawsim/tawsim/app/locale"
	"github.com/tawsim/tawsim/app/mirror"
	"github.com/tawsim/tawsim/app/msg"
	"github.com/tawsim/tawsim/jobs"
)

// The orders of the document list: the first is jobs.Agreement's own.
var docOrders = []struct {
	name func() string
	cmp  func(x, y jobs.DocumentFigures) int
}{
	{func() string { return lang.X("agreement.order.disagreement", "Most disagreement first") }, nil},
	{func() string { return lang.X("agreement.order.f1", "Lowest F1 first") }, func(x, y jobs.DocumentFigures) int {
		fx, okx := x.F1.Value()
		fy, oky := y.F1.Value()
		if okx != oky { // a document without F1 last
			if okx {
				return -1
			}
			return 1
		}
		return cmp.Compare(fx, fy)
	}},
	{func() string { return lang.X("agreement.order.stance", "Most stance differences first") }, func(x, y jobs.DocumentFigures) int {
		return cmp.Compare(y.StanceDisagreements, x.StanceDisagreements)
	}},
	{func() string { return lang.X("agreement.order.documents", "Document order") },
		func(x, y jobs.DocumentFigures) int { return cmp.Compare(x.Doc.Order, y.Doc.Order) }},
}

// docsTab is the list of the documents two annotators or more worked on, in the order chosen.
type docsTab struct {
	order  *widget.Select
	list   *DocList
	object fyne.CanvasObject
}

func newDocsTab(open func(id string)) *docsTab {
	t := &docsTab{list: newDocList(open)}
	var names []string
	for _, o := range docOrders {
		names = append(names, o.name())
	}
	t.order = widget.NewSelect(names, func(string) { t.list.sort(t.order.SelectedIndex()) })
	t.order.Alignment = mirror.Align(false)
	t.order.SetSelectedIndex(0)
	head := newDocRow()
	head.setHead()
	hint := mirror.Label(lang.X("agreement.click_opens", "A click opens the document in the main window."))
	mirror.Faint(hint)
	t.object = container.NewBorder(container.NewVBox(mirror.Border(nil, nil, nil, hint, t.order), head), nil, nil, nil, t.list.List)
	return t
}

// show lists docs (sorted most disagreement first), in the order chosen.
func (t *docsTab) show(docs []jobs.DocumentFigures) {
	t.list.all = docs
	t.list.sort(max(t.order.SelectedIndex(), 0))
}

// DocList is the list of documents with their figures.
type DocList struct {
	List  *widget.List
	all   []jobs.DocumentFigures // as jobs.Agreement sorted them
	shown []jobs.DocumentFigures // in the order chosen
	open  func(id string)
}

func newDocList(open func(id string)) *DocList {
	l := &DocList{open: open}
	l.List = widget.NewList(func() int { return len(l.shown) }, func() fyne.CanvasObject { return newDocRow() },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*docRow).set(l.shown[i]) })
	l.List.OnSelected = func(i widget.ListItemID) {
		l.List.UnselectAll() // a second click on the same row opens it again
		if i >= 0 && i < len(l.shown) && l.open != nil {
			l.open(l.shown[i].Doc.ID)
		}
	}
	return l
}

// Shown returns the documents in the order shown.
func (l *DocList) Shown() []jobs.DocumentFigures { return l.shown }

// sort shows the documents in order k of docOrders, ties in jobs.Agreement's order.
func (l *DocList) sort(k int) {
	l.shown = slices.Clone(l.all)
	if c := docOrders[k].cmp; c != nil {
		slices.SortStableFunc(l.shown, c)
	}
	l.List.Refresh()
	l.List.ScrollToTop()
}

// Column widths of a row; the title takes the rest.
var docColumns = [...]float32{56, 0, 84, 84, 84, 84}

// docRow is one document of the list: its number, title, how many annotators worked on it,
// the spans without a match, its F1 on its colour, and the targets rated differently.
type docRow struct {
	widget.BaseWidget
	order, annotators, unmatched, stance *widget.Label
	title                                *article.Label
	f1                                   *canvas.Text
	f1bg                                 *canvas.Rectangle
}

func newDocRow() *docRow {
	r := &docRow{order: widget.NewLabel(""), annotators: widget.NewLabel(""), unmatched: widget.NewLabel(""), stance: widget.NewLabel(""),
		title: article.NewLabel(""), f1: canvas.NewText("", scaleInk), f1bg: canvas.NewRectangle(color.Transparent)}
	r.title.Truncation = fyne.TextTruncateEllipsis
	r.f1.Alignment = fyne.TextAlignCenter
	r.f1.TextStyle.Monospace = true
	r.f1bg.CornerRadius = 3
	for _, l := range []*widget.Label{r.order, r.annotators, r.unmatched, r.stance} {
		l.Alignment = mirror.Align(false)
	}
	r.ExtendBaseWidget(r)
	return r
}

// setHead makes the row the list's heading.
func (r *docRow) setHead() {
	r.order.SetText("#")
	r.title.SetText(lang.X("agreement.title_column", "title"))
	r.annotators.SetText(lang.X("agreement.annotators", "annotators"))
	r.unmatched.SetText(lang.X("agreement.unmatched", "unmatched"))
	r.f1.Text, r.f1.Color = "F1", theme.Color(theme.ColorNameForeground)
	r.stance.SetText(lang.X("agreement.stance_differs", "stance ≠"))
	for _, l := range []*widget.Label{r.order, r.annotators, r.unmatched, r.stance} {
		l.TextStyle.Bold = true
	}
}

// set shows document d.
func (r *docRow) set(d jobs.DocumentFigures) {
	r.order.SetText(msg.Digits(strconv.FormatInt(d.Doc.Order, 10)))
	r.title.SetText(d.Doc.Title)
	r.annotators.SetText(msg.Thousands(d.Annotators))
	r.unmatched.SetText(msg.Thousands(d.Unmatched))
	r.stance.SetText(msg.Thousands(d.StanceDisagreements))
	r.f1.Text = Figure(d.F1)
	if v, ok := d.F1.Value(); ok {
		r.f1bg.FillColor, r.f1.Color = Scale(v), scaleInk
	} else {
		r.f1bg.FillColor, r.f1.Color = color.Transparent, theme.Color(theme.ColorNamePlaceHolder)
	}
	r.f1.Refresh()
	r.f1bg.Refresh()
}

// Texts returns what the row says, column by column, for tests.
func (r *docRow) Texts() []string {
	return []string{r.order.Text, r.title.Text(), r.annotators.Text, r.unmatched.Text, r.f1.Text, r.stance.Text}
}

// CreateRenderer lays the columns out. It is called by Fyne.
func (r *docRow) CreateRenderer() fyne.WidgetRenderer {
	f1 := container.NewStack(r.f1bg, container.NewCenter(r.f1))
	cells := []fyne.CanvasObject{r.order, r.title, r.annotators, r.unmatched, f1, r.stance}
	return widget.NewSimpleRenderer(container.New(columns{rtl: locale.RTL()}, cells...))
}

// columns lays a row's cells side by side at docColumns' widths, the title taking the rest,
// from the left, or from the right when rtl is set.
type columns struct{ rtl bool }

// Layout places the cells.
func (c columns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	fixed := float32(0)
	for _, w := range docColumns {
		fixed += w
	}
	x := float32(0)
	for i, o := range objs {
		w := docColumns[i]
		if w == 0 {
			w = max(size.Width-fixed, 40)
		}
		at := x
		if c.rtl {
			at = size.Width - x - w + 2
		}
		o.Move(fyne.NewPos(at, 0))
		o.Resize(fyne.NewSize(w-2, size.Height))
		x += w
	}
}

// MinSize is the fixed columns and a narrow title, as tall as the tallest cell.
func (columns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	w, h := float32(40), float32(0)
	for i, o := range objs {
		w += docColumns[i]
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(w, h)
}
