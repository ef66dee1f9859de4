package app

import (
	"context"
	"math"
	"reflect"
	"time"

	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// watchEvery is how often the window asks whether the project changed.
const watchEvery = time.Second

// watchLoop asks the project every watchEvery whether another program (an import, another
// window) changed it, until the window closes, and shows what changed.
func (w *Window) watchLoop() {
	t := time.NewTicker(watchEvery)
	defer t.Stop()
	for {
		select {
		case <-w.q.quit:
			return
		case <-t.C:
			if w.polling.CompareAndSwap(false, true) {
				w.pollProject()
				w.bg.Add(1) // reset once the poll (or work before it, on a busy project) is done
				if !w.q.push(func() { w.polling.Store(false); w.bg.Done() }) {
					w.bg.Done()
				}
			}
		}
	}
}

// pollProject asks the project open whether it changed, off the UI goroutine and in order with
// the window's writes, and when it did reads its counts and schema again and shows them: the
// list grows with the documents an import added, the header counts them, the palette shows the
// labels it brought.
func (w *Window) pollProject() {
	st := w.watched.Load()
	w.do(func(ctx context.Context) func() {
		changed, err := st.Changed(ctx)
		if err != nil || !changed {
			return nil
		}
		name := w.annotator.Load()
		s, err := st.Stats(ctx, *name)
		if err != nil {
			return nil
		}
		sc, err := st.Schema(ctx)
		if err != nil {
			return nil
		}
		return func() {
			if st != w.cfg.Store || *name != w.cfg.Annotator {
				return
			}
			if !reflect.DeepEqual(sc, w.schema) {
				w.setSchema(sc)
			}
			w.projectChanged(s)
		}
	})
}

// projectChanged shows counts s read after the project changed. When the list's length
// changed by the documents added (which come at its end), the list grows in place; when it
// changed otherwise (another window of the annotator's moved a document in or out of it) it is
// read again, with the document open kept selected.
func (w *Window) projectChanged(s store.Stats) {
	n := s.Documents
	if w.filter != "" {
		n = s.Status[w.filter]
	}
	added := s.Documents - w.total
	grown := n - w.count
	w.showStats(s, nil)
	switch {
	case grown == 0:
	case grown > 0 && (w.filter == "" || (w.filter == labels.StatusTodo && grown <= added)):
		w.count = n
		w.docs.invalidateFrom(math.MaxInt64) // the last page, which was short
		w.list.Refresh()
		w.showEmpty()
		if w.current < 0 {
			w.resume()
		}
	default:
		w.setList(w.filter, nil)
	}
}
