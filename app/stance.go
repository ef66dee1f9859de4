package app

import (
	"context"
	"errors"

	"fyne.io/fyne/v2/lang"

	"github.com/tawsim/tawsim/app/article"
	"github.com/tawsim/tawsim/app/locale"
	"github.com/tawsim/tawsim/app/msg"
	"github.com/tawsim/tawsim/app/palette"
	"github.com/tawsim/tawsim/labels"
)

// targetName names the target with the given id for messages (targetTitle), else its id.
func (e *editor) targetName(id string) string {
	if t, ok := e.w.schema.Target(id); ok {
		return targetTitle(t)
	}
	return msg.Name(id)
}

// targetTitle names target t in a message: its English name, or in an Arabic window its
// Arabic name (its name when it has none), between isolate marks.
func targetTitle(t labels.Target) string {
	if locale.RTL() && t.NameAr != "" {
		return msg.Isolate(t.NameAr)
	}
	return msg.Name(t.Name)
}

// entityName names the entity label with the given code in a message: palette.Name.
func (e *editor) entityName(code string) string {
	if l, ok := e.w.schema.Entity(code); ok {
		return msg.Name(palette.Name(l))
	}
	return msg.Name(code)
}

// stanceName names the stance label with the given code in a message: palette.Name.
func (e *editor) stanceName(code string) string {
	if l, ok := e.w.schema.Stance(code); ok {
		return msg.Name(palette.Name(l))
	}
	return msg.Name(code)
}

// spanName names what span sp is: its entity label, or "FAVOR evidence".
func (e *editor) spanName(sp labels.Span) string {
	if sp.Kind == labels.KindStance {
		return lang.X("span.evidence_of", "{{.Label}} evidence", msg.M{"Label": e.stanceName(sp.Label)})
	}
	return e.entityName(sp.Label)
}

// noTargets says that the project has no stance targets, and how to add one.
func noTargets() string {
	return lang.X("stance.no_targets_yet", "This project has no stance targets: add one with Stance → Targets….")
}

// moveTarget makes the target d places after (before, when negative) the current one current,
// going round at the ends, and says which it is.
func (e *editor) moveTarget(d int) {
	t, ok := e.w.stance.Move(d)
	if !ok {
		e.w.status.Say("%s", noTargets())
		return
	}
	chosen := lang.X("stance.none_chosen", "no stance chosen")
	if l := e.stances[t.ID]; l != "" {
		chosen = lang.X("stance.chosen", "stance {{.Label}}", msg.M{"Label": e.stanceName(l)})
	}
	e.w.status.Say("%s", lang.X("stance.target_now", "Target {{.I}} of {{.N}}: {{.Target}} ({{.Chosen}}). Press {{.Keys}} to choose the document's stance toward it.",
		msg.M{"I": msg.Thousands(e.w.stance.Index() + 1), "N": msg.Thousands(len(e.w.schema.Targets)), "Target": targetTitle(t),
			"Chosen": chosen, "Keys": e.w.stance.Keys().List(", ")}))
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
		e.w.status.Say("%s", noTargets())
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
			data := msg.M{"Target": targetTitle(t), "Label": e.stanceName(now), "Old": e.stanceName(old)}
			switch {
			case now == "":
				e.w.status.Say("%s", lang.X("stance.cleared", "Cleared the stance toward {{.Target}} (was {{.Old}}).", data))
			case old == "":
				e.w.status.Say("%s", lang.X("stance.set", "Stance toward {{.Target}}: {{.Label}}. The same key again clears it.", data))
			default:
				e.w.status.Say("%s", lang.X("stance.changed", "Stance toward {{.Target}}: {{.Label}} (was {{.Old}}).", data))
			}
		}, nil
	}, nil, func(err error) bool { return e.refuseStance(err, t, l) })
}

// refuseStance explains in the status bar why a document stance was not written, and reports
// whether err was such a refusal.
func (e *editor) refuseStance(err error, t labels.Target, l labels.Label) bool {
	switch {
	case errors.Is(err, labels.ErrUnknownTarget):
		e.w.status.Warn("%s", lang.X("stance.target_gone", "{{.Target}} is not a stance target of this project any more: choose another one.", msg.M{"Target": targetTitle(t)}))
		e.w.reloadSchema()
	case errors.Is(err, labels.ErrUnknownLabel):
		e.w.status.Warn("%s", lang.X("stance.label_gone", "{{.Label}} is not a stance label of this project any more.", msg.M{"Label": msg.Name(l.Name)}))
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
		e.w.status.Say("%s", noTargets())
		return
	}
	l, ok := e.w.schema.Stance(e.stances[t.ID])
	if !ok {
		data := msg.M{"Target": targetTitle(t), "Keys": e.w.stance.Keys().List(", "), "Evidence": e.w.stance.Keys().EvidenceList()}
		if data["Evidence"] != "e" {
			e.w.status.Say("%s", lang.X("stance.choose_first", "Choose the document's stance toward {{.Target}} first ({{.Keys}}), or press {{.Evidence}} to mark evidence with a label of its own.", data))
		} else {
			e.w.status.Say("%s", lang.X("stance.choose_first_e", "Choose the document's stance toward {{.Target}} first ({{.Keys}}): e marks evidence with it.", data))
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
		e.w.status.Say("%s", noTargets())
		return
	}
	if !ok || sel.Empty() {
		e.w.status.Say("%s", lang.X("stance.select_first", "Select the words that show the stance toward {{.Target}} first, then press {{.Key}}.",
			msg.M{"Target": targetTitle(t), "Key": e.w.stance.Keys().EvidenceKey(l)}))
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
		e.w.status.Say("%s", lang.X("stance.marked", "Marked {{.Text}} as {{.Label}} evidence for {{.Target}}. {{.Keys}} changes its label; Delete removes it.",
			msg.M{"Text": msg.Quote(added.Text), "Label": e.stanceName(added.Label), "Target": targetTitle(t), "Keys": e.w.stance.Keys().EvidenceList()}))
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
