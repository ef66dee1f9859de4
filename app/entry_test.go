package app

import (
	"slices"
	"sort"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"github.com/tawsim/tawsim/labels"
)

// The text fields of the dialogs show Arabic mixed with Latin words and numbers in bidi order,
// still close their dialog on Escape and submit it on Enter.
func TestDialogFieldTakesMixedText(t *testing.T) {
	const note = "النص مقطوع (cut) 12"
	w, shown := openWindow(t, threeDocs...)
	first := start(t, w, shown)
	press(w, "!")
	entry, ok := w.win.Canvas().Focused().(*dialogEntry)
	if !ok {
		t.Fatalf("the focus is on %T, not the note's field", w.win.Canvas().Focused())
	}
	test.Type(entry, note)
	var drawn []*canvas.Text
	for _, o := range objectsOf(entry) {
		if t, ok := o.(*canvas.Text); ok {
			drawn = append(drawn, t)
		}
	}
	sort.Slice(drawn, func(i, j int) bool { return drawn[i].Position().X < drawn[j].Position().X })
	var got []string
	for _, d := range drawn {
		got = append(got, d.Text)
	}
	if want := []string{"12", " ", "(", "cut", ")", " ", "النص مقطوع"}; !slices.Equal(got, want) {
		t.Errorf("the note is drawn, left to right, as %q, want %q", got, want)
	}
	entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if w.dialogs.covers() {
		t.Fatal("Escape in the field left the dialog open")
	}
	if st := fileState(t, w.cfg.Path, first.ID, "tester"); st.Status != labels.StatusTodo {
		t.Fatalf("Escape flagged the document: %+v", st)
	}

	press(w, "!")
	entry = w.win.Canvas().Focused().(*dialogEntry)
	test.Type(entry, note)
	entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	w.q.Wait()
	if st := fileState(t, w.cfg.Path, first.ID, "tester"); st.Status != labels.StatusFlagged || st.Note != note {
		t.Errorf("Enter stored %+v, want flagged with the note %q", st, note)
	}
}
