package storetest

import (
	"errors"
	"testing"

	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

var _ = contract(
	testCase{"UndoStepSentAgainAppliesOnce", testUndoStepOnce},
	testCase{"UndoStepRefusesAStaleStep", testUndoStepStale},
)

// stepProject is a project where annotator "a" added two spans of Texts[0] and finished it.
func stepProject(t *testing.T, open Opener) (store.Project, string) {
	t.Helper()
	text := Texts[0]
	s, ids := project(t, open, labels.NestingFlat, text)
	for _, sp := range []labels.Span{Entity(t, ids[0], "a", text, "طرابلس", "LOC"),
		Entity(t, ids[0], "a", text, "أحمد المسماري", "PERS")} {
		_, err := s.AddSpan(ctx, sp)
		must(t, err)
	}
	must(t, s.SetState(ctx, labels.DocState{DocID: ids[0], Annotator: "a", Status: labels.StatusDone}))
	return s, ids[0]
}

// testUndoStepOnce sends the same undo, then the same redo, twice, as the window does when
// the answer to the first was lost: each is applied once, and the second returns the same
// event and logs nothing.
func testUndoStepOnce(t *testing.T, open Opener) {
	s, doc := stepProject(t, open)
	seq, err := s.NextStep(ctx, "a", false)
	must(t, err)
	first, err := s.UndoStep(ctx, "a", seq, false)
	must(t, err)
	if first.Seq != seq || first.Action != labels.ActionStateSet {
		t.Fatalf("UndoStep(%d) undid event %d (%s)", seq, first.Seq, first.Action)
	}
	logged, err := s.Events(ctx, 0, 0)
	must(t, err)
	again, err := s.UndoStep(ctx, "a", seq, false)
	must(t, err)
	if again.Seq != seq || again.Action != first.Action || again.DocID != first.DocID {
		t.Errorf("UndoStep(%d) sent again returned event %d (%s), want %d (%s)", seq, again.Seq, again.Action, first.Seq, first.Action)
	}
	wantWork(t, s, doc, "sent again", 2, labels.StatusTodo)
	if now, _ := s.Events(ctx, 0, 0); len(now) != len(logged) {
		t.Errorf("UndoStep sent again logged %d events", len(now)-len(logged))
	}
	if next, err := s.NextStep(ctx, "a", false); err != nil || next == seq {
		t.Errorf("NextStep after the undo = %d, %v: want the span before it", next, err)
	}

	redo, err := s.NextStep(ctx, "a", true)
	must(t, err)
	if redo != seq {
		t.Errorf("NextStep(redo) = %d, want %d", redo, seq)
	}
	for range 2 {
		ev, err := s.UndoStep(ctx, "a", redo, true)
		must(t, err)
		if ev.Seq != seq {
			t.Errorf("redo of %d returned event %d", seq, ev.Seq)
		}
	}
	wantWork(t, s, doc, "redone twice", 2, labels.StatusDone)
	if _, err := s.NextStep(ctx, "a", true); !errors.Is(err, store.ErrNothingToRedo) {
		t.Errorf("NextStep(redo) after the redo: %v", err)
	}
	if _, err := s.NextStep(ctx, "a", false); err != nil {
		t.Errorf("NextStep after the redo: %v", err)
	}
}

// testUndoStepStale: a step that another window of the same annotator buried under a change,
// or left behind by undoing further, is refused and nothing changes.
func testUndoStepStale(t *testing.T, open Opener) {
	s, doc := stepProject(t, open)
	seq, err := s.NextStep(ctx, "a", false) // the status
	must(t, err)
	must(t, s.DeleteSpan(ctx, "a", doc, spanOf(t, s, doc, "طرابلس"))) // another window
	if _, err := s.UndoStep(ctx, "a", seq, false); !errors.Is(err, store.ErrStaleStep) {
		t.Fatalf("UndoStep of a step under a newer one: %v", err)
	}
	wantWork(t, s, doc, "stale undo", 1, labels.StatusDone)
	if _, err := s.UndoStep(ctx, "a", seq+1000, false); !errors.Is(err, store.ErrStaleStep) {
		t.Errorf("UndoStep of a step on no stack: %v", err)
	}

	_, err = s.Undo(ctx, "a") // the removal
	must(t, err)
	redo, err := s.NextStep(ctx, "a", true)
	must(t, err)
	_, err = s.Undo(ctx, "a") // another window undoes the status too
	must(t, err)
	if _, err := s.UndoStep(ctx, "a", redo, true); !errors.Is(err, store.ErrStaleStep) {
		t.Fatalf("redo of a step above the next: %v", err)
	}
	wantWork(t, s, doc, "stale redo", 2, labels.StatusTodo)
	if _, err := s.NextStep(ctx, "b", false); !errors.Is(err, store.ErrNothingToUndo) {
		t.Errorf("NextStep of an annotator with no stack: %v", err)
	}
}

// spanOf returns the id of annotator a's span over word in doc.
func spanOf(t *testing.T, s store.Project, doc, word string) string {
	t.Helper()
	spans, err := s.Spans(ctx, doc, "a")
	must(t, err)
	for _, sp := range spans {
		if sp.Text == word {
			return sp.ID
		}
	}
	t.Fatalf("no span over %q in %+v", word, spans)
	return ""
}

// wantWork checks annotator a's number of spans in doc and its status.
func wantWork(t *testing.T, s store.Project, doc, when string, spans int, status labels.Status) {
	t.Helper()
	got, err := s.Spans(ctx, doc, "a")
	must(t, err)
	st, err := s.State(ctx, doc, "a")
	must(t, err)
	if len(got) != spans || st.Status != status {
		t.Errorf("%s: %d spans, status %s; want %d, %s", when, len(got), st.Status, spans, status)
	}
}
