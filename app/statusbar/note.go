package statusbar

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/mirror"
)

// Note is a short text of the bar (the save marker, the project) in the colour of its
// importance: drawn by Fyne's label, or by the article's label in a right-to-left window,
// where a time or a file name sits inside Arabic words.
type Note struct {
	widget.BaseWidget
	Text       string
	Importance widget.Importance
}

// NewNote returns an empty note.
func NewNote() *Note {
	n := &Note{}
	n.ExtendBaseWidget(n)
	return n
}

// SetText shows s.
func (n *Note) SetText(s string) {
	n.Text = s
	n.Refresh()
}

// CreateRenderer returns the note's renderer. It is called by Fyne.
func (n *Note) CreateRenderer() fyne.WidgetRenderer {
	r := &noteRenderer{n: n, label: mirror.Label("")}
	r.Refresh()
	return r
}

// noteRenderer draws a Note with a mirror.Label.
type noteRenderer struct {
	n     *Note
	label mirror.Texter
}

func (r *noteRenderer) Destroy()                     {}
func (r *noteRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.label} }
func (r *noteRenderer) MinSize() fyne.Size           { return r.label.MinSize() }
func (r *noteRenderer) Layout(size fyne.Size)        { r.label.Resize(size) }

func (r *noteRenderer) Refresh() {
	switch l := r.label.(type) {
	case *widget.Label:
		l.Importance = r.n.Importance
		l.Text = r.n.Text
		l.Refresh()
	case interface{ SetColor(fyne.ThemeColorName) }:
		l.SetColor(importanceColor(r.n.Importance))
		r.label.SetText(r.n.Text)
	}
	r.label.Resize(r.n.Size())
}

// importanceColor is the colour Fyne's label gives text of importance i.
func importanceColor(i widget.Importance) fyne.ThemeColorName {
	switch i {
	case widget.DangerImportance:
		return theme.ColorNameError
	case widget.WarningImportance:
		return theme.ColorNameWarning
	case widget.SuccessImportance:
		return theme.ColorNameSuccess
	case widget.LowImportance:
		return theme.ColorNamePlaceHolder
	}
	return theme.ColorNameForeground
}
