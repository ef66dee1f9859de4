package app

import (
	"context"
	"errors"
	"slices"
	"strings"

	"fyne.io/fyne/v2/lang"

	"github.com/google/uuid"

	"github.com/tawsim/tawsim/app/article"
	"github.com/tawsim/tawsim/app/msg"
	"github.com/tawsim/tawsim/app/palette"
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
	missing := article.MissingNote(e.w.view.article.MissingGlyphs(sel.Start, sel.End))
	if t, ok := e.w.stance.Current(); ok && len(e.w.schema.StanceLabels) > 0 {
		e.w.status.Say("%s", lang.X("span.selected_stance", "{{.Text}} selected: press {{.Keys}} to label it, {{.Mark}} to mark it as evidence for {{.Target}}.",
			msg.M{"Text": msg.Quote(text), "Keys": e.w.palette.Hint(), "Mark": e.w.stance.Keys().Mark(), "Target": targetTitle(t)})+missing)
		return
	}
	e.w.status.Say("%s", lang.X("span.selected", "{{.Text}} selected: press {{.Keys}} to label it.",
		msg.M{"Text": msg.Quote(text), "Keys": e.w.palette.Hint()})+missing)
}

// onSpanTapped tells the annotator what the keys do with the span just selected. A stance
// evidence span makes its target the current one.
func (e *editor) onSpanTapped(sp labels.Span) {
	if sp.Kind == labels.KindStance {
		e.w.stance.SetTarget(sp.Target)
		e.w.status.Say("%s", lang.X("span.evidence_tapped", "{{.Label}} evidence for {{.Target}} selected: press {{.Keys}} to change its label, Delete to remove it.",
			msg.M{"Label": e.stanceName(sp.Label), "Target": e.targetName(sp.Target), "Keys": e.w.stance.Keys().EvidenceList()}))
		return
	}
	e.w.status.Say("%s", lang.X("span.tapped", "{{.Label}} {{.Text}} selected: press {{.Keys}} to change its label, Delete to remove it.",
		msg.M{"Label": e.entityName(sp.Label), "Text": msg.Quote(sp.Text), "Keys": e.w.palette.Hint()})+e.nestNote(sp))
}

// nestNote says where entity span sp lies in a nest and which keys go out and in: " Inside
// ORG «…»: Shift+↑ selects it. It holds GPE «…»: Shift+↓ selects it.", or "" for a span
// that is not nested.
func (e *editor) nestNote(sp labels.Span) string {
	note := ""
	if out, ok := e.around(sp); ok {
		note += " " + lang.X("span.inside", "Inside {{.Label}} {{.Text}}: Shift+↑ selects it.", msg.M{"Label": e.entityName(out.Label), "Text": msg.Quote(out.Text)})
	}
	if in, ok := e.inside(sp); ok {
		note += " " + lang.X("span.holds", "It holds {{.Label}} {{.Text}}: Shift+↓ selects it.", msg.M{"Label": e.entityName(in.Label), "Text": msg.Quote(in.Text)})
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
	e.w.status.Say("%s", lang.X("span.select_first", "Select words in the article first (click, or drag over them), then press {{.Key}} to label them {{.Label}}.",
		msg.M{"Key": l.Hotkey, "Label": palette.Name(l)}))
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
		e.w.status.Say("%s", lang.X("span.added", "Labeled {{.Text}} {{.Label}}. Another key changes its label; Delete removes it.",
			msg.M{"Text": msg.Quote(added.Text), "Label": e.entityName(added.Label)}))
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
	if sp.Label == l.Name {
		e.w.status.Say("%s", lang.X("span.same_label", "{{.Text}} is labeled {{.Label}} already.", msg.M{"Text": msg.Quote(sp.Text), "Label": e.spanName(sp)}))
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
	e.w.status.Say("%s", lang.X("span.relabeled", "{{.Text}} is now {{.Label}} (was {{.Old}}).",
		msg.M{"Text": msg.Quote(changed.Text), "Label": e.spanName(changed), "Old": e.spanName(sp)}))
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
		e.w.status.Say("%s", lang.X("span.click_first", "Click a labeled span first to remove it."))
		return
	}
	e.deleteSpan(sp)
}

// deleteSpan removes span sp of the document open: gone at once, one DeleteSpan behind.
func (e *editor) deleteSpan(sp labels.Span) {
	e.takeBack(sp.DocID, func(spans []labels.Span) []labels.Span { return dropSpan(spans, sp.ID) })
	if sp.Kind == labels.KindStance {
		e.w.status.Say("%s", lang.X("span.removed_evidence", "Removed the {{.Label}} evidence {{.Text}} for {{.Target}}.",
			msg.M{"Label": e.stanceName(sp.Label), "Text": msg.Quote(sp.Text), "Target": e.targetName(sp.Target)}))
	} else {
		e.w.status.Say("%s", lang.X("span.removed", "Removed {{.Label}} {{.Text}}.", msg.M{"Label": e.entityName(sp.Label), "Text": msg.Quote(sp.Text)}))
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
			e.w.status.Warn("%s", lang.X("span.same_label", "{{.Text}} is labeled {{.Label}} already.", msg.M{"Text": msg.Quote(o.Text), "Label": e.spanName(o)}))
		} else if ok {
			e.w.status.Warn("%s", lang.X("span.overlaps", "This overlaps {{.Label}} {{.Text}}: remove or change that span first.",
				msg.M{"Label": e.entityName(o.Label), "Text": msg.Quote(o.Text)}))
		} else {
			e.w.status.Warn("%s", lang.X("span.overlaps_other", "This overlaps another labeled span: remove or change that span first."))
		}
	case errors.Is(err, labels.ErrEmptySpan):
		e.w.status.Warn("%s", lang.X("span.empty", "Select at least one word to label."))
	case errors.Is(err, labels.ErrOutOfRange), errors.Is(err, labels.ErrTextMismatch):
		e.w.status.Warn("%s", lang.X("span.mismatch", "The selection does not match this document's text: select the words again."))
	case errors.Is(err, labels.ErrUnknownLabel):
		e.w.status.Warn("%s", lang.X("span.unknown_label", "{{.Label}} is not a label of this project.", msg.M{"Label": msg.Name(sp.Label)}))
	case errors.Is(err, labels.ErrUnknownTarget):
		e.w.status.Warn("%s", lang.X("span.unknown_target", "{{.Target}} is not a stance target of this project (any more): choose another target.", msg.M{"Target": msg.Name(sp.Target)}))
	case errors.Is(err, labels.ErrNoAnnotator):
		e.w.askName(true)
	case errors.Is(err, store.ErrNotFound):
		e.w.status.Warn("%s", lang.X("span.gone", "That span is no longer in the project (an undo may have removed it). Nothing was changed."))
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
	readThen(e.w, lang.X("span.read_failed", "read the spans again"), read, func(spans []labels.Span) {
		if e.doc.ID == id {
			e.spans = spans
			e.showSpans()
		}
	})
}
