package app

import (
	"context"
	"reflect"
	"time"
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
		case <-w.q.Stopping():
			return
		case <-t.C:
			if w.polling.CompareAndSwap(false, true) {
				w.pollProject()
				// reset once the poll (or work before it, on a busy project) is done
				w.q.Run(func() { w.polling.Store(false) })
			}
		}
	}
}

// pollProject asks the project open whether it changed, off the UI goroutine and in order with
// the window's writes, and when it did reads its counts and schema again and shows them: the
// list grows with the documents an import added, the header counts them, the palette shows the
// labels it brought.
func (w *Window) pollProject() {
	st := *w.watched.Load()
	w.q.Do(func(ctx context.Context) func() {
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
			w.list.ProjectChanged(s)
		}
	})
}
