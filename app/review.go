package app

import (
	"context"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/labels"
)

// doneNext marks the document open done and opens the next one.
func (w *Window) doneNext() { w.finish(labels.StatusDone, w.state.Note) }

// skip marks the document open skipped and opens the next one.
func (w *Window) skip() { w.finish(labels.StatusSkipped, w.state.Note) }

// askFlag asks what is wrong with the document open, then flags it with that note and opens
// the next one.
func (w *Window) askFlag() {
	if !w.ready() {
		return
	}
	var d *dialog.FormDialog
	note := newDialogEntry(func() { d.Dismiss() })
	note.SetPlaceHolder("What is wrong with it? The text is cut, not news, a duplicate…")
	note.SetText(w.state.Note)
	item := widget.NewFormItem("Note", note)
	item.HintText = "Enter flags it and opens the next document; Escape cancels."
	d = dialog.NewForm("Flag this document", "Flag", "Cancel", []*widget.FormItem{item}, func(ok bool) {
		if ok {
			w.finish(labels.StatusFlagged, strings.TrimSpace(note.Text))
		}
	}, w.win)
	note.OnSubmitted = func(string) { d.Submit() }
	d.Resize(fyne.NewSize(560, 0))
	w.showDialog(d)
	w.win.Canvas().Focus(note)
}

// finish gives the document open a final status (done, skipped, flagged) with note, in one
// SetState, and then opens the next document of the list.
func (w *Window) finish(status labels.Status, note string) {
	if !w.ready() || w.finishing {
		return
	}
	old := w.state.Status
	st := labels.DocState{DocID: w.doc.ID, Annotator: w.cfg.Annotator, Status: status, Note: note, Seconds: w.spent()}
	db, order, title := w.cfg.Store, w.doc.Order, w.doc.Title
	w.finishing = true
	w.save(func(ctx context.Context) (func(), error) {
		err := retriedErr(w, func() error { return db.SetState(ctx, st) })
		return func() {
			w.finishing = false
			if err != nil {
				return
			}
			w.shownAt = time.Now()
			w.stateSaved(st, order, old, func() {
				if !w.move(1) {
					w.say("Marked %s %s. That was the last document of the list.", quote(title), statusText(status))
					return
				}
				w.say("Marked %s %s.", quote(title), statusText(status))
				w.keepMessage = true // over the next document
			})
		}, err
	}, nil, nil)
}

// stateSaved shows a state just committed (st, whose status was old, for document number
// order): in the header when it is the document open, in the list, and in the progress bar.
// then runs once the list is in order.
func (w *Window) stateSaved(st labels.DocState, order int64, old labels.Status, then func()) {
	if st.DocID == w.doc.ID {
		w.state = st
		w.showDocHeader()
	}
	w.statusChanged(st.DocID, order, old, st.Status, then)
}

// statusChanged updates the list after the status of document id (import order) went from old
// to now. In a list filtered by status the document may come or go: the pages from it on are
// read again, and the document open is found again in the list. then, when not nil, runs once
// the list is in order.
func (w *Window) statusChanged(id string, order int64, old, now labels.Status, then func()) {
	w.refreshStats()
	in, was := w.shows(now), w.shows(old)
	if in == was {
		if i := w.docs.setStatus(id, now); i >= 0 {
			w.list.RefreshItem(i)
		}
		if then != nil {
			then()
		}
		return
	}
	if in {
		w.count++
	} else {
		w.count--
	}
	w.docs.invalidateFrom(order)
	w.list.Refresh()
	w.showEmpty()
	w.relocate(then)
}

// shows reports whether a document of status s belongs in the list.
func (w *Window) shows(s labels.Status) bool {
	if s == "" {
		s = labels.StatusTodo
	}
	return w.filter == "" || s == w.filter
}

// relocate finds the document open in the list again, after the list changed, and then runs
// then (when not nil).
func (w *Window) relocate(then func()) {
	if w.doc.ID == "" {
		if then != nil {
			then()
		}
		return
	}
	docs, id, order := w.docs, w.doc.ID, w.doc.Order
	w.do(func(ctx context.Context) func() {
		at, in, err := docs.indexOf(ctx, order)
		return func() {
			if err != nil {
				w.showError(err)
				return
			}
			if docs == w.docs && id == w.doc.ID {
				w.place(at, in)
			}
			if then != nil {
				then()
			}
		}
	})
}
