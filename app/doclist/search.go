package doclist

import (
	"fyne.io/fyne/v2/lang"

	"github.com/tawsim/tawsim/app/msg"
)

// The list shows the hits of a search in place of the documents (ShowSearch), read a page at
// a time as the annotator scrolls down, until the search is cleared (ClearSearch), when it
// shows the documents of its status again, as they were sorted, the document open selected
// there. While a search shows, the status and sort choices wait: the search has its own
// filters, and lists its hits in import order.

// NewSearchPager returns a pager over the hits that search reads, whose pages refresh the
// list as they arrive; the list's length follows what they hold. It may be called off the UI
// goroutine.
func (l *List) NewSearchPager(search SearchFunc) *Pager {
	var p *Pager
	p = NewSearchPager(search, func(err error) {
		l.run.UI(func() {
			if p != l.docs {
				return
			}
			if err != nil {
				l.warn("%s", lang.X("search.read_failed", "Could not read the search's results: {{.Error}}", msg.M{"Error": err.Error()}))
				return
			}
			l.grown()
		})
	})
	p.Go = l.run.Go
	return p
}

// ShowSearch shows the hits that p (from NewSearchPager, its first page read) lists in place of
// the documents, the document open selected when the first page holds it.
func (l *List) ShowSearch(p *Pager) {
	l.docs = p
	l.enableChoices()
	l.count, _ = p.Known()
	l.Rows.UnselectAll()
	l.Rows.Refresh()
	l.Rows.ScrollToTop()
	l.current, l.inList = -1, false
	if l.Open != nil {
		if id, _ := l.Open(); id != "" {
			p.mu.Lock()
			at := p.indexOfID(id)
			p.mu.Unlock()
			if at >= 0 {
				l.Place(at, true)
			}
		}
	}
	l.changed()
}

// ClearSearch shows the documents again, as the status choice lists them, with the document
// open selected when the list holds it (another document is not opened). then, when not nil,
// runs once the list is shown.
func (l *List) ClearSearch(then func()) {
	if !l.Searching() {
		if then != nil {
			then()
		}
		return
	}
	l.setFilter(l.filter, true, func() {
		l.enableChoices()
		if then != nil {
			then()
		}
	})
}

// enableChoices lets the annotator choose a status when the list is in import order and no
// search shows, and choose the order when no search shows.
func (l *List) enableChoices() {
	if l.Searching() {
		l.Choice.Disable()
		l.Sort.Disable()
		return
	}
	l.Sort.Enable()
	if l.byScore {
		l.Choice.Disable()
	} else {
		l.Choice.Enable()
	}
}

// Searching reports whether the list shows the hits of a search.
func (l *List) Searching() bool { return l.docs != nil && l.docs.search != nil }

// grown shows the hits a page of the search added, and asks for the next page when the list's
// last row is on screen.
func (l *List) grown() {
	n, _ := l.docs.Known()
	if n != l.count {
		l.count = n
		l.changed()
	}
	l.Rows.Refresh()
}

// more starts reading the next page of a search when row i, the last one read, is shown.
func (l *List) more(i int) {
	if n, ended := l.docs.Known(); l.Searching() && !ended && i == n-1 {
		l.docs.Cached(n)
	}
}
