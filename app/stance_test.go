package app

import (
	"context"
	"maps"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// fileStances reads the annotator's document stances of document id from the project file,
// label by target id.
func fileStances(t testing.TB, path, id, annotator string) map[string]string {
	t.Helper()
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	list, err := st.DocStances(context.Background(), id, annotator)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, ds := range list {
		out[ds.Target] = ds.Label
	}
	return out
}

// panelStances returns the stance label selected in each card of the stance panel, by target id.
func panelStances(w *Window) map[string]string {
	out := map[string]string{}
	for _, c := range w.stance.list {
		for _, b := range c.buttons {
			if b.selected {
				out[c.target.ID] = b.label.Name
			}
		}
	}
	return out
}

// evidenceRows returns the evidence rows the stance panel lists under the target with id target.
func evidenceRows(w *Window, target string) []*evidenceRow {
	var out []*evidenceRow
	for _, c := range w.stance.list {
		if c.target.ID != target {
			continue
		}
		for _, o := range c.evidence.Objects {
			if r, ok := o.(*evidenceRow); ok {
				out = append(out, r)
			}
		}
	}
	return out
}

// checkStances checks the document stances in the file and in the panel.
func checkStances(t *testing.T, w *Window, path, docID, step string, want map[string]string) {
	t.Helper()
	if got := fileStances(t, path, docID, "tester"); !maps.Equal(got, want) {
		t.Errorf("%s: the file holds the stances %v, want %v", step, got, want)
	}
	if got := panelStances(w); !maps.Equal(got, want) {
		t.Errorf("%s: the panel shows %v, want %v", step, got, want)
	}
}

func TestStancePanelShowsTheTargets(t *testing.T) {
	w, shown := openWindow(t)
	start(t, w, shown)
	if len(w.stance.list) != 3 {
		t.Fatalf("the panel shows %d targets, want the sample's 3", len(w.stance.list))
	}
	c := w.stance.list[0]
	if c.target.ID != "lna" || c.target.NameAr != "الجيش الوطني الليبي" || len(c.buttons) != 4 {
		t.Errorf("first card %+v with %d buttons", c.target, len(c.buttons))
	}
	var keys []string
	for _, b := range c.buttons {
		keys = append(keys, b.label.Name+"="+b.label.Hotkey)
	}
	if got := strings.Join(keys, " "); got != "FAVOR=f AGAINST=a NEUTRAL=n NONE=x" {
		t.Errorf("the buttons show %s", got)
	}
	if w.target != 0 || c.bg.StrokeWidth != 2 || w.stance.list[1].bg.StrokeWidth == 2 {
		t.Errorf("the first target is not the one outlined (current %d)", w.target)
	}
}

func TestStanceKeys(t *testing.T) {
	f := openFixture(t, newProject(t), "tester")
	w := f.w
	doc := start(t, w, f.shown)

	press(w, "f")
	checkStances(t, w, f.path, doc.ID, "f", map[string]string{"lna": "FAVOR"})
	if st := fileState(t, f.path, doc.ID, "tester"); st.Status != labels.StatusInProgress {
		t.Errorf("the first stance left the status %q, want in progress", st.Status)
	}
	if w.docStatus.text.Text != "in progress" || !strings.HasPrefix(w.saved.Text, "Saved ✓ ") {
		t.Errorf("header %q, save marker %q", w.docStatus.text.Text, w.saved.Text)
	}
	if !strings.Contains(w.message.Text, "Libyan National Army: FAVOR") {
		t.Errorf("status bar %q", w.message.Text)
	}
	press(w, "a")
	checkStances(t, w, f.path, doc.ID, "a", map[string]string{"lna": "AGAINST"})
	press(w, "a")
	checkStances(t, w, f.path, doc.ID, "a again", map[string]string{})
	if !strings.Contains(w.message.Text, "Cleared the stance toward Libyan National Army") {
		t.Errorf("status bar %q after clearing", w.message.Text)
	}

	// t moves to the next target, T back; the keys then set the current target's stance
	press(w, "tn")
	if w.target != 1 || w.stance.list[1].bg.StrokeWidth != 2 {
		t.Errorf("after t the current target is %d", w.target)
	}
	checkStances(t, w, f.path, doc.ID, "t n", map[string]string{"gna": "NEUTRAL"})
	press(w, "tt")
	if w.target != 0 {
		t.Errorf("t from the last target went to %d, want the first", w.target)
	}
	press(w, "T")
	if w.target != 2 {
		t.Errorf("T from the first target went to %d, want the last", w.target)
	}
	press(w, "x")
	checkStances(t, w, f.path, doc.ID, "T x", map[string]string{"gna": "NEUTRAL", "turkey": "NONE"})

	// the same keys on an Arabic keyboard: ف (t) and ب (f); the keys typed when the article has
	// not the focus reach the window too
	typeRune := w.win.Canvas().OnTypedRune()
	typeRune('ف')
	w.wait()
	typeRune('ب')
	w.wait()
	checkStances(t, w, f.path, doc.ID, "ف ب", map[string]string{"lna": "FAVOR", "gna": "NEUTRAL", "turkey": "NONE"})
	if n := len(fileSpans(t, f.path, doc.ID, "tester")); n != 0 {
		t.Errorf("the stance keys wrote %d spans", n)
	}
}

func TestStanceClicks(t *testing.T) {
	f := openFixture(t, newProject(t), "tester")
	w := f.w
	doc := start(t, w, f.shown)
	gna := w.stance.list[1]
	test.Tap(gna.buttons[0]) // FAVOR
	w.wait()
	checkStances(t, w, f.path, doc.ID, "click FAVOR", map[string]string{"gna": "FAVOR"})
	if w.target != 1 {
		t.Errorf("clicking a target's label made target %d current, want 1", w.target)
	}
	test.Tap(gna.buttons[1]) // AGAINST
	w.wait()
	checkStances(t, w, f.path, doc.ID, "click AGAINST", map[string]string{"gna": "AGAINST"})
	test.Tap(gna.buttons[1])
	w.wait()
	checkStances(t, w, f.path, doc.ID, "click AGAINST again", map[string]string{})
	if !gna.buttons[0].toggle || gna.buttons[0].selected {
		t.Errorf("the FAVOR button is selected after clearing")
	}
	// the Stance menu's items set the current target's stance too
	menuItem(t, w, "Stance toward the target: NEUTRAL — The text discusses the target without taking a side").Action()
	w.wait()
	checkStances(t, w, f.path, doc.ID, "menu NEUTRAL", map[string]string{"gna": "NEUTRAL"})
}

func TestStanceUndoRedo(t *testing.T) {
	f := openFixture(t, newProject(t), "tester")
	w := f.w
	doc := start(t, w, f.shown)
	press(w, "f") // in progress, then FAVOR
	press(w, "a") // AGAINST
	press(w, "a") // cleared
	check := func(step string, want map[string]string, status labels.Status) {
		t.Helper()
		checkStances(t, w, f.path, doc.ID, step, want)
		if st := fileState(t, f.path, doc.ID, "tester"); st.Status != status {
			t.Errorf("%s: status %q, want %q", step, st.Status, status)
		}
	}
	inProgress := labels.StatusInProgress
	check("set, changed, cleared", map[string]string{}, inProgress)
	pressKey := func(sc fyne.Shortcut) {
		if _, ok := sc.(*fyne.ShortcutUndo); ok {
			menuItem(t, w, "Undo").Action()
		} else {
			menuItem(t, w, "Redo").Action()
		}
		w.wait()
	}
	pressKey(shortcutUndo)
	check("undo the clear", map[string]string{"lna": "AGAINST"}, inProgress)
	if w.message.Text != "Undone: clearing the stance toward Libyan National Army (AGAINST)." {
		t.Errorf("status bar %q", w.message.Text)
	}
	pressKey(shortcutUndo)
	check("undo the change", map[string]string{"lna": "FAVOR"}, inProgress)
	if w.message.Text != "Undone: changing the stance toward Libyan National Army from FAVOR to AGAINST." {
		t.Errorf("status bar %q", w.message.Text)
	}
	pressKey(shortcutUndo)
	check("undo the set", map[string]string{}, inProgress)
	pressKey(shortcutUndo)
	check("undo the status", map[string]string{}, labels.StatusTodo)
	pressKey(shortcutRedo)
	pressKey(shortcutRedo)
	check("redo twice", map[string]string{"lna": "FAVOR"}, inProgress)
	if w.message.Text != "Redone: setting the stance toward Libyan National Army to FAVOR." {
		t.Errorf("status bar %q", w.message.Text)
	}

	// after a restart, undo and redo go on where they were
	f.reopen("tester")
	w = f.w
	start(t, w, f.shown)
	if got := panelStances(w); !maps.Equal(got, map[string]string{"lna": "FAVOR"}) {
		t.Errorf("after a restart the panel shows %v", got)
	}
	pressKey(shortcutRedo)
	check("redo after a restart", map[string]string{"lna": "AGAINST"}, inProgress)
	pressKey(shortcutUndo)
	pressKey(shortcutUndo)
	check("undo after a restart", map[string]string{}, inProgress)
}

func TestStanceUndoGoesToTheDocument(t *testing.T) {
	f := openFixture(t, newProject(t, threeDocs...), "tester")
	w := f.w
	doc := start(t, w, f.shown)
	press(w, "ta") // the GNA: AGAINST
	press(w, "T")  // back to the LNA
	press(w, "j")
	if d := next(t, f.shown); d.Title != "الثاني" {
		t.Fatalf("j opened %q", d.Title)
	}
	if got := panelStances(w); len(got) != 0 {
		t.Errorf("the second document shows the first one's stances %v", got)
	}
	w.undo()
	w.wait()
	if d := next(t, f.shown); d.ID != doc.ID {
		t.Fatalf("undo opened %q, want the document it changed", d.Title)
	}
	if got := panelStances(w); len(got) != 0 {
		t.Errorf("after undo the panel shows %v", got)
	}
	if w.target != 1 {
		t.Errorf("after undo the current target is %d, want the one changed (1)", w.target)
	}
	w.redo()
	w.wait()
	checkStances(t, w, f.path, doc.ID, "redo", map[string]string{"gna": "AGAINST"})
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
	if !strings.Contains(w.message.Text, "Choose the document's stance toward Libyan National Army first") {
		t.Errorf("status bar %q after e without a stance", w.message.Text)
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
	if drawn := w.article.Spans(); len(drawn) != 2 {
		t.Errorf("the article draws %d spans, want the ORG span and the evidence", len(drawn))
	}
	if sel, ok := w.article.SelectedSpan(); !ok || sel.ID != ev.ID {
		t.Errorf("the new evidence is not selected")
	}
	rows := evidenceRows(w, "lna")
	if len(rows) != 1 || rows[0].span.ID != ev.ID || rows[0].span.Text != claim || rows[0].span.Label != "FAVOR" {
		t.Fatalf("the panel lists %d evidence rows under the LNA", len(rows))
	}
	if got := panelStances(w); len(got) != 0 {
		t.Errorf("marking evidence chose the document stance %v", got)
	}

	// a click on the evidence in the panel selects it in the article
	pressKey(w, fyne.KeyEscape)
	if _, ok := w.article.SelectedSpan(); ok {
		t.Fatal("Escape left a span selected")
	}
	test.Tap(rows[0])
	if sel, ok := w.article.SelectedSpan(); !ok || sel.ID != ev.ID {
		t.Errorf("clicking the row selected %+v, %v", sel, ok)
	}
	if w.win.Canvas().Focused() != w.article {
		t.Errorf("the article does not have the focus after the click")
	}

	// Shift+A relabels the selected evidence, Delete removes it; the ORG span stays
	press(w, "A")
	if got := fileSpans(t, f.path, doc.ID, "tester"); len(got) != 2 || got[0].Label != "AGAINST" && got[1].Label != "AGAINST" {
		t.Errorf("after Shift+A the file holds %+v", got)
	}
	if rows := evidenceRows(w, "lna"); len(rows) != 1 || rows[0].span.Label != "AGAINST" {
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
	w.article.Tapped(&fyne.PointEvent{Position: tokenCenter(w, first)})
	if sp, ok := w.article.SelectedSpan(); !ok || sp.Label != "ORG" {
		t.Fatalf("clicking the ORG span selected %+v", sp)
	}
	press(w, "e")
	rows = evidenceRows(w, "gna")
	if len(rows) != 1 || rows[0].span.Label != "FAVOR" || rows[0].span.Text != army {
		t.Fatalf("e listed %d rows under the GNA", len(rows))
	}
	// its remove button removes it
	for _, o := range objectsOf(rows[0]) {
		if b, ok := o.(*widget.Button); ok {
			test.Tap(b)
			break
		}
	}
	w.wait()
	if n := len(fileSpans(t, f.path, doc.ID, "tester")); n != 1 || len(evidenceRows(w, "gna")) != 0 {
		t.Errorf("the remove button left %d spans", n)
	}

	// undo brings the evidence back, and the panel lists it
	w.undo()
	w.wait()
	if rows := evidenceRows(w, "gna"); len(rows) != 1 {
		t.Errorf("after undo the panel lists %d rows under the GNA", len(rows))
	}
	if !strings.HasPrefix(w.message.Text, `Undone: removing FAVOR evidence "`) {
		t.Errorf("status bar %q", w.message.Text)
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
	w.scroll.ScrollToTop()
	pressKey(w, fyne.KeyEscape)
	test.Tap(rows[0])
	pos, size := w.article.RangeRect(rows[0].span.Start, rows[0].span.End)
	off, view := w.scroll.Offset.Y, w.scroll.Size().Height
	if pos.Y < off || pos.Y+size.Height > off+view {
		t.Errorf("the evidence at %v-%v is not on screen: the article shows %v-%v", pos.Y, pos.Y+size.Height, off, off+view)
	}
	if off == 0 {
		t.Errorf("the article did not scroll")
	}
}

func TestStanceKeysInMenusAndHelp(t *testing.T) {
	w, shown := openWindow(t)
	start(t, w, shown)
	for label, key := range map[string]string{
		"Next target":                      "T",
		"Previous target":                  "T",
		"Mark selection as FAVOR evidence": "F",
		"Mark selection as evidence (the target's stance)": "E",
	} {
		it := menuItem(t, w, label)
		if it.Shortcut == nil || string(it.Shortcut.(fyne.KeyboardShortcut).Key()) != key {
			t.Errorf("menu item %q shows %v", label, it.Shortcut)
		}
	}
	if mod := menuItem(t, w, "Previous target").Shortcut.(fyne.KeyboardShortcut).Mod(); mod != fyne.KeyModifierShift {
		t.Errorf("Previous target shows the modifier %v", mod)
	}
	w.showHelp()
	text := overlayText(w)
	for _, want := range []string{"T, Shift+T", "F, A, N, X", "Shift+F A N X", "Stance → Targets…", "This project's stance labels"} {
		if !strings.Contains(text, want) {
			t.Errorf("the help does not list %q", want)
		}
	}
}

func TestStanceHotkeysLeaveTheWindowKeys(t *testing.T) {
	sc := labels.Schema{
		Entities: []labels.Label{{Name: "PERS", Hotkey: "1"}, {Name: "ORG", Hotkey: "q"}},
		StanceLabels: []labels.Label{
			{Name: "PRO", Hotkey: "p"}, {Name: "CON", Hotkey: "d"}, {Name: "MIX", Hotkey: "q"}, {Name: "OFF", Hotkey: "2"},
		},
	}
	choose, evidence := stanceHotkeys(sc)
	if choose['p'].Name != "PRO" || choose['ح'].Name != "PRO" || evidence['P'].Name != "PRO" {
		t.Errorf("p: %v %v %v", choose['p'], choose['ح'], evidence['P'])
	}
	if _, ok := choose['d']; ok {
		t.Errorf("d (done) chooses a stance")
	}
	if _, ok := choose['q']; ok {
		t.Errorf("q (an entity label's key) chooses a stance")
	}
	if choose['2'].Name != "OFF" || len(evidence) != 1 {
		t.Errorf("2: %v; evidence keys %v", choose['2'], evidence)
	}
}
