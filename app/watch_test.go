package app

import (
	"context"
	"fmt"
	"testing"

	"github.com/tawsim/tawsim/app/doclist"
	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// importElsewhere adds documents to the project at path through a store of its own, as
// tawsimctl import does while the window is open.
func importElsewhere(t *testing.T, path string, titles ...string) {
	t.Helper()
	st, err := store.Open(path)
	must(t, err)
	defer st.Close()
	var docs []labels.Document
	for _, title := range titles {
		docs = append(docs, labels.Document{Title: title, Text: title + "\nنص مستورد من برنامج آخر."})
	}
	_, err = st.AddDocuments(context.Background(), docs)
	must(t, err)
}

// TestListFollowsAnImportElsewhere: documents that another program imports while the window is
// open come into the list and the counts, j goes on to them and d finds a next document.
func TestListFollowsAnImportElsewhere(t *testing.T) {
	w, shown := openWindow(t, labels.Document{Title: "الثاني", Text: "الثاني\nنص المقال الثاني."})
	start(t, w, shown)
	press(w, "j")
	if d := next(t, shown); d.Title != "الثاني" {
		t.Fatalf("shown %q", d.Title)
	}
	importElsewhere(t, w.cfg.Path, "الثالث", "الرابع")
	w.pollProject()
	w.q.Wait()
	if w.list.Len() != 4 || w.list.Total() != 4 || w.list.Progress.TextFormatter() != "0 / 4 done" {
		t.Errorf("after the import: %d in the list, %d in all, progress %q", w.list.Len(), w.list.Total(), w.list.Progress.TextFormatter())
	}
	press(w, "j")
	if d := next(t, shown); d.Title != "الثالث" {
		t.Fatalf("j after the import showed %q", d.Title)
	}
	press(w, "d")
	if d := next(t, shown); d.Title != "الرابع" {
		t.Fatalf("d after the import showed %q", d.Title)
	}
	if r := rowsOf(w.list.Rows); len(r) < 4 || shownTitle(r[3]) != "الرابع" {
		t.Errorf("the list rows do not show the imported documents")
	}
}

// TestFilteredListFollowsAnImportElsewhere: the list of documents to do grows too, and a
// list of another status does not.
func TestFilteredListFollowsAnImportElsewhere(t *testing.T) {
	w, shown := openWindow(t, labels.Document{Title: "الثاني", Text: "الثاني\nنص المقال الثاني."})
	start(t, w, shown)
	w.list.Choice.SetSelected(doclist.StatusText(labels.StatusTodo))
	w.q.Wait()
	if w.list.Len() != 2 {
		t.Fatalf("%d documents to do", w.list.Len())
	}
	importElsewhere(t, w.cfg.Path, "الثالث")
	w.pollProject()
	w.q.Wait()
	if w.list.Len() != 3 {
		t.Errorf("%d documents to do after the import, want 3", w.list.Len())
	}
	w.list.Choice.SetSelected(doclist.StatusText(labels.StatusDone))
	w.q.Wait()
	importElsewhere(t, w.cfg.Path, "الرابع")
	w.pollProject()
	w.q.Wait()
	if w.list.Len() != 0 || w.list.Total() != 4 {
		t.Errorf("done list: %d documents, %d in all", w.list.Len(), w.list.Total())
	}
}

// TestPollSeesNothingWithoutAChange: a poll with nothing written elsewhere changes nothing.
func TestPollSeesNothingWithoutAChange(t *testing.T) {
	w, shown := openWindow(t)
	start(t, w, shown)
	before := fmt.Sprint(w.list.Len(), w.list.Total(), current(w))
	w.pollProject()
	w.q.Wait()
	if after := fmt.Sprint(w.list.Len(), w.list.Total(), current(w)); after != before {
		t.Errorf("a poll without a change: %s, was %s", after, before)
	}
}
