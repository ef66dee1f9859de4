// Package app is Tawsim's main window, the one an annotator spends the day in: the article with
// its labeled spans, the label palette, the document list with each document's status, undo
// and redo, the corpus's progress, and the File menu's import and export, over an open project.
// Every action is one store call, committed before the window shows it as saved.
//
// Window is a coordinator: each panel is a type of its own that owns its widgets, its state
// and its handlers (package doclist, stancepanel, palette, statusbar, and the article and its
// header here, docView), and Window wires them to the project and to each other through
// callbacks. The store work runs in a work.Queue; the actions on the document open are the
// editor's. docs/DESIGN.md draws the parts.
//
// It takes its fyne.App from the caller and does not import fyne.io/fyne/v2/app itself, so
// that its tests run with Fyne's headless test driver.
package app

import (
	"context"
	"fmt"
	"image/color"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/article"
	"github.com/tawsim/tawsim/app/doclist"
	"github.com/tawsim/tawsim/app/locale"
	"github.com/tawsim/tawsim/app/palette"
	"github.com/tawsim/tawsim/app/prefs"
	"github.com/tawsim/tawsim/app/search"
	"github.com/tawsim/tawsim/app/stancepanel"
	"github.com/tawsim/tawsim/app/statusbar"
	"github.com/tawsim/tawsim/app/suggestpanel"
	"github.com/tawsim/tawsim/app/work"
	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
	"github.com/tawsim/tawsim/store/open"
)

// articleMinWidth is the narrowest the article's column gets, however narrow the window.
const articleMinWidth = 400

// Config is what the main window works on.
type Config struct {
	Store store.Project // the open project; the window owns it from New on, and Close closes it
	Path  string        // its file, shown in the title and the status bar
	// Annotator is whose work the window shows and writes. When empty, the window asks for a
	// name when it starts (see AnnotatorName).
	Annotator string
	// Prefs are the annotator's preferences (prefs.Load), applied when the window is made;
	// the Preferences dialog changes them and keeps them. The language and the digits are
	// locale's, set before New (SetLocale).
	Prefs prefs.Prefs
}

// SetLocale makes the language and the digits of p the window's, before New makes it.
func SetLocale(p prefs.Prefs) {
	locale.Set(p.Language)
	locale.SetDigits(p.Digits)
}

// Window is Tawsim's main window: the document list at the start (the right in Arabic, the
// side an Arabic reader starts from; the left in English), the article beside it with the
// palette above it, the stance panel at the end, the status bar below (panes.go).
type Window struct {
	// OnShown, when set, is called on the UI goroutine each time a document has been shown.
	OnShown func(labels.Document)

	app    fyne.App
	win    fyne.Window
	cfg    Config
	schema labels.Schema

	q       *work.Queue
	jobs    context.Context    // imports and exports run under it
	stop    context.CancelFunc // Close stops them: a file half read is not imported
	closing bool               // Close was called
	// the project and annotator that pollProject asks about, set on the UI goroutine
	watched   atomic.Pointer[store.Project]
	annotator atomic.Pointer[string]
	polling   atomic.Bool // a poll is queued

	// the panels
	view     *docView
	list     *doclist.List
	stance   *stancepanel.Panel
	palette  *palette.Palette
	status   *statusbar.Bar
	sugPanel *suggestpanel.Panel
	panes    *panes
	search   *search.Box // above the list; find runs it

	ed         *editor       // the document open and the actions on it
	review     *reviewMode   // Team → Review mode
	dialogs    *dialogStack  // the dialogs open
	settings   *settings     // File → Preferences…, and the View menu
	team       *team         // the Team menu
	nameDialog *nameDialog   // open while the window asks for the annotator's name
	imports    *importDialog // File → Import…
	exports    *exportDialog // File → Export…
	suggests   *suggestRuns  // the Suggestions menu's runs
	merges     *mergeDialog  // File → Merge projects…
	agreement  *agreementWindow
	find       *finder       // the search (Edit menu and the box)
	progress   *progressView // View → Progress…
}

// New builds the main window of the project in cfg, with Tawsim's theme on a. It reads the
// schema, the number of documents and the first page of the list; Start opens a document.
// The window owns cfg.Store from now on.
func New(a fyne.App, cfg Config) (*Window, error) { return newWindow(a, cfg, nil) }

// newWindow is New. With uiCalls set, what the window's background work runs on the UI
// goroutine goes to wait instead, and w.q.Wait runs it (see work.New): tests.
func newWindow(a fyne.App, cfg Config, uiCalls chan func()) (*Window, error) {
	// the theme first: a text measured before it (Fyne keeps its measures) would keep the
	// line height of Fyne's own font
	a.Settings().SetTheme(newTheme(cfg.Prefs.Theme))
	w := &Window{app: a, cfg: cfg, q: work.New(uiCalls)}
	w.jobs, w.stop = context.WithCancel(context.Background())
	w.list = doclist.New(w.q)
	p, err := w.readProject(context.Background(), cfg.Store, cfg.Annotator)
	if err != nil {
		w.q.Stop()
		return nil, err
	}
	w.build()
	w.adopt(cfg.Store, cfg.Path, p)
	if uiCalls == nil {
		go w.watchLoop() // tests poll when they mean to
	}
	return w, nil
}

// build makes the window, then its panels.
func (w *Window) build() {
	w.win = w.app.NewWindow(lang.X("window.name", "Tawsim"))
	w.dialogs, w.settings, w.team = &dialogStack{win: w.win}, &settings{w: w}, &team{w: w}
	w.buildPanels()
	w.win.Resize(fyne.NewSize(1280, 800))
}

// buildPanels makes the panels in the window's language, wires them, and lays the window out
// in its direction.
func (w *Window) buildPanels() {
	w.status = statusbar.New(w.q.UI)
	w.ed = newEditor(w)
	w.imports, w.exports, w.merges = &importDialog{w: w}, &exportDialog{w: w}, &mergeDialog{w: w}
	w.view = newDocView(w.ed.doneNext, w.ed.skip, w.ed.askFlag)
	w.view.article.OnSelect = func(sel article.Selection) { w.ed.onSelectWords(sel); w.review.selected() }
	w.view.article.OnSuggestionHover = w.ed.hoverSuggestion
	w.sugPanel, w.suggests = suggestpanel.New(), &suggestRuns{w: w}
	w.sugPanel.OnShow = w.suggests.show
	w.sugPanel.OnAcceptAll = w.dialogs.unless(w.ed.acceptAllSuggestions)
	w.view.article.OnSpanTapped = func(sp labels.Span) { w.ed.onSpanTapped(sp); w.review.selected() }
	w.review = newReviewMode(w)
	w.view.article.OnLaneTapped = w.review.laneTapped
	w.view.article.OnRune = w.onRune
	w.view.article.OnKey = w.onKey

	w.palette = palette.New()
	w.palette.OnLabel = w.ed.applyLabel
	w.palette.OnFindClosed = w.focusArticle
	w.stance = stancepanel.New()
	w.stance.OnChoose = func(i int, l labels.Label) {
		w.ed.chooseStance(i, l)
		w.focusArticle()
	}
	w.stance.OnSelectEvidence = w.ed.selectEvidence
	w.stance.OnRemoveEvidence = w.ed.removeEvidence
	w.stance.OnTargets = w.dialogs.unless(w.showTargets)

	w.list.OnOpen = w.ed.load
	w.list.OnKey, w.list.OnRune = w.onKey, w.onRune
	w.list.Open = func() (string, int64) { return w.ed.doc.ID, w.ed.doc.Order }
	w.list.OnChanged = func() {
		w.showEmpty()
		w.find.count() // the hits while a search shows
	}
	w.list.OnTotal = func(total int) {
		w.status.SetProject(w.cfg.Path, total)
		w.find.catchUp()
	}
	w.list.OnError = w.showError
	w.list.OnWarn = func(s string) { w.status.Warn("%s", s) }
	w.list.OnSources = w.suggests.changed

	text := container.NewBorder(container.NewVBox(w.view.header, w.sugPanel.Object(), w.view.rule), nil, nil, nil, w.view.body)
	// the article keeps room for a line of a dozen words when the window is narrow
	floor := canvas.NewRectangle(color.Transparent)
	floor.SetMinSize(fyne.NewSize(articleMinWidth, 0))
	// Review mode's panel shares the stance panel's column, above it: each scrolls, so that
	// the column fits a small screen whatever the number of annotators
	stance := container.NewVSplit(w.review.box, w.stance.Object())
	w.find, w.progress = newFinder(w), &progressView{w: w}
	list := container.NewBorder(w.search.Object(), nil, nil, nil, w.list.Object())
	w.panes = newPanes(list, container.NewStack(floor, text), stance)
	w.panes.setHidden(w.cfg.Prefs.HideList, w.cfg.Prefs.HideStance)
	w.settings.applyText()
	// the palette across the window: Wojood's 21 labels take two rows of a window 1024 wide
	top := container.NewVBox(container.NewPadded(w.palette.Object()), widget.NewSeparator())
	w.win.SetContent(container.NewBorder(top, w.status.Object(), nil, nil, w.panes))
	w.win.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) { w.onKey(ev) })
	w.win.Canvas().SetOnTypedRune(w.onRune)
	w.addShortcuts()
}

// Window returns the Fyne window.
func (w *Window) Window() fyne.Window { return w.win }

// Annotator returns the name the window writes annotations under ("" until it is known).
func (w *Window) Annotator() string { return w.cfg.Annotator }

// Start opens the first document the annotator has not finished (the first one in progress
// or to do, else the first document), and asks for the annotator's name when there is none yet.
func (w *Window) Start() {
	if w.list.Len() > 0 {
		w.list.Resume()
	}
	if w.cfg.Annotator == "" {
		w.askName(true)
	}
}

// Close stops the window's background work, waits for the writes in flight and closes the
// project. Call it once the window is gone (after ShowAndRun returns).
func (w *Window) Close() error {
	if w.closing {
		return nil
	}
	w.closing = true
	w.stop()
	w.q.Stop()
	return w.cfg.Store.Close()
}

// updateTitle names the project and the annotator in the window title:
// "Tawsim — news.tawsim — amal".
func (w *Window) updateTitle() {
	t := lang.X("window.name", "Tawsim") + " — " + open.Title(w.cfg.Path)
	if w.cfg.Annotator != "" {
		t += " — " + w.cfg.Annotator
	}
	w.win.SetTitle(t)
}

// showEmpty shows, in place of the article, what to do when the list is empty.
func (w *Window) showEmpty() { w.view.showEmpty(w.list.Empty()) }

// showError reports an error the annotator has to act on in a dialog.
func (w *Window) showError(err error) {
	text := err.Error()
	if r, size := utf8.DecodeRuneInString(text); r != utf8.RuneError {
		text = string(unicode.ToUpper(r)) + text[size:]
	}
	w.dialogs.show(w.dialogs.message(lang.X("Error", "Error"), text))
}

// focusArticle gives the keyboard focus back to the article after a click elsewhere, so that
// its keys (the arrows, Escape) work at once.
func (w *Window) focusArticle() {
	if !w.dialogs.covers() && w.ed.doc.ID != "" {
		w.win.Canvas().Focus(w.view.article)
	}
}

// save runs a write in the queue, in order with the others, showing "Saving…" until it is
// committed. work returns what to show of what it wrote (run on the UI goroutine, also when
// a later step failed), and the error that stopped it; its store writes go through retried,
// so that a busy project delays them and never fails them. On an error, failed (when not
// nil) takes back what the window showed before the write, and refused explains a refusal
// the annotator can act on; other errors go to a dialog.
func (w *Window) save(work func(ctx context.Context) (func(), error), failed func(), refused func(error) bool) {
	w.status.Sent()
	w.q.Do(func(ctx context.Context) func() {
		apply, err := work(ctx)
		return func() {
			w.status.Answered(err == nil)
			if apply != nil {
				apply()
			}
			if err != nil && failed != nil {
				failed()
			}
			if err != nil && (refused == nil || !refused(err)) {
				w.showError(fmt.Errorf("%w\n\n%s", err, lang.X("err.not_saved", "Nothing was changed. Check that the project file is on a disk with free space that you can write to, then try again")))
			}
			w.status.ShowSaved()
		}
	})
}

// reloadSchema reads the schema again and shows it (another program changed it).
func (w *Window) reloadSchema() {
	readThen(w, lang.X("err.schema", "read the label schema"), w.cfg.Store.Schema, w.setSchema)
}

// readThen runs read in the queue, then show with what it read on the UI goroutine; when the
// read fails, a dialog says what could not be done (what: "read the label schema").
func readThen[T any](w *Window, what string, read func(context.Context) (T, error), show func(T)) {
	w.q.Do(func(ctx context.Context) func() {
		v, err := read(ctx)
		return func() {
			if err != nil {
				w.showError(fmt.Errorf("%s: %w", what, err))
				return
			}
			show(v)
		}
	})
}
