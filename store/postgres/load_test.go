package postgres

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/tawsim/tawsim/internal/pgtest"
	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// retried counts the writes that found the server gone.
var retried atomic.Int64

// retry writes as the window does: again while the server cannot be reached.
func retry(write func() error) error {
	for {
		err := write()
		if !store.Retryable(err) {
			return err
		}
		retried.Add(1)
		time.Sleep(20 * time.Millisecond)
	}
}

// wordsText is a document of n words "كلمةK" (K the document and word), and the offsets of
// each word.
func wordsText(doc, n int) (string, []labels.Offsets) {
	var b strings.Builder
	var offs []labels.Offsets
	at := 0
	for k := range n {
		w := fmt.Sprintf("كلمة%d_%d", doc, k)
		if k > 0 {
			b.WriteString(" ")
			at++
		}
		b.WriteString(w)
		offs = append(offs, labels.Offsets{Start: at, End: at + labels.RuneLen(w)})
		at += labels.RuneLen(w)
	}
	return b.String(), offs
}

// TestLoadThroughARestart: 16 annotators, each in a store of their own (a window each), write
// 500 label actions (and a status every tenth) as fast as they are answered, while the
// server is stopped as a crash would stop it (pg_ctl restart -m immediate) in the middle.
// Every acknowledged action is there afterwards, exactly once: its span in its annotator's
// set, one span.add in the log, the counts agreeing. -short: 4 annotators × 100 actions.
func TestLoadThroughARestart(t *testing.T) {
	annotators, actions := 16, 500
	if testing.Short() {
		annotators, actions = 4, 100
	}
	const docs, words = 50, 10
	url := pgtest.Database(t)
	setup, err := Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer setup.Close()
	sc := labels.Schema{Entities: []labels.Label{{Name: "LOC"}}, Nesting: labels.NestingFlat}
	if err := setup.SetSchema(ctx, "admin", sc); err != nil {
		t.Fatal(err)
	}
	var batch []labels.Document
	var offsets [][]labels.Offsets
	for d := range docs {
		text, offs := wordsText(d, words)
		batch = append(batch, labels.Document{Text: text})
		offsets = append(offsets, offs)
	}
	res, err := setup.AddDocuments(ctx, batch)
	if err != nil {
		t.Fatal(err)
	}
	var acked atomic.Int64
	restarted := make(chan error, 1)
	go func() {
		for acked.Load() < int64(annotators*actions/2) {
			time.Sleep(5 * time.Millisecond)
		}
		restarted <- pgtest.Shared(t).Restart(true)
	}()
	got := make([][]labels.Span, annotators)
	began := time.Now()
	retried.Store(0)
	var wg sync.WaitGroup
	for a := range annotators {
		wg.Add(1)
		go func() {
			defer wg.Done()
			who := fmt.Sprintf("annotator-%02d", a)
			s, err := Open(ctx, url)
			if err != nil {
				t.Error(err)
				return
			}
			defer s.Close()
			for i := range actions {
				d, k := (i/words)%docs, i%words
				o := offsets[d][k]
				text, _ := labels.Slice(batch[d].Text, o.Start, o.End)
				sp := labels.Span{ID: uuid.Must(uuid.NewV7()).String(), DocID: res.IDs[d], Annotator: who, Start: o.Start, End: o.End,
					Text: text, Label: "LOC", Kind: labels.KindEntity, Origin: labels.OriginManual}
				if err := retry(func() error { _, err := s.AddSpan(context.Background(), sp); return err }); err != nil {
					t.Errorf("%s, action %d: %v", who, i, err)
					return
				}
				got[a] = append(got[a], sp)
				acked.Add(1)
				if k == words-1 {
					st := labels.DocState{DocID: res.IDs[d], Annotator: who, Status: labels.StatusDone}
					if err := retry(func() error { return s.SetState(context.Background(), st) }); err != nil {
						t.Errorf("%s: state: %v", who, err)
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	if err := <-restarted; err != nil {
		t.Fatal(err)
	}
	if retried.Load() == 0 {
		t.Error("no write found the server gone: the restart was not in the middle of the actions")
	}
	t.Logf("%d annotators × %d actions in %s through a restart; %d writes tried again", annotators, actions,
		time.Since(began).Round(time.Millisecond), retried.Load())
	checkEveryActionOnce(t, setup, got)
}

// checkEveryActionOnce checks that each annotator's acknowledged spans are stored, each once,
// logged once, and counted.
func checkEveryActionOnce(t *testing.T, s *Store, got [][]labels.Span) {
	t.Helper()
	logged := map[string]int{}
	var after int64
	for {
		evs, err := retryEvents(s, after)
		if err != nil {
			t.Fatal(err)
		}
		if len(evs) == 0 {
			break
		}
		for _, ev := range evs {
			if ev.Action == labels.ActionSpanAdd {
				id, _, _ := strings.Cut(strings.TrimPrefix(string(ev.After), `{"id":"`), `"`)
				logged[id]++
			}
			after = ev.Seq
		}
	}
	for _, spans := range got {
		if len(spans) == 0 {
			continue
		}
		who := spans[0].Annotator
		stored := map[string]int{}
		for _, sp := range spans {
			have, err := s.Spans(ctx, sp.DocID, who)
			if err != nil {
				t.Fatal(err)
			}
			for _, h := range have {
				stored[h.ID]++
			}
		}
		n := 0
		for _, sp := range spans {
			if logged[sp.ID] != 1 {
				t.Errorf("%s: span %s logged %d times", who, sp.ID, logged[sp.ID])
			}
			if stored[sp.ID] == 0 {
				t.Errorf("%s: acknowledged span %s is not there", who, sp.ID)
			}
			n++
		}
		st, err := s.Stats(ctx, who)
		if err != nil {
			t.Fatal(err)
		}
		if st.Spans != n || st.Status[labels.StatusDone] != n/10 {
			t.Errorf("%s: stats count %d spans and %d done, want %d and %d", who, st.Spans, st.Status[labels.StatusDone], n, n/10)
		}
	}
	problems, err := s.Check(ctx)
	if err != nil || len(problems) > 0 {
		t.Errorf("check: %v, %v", problems, err)
	}
}

func retryEvents(s *Store, after int64) ([]labels.Event, error) {
	var evs []labels.Event
	err := retry(func() error {
		var err error
		evs, err = s.Events(ctx, after, 1000)
		return err
	})
	return evs, err
}
