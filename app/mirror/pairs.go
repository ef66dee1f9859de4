package mirror

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"github.com/tawsim/tawsim/app/locale"
)

// Pairs returns a container of pairs of objects (a name and its widget, a key and what it
// does) in two columns: the first, at the start edge, as wide as its widest object, the second
// taking the rest of the width. Add the objects two by two.
func Pairs(objs ...fyne.CanvasObject) *fyne.Container {
	return container.New(&pairsLayout{}, objs...)
}

// pairsLayout lays out the objects of Pairs.
type pairsLayout struct{}

// Layout places the pairs.
func (l *pairsLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	first := l.firstWidth(objs)
	rtl := locale.RTL()
	y := float32(0)
	for i := 0; i+1 < len(objs); i += 2 {
		// a wrapping text is as tall as it is at its width: given the width first
		objs[i+1].Resize(fyne.NewSize(size.Width-first, objs[i+1].MinSize().Height))
		objs[i+1].Resize(fyne.NewSize(size.Width-first, objs[i+1].MinSize().Height))
		h := max(objs[i].MinSize().Height, objs[i+1].MinSize().Height)
		objs[i].Resize(fyne.NewSize(first, objs[i].MinSize().Height))
		if rtl {
			objs[i].Move(fyne.NewPos(size.Width-first, y))
			objs[i+1].Move(fyne.NewPos(0, y))
		} else {
			objs[i].Move(fyne.NewPos(0, y))
			objs[i+1].Move(fyne.NewPos(first, y))
		}
		y += h
	}
}

// MinSize is the two columns at their minimum widths, as tall as the pairs.
func (l *pairsLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	first := l.firstWidth(objs)
	var second, h float32
	for i := 0; i+1 < len(objs); i += 2 {
		second = max(second, objs[i+1].MinSize().Width)
		h += max(objs[i].MinSize().Height, objs[i+1].MinSize().Height)
	}
	return fyne.NewSize(first+second, h)
}

// firstWidth is the width of the widest object of the first column.
func (l *pairsLayout) firstWidth(objs []fyne.CanvasObject) float32 {
	var w float32
	for i := 0; i < len(objs); i += 2 {
		w = max(w, objs[i].MinSize().Width)
	}
	return w
}
