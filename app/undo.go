package app

import (
	"context"
	"encoding/json"
	"errors"

	"fyne.io/fyne/v2/lang"

	"github.com/tawsim/tawsim/app/doclist"
	"github.com/tawsim/tawsim/app/msg"
	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// undo reverts the annotator's latest change, in whichever document it was, and goes there.
func (e *editor) undo() { e.step(false) }

// redo applies again the change the annotator undid last, and goes there.
func (e *editor) redo() { e.step(true) }

// step undoes or redoes one change (one store call), then shows the document it changed.
func (e *editor) step(redo bool) {
	if e.w.cfg.Annotator == "" {
		e.w.askName(true)
		return
	}
	st, name := e.w.cfg.Store, e.w.cfg.Annotator
	e.w.save(func(ctx context.Context) (func(), error) {
		// The step is read once and named: sent again after its answer was lost, the undo
		// is recognised and not applied a second time.
		seq, err := retried(e.w, func() (int64, error) { return st.NextStep(ctx, name, redo) })
		if err != nil {
			return nil, err
		}
		ev, err := retried(e.w, func() (labels.Event, error) { return st.UndoStep(ctx, name, seq, redo) })
		if err != nil {
			return nil, err
		}
		return func() { e.stepped(ev, redo) }, nil
	}, nil, func(err error) bool { return e.refuseStep(err, redo) })
}

// stepped shows the result of an undo (redo false) or redo of event ev: the document it changed,
// opened (and found in the list), its spans and status, and what was undone in the status bar.
func (e *editor) stepped(ev labels.Event, redo bool) {
	what := e.describe(ev)
	done := lang.X("undo.undone", "Undone: {{.What}}.", msg.M{"What": what})
	if redo {
		done = lang.X("undo.redone", "Redone: {{.What}}.", msg.M{"What": what})
	}
	var old, now labels.Status
	isState := ev.Action == labels.ActionStateSet
	if isState {
		old, now = stateStatus(ev.After), stateStatus(ev.Before)
		if redo {
			old, now = now, old
		}
	}
	if target := eventTarget(ev); target != "" {
		e.w.stance.SetTarget(target)
	}
	e.open(ev.DocID, func() {
		e.w.status.Say("%s", done)
		if isState && e.doc.ID == ev.DocID {
			e.w.list.StatusChanged(ev.DocID, e.doc.Order, old, now, nil)
		}
	})
}

// refuseStep explains why an undo or redo could not be done, and reports whether it did.
func (e *editor) refuseStep(err error, redo bool) bool {
	overlap := lang.X("undo.overlap", "Cannot undo: the span would overlap one labeled since. Remove that span first, then undo again.")
	gone := lang.X("undo.gone", "Cannot undo: the span was changed or removed since.")
	stale := lang.X("undo.stale", "Nothing undone: your work was changed in another window meanwhile. Press Ctrl+Z again to undo your latest change.")
	if redo {
		overlap = lang.X("redo.overlap", "Cannot redo: the span would overlap one labeled since. Remove that span first, then redo again.")
		gone = lang.X("redo.gone", "Cannot redo: the span was changed or removed since.")
		stale = lang.X("redo.stale", "Nothing redone: your work was changed in another window meanwhile. Press Ctrl+Shift+Z again to redo what you undid last.")
	}
	switch {
	case errors.Is(err, store.ErrNothingToUndo):
		e.w.status.Say("%s", lang.X("undo.nothing", "Nothing to undo."))
	case errors.Is(err, store.ErrNothingToRedo):
		e.w.status.Say("%s", lang.X("redo.nothing", "Nothing to redo."))
	case errors.Is(err, store.ErrStaleStep):
		e.w.status.Warn("%s", stale)
	case errors.Is(err, labels.ErrOverlap):
		e.w.status.Warn("%s", overlap)
	case errors.Is(err, store.ErrNotFound):
		e.w.status.Warn("%s", gone)
	default:
		return false
	}
	return true
}

// describe names in a few words the change event ev made: `adding ORG "الجيش الوطني الليبي"`,
// `setting the stance toward Libyan National Army to FAVOR`.
func (e *editor) describe(ev labels.Event) string {
	var before, after labels.Span
	switch ev.Action {
	case labels.ActionSpanAdd:
		if json.Unmarshal(ev.After, &after) == nil {
			return lang.X("undo.adding", "adding {{.Label}} {{.Text}}", msg.M{"Label": e.spanName(after), "Text": msg.Quote(after.Text)})
		}
	case labels.ActionSpanUpdate:
		if json.Unmarshal(ev.Before, &before) == nil && json.Unmarshal(ev.After, &after) == nil {
			return lang.X("undo.changing", "changing {{.Text}} from {{.Old}} to {{.Label}}",
				msg.M{"Text": msg.Quote(after.Text), "Old": e.spanName(before), "Label": e.spanName(after)})
		}
	case labels.ActionSpanDelete:
		if json.Unmarshal(ev.Before, &before) == nil {
			return lang.X("undo.removing", "removing {{.Label}} {{.Text}}", msg.M{"Label": e.spanName(before), "Text": msg.Quote(before.Text)})
		}
	case labels.ActionSuggestionAccept, labels.ActionSuggestionReject:
		return e.describeDecision(ev)
	case labels.ActionStateSet:
		return lang.X("undo.status", "the status change from {{.Old}} to {{.Status}}",
			msg.M{"Old": doclist.StatusText(stateStatus(ev.Before)), "Status": doclist.StatusText(stateStatus(ev.After))})
	case labels.ActionStanceSet, labels.ActionStanceClear:
		old, now := loggedStance(ev.Before), loggedStance(ev.After)
		switch {
		case now != nil && old == nil:
			return lang.X("undo.stance_set", "setting the stance toward {{.Target}} to {{.Label}}",
				msg.M{"Target": e.targetName(now.Target), "Label": e.stanceName(now.Label)})
		case now != nil:
			return lang.X("undo.stance_changed", "changing the stance toward {{.Target}} from {{.Old}} to {{.Label}}",
				msg.M{"Target": e.targetName(now.Target), "Old": e.stanceName(old.Label), "Label": e.stanceName(now.Label)})
		case old != nil:
			return lang.X("undo.stance_cleared", "clearing the stance toward {{.Target}} ({{.Old}})",
				msg.M{"Target": e.targetName(old.Target), "Old": e.stanceName(old.Label)})
		}
		return lang.X("undo.stance", "the document stance change")
	}
	return msg.Name(string(ev.Action))
}

// eventTarget returns the stance target that event ev changed a document stance or an
// evidence span toward, or "".
func eventTarget(ev labels.Event) string {
	switch ev.Action {
	case labels.ActionStanceSet, labels.ActionStanceClear:
		for _, data := range []json.RawMessage{ev.After, ev.Before} {
			if ds := loggedStance(data); ds != nil {
				return ds.Target
			}
		}
	case labels.ActionSpanAdd, labels.ActionSpanUpdate, labels.ActionSpanDelete:
		var sp *labels.Span
		for _, data := range []json.RawMessage{ev.After, ev.Before} {
			if len(data) > 0 && json.Unmarshal(data, &sp) == nil && sp != nil && sp.Kind == labels.KindStance {
				return sp.Target
			}
		}
	}
	return ""
}

// loggedStance returns the logged DocStance data, nil for none.
func loggedStance(data json.RawMessage) *labels.DocStance {
	var ds *labels.DocStance
	if len(data) == 0 || json.Unmarshal(data, &ds) != nil {
		return nil
	}
	return ds
}

// stateStatus returns the status of a logged DocState, to do for none.
func stateStatus(data json.RawMessage) labels.Status {
	var st *labels.DocState
	if len(data) == 0 || json.Unmarshal(data, &st) != nil || st == nil || st.Status == "" {
		return labels.StatusTodo
	}
	return st.Status
}
