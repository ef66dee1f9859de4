package jobs

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// TestWindowWritesDuringAnImport runs an import of a large file, with a store of its own as a
// command's is, into a project that another store (the window's) has open, and writes from
// the window's store while it runs: each write is committed while the import is still going
// on, not once the whole file is in (nor refused as busy after the wait).
func TestWindowWritesDuringAnImport(t *testing.T) {
	path, win := project(t)
	ctx := context.Background()
	doc, err := win.DocumentByOrder(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	const records = 30_000
	big := articlesFile(t, records, "")
	imp := otherStore(t, path)
	done := make(chan error, 1)
	go func() {
		tally, err := Import(ctx, imp, []string{big}, ImportOptions{Format: "jsonl", Annotator: "import", Exclusive: true})
		if err == nil && tally.Added != records {
			err = fmt.Errorf("%d documents added, want %d", tally.Added, records)
		}
		done <- err
	}()
	for n := 0; n <= 1; {
		if n, err = win.CountDocuments(ctx); err != nil {
			t.Fatal(err)
		}
		select {
		case err := <-done:
			t.Fatalf("the import ended (%v) before the window saw any of it", err)
		case <-time.After(time.Millisecond):
		}
	}
	statuses := []labels.Status{labels.StatusInProgress, labels.StatusFlagged, labels.StatusDone}
	for i, status := range statuses {
		began := time.Now()
		if err := win.SetState(ctx, labels.DocState{DocID: doc.ID, Annotator: "amal", Status: status}); err != nil {
			t.Fatalf("write %d during the import: %v", i+1, err)
		}
		waited := time.Since(began)
		// the import had not ended when the write was committed if its last documents came after
		n, err := win.CountDocuments(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if n == records+1 {
			t.Fatalf("write %d was committed only once the whole file was in", i+1)
		}
		t.Logf("write %d waited %v, with %d of %d documents in", i+1, waited, n-1, records)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if st, err := win.State(ctx, doc.ID, "amal"); err != nil || st.Status != labels.StatusDone {
		t.Errorf("state after the import: %+v, %v", st, err)
	}
	if n, err := win.CountDocuments(ctx); err != nil || n != records+1 {
		t.Errorf("%d documents after the import, %v", n, err)
	}
}

// TestSharedImportOfABadFile: a file with a bad record at its end, imported in strict mode while
// the window has the project open, keeps the slices committed before the error, and the tally
// counts them and says so beside the error.
func TestSharedImportOfABadFile(t *testing.T) {
	path, win := project(t)
	ctx := context.Background()
	const good = 20_000
	bad := articlesFile(t, good, "{\"text\": \n")
	imp := otherStore(t, path)
	tally, err := Import(ctx, imp, []string{bad}, ImportOptions{Format: "jsonl", Annotator: "import", Exclusive: true})
	if err != nil {
		t.Fatal(err)
	}
	n, err := win.CountDocuments(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if tally.Added != n-1 || tally.Added == 0 || tally.Added >= good {
		t.Fatalf("%d documents in the project, the tally says %d added of %d", n-1, tally.Added, good)
	}
	said := false
	for _, e := range tally.Errs {
		said = said || strings.Contains(e.Error(), fmt.Sprintf("the %d documents read before the first error are in the project", tally.Added))
	}
	if !said || tally.SkippedFiles != 1 {
		t.Errorf("the tally does not say what stayed: %d skipped, %v", tally.SkippedFiles, tally.Errs)
	}
}

// TestUnsharedImportOfABadFile: the same file, imported in strict mode by a command with
// the project to itself, adds nothing: the import is not sliced when nobody else has the
// project open, however long the file takes.
func TestUnsharedImportOfABadFile(t *testing.T) {
	_, st := project(t)
	ctx := context.Background()
	bad := articlesFile(t, 20_000, "{\"text\": \n")
	tally, err := Import(ctx, st, []string{bad}, ImportOptions{Format: "jsonl", Annotator: "import", Exclusive: true})
	if err != nil {
		t.Fatal(err)
	}
	n, err := st.CountDocuments(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if n != 1 || tally.Added != 0 || tally.SkippedFiles != 1 {
		t.Errorf("%d documents in the project, %d added, %d files skipped; want the one there before, 0, 1", n, tally.Added, tally.SkippedFiles)
	}
}

// articlesFile writes n JSONL records of about 1 KB each, then tail, and returns its path.
func articlesFile(t *testing.T, n int, tail string) string {
	t.Helper()
	var b strings.Builder
	filler := strings.Repeat("خبر عن طرابلس والجيش الوطني الليبي في المدينة. ", 20)
	for i := range n {
		fmt.Fprintf(&b, "{\"text\":\"%d %s\"}\n", i, filler)
	}
	b.WriteString(tail)
	path := filepath.Join(t.TempDir(), "articles.jsonl")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// otherStore opens the project at path through a store of its own, as another program does.
func otherStore(t *testing.T, path string) *store.Store {
	t.Helper()
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}
