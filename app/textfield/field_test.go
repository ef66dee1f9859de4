package textfield

import (
	"math"
	"slices"
	"sort"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// mixed is the line that Fyne's Entry shows as `مقطوع النص)cut) 12`.
const mixed = "النص مقطوع (cut) 12"

// show puts an empty field, focused, in an unpadded test window of the given width.
func show(t testing.TB, width float32) (*Field, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	f := New()
	w := test.NewWindow(f)
	t.Cleanup(w.Close)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(width, f.MinSize().Height))
	w.Canvas().Focus(f)
	return f, w
}

// typed shows a field holding text typed into it.
func typed(t testing.TB, text string, width float32) (*Field, fyne.Window) {
	t.Helper()
	f, w := show(t, width)
	test.Type(f, text)
	if f.Text != text {
		t.Fatalf("typed %q, Text is %q", text, f.Text)
	}
	return f, w
}

func rend(f *Field) *renderer { return test.WidgetRenderer(f).(*renderer) }

// drawn returns the canvas.Text objects the field draws, left to right.
func drawn(f *Field) []*canvas.Text {
	var ts []*canvas.Text
	for _, o := range rend(f).area.objects {
		if t, ok := o.(*canvas.Text); ok {
			ts = append(ts, t)
		}
	}
	sort.Slice(ts, func(i, j int) bool { return ts[i].Position().X < ts[j].Position().X })
	return ts
}

// texts returns the strings drawn, left to right.
func texts(f *Field) []string {
	var out []string
	for _, t := range drawn(f) {
		out = append(out, t.Text)
	}
	return out
}

// drawnText returns the object that draws s, failing the test if there is not one.
func drawnText(t testing.TB, f *Field, s string) *canvas.Text {
	t.Helper()
	for _, d := range drawn(f) {
		if d.Text == s {
			return d
		}
	}
	t.Fatalf("%q is not drawn; the field draws %q", s, texts(f))
	return nil
}

func left(o fyne.CanvasObject) float32  { return o.Position().X }
func right(o fyne.CanvasObject) float32 { return o.Position().X + o.Size().Width }

// caretX returns the middle of the caret, in the text area's coordinates.
func caretX(t testing.TB, f *Field) float32 {
	t.Helper()
	c := rend(f).caret
	if c == nil {
		t.Fatal("no caret is drawn")
	}
	return c.Position().X + c.Size().Width/2
}

// near reports whether two x are the same place on the screen.
func near(a, b float32) bool { return math.Abs(float64(a-b)) < 0.75 }

// press types the key name into f, with Shift held when shift.
func press(f *Field, name fyne.KeyName, shift bool) {
	if shift {
		f.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
		defer f.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	}
	f.TypedKey(&fyne.KeyEvent{Name: name})
}

func TestMixedTextIsShownInBidiOrder(t *testing.T) {
	f, w := typed(t, mixed, 300)
	// left to right: the number, then `(cut)` with its brackets facing the word (each drawn
	// mirrored: they sit at a right-to-left level), then the two Arabic words as one string,
	// which the renderer joins and lays out right to left
	want := []string{"12", " ", "(", "cut", ")", " ", "النص مقطوع"}
	if got := texts(f); !slices.Equal(got, want) {
		t.Errorf("left to right the field draws\n %q\nwant %q", got, want)
	}
	ts := drawn(f)
	for i := 1; i < len(ts); i++ {
		if !near(left(ts[i]), right(ts[i-1])) {
			t.Errorf("%q starts at %v, %q ends at %v", ts[i].Text, left(ts[i]), ts[i-1].Text, right(ts[i-1]))
		}
	}
	area := rend(f).area
	if pad := area.Size().Width - right(ts[len(ts)-1]); pad < 1 || pad > 20 {
		t.Errorf("right-to-left text is not aligned right: %v left over at the right", pad)
	}
	test.AssertImageMatches(t, "typed-mixed.png", w.Canvas().Capture())
}

func TestLatinTextIsAlignedLeft(t *testing.T) {
	f, w := typed(t, "Amal (أمل) 7", 300)
	// the brackets take the paragraph's direction (N0: the text before them is Latin); the 7
	// follows an Arabic word, so it is a number at level 2, a piece of its own
	want := []string{"Amal (", "أمل", ") ", "7"}
	if got := texts(f); !slices.Equal(got, want) {
		t.Errorf("left to right the field draws %q, want %q", got, want)
	}
	if f.RightToLeft() {
		t.Errorf("a text starting with a Latin letter reads right to left")
	}
	if l := left(drawn(f)[0]); l > 20 {
		t.Errorf("left-to-right text starts at x=%v, not at the left", l)
	}
	if !near(caretX(t, f), right(drawnText(t, f, "7"))) {
		t.Errorf("the caret is at %v, not after the 7 (%v)", caretX(t, f), right(drawnText(t, f, "7")))
	}
	test.AssertImageMatches(t, "typed-latin.png", w.Canvas().Capture())
}

func TestCaretAfterTypingArabicIsAtTheLeft(t *testing.T) {
	f, _ := typed(t, "النص مقطوع", 300)
	words := drawnText(t, f, "النص مقطوع")
	if f.Caret() != len([]rune(f.Text)) {
		t.Errorf("the caret is at %d, not at the end", f.Caret())
	}
	if !near(caretX(t, f), left(words)) {
		t.Errorf("the caret is at x=%v, want the left end of the text %v", caretX(t, f), left(words))
	}
	press(f, fyne.KeyHome, false)
	if f.Caret() != 0 || !near(caretX(t, f), right(words)) {
		t.Errorf("Home: caret %d at x=%v, want 0 at the right end %v", f.Caret(), caretX(t, f), right(words))
	}
	press(f, fyne.KeyEnd, false)
	if f.Caret() != 10 || !near(caretX(t, f), left(words)) {
		t.Errorf("End: caret %d at x=%v, want 10 at the left end %v", f.Caret(), caretX(t, f), left(words))
	}
}

func TestCaretInMixedText(t *testing.T) {
	f, _ := typed(t, mixed, 300)
	// after typing, the caret stands after the last character typed: right of the 2
	if f.Caret() != 19 || !near(caretX(t, f), right(drawnText(t, f, "12"))) {
		t.Errorf("caret %d at x=%v, want 19 right of 12 (%v)", f.Caret(), caretX(t, f), right(drawnText(t, f, "12")))
	}
	press(f, fyne.KeyHome, false)
	if f.Caret() != 0 || !near(caretX(t, f), right(drawnText(t, f, "النص مقطوع"))) {
		t.Errorf("Home: caret %d at x=%v, want 0 at the right end", f.Caret(), caretX(t, f))
	}
	// ← sweeps the line from the right end to the left end, a cluster at a time
	last := caretX(t, f)
	for i := 0; i < 19; i++ {
		press(f, fyne.KeyLeft, false)
		if x := caretX(t, f); x >= last {
			t.Fatalf("← %d: the caret went from x=%v to x=%v", i+1, last, x)
		}
		last = caretX(t, f)
	}
	if !near(last, left(drawnText(t, f, "12"))) {
		t.Errorf("after 19 ← the caret is at %v, not at the left end", last)
	}
	press(f, fyne.KeyLeft, false)
	if caretX(t, f) != last {
		t.Errorf("← at the left end moved the caret")
	}
	// the places in the text the sweep went through: the Arabic words and the bracket one by
	// one, then `cut` entered from its right end (after the t) and left by its left end, the
	// other bracket, the space, and `12` entered from its right (before the 2)
	f.Select(0, 0)
	var sweep []int
	for range 19 {
		press(f, fyne.KeyLeft, false)
		sweep = append(sweep, f.Caret())
	}
	want := []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 13, 12, 16, 17, 18, 17}
	if !slices.Equal(sweep, want) {
		t.Errorf("← from the start goes through\n %v\nwant %v", sweep, want)
	}
	for range 19 {
		press(f, fyne.KeyRight, false)
	}
	if f.Caret() != 0 {
		t.Errorf("→ back to the right end: caret at %d, want 0", f.Caret())
	}
}

func TestShiftArrowsSelectInReadingOrder(t *testing.T) {
	f, w := typed(t, mixed, 300)
	press(f, fyne.KeyHome, false)
	words, open := drawnText(t, f, "النص مقطوع"), drawnText(t, f, ")")
	for i, c := range []struct {
		presses int
		text    string
	}{
		{5, "النص "},
		{11, "النص مقطوع "},
		{12, "النص مقطوع ("},
		{14, "النص مقطوع (cu"},
	} {
		for range c.presses - []int{0, 5, 11, 12}[i] {
			press(f, fyne.KeyLeft, true)
		}
		if got := f.SelectedText(); got != c.text {
			t.Fatalf("%d shift+←: selected %q, want %q", c.presses, got, c.text)
		}
	}
	// `النص مقطوع (cu` is two pieces of the line: `cu` at the left of `cut`, and from the
	// bracket before it to the right end
	marks := rend(f).marks
	if len(marks) != 2 {
		t.Fatalf("the selection is drawn in %d pieces, want 2", len(marks))
	}
	cut := drawnText(t, f, "cut")
	if !near(left(marks[0]), left(cut)) || right(marks[0]) >= right(cut) || right(marks[0]) <= left(cut) {
		t.Errorf("the left piece spans %v-%v; cut spans %v-%v", left(marks[0]), right(marks[0]), left(cut), right(cut))
	}
	if !near(left(marks[1]), left(open)) || !near(right(marks[1]), right(words)) {
		t.Errorf("the right piece spans %v-%v, want %v-%v", left(marks[1]), right(marks[1]), left(open), right(words))
	}
	test.AssertImageMatches(t, "selected-mixed.png", w.Canvas().Capture())

	// shift+→ takes the selection back a cluster at a time; shift+End takes it to the end
	press(f, fyne.KeyRight, true)
	if got := f.SelectedText(); got != "النص مقطوع (c" {
		t.Errorf("shift+→ left %q selected", got)
	}
	press(f, fyne.KeyEnd, true)
	if s, e := f.Selection(); s != 0 || e != 19 {
		t.Errorf("shift+End selects [%d, %d)", s, e)
	}
	// ← without shift collapses the selection to its end shown further left: the end of
	// the text, right of the 12
	press(f, fyne.KeyLeft, false)
	if s, e := f.Selection(); s != 19 || e != 19 {
		t.Errorf("← left [%d, %d) selected, want the caret at 19", s, e)
	}
	press(f, fyne.KeyHome, true)
	press(f, fyne.KeyRight, false)
	if s, e := f.Selection(); s != 0 || e != 0 {
		t.Errorf("→ left [%d, %d) selected, want the caret at 0", s, e)
	}
}

func TestShiftArrowsInLatinText(t *testing.T) {
	f, _ := typed(t, "Amal (أمل)", 300)
	press(f, fyne.KeyHome, false)
	for range 7 {
		press(f, fyne.KeyRight, true)
	}
	if got := f.SelectedText(); got != "Amal (أ" {
		t.Errorf("7 shift+→ in left-to-right text selected %q", got)
	}
	press(f, fyne.KeyLeft, true)
	if got := f.SelectedText(); got != "Amal (" {
		t.Errorf("then shift+← left %q", got)
	}
}

func TestPlaceholderAndEmptyField(t *testing.T) {
	f, w := show(t, 300)
	f.SetPlaceHolder("for example: الوساطة المصرية")
	// the placeholder starts with a Latin letter: it reads left to right from the left end
	if got := texts(f); !slices.Equal(got, []string{"for example: ", "الوساطة المصرية"}) {
		t.Errorf("the placeholder is drawn as %q", got)
	}
	if l := left(drawn(f)[0]); l > 20 {
		t.Errorf("the placeholder starts at x=%v", l)
	}
	if !f.RightToLeft() {
		t.Errorf("an empty field reads left to right")
	}
	area := rend(f).area
	if x := caretX(t, f); x < area.Size().Width-20 {
		t.Errorf("the caret of an empty field is at x=%v, not at the right end (%v)", x, area.Size().Width)
	}
	test.AssertImageMatches(t, "placeholder.png", w.Canvas().Capture())
	test.Type(f, "ا")
	if got := texts(f); !slices.Equal(got, []string{"ا"}) {
		t.Errorf("with text, the field draws %q", got)
	}
}

func TestLongTextScrollsToTheCaret(t *testing.T) {
	long := "قال الرئيس (Joe Biden) إن 3.5% من الناخبين في ولاية Ohio صوتوا يوم 2024-11-05."
	f, _ := typed(t, long, 200)
	area := rend(f).area
	inside := func(what string) {
		t.Helper()
		if x := caretX(t, f); x < 0 || x > area.Size().Width {
			t.Errorf("%s: the caret is at x=%v, outside the area 0-%v", what, x, area.Size().Width)
		}
	}
	inside("after typing")
	press(f, fyne.KeyHome, false)
	inside("Home")
	if r := right(drawnText(t, f, "قال الرئيس")); !near(r, area.Size().Width-theme.InnerPadding()) {
		t.Errorf("Home: the start of the text ends at %v, want the right end", r)
	}
	for range 40 {
		press(f, fyne.KeyLeft, false)
		inside("←")
	}
	press(f, fyne.KeyEnd, false)
	inside("End")
}
