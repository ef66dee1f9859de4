package doclist

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/tawsim/tawsim/app/locale"
	"github.com/tawsim/tawsim/labels"
)

// TestRowStatusNeverRunsIntoTheTitle shows one row with each status in turn, as the list
// reuses a row, and holds the title clear of the status and titles in one column, in both
// directions: the status at the end of the row (the right in English, the left in Arabic).
func TestRowStatusNeverRunsIntoTheTitle(t *testing.T) {
	defer locale.Set(locale.English)
	for _, l := range []locale.Language{locale.English, locale.Arabic} {
		locale.Set(l)
		test.NewTempApp(t)
		r := newRow().(*Row)
		win := test.NewWindow(r)
		win.Resize(fyne.NewSize(320, 40))
		var titleX float32 = -1
		for _, s := range append([]labels.Status{labels.StatusTodo}, labels.Statuses...) {
			r.set(labels.Summary{Order: 12, Title: "تقهقر الميليشيات في طرابلس مع تقدم الجيش الليبي", Status: s}, true)
			// the text needs MinSize: a label laid out narrower draws past its edge
			statusX := absolute(r.status).X
			statusEnd := statusX + max(r.status.Size().Width, r.status.MinSize().Width)
			x, end := absolute(r.title).X, absolute(r.title).X+r.title.Size().Width
			if end > statusX && x < statusEnd {
				t.Errorf("%s %s: the title [%v, %v] runs into the status [%v, %v]", l, s, x, end, statusX, statusEnd)
			}
			if rtl := l == locale.Arabic; rtl != (x > statusX) {
				t.Errorf("%s %s: the status at %v, the title at %v: the status is not at the end of the row", l, s, statusX, x)
			}
			if titleX >= 0 && x != titleX {
				t.Errorf("%s %s: the title starts at %v, after %v for another status", l, s, x, titleX)
			}
			titleX = x
		}
		win.Close()
	}
}

// absolute returns where o is in its canvas.
func absolute(o fyne.CanvasObject) fyne.Position {
	return fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
}
