package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/store"
)

// mergeThrough merges the projects at paths (files or folders) into the window's project
// through File → Merge projects…, as a user types them, and returns the summary it shows.
func mergeThrough(t *testing.T, w *Window, lenient bool, paths ...string) string {
	t.Helper()
	menuItem(t, w, "Merge projects…").Action()
	if !w.dialogs.covers() {
		t.Fatal("File → Merge projects… opened no dialog")
	}
	for _, p := range paths {
		w.merges.entry.SetText(p)
		dialogButton(t, w, "Add").OnTapped()
	}
	if lenient {
		checkIn(t, w, "Take in a project whose annotators' work differs").SetChecked(true)
	}
	dialogButton(t, w, "Merge").OnTapped()
	w.q.Wait()
	return overlayText(w)
}

// TestMergeDialog: two annotators' projects, one chosen as a file and one as its folder, come
// into the project open: the summary says what each brought, the list and the counts grow;
// merging them again adds nothing. A project whose annotator's work differs is refused and
// named, and merged again keeping the project's work when the summary's button asks.
func TestMergeDialog(t *testing.T) {
	w, shown := openWindow(t)
	start(t, w, shown)
	dir := t.TempDir()
	amal := annotatorProject(t, dir, "amal")
	other := filepath.Join(dir, "more")
	if err := os.Mkdir(other, 0o755); err != nil {
		t.Fatal(err)
	}
	annotatorProject(t, other, "badr")
	summary := mergeThrough(t, w, false, amal, other)
	for _, want := range []string{
		"amal.tawsim (amal): 3 documents (3 new), 8 spans, 1 document stance, 3 statuses",
		"badr.tawsim (badr): 3 documents (0 new), 7 spans, 1 document stance, 3 statuses",
	} {
		if !strings.Contains(summary, want) {
			t.Errorf("the summary lacks %q:\n%s", want, summary)
		}
	}
	w.win.Canvas().Overlays().Top().Hide()
	w.q.Wait()
	if w.list.Total() != 4 || w.list.Len() != 4 {
		t.Errorf("after the merge the project has %d documents, the list %d", w.list.Total(), w.list.Len())
	}
	st, err := store.Open(w.cfg.Path)
	if err != nil {
		t.Fatal(err)
	}
	s, err := st.Stats(context.Background(), "")
	st.Close()
	if err != nil || strings.Join(s.Annotators, ",") != "amal,badr" {
		t.Errorf("the project's annotators: %v (%v)", s.Annotators, err)
	}

	summary = mergeThrough(t, w, false, amal)
	if !strings.Contains(summary, "amal.tawsim (amal): 3 documents (0 new), 0 spans, 0 document stances, 0 statuses") {
		t.Errorf("merged again:\n%s", summary)
	}
	w.win.Canvas().Overlays().Top().Hide()

	// amal's work changed in another copy of her project: refused, then kept
	changed := filepath.Join(t.TempDir(), "amal-later.tawsim")
	data, err := os.ReadFile(amal)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(changed, data, 0o644); err != nil {
		t.Fatal(err)
	}
	cst, err := store.Open(changed)
	if err != nil {
		t.Fatal(err)
	}
	spans, err := cst.Spans(context.Background(), firstDocOf(t, cst), "amal")
	if err == nil {
		err = cst.DeleteSpan(context.Background(), "amal", spans[0].DocID, spans[0].ID)
	}
	cst.Close()
	if err != nil {
		t.Fatal(err)
	}
	summary = mergeThrough(t, w, false, changed)
	if !strings.Contains(summary, "amal-later.tawsim: refused, nothing of it was merged: 1 conflict") || !strings.Contains(summary, `annotator "amal"`) {
		t.Fatalf("a conflicting project:\n%s", summary)
	}
	dialogButton(t, w, "Merge those again, keeping this project's work where they differ").OnTapped()
	w.q.Wait()
	if s := overlayText(w); !strings.Contains(s, "1 conflict: this project's work was kept") {
		t.Errorf("merged again, keeping the project's work:\n%s", s)
	}
}

// firstDocOf returns the id of the first document of st.
func firstDocOf(t *testing.T, st *store.Store) string {
	t.Helper()
	doc, err := st.DocumentByOrder(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	return doc.ID
}

// TestMergeDialogNamesWhatItRefuses: a file that is no project and the project open itself
// are refused by name, and nothing is merged.
func TestMergeDialogNamesWhatItRefuses(t *testing.T) {
	w, shown := openWindow(t)
	start(t, w, shown)
	bad := filepath.Join(t.TempDir(), "notes.tawsim")
	if err := os.WriteFile(bad, []byte("not a project"), 0o644); err != nil {
		t.Fatal(err)
	}
	s := mergeThrough(t, w, false, w.cfg.Path)
	if !strings.Contains(s, "is the project merged into") {
		t.Errorf("the project open, merged into itself:\n%s", s)
	}
	w.win.Canvas().Overlays().Top().Hide()
	s = mergeThrough(t, w, false, bad)
	if !strings.Contains(s, "notes.tawsim") {
		t.Errorf("a file that is no project:\n%s", s)
	}
	if w.list.Total() != 1 {
		t.Errorf("the project has %d documents", w.list.Total())
	}
}

// checkIn returns the check box of the dialog on top whose text starts with text.
func checkIn(t *testing.T, w *Window, text string) *widget.Check {
	t.Helper()
	for _, o := range objectsOf(w.win.Canvas().Overlays().Top()) {
		if c, ok := o.(*widget.Check); ok && strings.HasPrefix(c.Text, text) {
			return c
		}
	}
	t.Fatalf("no check box %q in the dialog", text)
	return nil
}
