package palette

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/tawsim/tawsim/labels"
)

// shownRows returns the names of the labels the finder shows, and the one marked.
func shownRows(f *finder) (rows []string, marked string) {
	for _, o := range f.rows.Objects {
		if r, ok := o.(*finderRow); ok {
			rows = append(rows, r.Label().Name)
			if r.marked {
				marked = r.Label().Name
			}
		}
	}
	return rows, marked
}

// TestFinderGivesALabel: / opens the finder over the window with every label, the first
// marked; typing narrows them, the arrows move the mark, Enter gives the label marked and
// closes it; Escape closes it without a label; a click on a row gives that row's label.
func TestFinderGivesALabel(t *testing.T) {
	p, w := showWojood(t, 1000)
	w.Resize(fyne.NewSize(1000, 600))
	var chosen []string
	closed := 0
	p.OnLabel = func(l labels.Label) { chosen = append(chosen, l.Name) }
	p.OnFindClosed = func() { closed++ }

	p.Find()
	f := p.finder
	if w.Canvas().Overlays().Top() != f.pop || w.Canvas().Focused() != f.field {
		t.Fatalf("the finder is not shown with its field focused")
	}
	if rows, marked := shownRows(f); len(rows) != 21 || marked != "PERS" {
		t.Errorf("at first: %d rows, %q marked", len(rows), marked)
	}
	test.AssertImageMatches(t, "finder.png", w.Canvas().Capture())
	test.Type(f.field, "per")
	if rows, marked := shownRows(f); !slices.Equal(rows[:2], []string{"PERS", "PERCENT"}) || marked != "PERS" {
		t.Errorf("after per: %v, %q marked", rows, marked)
	}
	f.field.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	f.field.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	f.field.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	if _, marked := shownRows(f); marked != "PERCENT" {
		t.Errorf("↓ ↓ ↑ marked %q", marked)
	}
	f.field.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if !slices.Equal(chosen, []string{"PERCENT"}) || closed != 1 || w.Canvas().Overlays().Top() != nil {
		t.Errorf("Enter gave %v, closed %d times, overlay %v", chosen, closed, w.Canvas().Overlays().Top())
	}

	p.Find() // empty again
	if f.field.Text != "" {
		t.Errorf("the finder opened again with %q", f.field.Text)
	}
	test.Type(f.field, "دولة")
	f.field.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if len(chosen) != 1 || closed != 2 || w.Canvas().Overlays().Top() != nil {
		t.Errorf("Escape gave %v, closed %d times", chosen, closed)
	}

	p.Find()
	test.Type(f.field, "xyzzy")
	f.field.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if rows, _ := shownRows(f); len(rows) != 0 || len(chosen) != 1 || w.Canvas().Overlays().Top() == nil {
		t.Errorf("Enter with no match: rows %v, gave %v, closed %v", rows, chosen, w.Canvas().Overlays().Top() == nil)
	}
	f.field.SetText("money")
	test.Tap(f.rows.Objects[0].(*finderRow))
	if !slices.Equal(chosen, []string{"PERCENT", "MONEY"}) || closed != 3 {
		t.Errorf("a click gave %v, closed %d times", chosen, closed)
	}

	p.find.Tapped(&fyne.PointEvent{}) // the palette's own button opens it too
	if w.Canvas().Overlays().Top() != f.pop {
		t.Error("the Find button did not open the finder")
	}
}
