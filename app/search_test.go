package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/search"
	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// searchDocs are two articles that hold طرابلس (one twice, once after a proclitic) and one
// that does not, beside the sample article, which holds it too.
var searchDocs = []labels.Document{
	{Title: "خبر أول", Text: "خبر أول\nدخلت القوات وطرابلس هادئة، وفي طرابلس اجتماع."},
	{Title: "خبر ثان", Text: "خبر ثان\nلا شيء هنا عن المدن."},
	{Title: "خبر ثالث", Text: "خبر ثالث\nوصل الوفد إلى طرابلس صباحا."},
}

// TestSearchInTheWindow: Ctrl+F goes to the box; Enter searches; the list shows the hits, the
// box their number; a hit opened has its words marked, the first current, and F3 and
// Ctrl+Shift+G move among them; Escape shows every document again, the hit still open.
func TestSearchInTheWindow(t *testing.T) {
	w, shown := openWindow(t, searchDocs...)
	start(t, w, shown)
	menuItem(t, w, "Search the documents").Action()
	if w.win.Canvas().Focused() != w.search.Field() {
		t.Fatalf("Ctrl+F focused %v", w.win.Canvas().Focused())
	}
	test.Type(w.search.Field().(fyne.Focusable), "طرابلس")
	w.search.Field().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	w.q.Wait()
	if !w.list.Searching() || w.list.Len() != 3 {
		t.Fatalf("searching %v, %d in the list, want the sample and two articles", w.list.Searching(), w.list.Len())
	}
	if !containsText(w.search.Object(), "3 documents") {
		t.Errorf("the box does not say 3 documents")
	}
	if hits, cur := w.view.article.Hits(); len(hits) == 0 || cur != 0 {
		t.Errorf("the sample, open, has hits %v, current %d", hits, cur)
	}
	// Enter again opens the next hit, the first article
	w.search.Field().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	w.q.Wait()
	doc := next(t, shown)
	if doc.Title != "خبر أول" {
		t.Fatalf("opened %q", doc.Title)
	}
	hits, cur := w.view.article.Hits()
	if len(hits) != 2 || cur != 0 {
		t.Fatalf("hits %v current %d, want two, the first current", hits, cur)
	}
	text := []rune(doc.Text)
	if got := string(text[hits[0].Start:hits[0].End]); got != "طرابلس" {
		t.Errorf("the first hit is %q, want طرابلس without its proclitic", got)
	}
	pressKey(w, fyne.KeyF3)
	if _, cur := w.view.article.Hits(); cur != 1 || w.status.Message.Text != "Hit 2 of 2 in this document" {
		t.Errorf("F3: current %d, status %q", cur, w.status.Message.Text)
	}
	pressKey(w, fyne.KeyF3)
	menuItem(t, w, "Previous hit in the document").Action()
	if _, cur := w.view.article.Hits(); cur != 1 {
		t.Errorf("F3 then Ctrl+Shift+G: current %d, want 1", cur)
	}

	w.search.Field().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	w.q.Wait()
	if w.list.Searching() || w.list.Len() != 4 {
		t.Errorf("after Escape: searching %v, %d in the list", w.list.Searching(), w.list.Len())
	}
	if cur, in := w.list.Current(); !in || cur != 1 || w.ed.doc.Title != "خبر أول" {
		t.Errorf("after Escape: %q open, at %d (in the list %v)", w.ed.doc.Title, cur, in)
	}
	if hits, _ := w.view.article.Hits(); len(hits) != 0 {
		t.Errorf("after Escape the article marks %v", hits)
	}
	select {
	case d := <-shown:
		t.Errorf("Escape opened %q", d.Title)
	default:
	}
}

// TestSearchFilterInTheWindow: a filter alone lists the documents it keeps, and a status
// given to a hit shows in the list of hits.
func TestSearchFilterInTheWindow(t *testing.T) {
	w, shown := openWindow(t, searchDocs...)
	start(t, w, shown)
	w.ed.doneNext() // the sample is done; the first article opens
	w.q.Wait()
	next(t, shown)
	w.search.SetFilters(search.Filters{Status: labels.StatusDone})
	w.q.Wait()
	if w.list.Len() != 1 {
		t.Fatalf("%d documents done, want 1", w.list.Len())
	}
	if s, ok := w.list.Pager().Cached(0); !ok || s.Order != 1 || s.Status != labels.StatusDone {
		t.Errorf("the hit is %+v", s)
	}
	if hits, _ := w.view.article.Hits(); len(hits) != 0 {
		t.Errorf("a filter without words marks %v", hits)
	}
}

// TestSearchIndexCatchesUp: the window brings the search index up to date with the documents
// imported before it opened, and the status bar says nothing of it once done.
func TestSearchIndexCatchesUp(t *testing.T) {
	path := newProject(t, searchDocs...)
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	behind, err := st.SearchBehind(context.Background())
	st.Close()
	if err != nil || behind != 4 {
		t.Fatalf("the index lacks %d documents (%v) before the window opens, want 4", behind, err)
	}
	f := openFixture(t, path, "tester")
	f.w.q.Wait()
	if behind, err := f.w.cfg.Store.SearchBehind(context.Background()); err != nil || behind != 0 {
		t.Errorf("the index lacks %d documents (%v) once the window opened", behind, err)
	}
	if f.w.status.Task.Visible() {
		t.Errorf("the status bar still says %q", f.w.status.Task.Text)
	}
}

// containsText reports whether a visible label inside o shows text.
func containsText(o fyne.CanvasObject, text string) bool {
	for _, c := range objectsOf(o) {
		if l, ok := c.(*widget.Label); ok && l.Visible() && l.Text == text {
			return true
		}
	}
	return false
}

// TestHelpListsTheSearchKeys: the help (F1) lists the search's keys with the others.
func TestHelpListsTheSearchKeys(t *testing.T) {
	w, shown := openWindow(t, searchDocs...)
	start(t, w, shown)
	w.showHelp()
	text := overlayText(w)
	for _, want := range []string{"Ctrl+F", "F3, Ctrl+G, Ctrl+Shift+G", "Esc in the box"} {
		if !strings.Contains(text, want) {
			t.Errorf("the help does not list %q", want)
		}
	}
}
