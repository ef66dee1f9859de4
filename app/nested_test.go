package app

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/seeds"
	"github.com/tawsim/tawsim/store"
)

// nablus is a union of the workers of a municipality named after its city: three levels.
const nablus = "أعلنت نقابة موظفي بلدية نابلس الإضراب يوم الأحد"

// newWojoodProject makes a project with Wojood's schema and one document, nablus, where
// tester labeled the union, the municipality and the city; it returns its path.
func newWojoodProject(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "wojood.tawsim")
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.SetSchema(ctx, "tester", seeds.Wojood()); err != nil {
		t.Fatal(err)
	}
	res, err := st.AddDocuments(ctx, []labels.Document{{ExternalID: "nablus", Title: "نابلس", Text: nablus}})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []struct{ label, words string }{
		{"ORG", "نقابة موظفي بلدية نابلس"}, {"ORG", "بلدية نابلس"}, {"GPE", "نابلس"},
	} {
		start := len([]rune(nablus[:strings.Index(nablus, s.words)]))
		sp := labels.Span{DocID: res.IDs[0], Annotator: "tester", Start: start, End: start + len([]rune(s.words)),
			Text: s.words, Label: s.label, Kind: labels.KindEntity, Origin: labels.OriginManual}
		if _, err := st.AddSpan(ctx, sp); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

// spanLabels returns "LABEL words" for each span, sorted.
func spanLabels(spans []labels.Span) []string {
	var out []string
	for _, sp := range spans {
		out = append(out, sp.Label+" "+sp.Text)
	}
	slices.Sort(out)
	return out
}

// shiftKey types Shift and key into the article.
func shiftKey(w *Window, key fyne.KeyName) {
	a := w.view.article
	a.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	a.TypedKey(&fyne.KeyEvent{Name: key})
	a.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	w.q.Wait()
}

// TestNestedSpanRelabelDeleteUndo: clicks and Shift+arrows choose a span of a nest, the status
// bar says where it lies, and a label key (from an Arabic keyboard too), Delete and undo act
// on the span chosen and on it alone.
func TestNestedSpanRelabelDeleteUndo(t *testing.T) {
	f := openFixture(t, newWojoodProject(t), "tester")
	w := f.w
	doc := start(t, w, f.shown)
	if len(w.palette.Buttons()) != 21 || len(w.view.article.Spans()) != 3 {
		t.Fatalf("%d label buttons, %d spans drawn", len(w.palette.Buttons()), len(w.view.article.Spans()))
	}
	city, _ := phrase(t, w, "نابلس")
	w.view.article.Tapped(&fyne.PointEvent{Position: tokenCenter(w, city)})
	msg := w.status.Message.Text
	if sp, _ := w.view.article.SelectedSpan(); sp.Label != "GPE" || !strings.Contains(msg, "Inside ORG") || !strings.Contains(msg, "بلدية نابلس") {
		t.Errorf("a first click selected %s; the status bar says %q", sp.Label, msg)
	}
	w.view.article.Tapped(&fyne.PointEvent{Position: tokenCenter(w, city)})
	msg = w.status.Message.Text
	if sp, _ := w.view.article.SelectedSpan(); sp.Text != "بلدية نابلس" || !strings.Contains(msg, "It holds GPE") || !strings.Contains(msg, "Shift+↑") {
		t.Errorf("a second click selected %q; the status bar says %q", sp.Text, msg)
	}

	press(w, "٧") // 7 on an Arabic keyboard: FAC, to the municipality alone
	want := []string{"FAC بلدية نابلس", "GPE نابلس", "ORG نقابة موظفي بلدية نابلس"}
	if got := spanLabels(fileSpans(t, w.cfg.Path, doc.ID, "tester")); !slices.Equal(got, want) {
		t.Fatalf("after relabeling the middle span the file holds %v", got)
	}

	shiftKey(w, fyne.KeyUp)
	if sp, _ := w.view.article.SelectedSpan(); sp.Text != "نقابة موظفي بلدية نابلس" || !strings.Contains(w.status.Message.Text, "It holds FAC") {
		t.Fatalf("Shift+↑ selected %q; the status bar says %q", sp.Text, w.status.Message.Text)
	}
	pressKey(w, fyne.KeyDelete)
	want = []string{"FAC بلدية نابلس", "GPE نابلس"}
	if got := spanLabels(fileSpans(t, w.cfg.Path, doc.ID, "tester")); !slices.Equal(got, want) {
		t.Fatalf("after Delete on the outer span the file holds %v", got)
	}

	w.ed.undo()
	w.q.Wait()
	want = []string{"FAC بلدية نابلس", "GPE نابلس", "ORG نقابة موظفي بلدية نابلس"}
	if got := spanLabels(fileSpans(t, w.cfg.Path, doc.ID, "tester")); !slices.Equal(got, want) || len(w.view.article.Spans()) != 3 {
		t.Fatalf("after undo the file holds %v, the article draws %d spans", got, len(w.view.article.Spans()))
	}
	w.ed.undo()
	w.q.Wait()
	want = []string{"GPE نابلس", "ORG بلدية نابلس", "ORG نقابة موظفي بلدية نابلس"}
	if got := spanLabels(fileSpans(t, w.cfg.Path, doc.ID, "tester")); !slices.Equal(got, want) {
		t.Fatalf("after a second undo the file holds %v", got)
	}
}

// TestWojoodKeysAndFinderLabel: on an Arabic keyboard ق (r) labels the selected words
// PERCENT; ظ (/) opens the label finder, and Enter labels with the label found; the
// window's own keys keep working beside the labels' letters.
func TestWojoodKeysAndFinderLabel(t *testing.T) {
	f := openFixture(t, newWojoodProject(t), "tester")
	w := f.w
	doc := start(t, w, f.shown)
	selectPhrase(t, w, "الإضراب")
	press(w, "ق")
	selectPhrase(t, w, "يوم الأحد")
	press(w, "ظ")
	finder := w.win.Canvas().Focused()
	if !w.dialogs.covers() || finder == nil {
		t.Fatalf("ظ did not open the finder")
	}
	for _, r := range "تاريخ" {
		finder.TypedRune(r)
	}
	finder.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	w.q.Wait()
	got := spanLabels(fileSpans(t, w.cfg.Path, doc.ID, "tester"))
	if !slices.Contains(got, "PERCENT الإضراب") || !slices.Contains(got, "DATE يوم الأحد") || w.dialogs.covers() {
		t.Fatalf("the file holds %v; the finder open: %v", got, w.dialogs.covers())
	}
	if w.win.Canvas().Focused() != w.view.article {
		t.Errorf("the focus is on %T after the finder, not the article", w.win.Canvas().Focused())
	}
	menuItem(t, w, "Find a label…").Action()
	if !w.dialogs.covers() {
		t.Error("Label → Find a label… did not open the finder")
	}
	w.win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	press(w, "?")
	help := overlayText(w)
	for _, want := range []string{"A label's key", "/, Ctrl+L", "Shift+↑, Shift+↓", "LANGUAGE", "Language: Arabic, English"} {
		if !strings.Contains(help, want) {
			t.Errorf("the help does not say %q", want)
		}
	}
	w.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	press(w, "d") // done, next: d stays the window's
	if st := fileState(t, w.cfg.Path, doc.ID, "tester"); st.Status != labels.StatusDone {
		t.Errorf("d after the finder: status %q", st.Status)
	}
}
