package doclist

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2/lang"

	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// onFilter lists the documents of the status chosen above the list. The document open stays
// open when the new list holds it; otherwise the first document of the list opens.
func (l *List) onFilter(opt string) {
	status := ParseStatus(opt)
	if l.docs == nil || (status == l.filter && l.docs.status == status) {
		return
	}
	l.SetFilter(status, nil)
}

// SetFilter reads the list of the documents of status (all for "") for the annotator, and
// shows it with the document open selected in it (when it does not hold it, the list's first
// document opens). then, when not nil, runs once it is shown. While a search shows, the list
// keeps it, and shows status once the search is cleared.
func (l *List) SetFilter(status labels.Status, then func()) {
	if l.Searching() {
		l.filter = status
		if then != nil {
			then()
		}
		return
	}
	l.setFilter(status, false, then)
}

// setFilter is SetFilter; with keep set, the document open stays open when the list does not
// hold it, rather than the first one opening. The list is read as it is sorted (pagerFor).
func (l *List) setFilter(status labels.Status, keep bool, then func()) {
	st, name, before, byScore, source := l.st, l.annotator, l.docs, l.byScore, l.scoreSource
	docs := l.pagerFor(status)
	var id string
	var order int64
	if l.Open != nil {
		id, order = l.Open()
	}
	l.run.Do(func(ctx context.Context) func() {
		n, err := l.lengthOf(ctx, st, name, status, byScore, source)
		at, in := -1, false
		if err == nil && id != "" {
			at, in, err = docs.IndexOf(ctx, order)
		}
		if err == nil && n > 0 {
			_, err = docs.Fetch(ctx, max(0, min(at, n-1))/PageSize)
		}
		return func() {
			if l.docs != before && l.Searching() {
				return // a search shows since
			}
			if err != nil {
				if l.OnError != nil {
					l.OnError(fmt.Errorf("%s: %w", lang.X("list.list_failed", "list the documents"), err))
				}
				return
			}
			if byScore != l.byScore || source != l.scoreSource {
				return // sorted otherwise since: that list is being read
			}
			l.docs, l.count, l.filter = docs, n, status
			if l.Choice.Selected != filterOption(status) {
				l.Choice.SetSelected(filterOption(status))
			}
			l.Rows.UnselectAll()
			l.Rows.Refresh()
			l.changed()
			switch {
			case in:
				l.Place(at, true)
			case keep && id != "":
				l.Place(at, false)
			case n > 0:
				l.current, l.inList = -1, false
				l.Rows.ScrollToTop()
				l.Rows.Select(0)
			default:
				l.current, l.inList = max(at, 0), false
			}
			if then != nil {
				then()
			}
		}
	})
}

// SetAnnotator lists the statuses and progress of annotator from now on. then, when not nil,
// runs once the list is read again.
func (l *List) SetAnnotator(annotator string, then func()) {
	l.annotator = annotator
	l.RefreshStats()
	l.SetFilter(l.filter, then)
}

// Reload shows a project of total documents after an import: its progress, and the list read
// again.
func (l *List) Reload(total int) {
	l.total = total
	if l.OnTotal != nil {
		l.OnTotal(total)
	}
	l.RefreshStats()
	l.SetFilter(l.filter, nil)
}

// listLength counts the documents of status for annotator (all documents for "").
func listLength(ctx context.Context, st store.Project, annotator string, status labels.Status) (int, error) {
	if status == "" {
		return st.CountDocuments(ctx)
	}
	s, err := st.Stats(ctx, annotator)
	if err != nil {
		return 0, err
	}
	return s.Status[status], nil
}

// StatusChanged updates the list after the status of document id (import order) went from
// old to now. In a list filtered by status the document may come or go: the pages from it on
// are read again, and the document open is found again in the list. then, when not nil, runs
// once the list is in order.
func (l *List) StatusChanged(id string, order int64, old, now labels.Status, then func()) {
	l.RefreshStats()
	in, was := l.shows(now), l.shows(old)
	if in == was || l.Searching() { // a hit stays in the search's list
		if i := l.docs.SetStatus(id, now); i >= 0 {
			l.Rows.RefreshItem(i)
		}
		if then != nil {
			then()
		}
		return
	}
	if in {
		l.count++
	} else {
		l.count--
	}
	l.docs.InvalidateFrom(order)
	l.Rows.Refresh()
	l.changed()
	l.relocate(then)
}

// shows reports whether a document of status s belongs in the list.
func (l *List) shows(s labels.Status) bool {
	if s == "" {
		s = labels.StatusTodo
	}
	return l.filter == "" || s == l.filter
}

// relocate finds the document open in the list again, after the list changed, and then runs
// then (when not nil).
func (l *List) relocate(then func()) {
	var id string
	var order int64
	if l.Open != nil {
		id, order = l.Open()
	}
	if id == "" {
		if then != nil {
			then()
		}
		return
	}
	docs := l.docs
	l.run.Do(func(ctx context.Context) func() {
		at, in, err := docs.IndexOf(ctx, order)
		return func() {
			if err != nil {
				if l.OnError != nil {
					l.OnError(err)
				}
				return
			}
			if cur, _ := l.Open(); docs == l.docs && id == cur {
				l.Place(at, in)
			}
			if then != nil {
				then()
			}
		}
	})
}
