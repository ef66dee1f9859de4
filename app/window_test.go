package app

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"github.com/tawsim/tawsim/app/doclist"
	"github.com/tawsim/tawsim/app/msg"
	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/seeds"
	"github.com/tawsim/tawsim/store"
)

// rowsOf returns the rows of the document list that a widget tree holds.
func rowsOf(o fyne.CanvasObject) []*doclist.Row {
	var out []*doclist.Row
	for _, o := range objectsOf(o) {
		if r, ok := o.(*doclist.Row); ok {
			out = append(out, r)
		}
	}
	return out
}

// shownOrder, shownTitle and shownStatus return what a row of the list shows.
func shownOrder(r *doclist.Row) string  { order, _, _ := r.Shown(); return order }
func shownTitle(r *doclist.Row) string  { _, title, _ := r.Shown(); return title }
func shownStatus(r *doclist.Row) string { _, _, status := r.Shown(); return status }

// current and inList return where in the list the document open is, and whether the list
// holds it.
func current(w *Window) int { i, _ := w.list.Current(); return i }
func inList(w *Window) bool { _, in := w.list.Current(); return in }

func TestWindowShowsTheSample(t *testing.T) {
	w, shown := openWindow(t)
	doc := start(t, w, shown)
	seed := seeds.Documents()[0]
	if doc.Text != seed.Text || w.view.article.Document().Text != seed.Text {
		t.Fatalf("the article holds %.40q, want the sample article", w.view.article.Document().Text)
	}
	if got := len(w.view.article.Tokens()); got < 400 {
		t.Errorf("the article shows %d tokens", got)
	}
	if title := w.Window().Title(); title != "Tawsim — test.tawsim — tester" {
		t.Errorf("window title %q", title)
	}
	rows := rowsOf(w.list.Rows)
	if len(rows) == 0 {
		t.Fatal("the list shows no rows")
	}
	r := rows[0]
	if shownTitle(r) != seed.Title || shownOrder(r) != "1" || shownStatus(r) != "to do" {
		t.Errorf("the list's first row shows %q %q %q, want 1, %q, to do", shownOrder(r), shownTitle(r), shownStatus(r), seed.Title)
	}
	if got := w.status.Info.Text; !strings.Contains(got, "1 document") || !strings.Contains(got, "test.tawsim") {
		t.Errorf("status bar %q, want the project path and 1 document", got)
	}
}

func TestWindowKeys(t *testing.T) {
	w, shown := openWindow(t,
		labels.Document{Title: "الثاني", Text: "الثاني\nنص المقال الثاني."},
		labels.Document{Title: "الثالث", Text: "الثالث\nنص المقال الثالث."},
	)
	start(t, w, shown)
	typeKey := w.Window().Canvas().OnTypedKey()
	typeRune := w.Window().Canvas().OnTypedRune()
	for _, step := range []struct {
		do   func()
		want string
	}{
		{func() { typeKey(&fyne.KeyEvent{Name: fyne.KeyDown}) }, "الثاني"},
		{func() { typeRune('j') }, "الثالث"},
		{func() { typeKey(&fyne.KeyEvent{Name: fyne.KeyPageUp}) }, "الثاني"},
		{func() { w.list.Rows.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp}) }, seeds.Documents()[0].Title},
		{func() { w.list.Rows.TypedRune('ت') }, "الثاني"},
	} {
		step.do()
		w.q.Wait()
		if d := next(t, shown); d.Title != step.want {
			t.Fatalf("shown %q, want %q", d.Title, step.want)
		}
	}
	typeRune('k')
	w.q.Wait()
	next(t, shown)
	typeKey(&fyne.KeyEvent{Name: fyne.KeyUp}) // already at the first document: nothing happens
	w.q.Wait()
	select {
	case d := <-shown:
		t.Errorf("Up on the first document showed %q", d.Title)
	default:
	}
	if current(w) != 0 {
		t.Errorf("current document %d, want 0", current(w))
	}
}

func TestPagerPages(t *testing.T) {
	var docs []labels.Document
	for i := range 450 {
		docs = append(docs, labels.Document{Title: fmt.Sprintf("مقال %d", i+2), Text: fmt.Sprintf("مقال %d\nنص.", i+2)})
	}
	w, _ := openWindow(t, docs...)
	if n := w.list.Rows.Length(); n != 451 {
		t.Fatalf("list length %d, want 451", n)
	}
	if w.list.Pager().Pages() != 1 {
		t.Errorf("%d pages read at the start, want 1", w.list.Pager().Pages())
	}
	ctx := context.Background()
	for _, i := range []int{450, 199, 200, 0, 399} {
		s, err := w.list.Pager().Get(ctx, i)
		if err != nil {
			t.Fatal(err)
		}
		if s.Order != int64(i+1) {
			t.Errorf("item %d has order %d", i, s.Order)
		}
	}
	if _, err := w.list.Pager().Get(ctx, 451); err == nil {
		t.Errorf("item 451 of 451 found")
	}
	loaded := make(chan error, 1)
	p := doclist.NewPager(w.cfg.Store, "tester", "", func(err error) { loaded <- err })
	if _, ok := p.Cached(300); ok {
		t.Fatal("an empty pager has item 300")
	}
	if err := <-loaded; err != nil {
		t.Fatal(err)
	}
	if s, ok := p.Cached(300); !ok || s.Order != 301 {
		t.Errorf("after loading, item 300 is %+v, %v", s, ok)
	}
}

func TestWindowEmptyProject(t *testing.T) {
	a := test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "empty.tawsim")
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	w, err := newWindow(a, Config{Store: st, Path: path, Annotator: "tester"}, make(chan func()))
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	w.Start()
	w.list.Move(1)
	press(w, "1ds")
	if current(w) != -1 || !strings.Contains(w.status.Info.Text, "0 documents") {
		t.Errorf("empty project: current %d, status %q", current(w), w.status.Info.Text)
	}
	if !w.view.empty.Visible() || !strings.Contains(w.view.empty.Text, "Import") {
		t.Errorf("empty project: the article's place says %q", w.view.empty.Text)
	}
}

// TestEmptyListMessageFitsTheWindow: "No document is skipped." with nothing skipped reads as
// two lines across the article's space, not a letter a line, and the window keeps its width.
func TestEmptyListMessageFitsTheWindow(t *testing.T) {
	w, shown := openWindow(t)
	start(t, w, shown)
	w.win.Resize(fyne.NewSize(800, 600))
	w.list.Choice.SetSelected(doclist.StatusText(labels.StatusSkipped))
	w.q.Wait()
	if !w.view.empty.Visible() || !strings.HasPrefix(w.view.empty.Text, "No document is skipped.") {
		t.Fatalf("the message %q (shown %v)", w.view.empty.Text, w.view.empty.Visible())
	}
	var lines []string
	for _, o := range objectsOf(w.view.empty) {
		if txt, ok := o.(*canvas.Text); ok && strings.TrimSpace(txt.Text) != "" {
			lines = append(lines, txt.Text)
		}
	}
	if len(lines) != 2 {
		t.Errorf("the message is drawn in %d lines: %q", len(lines), lines)
	}
	if got := w.win.Canvas().Size().Width; got != 800 {
		t.Errorf("the window is %v wide, want 800", got)
	}
	if w.view.empty.Size().Width < 200 {
		t.Errorf("the message is %v wide", w.view.empty.Size().Width)
	}
}

// TestLongMessageIsClipped: a message wider than the status bar (a stance hint with a note on
// missing characters) is cut with an ellipsis; the window keeps its width.
func TestLongMessageIsClipped(t *testing.T) {
	w, shown := openWindow(t)
	start(t, w, shown)
	w.win.Resize(fyne.NewSize(1000, 700))
	long := strings.Repeat("press 1-4 to label it, e or Shift+F A N X to mark it as evidence; ", 8)
	for _, msg := range []string{long, msg.Quote("الجيش الوطني الليبي") + " selected: " + long, long + msg.Quote("الجيش الوطني الليبي")} {
		w.status.Say("%s", msg)
		w.win.Resize(fyne.NewSize(1000, 700))
		if got := w.win.Canvas().Size().Width; got != 1000 {
			t.Errorf("with a long message the window is %v wide, want 1000", got)
		}
		if min := w.win.Content().MinSize().Width; min > 1000 {
			t.Errorf("with a long message the window is at least %v wide", min)
		}
		right := absolute(w.status.Message).X + w.status.Message.Size().Width
		ellipsis := false
		for _, o := range objectsOf(w.status.Message) {
			if !o.Visible() {
				continue
			}
			if end := absolute(o).X + o.Size().Width; end > right+1 {
				t.Errorf("a piece of the message ends at %v, past the bar's edge at %v", end, right)
			}
			switch o := o.(type) {
			case *canvas.Text:
				ellipsis = ellipsis || strings.HasSuffix(o.Text, "…")
			}
		}
		if !ellipsis {
			t.Errorf("the long message %.30q… is not cut with an ellipsis", msg)
		}
	}
}
