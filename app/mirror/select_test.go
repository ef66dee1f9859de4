package mirror

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/locale"
)

// TestSelectRow: in English the select is laid out as it is; in Arabic the row shows the
// option chosen in Words, opens the options on a tap, and an option tapped is chosen through
// the select, which tells OnChanged; disabled, the row opens nothing.
func TestSelectRow(t *testing.T) {
	defer locale.Set(locale.English)
	locale.Set(locale.English)
	test.NewTempApp(t)
	s := widget.NewSelect([]string{"بالترتيب", "الأقل ثقة: places.tsv"}, nil)
	if SelectRow(s) != s {
		t.Errorf("in English the select is laid out by something else")
	}
	locale.Set(locale.Arabic)
	var told []string
	s = widget.NewSelect([]string{"بالترتيب", "الأقل ثقة: places.tsv"}, func(o string) { told = append(told, o) })
	s.SetSelected("بالترتيب")
	told = nil
	obj := SelectRow(s)
	w := test.NewWindow(obj)
	w.Resize(fyne.NewSize(300, 200))
	r := obj.(*selectRow)
	if r.words.Text() != "بالترتيب" {
		t.Errorf("the row shows %q", r.words.Text())
	}
	test.Tap(r.button)
	if r.pop == nil || !r.pop.Visible() {
		t.Fatal("a tap opens no options")
	}
	var second *tapLabel
	for _, o := range r.pop.Content.(*fyne.Container).Objects {
		for _, c := range o.(*fyne.Container).Objects {
			if l, ok := c.(*tapLabel); ok && l.Text() == "الأقل ثقة: places.tsv" {
				second = l
			}
		}
	}
	if second == nil {
		t.Fatal("the options do not show the second one in Words")
	}
	second.Tapped(&fyne.PointEvent{})
	if s.Selected != "الأقل ثقة: places.tsv" || len(told) != 1 || r.words.Text() != s.Selected || r.pop.Visible() {
		t.Errorf("the second option tapped: selected %q, told %v, shown %q, options open %v", s.Selected, told, r.words.Text(), r.pop.Visible())
	}
	r.pop = nil
	s.Disable()
	obj.Refresh()
	test.Tap(r.button)
	if r.pop != nil {
		t.Errorf("a disabled row opened its options")
	}
}
