package textfield

import (
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// find returns the objects under o that match.
func find[T fyne.CanvasObject](o fyne.CanvasObject) []T {
	var out []T
	if t, ok := o.(T); ok {
		out = append(out, t)
	}
	var kids []fyne.CanvasObject
	switch o := o.(type) {
	case *fyne.Container:
		kids = o.Objects
	case fyne.Widget:
		kids = test.WidgetRenderer(o).Objects()
	}
	for _, k := range kids {
		out = append(out, find[T](k)...)
	}
	return out
}

func TestFormValidatesTheField(t *testing.T) {
	test.NewTempApp(t)
	f := New()
	f.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New("a target needs a name")
		}
		return nil
	}
	form := widget.NewForm(widget.NewFormItem("Name", f))
	form.OnSubmit = func() {}
	w := test.NewWindow(form)
	defer w.Close()
	w.Resize(fyne.NewSize(400, 200))
	submit := func() *widget.Button {
		for _, b := range find[*widget.Button](form) {
			if b.Text == "Submit" {
				return b
			}
		}
		t.Fatal("the form has no Submit button")
		return nil
	}
	if !submit().Disabled() {
		t.Errorf("Submit is enabled with an empty name")
	}
	w.Canvas().Focus(f)
	test.Type(f, "الوساطة المصرية")
	if submit().Disabled() || form.Validate() != nil {
		t.Errorf("Submit is disabled with a name")
	}
	f.TypedShortcut(&fyne.ShortcutSelectAll{})
	f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	if !submit().Disabled() {
		t.Errorf("Submit is enabled after the name was deleted")
	}
	shown := false
	for _, txt := range find[*canvas.Text](form) {
		shown = shown || txt.Text == "a target needs a name"
	}
	if !shown {
		t.Errorf("the form does not show the Validator's error")
	}
	if rend(f).icon.Visible() {
		t.Errorf("the error icon shows while the field has the focus")
	}
	w.Canvas().Unfocus()
	if !rend(f).icon.Visible() {
		t.Errorf("the error icon does not show after the field lost the focus")
	}
}
