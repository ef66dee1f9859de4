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
	if !strings.Contains(w.status.Message.Text, army) {
		t.Errorf("after selecting, the status bar says %q", w.status.Message.Text)
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
	if drawn := w.view.article.Spans(); len(drawn) != 1 || drawn[0].ID != sp.ID {
		t.Errorf("the article draws %+v", drawn)
	}
	if sel, ok := w.view.article.SelectedSpan(); !ok || sel.ID != sp.ID {
		t.Errorf("the new span is not selected")
	}
	if !strings.HasPrefix(w.status.Saved.Text, "Saved ✓ ") {
		t.Errorf("save marker %q", w.status.Saved.Text)
	}
	if r := rowsOf(w.list.Rows); len(r) == 0 || shownStatus(r[0]) != "in progress" {
		t.Errorf("the list does not show the document in progress")
	}
	if w.view.badge.Text() != "in progress" {
		t.Errorf("the header shows status %q", w.view.badge.Text())
	}
}

func TestPaletteButtonLabels(t *testing.T) {
	w, shown := openWindow(t)
	doc := start(t, w, shown)
	if len(w.palette.Buttons()) != 4 || w.palette.Buttons()[2].Label().Name != "LOC" || w.palette.Buttons()[2].Label().Hotkey != "3" {
		t.Fatalf("palette %+v", w.palette.Buttons())
	}
	selectPhrase(t, w, "طرابلس")
	w.palette.Buttons()[2].Tapped(&fyne.PointEvent{})
	w.q.Wait()
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
	w.view.article.Tapped(&fyne.PointEvent{Position: tokenCenter(w, first)})
	if sp, ok := w.view.article.SelectedSpan(); !ok || sp.Label != "ORG" {
		t.Fatalf("clicking the span selected %+v, %v", sp, ok)
	}
	press(w, "3")
	spans := fileSpans(t, w.cfg.Path, doc.ID, "tester")
	if len(spans) != 1 || spans[0].Label != "LOC" || spans[0].Text != army {
		t.Fatalf("after relabeling, the file holds %+v", spans)
	}
	if !strings.Contains(w.status.Message.Text, "now LOC") {
		t.Errorf("status bar %q", w.status.Message.Text)
	}

	pressKey(w, fyne.KeyDelete)
	if spans := fileSpans(t, w.cfg.Path, doc.ID, "tester"); len(spans) != 0 {
		t.Fatalf("after Delete, the file holds %+v", spans)
	}
	if len(w.view.article.Spans()) != 0 {
		t.Errorf("the article still draws %+v", w.view.article.Spans())
	}

	// BackSpace removes too, through the window's keys when the article has not the focus
	selectPhrase(t, w, army)
	press(w, "1")
	w.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	w.q.Wait()
	if spans := fileSpans(t, w.cfg.Path, doc.ID, "tester"); len(spans) != 0 {
		t.Fatalf("after BackSpace, the file holds %+v", spans)
	}
}

func TestOverlapIsRefused(t *testing.T) {
	w, shown := openWindow(t)
	doc := start(t, w, shown)
	selectPhrase(t, w, army)
	press(w, "2")
	selectPhrase(t, w, "الليبي مزيدا") // the default schema's entities may nest, never cross
	press(w, "3")
	want := `This overlaps ORG "` + army + `": remove or change that span first.`
	if w.status.Message.Text != want || w.status.Message.Importance != widget.DangerImportance {
		t.Errorf("status bar %q (%v), want %q", w.status.Message.Text, w.status.Message.Importance, want)
	}
	spans := fileSpans(t, w.cfg.Path, doc.ID, "tester")
	if len(spans) != 1 || spans[0].Label != "ORG" {
		t.Errorf("the refused span was written: %+v", spans)
	}
	// the same words again with the same label
	selectPhrase(t, w, army)
	press(w, "2")
	if !strings.Contains(w.status.Message.Text, "labeled ORG already") {
		t.Errorf("status bar %q", w.status.Message.Text)
	}
}

func TestLabelKeyWithoutSelection(t *testing.T) {
	w, shown := openWindow(t)
	doc := start(t, w, shown)
	press(w, "1")
	if !strings.Contains(w.status.Message.Text, "Select words") {
		t.Errorf("status bar %q", w.status.Message.Text)
	}
	pressKey(w, fyne.KeyDelete)
	if !strings.Contains(w.status.Message.Text, "Click a labeled span") {
		t.Errorf("status bar %q", w.status.Message.Text)
	}
	if n := len(fileSpans(t, w.cfg.Path, doc.ID, "tester")); n != 0 {
		t.Errorf("%d spans written", n)
	}
	if st := fileState(t, w.cfg.Path, doc.ID, "tester"); st.Status != labels.StatusTodo {
		t.Errorf("viewing set the status to %q", st.Status)
	}
}
