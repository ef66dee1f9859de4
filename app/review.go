package app

import (
	"context"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/doclist"
	"github.com/tawsim/tawsim/app/msg"
	"github.com/tawsim/tawsim/labels"
)

// doneNext marks the document open done and opens the next one.
// In review mode it marks it curated.
func (e *editor) doneNext() { e.finish(e.w.review.doneStatus(), e.state.Note) }

// skip marks the document open skipped and opens the next one.
func (e *editor) skip() { e.finish(labels.StatusSkipped, e.state.Note) }

// askFlag asks what is wrong with the document open, then flags it with that note and opens
// the next one.
func (e *editor) askFlag() {
	if !e.ready() {
		return
	}
	var d *formDialog
	note := newDialogEntry(func() { d.Dismiss() })
	note.SetPlaceHolder(lang.X("flag.placeholder", "What is wrong with it? The text is cut, not news, a duplicate…"))
	note.SetText(e.state.Note)
	item := widget.NewFormItem(lang.X("flag.note", "Note"), note)
	item.HintText = lang.X("flag.hint", "Enter flags it and opens the next document; Escape cancels.")
	d = e.w.dialogs.newForm(lang.X("flag.title", "Flag this document"), lang.X("flag.confirm", "Flag"), lang.X("Cancel", "Cancel"), []*widget.FormItem{item}, func(ok bool) {
		if ok {
			e.finish(labels.StatusFlagged, strings.TrimSpace(note.Text))
		}
	})
	note.OnSubmitted = func(string) { d.Submit() }
	d.Resize(e.w.dialogs.size(560))
	e.w.dialogs.show(d)
	e.w.win.Canvas().Focus(note)
}

// finish gives the document open a final status (done, skipped, flagged) with note, in one
// SetState, and then opens the next document of the list.
func (e *editor) finish(status labels.Status, note string) {
	if !e.ready() || e.finishing {
		return
	}
	old := e.state.Status
	st := labels.DocState{DocID: e.doc.ID, Annotator: e.w.cfg.Annotator, Status: status, Note: note, Seconds: e.spent()}
	db, order, title := e.w.cfg.Store, e.doc.Order, e.doc.Title
	e.finishing = true
	e.w.save(func(ctx context.Context) (func(), error) {
		err := retriedErr(e.w, func() error { return db.SetState(ctx, st) })
		next := nextAssigned(ctx, db, st.Annotator, err)
		return func() {
			e.finishing = false
			if err != nil {
				return
			}
			e.shownAt = time.Now()
			e.stateSaved(st, order, old, func() {
				if e.openAssigned(next, title, status) {
					return
				}
				if !e.w.list.Move(1) {
					e.w.status.Say("%s", lang.X("doc.marked_last", "Marked {{.Title}} {{.Status}}. That was the last document of the list.",
						msg.M{"Title": msg.Quote(title), "Status": doclist.StatusText(status)}))
					return
				}
				e.w.status.Say("%s", lang.X("doc.marked", "Marked {{.Title}} {{.Status}}.", msg.M{"Title": msg.Quote(title), "Status": doclist.StatusText(status)}))
				e.keepMessage = true // over the next document
			})
		}, err
	}, nil, nil)
}
