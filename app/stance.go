package app

import (
	"context"
	"errors"

	"github.com/tawsim/tawsim/app/article"
	"github.com/tawsim/tawsim/app/msg"
	"github.com/tawsim/tawsim/labels"
)

// targetName names the target with the given id for messages: its English name, else its id.
func (e *editor) targetName(id string) string {
	if t, ok := e.w.schema.Target(id); ok {
		return t.Name
	}
	return id
}

// moveTarget makes the target d places after (before, when negative) the current one current,
// going round at the ends, and says which it is.
func (e *editor) moveTarget(d int) {
	t, ok := e.w.stance.Move(d)
	if !ok {
		e.w.status.Say("This project has no stance targets: add one with Stance → Targets….")
		return
	}
	chosen := "no stance chosen"
	if l := e.stances[t.ID]; l != "" {
		chosen = "stance " + l
	}
	e.w.status.Say("Target %d of %d: %s (%s). Press %s to choose the document's stance toward it.",
		e.w.stance.Index()+1, len(e.w.schema.Targets), t.Name, chosen, e.w.stance.Keys().List(", "))
}

// stanceKey handles the keys of the stance panel that are not stance labels: t, T (the next
// and previous target) and e (evidence with the target's stance), and reports whether r was
// one of them.
func (e *editor) stanceKey(r rune) bool {
	switch r {
	case 't', 'ف':
		e.moveTarget(1)
	case 'T':
		e.moveTarget(-1)
	case 'e', 'E', 'ث':
		e.markChosenEvidence()
	default:
		return false
	}
	return true
}

// chooseStance gives the document open label l as its stance toward the i-th target, which
// becomes the current one; when l is the stance it has already, it clears it. One
// SetDocStance or ClearDocStance, after setting the document in progress when the annotator
// had not touched it yet. Whether it sets or clears is decided by the project file, in the
// window's queue, so that a key pressed twice quickly clears what the first press set.
func (e *editor) chooseStance(i int, l labels.Label) {
	if !e.ready() {
		return
	}
	if i < 0 || i >= len(e.w.schema.Targets) {
		e.w.status.Say("This project has no stance targets: add one with Stance → Targets….")
		return
	}
	e.w.stance.Select(i)
	t := e.w.schema.Targets[i]
	st, name, doc := e.w.cfg.Store, e.w.cfg.Annotator, e.doc.ID
	e.saveTouching(func(ctx context.Context) (func(), error) {
		list, err := st.DocStances(ctx, doc, name) // after the writes before it: the queue keeps order
		if err != nil {
			return nil, err
		}
		old := ""
		for _, ds := range list {
			if ds.Target == t.ID {
				old = ds.Label
			}
		}
		now := l.Name
		err = retriedErr(e.w, func() error {
			if old == l.Name {
				now = ""
				return st.ClearDocStance(ctx, doc, name, t.ID)
			}
			return st.SetDocStance(ctx, labels.DocStance{DocID: doc, Annotator: name, Target: t.ID, Label: l.Name})
		})
		if err != nil {
			return nil, err
		}
		return func() {
			if e.doc.ID == doc {
				if e.stances == nil {
					e.stances = map[string]string{}
				}
				if now == "" {
					delete(e.stances, t.ID)
				} else {
					e.stances[t.ID] = now
				}
				e.w.stance.Show(true, e.stances, e.spans)
				e.w.review.refresh()
			}
			switch {
			case now == "":
				e.w.status.Say("Cleared the stance toward %s (was %s).", t.Name, old)
			case old == "":
				e.w.status.Say("Stance toward %s: %s. The same key again clears it.", t.Name, now)
			default:
				e.w.status.Say("Stance toward %s: %s (was %s).", t.Name, now, old)
			}
		}, nil
	}, nil, func(err error) bool { return e.refuseStance(err, t, l) })
}

// refuseStance explains in the status bar why a document stance was not written, and reports
// whether err was such a refusal.
func (e *editor) refuseStance(err error, t labels.Target, l labels.Label) bool {
	switch {
	case errors.Is(err, labels.ErrUnknownTarget):
		e.w.status.Warn("%s is not a stance target of this project any more: choose another one.", t.Name)
		e.w.reloadSchema()
	case errors.Is(err, labels.ErrUnknownLabel):
		e.w.status.Warn("%s is not a stance label of this project any more.", l.Name)
		e.w.reloadSchema()
	case errors.Is(err, labels.ErrNoAnnotator):
		e.w.askName(true)
	default:
		return false
	}
	return true
}

// markChosenEvidence marks the selected words as evidence toward the current target, labeled
// with the stance chosen for the document toward it (the e key). With evidence selected, it
// gives that evidence the stance chosen toward its target. With no stance chosen yet, it says
// how to choose one, or how to give the evidence a label of its own.
func (e *editor) markChosenEvidence() {
	if !e.ready() {
		return
	}
	if sp, ok := e.w.view.article.SelectedSpan(); ok && sp.Kind == labels.KindStance {
		e.w.stance.SetTarget(sp.Target)
	}
	t, ok := e.w.stance.Current()
	if !ok {
		e.w.status.Say("This project has no stance targets: add one with Stance → Targets….")
		return
	}
	l, ok := e.w.schema.Stance(e.stances[t.ID])
	if !ok {
		if k := e.w.stance.Keys().EvidenceList(); k != "e" {
			e.w.status.Say("Choose the document's stance toward %s first (%s), or press %s to mark evidence with a label of its own.",
				t.Name, e.w.stance.Keys().List(", "), k)
		} else {
			e.w.status.Say("Choose the document's stance toward %s first (%s): e marks evidence with it.", t.Name, e.w.stance.Keys().List(", "))
		}
		return
	}
	e.markEvidence(l)
}

// markEvidence marks the selected words (or the words of the selected entity span) as evidence
// labeled l toward the current target: one AddSpan of Kind stance. With evidence selected, or
// evidence toward the target on exactly these words, it gives that evidence label l instead.
func (e *editor) markEvidence(l labels.Label) {
	if !e.ready() {
		return
	}
	sel, ok := e.w.view.article.Selection()
	if sp, picked := e.w.view.article.SelectedSpan(); picked {
		if sp.Kind == labels.KindStance {
			e.w.stance.SetTarget(sp.Target)
			e.relabel(sp, l)
			return
		}
		sel, ok = article.Selection{Start: sp.Start, End: sp.End}, true
	}
	t, has := e.w.stance.Current()
	if !has {
		e.w.status.Say("This project has no stance targets: add one with Stance → Targets….")
		return
	}
	if !ok || sel.Empty() {
		e.w.status.Say("Select the words that show the stance toward %s first, then press %s.", t.Name, e.w.stance.Keys().EvidenceKey(l))
		return
	}
	for _, o := range e.spans {
		if o.Kind == labels.KindStance && o.Target == t.ID && o.Start == sel.Start && o.End == sel.End {
			e.w.view.article.SelectSpan(o.ID)
			e.relabel(o, l)
			return
		}
	}
	e.writeSpan(e.newSpan(sel, l, labels.KindStance, t.ID), func(added labels.Span) {
		e.w.status.Say("Marked %s as %s evidence for %s. %s changes its label; Delete removes it.",
			msg.Quote(added.Text), added.Label, t.Name, e.w.stance.Keys().EvidenceList())
	})
}

// selectEvidence selects evidence span sp in the article, as a click on it there does, and
// scrolls the article to it.
func (e *editor) selectEvidence(sp labels.Span) {
	if e.doc.ID != sp.DocID || e.spanIndex(sp.ID) < 0 {
		return
	}
	e.w.view.article.SelectSpan(sp.ID)
	e.w.view.scrollToRange(sp.Start, sp.End)
	e.w.focusArticle()
	e.onSpanTapped(sp)
}

// removeEvidence removes evidence span sp (its button in the stance panel).
func (e *editor) removeEvidence(sp labels.Span) {
	if !e.ready() || e.doc.ID != sp.DocID || e.spanIndex(sp.ID) < 0 {
		return
	}
	e.deleteSpan(sp)
	e.w.focusArticle()
}
