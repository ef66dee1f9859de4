package article

import (
	"slices"
	"sort"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// labelTexts returns what a label draws, from the right edge leftwards.
func labelTexts(l *Label) []string {
	var ts []*canvas.Text
	for _, o := range test.WidgetRenderer(l).Objects() {
		if t, ok := o.(*canvas.Text); ok {
			ts = append(ts, t)
		}
	}
	sort.Slice(ts, func(i, j int) bool { return ts[i].Position().X > ts[j].Position().X })
	var out []string
	for _, t := range ts {
		out = append(out, t.Text)
	}
	return out
}

func TestLabelBidiOrder(t *testing.T) {
	test.NewTempApp(t)
	l := NewLabel("مقتل 25 شخصا في هجوم لتنظيم ISIS (سوريا)")
	l.Resize(fyne.NewSize(600, l.MinSize().Height))
	want := []string{"مقتل", "25", "شخصا", "في", "هجوم", "لتنظيم", "ISIS", ")", "سوريا", "("}
	if got := labelTexts(l); !slices.Equal(got, want) {
		t.Errorf("from the right:\n got %q\nwant %q", got, want)
	}
	var first fyne.CanvasObject
	for _, o := range test.WidgetRenderer(l).Objects() {
		if t, ok := o.(*canvas.Text); ok && t.Text == "مقتل" {
			first = t
		}
	}
	if right := first.Position().X + first.Size().Width; right != 600-theme.InnerPadding() {
		t.Errorf("the first token ends at %v, want the right edge", right)
	}
}

func TestLabelCutsWithEllipsis(t *testing.T) {
	test.NewTempApp(t)
	l := NewLabel("تقهقر الميليشيات في طرابلس مع تقدم الجيش الليبي")
	if w := l.MinSize().Width; w < 200 {
		t.Errorf("a label that may not be cut is %v wide", w)
	}
	l.Truncation = fyne.TextTruncateEllipsis
	if w := l.MinSize().Width; w > 100 {
		t.Errorf("a label that may be cut is %v wide", w)
	}
	l.Resize(fyne.NewSize(160, l.MinSize().Height))
	got := labelTexts(l)
	if len(got) < 2 || got[0] != "تقهقر" || got[len(got)-1] != ellipsis {
		t.Fatalf("cut label shows %q, want it to start with تقهقر and end with %s on the left", got, ellipsis)
	}
	for _, o := range test.WidgetRenderer(l).Objects() {
		if o.Position().X < 0 {
			t.Errorf("%q is drawn left of the label", o.(*canvas.Text).Text)
		}
	}
	l.SetText("سرت")
	if got := labelTexts(l); !slices.Equal(got, []string{"سرت"}) {
		t.Errorf("after SetText: %q", got)
	}
}
