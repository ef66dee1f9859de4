// Package doclist is the document list at the start of the window (the right, in Arabic): a row per document of the
// project (its number, title and status), the status filter above it, and the corpus's
// progress. It pages through the project without holding the corpus (Pager), follows the
// statuses the annotator gives, and moves from document to document. It owns its widgets and
// its state; the window gives it the project and learns through its callbacks which
// document to open.
package doclist

import (
	"context"
	"fmt"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/mirror"
	"github.com/tawsim/tawsim/app/msg"
	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// Runner runs the list's store work in order with the window's other work, and brings what
// it shows back to the UI goroutine (the window's *work.Queue).
type Runner interface {
	Do(work func(ctx context.Context) func())
	UI(fn func())
	Go(fn func())
	Generation() uint64
}

// List is the document list.
type List struct {
	// OnOpen is called when item i of the list is selected: the window opens it.
	OnOpen func(i int)
	// OnKey and OnRune get the keys typed while the list has the focus (OnKey reports
	// whether it used the key; the list handles the others).
	OnKey  func(*fyne.KeyEvent) bool
	OnRune func(rune)
	// Open returns the document open (its id and import order), "" when there is none.
	Open func() (id string, order int64)
	// OnChanged is called when the list's length changed: Empty may say something else.
	OnChanged func()
	// OnTotal is called with the number of documents in the project when it is counted.
	OnTotal func(total int)
	// OnError is called with an error the annotator has to act on, OnWarn with a problem to
	// tell.
	OnError func(error)
	OnWarn  func(string)
	// OnSources is called with the sources of the project's suggestions when what they
	// suggest changes (none when it holds no suggestion).
	OnSources func(sources []string)

	Rows     *Rows               // the rows
	Choice   *widget.Select      // the status filter
	Sort     *widget.Select      // the order: import, or the lowest score first
	sortRow  fyne.CanvasObject   // what lays Sort out (mirror.SelectRow)
	Progress *widget.ProgressBar // the annotator's documents done
	counts   mirror.Texter       // the other statuses
	progress mirror.Texter       // the words of the progress bar, in a right-to-left window
	object   fyne.CanvasObject

	run       Runner
	st        store.Project
	annotator string
	docs      *Pager
	count     int           // documents in the list
	total     int           // documents in the project
	done      int           // documents the annotator has done
	filter    labels.Status // the status listed; "" for all
	current   int           // the document open's index in the list, or where it would be when !inList; -1 before any
	inList    bool
	silent    bool // a selection that must not open the document: it is open already
	// the order (sort.go): by the lowest score of scoreSource's suggestions ("" for any)
	byScore     bool
	scoreSource string
	sources     []string // the sources of the project's suggestions
	suggested   int      // how many suggestions the project holds
	stats       statsRefresher
}

// New returns an empty list whose store work run runs.
func New(run Runner) *List {
	l := &List{run: run, current: -1}
	l.Rows = newRows(func() int { return l.count }, l.updateItem)
	l.Rows.OnSelected = l.onSelected
	l.Rows.onKey = func(ev *fyne.KeyEvent) bool { return l.OnKey != nil && l.OnKey(ev) }
	l.Rows.onRune = func(r rune) {
		if l.OnRune != nil {
			l.OnRune(r)
		}
	}
	l.object = container.NewBorder(l.header(), nil, nil, nil, l.Rows)
	return l
}

// Object returns what the window lays out.
func (l *List) Object() fyne.CanvasObject { return l.object }

// NewPager returns a pager over the documents of st with status (all for "") for annotator,
// whose pages refresh the list as they arrive. It may be called off the UI goroutine.
func (l *List) NewPager(st store.Project, annotator string, status labels.Status) *Pager {
	var p *Pager
	p = NewPager(st, annotator, status, func(err error) { l.pageLoaded(p, err) })
	p.Go = l.run.Go
	return p
}

// pageLoaded shows a page of p that arrived, when p is still the list's.
func (l *List) pageLoaded(p *Pager, err error) {
	l.run.UI(func() {
		if p != l.docs {
			return
		}
		if err != nil {
			l.warn("%s", lang.X("list.read_failed", "Could not read the document list: {{.Err}}", msg.M{"Err": err}))
			return
		}
		l.Rows.Refresh()
	})
}

// SetProject shows the documents of st, total of them, for annotator: docs (from NewPager)
// lists them all.
func (l *List) SetProject(st store.Project, annotator string, docs *Pager, total int) {
	l.st, l.annotator = st, annotator
	l.total, l.count, l.docs, l.filter = total, total, docs, ""
	l.current, l.inList = -1, false
	l.byScore, l.scoreSource, l.sources, l.suggested = false, "", nil, 0
	l.Sort.SetSelected(sortOption(false, ""))
	l.showSort(false)
	l.enableChoices()
	l.Choice.SetSelected(filterAll())
	l.Rows.UnselectAll()
	l.Rows.Refresh()
	l.RefreshStats()
}

// Len returns the number of documents in the list.
func (l *List) Len() int { return l.count }

// Total returns the number of documents in the project.
func (l *List) Total() int { return l.total }

// Filter returns the status listed, "" for every document.
func (l *List) Filter() labels.Status { return l.filter }

// Current returns where in the list the document open is, and whether the list holds it (when
// it does not, the index is where it would be); -1 before any document was open.
func (l *List) Current() (int, bool) { return l.current, l.inList }

// Pager returns the pages of the list.
func (l *List) Pager() *Pager { return l.docs }

// Empty says what to do when the list shows no document, "" when it shows some.
func (l *List) Empty() string {
	switch {
	case l.total == 0:
		return lang.X("list.empty", "This project has no documents yet.\nImport a corpus with File → Import… (Ctrl+I).")
	case l.count == 0 && l.Searching():
		return lang.X("list.none_found", "No document matches the search.\nPress Escape in the search box to see every document again.")
	case l.count == 0 && l.byScore:
		return lang.X("list.none_scored", "No document has suggestions of that source.\nChoose “{{.Order}}” above the list to see every document.",
			msg.M{"Order": sortOption(false, "")})
	case l.count == 0:
		return lang.X("list.none", "No document is {{.Status}}.\nChoose “{{.All}}” above the list to see every document.",
			msg.M{"Status": StatusText(l.filter), "All": filterAll()})
	}
	return ""
}

// updateItem fills row o with document i of the list, or marks it loading.
func (l *List) updateItem(i widget.ListItemID, o fyne.CanvasObject) {
	s, ok := l.docs.Cached(i)
	o.(*Row).set(s, ok)
	l.more(i)
}

// onSelected opens the document selected in the list.
func (l *List) onSelected(i widget.ListItemID) {
	if l.silent || (i == l.current && l.inList) {
		return
	}
	l.current, l.inList = i, true
	if l.OnOpen != nil {
		l.OnOpen(i)
	}
}

// Move opens the document d places after (before, when negative) the one open, and reports
// whether there was one.
func (l *List) Move(d int) bool {
	if l.count == 0 {
		return false
	}
	var i int
	switch {
	case l.current < 0:
		i = 0
	case l.inList:
		i = l.current + d
	case d > 0:
		i = l.current + d - 1 // the document after the one open sits where it would be
	default:
		i = l.current + d
	}
	if i < 0 || i >= l.count || l.inList && i == l.current {
		return false
	}
	l.Rows.Select(i)
	return true
}

// Place records where in the list the document open sits, selecting it there, or showing
// where it would be when the list does not hold it.
func (l *List) Place(at int, in bool) {
	l.current, l.inList = at, in
	if in {
		l.silent = true // the document is open already
		defer func() { l.silent = false }()
		l.Rows.Select(at)
		return
	}
	l.Rows.UnselectAll()
	if at < l.count {
		l.Rows.ScrollTo(at)
	}
}

// Resume opens the first document in progress or to do for the annotator, or the first one.
func (l *List) Resume() {
	st, name, docs := l.st, l.annotator, l.docs
	l.run.Do(func(ctx context.Context) func() {
		var first int64
		for _, s := range []labels.Status{labels.StatusInProgress, labels.StatusTodo} {
			page, err := st.Documents(ctx, store.Page{Limit: 1, Status: s, Annotator: name})
			if err == nil && len(page) > 0 && (first == 0 || page[0].Order < first) {
				first = page[0].Order
			}
		}
		at := 0
		if first > 0 {
			if i, in, err := docs.IndexOf(ctx, first); err == nil && in {
				at = i
			}
		}
		return func() {
			if docs == l.docs && l.current < 0 && at < l.count {
				l.Rows.Select(at)
			}
		}
	})
}

// warn tells a problem through OnWarn.
func (l *List) warn(format string, args ...any) {
	if l.OnWarn != nil {
		l.OnWarn(fmt.Sprintf(format, args...))
	}
}

// changed tells OnChanged that the list's length changed.
func (l *List) changed() {
	if l.OnChanged != nil {
		l.OnChanged()
	}
}

// ProjectChanged shows counts s read after another program changed the project. When the
// list's length changed by the documents added (which come at its end), the list grows in
// place; when it changed otherwise (another window of the annotator's moved a document in or
// out of it) it is read again, with the document open kept selected.
func (l *List) ProjectChanged(s store.Stats) {
	if l.byScore { // the list follows the suggestions (showSources), not the documents added
		l.ShowStats(s, nil)
		return
	}
	n := s.Documents
	if l.filter != "" {
		n = s.Status[l.filter]
	}
	added := s.Documents - l.total
	grown := n - l.count
	l.ShowStats(s, nil)
	switch {
	case grown == 0 || l.Searching(): // the search shows what it found; clearing it reads the list again
	case grown > 0 && (l.filter == "" || (l.filter == labels.StatusTodo && grown <= added)):
		l.count = n
		l.docs.InvalidateFrom(math.MaxInt64) // the last page, which was short
		l.Rows.Refresh()
		l.changed()
		if l.current < 0 {
			l.Resume()
		}
	default:
		l.SetFilter(l.filter, nil)
	}
}
