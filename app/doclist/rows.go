package doclist

import (
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/article"
	"github.com/tawsim/tawsim/app/mirror"
	"github.com/tawsim/tawsim/app/msg"
	"github.com/tawsim/tawsim/labels"
)

// Rows is the list's widget: a widget.List whose arrow keys move to the next or previous
// document (selecting it) rather than only moving the keyboard focus.
type Rows struct {
	widget.List
	onKey  func(*fyne.KeyEvent) bool // handles a key; false passes it to the List
	onRune func(rune)
}

// newRows returns the list of length() documents, whose rows update fills.
func newRows(length func() int, update func(widget.ListItemID, fyne.CanvasObject)) *Rows {
	l := &Rows{}
	l.Length, l.CreateItem, l.UpdateItem = length, newRow, update
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey handles navigation keys, and gives the others to the List.
func (l *Rows) TypedKey(ev *fyne.KeyEvent) {
	if l.onKey == nil || !l.onKey(ev) {
		l.List.TypedKey(ev)
	}
}

// TypedRune gives the window the keys typed while the list has the focus.
func (l *Rows) TypedRune(r rune) {
	if l.onRune != nil {
		l.onRune(r)
	}
}

// Row is one line of the document list: the document's number (its import order, which a
// filtered list keeps) at the start (the right, in Arabic), the title (in bidi order) beside
// it, the status at the end with its coloured marker.
type Row struct {
	widget.BaseWidget
	order  *article.Label
	title  *article.Label
	status *article.Label
	marker *statusMarker
}

// newRow returns an empty row for the list to fill.
func newRow() fyne.CanvasObject {
	r := &Row{order: article.NewLabel(""), title: article.NewLabel(""), status: article.NewLabel(""), marker: newStatusMarker()}
	r.title.Truncation = fyne.TextTruncateEllipsis
	r.status.TextSize = theme.CaptionTextSize()
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer lays the row out. It is called by Fyne. The status takes the width of the
// widest status in every row, so that titles line up and a row whose status changes keeps
// its layout (a status wider than the one laid out ran into the title).
func (r *Row) CreateRenderer() fyne.WidgetRenderer {
	column := canvas.NewRectangle(color.Transparent)
	column.SetMinSize(fyne.NewSize(statusWidth(), 0))
	status := mirror.Row(container.NewStack(column, r.status), container.NewCenter(r.marker))
	return widget.NewSimpleRenderer(mirror.Border(nil, nil, r.order, status, r.title))
}

// statusWidth is the width of the widest status name as a row shows it.
func statusWidth() float32 {
	var w float32
	for _, s := range labels.Statuses {
		l := article.NewLabel(StatusText(s))
		l.TextSize = theme.CaptionTextSize()
		w = max(w, l.MinSize().Width)
	}
	return w
}

// Shown returns what the row shows: the document's number, its title and its status.
func (r *Row) Shown() (order, title, status string) {
	return r.order.Text(), r.title.Text(), r.status.Text()
}

// Status returns the status the row's marker shows.
func (r *Row) Status() labels.Status { return r.marker.status }

// set shows summary s, or a row still loading when ok is false.
func (r *Row) set(s labels.Summary, ok bool) {
	r.order.Color = theme.ColorNamePlaceHolder
	if !ok {
		r.order.SetText("")
		r.title.SetText("…")
		r.status.SetText("")
		r.marker.Hide()
		return
	}
	r.order.SetText(msg.Digits(strconv.FormatInt(s.Order, 10)))
	r.title.SetText(s.Title)
	r.status.Color = StatusColor(s.Status)
	r.status.SetText(StatusText(s.Status))
	r.status.Refresh()
	r.marker.set(s.Status)
	r.marker.Show()
}

// markerSize is the diameter of a status marker.
const markerSize = 10

// statusMarker is the coloured dot of a status: a ring for a document not started yet, a disc
// in the status's colour for the others.
type statusMarker struct {
	widget.BaseWidget
	status labels.Status
	dot    *canvas.Circle
}

// newStatusMarker returns the marker of a document to do.
func newStatusMarker() *statusMarker {
	m := &statusMarker{dot: &canvas.Circle{StrokeWidth: 1.5}}
	m.ExtendBaseWidget(m)
	return m
}

// set shows status s.
func (m *statusMarker) set(s labels.Status) {
	m.status = s
	m.Refresh()
}

// CreateRenderer draws the dot. It is called by Fyne.
func (m *statusMarker) CreateRenderer() fyne.WidgetRenderer {
	return &markerRenderer{m: m}
}

type markerRenderer struct{ m *statusMarker }

func (r *markerRenderer) Destroy()                     {}
func (r *markerRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.m.dot} }
func (r *markerRenderer) MinSize() fyne.Size           { return fyne.NewSize(markerSize, markerSize) }

func (r *markerRenderer) Layout(size fyne.Size) {
	d := min(size.Width, size.Height, markerSize)
	r.m.dot.Resize(fyne.NewSize(d, d))
	r.m.dot.Move(fyne.NewPos((size.Width-d)/2, (size.Height-d)/2))
}

func (r *markerRenderer) Refresh() {
	th := r.m.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	c := th.Color(StatusColor(r.m.status), v)
	r.m.dot.StrokeColor = c
	if r.m.status == labels.StatusTodo || r.m.status == "" {
		r.m.dot.FillColor = color.Transparent
	} else {
		r.m.dot.FillColor = c
	}
	r.m.dot.Refresh()
}

// Badge shows the status of the document open, with its marker: "● in progress".
type Badge struct {
	widget.BaseWidget
	marker *statusMarker
	text   *widget.Label
}

// NewBadge returns a hidden badge; Set shows it.
func NewBadge() *Badge {
	b := &Badge{marker: newStatusMarker(), text: widget.NewLabel("")}
	b.ExtendBaseWidget(b)
	return b
}

// Set shows status s, or nothing when s is "".
func (b *Badge) Set(s labels.Status) {
	if s == "" {
		b.Hide()
		return
	}
	b.marker.set(s)
	b.text.SetText(StatusText(s))
	b.Show()
}

// Text returns the status the badge names.
func (b *Badge) Text() string { return b.text.Text }

// CreateRenderer lays the badge out. It is called by Fyne.
func (b *Badge) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(mirror.Row(container.NewCenter(b.marker), b.text))
}
