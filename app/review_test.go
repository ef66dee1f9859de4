package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/labels"
)

// threeDocs are two short documents after the sample article.
var threeDocs = []labels.Document{
	{Title: "الثاني", Text: "الثاني\nنص المقال الثاني."},
	{Title: "الثالث", Text: "الثالث\nنص المقال الثالث."},
}

func TestDoneNext(t *testing.T) {
	w, shown := openWindow(t, threeDocs...)
	first := start(t, w, shown)
	press(w, "d")
	if d := next(t, shown); d.Title != "الثاني" {
		t.Fatalf("done-and-next opened %q", d.Title)
	}
	if st := fileState(t, w.cfg.Path, first.ID, "tester"); st.Status != labels.StatusDone {
		t.Errorf("the first document's status in the file is %q, want done", st.Status)
	}
	if current(w) != 1 || !inList(w) {
		t.Errorf("current %d (in list %v), want 1", current(w), inList(w))
	}
	if r := rowsOf(w.list.Rows); shownStatus(r[0]) != "done" || shownStatus(r[1]) != "to do" {
		t.Errorf("the list shows %q, %q", shownStatus(r[0]), shownStatus(r[1]))
	}
	if !strings.HasPrefix(w.status.Message.Text, "Marked ") || !strings.HasSuffix(w.status.Message.Text, " done.") {
		t.Errorf("status bar %q after done-and-next", w.status.Message.Text)
	}
	if !strings.Contains(w.list.Progress.TextFormatter(), "1 / 3 done") {
		t.Errorf("progress %q", w.list.Progress.TextFormatter())
	}

	second := w.ed.doc
	menuItem(t, w, "Done, next").Action() // Ctrl+Enter
	w.q.Wait()
	if d := next(t, shown); d.Title != "الثالث" {
		t.Fatalf("Ctrl+Enter opened %q", d.Title)
	}
	if st := fileState(t, w.cfg.Path, second.ID, "tester"); st.Status != labels.StatusDone {
		t.Errorf("the second document's status is %q", st.Status)
	}

	third := w.ed.doc
	press(w, "s")
	if st := fileState(t, w.cfg.Path, third.ID, "tester"); st.Status != labels.StatusSkipped {
		t.Errorf("s set %q, want skipped", st.Status)
	}
	if !strings.Contains(w.status.Message.Text, "last document") || w.ed.doc.ID != third.ID {
		t.Errorf("at the end of the list: status bar %q, showing %q", w.status.Message.Text, w.ed.doc.Title)
	}
}

func TestFlagWithNote(t *testing.T) {
	w, shown := openWindow(t, threeDocs...)
	first := start(t, w, shown)
	press(w, "!")
	if !w.dialogs.covers() {
		t.Fatal("! opened no dialog")
	}
	press(w, "d") // typed into the dialog, not a key of the window
	if st := fileState(t, w.cfg.Path, first.ID, "tester"); st.Status != labels.StatusTodo {
		t.Fatalf("a key under the dialog set the status %q", st.Status)
	}
	entry, ok := w.win.Canvas().Focused().(interface{ SetText(string) })
	if !ok {
		t.Fatal("the note does not have the focus")
	}
	entry.SetText("  النص مقطوع  ")
	submitForm(t, w)
	w.q.Wait()
	st := fileState(t, w.cfg.Path, first.ID, "tester")
	if st.Status != labels.StatusFlagged || st.Note != "النص مقطوع" {
		t.Errorf("flag stored %+v", st)
	}
	if d := next(t, shown); d.Title != "الثاني" {
		t.Errorf("flag opened %q next", d.Title)
	}
}

// submitForm presses the confirm button of the form dialog on top of the window.
func submitForm(t *testing.T, w *Window) {
	t.Helper()
	top := w.win.Canvas().Overlays().Top()
	for _, o := range objectsOf(top) {
		if b, ok := o.(*widget.Button); ok && b.Text != "Cancel" && b.Text != "" && !b.Disabled() {
			b.Tapped(&fyne.PointEvent{})
			return
		}
	}
	t.Fatal("no button to confirm the dialog")
}

func TestFinishInFilteredList(t *testing.T) {
	w, shown := openWindow(t, threeDocs...)
	start(t, w, shown)
	w.list.Choice.SetSelected("to do")
	w.q.Wait()
	if w.list.Len() != 3 || w.list.Filter() != labels.StatusTodo {
		t.Fatalf("to do list: %d documents, filter %q", w.list.Len(), w.list.Filter())
	}
	press(w, "d")
	if d := next(t, shown); d.Title != "الثاني" {
		t.Fatalf("done-and-next in the to do list opened %q", d.Title)
	}
	w.q.Wait()
	if w.list.Len() != 2 || current(w) != 0 || !inList(w) {
		t.Errorf("after done: %d in the list, current %d (in list %v); want 2, 0, true", w.list.Len(), current(w), inList(w))
	}
	// a first label takes the document out of the to do list; the next key still goes on
	selectPhrase(t, w, "نص")
	press(w, "1")
	if w.list.Len() != 1 || inList(w) {
		t.Errorf("after labeling: %d in the list, in list %v", w.list.Len(), inList(w))
	}
	press(w, "j")
	if d := next(t, shown); d.Title != "الثالث" {
		t.Errorf("j opened %q", d.Title)
	}
	press(w, "d")
	if w.list.Len() != 0 || !w.view.empty.Visible() {
		t.Errorf("the emptied to do list: %d documents, empty message shown %v", w.list.Len(), w.view.empty.Visible())
	}
}

func TestStartResumes(t *testing.T) {
	path := newProject(t, threeDocs...)
	f := openFixture(t, path, "tester")
	start(t, f.w, f.shown)
	press(f.w, "d") // the first done
	f.reopen("tester")
	if d := start(t, f.w, f.shown); d.Title != "الثاني" || current(f.w) != 1 {
		t.Errorf("a restart opened %q at %d, want the first document not done", d.Title, current(f.w))
	}
	f.w.list.Choice.SetSelected("to do")
	f.w.q.Wait()
	if r := rowsOf(f.w.list.Rows); len(r) == 0 || shownOrder(r[0]) != "2" {
		t.Errorf("the to do list's first row is not numbered 2, the document's number")
	}
}
