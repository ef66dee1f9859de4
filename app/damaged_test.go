package app

import (
	"database/sql"
	"strings"
	"testing"

	"github.com/tawsim/tawsim/labels"
)

// TestWindowShowsADamagedDocumentAndGoesOn: a document whose spans cannot be read (a row
// another program wrote) is shown with its text and a message that it is damaged, and the
// annotator goes on to the next one and labels it.
func TestWindowShowsADamagedDocumentAndGoesOn(t *testing.T) {
	path := newProject(t,
		labels.Document{Title: "الثاني", Text: "الثاني\nنص المقال الثاني."},
		labels.Document{Title: "الثالث", Text: "الثالث\nنص المقال الثالث."},
	)
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = db.Exec(`INSERT INTO span_sets (doc_id, annotator, spans)
SELECT id, 'tester', '{"i":"x","s":0,"e":6}' FROM documents WHERE title = 'الثاني'`)
	if err == nil {
		err = db.Close()
	}
	if err != nil {
		t.Fatal(err)
	}
	f := openFixture(t, path, "tester")
	w, shown := f.w, f.shown
	start(t, w, shown)

	press(w, "j")
	if d := next(t, shown); d.Title != "الثاني" || w.view.article.Document().Text != d.Text {
		t.Fatalf("shown %q, want the damaged document's text", d.Title)
	}
	if msg := w.status.Message.Text; !strings.Contains(msg, "Document") || !strings.Contains(msg, "الثاني") ||
		!strings.Contains(msg, "is damaged") || !strings.Contains(msg, `"tester"`) {
		t.Errorf("status bar %q, want the damaged document named", msg)
	}

	press(w, "j")
	d := next(t, shown)
	if d.Title != "الثالث" {
		t.Fatalf("shown %q after the damaged document, want the third", d.Title)
	}
	selectPhrase(t, w, "المقال")
	press(w, "1")
	if spans := fileSpans(t, path, d.ID, "tester"); len(spans) != 1 || spans[0].Text != "المقال" {
		t.Errorf("the third document's spans in the file: %+v", spans)
	}
}
