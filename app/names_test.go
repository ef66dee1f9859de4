package app

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/tawsim/tawsim/app/article"
	"github.com/tawsim/tawsim/store"
)

// TestAnnotatorDialogRefusesHiddenCharacters: a name with a bidi control cannot be taken,
// and the dialog says why; a name kept with one (by an older version) is asked again.
func TestAnnotatorDialogRefusesHiddenCharacters(t *testing.T) {
	t.Setenv(EnvAnnotator, "")
	f := openFixture(t, newProject(t), "")
	w := f.w
	start(t, w, f.shown)
	nd := w.nameDialog
	if nd == nil {
		t.Fatal("no name asked at the first start")
	}
	for _, bad := range []string{"amal\u202e", "am\u2066al", "amal\u200f"} {
		nd.entry.SetText(bad)
		nd.entry.OnSubmitted(bad)
		w.q.Wait()
		if !w.dialogs.covers() || w.Annotator() != "" || !nd.ok.Disabled() {
			t.Errorf("%q was taken, or can be", bad)
		}
		if !nd.problem.Visible() || !strings.Contains(textOf(nd.problem), "bidi control") {
			t.Errorf("%q: the dialog says %q", bad, textOf(nd.problem))
		}
	}
	nd.entry.SetText("أمل")
	if nd.problem.Visible() || nd.ok.Disabled() {
		t.Errorf("an Arabic name is refused: %q", textOf(nd.problem))
	}
	nd.ok.Tapped(nil)
	w.q.Wait()
	if w.Annotator() != "أمل" {
		t.Errorf("annotator %q", w.Annotator())
	}

	t.Setenv("XDG_CONFIG_HOME", t.TempDir()) // no name file: the preference is read
	a := test.NewTempApp(t)
	a.Preferences().SetString(PrefAnnotator, "amal\u202e")
	if got := AnnotatorName(a); got != "" {
		t.Errorf("a kept name with U+202E is used: %q", got)
	}
}

// TestOpenReadOnlyProject: the window says plainly that a project it cannot write is
// read-only, and leaves it as it is (permissions bind users other than root only).
func TestOpenReadOnlyProject(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root ignores permissions; tawsimctl's tests check read-only projects as another user")
	}
	path := newProject(t)
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	_, err := openProjectFile(context.Background(), path, nil, "tester")
	if !errors.Is(err, store.ErrReadOnly) || !strings.Contains(err.Error(), "test.tawsim is read-only: the file cannot be written") {
		t.Errorf("opening a 0444 project: %v", err)
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(path + suffix); err == nil {
			t.Errorf("opening left %s", suffix)
		}
	}
}

// TestGreetingIsolatesTheName: a name of Arabic and Latin letters and digits is drawn in the
// greeting as the article lays it out, between isolate marks, not scrambled by the English
// sentence around it.
func TestGreetingIsolatesTheName(t *testing.T) {
	w, shown := openWindow(t)
	start(t, w, shown)
	const name = "أمل 2 (QA)"
	w.setAnnotator(name)
	w.q.Wait()
	if want := "Hello " + name + ": your labels are saved under this name."; w.status.Message.Text != want {
		t.Errorf("the greeting reads %q, want %q", w.status.Message.Text, want)
	}
	drawn := false
	for _, o := range objectsOf(w.status.Message) {
		if l, ok := o.(*article.Label); ok && l.Text() == name {
			drawn = true
		}
	}
	if !drawn {
		t.Errorf("the name is not drawn on its own with the bidi label")
	}
}
