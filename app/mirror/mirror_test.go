package mirror

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/locale"
)

// TestRightToLeftParts: in Arabic a row starts at the right, a border's start is its right
// side, a grid's row reads from the right, and words are the article's, their keys isolated.
func TestRightToLeftParts(t *testing.T) {
	for _, l := range []locale.Language{locale.English, locale.Arabic} {
		locale.Set(l)
		test.NewTempApp(t)
		rtl := l == locale.Arabic
		a, b := widget.NewButton("a", nil), widget.NewButton("b", nil)
		row := Row(a, b)
		row.Resize(fyne.NewSize(300, 40))
		if (a.Position().X > b.Position().X) != rtl {
			t.Errorf("%s: row places a at %v, b at %v", l, a.Position().X, b.Position().X)
		}
		if rtl && a.Position().X+a.Size().Width != 300 {
			t.Errorf("%s: the row's first object ends at %v, not at the right edge", l, a.Position().X+a.Size().Width)
		}
		s, e, c := widget.NewLabel("s"), widget.NewLabel("e"), widget.NewLabel("c")
		border := Border(nil, nil, s, e, c)
		border.Resize(fyne.NewSize(300, 40))
		if (s.Position().X > e.Position().X) != rtl {
			t.Errorf("%s: border's start at %v, end at %v", l, s.Position().X, e.Position().X)
		}
		g1, g2, g3 := widget.NewLabel("1"), widget.NewLabel("2"), widget.NewLabel("3")
		grid := Grid(2, g1, g2, g3)
		grid.Resize(fyne.NewSize(300, 80))
		if (g1.Position().X > g2.Position().X) != rtl || (g3.Position().X > g2.Position().X) != rtl {
			t.Errorf("%s: grid places 1 at %v, 2 at %v, 3 at %v", l, g1.Position().X, g2.Position().X, g3.Position().X)
		}
		words := Label("اضغط Ctrl+=")
		if w, ok := words.(*Words); ok != rtl || rtl && (w.Text() != "اضغط Ctrl+=" || w.label.Text() != "اضغط \u2066Ctrl+=\u2069") {
			t.Errorf("%s: the label is a %T", l, words)
		}
		check := widget.NewCheck("الكل", nil)
		obj := CheckRow(check)
		if rtl {
			test.NewWindow(obj).Resize(fyne.NewSize(300, 40))
			label := obj.(*fyne.Container).Objects[1].(*tapLabel)
			label.Tapped(&fyne.PointEvent{})
			if !check.Checked || check.Text != "" || label.Text() != "الكل" || check.Position().X < label.Position().X {
				t.Errorf("the check's text %q moved to %q; a tap on it checked %v; box at %v, text at %v",
					check.Text, label.Text(), check.Checked, check.Position().X, label.Position().X)
			}
		} else if obj != check {
			t.Errorf("in English CheckRow is %T", obj)
		}
	}
	locale.Set(locale.English)
}

// TestRadioGroupRow: in Arabic a radio group's options stand one a line, each circle at the
// right of its words; a tap on an option chooses it through the group (its OnChanged called),
// a disabled group chooses nothing. In English the group is Fyne's own.
func TestRadioGroupRow(t *testing.T) {
	defer locale.Set(locale.English)
	locale.Set(locale.English)
	test.NewTempApp(t)
	g := widget.NewRadioGroup([]string{"الخارجي", "الداخلي"}, nil)
	if RadioGroupRow(g) != g {
		t.Errorf("in English the group is laid out by something else")
	}
	locale.Set(locale.Arabic)
	var told []string
	g = widget.NewRadioGroup([]string{"الخارجي", "الداخلي"}, func(s string) { told = append(told, s) })
	g.Required = true
	g.SetSelected("الخارجي")
	told = nil
	obj := RadioGroupRow(g)
	test.NewWindow(obj).Resize(fyne.NewSize(300, 100))
	rows := obj.(*radioRows)
	inner := rows.options[1]
	inner.Tapped(&fyne.PointEvent{})
	if g.Selected != "الداخلي" || len(told) != 1 || told[0] != "الداخلي" {
		t.Errorf("a tap on the second option: selected %q, told %v", g.Selected, told)
	}
	if inner.icon.Position().X < inner.words.Position().X {
		t.Errorf("the circle at %v, left of its words at %v", inner.icon.Position().X, inner.words.Position().X)
	}
	if rows.options[0].Position().Y >= inner.Position().Y {
		t.Errorf("the options are not one a line: %v, %v", rows.options[0].Position(), inner.Position())
	}
	g.Disable()
	obj.Refresh()
	rows.options[0].Tapped(&fyne.PointEvent{})
	if g.Selected != "الداخلي" || len(told) != 1 {
		t.Errorf("a disabled group chose %q", g.Selected)
	}
}
