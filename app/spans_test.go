package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/labels"
)

const army = "الجيش الوطني الليبي"

func TestLabelKeyWritesSpan(t *testing.T) {
	w, shown := openWindow(t)
	doc := start(t, w, shown)
	selectPhrase(t, w, army)
	if !strings.Contains(w.message.Text, army) {
		t.Errorf("after selecting, the status bar says %q", w.message.Text)
	}
	press(w, "2")

	spans := fileSpans(t, w.cfg.Path, doc.ID, "tester")
	if len(spans) != 1 {
		t.Fatalf("the file holds %d spans, want 1", len(spans))
	}
	sp := spans[0]
	if sp.Label != "ORG" || sp.Text != army || sp.Kind != labels.KindEntity || sp.Origin != labels.OriginManual || sp.Annotator != "tester" {
		t.Errorf("stored span %+v", sp)
	}
	if got, _ := labels.Slice(doc.Text, sp.Start, sp.End); got != army {
		t.Errorf("the span's offsets hold %q", got)
	}
	if st := fileState(t, w.cfg.Path, doc.ID, "tester"); st.Status != labels.StatusInProgress {
		t.Errorf("the document's status is %q after the first label, want in_progress", st.Status)
	}
	if drawn := w.article.Spans(); len(drawn) != 1 || drawn[0].ID != sp.ID {
		t.Errorf("the article draws %+v", drawn)
	}
	if sel, ok := w.article.SelectedSpan(); !ok || sel.ID != sp.ID {
		t.Errorf("the new span is not selected")
	}
	if !strings.HasPrefix(w.saved.Text, "Saved ✓ ") {
		t.Errorf("save marker %q", w.saved.Text)
	}
	if r := rowsOf(w.list); len(r) == 0 || r[0].status.Text() != "in progress" {
		t.Errorf("the list does not show the document in progress")
	}
	if w.docStatus.text.Text != "in progress" {
		t.Errorf("the header shows status %q", w.docStatus.text.Text)
	}
}

func TestPaletteButtonLabels(t *testing.T) {
	w, shown := openWindow(t)
	doc := start(t, w, shown)
	if len(w.buttons) != 4 || w.buttons[2].label.Name != "LOC" || w.buttons[2].label.Hotkey != "3" {
		t.Fatalf("palette %+v", w.buttons)
	}
	selectPhrase(t, w, "طرابلس")
	w.buttons[2].Tapped(&fyne.PointEvent{})
	w.wait()
	spans := fileSpans(t, w.cfg.Path, doc.ID, "tester")
	if len(spans) != 1 || spans[0].Label != "LOC" || spans[0].Text != "طرابلس" {
		t.Errorf("the LOC button stored %+v", spans)
	}
	// the Arabic-Indic digit of the same key labels too
	selectPhrase(t, w, "الليبية")
	press(w, "٤")
	if spans := fileSpans(t, w.cfg.Path, doc.ID, "tester"); len(spans) != 2 {
		t.Errorf("٤ stored nothing: %+v", spans)
	}
}

func TestRelabelAndDelete(t *testing.T) {
	w, shown := openWindow(t)
	doc := start(t, w, shown)
	selectPhrase(t, w, army)
	press(w, "2")
	first, _ := phrase(t, w, army)

	// click the span, then a label key relabels it
	w.article.Tapped(&fyne.PointEvent{Position: tokenCenter(w, first)})
	if sp, ok := w.article.SelectedSpan(); !ok || sp.Label != "ORG" {
		t.Fatalf("clicking the span selected %+v, %v", sp, ok)
	}
	press(w, "3")
	spans := fileSpans(t, w.cfg.Path, doc.ID, "tester")
	if len(spans) != 1 || spans[0].Label != "LOC" || spans[0].Text != army {
		t.Fatalf("after relabeling, the file holds %+v", spans)
	}
	if !strings.Contains(w.message.Text, "now LOC") {
		t.Errorf("status bar %q", w.message.Text)
	}

	pressKey(w, fyne.KeyDelete)
	if spans := fileSpans(t, w.cfg.Path, doc.ID, "tester"); len(spans) != 0 {
		t.Fatalf("after Delete, the file holds %+v", spans)
	}
	if len(w.article.Spans()) != 0 {
		t.Errorf("the article still draws %+v", w.article.Spans())
	}

	// BackSpace removes too, through the window's keys when the article has not the focus
	selectPhrase(t, w, army)
	press(w, "1")
	w.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	w.wait()
	if spans := fileSpans(t, w.cfg.Path, doc.ID, "tester"); len(spans) != 0 {
		t.Fatalf("after BackSpace, the file holds %+v", spans)
	}
}

func TestOverlapIsRefused(t *testing.T) {
	w, shown := openWindow(t)
	doc := start(t, w, shown)
	selectPhrase(t, w, army)
	press(w, "2")
	selectPhrase(t, w, "الوطني الليبي")
	press(w, "3")
	want := `This overlaps ORG "` + army + `": remove or change that span first.`
	if w.message.Text != want || w.message.Importance != widget.DangerImportance {
		t.Errorf("status bar %q (%v), want %q", w.message.Text, w.message.Importance, want)
	}
	spans := fileSpans(t, w.cfg.Path, doc.ID, "tester")
	if len(spans) != 1 || spans[0].Label != "ORG" {
		t.Errorf("the refused span was written: %+v", spans)
	}
	// the same words again with the same label
	selectPhrase(t, w, army)
	press(w, "2")
	if !strings.Contains(w.message.Text, "labeled ORG already") {
		t.Errorf("status bar %q", w.message.Text)
	}
}

func TestLabelKeyWithoutSelection(t *testing.T) {
	w, shown := openWindow(t)
	doc := start(t, w, shown)
	press(w, "1")
	if !strings.Contains(w.message.Text, "Select words") {
		t.Errorf("status bar %q", w.message.Text)
	}
	pressKey(w, fyne.KeyDelete)
	if !strings.Contains(w.message.Text, "Click a labeled span") {
		t.Errorf("status bar %q", w.message.Text)
	}
	if n := len(fileSpans(t, w.cfg.Path, doc.ID, "tester")); n != 0 {
		t.Errorf("%d spans written", n)
	}
	if st := fileState(t, w.cfg.Path, doc.ID, "tester"); st.Status != labels.StatusTodo {
		t.Errorf("viewing set the status to %q", st.Status)
	}
}

// TestClipKeepsCharactersWhole: a quote cut for the status bar ends between two grapheme
// clusters: a letter keeps its harakat, an emoji sequence stays whole.
func TestClipKeepsCharactersWhole(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{strings.Repeat("ب", 38) + "مُحَمَّد", strings.Repeat("ب", 38) + "…"},
		{strings.Repeat("a", 37) + "🤷🏻‍♀️ and more", strings.Repeat("a", 37) + "…"},
		{strings.Repeat("a", 38) + "🇸🇦🇸🇦", strings.Repeat("a", 38) + "…"},
		{strings.Repeat("ب", 30) + "  " + strings.Repeat("ت", 20), strings.Repeat("ب", 30) + " " + strings.Repeat("ت", 8) + "…"},
		{"short", "short"},
	} {
		if got := clip(c.text); got != c.want {
			t.Errorf("clip(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}
