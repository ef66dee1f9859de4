package jobs

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// writeArticles writes n plain-text articles into a new folder, 0000.txt on, and returns it.
// The article numbered bad (when 0 <= bad < n) holds a byte of invalid UTF-8.
func writeArticles(t *testing.T, n, bad int) string {
	t.Helper()
	dir := t.TempDir()
	for i := range n {
		text := fmt.Sprintf("المقال رقم %d\nنص المقال رقم %d.", i, i)
		if i == bad {
			text += "\xff"
		}
		must(t, os.WriteFile(filepath.Join(dir, fmt.Sprintf("%04d.txt", i)), []byte(text), 0o644))
	}
	return dir
}

// importSources returns the sources the project's log names for its imports, in order.
func importSources(t *testing.T, st *store.Store) []string {
	t.Helper()
	evs, err := st.Events(context.Background(), 0, 0)
	must(t, err)
	var out []string
	for _, ev := range evs {
		if ev.Action != labels.ActionDocumentsAdd {
			continue
		}
		var after struct {
			Count  int    `json:"count"`
			Source string `json:"source"`
		}
		must(t, json.Unmarshal(ev.After, &after))
		out = append(out, fmt.Sprintf("%s: %d", filepath.Base(after.Source), after.Count))
	}
	return out
}

// TestTextFolderGoesInBatches: a folder of articles goes in transactions of textBatchFiles
// files; a bad file in a batch adds nothing, and the others of its batch go in.
func TestTextFolderGoesInBatches(t *testing.T) {
	_, st := project(t)
	before := len(importSources(t, st))
	defer func(n int) { textBatchFiles = n }(textBatchFiles)
	textBatchFiles = 40
	dir := writeArticles(t, 100, 57)
	tally, err := Import(context.Background(), st, []string{dir}, ImportOptions{Format: "txt", Annotator: "amal"})
	if err != nil || tally.Files != 100 || tally.Added != 99 || tally.SkippedFiles != 1 || tally.Bad != 1 {
		t.Fatalf("import of 100 articles, one bad: %+v, %v", tally, err)
	}
	want := []string{"0039.txt (40 files): 40", "0079.txt (40 files): 39", "0099.txt (20 files): 20"}
	if got := importSources(t, st)[before:]; !slices.Equal(got, want) {
		t.Errorf("the imports logged %q, want %q", got, want)
	}
	if n, err := st.CountDocuments(context.Background()); err != nil || n != 100 {
		t.Errorf("the project has %d documents (%v), want the sample and 99 articles", n, err)
	}
}

// TestTextBatchEndsAtItsSize: a batch ends once it has read textBatchBytes, whatever its
// number of files.
func TestTextBatchEndsAtItsSize(t *testing.T) {
	_, st := project(t)
	before := len(importSources(t, st))
	defer func(n int64) { textBatchBytes = n }(textBatchBytes)
	dir := writeArticles(t, 10, -1)
	fi, err := os.Stat(filepath.Join(dir, "0000.txt"))
	must(t, err)
	textBatchBytes = 3 * fi.Size() // three files a batch: the articles differ by a digit at most
	if _, err := Import(context.Background(), st, []string{dir}, ImportOptions{Format: "txt", Annotator: "amal"}); err != nil {
		t.Fatal(err)
	}
	got := importSources(t, st)[before:]
	if len(got) != 4 || got[0] != "0002.txt (3 files): 3" || got[3] != "0009.txt: 1" {
		t.Errorf("the imports logged %q, want batches of three files", got)
	}
}

// TestCancelledImportKeepsTheFilesBefore: cancelling an import of JSONL files while it reads
// the second keeps the first whole and adds nothing of the second or the third.
func TestCancelledImportKeepsTheFilesBefore(t *testing.T) {
	_, st := project(t)
	dir := t.TempDir()
	for f := range 3 {
		var b strings.Builder
		for i := range 600 {
			fmt.Fprintf(&b, "{\"text\":\"المقال %d من الملف %d\",\"label\":[]}\n", i, f)
		}
		must(t, os.WriteFile(filepath.Join(dir, fmt.Sprintf("%d.jsonl", f)), []byte(b.String()), 0o644))
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	tally, err := Import(ctx, st, []string{dir}, ImportOptions{Format: "doccano", Annotator: "amal",
		Progress: func(p Progress) {
			if p.Records > 600+256 {
				cancel() // in the second file
			}
		}})
	if !errors.Is(err, context.Canceled) || tally.Added != 600 {
		t.Fatalf("cancelled in the second file: %d added, %v", tally.Added, err)
	}
	if n, err := st.CountDocuments(context.Background()); err != nil || n != 601 {
		t.Fatalf("the project has %d documents (%v), want the sample and the first file's 600", n, err)
	}
}
