package app

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/tawsim/tawsim/app/suggestpanel"
	"github.com/tawsim/tawsim/corpus"
	"github.com/tawsim/tawsim/jobs"
	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

const tripoli = "طرابلس"

// suggestIn writes the suggestions of source on document n of the project at path (by import
// order, from 1): each pair of sgs is a phrase (its first occurrence) and a label; every one
// gets score.
func suggestIn(t testing.TB, path string, n int64, source string, score float64, sgs ...string) {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(path)
	must(t, err)
	defer st.Close()
	page, err := st.Documents(ctx, store.Page{After: n - 1, Limit: 1})
	must(t, err)
	doc, err := st.Document(ctx, page[0].ID)
	must(t, err)
	var list []labels.Suggestion
	for i := 0; i+1 < len(sgs); i += 2 {
		b := strings.Index(doc.Text, sgs[i])
		if b < 0 {
			t.Fatalf("no %q in document %d", sgs[i], n)
		}
		start := labels.RuneLen(doc.Text[:b])
		list = append(list, labels.Suggestion{DocID: doc.ID, Start: start, End: start + labels.RuneLen(sgs[i]),
			Text: sgs[i], Label: sgs[i+1], Source: source, Score: score})
	}
	run, err := st.BeginSuggestions(ctx, []string{source}, false)
	must(t, err)
	defer run.Rollback()
	must(t, run.Put(doc, list))
	_, err = run.Commit()
	must(t, err)
}

// suggestedLabels returns the suggestions drawn, "LABEL text" each.
func suggestedLabels(w *Window) []string {
	var out []string
	for _, s := range w.view.article.Suggestions() {
		out = append(out, s.Label+" "+s.Text)
	}
	return out
}

// withSuggestions opens a window on the sample article with LOC on طرابلس (its first
// occurrence, in the title) from places.tsv and ORG on the army from model-1.
func withSuggestions(t testing.TB) (*fixture, labels.Document) {
	path := newProject(t)
	suggestIn(t, path, 1, "places.tsv", 1, tripoli, "LOC")
	suggestIn(t, path, 1, "model-1", 0.4, army, "ORG")
	f := openFixture(t, path, "tester")
	doc := start(t, f.w, f.shown)
	if got := suggestedLabels(f.w); len(got) != 2 {
		t.Fatalf("drawn on opening: %q", got)
	}
	return f, doc
}

// TestEnterAcceptsDrawnAtOnce: Enter on a word of a suggestion draws the span at once,
// selected, with the suggestion gone; the file then holds it under the same id, of origin
// suggestion; Ctrl+Z takes it back and the suggestion comes back.
func TestEnterAcceptsDrawnAtOnce(t *testing.T) {
	f, doc := withSuggestions(t)
	w := f.w
	first, _ := phrase(t, w, army)
	selectWords(t, w, first+1, first+1) // الوطني, inside the suggestion
	if !strings.Contains(w.status.Message.Text, "model-1 0.40") {
		t.Errorf("selecting a suggestion's word says %q", w.status.Message.Text)
	}
	w.view.article.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // no wait: the next frame
	drawn := w.view.article.Spans()
	if len(drawn) != 1 || drawn[0].Label != "ORG" || drawn[0].Text != army || drawn[0].Origin != labels.OriginSuggestion {
		t.Fatalf("right after Enter the article draws %+v", drawn)
	}
	if sel, ok := w.view.article.SelectedSpan(); !ok || sel.ID != drawn[0].ID {
		t.Errorf("the accepted span is not selected")
	}
	if got := suggestedLabels(w); len(got) != 1 || got[0] != "LOC "+tripoli {
		t.Errorf("after Enter the suggestions drawn are %q", got)
	}
	w.q.Wait()
	spans := fileSpans(t, f.path, doc.ID, "tester")
	if len(spans) != 1 || spans[0].ID != drawn[0].ID || spans[0].Origin != labels.OriginSuggestion {
		t.Fatalf("the file holds %+v", spans)
	}
	if !strings.HasPrefix(w.status.Saved.Text, "Saved ✓ ") {
		t.Errorf("once written the marker says %q", w.status.Saved.Text)
	}
	w.ed.undo()
	w.q.Wait()
	next(t, f.shown)
	if spans := w.view.article.Spans(); len(spans) != 0 {
		t.Errorf("after undo the article draws %+v", spans)
	}
	if got := suggestedLabels(w); len(got) != 2 {
		t.Errorf("after undo the suggestions drawn are %q", got)
	}
	if !strings.Contains(w.status.Message.Text, "accepting the suggestion ORG") {
		t.Errorf("undo says %q", w.status.Message.Text)
	}
}

// TestBackspaceRejectsForGood: Backspace on a suggestion's words rejects it at once; it stays
// rejected after the window is opened again; Backspace on a selected span still removes it.
func TestBackspaceRejectsForGood(t *testing.T) {
	f, doc := withSuggestions(t)
	w := f.w
	selectPhrase(t, w, tripoli)
	w.view.article.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	if got := suggestedLabels(w); len(got) != 1 || got[0] != "ORG "+army {
		t.Fatalf("right after Backspace the suggestions drawn are %q", got)
	}
	if _, ok := w.view.article.Selection(); !ok {
		t.Errorf("the words are no longer selected")
	}
	w.q.Wait()
	f.reopen("tester")
	start(t, f.w, f.shown)
	if got := suggestedLabels(f.w); len(got) != 1 || got[0] != "ORG "+army {
		t.Fatalf("after a restart the suggestions drawn are %q", got)
	}
	w = f.w
	selectPhrase(t, w, tripoli)
	press(w, "3") // a span of the annotator's own
	pressKey(w, fyne.KeyBackspace)
	if spans := fileSpans(t, f.path, doc.ID, "tester"); len(spans) != 0 {
		t.Errorf("Backspace on a selected span left %+v", spans)
	}
	if got := suggestedLabels(w); len(got) != 1 {
		t.Errorf("removing the span changed the suggestions: %q", got)
	}
}

// TestShiftEnterAcceptsAll: Shift+Enter draws a span of every suggestion at once, writes them
// under the same ids as one action, which one undo takes back.
func TestShiftEnterAcceptsAll(t *testing.T) {
	f, doc := withSuggestions(t)
	w := f.w
	w.view.article.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	w.view.article.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	w.view.article.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	drawn := w.view.article.Spans()
	if len(drawn) != 2 || len(suggestedLabels(w)) != 0 {
		t.Fatalf("right after Shift+Enter: spans %+v, suggestions %q", drawn, suggestedLabels(w))
	}
	w.q.Wait()
	spans := fileSpans(t, f.path, doc.ID, "tester")
	if len(spans) != 2 || !sameIDs(spans, drawn) {
		t.Fatalf("the file holds %+v, the article drew %+v", spans, drawn)
	}
	w.ed.undo()
	w.q.Wait()
	next(t, f.shown)
	if spans := fileSpans(t, f.path, doc.ID, "tester"); len(spans) != 0 || len(suggestedLabels(w)) != 2 {
		t.Errorf("one undo left %+v, suggestions %q", spans, suggestedLabels(w))
	}
}

// TestHiddenSuggestions: hidden, no outline is drawn and Enter accepts nothing; shown again,
// they come back. Backspace then removes as before.
func TestHiddenSuggestions(t *testing.T) {
	f, doc := withSuggestions(t)
	w := f.w
	if !w.sugPanel.Available() {
		t.Fatalf("the suggestions bar is hidden in a project with suggestions")
	}
	menuItem(t, w, "Show suggestions").Action()
	if w.sugPanel.Shown() || len(suggestedLabels(w)) != 0 || menuItem(t, w, "Show suggestions").Checked {
		t.Fatalf("hidden: still drawn %q", suggestedLabels(w))
	}
	selectPhrase(t, w, tripoli)
	pressKey(w, fyne.KeyReturn)
	if spans := fileSpans(t, f.path, doc.ID, "tester"); len(spans) != 0 || !strings.Contains(w.status.Message.Text, "hidden") {
		t.Errorf("Enter on hidden suggestions: %+v, %q", spans, w.status.Message.Text)
	}
	w.sugPanel.Show.SetChecked(true)
	if len(suggestedLabels(w)) != 2 || !menuItem(t, w, "Show suggestions").Checked {
		t.Errorf("shown again: %q", suggestedLabels(w))
	}
}

// TestListLeastSureFirst: the list sorted by the lowest score lists the documents with
// suggestions, the least sure first, by any source or by one.
func TestListLeastSureFirst(t *testing.T) {
	path := newProject(t, threeDocs...)
	suggestIn(t, path, 2, "model-1", 0.9, "الثاني", "MISC")
	suggestIn(t, path, 3, "model-1", 0.2, "الثالث", "MISC")
	suggestIn(t, path, 1, "places.tsv", 0.5, tripoli, "LOC")
	f := openFixture(t, path, "tester")
	w := f.w
	start(t, w, f.shown)
	w.list.RefreshStats()
	w.q.Wait()
	if !w.list.Sort.Visible() || len(w.list.Sort.Options) != 4 {
		t.Fatalf("sort choices %q, shown %v", w.list.Sort.Options, w.list.Sort.Visible())
	}
	w.list.Sort.SetSelected("Least sure")
	w.q.Wait()
	if got := shownOrders(w); got != "3 1 2" || w.list.Choice.Disabled() == false {
		t.Errorf("least sure first: %q (status filter disabled: %v)", got, w.list.Choice.Disabled())
	}
	w.list.Sort.SetSelected("Least sure: model-1")
	w.q.Wait()
	if got := shownOrders(w); got != "3 2" || w.list.Len() != 2 {
		t.Errorf("least sure of model-1 first: %q, %d", got, w.list.Len())
	}
	// the sample article, without model-1's suggestions, is not in the list: its first opens
	if d := next(t, f.shown); d.Title != "الثالث" {
		t.Errorf("sorted by model-1, %q opened", d.Title)
	}
	press(w, "j")
	if d := next(t, f.shown); d.Title != "الثاني" {
		t.Errorf("j opened %q", d.Title)
	}
	w.list.Sort.SetSelected("In order")
	w.q.Wait()
	if got := shownOrders(w); got != "1 2 3" || w.list.Choice.Disabled() || w.list.Len() != 3 {
		t.Errorf("in import order again: %q of %d", got, w.list.Len())
	}
}

// shownOrders returns the numbers of the rows of the list, space separated.
func shownOrders(w *Window) string {
	var out []string
	for _, r := range rowsOf(w.list.Rows) {
		if o := shownOrder(r); o != "" {
			out = append(out, o)
		}
	}
	return strings.Join(out, " ")
}

// TestSuggestionsMenuRuns: a gazetteer loaded from the menu's run suggests on the document
// open, the bar shows, the summary says what was written; predictions loaded then come too.
func TestSuggestionsMenuRuns(t *testing.T) {
	f := openFixture(t, newProject(t), "tester")
	w := f.w
	start(t, w, f.shown)
	if w.sugPanel.Available() || len(suggestedLabels(w)) != 0 {
		t.Fatalf("suggestions before any run")
	}
	dir := t.TempDir()
	gaz := filepath.Join(dir, "places.tsv")
	must(t, os.WriteFile(gaz, []byte("# places\n"+tripoli+"\tLOC\n"), 0o644))
	w.suggests.suggest(jobs.SuggestOptions{Gazetteers: []string{gaz}})
	w.q.Wait()
	if text := overlayText(w); !strings.Contains(text, "places.tsv: 1 entry") || !strings.Contains(text, "suggestions written") {
		t.Errorf("the summary says %q", text)
	}
	w.dialogs.dismiss()
	if got := suggestedLabels(w); len(got) == 0 || got[0] != "LOC "+tripoli || !w.sugPanel.Available() {
		t.Fatalf("after the run: drawn %q, bar shown %v", got, w.sugPanel.Available())
	}
	doc := w.ed.doc
	preds := filepath.Join(dir, "model.jsonl")
	at := labels.RuneLen(doc.Text[:strings.Index(doc.Text, army)])
	line, err := json.Marshal(map[string]any{"text": doc.Text, "model_version": "crf-3", "entities": []map[string]any{
		{"start": at, "end": at + labels.RuneLen(army), "label": "ORG", "score": 0.73}}})
	must(t, err)
	must(t, os.WriteFile(preds, append(line, '\n'), 0o644))
	w.suggests.predictions(preds, jobs.ImportOptions{Format: "jsonl", Annotator: "import", Corpus: corpus.Options{Predictions: true}})
	w.q.Wait()
	if text := overlayText(w); !strings.Contains(text, "1 prediction stored") {
		t.Errorf("the summary says %q", text)
	}
	w.dialogs.dismiss()
	found := false
	for _, s := range w.view.article.Suggestions() {
		found = found || s.Label == "ORG" && s.Sources[0].Source == "crf-3" && s.Score() == 0.73
	}
	if !found {
		t.Errorf("the prediction is not drawn: %q", suggestedLabels(w))
	}
}

// TestRunElsewhereShowsSuggestions: suggestions that another program writes while the window
// is open come to the document open. A rejection is kept by source: places.tsv's LOC rejected
// stays out, model-2's LOC on the same word comes, as it would on opening the document.
func TestRunElsewhereShowsSuggestions(t *testing.T) {
	f, _ := withSuggestions(t)
	w := f.w
	selectPhrase(t, w, tripoli)
	pressKey(w, fyne.KeyBackspace) // written before the run
	suggestIn(t, f.path, 1, "model-2", 0.5, "الميليشيات", "ORG", tripoli, "LOC")
	w.pollProject()
	w.q.Wait()
	var got []string
	for _, s := range w.view.article.Suggestions() {
		got = append(got, s.Label+" "+s.Text+" "+suggestpanel.Sources(s))
	}
	want := "ORG الميليشيات model-2 0.50, LOC طرابلس model-2 0.50, ORG " + army + " model-1 0.40"
	if strings.Join(got, ", ") != want {
		t.Errorf("after a run elsewhere the suggestions drawn are %q, want %q", got, want)
	}
}
