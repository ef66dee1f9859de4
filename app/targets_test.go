package app

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// fileSchema reads the label schema from the project file.
func fileSchema(t testing.TB, path string) labels.Schema {
	t.Helper()
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	sc, err := st.Schema(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

// dialogEntries returns the text fields of the dialog on top of the window, in order.
func dialogEntries(w *Window) []*dialogEntry {
	var out []*dialogEntry
	for _, o := range objectsOf(w.win.Canvas().Overlays().Top()) {
		if e, ok := o.(*dialogEntry); ok {
			out = append(out, e)
		}
	}
	return out
}

func TestAddAndRenameTargets(t *testing.T) {
	f := openFixture(t, newProject(t), "tester")
	w := f.w
	doc := start(t, w, f.shown)
	// annotations on the LNA, which the rename must keep
	press(w, "f")
	selectPhrase(t, w, army)
	press(w, "A")

	menuItem(t, w, "Targets…").Action()
	w.q.Wait()
	if !w.dialogs.covers() {
		t.Fatal("Targets… opened no dialog")
	}
	test.Tap(dialogButton(t, w, "Add target…"))
	es := dialogEntries(w)
	if len(es) != 3 {
		t.Fatalf("the form has %d fields, want id, name, Arabic name", len(es))
	}
	id, name, nameAr := es[0], es[1], es[2]
	add := dialogButton(t, w, "Add")
	if !add.Disabled() {
		t.Errorf("a target without a name can be added")
	}
	test.Type(name, "Libyan National Army")
	if !add.Disabled() {
		t.Errorf("a target can take another's name")
	}
	name.SetText("")
	test.Type(name, "Egypt's mediation")
	if id.PlaceHolder != "egypt-s-mediation" {
		t.Errorf("the id field suggests %q", id.PlaceHolder)
	}
	test.Type(nameAr, "الوساطة المصرية")
	if add.Disabled() {
		t.Fatal("the new target cannot be added")
	}
	test.Tap(add)
	w.q.Wait()

	sc := fileSchema(t, f.path)
	if len(sc.Targets) != 4 || sc.Targets[3] != (labels.Target{ID: "egypt-s-mediation", Name: "Egypt's mediation", NameAr: "الوساطة المصرية"}) {
		t.Fatalf("the file's targets %+v", sc.Targets)
	}
	if len(w.stance.Cards()) != 4 || w.stance.Index() != 3 || w.stance.Cards()[3].Target().NameAr != "الوساطة المصرية" {
		t.Errorf("the panel shows %d targets, current %d", len(w.stance.Cards()), w.stance.Index())
	}
	// while the dialog is open, the keys are its own
	press(w, "n")
	if got := fileStances(t, f.path, doc.ID, "tester"); len(got) != 1 {
		t.Errorf("a key under the dialog set a stance: %v", got)
	}

	// rename the LNA: its id, stance and evidence stay
	if !w.dialogs.covers() {
		t.Fatal("the targets dialog closed after adding")
	}
	test.Tap(dialogButton(t, w, "Rename…")) // the first target's
	es = dialogEntries(w)
	if es[0].Text != "lna" || !es[0].Disabled() || es[1].Text != "Libyan National Army" {
		t.Fatalf("the rename form shows %q (disabled %v), %q", es[0].Text, es[0].Disabled(), es[1].Text)
	}
	es[1].SetText("Haftar's forces")
	es[2].SetText("قوات حفتر")
	test.Tap(dialogButton(t, w, "Rename"))
	w.q.Wait()
	if w.dialogs.covers() {
		w.dialogs.dismiss()
	}

	sc = fileSchema(t, f.path)
	if sc.Targets[0] != (labels.Target{ID: "lna", Name: "Haftar's forces", NameAr: "قوات حفتر"}) {
		t.Errorf("after the rename the first target is %+v", sc.Targets[0])
	}
	if got := fileStances(t, f.path, doc.ID, "tester"); got["lna"] != "FAVOR" {
		t.Errorf("the rename lost the stance: %v", got)
	}
	spans := fileSpans(t, f.path, doc.ID, "tester")
	if len(spans) != 1 || spans[0].Target != "lna" || spans[0].Label != "AGAINST" {
		t.Errorf("after the rename the file holds %+v", spans)
	}
	c := w.stance.Cards()[0]
	if c.Target().Name != "Haftar's forces" || len(evidenceRows(w, "lna")) != 1 || panelStances(w)["lna"] != "FAVOR" {
		t.Errorf("the panel shows %+v with %d evidence rows", c.Target(), len(evidenceRows(w, "lna")))
	}
	if w.dialogs.covers() {
		t.Errorf("a dialog is still open")
	}
	// the keys work on the rebuilt panel: the new target, still current, takes a stance
	press(w, "n")
	if got := fileStances(t, f.path, doc.ID, "tester"); got["egypt-s-mediation"] != "NEUTRAL" || got["lna"] != "FAVOR" {
		t.Errorf("the stances after the new target's: %v", got)
	}
	press(w, "T")
	if w.stance.Index() != 2 {
		t.Errorf("T went to target %d, want 2", w.stance.Index())
	}
}
