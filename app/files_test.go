package app

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/corpus"
	"github.com/tawsim/tawsim/jobs"
	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// importFolder opens a window, imports a folder of the files given (text by name) as txt,
// leniently or not, and checks that the summary says each of want. It returns the window, its
// summary on top, and the folder.
func importFolder(t *testing.T, lenient bool, files map[string]string, want ...string) (*Window, string) {
	t.Helper()
	w, shown := openWindow(t)
	start(t, w, shown)
	dir := t.TempDir()
	for name, text := range files {
		must(t, os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644))
	}
	w.imports.run([]string{dir}, jobs.ImportOptions{Format: "txt", Annotator: w.Annotator(), Lenient: lenient})
	w.q.Wait()
	summary := overlayText(w)
	for _, s := range want {
		if !strings.Contains(summary, s) {
			t.Errorf("the summary does not say %q:\n%s", s, summary)
		}
	}
	return w, dir
}

func TestImportAndExport(t *testing.T) {
	w, dir := importFolder(t, false, map[string]string{
		"a.txt": "المقال الأول\nنص المقال الأول.",
		"b.txt": "المقال الثاني\nنص المقال الثاني.",
		"c.txt": "المقال الثالث\nنص \xff المقال.",
	}, "3 files read: 2 documents added", "1 bad record", "Nothing was imported from 1 file with errors", "c.txt:2: invalid UTF-8")
	if w.list.Len() != 3 || w.list.Total() != 3 || !strings.Contains(w.status.Info.Text, "3 documents") {
		t.Errorf("after the import the list has %d documents, the project %d (%q)", w.list.Len(), w.list.Total(), w.status.Info.Text)
	}
	w.win.Canvas().Overlays().Top().Hide()

	// mark the sample done, then export the done documents
	press(w, "d")
	out := filepath.Join(dir, "done.jsonl")
	w.exports.run(jobs.ExportOptions{Format: "jsonl", Out: out,
		Filter: store.ExportFilter{Statuses: []labels.Status{labels.StatusDone}}})
	w.q.Wait()
	if s := overlayText(w); !strings.Contains(s, "Wrote 1 record to "+out) {
		t.Errorf("the export summary says:\n%s", s)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	lines := 0
	for sc := bufio.NewScanner(f); sc.Scan(); lines++ {
		if !strings.Contains(sc.Text(), `"status":"done"`) {
			t.Errorf("exported %s", sc.Text())
		}
	}
	if lines != 1 {
		t.Errorf("%d records exported, want 1", lines)
	}
}

func TestImportDialogOptions(t *testing.T) {
	w, shown := openWindow(t)
	start(t, w, shown)
	menuItem(t, w, "Import…").Action()
	if !w.dialogs.covers() || !strings.Contains(overlayText(w), "plain text") {
		t.Fatalf("the import dialog:\n%s", overlayText(w))
	}
	importButton := dialogButton(t, w, "Import")
	if !importButton.Disabled() {
		t.Errorf("Import can be pressed with no file chosen")
	}
	path, ok := w.win.Canvas().Focused().(*dialogEntry)
	if !ok {
		t.Fatal("the path does not have the focus")
	}
	test.Type(path, t.TempDir())
	if importButton.Disabled() {
		t.Errorf("Import cannot be pressed with a folder chosen")
	}
	path.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if w.dialogs.covers() {
		t.Errorf("Escape did not close the import dialog")
	}
	if g, _ := corpus.Guess("x.CSV"); g.Name != "csv" {
		t.Errorf("corpus.Guess(x.CSV) = %q", g.Name)
	}
	w.imports.run([]string{"x.csv"}, jobs.ImportOptions{Format: "csv"})
	if s := overlayText(w); !strings.Contains(s, "text column") {
		t.Errorf("csv without a text column: %s", s)
	}
}

func TestNewAndOpenProject(t *testing.T) {
	w, shown := openWindow(t)
	start(t, w, shown)
	first := w.cfg.Path
	dir := t.TempDir()
	path := filepath.Join(dir, "new.tawsim")
	w.openProject(path, true)
	w.q.Wait()
	if w.cfg.Path != path || w.list.Total() != 0 || w.ed.doc.ID != "" || !w.view.empty.Visible() {
		t.Fatalf("after New: path %s, %d documents, document %q open", w.cfg.Path, w.list.Total(), w.ed.doc.Title)
	}
	if w.win.Title() != "Tawsim — new.tawsim — tester" || len(w.palette.Buttons()) != 4 {
		t.Errorf("title %q, %d label buttons", w.win.Title(), len(w.palette.Buttons()))
	}
	w.openProject(path+"x", false)
	w.q.Wait()
	if s := overlayText(w); !strings.Contains(s, "does not exist") {
		t.Errorf("opening a missing file says:\n%s", s)
	}
	w.win.Canvas().Overlays().Top().Hide()
	w.openProject(first, true)
	w.q.Wait()
	if s := overlayText(w); !strings.Contains(s, "already exists") {
		t.Errorf("creating over a project says:\n%s", s)
	}
	w.win.Canvas().Overlays().Top().Hide()
	junk := filepath.Join(dir, "junk.tawsim")
	if err := os.WriteFile(junk, []byte("not a database, but long enough to be read as one by SQLite's probe"), 0o644); err != nil {
		t.Fatal(err)
	}
	w.openProject(junk, false)
	w.q.Wait()
	if s := overlayText(w); !strings.Contains(s, "not a Tawsim project") {
		t.Errorf("opening junk says:\n%s", s)
	}
	w.win.Canvas().Overlays().Top().Hide()

	w.openProject(path, false)
	w.q.Wait()
	if !strings.Contains(w.status.Message.Text, "is the project open") {
		t.Errorf("opening the project open says %q", w.status.Message.Text)
	}
	w.openProject(first, false)
	w.q.Wait()
	if d := next(t, shown); d.Title != w.ed.doc.Title || w.cfg.Path != first || w.list.Total() != 1 {
		t.Errorf("reopening the first project shows %q, %d documents", d.Title, w.list.Total())
	}
}

func TestHelpAndMenus(t *testing.T) {
	w, shown := openWindow(t)
	start(t, w, shown)
	for _, label := range []string{"Open project…", "New project…", "Import…", "Export…", "Undo", "Redo",
		"Done, next", "Skip", "Flag…", "Next document", "Previous document", "Keyboard shortcuts"} {
		menuItem(t, w, label)
	}
	if it := menuItem(t, w, "ORG — Organization"); it.Shortcut.(keyHint) != "2" {
		t.Errorf("the ORG item shows the key %v", it.Shortcut)
	}
	press(w, "?")
	help := overlayText(w)
	for _, want := range []string{"Ctrl+Enter, D", "1-4", "Ctrl+Z", "Person: the name of a human being"} {
		if !strings.Contains(help, want) {
			t.Errorf("the help does not say %q", want)
		}
	}
	// menu shortcuts do nothing under a dialog; Escape closes it
	menuItem(t, w, "Import…").Action()
	if strings.Contains(overlayText(w), "Import a corpus") {
		t.Errorf("Ctrl+I opened the import dialog over the help")
	}
	w.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if w.dialogs.covers() {
		t.Errorf("Escape did not close the help")
	}
	// Escape in the flag note cancels the flag
	press(w, "!")
	w.win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	w.q.Wait()
	if w.dialogs.covers() || w.ed.state.Status != labels.StatusTodo {
		t.Errorf("Escape in the note: dialog open %v, status %q", w.dialogs.covers(), w.ed.state.Status)
	}
}

// dialogButton returns the button labeled text in the dialog on top of the window.
func dialogButton(t *testing.T, w *Window, text string) *widget.Button {
	t.Helper()
	for _, o := range objectsOf(w.win.Canvas().Overlays().Top()) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("no button %q in the dialog", text)
	return nil
}

// endless is standard input that never ends: a doccano record a read, forever. It says on
// started when it has been read a hundred times.
type endless struct {
	n       int
	started chan struct{}
}

func (e *endless) Read(p []byte) (int, error) {
	e.n++
	if e.n == 100 {
		close(e.started)
	}
	return copy(p, fmt.Sprintf("{\"text\":\"مقال لا ينتهي رقم %d\",\"label\":[]}\n", e.n)), nil
}

// TestCloseStopsAnImport: closing the window while an import runs stops it, and the file it
// was reading adds nothing to the project.
func TestCloseStopsAnImport(t *testing.T) {
	f := openFixture(t, newProject(t), "tester")
	in := &endless{started: make(chan struct{})}
	f.w.imports.run([]string{"-"}, jobs.ImportOptions{Format: "doccano", Annotator: "tester", Stdin: in})
	<-in.started
	if err := f.w.Close(); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(f.path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if n, err := st.CountDocuments(context.Background()); err != nil || n != 1 {
		t.Fatalf("after closing mid-import the project has %d documents (%v), want the sample alone", n, err)
	}
}

// TestImportSummaryEscapesAndNamesTheSkipped: the summary of a lenient import says why files
// added nothing (empty, no good record), and writes the hidden characters of file names and
// errors as escapes, as tawsimctl does, so that a name with U+202E cannot reorder the line.
func TestImportSummaryEscapesAndNamesTheSkipped(t *testing.T) {
	w, _ := importFolder(t, true, map[string]string{
		"a.txt":            "المقال الأول\nنص المقال الأول.",
		"empty.txt":        "",
		"bad\u202egnp.txt": "المقال\nنص \xff.",
	}, "3 files read: 1 document added", "Nothing was imported from 2 files", "empty", "no good record",
		`bad\u202egnp.txt:2: invalid UTF-8`)
	if summary := overlayText(w); strings.ContainsRune(summary, '\u202e') {
		t.Errorf("the summary shows U+202E raw:\n%s", summary)
	}
}

// TestExportDialogsEscapeFileNames: the export's question and summary write the hidden
// characters of the file names they show as escapes.
func TestExportDialogsEscapeFileNames(t *testing.T) {
	w, shown := openWindow(t)
	start(t, w, shown)
	out := filepath.Join(t.TempDir(), "train\u202elnosj.jsonl")
	must(t, os.WriteFile(out, []byte("mine\n"), 0o644))
	w.exports.asking(jobs.ExportOptions{Format: "jsonl", Out: out})
	if s := overlayText(w); strings.ContainsRune(s, '\u202e') || !strings.Contains(s, `train\u202elnosj.jsonl exists`) {
		t.Errorf("the question:\n%s", s)
	}
	dialogButton(t, w, "Yes").OnTapped()
	w.q.Wait()
	if s := overlayText(w); strings.ContainsRune(s, '\u202e') || !strings.Contains(s, `train\u202elnosj.jsonl`) {
		t.Errorf("the summary:\n%s", s)
	}
}

// TestExportDialogFollowsTheFormat: choosing a format in the Export dialog shows what it is,
// gives the file its extension and offers the clitic split to the token formats only.
func TestExportDialogFollowsTheFormat(t *testing.T) {
	w, shown := openWindow(t)
	start(t, w, shown)
	menuItem(t, w, "Export…").Action()
	var sel *widget.Select
	var out *dialogEntry
	var clitics *widget.Check
	for _, o := range objectsOf(w.win.Canvas().Overlays().Top()) {
		switch o := o.(type) {
		case *widget.Select:
			sel = o
		case *dialogEntry:
			out = o
		case *widget.Check:
			if strings.Contains(o.Text, "proclitic") {
				clitics = o
			}
		}
	}
	if sel == nil || out == nil || clitics == nil {
		t.Fatalf("the export dialog:\n%s", overlayText(w))
	}
	for _, c := range []struct {
		format, ext, about string
		tokens             bool
	}{
		{"conll", ".conll", "BIO tag per line", true},
		{"doccano", ".jsonl", "[start, end, label]", false},
		{"hf", ".jsonl", "with a label list", true},
	} {
		sel.SetSelected(c.format)
		if !strings.HasSuffix(out.Text, c.ext) || strings.HasSuffix(strings.TrimSuffix(out.Text, c.ext), ".jsonl") {
			t.Errorf("%s: the file is %q", c.format, out.Text)
		}
		if !strings.Contains(overlayText(w), c.about) || clitics.Disabled() == c.tokens {
			t.Errorf("%s: the dialog says %q, the clitic split enabled %v", c.format, overlayText(w), !clitics.Disabled())
		}
	}
}
