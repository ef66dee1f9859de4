package postgres

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store/storetest"
)

// project opens a fresh project with the contract's schema and n documents.
func project(t *testing.T, n int) (*Store, []string) {
	t.Helper()
	s := open(t)
	if err := s.SetSchema(ctx, "admin", storetest.Schema(labels.NestingNested)); err != nil {
		t.Fatal(err)
	}
	var docs []labels.Document
	for i := range n {
		docs = append(docs, labels.Document{Text: fmt.Sprintf("%s %d", storetest.Texts[i%len(storetest.Texts)], i)})
	}
	res, err := s.AddDocuments(ctx, docs)
	if err != nil {
		t.Fatal(err)
	}
	return s, res.IDs
}

// TestAssignmentQueue: annotators asking at once each get slots of their own; every
// document goes to as many annotators as the queue says, none twice to one annotator.
func TestAssignmentQueue(t *testing.T) {
	s, ids := project(t, 10)
	if id, err := s.NextAssigned(ctx, "a"); err != nil || id != "" {
		t.Fatalf("NextAssigned without a queue = %q, %v", id, err)
	}
	if n, err := s.Assign(ctx, 2, time.Hour); err != nil || n != 20 {
		t.Fatalf("Assign = %d, %v", n, err)
	}
	var mu sync.Mutex
	got := map[string][]string{}
	var wg sync.WaitGroup
	for w := range 5 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			who := fmt.Sprintf("annotator-%d", w)
			for {
				id, err := s.NextAssigned(ctx, who)
				if err != nil {
					t.Error(err)
					return
				}
				if id == "" {
					return
				}
				if again, _ := s.NextAssigned(ctx, who); again != id {
					t.Errorf("%s asked again and got %s, not the document it holds (%s)", who, again, id)
				}
				mu.Lock()
				got[id] = append(got[id], who)
				mu.Unlock()
				if err := s.SetState(ctx, labels.DocState{DocID: id, Annotator: who, Status: labels.StatusDone}); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	for _, id := range ids {
		if len(got[id]) != 2 || got[id][0] == got[id][1] {
			t.Errorf("document %s went to %v", id, got[id])
		}
	}
}

// TestAssignmentLeaseRunsOut: a slot whose annotator went away goes to the next who asks once
// its lease has run out.
func TestAssignmentLeaseRunsOut(t *testing.T) {
	s, ids := project(t, 1)
	if _, err := s.Assign(ctx, 1, time.Second); err != nil {
		t.Fatal(err)
	}
	if id, _ := s.NextAssigned(ctx, "a"); id != ids[0] {
		t.Fatalf("a got %q", id)
	}
	if id, _ := s.NextAssigned(ctx, "b"); id != "" {
		t.Fatalf("b got %q while a holds it", id)
	}
	time.Sleep(1100 * time.Millisecond)
	if id, _ := s.NextAssigned(ctx, "b"); id != ids[0] {
		t.Fatalf("b got %q after a's lease ran out", id)
	}
}

// TestChangedSeesOtherWindows: a write of another store (another window) is reported by
// Changed, from the notifications commits send.
func TestChangedSeesOtherWindows(t *testing.T) {
	a, ids := project(t, 1)
	b, err := Open(ctx, a.pool.Config().ConnString())
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if changed, err := b.Changed(ctx); err != nil || changed {
		t.Fatalf("first Changed = %v, %v", changed, err)
	}
	if changed, _ := b.Changed(ctx); changed {
		t.Fatal("Changed before any write")
	}
	if err := a.SetState(ctx, labels.DocState{DocID: ids[0], Annotator: "a", Status: labels.StatusDone}); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		if changed, _ := b.Changed(ctx); changed {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the other store's write was not reported")
		}
		time.Sleep(10 * time.Millisecond)
	}
	if changed, _ := b.Changed(ctx); changed {
		t.Error("Changed twice for one write")
	}
}
