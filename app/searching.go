package app

import (
	"context"
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"

	"github.com/tawsim/tawsim/app/msg"
	"github.com/tawsim/tawsim/app/search"
	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// The keys of the search, in the Edit menu: Ctrl+F to the box, Ctrl+G (or F3) to the next hit
// in the document, Ctrl+Shift+G to the previous one. Shift+F3 cannot be told from F3: Fyne
// makes no shortcut of Shift and a key, and the key event names no modifier.
var (
	shortcutSearch   = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutNextHit  = &desktop.CustomShortcut{KeyName: fyne.KeyG, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutPrevHit  = &desktop.CustomShortcut{KeyName: fyne.KeyG, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	errSearchProject = errors.New("another project is open")
)

// buildSearch makes the search box above the document list and wires it to the list, the
// article and the project.
func (w *Window) buildSearch() {
	w.search = search.New(w.q)
	w.search.Search = w.runSearch
	w.search.OnClear = func() {
		w.list.ClearSearch(nil)
		w.markHits()
	}
	w.search.OnEnter = func() {
		if !w.list.Move(1) && w.ed.doc.ID != "" {
			w.focusArticle() // the first hit is open already
		}
	}
	w.search.OnDone = w.focusArticle
	w.search.OnError = w.showError
}

// runSearch reads the first page of the hits of q, off the UI goroutine, and returns what
// shows them: the list of the hits, their number, the hits in the document open.
func (w *Window) runSearch(ctx context.Context, q store.Query) (func(), error) {
	st := w.watched.Load()
	p := w.list.NewSearchPager(func(ctx context.Context, after int64, limit int) ([]labels.Summary, error) {
		q := q
		q.Limit = limit
		hits, err := st.Search(ctx, q, after)
		out := make([]labels.Summary, len(hits))
		for i, h := range hits {
			out[i] = h.Summary
		}
		return out, err
	})
	if _, err := p.Fetch(ctx, 0); err != nil {
		return nil, err
	}
	return func() {
		if st != w.cfg.Store {
			w.search.OnError(errSearchProject)
			return
		}
		w.list.ShowSearch(p)
		w.searchCount()
		w.markHits()
	}, nil
}

// listChanged follows a change of the list's length: the empty message, and the number of
// hits while a search shows.
func (w *Window) listChanged() {
	w.showEmpty()
	w.searchCount()
}

// searchCount says how many documents the search shown found, as far as they are read.
func (w *Window) searchCount() {
	if w.list.Searching() {
		n, ended := w.list.Pager().Known()
		w.search.ShowCount(n, !ended)
	}
}

// focusSearch puts the keyboard focus in the search box.
func (w *Window) focusSearch() {
	if !w.dialogs.covers() {
		w.win.Canvas().Focus(w.search.Field())
	}
}

// markHits marks the words of the search in the document open, the first one current and
// scrolled to, or nothing when no words are searched for.
func (w *Window) markHits() {
	a := w.view.article
	var hits []labels.Offsets
	if w.search.Active() && w.ed.doc.ID != "" {
		for _, m := range w.search.Phrase().Find(w.ed.doc.Text) {
			hits = append(hits, labels.Offsets{Start: m.Start, End: m.End})
		}
	}
	if len(hits) == 0 {
		a.SetHits(nil, -1)
		return
	}
	a.SetHits(hits, 0)
	w.view.scrollToRange(hits[0].Start, hits[0].End)
}

// moveHit makes the hit d places after (before, when negative) the current one current,
// going round, scrolls to it and says which it is. It reports whether there were hits.
func (w *Window) moveHit(d int) bool {
	a := w.view.article
	hits, cur := a.Hits()
	if len(hits) == 0 {
		return false
	}
	cur = ((cur+d)%len(hits) + len(hits)) % len(hits)
	a.SetHits(hits, cur)
	w.view.scrollToRange(hits[cur].Start, hits[cur].End)
	w.status.Say(lang.L("Hit %d of %d in this document"), cur+1, len(hits))
	return true
}

// searchItems returns the Edit menu's items of the search; item makes a menu item.
func (w *Window) searchItems(item func(string, fyne.Shortcut, func()) *fyne.MenuItem) []*fyne.MenuItem {
	return []*fyne.MenuItem{
		item(lang.L("Search the documents"), shortcutSearch, w.focusSearch),
		item(lang.L("Next hit in the document"), shortcutNextHit, func() { w.moveHit(1) }),
		item(lang.L("Previous hit in the document"), shortcutPrevHit, func() { w.moveHit(-1) }),
	}
}

// catchUpSearch adds to the search index, in the background, the documents of the project it
// lacks (those imported since it was last brought up to date), saying how far it has gone in
// the status bar. Searches meanwhile read those documents' texts. A project that cannot be
// written is searched from its texts alone.
func (w *Window) catchUpSearch() {
	st := w.cfg.Store
	if w.indexing == st {
		return // running
	}
	if w.stopIndex != nil {
		w.stopIndex() // another project's
	}
	w.indexing = st
	ctx, stop := context.WithCancel(w.jobs)
	w.stopIndex = stop
	w.q.Go(func() {
		behind, err := st.SearchBehind(ctx)
		if err == nil && behind > 0 {
			err = st.IndexSearch(ctx, func(done, total int) {
				w.q.UI(func() {
					if st == w.cfg.Store {
						w.status.SetTask(fmt.Sprintf(lang.L("Indexing for search: %s of %s documents"), msg.Thousands(done), msg.Thousands(total)))
					}
				})
			})
		}
		w.q.UI(func() {
			if w.indexing == st {
				w.indexing = nil
			}
			if st != w.cfg.Store {
				return
			}
			w.status.SetTask("")
			if err != nil && !errors.Is(err, store.ErrReadOnly) && !errors.Is(err, context.Canceled) {
				w.status.Warn(lang.L("The search index could not be brought up to date (%v); searches read the newest documents' texts"), err)
			}
		})
	})
}
