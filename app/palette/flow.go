package palette

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// flow lays objects out in rows, each at its minimum size, in order from the start edge (the
// left, or the right when rtl is set), going on in a new row where the next one would pass
// the end edge: a schema's 21 labels fit a narrow window in a few rows. Its minimum width is that of its widest object, so that it
// never holds the window wide; its minimum height is that of the rows at the width it was
// last laid out at (Fyne lays the window out again when it changes).
type flow struct {
	rtl   bool    // rows run from the right
	width float32 // the width last laid out at; 0 before the first layout
}

// gaps returns the space between two objects of a row and between two rows.
func gaps() (across, down float32) { return theme.Padding(), theme.Padding() }

// Layout places the objects in rows within size's width.
func (f *flow) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	f.width = size.Width
	f.place(objs, size.Width, true)
}

// MinSize is the widest object's width and the height of the rows at the width last laid
// out at (one object a row before the first layout).
func (f *flow) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w float32
	for _, o := range objs {
		if o.Visible() {
			w = max(w, o.MinSize().Width)
		}
	}
	return fyne.NewSize(w, f.place(objs, max(f.width, w), false))
}

// place lays the visible objects out in rows of the given width, moving and resizing them
// when move is set, and returns the height of the rows. The rows are as tall as the
// tallest object, each object centred in its row.
func (f *flow) place(objs []fyne.CanvasObject, width float32, move bool) float32 {
	across, down := gaps()
	var rowH float32
	for _, o := range objs {
		if o.Visible() {
			rowH = max(rowH, o.MinSize().Height)
		}
	}
	var x, y float32
	rows := 0
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		s := o.MinSize()
		if rows == 0 || x > 0 && x+s.Width > width {
			if rows > 0 {
				y += rowH + down
			}
			x, rows = 0, rows+1
		}
		if move {
			o.Resize(s)
			at := x
			if f.rtl {
				at = width - x - s.Width
			}
			o.Move(fyne.NewPos(at, y+(rowH-s.Height)/2))
		}
		x += s.Width + across
	}
	if rows == 0 {
		return 0
	}
	return y + rowH
}
