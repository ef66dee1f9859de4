package store

import (
	"fmt"
	"testing"
	"time"

	"github.com/tawsim/tawsim/labels"
)

// TestProgress: on a crafted project, documents finished per annotator and day (in UTC and two
// hours east of it, which moves a late evening to the next day), labels and stances of
// everyone, and the time spent in its bins.
func TestProgress(t *testing.T) {
	texts := make([]string, 6)
	for i := range texts {
		texts[i] = fmt.Sprintf("خبر %d عن طرابلس وبنغازي", i+1)
	}
	s, ids := newProject(t, labels.NestingFlat, texts...)
	var now time.Time
	s.SetClock(func() time.Time { return now })
	at := func(v string) {
		var err error
		if now, err = time.Parse(time.RFC3339, v); err != nil {
			t.Fatal(err)
		}
	}
	state := func(doc int, who string, status labels.Status, seconds int64) {
		t.Helper()
		if err := s.SetState(ctx, labels.DocState{DocID: ids[doc], Annotator: who, Status: status, Seconds: seconds}); err != nil {
			t.Fatal(err)
		}
	}
	at("2026-03-01T09:00:00Z")
	state(0, "amal", labels.StatusDone, 45)    // 30s-1m
	state(1, "amal", labels.StatusDone, 90)    // 1-2m
	state(0, "badr", labels.StatusSkipped, 10) // not finished; <30s
	at("2026-03-01T23:30:00Z")                 // 01:30 on 2 March two hours east
	state(2, "amal", labels.StatusDone, 4000)  // 60m+
	at("2026-03-03T12:00:00Z")
	state(3, "badr", labels.StatusDone, 0)        // no time recorded
	state(4, "gold", labels.StatusCurated, 700)   // 10-20m
	state(5, "amal", labels.StatusInProgress, 20) // not finished; <30s
	if _, err := s.AddSpans(ctx, []labels.Span{
		entity(t, ids[0], "amal", texts[0], "طرابلس", "LOC"),
		entity(t, ids[0], "amal", texts[0], "بنغازي", "LOC"),
		entity(t, ids[0], "badr", texts[0], "طرابلس", "ORG"),
	}); err != nil {
		t.Fatal(err)
	}
	for _, ds := range []labels.DocStance{
		{DocID: ids[0], Annotator: "amal", Target: "lna", Label: "FAVOR"},
		{DocID: ids[0], Annotator: "badr", Target: "lna", Label: "AGAINST"},
		{DocID: ids[1], Annotator: "amal", Target: "lna", Label: "FAVOR"},
		{DocID: ids[1], Annotator: "amal", Target: "gna", Label: "NEUTRAL"},
	} {
		if err := s.SetDocStance(ctx, ds); err != nil {
			t.Fatal(err)
		}
	}

	day := func(loc *time.Location, d int) time.Time { return time.Date(2026, 3, d, 0, 0, 0, 0, loc) }
	east := time.FixedZone("east", 2*3600)
	for _, c := range []struct {
		loc  *time.Location
		amal []DayCount
	}{
		{time.UTC, []DayCount{{day(time.UTC, 1), 3}}},
		{east, []DayCount{{day(east, 1), 2}, {day(east, 2), 1}}},
	} {
		p, err := s.Progress(ctx, c.loc)
		if err != nil {
			t.Fatal(err)
		}
		if got := p.Finished["amal"]; fmt.Sprint(got) != fmt.Sprint(c.amal) {
			t.Errorf("%s: amal finished %v, want %v", c.loc, got, c.amal)
		}
		if got := p.Finished["badr"]; len(got) != 1 || got[0].N != 1 || !got[0].Day.Equal(day(c.loc, 3)) {
			t.Errorf("%s: badr finished %v", c.loc, got)
		}
		if got := p.Finished["gold"]; len(got) != 1 || got[0].N != 1 {
			t.Errorf("%s: gold curated %v", c.loc, got)
		}
		if p.Documents != 6 || fmt.Sprint(p.Annotators) != "[amal badr gold]" {
			t.Errorf("%d documents, annotators %v", p.Documents, p.Annotators)
		}
		if p.EntityLabels["LOC"] != 2 || p.EntityLabels["ORG"] != 1 {
			t.Errorf("entity labels %v", p.EntityLabels)
		}
		if p.DocStances["lna"]["FAVOR"] != 2 || p.DocStances["lna"]["AGAINST"] != 1 || p.DocStances["gna"]["NEUTRAL"] != 1 {
			t.Errorf("stances %v", p.DocStances)
		}
		if p.TargetNames["lna"] != "Libyan National Army" {
			t.Errorf("target names %v", p.TargetNames)
		}
		// <30s 30s-1m 1-2m 2-5m 5-10m 10-20m 20-30m 30-60m 60m+
		if want := "[2 1 1 0 0 1 0 0 1]"; fmt.Sprint(p.Time) != want || p.Timed != 6 || p.Seconds != 4865 {
			t.Errorf("time %v (%d timed, %d s), want %s, 6 and 4865", p.Time, p.Timed, p.Seconds, want)
		}
		if p.Status[labels.StatusDone] != 4 || p.Status[labels.StatusCurated] != 1 {
			t.Errorf("statuses %v", p.Status)
		}
	}
	// the triggers' counts are those of the rows, and a recount writes the same
	before, err := s.Progress(ctx, time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	problems, err := s.Check(ctx)
	if err != nil || len(problems) > 0 {
		t.Errorf("check: %v %v", problems, err)
	}
	db := rawDB(t, s.Path())
	if _, err := db.Exec("UPDATE counts SET n = n + 5 WHERE what IN ('finished', 'time', 'seconds')"); err != nil {
		t.Fatal(err)
	}
	if problems, err := s.Check(ctx); err != nil || len(problems) != 13 {
		t.Errorf("check after the counts were changed: %d problems %v (%v), want 13", len(problems), problems, err)
	}
	if err := s.Recount(ctx); err != nil {
		t.Fatal(err)
	}
	if after, err := s.Progress(ctx, time.UTC); err != nil || fmt.Sprint(after) != fmt.Sprint(before) {
		t.Errorf("after a recount:\n%v\nwant\n%v (%v)", after, before, err)
	}
}

// BenchmarkProgress100k reads the progress of a project of 100,000 documents that three
// annotators finished over two months, with time recorded.
func BenchmarkProgress100k(b *testing.B) {
	const n = 100_000
	path := b.TempDir() + "/progress.tawsim"
	s := openStore(b, path)
	docs := make([]labels.Document, n)
	for i := range docs {
		docs[i] = labels.Document{Text: fmt.Sprintf("خبر رقم %d", i)}
	}
	if _, err := s.AddDocuments(ctx, docs); err != nil {
		b.Fatal(err)
	}
	db := rawDB(b, path)
	for k, who := range []string{"amal", "badr", "chadi"} {
		_, err := db.Exec(`INSERT INTO doc_state (doc_id, annotator, ord, status, note, seconds, updated)
SELECT id, ?, ord, 'done', '', 1 + (ord * 7 + ?) % 4000,
       printf('2026-%02d-%02dT%02d:%02d:00.000000000Z', 1 + ord % 2, 1 + ord % 28, ord % 24, ord % 60)
FROM documents`, who, k)
		if err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		p, err := s.Progress(ctx, time.Local)
		if err != nil || len(p.Finished) != 3 || p.Timed < 3*n-10 {
			b.Fatalf("%v: %d annotators, %d timed", err, len(p.Finished), p.Timed)
		}
	}
}
