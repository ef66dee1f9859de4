package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestAnnotatorPrompt(t *testing.T) {
	t.Setenv(EnvAnnotator, "")
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	f := openFixture(t, newProject(t), AnnotatorName(test.NewTempApp(t)))
	w := f.w
	if w.Annotator() != "" {
		t.Fatalf("a fresh app has the annotator %q", w.Annotator())
	}
	doc := start(t, w, f.shown)
	nd := w.nameDialog
	if nd == nil || !w.dialogs.covers() {
		t.Fatal("no name asked at the first start")
	}
	if w.win.Canvas().Focused() != nd.entry {
		t.Errorf("the name entry does not have the focus")
	}
	if !nd.ok.Disabled() {
		t.Errorf("the name can be left empty")
	}
	nd.entry.SetText("   ")
	nd.entry.OnSubmitted("   ")
	if !w.dialogs.covers() || w.Annotator() != "" {
		t.Errorf("a blank name was taken")
	}
	test.Type(nd.entry, "amal")
	nd.ok.Tapped(nil)
	w.q.Wait()
	if w.Annotator() != "amal" || w.dialogs.covers() {
		t.Fatalf("annotator %q, dialog open %v", w.Annotator(), w.dialogs.covers())
	}
	if got := keptName(); got != "amal" {
		t.Errorf("the name file holds %q", got)
	}
	if !strings.HasSuffix(w.win.Title(), "— amal") {
		t.Errorf("title %q", w.win.Title())
	}
	selectPhrase(t, w, army)
	press(w, "2")
	if spans := fileSpans(t, f.path, doc.ID, "amal"); len(spans) != 1 {
		t.Errorf("amal's label was not written under her name: %+v", spans)
	}

	// the name is kept: the next start asks nothing
	f.reopen(AnnotatorName(f.app))
	start(t, f.w, f.shown)
	if f.w.Annotator() != "amal" || f.w.nameDialog != nil {
		t.Errorf("the second start: annotator %q, asked %v", f.w.Annotator(), f.w.nameDialog != nil)
	}
	if n := len(f.w.view.article.Spans()); n != 1 {
		t.Errorf("amal's span is not shown after a restart (%d spans)", n)
	}
	t.Setenv(EnvAnnotator, "badr")
	if got := AnnotatorName(f.app); got != "badr" {
		t.Errorf("with $%s set, the annotator is %q", EnvAnnotator, got)
	}
}

func TestChangeAnnotator(t *testing.T) {
	w, shown := openWindow(t)
	start(t, w, shown)
	selectPhrase(t, w, army)
	press(w, "2")
	menuItem(t, w, "Change annotator…").Action()
	nd := w.nameDialog
	if nd == nil || nd.entry.Text != "tester" {
		t.Fatal("no dialog to change the name, or it does not show the current one")
	}
	nd.entry.SetText("badr")
	nd.entry.OnSubmitted("badr")
	w.q.Wait()
	if w.Annotator() != "badr" || !strings.HasSuffix(w.win.Title(), "— badr") {
		t.Errorf("annotator %q, title %q", w.Annotator(), w.win.Title())
	}
	if len(w.view.article.Spans()) != 0 || w.ed.state.Status != "todo" {
		t.Errorf("badr sees tester's work: %d spans, status %q", len(w.view.article.Spans()), w.ed.state.Status)
	}
	if r := rowsOf(w.list.Rows); shownStatus(r[0]) != "to do" {
		t.Errorf("the list shows tester's status %q to badr", shownStatus(r[0]))
	}
}

// TestNameFromAnOlderVersion: a name that an older version kept in Fyne's preferences is found
// and moved into the name file, which a later start reads even when Fyne's file was emptied.
func TestNameFromAnOlderVersion(t *testing.T) {
	t.Setenv(EnvAnnotator, "")
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	a := test.NewTempApp(t)
	a.Preferences().SetString(PrefAnnotator, "omar")
	if got := AnnotatorName(a); got != "omar" {
		t.Fatalf("the name from the preferences: %q", got)
	}
	if got := keptName(); got != "omar" {
		t.Errorf("the name file holds %q", got)
	}
	a.Preferences().RemoveValue(PrefAnnotator) // Fyne's file left empty by a kill at exit
	if got := AnnotatorName(a); got != "omar" {
		t.Errorf("without Fyne's preferences the name is %q", got)
	}
	path, _ := nameFile()
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm()&0o077 != 0 {
		t.Errorf("the name file: %v, %v", fi, err)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("the folder holds %d files: a temporary file was left", len(entries))
	}
}
