package app

import (
	"context"
	"encoding/json"
	"slices"

	"fyne.io/fyne/v2/lang"

	"github.com/tawsim/tawsim/app/msg"
	"github.com/tawsim/tawsim/labels"
)

// suggested is what the editor keeps of the suggestions of the document open: those pending
// for the annotator when it was read, less those decided since. What is drawn is what of them
// still fits beside the annotator's spans (labels.Schema.SuggestionFits), worked out again
// whenever the spans change, as the store's PendingSuggestions would.
type suggested struct {
	doc     string
	pending []labels.Suggestion
	x       *labels.TextIndex          // the document's text, for the fit
	decided map[labels.Suggestion]bool // those decided since the document was read (no score)
}

// set keeps the pending suggestions sgs of document doc, read with it.
func (s *suggested) set(doc labels.Document, sgs []labels.Suggestion) {
	if doc.ID != s.doc || s.x == nil {
		s.x = labels.NewTextIndex(doc.Text)
	}
	s.doc, s.pending, s.decided = doc.ID, sgs, nil
}

// refresh keeps the pending suggestions sgs of the document, read again alone (after a run):
// those decided since the document was read stay out, whose decisions may be written after
// this read.
func (s *suggested) refresh(sgs []labels.Suggestion) {
	s.pending = slices.DeleteFunc(sgs, func(g labels.Suggestion) bool { return s.decided[decisionKey(g)] })
}

// decisionKey names a suggestion as decisions do: by source, place and label.
func decisionKey(g labels.Suggestion) labels.Suggestion {
	return labels.Suggestion{Start: g.Start, End: g.End, Label: g.Label, Source: g.Source}
}

// drop removes the suggestions of the label on the range of g (every source's), and returns
// them.
func (s *suggested) drop(g labels.Suggestion) []labels.Suggestion {
	var gone []labels.Suggestion
	if s.decided == nil {
		s.decided = map[labels.Suggestion]bool{}
	}
	s.pending = slices.DeleteFunc(slices.Clone(s.pending), func(o labels.Suggestion) bool {
		same := o.Start == g.Start && o.End == g.End && o.Label == g.Label
		if same {
			gone = append(gone, o)
			s.decided[decisionKey(o)] = true
		}
		return same
	})
	return gone
}

// fitting returns the pending suggestions that accepting would add beside spans.
func (s *suggested) fitting(sc labels.Schema, name string, spans []labels.Span) []labels.Suggestion {
	var out []labels.Suggestion
	for _, g := range s.pending {
		if sc.SuggestionFits(s.x, g, name, spans) == nil {
			out = append(out, g)
		}
	}
	return out
}

// reloadPending reads the pending suggestions of document doc again (a run wrote new ones),
// and draws them when it is still open. The spans shown stay as they are: a label drawn
// meanwhile is written after this read, and the fit is worked out against the spans shown.
func (e *editor) reloadPending(doc string) {
	st, name := e.w.cfg.Store, e.w.cfg.Annotator
	if doc == "" || name == "" {
		return
	}
	read := func(ctx context.Context) ([]labels.Suggestion, error) { return st.PendingSuggestions(ctx, doc, name) }
	readThen(e.w, lang.X("suggest.read_failed", "read the suggestions again"), read, func(sgs []labels.Suggestion) {
		if e.doc.ID == doc && e.sug.doc == doc {
			e.sug.refresh(sgs)
			e.showSuggestions()
		}
	})
}

// decisionEvent is the value of a suggestion.accept or suggestion.reject event.
type decisionEvent struct {
	Suggestions []labels.Suggestion `json:"suggestions"`
	Spans       []labels.Span       `json:"spans"`
}

// describeDecision names in a few words the decision that event ev (a suggestion.accept or
// suggestion.reject) made, for undo and redo.
func (e *editor) describeDecision(ev labels.Event) string {
	var d decisionEvent
	for _, data := range []json.RawMessage{ev.After, ev.Before} {
		if len(data) > 0 && json.Unmarshal(data, &d) == nil && len(d.Suggestions) > 0 {
			break
		}
	}
	if ev.Action == labels.ActionSuggestionReject && len(d.Suggestions) > 0 {
		g := d.Suggestions[0]
		return lang.X("undo.rejecting", "rejecting the suggestion {{.Label}} {{.Text}}", msg.M{"Label": e.entityName(g.Label), "Text": msg.Quote(g.Text)})
	}
	if len(d.Spans) == 1 {
		return lang.X("undo.accepting", "accepting the suggestion {{.Label}} {{.Text}}", msg.M{"Label": e.entityName(d.Spans[0].Label), "Text": msg.Quote(d.Spans[0].Text)})
	}
	return msg.Count("undo.accepting_all", "accepting {{.N}} suggestions", len(d.Spans))
}
