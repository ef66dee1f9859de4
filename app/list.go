package app

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/article"
	"github.com/tawsim/tawsim/labels"
)

// docList is the document list: a widget.List whose arrow keys move to the next or previous
// document (selecting it) rather than only moving the keyboard focus.
type docList struct {
	widget.List
	onKey  func(*fyne.KeyEvent) bool // handles a key; false passes it to the List
	onRune func(rune)
}

func newDocList(length func() int, update func(widget.ListItemID, fyne.CanvasObject)) *docList {
	l := &docList{}
	l.Length, l.CreateItem, l.UpdateItem = length, newRow, update
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey handles navigation keys, and gives the others to the List.
func (l *docList) TypedKey(ev *fyne.KeyEvent) {
	if l.onKey == nil || !l.onKey(ev) {
		l.List.TypedKey(ev)
	}
}

// TypedRune handles the j and k keys.
func (l *docList) TypedRune(r rune) {
	if l.onRune != nil {
		l.onRune(r)
	}
}

// row is one line of the document list: the import order at the right, the title (in bidi
// order) beside it, the status at the left.
type row struct {
	widget.BaseWidget
	order  *article.Label
	title  *article.Label
	status *article.Label
}

// newRow returns an empty row for the list to fill.
func newRow() fyne.CanvasObject {
	r := &row{order: article.NewLabel(""), title: article.NewLabel(""), status: article.NewLabel("")}
	r.title.Truncation = fyne.TextTruncateEllipsis
	r.status.TextSize = theme.CaptionTextSize()
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer lays the row out. It is called by Fyne.
func (r *row) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, r.status, r.order, r.title))
}

// set shows summary s as item i, or a row still loading when ok is false.
func (r *row) set(i int, s labels.Summary, ok bool) {
	r.order.Color = theme.ColorNamePlaceHolder
	r.order.SetText(strconv.Itoa(i + 1))
	if !ok {
		r.title.SetText("…")
		r.status.SetText("")
		return
	}
	r.title.SetText(s.Title)
	r.status.Color = statusColor(s.Status)
	r.status.SetText(statusText(s.Status))
	r.status.Refresh()
}

// statusText names a status for the list.
func statusText(s labels.Status) string {
	switch s {
	case labels.StatusInProgress:
		return "in progress"
	case "":
		return string(labels.StatusTodo)
	}
	return string(s)
}

// statusColor colours a status: grey for to do and skipped, amber in progress, green done, red
// flagged.
func statusColor(s labels.Status) fyne.ThemeColorName {
	switch s {
	case labels.StatusInProgress:
		return theme.ColorNameWarning
	case labels.StatusDone:
		return theme.ColorNameSuccess
	case labels.StatusFlagged:
		return theme.ColorNameError
	}
	return theme.ColorNamePlaceHolder
}
