package app

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/google/uuid"

	"github.com/tawsim/tawsim/app/article"
	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// onSelect tells the annotator what the keys do with the words just selected.
func (w *Window) onSelect(sel article.Selection) {
	if sel.Start >= sel.End {
		w.say("")
		return
	}
	text, _ := labels.Slice(w.doc.Text, sel.Start, sel.End)
	if t, ok := w.currentTarget(); ok && len(w.schema.StanceLabels) > 0 {
		w.say("%s selected: press %s to label it, %s to mark it as evidence for %s.%s",
			quote(text), w.keyList(), w.markKeys(), t.Name, article.MissingNote(w.article.MissingGlyphs(sel.Start, sel.End)))
		return
	}
	w.say("%s selected: press %s to label it.%s", quote(text), w.keyList(), article.MissingNote(w.article.MissingGlyphs(sel.Start, sel.End)))
}

// onSpanTapped tells the annotator what the keys do with the span just selected. A stance
// evidence span makes its target the current one.
func (w *Window) onSpanTapped(sp labels.Span) {
	if sp.Kind == labels.KindStance {
		w.setTarget(sp.Target)
		w.say("%s evidence for %s selected: press %s to change its label, Delete to remove it.",
			sp.Label, w.targetName(sp.Target), w.evidenceKeyList())
		return
	}
	w.say("%s %s selected: press %s to change its label, Delete to remove it.", sp.Label, quote(sp.Text), w.keyList())
}

// keyList names the label keys: "1-4", or "1, 2, q".
func (w *Window) keyList() string {
	var ks []string
	for _, l := range w.schema.Entities {
		if l.Hotkey != "" {
			ks = append(ks, l.Hotkey)
		}
	}
	if len(ks) > 2 && strings.Join(ks, "") == "123456789"[:len(ks)] {
		return "1-" + ks[len(ks)-1]
	}
	if len(ks) == 0 {
		return "a label's button"
	}
	return strings.Join(ks, ", ")
}

// quote puts text, shortened by clip, in straight double quotes. Fyne draws a line of text
// left to right and mirrors the characters that have a mirror image (such as « and ») next to
// right-to-left text, so messages quote Arabic with " rather than guillemets.
func quote(text string) string { return `"` + isolate(clip(text)) + `"` }

// isolate puts text between isolate marks (FSI … PDI), so that the status bar draws it in the
// order of its own first strong character whatever the message around it.
func isolate(text string) string { return isolateStart + text + isolateEnd }

// clip shortens text to about 40 characters for the status bar, cut between two grapheme
// clusters (a letter with its harakat, an emoji sequence) so that no character is split.
func clip(text string) string {
	text = strings.Join(strings.Fields(text), " ")
	r := []rune(text)
	if len(r) <= 40 {
		return text
	}
	cut := 0
	for _, end := range clusterEnds(r) {
		if end > 39 {
			break
		}
		cut = end
	}
	return string(r[:cut]) + ellipsis
}

// applyLabel gives label l to the selected span (a relabel), or to the selected words (a new
// span). With stance evidence selected, it labels the evidence's words: an entity span over the
// same words.
func (w *Window) applyLabel(l labels.Label) {
	if !w.ready() {
		return
	}
	if sp, ok := w.article.SelectedSpan(); ok && sp.Kind == labels.KindStance {
		w.addSpan(article.Selection{Start: sp.Start, End: sp.End}, l)
		return
	}
	if sp, ok := w.article.SelectedSpan(); ok {
		w.relabel(sp, l)
		return
	}
	if sel, ok := w.article.Selection(); ok && sel.Start < sel.End {
		w.addSpan(sel, l)
		return
	}
	w.say("Select words in the article first (click, or drag over them), then press %s to label them %s.", l.Hotkey, l.Name)
}

// newSpan returns the annotator's span of kind over the words sel of the document open,
// labeled l (and, for stance evidence, toward the target with id target).
func (w *Window) newSpan(sel article.Selection, l labels.Label, kind labels.Kind, target string) labels.Span {
	text, _ := labels.Slice(w.doc.Text, sel.Start, sel.End)
	return labels.Span{
		DocID: w.doc.ID, Annotator: w.cfg.Annotator, Start: sel.Start, End: sel.End, Text: text,
		Label: l.Name, Kind: kind, Target: target, Origin: labels.OriginManual,
	}
}

// addSpan labels the selected words l with an entity span.
func (w *Window) addSpan(sel article.Selection, l labels.Label) {
	w.writeSpan(w.newSpan(sel, l, labels.KindEntity, ""), func(added labels.Span) {
		w.say("Labeled %s %s. Another key changes its label; Delete removes it.", quote(added.Text), added.Label)
	})
}

// writeSpan draws the new span sp at once, selected, tells the annotator (added), and writes it
// behind: one AddSpan, after setting the document in progress when the annotator had not
// touched it yet (so that a first undo removes the span, and a second one the status). The
// span is named before it is written, so that keys pressed before the write is done (another
// label, Delete) act on it. A refused write takes the span back and says why.
func (w *Window) writeSpan(sp labels.Span, added func(labels.Span)) {
	if err := w.schema.ValidateSpan(w.doc.Text, sp, w.spans); err != nil {
		w.refuseSpan(err, sp)
		return
	}
	id, err := uuid.NewV7()
	if err != nil {
		w.showError(err)
		return
	}
	sp.ID = id.String()
	w.spans = insertSpan(w.spans, sp)
	w.showSpans()
	w.article.SelectSpan(sp.ID)
	added(sp)
	st := w.cfg.Store
	w.saveTouching(func(ctx context.Context) (func(), error) {
		_, err := retried(w, func() (labels.Span, error) { return st.AddSpan(ctx, sp) })
		return nil, err
	}, func() {
		w.takeBack(sp.DocID, func(spans []labels.Span) []labels.Span { return dropSpan(spans, sp.ID) })
	},
		func(err error) bool { return w.refuseSpan(err, sp) })
}

// takeBack changes the spans shown of document doc back after a write failed, when it is the
// document open.
func (w *Window) takeBack(doc string, change func([]labels.Span) []labels.Span) {
	if w.doc.ID != doc {
		return
	}
	w.spans = change(w.spans)
	w.showSpans()
}

// dropSpan returns spans without the span with the given id.
func dropSpan(spans []labels.Span, id string) []labels.Span {
	return slices.DeleteFunc(slices.Clone(spans), func(s labels.Span) bool { return s.ID == id })
}

// saveTouching writes one change of the annotator's work on the document open behind the
// screen, which shows it already, after setting the document in progress when the annotator
// had not touched it yet (so that a first undo undoes the write, and a second one the
// status). write returns what to show once it is saved (nil for nothing), run on the UI
// goroutine; failed takes the change shown back when the write fails.
func (w *Window) saveTouching(write func(ctx context.Context) (func(), error), failed func(), refused func(error) bool) {
	st, touch, order := w.cfg.Store, w.touch(), w.doc.Order
	w.save(func(ctx context.Context) (func(), error) {
		if touch != nil {
			if err := retriedErr(w, func() error { return st.SetState(ctx, *touch) }); err != nil {
				return nil, err
			}
		}
		shown, err := write(ctx)
		return func() {
			w.touched(touch, order)()
			if shown != nil {
				shown()
			}
		}, err
	}, failed, refused)
}

// relabel gives the selected span label l: drawn at once, one UpdateSpan behind.
func (w *Window) relabel(sp labels.Span, l labels.Label) {
	if i := w.spanIndex(sp.ID); i >= 0 {
		sp = w.spans[i]
	}
	what := ""
	if sp.Kind == labels.KindStance {
		what = " evidence"
	}
	if sp.Label == l.Name {
		w.say("%s is labeled %s%s already.", quote(sp.Text), l.Name, what)
		return
	}
	changed := sp
	changed.Label = l.Name
	if err := w.schema.ValidateSpan(w.doc.Text, changed, w.spans); err != nil {
		w.refuseSpan(err, changed)
		return
	}
	w.takeBack(sp.DocID, func(spans []labels.Span) []labels.Span { return replaceSpan(spans, changed) })
	w.article.SelectSpan(changed.ID)
	w.say("%s is now %s%s (was %s).", quote(changed.Text), changed.Label, what, sp.Label)
	st := w.cfg.Store
	w.saveTouching(func(ctx context.Context) (func(), error) {
		_, err := retried(w, func() (labels.Span, error) { return st.UpdateSpan(ctx, changed) })
		return nil, err
	}, func() {
		w.takeBack(sp.DocID, func(spans []labels.Span) []labels.Span { return replaceSpan(spans, sp) })
	},
		func(err error) bool { return w.refuseSpan(err, changed) })
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
func (w *Window) deleteSelected() {
	if !w.ready() {
		return
	}
	sp, ok := w.article.SelectedSpan()
	if !ok {
		w.say("Click a labeled span first to remove it.")
		return
	}
	w.deleteSpan(sp)
}

// deleteSpan removes span sp of the document open: gone at once, one DeleteSpan behind.
func (w *Window) deleteSpan(sp labels.Span) {
	w.takeBack(sp.DocID, func(spans []labels.Span) []labels.Span { return dropSpan(spans, sp.ID) })
	if sp.Kind == labels.KindStance {
		w.say("Removed the %s evidence %s for %s.", sp.Label, quote(sp.Text), w.targetName(sp.Target))
	} else {
		w.say("Removed %s %s.", sp.Label, quote(sp.Text))
	}
	st, name := w.cfg.Store, w.cfg.Annotator
	w.saveTouching(func(ctx context.Context) (func(), error) {
		return nil, retriedErr(w, func() error { return st.DeleteSpan(ctx, name, sp.DocID, sp.ID) })
	}, func() { w.takeBack(sp.DocID, func(spans []labels.Span) []labels.Span { return insertSpan(spans, sp) }) },
		func(err error) bool { return w.refuseSpan(err, sp) })
}

// showSpans draws the spans of the document open in the article, and lists its evidence in
// the stance panel.
func (w *Window) showSpans() {
	w.article.SetSpans(w.spans, w.schema)
	w.showStance()
}

// touch returns the state that marks the document open in progress, when the annotator labels
// it for the first time; nil when it is past to do already.
func (w *Window) touch() *labels.DocState {
	if w.state.Status != labels.StatusTodo && w.state.Status != "" {
		return nil
	}
	st := w.state
	st.DocID, st.Annotator, st.Status = w.doc.ID, w.cfg.Annotator, labels.StatusInProgress
	return &st
}

// touched returns what to show once state st (from touch; nil for none) of the document with
// import order order is saved.
func (w *Window) touched(st *labels.DocState, order int64) func() {
	return func() {
		if st != nil {
			w.stateSaved(*st, order, labels.StatusTodo, nil)
		}
	}
}

// spanIndex returns the index of the span with the given id in w.spans, or -1.
func (w *Window) spanIndex(id string) int {
	return slices.IndexFunc(w.spans, func(s labels.Span) bool { return s.ID == id })
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
func (w *Window) refuseSpan(err error, sp labels.Span) bool {
	switch {
	case errors.Is(err, labels.ErrOverlap):
		if o, ok := w.conflict(sp); ok && o.Start == sp.Start && o.End == sp.End && o.Label == sp.Label {
			w.warn("%s is labeled %s already.", quote(o.Text), o.Label)
		} else if ok {
			w.warn("This overlaps %s %s: remove or change that span first.", o.Label, quote(o.Text))
		} else {
			w.warn("This overlaps another labeled span: remove or change that span first.")
		}
	case errors.Is(err, labels.ErrEmptySpan):
		w.warn("Select at least one word to label.")
	case errors.Is(err, labels.ErrOutOfRange), errors.Is(err, labels.ErrTextMismatch):
		w.warn("The selection does not match this document's text: select the words again.")
	case errors.Is(err, labels.ErrUnknownLabel):
		w.warn("%s is not a label of this project.", sp.Label)
	case errors.Is(err, labels.ErrUnknownTarget):
		w.warn("%s is not a stance target of this project (any more): choose another target.", sp.Target)
	case errors.Is(err, labels.ErrNoAnnotator):
		w.askName(true)
	case errors.Is(err, store.ErrNotFound):
		w.warn("That span is no longer in the project (an undo may have removed it). Nothing was changed.")
		w.reloadSpans()
	default:
		return false
	}
	return true
}

// conflict returns the annotator's entity span that sp collides with.
func (w *Window) conflict(sp labels.Span) (labels.Span, bool) {
	var found []labels.Span
	for _, o := range w.spans {
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
func (w *Window) reloadSpans() {
	st, id, name := w.cfg.Store, w.doc.ID, w.cfg.Annotator
	w.do(func(ctx context.Context) func() {
		spans, err := st.Spans(ctx, id, name)
		return func() {
			if err != nil {
				w.showError(fmt.Errorf("read the spans again: %w", err))
				return
			}
			if w.doc.ID == id {
				w.spans = spans
				w.showSpans()
			}
		}
	})
}
