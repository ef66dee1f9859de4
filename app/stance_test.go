package app

import (
	"context"
	"maps"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/tawsim/tawsim/app/palette"
	"github.com/tawsim/tawsim/app/stancepanel"
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
func panelStances(w *Window) map[string]string { return w.stance.Chosen() }

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
	if len(w.stance.Cards()) != 3 {
		t.Fatalf("the panel shows %d targets, want the sample's 3", len(w.stance.Cards()))
	}
	c := w.stance.Cards()[0]
	if c.Target().ID != "lna" || c.Target().NameAr != "الجيش الوطني الليبي" || len(c.Buttons()) != 4 {
		t.Errorf("first card %+v with %d buttons", c.Target(), len(c.Buttons()))
	}
	var keys []string
	for _, b := range c.Buttons() {
		keys = append(keys, b.Label().Name+"="+b.Label().Hotkey)
	}
	if got := strings.Join(keys, " "); got != "FAVOR=f AGAINST=a NEUTRAL=n NONE=x" {
		t.Errorf("the buttons show %s", got)
	}
	if w.stance.Index() != 0 || !c.Outlined() || w.stance.Cards()[1].Outlined() {
		t.Errorf("the first target is not the one outlined (current %d)", w.stance.Index())
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
	if w.view.badge.Text() != "in progress" || !strings.HasPrefix(w.status.Saved.Text, "Saved ✓ ") {
		t.Errorf("header %q, save marker %q", w.view.badge.Text(), w.status.Saved.Text)
	}
	if !strings.Contains(w.status.Message.Text, "Libyan National Army: FAVOR") {
		t.Errorf("status bar %q", w.status.Message.Text)
	}
	press(w, "a")
	checkStances(t, w, f.path, doc.ID, "a", map[string]string{"lna": "AGAINST"})
	press(w, "a")
	checkStances(t, w, f.path, doc.ID, "a again", map[string]string{})
	if !strings.Contains(w.status.Message.Text, "Cleared the stance toward Libyan National Army") {
		t.Errorf("status bar %q after clearing", w.status.Message.Text)
	}

	// t moves to the next target, T back; the keys then set the current target's stance
	press(w, "tn")
	if w.stance.Index() != 1 || !w.stance.Cards()[1].Outlined() {
		t.Errorf("after t the current target is %d", w.stance.Index())
	}
	checkStances(t, w, f.path, doc.ID, "t n", map[string]string{"gna": "NEUTRAL"})
	press(w, "tt")
	if w.stance.Index() != 0 {
		t.Errorf("t from the last target went to %d, want the first", w.stance.Index())
	}
	press(w, "T")
	if w.stance.Index() != 2 {
		t.Errorf("T from the first target went to %d, want the last", w.stance.Index())
	}
	press(w, "x")
	checkStances(t, w, f.path, doc.ID, "T x", map[string]string{"gna": "NEUTRAL", "turkey": "NONE"})

	// the same keys on an Arabic keyboard: ف (t) and ب (f); the keys typed when the article has
	// not the focus reach the window too
	typeRune := w.win.Canvas().OnTypedRune()
	typeRune('ف')
	w.q.Wait()
	typeRune('ب')
	w.q.Wait()
	checkStances(t, w, f.path, doc.ID, "ف ب", map[string]string{"lna": "FAVOR", "gna": "NEUTRAL", "turkey": "NONE"})
	if n := len(fileSpans(t, f.path, doc.ID, "tester")); n != 0 {
		t.Errorf("the stance keys wrote %d spans", n)
	}
}

func TestStanceClicks(t *testing.T) {
	f := openFixture(t, newProject(t), "tester")
	w := f.w
	doc := start(t, w, f.shown)
	gna := w.stance.Cards()[1]
	test.Tap(gna.Buttons()[0]) // FAVOR
	w.q.Wait()
	checkStances(t, w, f.path, doc.ID, "click FAVOR", map[string]string{"gna": "FAVOR"})
	if w.stance.Index() != 1 {
		t.Errorf("clicking a target's label made target %d current, want 1", w.stance.Index())
	}
	test.Tap(gna.Buttons()[1]) // AGAINST
	w.q.Wait()
	checkStances(t, w, f.path, doc.ID, "click AGAINST", map[string]string{"gna": "AGAINST"})
	test.Tap(gna.Buttons()[1])
	w.q.Wait()
	checkStances(t, w, f.path, doc.ID, "click AGAINST again", map[string]string{})
	if !gna.Buttons()[0].Toggle || gna.Buttons()[0].Selected() {
		t.Errorf("the FAVOR button is selected after clearing")
	}
	// the Stance menu's items set the current target's stance too
	menuItem(t, w, "Stance toward the target: NEUTRAL — The text discusses the target without taking a side").Action()
	w.q.Wait()
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
		w.q.Wait()
	}
	pressKey(shortcutUndo)
	check("undo the clear", map[string]string{"lna": "AGAINST"}, inProgress)
	if w.status.Message.Text != "Undone: clearing the stance toward Libyan National Army (AGAINST)." {
		t.Errorf("status bar %q", w.status.Message.Text)
	}
	pressKey(shortcutUndo)
	check("undo the change", map[string]string{"lna": "FAVOR"}, inProgress)
	if w.status.Message.Text != "Undone: changing the stance toward Libyan National Army from FAVOR to AGAINST." {
		t.Errorf("status bar %q", w.status.Message.Text)
	}
	pressKey(shortcutUndo)
	check("undo the set", map[string]string{}, inProgress)
	pressKey(shortcutUndo)
	check("undo the status", map[string]string{}, labels.StatusTodo)
	pressKey(shortcutRedo)
	pressKey(shortcutRedo)
	check("redo twice", map[string]string{"lna": "FAVOR"}, inProgress)
	if w.status.Message.Text != "Redone: setting the stance toward Libyan National Army to FAVOR." {
		t.Errorf("status bar %q", w.status.Message.Text)
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
	w.ed.undo()
	w.q.Wait()
	if d := next(t, f.shown); d.ID != doc.ID {
		t.Fatalf("undo opened %q, want the document it changed", d.Title)
	}
	if got := panelStances(w); len(got) != 0 {
		t.Errorf("after undo the panel shows %v", got)
	}
	if w.stance.Index() != 1 {
		t.Errorf("after undo the current target is %d, want the one changed (1)", w.stance.Index())
	}
	w.ed.redo()
	w.q.Wait()
	checkStances(t, w, f.path, doc.ID, "redo", map[string]string{"gna": "AGAINST"})
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
	p := palette.New()
	p.SetSchema(sc)
	keys := stancepanel.NewKeys(sc, takenKeys(p))
	choose := func(r rune) string { l, _ := keys.Choose(r); return l.Name }
	evidence := func(r rune) string { l, _ := keys.Evidence(r); return l.Name }
	if choose('p') != "PRO" || choose('ح') != "PRO" || evidence('P') != "PRO" {
		t.Errorf("p: %q %q %q", choose('p'), choose('ح'), evidence('P'))
	}
	if choose('d') != "" {
		t.Errorf("d (done) chooses a stance")
	}
	if choose('q') != "" {
		t.Errorf("q (an entity label's key) chooses a stance")
	}
	if choose('2') != "OFF" || keys.EvidenceList() != "Shift+P" {
		t.Errorf("2: %q; evidence keys %q", choose('2'), keys.EvidenceList())
	}
}
