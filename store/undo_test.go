package store

import (
	"errors"
	"path/filepath"
	"slices"
	"testing"

	"github.com/tawsim/tawsim/labels"
)

// spanLabels lists a document's spans of one annotator as "label:text".
func spanLabels(t *testing.T, s *Store, docID, annotator string) []string {
	t.Helper()
	spans, err := s.Spans(ctx, docID, annotator)
	must(t, err)
	out := []string{}
	for _, sp := range spans {
		out = append(out, sp.Label+":"+sp.Text)
	}
	return out
}

func TestUndoRedoAcrossDocumentsAndRestart(t *testing.T) {
	t1 := "قال المسماري إن الجيش الليبي تقدم نحو طرابلس"
	t2 := "وأعلنت حكومة الوفاق الوطني حالة النفير في مصراتة"
	s, ids := newProject(t, labels.NestingFlat, t1, t2)
	path := s.Path()

	a, err := s.AddSpan(ctx, entity(t, ids[0], "amal", t1, "المسماري", "PERS"))
	must(t, err)
	a.Label = "ORG"
	_, err = s.UpdateSpan(ctx, a) // relabel
	must(t, err)
	b, err := s.AddSpan(ctx, entity(t, ids[1], "amal", t2, "مصراتة", "LOC"))
	must(t, err)
	must(t, s.DeleteSpan(ctx, "amal", b.DocID, b.ID))
	must(t, s.SetState(ctx, labels.DocState{DocID: ids[1], Annotator: "amal", Status: labels.StatusDone}))
	// Another annotator's change is not on amal's stack.
	_, err = s.AddSpan(ctx, entity(t, ids[0], "badr", t1, "طرابلس", "LOC"))
	must(t, err)

	steps := []struct {
		doc        string
		action     labels.Action
		doc1, doc2 []string
		status2    labels.Status
	}{
		{ids[1], labels.ActionStateSet, []string{"ORG:المسماري"}, []string{}, labels.StatusTodo},
		{ids[1], labels.ActionSpanDelete, []string{"ORG:المسماري"}, []string{"LOC:مصراتة"}, labels.StatusTodo},
		{ids[1], labels.ActionSpanAdd, []string{"ORG:المسماري"}, []string{}, labels.StatusTodo},
		{ids[0], labels.ActionSpanUpdate, []string{"PERS:المسماري"}, []string{}, labels.StatusTodo},
		{ids[0], labels.ActionSpanAdd, []string{}, []string{}, labels.StatusTodo},
	}
	check := func(i int, d1, d2 []string, st labels.Status) {
		t.Helper()
		if got := spanLabels(t, s, ids[0], "amal"); !slices.Equal(got, d1) {
			t.Fatalf("step %d: document 1 has %v, want %v", i, got, d1)
		}
		if got := spanLabels(t, s, ids[1], "amal"); !slices.Equal(got, d2) {
			t.Fatalf("step %d: document 2 has %v, want %v", i, got, d2)
		}
		state, err := s.State(ctx, ids[1], "amal")
		must(t, err)
		if state.Status != st {
			t.Fatalf("step %d: status %q, want %q", i, state.Status, st)
		}
	}
	for i, st := range steps {
		if i == 2 { // a restart halfway: the stacks live in the file
			must(t, s.Close())
			s = openStore(t, path)
		}
		ev, err := s.Undo(ctx, "amal")
		must(t, err)
		if ev.DocID != st.doc || ev.Action != st.action {
			t.Fatalf("undo %d: %s on %s, want %s on %s", i, ev.Action, ev.DocID, st.action, st.doc)
		}
		check(i, st.doc1, st.doc2, st.status2)
	}
	if _, err := s.Undo(ctx, "amal"); !errors.Is(err, ErrNothingToUndo) {
		t.Fatalf("undo past the start: %v", err)
	}
	if got := spanLabels(t, s, ids[0], "badr"); !slices.Equal(got, []string{"LOC:طرابلس"}) {
		t.Fatalf("badr's span was touched: %v", got)
	}
	// Redo walks forward again, in order.
	for i := len(steps) - 2; i >= 0; i-- {
		_, err := s.Redo(ctx, "amal")
		must(t, err)
		check(i, steps[i].doc1, steps[i].doc2, steps[i].status2)
	}
	_, err = s.Redo(ctx, "amal")
	must(t, err)
	check(-1, []string{"ORG:المسماري"}, []string{}, labels.StatusDone)
	if _, err := s.Redo(ctx, "amal"); !errors.Is(err, ErrNothingToRedo) {
		t.Fatalf("redo past the end: %v", err)
	}
	if probs, _ := s.Check(ctx); len(probs) != 0 {
		t.Fatalf("check: %v", probs)
	}
}

func TestNewChangeEmptiesRedo(t *testing.T) {
	text := "زار أردوغان طرابلس"
	s, ids := newProject(t, labels.NestingFlat, text)
	_, err := s.AddSpan(ctx, entity(t, ids[0], "amal", text, "أردوغان", "PERS"))
	must(t, err)
	_, err = s.Undo(ctx, "amal")
	must(t, err)
	_, err = s.AddSpan(ctx, entity(t, ids[0], "amal", text, "طرابلس", "LOC"))
	must(t, err)
	if _, err := s.Redo(ctx, "amal"); !errors.Is(err, ErrNothingToRedo) {
		t.Fatalf("redo after a new change: %v", err)
	}
}

func TestUndoRefusesWhatNoLongerFits(t *testing.T) {
	text := "الجيش الوطني الليبي"
	s, ids := newProject(t, labels.NestingFlat, text)
	a, err := s.AddSpan(ctx, entity(t, ids[0], "amal", text, "الجيش الوطني الليبي", "ORG"))
	must(t, err)
	must(t, s.DeleteSpan(ctx, "amal", a.DocID, a.ID))
	// Another program takes the words meanwhile; its span is on no stack.
	other := newProjectSpan(t, s, ids[0], text)
	// Putting ORG back now would cross it: refused, and nothing changes.
	_, err = s.Undo(ctx, "amal")
	if !errors.Is(err, labels.ErrOverlap) {
		t.Fatalf("undo over a newer span: %v, want ErrOverlap", err)
	}
	if got := spanLabels(t, s, ids[0], "amal"); !slices.Equal(got, []string{other}) {
		t.Fatalf("spans %v", got)
	}
	must(t, s.Close())
	s = openStore(t, filepath.Clean(s.Path()))
	if _, err := s.Undo(ctx, "amal"); !errors.Is(err, labels.ErrOverlap) {
		t.Fatalf("after a restart: %v", err)
	}
}

// newProjectSpan writes a span for amal straight into the file, as another program would,
// so that it is on no undo stack, and returns it as spanLabels shows it.
func newProjectSpan(t *testing.T, s *Store, docID, text string) string {
	t.Helper()
	db := rawDB(t, s.Path())
	start := labels.RuneLen("الجيش ")
	_, err := db.Exec(`INSERT INTO span_sets (doc_id, annotator, spans) VALUES (?, 'amal', json_array(json_object(
    'i', 'x', 's', ?, 'e', ?, 't', 'الوطني', 'l', 'MISC', 'k', 'entity', 'o', 'import', 'c', '2026-01-01T00:00:00.000000000Z')))`,
		docID, start, start+labels.RuneLen("الوطني"))
	must(t, err)
	return "MISC:الوطني"
}
