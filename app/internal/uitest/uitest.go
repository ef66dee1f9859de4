// Package uitest helps the window's tests look into what Fyne draws.
package uitest

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// Objects returns o and every object below it: the objects of containers and of the
// renderers of widgets (made with Fyne's test driver).
func Objects(o fyne.CanvasObject) []fyne.CanvasObject {
	out := []fyne.CanvasObject{o}
	switch o := o.(type) {
	case *fyne.Container:
		for _, c := range o.Objects {
			out = append(out, Objects(c)...)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(o).Objects() {
			out = append(out, Objects(c)...)
		}
	}
	return out
}
