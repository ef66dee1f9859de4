package app

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/locale"
)

// arabicCheck returns a check of a screen of w in Arabic: something is shown, no word in
// Latin letters but those foreignWords lets pass and the annotators' names, and no text that
// Fyne would draw out of order.
func arabicCheck(t *testing.T, w *Window, names ...string) func(what string, o fyne.CanvasObject) {
	return func(what string, o fyne.CanvasObject) {
		t.Helper()
		texts := shownTexts(o)
		if len(texts) == 0 {
			t.Errorf("%s: nothing shown", what)
		}
		for _, f := range foreignWords(texts, w.schema, names...) {
			t.Errorf("%s shows %s", what, f)
		}
		checkOrder(t, what, o)
	}
}

// topOverlay returns the dialog or pop-up on top of w, failing the test when there is none.
func topOverlay(t *testing.T, w *Window, what string) fyne.CanvasObject {
	t.Helper()
	w.q.Wait()
	top := w.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("%s: nothing open", what)
	}
	return top
}

// closeOverlays closes every dialog and pop-up of w.
func closeOverlays(w *Window) {
	for top := w.win.Canvas().Overlays().Top(); top != nil; top = w.win.Canvas().Overlays().Top() {
		w.win.Canvas().Overlays().Remove(top)
	}
	w.dialogs.dismiss()
}

// TestArabicTeamScreensShowNoEnglish opens, in Arabic, the screens of suggestions, of the
// team and of nested entities over a project merged from three annotators with suggestions:
// the list sorted by score, the suggestions' bar and status, Review mode's panel and lanes,
// a document curated, the Agreement window's tabs, Merge projects, the four runs of the
// Suggestions menu, the label finder, New project with Wojood chosen, and Export with one
// level of nesting. None may show a word in Latin letters but keys, files, formats, the
// schema's names and the annotators'.
func TestArabicTeamScreensShowNoEnglish(t *testing.T) {
	inLanguage(t, locale.Arabic)
	path := teamProject(t)
	suggestIn(t, path, 1, "places.tsv", 0.6, "طرابلس", "LOC")
	f := openFixture(t, path, "gold")
	w := f.w
	w.win.Resize(fyne.NewSize(1400, 900))
	start(t, w, f.shown)
	check := arabicCheck(t, w, "amal", "badr", "chadi", "gold")

	w.list.Sort.SetSelected(w.list.Sort.Options[len(w.list.Sort.Options)-1]) // the least sure first
	w.q.Wait()
	selectPhrase(t, w, "طرابلس")
	check("the window with suggestions", w.win.Content())

	w.review.toggle()
	w.q.Wait()
	if !w.review.on {
		t.Fatalf("review is off: %s", w.status.Message.Text)
	}
	selectPhrase(t, w, "طرابلس")
	check("the window in Review mode", w.win.Content())
	press(w, "d") // curated, and on to the next document
	w.q.Wait()
	check("the window after a document curated", w.win.Content())

	for _, d := range []struct {
		name string
		open func()
	}{
		{"Merge projects", w.merges.show},
		{"Suggest from a gazetteer", func() { w.suggests.ask(sourceGazetteer) }},
		{"Suggest from patterns", func() { w.suggests.ask(sourcePatterns) }},
		{"Suggest what was labeled elsewhere", func() { w.suggests.ask(sourcePropagation) }},
		{"Load a model's predictions", func() { w.suggests.ask(sourcePredictions) }},
		{"the label finder", w.palette.Find},
		{"New project with Wojood", func() {
			w.askNewProject()
			tapText(t, topOverlay(t, w, "New project"), lang.X("schema.wojood", "Wojood: 21 types (PERS, NORP, OCC, ORG, GPE, LOC, FAC, EVENT, DATE…)"))
		}},
		{"Export with one level", func() {
			w.exports.show()
			top := topOverlay(t, w, "Export")
			for _, o := range objectsOf(top) {
				if s, ok := o.(*widget.Select); ok && slices.Contains(s.Options, "conll") {
					s.SetSelected("conll")
				}
			}
			tapText(t, top, lang.X("export.one_level", "One level only:"))
		}},
	} {
		d.open()
		check("the "+d.name+" dialog", topOverlay(t, w, d.name))
		closeOverlays(w)
	}

	// last: Fyne's test driver takes the window made last for the canvas of any object
	w.team.showAgreement()
	w.q.Wait()
	if w.agreement == nil {
		t.Fatal("no Agreement window")
	}
	tabs := w.agreement.view.Tabs
	for i := range tabs.Items {
		tabs.SelectIndex(i)
		check("the Agreement window's tab "+tabs.Items[i].Text, w.agreement.win.Content())
	}
	if f := foreignWords([]string{w.agreement.win.Title()}, w.schema); len(f) > 0 {
		t.Errorf("the Agreement window's title shows %q", f)
	}
}

// tapText taps the first object below o that can be tapped and shows text alone: a radio
// option or a check, in either direction.
func tapText(t *testing.T, o fyne.CanvasObject, text string) {
	t.Helper()
	for _, c := range objectsOf(o) {
		if tp, ok := c.(fyne.Tappable); ok && slices.Equal(shownTexts(c), []string{text}) {
			test.Tap(tp)
			return
		}
	}
	t.Fatalf("nothing to tap shows %q", text)
}
