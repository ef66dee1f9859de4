// Package app is Tawsim's main window: the document list, the article and the status bar, over
// an open project. It takes its fyne.App from the caller and does not import
// fyne.io/fyne/v2/app itself, so that its tests run with Fyne's headless test driver.
package app

import (
	"context"
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/article"
	"github.com/tawsim/tawsim/app/assets"
	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// Config is what the main window works on.
type Config struct {
	Store     *store.Store // the open project
	Path      string       // its file, shown in the title and the status bar
	Annotator string       // whose work the window shows
}

// Window is Tawsim's main window: the article on the left, the document list on the right (the
// side an Arabic reader starts from), the status bar below.
type Window struct {
	// OnShown, when set, is called on the UI goroutine each time a document has been shown.
	OnShown func(labels.Document)

	app   fyne.App
	win   fyne.Window
	cfg   Config
	docs  *pager
	count int // documents in the project

	list    *docList
	article *article.Article
	scroll  *container.Scroll
	status  *widget.Label

	current int    // the list item shown or being loaded; -1 before the first
	loads   uint64 // counts the document loads started; only the latest one is shown
}

// New builds the main window of the project in cfg, with Tawsim's theme on a. It reads the
// number of documents and the first page of the list; Start shows the first document.
func New(a fyne.App, cfg Config) (*Window, error) {
	ctx := context.Background()
	n, err := cfg.Store.CountDocuments(ctx)
	if err != nil {
		return nil, fmt.Errorf("open the document list: %w", err)
	}
	w := &Window{app: a, cfg: cfg, count: n, current: -1}
	w.docs = newPager(cfg.Store, cfg.Annotator, w.onPageLoaded)
	if n > 0 {
		// the first page now, so that the list is filled when the window first shows
		if _, err := w.docs.fetch(ctx, 0); err != nil {
			return nil, fmt.Errorf("open the document list: %w", err)
		}
	}
	a.Settings().SetTheme(assets.NewTheme())
	w.build()
	return w, nil
}

// build makes the widgets and lays the window out.
func (w *Window) build() {
	w.win = w.app.NewWindow("Tawsim — " + filepath.Base(w.cfg.Path))
	w.article = article.New()
	w.scroll = container.NewVScroll(w.article)

	w.list = newDocList(func() int { return w.count }, w.updateItem)
	w.list.OnSelected = w.onSelected
	w.list.onKey = w.onKey
	w.list.onRune = w.onRune

	w.status = widget.NewLabel(fmt.Sprintf("%s  ·  %s  ·  %s", w.cfg.Path, countText(w.count), w.cfg.Annotator))
	w.status.Truncation = fyne.TextTruncateEllipsis

	split := container.NewHSplit(w.scroll, w.list)
	split.Offset = 0.7
	w.win.SetContent(container.NewBorder(nil, container.NewVBox(widget.NewSeparator(), w.status), nil, nil, split))
	w.win.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) { w.onKey(ev) })
	w.win.Canvas().SetOnTypedRune(w.onRune)
	w.win.Resize(fyne.NewSize(1280, 800))
}

// Window returns the Fyne window.
func (w *Window) Window() fyne.Window { return w.win }

// Start selects the first document, which shows it.
func (w *Window) Start() {
	if w.count > 0 {
		w.list.Select(0)
	}
}

// countText says how many documents there are: "1 document", "12 documents".
func countText(n int) string {
	if n == 1 {
		return "1 document"
	}
	return fmt.Sprintf("%d documents", n)
}

// updateItem fills row o with document i of the list, or marks it loading.
func (w *Window) updateItem(i widget.ListItemID, o fyne.CanvasObject) {
	s, ok := w.docs.cached(i)
	o.(*row).set(i, s, ok)
}

// onPageLoaded is called, off the UI goroutine, when a page of the list has arrived.
func (w *Window) onPageLoaded(err error) {
	fyne.Do(func() {
		if err != nil {
			w.showError(err)
			return
		}
		w.list.Refresh()
	})
}

// onSelected shows the document selected in the list.
func (w *Window) onSelected(i widget.ListItemID) {
	if i == w.current {
		return
	}
	w.current = i
	w.load(i)
}

// onKey moves to the next document (Down, Page Down) or the previous one (Up, Page Up). It
// reports whether it handled the key.
func (w *Window) onKey(ev *fyne.KeyEvent) bool {
	switch ev.Name {
	case fyne.KeyDown, fyne.KeyPageDown:
		w.move(1)
	case fyne.KeyUp, fyne.KeyPageUp:
		w.move(-1)
	default:
		return false
	}
	return true
}

// onRune moves to the next document with j and the previous one with k (or the keys in their
// place on an Arabic keyboard, ت and ن).
func (w *Window) onRune(r rune) {
	switch r {
	case 'j', 'ت':
		w.move(1)
	case 'k', 'ن':
		w.move(-1)
	}
}

// move selects the document d places after (before, when negative) the current one.
func (w *Window) move(d int) {
	if w.count == 0 {
		return
	}
	i := max(0, min(w.current+d, w.count-1))
	if w.current < 0 {
		i = 0
	}
	if i != w.current {
		w.list.Select(i)
	}
}

// load reads document i off the UI goroutine and shows it, unless another load started since.
func (w *Window) load(i int) {
	w.loads++
	seq := w.loads
	go func() {
		ctx := context.Background()
		s, err := w.docs.get(ctx, i)
		var doc labels.Document
		if err == nil {
			doc, err = w.cfg.Store.Document(ctx, s.ID)
		}
		fyne.Do(func() {
			if seq != w.loads {
				return
			}
			if err != nil {
				w.showError(fmt.Errorf("open document %d: %w", i+1, err))
				return
			}
			w.show(doc)
		})
	}()
}

// show puts doc in the article, scrolled to its top.
func (w *Window) show(doc labels.Document) {
	w.article.SetDocument(doc)
	w.scroll.ScrollToTop()
	if w.OnShown != nil {
		w.OnShown(doc)
	}
}

// showError reports err in a dialog.
func (w *Window) showError(err error) {
	dialog.ShowError(err, w.win)
}
