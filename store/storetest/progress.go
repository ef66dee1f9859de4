package storetest

import (
	"slices"
	"testing"
	"time"

	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

var _ = contract(testCase{"ProgressFollowsStates", testProgressFollowsStates})

// testProgressFollowsStates holds the dashboard's counts: documents finished per day in the
// zone asked for, time spent in bins, and both kept right when a state changes again.
func testProgressFollowsStates(t *testing.T, open Opener) {
	s, ids := project(t, open, labels.NestingFlat, Texts[0], Texts[1])
	at := func(tm string) {
		when, err := time.Parse(time.RFC3339, tm)
		must(t, err)
		s.SetClock(func() time.Time { return when })
	}
	state := func(doc int, who string, status labels.Status, seconds int64) {
		must(t, s.SetState(ctx, labels.DocState{DocID: ids[doc], Annotator: who, Status: status, Seconds: seconds}))
	}
	at("2026-03-01T09:15:00Z")
	state(0, "amal", labels.StatusDone, 42)     // 30s-1m
	state(1, "amal", labels.StatusSkipped, 700) // 10-20m, not finished
	at("2026-03-02T23:30:00Z")
	state(1, "badr", labels.StatusDone, 0)

	p, err := s.Progress(ctx, time.UTC)
	must(t, err)
	day := func(d string, loc *time.Location) time.Time {
		tm, err := time.ParseInLocation("2006-01-02", d, loc)
		must(t, err)
		return tm
	}
	wantFinished(t, p, "amal", store.DayCount{Day: day("2026-03-01", time.UTC), N: 1})
	wantFinished(t, p, "badr", store.DayCount{Day: day("2026-03-02", time.UTC), N: 1})
	wantTime := make([]int, len(store.TimeBins))
	wantTime[1], wantTime[5] = 1, 1
	if !slices.Equal(p.Time, wantTime) || p.Timed != 2 || p.Seconds != 742 {
		t.Errorf("time = %v, %d timed, %d s; want %v, 2, 742", p.Time, p.Timed, p.Seconds, wantTime)
	}
	if p.Documents != 2 || !slices.Equal(p.Annotators, []string{"amal", "badr"}) || p.Status[labels.StatusDone] != 2 {
		t.Errorf("progress = %d documents, %v, %v", p.Documents, p.Annotators, p.Status)
	}

	riyadh := time.FixedZone("AST", 3*3600) // 23:30 UTC is the next day there
	p, err = s.Progress(ctx, riyadh)
	must(t, err)
	wantFinished(t, p, "badr", store.DayCount{Day: day("2026-03-03", riyadh), N: 1})

	at("2026-03-04T10:00:00Z")
	state(0, "amal", labels.StatusInProgress, 100) // no longer finished; 1-2m now
	p, err = s.Progress(ctx, time.UTC)
	must(t, err)
	wantFinished(t, p, "amal")
	wantTime[1], wantTime[2] = 0, 1
	if !slices.Equal(p.Time, wantTime) || p.Seconds != 800 {
		t.Errorf("after a change: time = %v, %d s; want %v, 800", p.Time, p.Seconds, wantTime)
	}
	problems, err := s.Check(ctx)
	must(t, err)
	if len(problems) > 0 {
		t.Errorf("check after the changes: %v", problems)
	}
}

// wantFinished fails t unless p's finished days of who are want.
func wantFinished(t *testing.T, p store.Progress, who string, want ...store.DayCount) {
	t.Helper()
	got := p.Finished[who]
	if len(got) != len(want) {
		t.Errorf("%s finished %v, want %v", who, got, want)
		return
	}
	for i := range got {
		if !got[i].Day.Equal(want[i].Day) || got[i].N != want[i].N {
			t.Errorf("%s finished %v, want %v", who, got, want)
		}
	}
}
