package app

import (
	"context"
	"errors"

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
	shortcutSearch  = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutNextHit = &desktop.CustomShortcut{KeyName: fyne.KeyG, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutPrevHit = &desktop.CustomShortcut{KeyName: fyne.KeyG, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
)

// finder is the window's search: the box above the document list (Window.search), the hits
// in the list and in the article, and the search index brought up to date in the background.
type finder struct {
	w          *Window
	annotators []string           // those who had worked on the project when it was opened, for the filters
	indexing   store.Project      // the project whose search index catchUp brings up to date
	stopIndex  context.CancelFunc // stops it
}

// newFinder makes the search box above the document list and wires it to the list, the
// article and the project.
func newFinder(w *Window) *finder {
	f := &finder{w: w}
	w.search = search.New(w.q)
	w.search.Search = f.run
	w.search.OnClear = func() {
		w.list.ClearSearch(nil)
		f.markHits()
	}
	w.search.OnEnter = func() {
		if !w.list.Move(1) && w.ed.doc.ID != "" {
			w.focusArticle() // the first hit is open already
		}
	}
	w.search.OnDone = w.focusArticle
	w.search.OnError = w.showError
	return f
}

// run reads the first page of the hits of q, off the UI goroutine, and returns what shows
// them: the list of the hits, their number, the hits in the document open.
func (f *finder) run(ctx context.Context, q store.Query) (func(), error) {
	w := f.w
	st := *w.watched.Load()
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
			w.search.OnError(errors.New(lang.X("search.other_project", "another project is open")))
			return
		}
		w.list.ShowSearch(p)
		f.count()
		f.markHits()
	}, nil
}

// count says how many documents the search shown found, as far as they are read.
func (f *finder) count() {
	w := f.w
	if w.list.Searching() {
		n, ended := w.list.Pager().Known()
		w.search.ShowCount(n, !ended)
	}
}

// focus puts the keyboard focus in the search box.
func (f *finder) focus() {
	w := f.w
	if !w.dialogs.covers() {
		w.win.Canvas().Focus(w.search.Field())
	}
}

// markHits marks the words of the search in the document open, the first one current and
// scrolled to, or nothing when no words are searched for.
func (f *finder) markHits() {
	w := f.w
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
func (f *finder) moveHit(d int) bool {
	w := f.w
	a := w.view.article
	hits, cur := a.Hits()
	if len(hits) == 0 {
		return false
	}
	cur = ((cur+d)%len(hits) + len(hits)) % len(hits)
	a.SetHits(hits, cur)
	w.view.scrollToRange(hits[cur].Start, hits[cur].End)
	w.status.Say("%s", lang.X("search.hit", "Hit {{.N}} of {{.Total}} in this document",
		msg.M{"N": msg.Thousands(cur + 1), "Total": msg.Thousands(len(hits))}))
	return true
}

// items returns the Edit menu's items of the search; item makes a menu item.
func (f *finder) items(item func(string, fyne.Shortcut, func()) *fyne.MenuItem) []*fyne.MenuItem {
	return []*fyne.MenuItem{
		item(lang.X("menu.search", "Search the documents"), shortcutSearch, f.focus),
		item(lang.X("menu.next_hit", "Next hit in the document"), shortcutNextHit, func() { f.moveHit(1) }),
		item(lang.X("menu.previous_hit", "Previous hit in the document"), shortcutPrevHit, func() { f.moveHit(-1) }),
	}
}

// catchUp adds to the search index, in the background, the documents of the project it
// lacks (those imported since it was last brought up to date), saying how far it has gone in
// the status bar. Searches meanwhile read those documents' texts. A project that cannot be
// written is searched from its texts alone.
func (f *finder) catchUp() {
	w := f.w
	st := w.cfg.Store
	if f.indexing == st {
		return // running
	}
	if f.stopIndex != nil {
		f.stopIndex() // another project's
	}
	f.indexing = st
	ctx, stop := context.WithCancel(w.jobs)
	f.stopIndex = stop
	w.q.Go(func() {
		behind, err := st.SearchBehind(ctx)
		if err == nil && behind > 0 {
			err = st.IndexSearch(ctx, func(done, total int) {
				w.q.UI(func() {
					if st == w.cfg.Store {
						w.status.SetTask(msg.CountWith("search.indexing", "Indexing for search: {{.Done}} of {{.N}} documents", total,
							msg.M{"Done": msg.Thousands(done)}))
					}
				})
			})
		}
		w.q.UI(func() {
			if f.indexing == st {
				f.indexing = nil
			}
			if st != w.cfg.Store {
				return
			}
			w.status.SetTask("")
			if err != nil && !errors.Is(err, store.ErrReadOnly) && !errors.Is(err, context.Canceled) {
				w.status.Warn("%s", lang.X("search.index_failed", "The search index could not be brought up to date ({{.Error}}); searches read the newest documents' texts",
					msg.M{"Error": err.Error()}))
			}
		})
	})
}
