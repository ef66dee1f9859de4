package store

import (
	"errors"
	"fmt"
	"testing"

	"github.com/tawsim/tawsim/labels"
)

// TestEachWork: the work of each annotator, in import order, across batches; a state at todo
// with nothing else is no work, and the filter keeps annotators and statuses.
func TestEachWork(t *testing.T) {
	texts := make([]string, workBatch+3)
	for i := range texts {
		texts[i] = fmt.Sprintf("قال المسماري في الخبر رقم %d", i)
	}
	s, ids := newProject(t, labels.NestingFlat, texts...)
	last := len(ids) - 1
	_, err := s.AddSpan(ctx, entity(t, ids[0], "amal", texts[0], "المسماري", "PERS"))
	must(t, err)
	must(t, s.SetState(ctx, labels.DocState{DocID: ids[0], Annotator: "badr", Status: labels.StatusDone}))
	must(t, s.SetState(ctx, labels.DocState{DocID: ids[1], Annotator: "badr", Status: labels.StatusTodo, Note: "لاحقا"}))
	must(t, s.SetDocStance(ctx, labels.DocStance{DocID: ids[last], Annotator: "huda", Target: "lna", Label: "AGAINST"}))
	must(t, s.SetState(ctx, labels.DocState{DocID: ids[last], Annotator: "huda", Status: labels.StatusSkipped}))

	seen := func(f WorkFilter) map[string][]string {
		got := map[string][]string{}
		must(t, s.EachWork(ctx, f, func(d DocumentWork) error {
			for _, w := range d.Work {
				got[d.Doc.ID] = append(got[d.Doc.ID], fmt.Sprintf("%s %s %d %d", w.Annotator, w.Status, len(w.Spans), len(w.Stances)))
			}
			return nil
		}))
		return got
	}
	all := seen(WorkFilter{})
	if len(all) != 2 || fmt.Sprint(all[ids[0]]) != "[amal todo 1 0 badr done 0 0]" || fmt.Sprint(all[ids[last]]) != "[huda skipped 0 1]" {
		t.Errorf("all work: %v", all)
	}
	done := seen(WorkFilter{Statuses: []labels.Status{labels.StatusDone}})
	if len(done) != 1 || fmt.Sprint(done[ids[0]]) != "[badr done 0 0]" {
		t.Errorf("done: %v", done)
	}
	huda := seen(WorkFilter{Annotators: []string{"huda", "nobody"}})
	if len(huda) != 1 || len(huda[ids[last]]) != 1 {
		t.Errorf("huda's: %v", huda)
	}
	stop := errors.New("stop")
	if err := s.EachWork(ctx, WorkFilter{}, func(DocumentWork) error { return stop }); !errors.Is(err, stop) {
		t.Errorf("fn's error: %v", err)
	}
	// DocumentWork shows the spans with their times.
	d, err := s.DocumentWork(ctx, ids[0])
	must(t, err)
	if w, ok := d.Of("amal"); !ok || len(w.Spans) != 1 || w.Spans[0].Created.IsZero() {
		t.Errorf("amal's work on the first document: %+v", d.Work)
	}
	if _, err := s.DocumentWork(ctx, "no-such-document"); !errors.Is(err, ErrNotFound) {
		t.Errorf("a missing document: %v", err)
	}
}
