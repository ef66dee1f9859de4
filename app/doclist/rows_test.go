package doclist

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/tawsim/tawsim/labels"
)

// TestRowStatusNeverRunsIntoTheTitle shows one row with each status in turn, as the list
// reuses a row, and holds the title clear of the status and titles in one column.
func TestRowStatusNeverRunsIntoTheTitle(t *testing.T) {
	test.NewTempApp(t)
	r := newRow().(*Row)
	win := test.NewWindow(r)
	defer win.Close()
	win.Resize(fyne.NewSize(320, 40))
	var titleX float32 = -1
	for _, s := range append([]labels.Status{labels.StatusTodo}, labels.Statuses...) {
		r.set(labels.Summary{Order: 12, Title: "تقهقر الميليشيات في طرابلس مع تقدم الجيش الليبي", Status: s}, true)
		// the text needs MinSize: a label laid out narrower draws past its edge
		statusEnd := absolute(r.status).X + max(r.status.Size().Width, r.status.MinSize().Width)
		x := absolute(r.title).X
		if x < statusEnd {
			t.Errorf("%s: the title starts at %v, inside the status, which ends at %v", s, x, statusEnd)
		}
		if titleX >= 0 && x != titleX {
			t.Errorf("%s: the title starts at %v, after %v for another status", s, x, titleX)
		}
		titleX = x
	}
}

// absolute returns where o is in its canvas.
func absolute(o fyne.CanvasObject) fyne.Position {
	return fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
}
