package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/stancepanel"
	"github.com/tawsim/tawsim/labels"
)

// evidenceRows returns the evidence rows the stance panel lists under the target with id target.
func evidenceRows(w *Window, target string) []*stancepanel.EvidenceRow {
	for _, c := range w.stance.Cards() {
		if c.Target().ID == target {
			return c.Evidence()
		}
	}
	return nil
}

func TestEvidenceSpans(t *testing.T) {
	f := openFixture(t, newProject(t), "tester")
	w := f.w
	doc := start(t, w, f.shown)
	selectPhrase(t, w, army)
	press(w, "2") // ORG over the army's name
	const claim = "يحقق الجيش الوطني الليبي مزيدا من التقدم"
	selectPhrase(t, w, claim)

	// e without a stance chosen for the target says what to do and writes nothing
	press(w, "e")
	if !strings.Contains(w.status.Message.Text, "Choose the document's stance toward Libyan National Army first") {
		t.Errorf("status bar %q after e without a stance", w.status.Message.Text)
	}
	if n := len(fileSpans(t, f.path, doc.ID, "tester")); n != 1 {
		t.Fatalf("e without a stance wrote: %d spans", n)
	}

	// Shift+F marks the words as FAVOR evidence for the current target
	press(w, "F")
	spans := fileSpans(t, f.path, doc.ID, "tester")
	var ev labels.Span
	for _, sp := range spans {
		if sp.Kind == labels.KindStance {
			ev = sp
		}
	}
	if len(spans) != 2 || ev.Target != "lna" || ev.Label != "FAVOR" || ev.Text != claim || ev.Origin != labels.OriginManual {
		t.Fatalf("the file holds %+v", spans)
	}
	if got, _ := labels.Slice(doc.Text, ev.Start, ev.End); got != claim {
		t.Errorf("the evidence's offsets hold %q", got)
	}
	if drawn := w.view.article.Spans(); len(drawn) != 2 {
		t.Errorf("the article draws %d spans, want the ORG span and the evidence", len(drawn))
	}
	if sel, ok := w.view.article.SelectedSpan(); !ok || sel.ID != ev.ID {
		t.Errorf("the new evidence is not selected")
	}
	rows := evidenceRows(w, "lna")
	if len(rows) != 1 || rows[0].Span().ID != ev.ID || rows[0].Span().Text != claim || rows[0].Span().Label != "FAVOR" {
		t.Fatalf("the panel lists %d evidence rows under the LNA", len(rows))
	}
	if got := panelStances(w); len(got) != 0 {
		t.Errorf("marking evidence chose the document stance %v", got)
	}

	// a click on the evidence in the panel selects it in the article
	pressKey(w, fyne.KeyEscape)
	if _, ok := w.view.article.SelectedSpan(); ok {
		t.Fatal("Escape left a span selected")
	}
	test.Tap(rows[0])
	if sel, ok := w.view.article.SelectedSpan(); !ok || sel.ID != ev.ID {
		t.Errorf("clicking the row selected %+v, %v", sel, ok)
	}
	if w.win.Canvas().Focused() != w.view.article {
		t.Errorf("the article does not have the focus after the click")
	}

	// Shift+A relabels the selected evidence, Delete removes it; the ORG span stays
	press(w, "A")
	if got := fileSpans(t, f.path, doc.ID, "tester"); len(got) != 2 || got[0].Label != "AGAINST" && got[1].Label != "AGAINST" {
		t.Errorf("after Shift+A the file holds %+v", got)
	}
	if rows := evidenceRows(w, "lna"); len(rows) != 1 || rows[0].Span().Label != "AGAINST" {
		t.Errorf("the panel does not list the relabeled evidence")
	}
	pressKey(w, fyne.KeyDelete)
	got := fileSpans(t, f.path, doc.ID, "tester")
	if len(got) != 1 || got[0].Kind != labels.KindEntity || got[0].Label != "ORG" {
		t.Errorf("after Delete the file holds %+v", got)
	}
	if len(evidenceRows(w, "lna")) != 0 {
		t.Errorf("the panel still lists the removed evidence")
	}

	// e with a stance chosen marks the words with it, toward the current target; a selected
	// entity span's words can be marked too
	press(w, "tf")
	first, _ := phrase(t, w, army)
	w.view.article.Tapped(&fyne.PointEvent{Position: tokenCenter(w, first)})
	if sp, ok := w.view.article.SelectedSpan(); !ok || sp.Label != "ORG" {
		t.Fatalf("clicking the ORG span selected %+v", sp)
	}
	press(w, "e")
	rows = evidenceRows(w, "gna")
	if len(rows) != 1 || rows[0].Span().Label != "FAVOR" || rows[0].Span().Text != army {
		t.Fatalf("e listed %d rows under the GNA", len(rows))
	}
	// its remove button removes it
	for _, o := range objectsOf(rows[0]) {
		if b, ok := o.(*widget.Button); ok {
			test.Tap(b)
			break
		}
	}
	w.q.Wait()
	if n := len(fileSpans(t, f.path, doc.ID, "tester")); n != 1 || len(evidenceRows(w, "gna")) != 0 {
		t.Errorf("the remove button left %d spans", n)
	}

	// undo brings the evidence back, and the panel lists it
	w.ed.undo()
	w.q.Wait()
	if rows := evidenceRows(w, "gna"); len(rows) != 1 {
		t.Errorf("after undo the panel lists %d rows under the GNA", len(rows))
	}
	if !strings.HasPrefix(w.status.Message.Text, `Undone: removing FAVOR evidence "`) {
		t.Errorf("status bar %q", w.status.Message.Text)
	}
}

func TestEvidenceScrollsIntoView(t *testing.T) {
	f := openFixture(t, newProject(t), "tester")
	w := f.w
	start(t, w, f.shown)
	const far = "بتحديد مناطق الصلاحية البحرية"
	selectPhrase(t, w, far)
	press(w, "X")
	rows := evidenceRows(w, "lna")
	if len(rows) != 1 {
		t.Fatalf("the panel lists %d rows", len(rows))
	}
	w.view.scroll.ScrollToTop()
	pressKey(w, fyne.KeyEscape)
	test.Tap(rows[0])
	pos, size := w.view.article.RangeRect(rows[0].Span().Start, rows[0].Span().End)
	off, view := w.view.scroll.Offset.Y, w.view.scroll.Size().Height
	if pos.Y < off || pos.Y+size.Height > off+view {
		t.Errorf("the evidence at %v-%v is not on screen: the article shows %v-%v", pos.Y, pos.Y+size.Height, off, off+view)
	}
	if off == 0 {
		t.Errorf("the article did not scroll")
	}
}
