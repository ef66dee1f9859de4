package app

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

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
		var ev labels.Event
		var err error
		ev, err = retried(e.w, func() (labels.Event, error) {
			if redo {
				return st.Redo(ctx, name)
			}
			return st.Undo(ctx, name)
		})
		if err != nil {
			return nil, err
		}
		return func() { e.stepped(ev, redo) }, nil
	}, nil, func(err error) bool { return e.refuseStep(err, redo) })
}

// stepped shows the result of an undo (redo false) or redo of event ev: the document it changed,
// opened (and found in the list), its spans and status, and what was undone in the status bar.
func (e *editor) stepped(ev labels.Event, redo bool) {
	what := describe(ev, e.w.schema)
	verb := "Undone"
	if redo {
		verb = "Redone"
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
		e.w.status.Say("%s: %s.", verb, what)
		if isState && e.doc.ID == ev.DocID {
			e.w.list.StatusChanged(ev.DocID, e.doc.Order, old, now, nil)
		}
	})
}

// refuseStep explains why an undo or redo could not be done, and reports whether it did.
func (e *editor) refuseStep(err error, redo bool) bool {
	verb := "undo"
	if redo {
		verb = "redo"
	}
	switch {
	case errors.Is(err, store.ErrNothingToUndo):
		e.w.status.Say("Nothing to undo.")
	case errors.Is(err, store.ErrNothingToRedo):
		e.w.status.Say("Nothing to redo.")
	case errors.Is(err, labels.ErrOverlap):
		e.w.status.Warn("Cannot %s: the span would overlap one labeled since. Remove that span first, then %s again.", verb, verb)
	case errors.Is(err, store.ErrNotFound):
		e.w.status.Warn("Cannot %s: the span was changed or removed since.", verb)
	default:
		return false
	}
	return true
}

// describe names in a few words the change event ev made: `adding ORG "الجيش الوطني الليبي"`,
// `setting the stance toward Libyan National Army to FAVOR`; sc names the targets.
func describe(ev labels.Event, sc labels.Schema) string {
	var before, after labels.Span
	kind := func(sp labels.Span) string {
		if sp.Kind == labels.KindStance {
			return sp.Label + " evidence"
		}
		return sp.Label
	}
	name := func(id string) string {
		if t, ok := sc.Target(id); ok {
			return t.Name
		}
		return id
	}
	switch ev.Action {
	case labels.ActionSpanAdd:
		if json.Unmarshal(ev.After, &after) == nil {
			return fmt.Sprintf("adding %s %s", kind(after), msg.Quote(after.Text))
		}
	case labels.ActionSpanUpdate:
		if json.Unmarshal(ev.Before, &before) == nil && json.Unmarshal(ev.After, &after) == nil {
			return fmt.Sprintf("changing %s from %s to %s", msg.Quote(after.Text), kind(before), kind(after))
		}
	case labels.ActionSpanDelete:
		if json.Unmarshal(ev.Before, &before) == nil {
			return fmt.Sprintf("removing %s %s", kind(before), msg.Quote(before.Text))
		}
	case labels.ActionSuggestionAccept, labels.ActionSuggestionReject:
		return describeDecision(ev)
	case labels.ActionStateSet:
		return fmt.Sprintf("the status change from %s to %s", doclist.StatusText(stateStatus(ev.Before)), doclist.StatusText(stateStatus(ev.After)))
	case labels.ActionStanceSet, labels.ActionStanceClear:
		old, now := loggedStance(ev.Before), loggedStance(ev.After)
		switch {
		case now != nil && old == nil:
			return fmt.Sprintf("setting the stance toward %s to %s", name(now.Target), now.Label)
		case now != nil:
			return fmt.Sprintf("changing the stance toward %s from %s to %s", name(now.Target), old.Label, now.Label)
		case old != nil:
			return fmt.Sprintf("clearing the stance toward %s (%s)", name(old.Target), old.Label)
		}
		return "the document stance change"
	}
	return string(ev.Action)
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
