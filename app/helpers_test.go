package app

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/internal/uitest"
	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/seeds"
	"github.com/tawsim/tawsim/store"
)

// fixture is a main window over a real project file in a temporary directory.
type fixture struct {
	t     testing.TB
	app   fyne.App
	path  string
	w     *Window
	shown chan labels.Document
}

// newProject makes a project file in a temporary directory with the sample article and extra
// documents, and returns its path.
func newProject(t testing.TB, extra ...labels.Document) string {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "test.tawsim")
	st, err := seeds.OpenSample(ctx, path, "tester")
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if len(extra) > 0 {
		if _, err := st.AddDocuments(ctx, extra); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

// openWindow makes a project with the sample article and extra documents and opens its main
// window for the annotator "tester", 1000×700.
func openWindow(t testing.TB, extra ...labels.Document) (w *Window, shown chan labels.Document) {
	t.Helper()
	f := openFixture(t, newProject(t, extra...), "tester")
	return f.w, f.shown
}

// openFixture opens the main window on the project at path for annotator, with a new test app.
func openFixture(t testing.TB, path, annotator string) *fixture {
	t.Helper()
	a := test.NewTempApp(t)
	f := &fixture{t: t, app: a, path: path}
	f.reopen(annotator)
	return f
}

// reopen opens the window on the fixture's project again, as a restart of the program does.
func (f *fixture) reopen(annotator string) {
	f.t.Helper()
	if f.w != nil {
		if err := f.w.Close(); err != nil {
			f.t.Fatal(err)
		}
	}
	st, err := seeds.OpenSample(context.Background(), f.path, "tester")
	if err != nil {
		f.t.Fatal(err)
	}
	w, err := newWindow(f.app, Config{Store: st, Path: f.path, Annotator: annotator}, make(chan func()))
	if err != nil {
		st.Close()
		f.t.Fatal(err)
	}
	f.t.Cleanup(func() { w.Close() })
	shown := make(chan labels.Document, 64)
	w.OnShown = func(d labels.Document) {
		select {
		case shown <- d:
		default:
			f.t.Errorf("more than 64 documents shown and not waited for")
		}
	}
	f.shown = shown
	w.q.Wait()
	w.Window().Resize(fyne.NewSize(1000, 700))
	f.w = w
}

// next waits for the next document shown.
func next(t testing.TB, shown chan labels.Document) labels.Document {
	t.Helper()
	select {
	case d := <-shown:
		return d
	case <-time.After(10 * time.Second):
		t.Fatal("no document shown within 10s")
	}
	return labels.Document{}
}

// start shows the first document and waits until it is shown.
func start(t testing.TB, w *Window, shown chan labels.Document) labels.Document {
	t.Helper()
	w.Start()
	w.q.Wait()
	return next(t, shown)
}

// phrase returns the first and last token of the first occurrence of s in the article.
func phrase(t testing.TB, w *Window, s string) (int, int) {
	t.Helper()
	text := []rune(w.view.article.Document().Text)
	idx := strings.Index(string(text), s)
	if idx < 0 {
		t.Fatalf("%q is not in the article", s)
	}
	start := len([]rune(string(text)[:idx]))
	end := start + len([]rune(s))
	first, last := -1, -1
	for i, o := range w.view.article.Tokens() {
		if o.Start >= start && o.End <= end {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		t.Fatalf("no token of %q", s)
	}
	return first, last
}

// tokenCenter returns the middle of token i, relative to the article.
func tokenCenter(w *Window, i int) fyne.Position {
	pos, size := w.view.article.TokenRect(i)
	return pos.AddXY(size.Width/2, size.Height/2)
}

// selectWords selects the tokens from first to last in the article as a user does: a drag
// from the first to the last.
func selectWords(t testing.TB, w *Window, first, last int) {
	t.Helper()
	from, to := tokenCenter(w, first), tokenCenter(w, last)
	w.view.article.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: from}, Button: desktop.MouseButtonPrimary})
	w.view.article.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: from}, Dragged: fyne.NewDelta(to.X-from.X, to.Y-from.Y)})
	w.view.article.DragEnd()
	sel, ok := w.view.article.Selection()
	toks := w.view.article.Tokens()
	if !ok || sel.Start != toks[first].Start || sel.End != toks[last].End {
		t.Fatalf("selected %+v, %v; want [%d,%d)", sel, ok, toks[first].Start, toks[last].End)
	}
}

// selectPhrase selects the words of s.
func selectPhrase(t testing.TB, w *Window, s string) {
	t.Helper()
	first, last := phrase(t, w, s)
	selectWords(t, w, first, last)
}

// press types the runes of keys into the article, as the annotator does, and waits for what
// they started.
func press(w *Window, keys string) {
	for _, r := range keys {
		w.view.article.TypedRune(r)
		w.q.Wait()
	}
}

// pressKey types a named key into the article and waits for what it started.
func pressKey(w *Window, name fyne.KeyName) {
	w.view.article.TypedKey(&fyne.KeyEvent{Name: name})
	w.q.Wait()
}

// fileSpans reads the annotator's spans of document id from the project file, through a
// connection of its own.
func fileSpans(t testing.TB, path, id, annotator string) []labels.Span {
	t.Helper()
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	spans, err := st.Spans(context.Background(), id, annotator)
	if err != nil {
		t.Fatal(err)
	}
	return spans
}

// fileState reads the annotator's state of document id from the project file.
func fileState(t testing.TB, path, id, annotator string) labels.DocState {
	t.Helper()
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s, err := st.State(context.Background(), id, annotator)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// menuItem returns the item of the window's main menu with the given label.
func menuItem(t testing.TB, w *Window, label string) *fyne.MenuItem {
	t.Helper()
	for _, m := range w.win.MainMenu().Items {
		for _, it := range m.Items {
			if it.Label == label {
				return it
			}
		}
	}
	t.Fatalf("no menu item %q", label)
	return nil
}

// overlayText returns the texts of the labels in the dialog on top of the window, one a line.
func overlayText(w *Window) string {
	top := w.win.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	var b strings.Builder
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch o := o.(type) {
		case *widget.Label:
			b.WriteString(o.Text + "\n")
		case interface{ Text() string }: // the article's label and text
			b.WriteString(o.Text() + "\n")
		case *canvas.Text:
			b.WriteString(o.Text + "\n")
		case *fyne.Container:
			for _, c := range o.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(o).Objects() {
				walk(c)
			}
		}
	}
	walk(top)
	return b.String()
}

// textOf returns what a label of Fyne's or of the article shows.
func textOf(o fyne.CanvasObject) string {
	switch o := o.(type) {
	case *widget.Label:
		return o.Text
	case interface{ Text() string }:
		return o.Text()
	}
	return ""
}

// objectsOf returns o and every object below it.
func objectsOf(o fyne.CanvasObject) []fyne.CanvasObject { return uitest.Objects(o) }

// absolute returns where o is in its canvas.
func absolute(o fyne.CanvasObject) fyne.Position {
	return fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
}
