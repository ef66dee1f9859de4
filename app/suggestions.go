package app

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"fyne.io/fyne/v2/lang"
	"github.com/google/uuid"

	"github.com/tawsim/tawsim/app/article"
	"github.com/tawsim/tawsim/app/msg"
	"github.com/tawsim/tawsim/app/suggestpanel"
	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// showSuggestions draws the suggestions of the document open that still fit beside the
// annotator's spans, unless the annotator hid them, and counts them in the bar.
func (e *editor) showSuggestions() {
	var shown []labels.Suggestion
	if e.w.sugPanel.Shown() && e.doc.ID != "" && e.doc.ID == e.sug.doc {
		shown = e.sug.fitting(e.w.schema, e.w.cfg.Annotator, e.spans)
	}
	e.w.view.article.SetSuggestions(shown, e.w.schema)
	e.w.sugPanel.SetPending(len(e.w.view.article.Suggestions()) + othersOf(e.w.view.article.Suggestions()))
}

// othersOf counts the suggestions drawn behind others.
func othersOf(ss []article.Suggested) int {
	n := 0
	for _, s := range ss {
		n += s.Others
	}
	return n
}

// onSelectWords tells the annotator what the keys do with the words just selected: those of a
// suggestion get what it is and how to accept it.
func (e *editor) onSelectWords(sel article.Selection) {
	e.onSelect(sel)
	if s, ok := e.w.view.article.SuggestionUnderSelection(); ok && !sel.Empty() {
		e.w.status.Say("%s", suggestpanel.Describe(s, e.entityName(s.Label), true))
	}
}

// hoverSuggestion tells in the status bar who suggests what the pointer rests on, and how sure.
func (e *editor) hoverSuggestion(s article.Suggested, ok bool) {
	if ok {
		e.w.status.Say("%s", suggestpanel.Describe(s, e.entityName(s.Label), false))
	}
}

// underSelection returns the suggestion the selection stands on; when there is none, it says
// how to choose one and returns false.
func (e *editor) underSelection(key string) (article.Suggested, bool) {
	if !e.w.sugPanel.Shown() {
		e.w.status.Say("%s", lang.X("suggest.hidden_check", "Suggestions are hidden: check “{{.Show}}” above the article to see them.",
			msg.M{"Show": lang.X("suggest.show", "Show suggestions")}))
		return article.Suggested{}, false
	}
	s, ok := e.w.view.article.SuggestionUnderSelection()
	if !ok {
		e.w.status.Say("%s", lang.X("suggest.click_first", "Click a suggestion (a dashed outline) first, then press {{.Key}}.", msg.M{"Key": key}))
	}
	return s, ok
}

// acceptSuggestion makes the suggestion under the selection a span of the annotator: drawn at
// once, selected, and written behind as one AcceptSuggestion (one undoable action), the span
// named before it is written so that keys pressed meanwhile act on it. A refused write takes
// the span back and brings the suggestion back.
func (e *editor) acceptSuggestion() {
	if !e.ready() {
		return
	}
	s, ok := e.underSelection("Enter")
	if !ok {
		return
	}
	g := s.Suggestion()
	g.DocID = e.doc.ID
	sp := g.Span(e.w.cfg.Annotator)
	id, err := uuid.NewV7()
	if err != nil {
		e.w.showError(err)
		return
	}
	sp.ID = id.String()
	gone := e.sug.drop(g)
	e.spans = insertSpan(e.spans, sp)
	e.showSpans()
	e.w.view.article.SelectSpan(sp.ID)
	e.w.status.Say("%s", lang.X("suggest.accepted", "Accepted {{.Label}} {{.Text}}. Ctrl+Z takes it back; another key changes its label.",
		msg.M{"Label": e.entityName(sp.Label), "Text": msg.Quote(sp.Text)}))
	st, name := e.w.cfg.Store, e.w.cfg.Annotator
	e.saveTouching(func(ctx context.Context) (func(), error) {
		_, err := retried(e.w, func() (labels.Span, error) { return st.AcceptSuggestion(ctx, name, g, sp.ID) })
		return nil, err
	}, func() { e.undraw(g.DocID, []labels.Span{sp}, gone) },
		func(err error) bool { return e.refuseSuggestion(err, sp) })
}

// acceptAllSuggestions makes every suggestion drawn on the document (those behind others
// too) spans of the annotator, the surest first, each that fits beside the spans before it,
// as the store's AcceptAllSuggestions takes them: drawn at once, written behind as one
// action, each span named before it is written.
func (e *editor) acceptAllSuggestions() {
	if !e.ready() {
		return
	}
	if !e.w.sugPanel.Shown() {
		e.underSelection("Shift+Enter")
		return
	}
	todo := e.sug.fitting(e.w.schema, e.w.cfg.Annotator, e.spans)
	slices.SortStableFunc(todo, labels.ByConfidence)
	names := map[string]string{}
	var made []labels.Span
	var gone []labels.Suggestion
	for _, g := range todo {
		if e.w.schema.SuggestionFits(e.sug.x, g, e.w.cfg.Annotator, e.spans) != nil {
			continue
		}
		id, err := uuid.NewV7()
		if err != nil {
			e.w.showError(err)
			return
		}
		sp := g.Span(e.w.cfg.Annotator)
		sp.DocID, sp.ID = e.doc.ID, id.String()
		names[placeKey(g)] = sp.ID
		made = append(made, sp)
		gone = append(gone, e.sug.drop(g)...)
		e.spans = insertSpan(e.spans, sp)
	}
	if len(made) == 0 {
		e.w.status.Say("%s", lang.X("suggest.none", "No suggestion waits on this document."))
		return
	}
	e.showSpans()
	e.w.status.Say("%s", msg.Count("suggest.accepted_all", "Accepted {{.N}} suggestions. Ctrl+Z takes them all back.", len(made)))
	st, name, doc := e.w.cfg.Store, e.w.cfg.Annotator, e.doc.ID
	e.saveTouching(func(ctx context.Context) (func(), error) {
		got, err := retried(e.w, func() ([]labels.Span, error) {
			return st.AcceptAllSuggestionsNamed(ctx, name, doc, func(g labels.Suggestion) string { return names[placeKey(g)] })
		})
		if err != nil || sameIDs(got, made) {
			return nil, err
		}
		return func() { e.reloadSuggested(doc) }, nil // the project had changed: show what it holds
	}, func() { e.undraw(doc, made, gone) }, func(err error) bool { return e.refuseSuggestion(err, labels.Span{}) })
}

// placeKey names the label on the range of a suggestion.
func placeKey(g labels.Suggestion) string { return fmt.Sprintf("%d %d %s", g.Start, g.End, g.Label) }

// sameIDs reports whether a and b hold spans of the same ids.
func sameIDs(a, b []labels.Span) bool {
	if len(a) != len(b) {
		return false
	}
	ids := map[string]bool{}
	for _, sp := range a {
		ids[sp.ID] = true
	}
	for _, sp := range b {
		if !ids[sp.ID] {
			return false
		}
	}
	return true
}

// backspace rejects the suggestion under the selection when no span is selected, and
// removes the selected span otherwise (as Delete does).
func (e *editor) backspace() {
	if _, span := e.w.view.article.SelectedSpan(); !span && e.w.sugPanel.Shown() {
		if _, ok := e.w.view.article.SuggestionUnderSelection(); ok {
			e.rejectSuggestion()
			return
		}
	}
	e.deleteSelected()
}

// rejectSuggestion rejects the suggestion under the selection for the annotator: gone at
// once, written behind as one RejectSuggestion (one undoable action); it is not suggested to
// them again. The words stay selected.
func (e *editor) rejectSuggestion() {
	if !e.ready() {
		return
	}
	s, ok := e.underSelection("Backspace")
	if !ok {
		return
	}
	g := s.Suggestion()
	g.DocID = e.doc.ID
	gone := e.sug.drop(g)
	e.showSuggestions()
	e.w.status.Say("%s", lang.X("suggest.rejected", "Rejected {{.Label}} {{.Text}}: it will not be suggested to you here again. Ctrl+Z brings it back.",
		msg.M{"Label": e.entityName(g.Label), "Text": msg.Quote(g.Text)}))
	st, name := e.w.cfg.Store, e.w.cfg.Annotator
	e.saveTouching(func(ctx context.Context) (func(), error) {
		return nil, retriedErr(e.w, func() error { return st.RejectSuggestion(ctx, name, g) })
	}, func() { e.undraw(g.DocID, nil, gone) },
		func(err error) bool { return e.refuseSuggestion(err, labels.Span{}) })
}

// undraw takes back what a refused decision drew on document doc: the spans made, and the
// suggestions it took away.
func (e *editor) undraw(doc string, made []labels.Span, gone []labels.Suggestion) {
	if e.doc.ID != doc || e.sug.doc != doc {
		return
	}
	for _, g := range gone {
		delete(e.sug.decided, decisionKey(g))
	}
	e.sug.pending = append(slices.Clone(e.sug.pending), gone...)
	slices.SortFunc(e.sug.pending, labels.CompareSuggestions)
	e.takeBack(doc, func(spans []labels.Span) []labels.Span {
		for _, sp := range made {
			spans = dropSpan(spans, sp.ID)
		}
		return spans
	})
}

// refuseSuggestion explains why a decision on a suggestion was refused, and reports whether
// it was such a refusal. sp is the span accepting made, if any.
func (e *editor) refuseSuggestion(err error, sp labels.Span) bool {
	if errors.Is(err, store.ErrNotFound) {
		e.w.status.Warn("%s", lang.X("suggest.decided", "That suggestion was decided on meanwhile (in another window?). Nothing was changed."))
		e.reloadSuggested(e.doc.ID)
		return true
	}
	return e.refuseSpan(err, sp)
}

// reloadSuggested reads the spans and the pending suggestions of document doc again, and
// shows them when it is still open.
func (e *editor) reloadSuggested(doc string) {
	st, name := e.w.cfg.Store, e.w.cfg.Annotator
	read := func(ctx context.Context) (opened, error) { return readDocument(ctx, st, doc, name) }
	readThen(e.w, lang.X("suggest.read_failed", "read the suggestions again"), read, func(o opened) {
		if e.doc.ID == doc {
			e.spans = o.spans
			e.sug.set(o.doc, o.sgs)
			e.showSpans()
		}
	})
}
