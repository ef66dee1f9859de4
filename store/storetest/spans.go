package storetest

import (
	"errors"
	"testing"

	"github.com/google/uuid"
	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

var _ = contract(
	testCase{"SpanRefusals", testSpanRefusals},
	testCase{"SpanNesting", testSpanNesting},
	testCase{"SpansAllOrNothing", testSpansAllOrNothing},
	testCase{"SpanUpdateDelete", testSpanUpdateDelete},
	testCase{"UndoRedo", testUndoRedo},
)

func testSpanRefusals(t *testing.T, open Opener) {
	text := Texts[0]
	s, ids := project(t, open, labels.NestingFlat, text)
	doc := ids[0]
	base := Entity(t, doc, "salma", text, "الجيش الوطني الليبي", "ORG")
	first, err := s.AddSpan(ctx, base)
	must(t, err)
	if _, err := uuid.Parse(first.ID); err != nil || first.Created.IsZero() || !first.Updated.Equal(first.Created) {
		t.Errorf("AddSpan did not assign an id and times: %+v", first)
	}
	with := func(f func(*labels.Span)) labels.Span {
		sp := Entity(t, doc, "salma", text, "أحمد المسماري", "PERS")
		f(&sp)
		return sp
	}
	for _, c := range []struct {
		name string
		sp   labels.Span
		want error
	}{
		{"out of range", with(func(sp *labels.Span) { sp.End = 1000 }), labels.ErrOutOfRange},
		{"empty", with(func(sp *labels.Span) { sp.End = sp.Start; sp.Text = "" }), labels.ErrEmptySpan},
		{"text mismatch", with(func(sp *labels.Span) { sp.Text = "احمد المسماري" }), labels.ErrTextMismatch},
		{"unknown label", with(func(sp *labels.Span) { sp.Label = "PERSON" }), labels.ErrUnknownLabel},
		{"unknown target", with(func(sp *labels.Span) { sp.Kind = labels.KindStance; sp.Label = "FAVOR"; sp.Target = "un" }), labels.ErrUnknownTarget},
		{"no annotator", with(func(sp *labels.Span) { sp.Annotator = " " }), labels.ErrNoAnnotator},
		{"empty annotator", with(func(sp *labels.Span) { sp.Annotator = "" }), labels.ErrNoAnnotator},
		{"overlap", Entity(t, doc, "salma", text, "الليبي أحمد", "MISC"), labels.ErrOverlap},
		{"inside, flat", Entity(t, doc, "salma", text, "الجيش", "MISC"), labels.ErrOverlap},
		{"no document", with(func(sp *labels.Span) { sp.DocID = uuid.NewString() }), store.ErrNotFound},
	} {
		if _, err := s.AddSpan(ctx, c.sp); !errors.Is(err, c.want) {
			t.Errorf("%s: AddSpan = %v, want %v", c.name, err, c.want)
		}
	}
	all, err := s.Spans(ctx, doc, "")
	must(t, err)
	if len(all) != 1 || all[0] != first {
		t.Errorf("spans after the refusals = %+v", all)
	}
	// Another annotator may label the same words; evidence may overlap entities.
	_, err = s.AddSpan(ctx, Entity(t, doc, "omar", text, "الجيش", "ORG"))
	must(t, err)
	_, err = s.AddSpan(ctx, evidence(t, doc, "salma", text, "باسم الجيش", "FAVOR", "lna"))
	must(t, err)
	// A span named by its writer keeps its name.
	named := with(func(sp *labels.Span) { sp.ID = uuid.NewString() })
	got, err := s.AddSpan(ctx, named)
	must(t, err)
	if got.ID != named.ID {
		t.Errorf("span named %s stored as %s", named.ID, got.ID)
	}
	one, err := s.Span(ctx, doc, named.ID)
	must(t, err)
	if one != got {
		t.Errorf("Span = %+v, want %+v", one, got)
	}
	mine, err := s.Spans(ctx, doc, "salma")
	must(t, err)
	for i := 1; i < len(mine); i++ {
		if mine[i-1].Start > mine[i].Start {
			t.Errorf("Spans out of order: %+v", mine)
		}
	}
	if len(mine) != 3 {
		t.Errorf("salma has %d spans, want 3", len(mine))
	}
}

func testSpanNesting(t *testing.T, open Opener) {
	text := Texts[0]
	s, ids := project(t, open, labels.NestingNested, text)
	_, err := s.AddSpan(ctx, Entity(t, ids[0], "a", text, "الجيش الوطني الليبي", "ORG"))
	must(t, err)
	if _, err := s.AddSpan(ctx, Entity(t, ids[0], "a", text, "الليبي", "LOC")); err != nil {
		t.Errorf("a span inside another: %v", err)
	}
	if _, err := s.AddSpan(ctx, Entity(t, ids[0], "a", text, "الليبي أحمد", "MISC")); !errors.Is(err, labels.ErrOverlap) {
		t.Errorf("crossing spans: %v", err)
	}
	// Flat again is refused while nested spans are stored.
	if err := s.SetSchema(ctx, "admin", Schema(labels.NestingFlat)); !errors.Is(err, labels.ErrOverlap) {
		t.Errorf("flat over nested spans: %v", err)
	}
}

func testSpansAllOrNothing(t *testing.T, open Opener) {
	text := Texts[0]
	s, ids := project(t, open, labels.NestingFlat, text)
	good := Entity(t, ids[0], "a", text, "طرابلس", "LOC")
	bad := Entity(t, ids[0], "a", text, "أحمد المسماري", "NOPE")
	if _, err := s.AddSpans(ctx, []labels.Span{good, bad}); !errors.Is(err, labels.ErrUnknownLabel) {
		t.Fatalf("AddSpans with a bad span: %v", err)
	}
	if got, err := s.Spans(ctx, ids[0], "a"); err != nil || len(got) != 0 {
		t.Errorf("after a refused batch: %+v, %v", got, err)
	}
	bad.Label = "PERS"
	out, err := s.AddSpans(ctx, []labels.Span{good, bad})
	must(t, err)
	if len(out) != 2 || out[0].ID == "" || out[1].ID == out[0].ID {
		t.Errorf("AddSpans = %+v", out)
	}
	// Within a batch, each span is checked against those before it.
	if _, err := s.AddSpans(ctx, []labels.Span{
		Entity(t, ids[0], "b", text, "الجيش", "ORG"), Entity(t, ids[0], "b", text, "الجيش الوطني", "ORG")}); !errors.Is(err, labels.ErrOverlap) {
		t.Errorf("overlapping batch: %v", err)
	}
}

func testSpanUpdateDelete(t *testing.T, open Opener) {
	text := Texts[0]
	s, ids := project(t, open, labels.NestingFlat, text)
	sp, err := s.AddSpan(ctx, Entity(t, ids[0], "a", text, "طرابلس", "LOC"))
	must(t, err)
	sp.Label = "ORG"
	up, err := s.UpdateSpan(ctx, sp)
	must(t, err)
	if up.Label != "ORG" || !up.Created.Equal(sp.Created) {
		t.Errorf("UpdateSpan = %+v", up)
	}
	other := sp
	other.Annotator = "b"
	if _, err := s.UpdateSpan(ctx, other); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("update of another's span: %v", err)
	}
	if err := s.DeleteSpan(ctx, "b", ids[0], sp.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("delete of another's span: %v", err)
	}
	must(t, s.DeleteSpan(ctx, "a", ids[0], sp.ID))
	if _, err := s.Span(ctx, ids[0], sp.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Span after delete: %v", err)
	}
}

func testUndoRedo(t *testing.T, open Opener) {
	text := Texts[0]
	s, ids := project(t, open, labels.NestingFlat, text, Texts[1])
	if _, err := s.Undo(ctx, "a"); !errors.Is(err, store.ErrNothingToUndo) {
		t.Fatalf("Undo of nothing: %v", err)
	}
	sp, err := s.AddSpan(ctx, Entity(t, ids[0], "a", text, "طرابلس", "LOC"))
	must(t, err)
	must(t, s.SetState(ctx, labels.DocState{DocID: ids[1], Annotator: "a", Status: labels.StatusDone}))
	must(t, s.SetDocStance(ctx, labels.DocStance{DocID: ids[0], Annotator: "a", Target: "lna", Label: "FAVOR"}))
	_, err = s.AddSpan(ctx, Entity(t, ids[0], "b", text, "طرابلس", "LOC")) // b's stack is b's
	must(t, err)
	ev, err := s.Undo(ctx, "a")
	must(t, err)
	if ev.Action != labels.ActionStanceSet || ev.DocID != ids[0] {
		t.Errorf("first undo = %+v", ev)
	}
	if list, _ := s.DocStances(ctx, ids[0], "a"); len(list) != 0 {
		t.Errorf("stance after undo: %+v", list)
	}
	_, err = s.Undo(ctx, "a")
	must(t, err)
	if st, _ := s.State(ctx, ids[1], "a"); st.Status != labels.StatusTodo {
		t.Errorf("state after undo = %+v", st)
	}
	ev, err = s.Undo(ctx, "a")
	must(t, err)
	if ev.Action != labels.ActionSpanAdd {
		t.Errorf("third undo = %+v", ev)
	}
	if got, _ := s.Spans(ctx, ids[0], "a"); len(got) != 0 {
		t.Errorf("spans after undo: %+v", got)
	}
	if _, err := s.Undo(ctx, "a"); !errors.Is(err, store.ErrNothingToUndo) {
		t.Errorf("fourth undo: %v", err)
	}
	ev, err = s.Redo(ctx, "a")
	must(t, err)
	got, _ := s.Spans(ctx, ids[0], "a")
	if ev.Action != labels.ActionSpanAdd || len(got) != 1 || got[0].ID != sp.ID {
		t.Errorf("redo = %+v, spans %+v", ev, got)
	}
	// A new change empties the redo stack.
	must(t, s.SetState(ctx, labels.DocState{DocID: ids[0], Annotator: "a", Status: labels.StatusFlagged}))
	if _, err := s.Redo(ctx, "a"); !errors.Is(err, store.ErrNothingToRedo) {
		t.Errorf("redo after a new change: %v", err)
	}
	if b, _ := s.Spans(ctx, ids[0], "b"); len(b) != 1 {
		t.Errorf("b's span after a's undos: %+v", b)
	}
	evs, err := s.Events(ctx, 0, 0)
	must(t, err)
	if len(evs) < 8 || evs[len(evs)-1].Action != labels.ActionStateSet {
		t.Errorf("%d events, last %+v", len(evs), evs[len(evs)-1])
	}
	few, err := s.Events(ctx, evs[1].Seq, 2)
	must(t, err)
	if len(few) != 2 || few[0].Seq != evs[2].Seq {
		t.Errorf("Events(after, 2) = %+v", few)
	}
}
