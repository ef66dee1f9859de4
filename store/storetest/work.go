package storetest

import (
	"errors"
	"testing"

	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

var _ = contract(
	testCase{"StatesAndStances", testStatesAndStances},
	testCase{"StatsFollowEveryWrite", testStatsFollowEveryWrite},
	testCase{"DocumentWork", testDocumentWork},
)

func testStatesAndStances(t *testing.T, open Opener) {
	s, ids := project(t, open, labels.NestingFlat, Texts[0], Texts[1])
	st, err := s.State(ctx, ids[0], "a")
	must(t, err)
	if st.Status != labels.StatusTodo {
		t.Errorf("State before any = %+v", st)
	}
	must(t, s.SetState(ctx, labels.DocState{DocID: ids[0], Annotator: "a", Status: labels.StatusDone, Note: "سهل", Seconds: 42}))
	st, err = s.State(ctx, ids[0], "a")
	must(t, err)
	if st.Status != labels.StatusDone || st.Note != "سهل" || st.Seconds != 42 || st.Updated.IsZero() {
		t.Errorf("State = %+v", st)
	}
	if err := s.SetState(ctx, labels.DocState{DocID: ids[0], Annotator: "a", Status: "finished"}); !errors.Is(err, labels.ErrBadStatus) {
		t.Errorf("bad status: %v", err)
	}
	if err := s.SetState(ctx, labels.DocState{DocID: "nope", Annotator: "a", Status: labels.StatusDone}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("state of no document: %v", err)
	}
	if _, err := s.State(ctx, "nope", "a"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("State of no document: %v", err)
	}
	if err := s.SetDocStance(ctx, labels.DocStance{DocID: ids[0], Annotator: "a", Target: "lna", Label: "LOVE"}); !errors.Is(err, labels.ErrUnknownLabel) {
		t.Errorf("unknown stance label: %v", err)
	}
	if err := s.SetDocStance(ctx, labels.DocStance{DocID: ids[0], Annotator: "a", Target: "un", Label: "FAVOR"}); !errors.Is(err, labels.ErrUnknownTarget) {
		t.Errorf("unknown target: %v", err)
	}
	must(t, s.SetDocStance(ctx, labels.DocStance{DocID: ids[0], Annotator: "a", Target: "lna", Label: "FAVOR"}))
	must(t, s.SetDocStance(ctx, labels.DocStance{DocID: ids[0], Annotator: "a", Target: "lna", Label: "AGAINST"}))
	must(t, s.SetDocStance(ctx, labels.DocStance{DocID: ids[0], Annotator: "a", Target: "gna", Label: "FAVOR"}))
	must(t, s.SetDocStance(ctx, labels.DocStance{DocID: ids[0], Annotator: "b", Target: "gna", Label: "NONE"}))
	list, err := s.DocStances(ctx, ids[0], "")
	must(t, err)
	if len(list) != 3 || list[0].Target != "gna" || list[1].Label != "AGAINST" || list[2].Annotator != "b" {
		t.Errorf("DocStances = %+v", list)
	}
	keys, err := s.StanceKeys(ctx, "a")
	must(t, err)
	if keys[ids[0]] != "gna=FAVOR,lna=AGAINST" || len(keys) != 1 {
		t.Errorf("StanceKeys = %v", keys)
	}
	must(t, s.ClearDocStance(ctx, ids[0], "a", "lna"))
	if err := s.ClearDocStance(ctx, ids[0], "a", "lna"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("clearing again: %v", err)
	}
	if list, _ := s.DocStances(ctx, ids[0], "a"); len(list) != 1 {
		t.Errorf("after clear: %+v", list)
	}
}

func testStatsFollowEveryWrite(t *testing.T, open Opener) {
	text := Texts[0]
	s, ids := project(t, open, labels.NestingFlat, text, Texts[1], Texts[2])
	sp, err := s.AddSpan(ctx, Entity(t, ids[0], "a", text, "طرابلس", "LOC"))
	must(t, err)
	_, err = s.AddSpan(ctx, Entity(t, ids[0], "a", text, "أحمد المسماري", "PERS"))
	must(t, err)
	_, err = s.AddSpan(ctx, evidence(t, ids[0], "b", text, "الجيش", "FAVOR", "lna"))
	must(t, err)
	sp.Label = "ORG"
	_, err = s.UpdateSpan(ctx, sp)
	must(t, err)
	must(t, s.SetState(ctx, labels.DocState{DocID: ids[0], Annotator: "a", Status: labels.StatusDone}))
	must(t, s.SetState(ctx, labels.DocState{DocID: ids[1], Annotator: "a", Status: labels.StatusDone}))
	must(t, s.SetState(ctx, labels.DocState{DocID: ids[1], Annotator: "a", Status: labels.StatusSkipped}))
	must(t, s.SetDocStance(ctx, labels.DocStance{DocID: ids[0], Annotator: "b", Target: "lna", Label: "FAVOR"}))
	all, err := s.Stats(ctx, "")
	must(t, err)
	if all.Documents != 3 || len(all.Annotators) != 2 || all.Spans != 3 || all.EntityLabels["ORG"] != 1 ||
		all.EntityLabels["PERS"] != 1 || all.EntityLabels["LOC"] != 0 || all.StanceLabels["FAVOR"] != 1 ||
		all.StanceSpans["lna"]["FAVOR"] != 1 || all.DocStances["lna"]["FAVOR"] != 1 {
		t.Errorf("Stats = %+v", all)
	}
	if all.Status[labels.StatusDone] != 1 || all.Status[labels.StatusSkipped] != 1 || all.Status[labels.StatusTodo] != 4 {
		t.Errorf("Stats statuses = %v (3 documents × 2 annotators)", all.Status)
	}
	if all.TargetNames["lna"] != "Libyan National Army" {
		t.Errorf("TargetNames = %v", all.TargetNames)
	}
	a, err := s.Stats(ctx, "a")
	must(t, err)
	if a.Spans != 2 || a.Status[labels.StatusTodo] != 1 || a.Status[labels.StatusDone] != 1 || len(a.DocStances) != 0 {
		t.Errorf("Stats(a) = %+v", a)
	}
	_, err = s.Undo(ctx, "a") // the skip
	must(t, err)
	a, err = s.Stats(ctx, "a")
	must(t, err)
	if a.Status[labels.StatusDone] != 2 || a.Status[labels.StatusSkipped] != 0 {
		t.Errorf("Stats(a) after undo = %v", a.Status)
	}
	problems, err := s.Check(ctx)
	must(t, err)
	if len(problems) != 0 {
		t.Errorf("Check = %v", problems)
	}
	must(t, s.Recount(ctx))
	again, err := s.Stats(ctx, "a")
	must(t, err)
	if again.Spans != a.Spans || again.Status[labels.StatusDone] != 2 {
		t.Errorf("Stats after Recount = %+v", again)
	}
}

func testDocumentWork(t *testing.T, open Opener) {
	text := Texts[0]
	s, ids := project(t, open, labels.NestingFlat, text, Texts[1], Texts[2])
	_, err := s.AddSpan(ctx, Entity(t, ids[0], "a", text, "طرابلس", "LOC"))
	must(t, err)
	_, err = s.AddSpan(ctx, Entity(t, ids[0], "b", text, "طرابلس", "ORG"))
	must(t, err)
	must(t, s.SetState(ctx, labels.DocState{DocID: ids[2], Annotator: "b", Status: labels.StatusDone, Note: "n"}))
	must(t, s.SetState(ctx, labels.DocState{DocID: ids[1], Annotator: "a", Status: labels.StatusTodo}))
	must(t, s.SetDocStance(ctx, labels.DocStance{DocID: ids[2], Annotator: "a", Target: "gna", Label: "NONE"}))
	var seen []store.DocumentWork
	must(t, s.EachWork(ctx, store.WorkFilter{}, func(d store.DocumentWork) error { seen = append(seen, d); return nil }))
	if len(seen) != 2 || seen[0].Doc.ID != ids[0] || len(seen[0].Work) != 2 || seen[0].Work[1].Spans[0].Label != "ORG" ||
		seen[1].Doc.ID != ids[2] || len(seen[1].Work) != 2 || seen[1].Work[0].Stances[0].Label != "NONE" ||
		seen[1].Work[1].Status != labels.StatusDone || seen[1].Work[1].Note != "n" {
		t.Fatalf("EachWork = %+v", seen)
	}
	seen = nil
	must(t, s.EachWork(ctx, store.WorkFilter{Annotators: []string{"b"}, Statuses: []labels.Status{labels.StatusDone}, Bare: true},
		func(d store.DocumentWork) error { seen = append(seen, d); return nil }))
	if len(seen) != 1 || seen[0].Doc.ID != ids[2] {
		t.Errorf("EachWork(b, done) = %+v", seen)
	}
	d, err := s.DocumentWork(ctx, ids[0])
	must(t, err)
	if len(d.Work) != 2 || d.Work[0].Spans[0].ID == "" || d.Work[0].Spans[0].Created.IsZero() {
		t.Errorf("DocumentWork = %+v", d)
	}
	if _, err := s.DocumentWork(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("DocumentWork of no document: %v", err)
	}
	sets := 0
	must(t, s.EachSpanSet(ctx, func(spans []labels.Span) error { sets++; return nil }))
	if sets != 2 {
		t.Errorf("EachSpanSet gave %d sets, want 2", sets)
	}
}
