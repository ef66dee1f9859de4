package store

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/tawsim/tawsim/labels"
)

// lastEvent returns the newest event of the log.
func lastEvent(t *testing.T, s *Store) labels.Event {
	t.Helper()
	evs, err := s.Events(ctx, 0, 0)
	must(t, err)
	if len(evs) == 0 {
		t.Fatal("no events")
	}
	return evs[len(evs)-1]
}

func TestState(t *testing.T) {
	s, ids := newProject(t, labels.NestingFlat, "نص أول", "نص ثان")
	st, err := s.State(ctx, ids[0], "salma")
	must(t, err)
	if st.Status != labels.StatusTodo || st.DocID != ids[0] || st.Annotator != "salma" || st.Seconds != 0 {
		t.Errorf("state without a row: %+v", st)
	}
	must(t, s.SetState(ctx, labels.DocState{DocID: ids[0], Annotator: "salma", Status: labels.StatusInProgress, Seconds: 30}))
	ev := lastEvent(t, s)
	if ev.Action != labels.ActionStateSet || ev.Before != nil || ev.DocID != ids[0] || ev.Annotator != "salma" {
		t.Errorf("first state.set event: %+v", ev)
	}
	must(t, s.SetState(ctx, labels.DocState{DocID: ids[0], Annotator: "salma", Status: labels.StatusFlagged,
		Note: "النص مقطوع", Seconds: 95}))
	st, err = s.State(ctx, ids[0], "salma")
	must(t, err)
	if st.Status != labels.StatusFlagged || st.Note != "النص مقطوع" || st.Seconds != 95 || st.Updated.IsZero() {
		t.Errorf("state: %+v", st)
	}
	ev = lastEvent(t, s)
	var before, after labels.DocState
	must(t, json.Unmarshal(ev.Before, &before))
	must(t, json.Unmarshal(ev.After, &after))
	if before.Status != labels.StatusInProgress || before.Seconds != 30 || after.Status != labels.StatusFlagged || after.Note != "النص مقطوع" {
		t.Errorf("second state.set event: before %s after %s", ev.Before, ev.After)
	}
	if other, _ := s.State(ctx, ids[0], "omar"); other.Status != labels.StatusTodo {
		t.Errorf("another annotator's state: %+v", other)
	}
	for _, c := range []struct {
		st   labels.DocState
		want error
	}{
		{labels.DocState{DocID: ids[1], Annotator: "salma", Status: "finished"}, labels.ErrBadStatus},
		{labels.DocState{DocID: ids[1], Annotator: "salma", Status: "Done"}, labels.ErrBadStatus},
		{labels.DocState{DocID: ids[1], Annotator: "", Status: labels.StatusDone}, labels.ErrNoAnnotator},
		{labels.DocState{DocID: "missing", Annotator: "salma", Status: labels.StatusDone}, ErrNotFound},
	} {
		if err := s.SetState(ctx, c.st); !errors.Is(err, c.want) {
			t.Errorf("SetState(%+v) = %v, want %v", c.st, err, c.want)
		}
	}
	if err := s.SetState(ctx, labels.DocState{DocID: ids[1], Annotator: "a", Status: labels.StatusDone, Seconds: -1}); err == nil {
		t.Error("negative seconds accepted")
	}
	if _, err := s.State(ctx, "missing", "salma"); !errors.Is(err, ErrNotFound) {
		t.Errorf("State of a missing document: %v", err)
	}
}

func TestDocStance(t *testing.T) {
	s, ids := newProject(t, labels.NestingFlat, "نص أول")
	doc := ids[0]
	must(t, s.SetDocStance(ctx, labels.DocStance{DocID: doc, Annotator: "salma", Target: "lna", Label: "AGAINST"}))
	must(t, s.SetDocStance(ctx, labels.DocStance{DocID: doc, Annotator: "salma", Target: "gna", Label: "FAVOR"}))
	must(t, s.SetDocStance(ctx, labels.DocStance{DocID: doc, Annotator: "omar", Target: "lna", Label: "NEUTRAL"}))
	must(t, s.SetDocStance(ctx, labels.DocStance{DocID: doc, Annotator: "salma", Target: "lna", Label: "NONE"}))
	ev := lastEvent(t, s)
	if ev.Action != labels.ActionStanceSet || ev.Before == nil {
		t.Fatalf("stance.set event: %+v", ev)
	}
	var before labels.DocStance
	must(t, json.Unmarshal(ev.Before, &before))
	if before.Label != "AGAINST" {
		t.Errorf("stance.set before = %s", ev.Before)
	}
	list, err := s.DocStances(ctx, doc, "salma")
	must(t, err)
	if len(list) != 2 || list[0].Target != "gna" || list[0].Label != "FAVOR" || list[1].Target != "lna" || list[1].Label != "NONE" {
		t.Errorf("salma's stances: %+v", list)
	}
	all, err := s.DocStances(ctx, doc, "")
	must(t, err)
	if len(all) != 3 || all[0].Annotator != "omar" {
		t.Errorf("all stances: %+v", all)
	}
	for _, c := range []struct {
		ds   labels.DocStance
		want error
	}{
		{labels.DocStance{DocID: doc, Annotator: "salma", Target: "lna", Label: "PERS"}, labels.ErrUnknownLabel},
		{labels.DocStance{DocID: doc, Annotator: "salma", Target: "turkey", Label: "FAVOR"}, labels.ErrUnknownTarget},
		{labels.DocStance{DocID: doc, Annotator: "", Target: "lna", Label: "FAVOR"}, labels.ErrNoAnnotator},
		{labels.DocStance{DocID: "missing", Annotator: "salma", Target: "lna", Label: "FAVOR"}, ErrNotFound},
	} {
		if err := s.SetDocStance(ctx, c.ds); !errors.Is(err, c.want) {
			t.Errorf("SetDocStance(%+v) = %v, want %v", c.ds, err, c.want)
		}
	}
	must(t, s.ClearDocStance(ctx, doc, "salma", "lna"))
	ev = lastEvent(t, s)
	if ev.Action != labels.ActionStanceClear || ev.After != nil || ev.Before == nil {
		t.Errorf("stance.clear event: %+v", ev)
	}
	if err := s.ClearDocStance(ctx, doc, "salma", "lna"); !errors.Is(err, ErrNotFound) {
		t.Errorf("second clear: %v", err)
	}
	list, _ = s.DocStances(ctx, doc, "salma")
	if len(list) != 1 || list[0].Target != "gna" {
		t.Errorf("after clearing: %+v", list)
	}
}

func TestEventsPaging(t *testing.T) {
	s, ids := newProject(t, labels.NestingFlat, "نص")
	for _, st := range []labels.Status{labels.StatusInProgress, labels.StatusDone, labels.StatusFlagged} {
		must(t, s.SetState(ctx, labels.DocState{DocID: ids[0], Annotator: "a", Status: st}))
	}
	all, err := s.Events(ctx, 0, 0)
	must(t, err)
	if len(all) != 5 { // schema.set, documents.add, 3 × state.set
		t.Fatalf("%d events", len(all))
	}
	page, err := s.Events(ctx, all[1].Seq, 2)
	must(t, err)
	if len(page) != 2 || page[0].Seq != all[2].Seq || page[1].Seq != all[3].Seq {
		t.Errorf("Events(after %d, 2) = %+v", all[1].Seq, page)
	}
	if rest, _ := s.Events(ctx, all[4].Seq, 10); len(rest) != 0 {
		t.Errorf("events after the last: %+v", rest)
	}
}
