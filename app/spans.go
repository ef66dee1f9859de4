package app

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2/lang"

	"github.com/google/uuid"

	"github.com/tawsim/tawsim/app/article"
	"github.com/tawsim/tawsim/app/msg"
	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// onSelect tells the annotator what the keys do with the words just selected.
func (e *editor) onSelect(sel article.Selection) {
	if sel.Start >= sel.End {
		e.w.status.Say("")
		return
	}
	text, _ := labels.Slice(e.doc.Text, sel.Start, sel.End)
	if t, ok := e.w.stance.Current(); ok && len(e.w.schema.StanceLabels) > 0 {
		e.w.status.Say("%s selected: press %s to label it, %s to mark it as evidence for %s.%s",
			msg.Quote(text), e.w.palette.Hint(), e.w.stance.Keys().Mark(), t.Name, article.MissingNote(e.w.view.article.MissingGlyphs(sel.Start, sel.End)))
		return
	}
	e.w.status.Say("%s selected: press %s to label it.%s", msg.Quote(text), e.w.palette.Hint(), article.MissingNote(e.w.view.article.MissingGlyphs(sel.Start, sel.End)))
}

// onSpanTapped tells the annotator what the keys do with the span just selected. A stance
// evidence span makes its target the current one.
func (e *editor) onSpanTapped(sp labels.Span) {
	if sp.Kind == labels.KindStance {
		e.w.stance.SetTarget(sp.Target)
		e.w.status.Say("%s evidence for %s selected: press %s to change its label, Delete to remove it.",
			sp.Label, e.targetName(sp.Target), e.w.stance.Keys().EvidenceList())
		return
	}
	e.w.status.Say("%s %s selected: press %s to change its label, Delete to remove it.%s", sp.Label, msg.Quote(sp.Text), e.w.palette.Hint(), e.nestNote(sp))
}

// nestNote says where entity span sp lies in a nest and which keys go out and in: " Inside
// ORG «…»: Shift+↑ selects it. It holds GPE «…»: Shift+↓ selects it.", or "" for a span
// that is not nested.
func (e *editor) nestNote(sp labels.Span) string {
	note := ""
	if out, ok := e.around(sp); ok {
		note += " " + fmt.Sprintf(lang.L("Inside %s %s: Shift+↑ selects it."), out.Label, msg.Quote(out.Text))
	}
	if in, ok := e.inside(sp); ok {
		note += " " + fmt.Sprintf(lang.L("It holds %s %s: Shift+↓ selects it."), in.Label, msg.Quote(in.Text))
	}
	return note
}

// around returns the span that Shift+↑ selects from entity span sp: the next one out of
// the spans the article draws over sp's first code point that hold sp.
func (e *editor) around(sp labels.Span) (labels.Span, bool) {
	nest := e.w.view.article.SpansAround(sp.Start)
	k := slices.IndexFunc(nest, func(s labels.Span) bool { return s.ID == sp.ID })
	if k < 0 {
		return labels.Span{}, false
	}
	for _, o := range nest[k+1:] {
		if o.End >= sp.End {
			return o, true
		}
	}
	return labels.Span{}, false
}

// inside returns the span that Shift+↓ selects from entity span sp: the outermost entity
// span inside it, the first by start (a span of sp's own range, which a schema with
// same_range allows, is left out).
func (e *editor) inside(sp labels.Span) (labels.Span, bool) {
	var best labels.Span
	found := false
	for _, o := range e.spans {
		if o.ID == sp.ID || o.Kind != labels.KindEntity || !sp.Contains(o) || (o.Start == sp.Start && o.End == sp.End) {
			continue
		}
		if !found || o.Start < best.Start || (o.Start == best.Start && o.End > best.End) {
			best, found = o, true
		}
	}
	return best, found
}

// applyLabel gives label l to the selected span (a relabel), or to the selected words (a new
// span). With stance evidence selected, it labels the evidence's words: an entity span over the
// same words.
func (e *editor) applyLabel(l labels.Label) {
	if !e.ready() {
		return
	}
	if sp, ok := e.w.view.article.SelectedSpan(); ok && sp.Kind == labels.KindStance {
		e.addSpan(article.Selection{Start: sp.Start, End: sp.End}, l)
		return
	}
	if sp, ok := e.w.view.article.SelectedSpan(); ok {
		e.relabel(sp, l)
		return
	}
	if sel, ok := e.w.view.article.Selection(); ok && sel.Start < sel.End {
		e.addSpan(sel, l)
		return
	}
	e.w.status.Say("Select words in the article first (click, or drag over them), then press %s to label them %s.", l.Hotkey, l.Name)
}

// newSpan returns the annotator's span of kind over the words sel of the document open,
// labeled l (and, for stance evidence, toward the target with id target).
func (e *editor) newSpan(sel article.Selection, l labels.Label, kind labels.Kind, target string) labels.Span {
	text, _ := labels.Slice(e.doc.Text, sel.Start, sel.End)
	return labels.Span{
		DocID: e.doc.ID, Annotator: e.w.cfg.Annotator, Start: sel.Start, End: sel.End, Text: text,
		Label: l.Name, Kind: kind, Target: target, Origin: labels.OriginManual,
	}
}

// addSpan labels the selected words l with an entity span.
func (e *editor) addSpan(sel article.Selection, l labels.Label) {
	e.writeSpan(e.newSpan(sel, l, labels.KindEntity, ""), func(added labels.Span) {
		e.w.status.Say("Labeled %s %s. Another key changes its label; Delete removes it.", msg.Quote(added.Text), added.Label)
	})
}

// writeSpan draws the new span sp at once, selected, tells the annotator (added), and writes it
// behind: one AddSpan, after setting the document in progress when the annotator had not
// touched it yet (so that a first undo removes the span, and a second one the status). The
// span is named before it is written, so that keys pressed before the write is done (another
// label, Delete) act on it. A refused write takes the span back and says why.
func (e *editor) writeSpan(sp labels.Span, added func(labels.Span)) {
	if err := e.w.schema.ValidateSpan(e.doc.Text, sp, e.spans); err != nil {
		e.refuseSpan(err, sp)
		return
	}
	id, err := uuid.NewV7()
	if err != nil {
		e.w.showError(err)
		return
	}
	sp.ID = id.String()
	e.spans = insertSpan(e.spans, sp)
	e.showSpans()
	e.w.view.article.SelectSpan(sp.ID)
	added(sp)
	st := e.w.cfg.Store
	e.saveTouching(func(ctx context.Context) (func(), error) {
		_, err := retried(e.w, func() (labels.Span, error) { return st.AddSpan(ctx, sp) })
		return nil, err
	}, func() {
		e.takeBack(sp.DocID, func(spans []labels.Span) []labels.Span { return dropSpan(spans, sp.ID) })
	},
		func(err error) bool { return e.refuseSpan(err, sp) })
}

// dropSpan returns spans without the span with the given id.
func dropSpan(spans []labels.Span, id string) []labels.Span {
	return slices.DeleteFunc(slices.Clone(spans), func(s labels.Span) bool { return s.ID == id })
}

// relabel gives the selected span label l: drawn at once, one UpdateSpan behind.
func (e *editor) relabel(sp labels.Span, l labels.Label) {
	if i := e.spanIndex(sp.ID); i >= 0 {
		sp = e.spans[i]
	}
	what := ""
	if sp.Kind == labels.KindStance {
		what = " evidence"
	}
	if sp.Label == l.Name {
		e.w.status.Say("%s is labeled %s%s already.", msg.Quote(sp.Text), l.Name, what)
		return
	}
	changed := sp
	changed.Label = l.Name
	if err := e.w.schema.ValidateSpan(e.doc.Text, changed, e.spans); err != nil {
		e.refuseSpan(err, changed)
		return
	}
	e.takeBack(sp.DocID, func(spans []labels.Span) []labels.Span { return replaceSpan(spans, changed) })
	e.w.view.article.SelectSpan(changed.ID)
	e.w.status.Say("%s is now %s%s (was %s).", msg.Quote(changed.Text), changed.Label, what, sp.Label)
	st := e.w.cfg.Store
	e.saveTouching(func(ctx context.Context) (func(), error) {
		_, err := retried(e.w, func() (labels.Span, error) { return st.UpdateSpan(ctx, changed) })
		return nil, err
	}, func() {
		e.takeBack(sp.DocID, func(spans []labels.Span) []labels.Span { return replaceSpan(spans, sp) })
	},
		func(err error) bool { return e.refuseSpan(err, changed) })
}

// replaceSpan returns spans with the span of sp's id replaced by sp (unchanged when there is
// none).
func replaceSpan(spans []labels.Span, sp labels.Span) []labels.Span {
	out := slices.Clone(spans)
	if i := slices.IndexFunc(out, func(s labels.Span) bool { return s.ID == sp.ID }); i >= 0 {
		out[i] = sp
	}
	return out
}

// deleteSelected removes the selected span.
func (e *editor) deleteSelected() {
	if !e.ready() {
		return
	}
	sp, ok := e.w.view.article.SelectedSpan()
	if !ok {
		e.w.status.Say("Click a labeled span first to remove it.")
		return
	}
	e.deleteSpan(sp)
}

// deleteSpan removes span sp of the document open: gone at once, one DeleteSpan behind.
func (e *editor) deleteSpan(sp labels.Span) {
	e.takeBack(sp.DocID, func(spans []labels.Span) []labels.Span { return dropSpan(spans, sp.ID) })
	if sp.Kind == labels.KindStance {
		e.w.status.Say("Removed the %s evidence %s for %s.", sp.Label, msg.Quote(sp.Text), e.targetName(sp.Target))
	} else {
		e.w.status.Say("Removed %s %s.", sp.Label, msg.Quote(sp.Text))
	}
	st, name := e.w.cfg.Store, e.w.cfg.Annotator
	e.saveTouching(func(ctx context.Context) (func(), error) {
		return nil, retriedErr(e.w, func() error { return st.DeleteSpan(ctx, name, sp.DocID, sp.ID) })
	}, func() { e.takeBack(sp.DocID, func(spans []labels.Span) []labels.Span { return insertSpan(spans, sp) }) },
		func(err error) bool { return e.refuseSpan(err, sp) })
}

// insertSpan returns spans with sp added, in the store's order (start, end, id).
func insertSpan(spans []labels.Span, sp labels.Span) []labels.Span {
	i, _ := slices.BinarySearchFunc(spans, sp, func(a, b labels.Span) int {
		switch {
		case a.Start != b.Start:
			return a.Start - b.Start
		case a.End != b.End:
			return a.End - b.End
		}
		return strings.Compare(a.ID, b.ID)
	})
	return slices.Insert(slices.Clone(spans), i, sp)
}

// refuseSpan explains in the status bar why span sp cannot be written, and reports whether err
// was such a refusal (the others deserve a dialog).
func (e *editor) refuseSpan(err error, sp labels.Span) bool {
	switch {
	case errors.Is(err, labels.ErrOverlap):
		if o, ok := e.conflict(sp); ok && o.Start == sp.Start && o.End == sp.End && o.Label == sp.Label {
			e.w.status.Warn("%s is labeled %s already.", msg.Quote(o.Text), o.Label)
		} else if ok {
			e.w.status.Warn("This overlaps %s %s: remove or change that span first.", o.Label, msg.Quote(o.Text))
		} else {
			e.w.status.Warn("This overlaps another labeled span: remove or change that span first.")
		}
	case errors.Is(err, labels.ErrEmptySpan):
		e.w.status.Warn("Select at least one word to label.")
	case errors.Is(err, labels.ErrOutOfRange), errors.Is(err, labels.ErrTextMismatch):
		e.w.status.Warn("The selection does not match this document's text: select the words again.")
	case errors.Is(err, labels.ErrUnknownLabel):
		e.w.status.Warn("%s is not a label of this project.", sp.Label)
	case errors.Is(err, labels.ErrUnknownTarget):
		e.w.status.Warn("%s is not a stance target of this project (any more): choose another target.", sp.Target)
	case errors.Is(err, labels.ErrNoAnnotator):
		e.w.askName(true)
	case errors.Is(err, store.ErrNotFound):
		e.w.status.Warn("That span is no longer in the project (an undo may have removed it). Nothing was changed.")
		e.reloadSpans()
	default:
		return false
	}
	return true
}

// conflict returns the annotator's entity span that sp collides with.
func (e *editor) conflict(sp labels.Span) (labels.Span, bool) {
	var found []labels.Span
	for _, o := range e.spans {
		if o.Kind == labels.KindEntity && o.ID != sp.ID && o.Overlaps(sp) {
			found = append(found, o)
		}
	}
	// under the nested rule, a span inside or around sp is allowed: prefer one that crosses it
	for _, o := range found {
		if !o.Contains(sp) && !sp.Contains(o) {
			return o, true
		}
	}
	if len(found) > 0 {
		return found[0], true
	}
	return labels.Span{}, false
}

// reloadSpans reads the spans of the document open again, after the store refused a change
// to one that the window still showed.
func (e *editor) reloadSpans() {
	st, id, name := e.w.cfg.Store, e.doc.ID, e.w.cfg.Annotator
	read := func(ctx context.Context) ([]labels.Span, error) { return st.Spans(ctx, id, name) }
	readThen(e.w, "read the spans again", read, func(spans []labels.Span) {
		if e.doc.ID == id {
			e.spans = spans
			e.showSpans()
		}
	})
}
