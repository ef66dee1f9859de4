// Package app is Tawsim's main window, the one an annotator spends the day in: the article with
// its labeled spans, the label palette, the document list with each document's status, undo
// and redo, the corpus's progress, and the File menu's import and export, over an open project.
// Every action is one store call, committed before the window shows it as saved.
//
// It takes its fyne.App from the caller and does not import fyne.io/fyne/v2/app itself, so
// that its tests run with Fyne's headless test driver.
package app

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/article"
	"github.com/tawsim/tawsim/app/assets"
	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// Config is what the main window works on.
type Config struct {
	Store *store.Store // the open project; the window owns it from New on, and Close closes it
	Path  string       // its file, shown in the title and the status bar
	// Annotator is whose work the window shows and writes. When empty, the window asks for a
	// name when it starts (see AnnotatorName).
	Annotator string
}

// Window is Tawsim's main window: the document list on the right (the side an Arabic reader
// starts from), the article beside it with the palette above it, the stance panel at the left,
// the status bar below.
type Window struct {
	// OnShown, when set, is called on the UI goroutine each time a document has been shown.
	OnShown func(labels.Document)

	app    fyne.App
	win    fyne.Window
	cfg    Config
	schema labels.Schema
	keys   map[rune]labels.Label // the entity labels by hotkey
	// the stance labels by the keys that choose them for the current target (their hotkeys, and
	// the same keys on an Arabic keyboard), and by the keys that mark evidence (Shift+hotkey)
	stanceKeys, evidenceKeys map[rune]labels.Label
	target                   int // the current stance target: its index in schema.Targets

	docs   *pager
	count  int           // documents in the list
	total  int           // documents in the project
	done   int           // documents the annotator has done
	filter labels.Status // the list's status filter; "" for all

	// the document shown
	doc     labels.Document
	spans   []labels.Span // the annotator's spans of doc, ordered as the store orders them
	state   labels.DocState
	stances map[string]string // the annotator's stance labels for doc, by target id
	shownAt time.Time         // when doc was shown, for the time spent on it
	current int               // doc's index in the list, or where it would be when !inList; -1 before any
	inList  bool
	loads   atomic.Uint64 // counts the document loads asked for; only the latest is shown
	shown   uint64        // the load shown last; while a later one runs, keys wait for it

	q           *queue
	bg          sync.WaitGroup // the work running off the UI goroutine
	gen         atomic.Uint64  // changes when another project is opened; older work is dropped
	pending     []time.Time    // when each write sent and not yet answered was sent, in order
	lastSaved   time.Time      // when the last write was committed
	stats       statsRefresher
	silent      bool               // a selection in the list that must not load the document
	finishing   bool               // a final status is being saved; the next document opens after it
	keepMessage bool               // the status bar's message stays when the next document is shown
	closing     bool               // Close was called
	jobs        context.Context    // imports and exports run under it
	stopJobs    context.CancelFunc // Close stops them: a file half read is not imported
	uiCalls     chan func()        // when set, the UI goroutine's work goes to wait (tests)
	// the project and annotator that pollProject asks about, set on the UI goroutine
	watched   atomic.Pointer[store.Store]
	annotator atomic.Pointer[string]
	polling   atomic.Bool // a poll is queued

	list      *docList
	article   *article.Article
	scroll    *container.Scroll
	empty     *widget.Label
	emptyBox  *fyne.Container // holds empty, as wide as the article, in the middle of its height
	palette   *fyne.Container
	buttons   []*labelButton
	stance    *stancePanel
	title     *article.Label
	docStatus *statusBadge
	message   *messageBar
	saved     *widget.Label
	info      *widget.Label
	progress  *widget.ProgressBar
	counts    *widget.Label
	filterSel *widget.Select

	nameDialog *nameDialog     // open while the window asks for the annotator's name
	dialogs    []dialog.Dialog // the dialogs open that Escape dismisses, the last on top
}

// New builds the main window of the project in cfg, with Tawsim's theme on a. It reads the
// schema, the number of documents and the first page of the list; Start opens a document.
// The window owns cfg.Store from now on.
func New(a fyne.App, cfg Config) (*Window, error) { return newWindow(a, cfg, nil) }

// newWindow is New. With uiCalls set, what the window's background work runs on the UI
// goroutine goes to wait instead, which runs it on its caller's goroutine: Fyne's test driver
// runs fyne.Do at once on the calling goroutine, which would let background work touch widgets
// while a test does; this way the test's goroutine is the only UI goroutine, as the main loop
// is in the program.
func newWindow(a fyne.App, cfg Config, uiCalls chan func()) (*Window, error) {
	w := &Window{app: a, cfg: cfg, current: -1, uiCalls: uiCalls}
	w.jobs, w.stopJobs = context.WithCancel(context.Background())
	p, err := w.readProject(context.Background(), cfg.Store, cfg.Annotator)
	if err != nil {
		return nil, err
	}
	a.Settings().SetTheme(assets.NewTheme())
	w.q = newQueue()
	w.build()
	w.adopt(cfg.Store, cfg.Path, p)
	if uiCalls == nil {
		go w.watchLoop() // tests poll when they mean to
	}
	return w, nil
}

// project is what the window reads of a project before it shows it.
type project struct {
	schema labels.Schema
	total  int
	docs   *pager
}

// readProject reads the schema, the number of documents and the first page of the list. It
// blocks: call it off the UI goroutine, or before the window shows.
func (w *Window) readProject(ctx context.Context, st *store.Store, annotator string) (project, error) {
	if _, err := st.Changed(ctx); err != nil { // what changes from now on, pollProject shows
		return project{}, err
	}
	sc, err := st.Schema(ctx)
	if err != nil {
		return project{}, fmt.Errorf("read the label schema: %w", err)
	}
	n, err := st.CountDocuments(ctx)
	if err != nil {
		return project{}, fmt.Errorf("open the document list: %w", err)
	}
	docs := w.newPager(st, annotator, "")
	if n > 0 {
		// the first page now, so that the list is filled when the window first shows
		if _, err := docs.fetch(ctx, 0); err != nil {
			return project{}, fmt.Errorf("open the document list: %w", err)
		}
	}
	return project{schema: sc, total: n, docs: docs}, nil
}

// adopt makes st (at path, read as p) the window's project, on the UI goroutine.
func (w *Window) adopt(st *store.Store, path string, p project) {
	w.cfg.Store, w.cfg.Path = st, path
	w.watched.Store(st)
	name := w.cfg.Annotator
	w.annotator.Store(&name)
	w.total, w.count, w.docs, w.filter = p.total, p.total, p.docs, ""
	w.doc, w.spans, w.state, w.stances, w.current, w.inList = labels.Document{}, nil, labels.DocState{}, nil, -1, false
	w.filterSel.SetSelected(filterAll)
	w.article.SetDocument(labels.Document{})
	w.target = 0
	w.setSchema(p.schema)
	w.updateTitle()
	w.updateInfo()
	w.showDocHeader()
	w.list.UnselectAll()
	w.list.Refresh()
	w.showEmpty()
	w.refreshStats()
}

// build makes the widgets and lays the window out.
func (w *Window) build() {
	w.win = w.app.NewWindow("Tawsim")
	w.article = article.New()
	w.article.OnSelect = w.onSelect
	w.article.OnSpanTapped = w.onSpanTapped
	w.article.OnRune = w.onRune
	w.article.OnKey = w.onKey
	w.scroll = container.NewVScroll(w.article)
	w.empty = widget.NewLabel("")
	w.empty.Alignment = fyne.TextAlignCenter
	w.empty.Wrapping = fyne.TextWrapWord
	w.empty.Hide()

	w.list = newDocList(func() int { return w.count }, w.updateItem)
	w.list.OnSelected = w.onSelected
	w.list.onKey = w.onKey
	w.list.onRune = w.onRune

	w.emptyBox = container.NewVBox(layout.NewSpacer(), w.empty, layout.NewSpacer())
	w.palette = container.NewHBox()
	text := container.NewBorder(container.NewVBox(w.docHeader(), w.palette, widget.NewSeparator()), nil, nil, nil,
		// a wrapping label gets the article's width: in a centering container it was laid out
		// at its narrowest, a letter a line, and made the window wider
		container.NewStack(w.scroll, w.emptyBox))
	left := container.NewHSplit(w.stanceColumn(), text)
	left.Offset = 0.3
	split := container.NewHSplit(left, container.NewBorder(w.listHeader(), nil, nil, nil, w.list))
	split.Offset = 0.76
	w.win.SetContent(container.NewBorder(nil, w.statusBar(), nil, nil, split))
	w.win.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) { w.onKey(ev) })
	w.win.Canvas().SetOnTypedRune(w.onRune)
	w.addShortcuts()
	w.win.Resize(fyne.NewSize(1280, 800))
}

// setSchema makes sc the schema the window labels with: the palette, the stance panel, the
// menus and the keys follow it, and the spans are drawn again in its colours. The current
// target stays current when sc still has it.
func (w *Window) setSchema(sc labels.Schema) {
	cur, had := w.currentTarget()
	w.schema, w.keys = sc, hotkeys(sc)
	w.stanceKeys, w.evidenceKeys = stanceHotkeys(sc)
	w.target = 0
	if i := targetIndex(sc, cur.ID); had && i >= 0 {
		w.target = i
	}
	w.setPalette()
	w.setStancePanel()
	w.win.SetMainMenu(w.mainMenu())
	w.showSpans()
}

// Window returns the Fyne window.
func (w *Window) Window() fyne.Window { return w.win }

// Annotator returns the name the window writes annotations under ("" until it is known).
func (w *Window) Annotator() string { return w.cfg.Annotator }

// Start opens the first document the annotator has not finished (the first one in progress
// or to do, else the first document), and asks for the annotator's name when there is none yet.
func (w *Window) Start() {
	if w.count > 0 {
		w.resume()
	}
	if w.cfg.Annotator == "" {
		w.askName(true)
	}
}

// resume opens the first document in progress or to do for the annotator, or the first one.
func (w *Window) resume() {
	st, name, docs := w.cfg.Store, w.cfg.Annotator, w.docs
	w.do(func(ctx context.Context) func() {
		var first int64
		for _, s := range []labels.Status{labels.StatusInProgress, labels.StatusTodo} {
			page, err := st.Documents(ctx, store.Page{Limit: 1, Status: s, Annotator: name})
			if err == nil && len(page) > 0 && (first == 0 || page[0].Order < first) {
				first = page[0].Order
			}
		}
		at := 0
		if first > 0 {
			if i, in, err := docs.indexOf(ctx, first); err == nil && in {
				at = i
			}
		}
		return func() {
			if docs == w.docs && w.current < 0 && at < w.count {
				w.list.Select(at)
			}
		}
	})
}

// Close stops the window's background work, waits for the writes in flight and closes the
// project. Call it once the window is gone (after ShowAndRun returns).
func (w *Window) Close() error {
	if w.closing {
		return nil
	}
	w.closing = true
	w.stopJobs()
	w.q.stop()
	w.bg.Wait()
	return w.cfg.Store.Close()
}

// updateTitle names the project and the annotator in the window title:
// "Tawsim — news.tawsim — amal".
func (w *Window) updateTitle() {
	t := "Tawsim — " + filepath.Base(w.cfg.Path)
	if w.cfg.Annotator != "" {
		t += " — " + w.cfg.Annotator
	}
	w.win.SetTitle(t)
}

// showEmpty shows, in place of the article, what to do when the list is empty.
func (w *Window) showEmpty() {
	switch {
	case w.total == 0:
		w.empty.SetText("This project has no documents yet.\nImport a corpus with File → Import… (Ctrl+I).")
	case w.count == 0:
		w.empty.SetText(fmt.Sprintf("No document is %s.\nChoose “All” above the list to see every document.", statusText(w.filter)))
	default:
		w.empty.Hide()
		w.scroll.Show()
		return
	}
	w.scroll.Hide()
	w.empty.Show()
	w.emptyBox.Refresh() // lays the label out again: it was hidden
}

// dialogOpen reports whether a dialog covers the window; keys then belong to it.
func (w *Window) dialogOpen() bool {
	return w.win.Canvas().Overlays().Top() != nil
}

// showError reports an error the annotator has to act on in a dialog.
func (w *Window) showError(err error) {
	w.showDialog(dialog.NewError(err, w.win))
}
