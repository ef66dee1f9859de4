package app

import (
	"context"
	"fmt"

	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// filterAll is the filter option that lists every document.
const filterAll = "All"

// filterOptions are the choices of the status filter: All, then each status.
func filterOptions() []string {
	opts := []string{filterAll}
	for _, s := range labels.Statuses {
		opts = append(opts, statusText(s))
	}
	return opts
}

// filterStatus returns the status a filter option lists ("" for All).
func filterStatus(opt string) labels.Status {
	for _, s := range labels.Statuses {
		if statusText(s) == opt {
			return s
		}
	}
	return ""
}

// newPager returns a pager over the documents of st with the given status for annotator,
// whose pages refresh the list as they arrive.
func (w *Window) newPager(st *store.Store, annotator string, status labels.Status) *pager {
	var p *pager
	p = newPager(st, annotator, status, func(err error) {
		w.ui(func() {
			if p != w.docs {
				return
			}
			if err != nil {
				w.warn("Could not read the document list: %v", err)
				return
			}
			w.list.Refresh()
		})
	})
	p.bg = &w.bg
	return p
}

// onFilter lists the documents of the status chosen above the list. The document open stays
// open when the new list holds it; otherwise the first document of the list opens.
func (w *Window) onFilter(opt string) {
	status := filterStatus(opt)
	if w.docs == nil || (status == w.filter && w.docs.status == status) {
		return
	}
	w.setList(status, nil)
}

// setList reads the list of the documents of status (all for "") for the annotator, and shows
// it with the document open selected in it. then, when not nil, runs once it is shown.
func (w *Window) setList(status labels.Status, then func()) {
	st, name := w.cfg.Store, w.cfg.Annotator
	docs := w.newPager(st, name, status)
	id, order := w.doc.ID, w.doc.Order
	w.do(func(ctx context.Context) func() {
		n, err := listLength(ctx, st, name, status)
		at, in := -1, false
		if err == nil && id != "" {
			at, in, err = docs.indexOf(ctx, order)
		}
		if err == nil && n > 0 {
			_, err = docs.fetch(ctx, max(0, min(at, n-1))/pageSize)
		}
		return func() {
			if err != nil {
				w.showError(fmt.Errorf("list the documents: %w", err))
				return
			}
			w.docs, w.count, w.filter = docs, n, status
			if w.filterSel.Selected != filterOption(status) {
				w.filterSel.SetSelected(filterOption(status))
			}
			w.list.UnselectAll()
			w.list.Refresh()
			w.showEmpty()
			switch {
			case in:
				w.place(at, true)
			case n > 0:
				w.current, w.inList = -1, false
				w.list.ScrollToTop()
				w.list.Select(0)
			default:
				w.current, w.inList = max(at, 0), false
			}
			if then != nil {
				then()
			}
		}
	})
}

// filterOption is the filter option that lists status.
func filterOption(status labels.Status) string {
	if status == "" {
		return filterAll
	}
	return statusText(status)
}

// listLength counts the documents of status for annotator (all documents for "").
func listLength(ctx context.Context, st *store.Store, annotator string, status labels.Status) (int, error) {
	if status == "" {
		return st.CountDocuments(ctx)
	}
	s, err := st.Stats(ctx, annotator)
	if err != nil {
		return 0, err
	}
	return s.Status[status], nil
}
