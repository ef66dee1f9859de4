package app

import (
	"context"
	"database/sql"
	"strings"
	"testing"
	"time"

	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// TestLabelDrawnBeforeItIsSaved: the span shows, selected, as soon as the key is typed, while
// the write runs behind; the marker says Saved only once the file holds it.
func TestLabelDrawnBeforeItIsSaved(t *testing.T) {
	w, shown := openWindow(t)
	doc := start(t, w, shown)
	selectPhrase(t, w, army)
	w.view.article.TypedRune('2') // no wait: what the next frame shows
	drawn := w.view.article.Spans()
	if len(drawn) != 1 || drawn[0].Label != "ORG" || drawn[0].Text != army {
		t.Fatalf("right after the key the article draws %+v", drawn)
	}
	if sel, ok := w.view.article.SelectedSpan(); !ok || sel.ID != drawn[0].ID {
		t.Errorf("the new span is not selected")
	}
	if w.status.Saved.Text != "Saving…" {
		t.Errorf("before the write is answered the marker says %q", w.status.Saved.Text)
	}
	w.q.Wait()
	spans := fileSpans(t, w.cfg.Path, doc.ID, "tester")
	if len(spans) != 1 || spans[0].ID != drawn[0].ID {
		t.Fatalf("the file holds %+v, the article drew %+v", spans, drawn)
	}
	if !strings.HasPrefix(w.status.Saved.Text, "Saved ✓ ") {
		t.Errorf("once written the marker says %q", w.status.Saved.Text)
	}
}

// TestBusyProjectKeepsTheAction holds the project's write lock from another connection for
// longer than a write waits: the label stays drawn and is marked not saved yet, nothing is
// refused, and once the lock is gone the label is written, with the relabel typed meanwhile
// after it.
func TestBusyProjectKeepsTheAction(t *testing.T) {
	w, shown := openWindow(t)
	doc := start(t, w, shown)
	other, err := sql.Open("sqlite3", "file:"+w.cfg.Path+"?_txlock=immediate")
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	lock, err := other.BeginTx(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lock.Exec("UPDATE meta SET value = value WHERE key = 'created'"); err != nil {
		t.Fatal(err)
	}
	selectPhrase(t, w, army)
	w.view.article.TypedRune('2')
	w.view.article.TypedRune('3') // relabels the span drawn
	w.q.Pump(6 * time.Second)     // longer than a write waits (5 s)
	drawn := w.view.article.Spans()
	if len(drawn) != 1 || drawn[0].Label != "LOC" {
		t.Errorf("while the project is busy the article draws %+v", drawn)
	}
	if !strings.Contains(w.status.Saved.Text, "Not saved yet") {
		t.Errorf("while the project is busy the marker says %q", w.status.Saved.Text)
	}
	if w.dialogs.covers() {
		t.Errorf("a dialog opened: %q", overlayText(w))
	}
	must(t, lock.Rollback())
	w.q.Wait()
	spans := fileSpans(t, w.cfg.Path, doc.ID, "tester")
	if len(spans) != 1 || len(drawn) != 1 || spans[0].Label != "LOC" || spans[0].ID != drawn[0].ID {
		t.Fatalf("after the lock the file holds %+v", spans)
	}
	if !strings.HasPrefix(w.status.Saved.Text, "Saved ✓ ") {
		t.Errorf("once written the marker says %q", w.status.Saved.Text)
	}
}

// TestRefusedWriteTakesTheSpanBack: another program labeled the same words meanwhile, so the
// store refuses the span the window drew: it goes away again and the status bar says why.
func TestRefusedWriteTakesTheSpanBack(t *testing.T) {
	w, shown := openWindow(t)
	doc := start(t, w, shown)
	first, last := phrase(t, w, army)
	toks := w.view.article.Tokens()
	st, err := store.Open(w.cfg.Path)
	must(t, err)
	_, err = st.AddSpan(context.Background(), labels.Span{DocID: doc.ID, Annotator: "tester", Start: toks[first].Start,
		End: toks[last].End, Text: army, Label: "ORG", Kind: labels.KindEntity, Origin: labels.OriginManual})
	must(t, err)
	must(t, st.Close())
	selectPhrase(t, w, army)
	w.view.article.TypedRune('1')
	if len(w.view.article.Spans()) != 1 {
		t.Fatalf("the span is not drawn at once")
	}
	w.q.Wait()
	if drawn := w.view.article.Spans(); len(drawn) != 0 {
		t.Errorf("the refused span is still drawn: %+v", drawn)
	}
	if !strings.Contains(w.status.Message.Text, "overlaps") {
		t.Errorf("the status bar says %q", w.status.Message.Text)
	}
	if spans := fileSpans(t, w.cfg.Path, doc.ID, "tester"); len(spans) != 1 || spans[0].Label != "ORG" {
		t.Errorf("the file holds %+v", spans)
	}
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
