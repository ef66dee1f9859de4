package store

import (
	"fmt"
	"sync"
	"testing"

	"github.com/tawsim/tawsim/labels"
)

// TestReadWhileImporting pages through the list while an import writes in batches: reads
// never wait for the writer nor fail, and always see whole batches.
func TestReadWhileImporting(t *testing.T) {
	s := newStore(t)
	const batches, size = 20, 50
	done := make(chan error, 1)
	go func() {
		for b := range batches {
			docs := make([]labels.Document, size)
			for i := range docs {
				docs[i] = labels.Document{Text: newsText(uint64(b*size+i), 300)}
			}
			if _, err := s.AddDocuments(ctx, docs); err != nil {
				done <- err
				return
			}
		}
		done <- nil
	}()
	reads := 0
	for finished := false; !finished; {
		select {
		case err := <-done:
			must(t, err)
			finished = true
		default:
		}
		n, err := s.CountDocuments(ctx)
		must(t, err)
		if n%size != 0 {
			t.Fatalf("a reader saw %d documents: half a batch", n)
		}
		page, err := s.Documents(ctx, Page{After: int64(max(0, n-10))})
		must(t, err)
		if n > 0 && len(page) == 0 {
			t.Fatalf("no page after %d", n-10)
		}
		reads++
	}
	if n, _ := s.CountDocuments(ctx); n != batches*size {
		t.Errorf("%d documents, want %d", n, batches*size)
	}
	t.Logf("%d reads during the import", reads)
}

// TestTwoStoresOneFile: two processes (here two stores) on one file take turns to write.
func TestTwoStoresOneFile(t *testing.T) {
	text := newsText(1, 2000)
	a, ids := newProject(t, labels.NestingOverlap, text)
	b := openStore(t, a.Path())
	var wg sync.WaitGroup
	errs := make(chan error, 2)
	for w, s := range []*Store{a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 40 {
				start := i * 10
				word, _ := labels.Slice(text, start, start+5)
				_, err := s.AddSpan(ctx, labels.Span{DocID: ids[0], Annotator: fmt.Sprint("w", w), Start: start,
					End: start + 5, Text: word, Label: "MISC", Kind: labels.KindEntity, Origin: labels.OriginManual})
				if err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	all, err := b.Spans(ctx, ids[0], "")
	must(t, err)
	if len(all) != 80 {
		t.Errorf("%d spans, want 80", len(all))
	}
}

// TestChangedSeesOtherWrites: Changed notices a commit by another store on the same file and
// by this store's own writer, and nothing when nothing was written.
func TestChangedSeesOtherWrites(t *testing.T) {
	a := newStore(t)
	b := openStore(t, a.Path())
	if changed, err := a.Changed(ctx); err != nil || changed {
		t.Fatalf("first call: %v, %v", changed, err)
	}
	if changed, _ := a.Changed(ctx); changed {
		t.Errorf("changed with no write")
	}
	if _, err := b.AddDocuments(ctx, []labels.Document{{Text: "نص من برنامج آخر"}}); err != nil {
		t.Fatal(err)
	}
	if changed, err := a.Changed(ctx); err != nil || !changed {
		t.Errorf("after another store's import: %v, %v", changed, err)
	}
	if changed, _ := a.Changed(ctx); changed {
		t.Errorf("changed again with no write")
	}
	if _, err := a.AddDocuments(ctx, []labels.Document{{Text: "نص من هذا البرنامج"}}); err != nil {
		t.Fatal(err)
	}
	if changed, _ := a.Changed(ctx); !changed {
		t.Errorf("this store's own write went unnoticed")
	}
}
