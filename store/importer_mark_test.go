package store

import (
	"testing"

	"github.com/tawsim/tawsim/labels"
)

// TestImportMarkCountsRecordsAsWork: with ImportOptions.Mark, a record that names no
// annotator and brings no status is the import's annotator's work, spans or none; a status
// past todo already there stays, without a conflict; a record that names its annotator, or
// brings its own status, keeps what it says.
func TestImportMarkCountsRecordsAsWork(t *testing.T) {
	s, ids := newProject(t, labels.NestingFlat, "نص معروف أول", "نص معروف ثان")
	must(t, s.SetState(ctx, labels.DocState{DocID: ids[1], Annotator: "amal", Status: labels.StatusInProgress}))
	imp, err := s.BeginImport(ctx, ImportOptions{Annotator: "amal", Mark: labels.StatusDone})
	must(t, err)
	must(t, imp.Add(annotated(t, "نص جديد بلا وسوم")))
	must(t, imp.Add(annotated(t, "نص معروف أول")))
	must(t, imp.Add(annotated(t, "نص معروف ثان")))
	named := annotated(t, "نص جديد لسارة")
	named.Annotator = "sara"
	must(t, imp.Add(named))
	flagged := annotated(t, "نص جديد معلم")
	flagged.Status = labels.StatusFlagged
	must(t, imp.Add(flagged))
	if _, err := imp.Commit(); err != nil {
		t.Fatal(err)
	}
	all, err := s.DocumentIDs(ctx)
	must(t, err)
	want := map[string]labels.Status{
		all[0]: labels.StatusDone,       // known before, no state: marked
		all[1]: labels.StatusInProgress, // known, in progress: kept
		all[2]: labels.StatusDone,       // new, no span: marked
		all[3]: labels.StatusTodo,       // sara's record: amal has nothing there
		all[4]: labels.StatusFlagged,    // its own status
	}
	for id, st := range want {
		got, err := s.State(ctx, id, "amal")
		must(t, err)
		if got.Status != st {
			t.Errorf("document %s: amal's status %s, want %s", id, got.Status, st)
		}
	}
	if got, _ := s.State(ctx, all[3], "sara"); got.Status != labels.StatusTodo {
		t.Errorf("sara's status %s, want todo (the mark is the import's annotator's)", got.Status)
	}
	if probs, _ := s.Check(ctx); len(probs) != 0 {
		t.Fatalf("check: %v", probs)
	}
}
