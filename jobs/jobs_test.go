package jobs

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/seeds"
	"github.com/tawsim/tawsim/store"
)

// project makes a project with the seed article and one LOC span, and returns its path.
func project(t *testing.T) (string, *store.Store) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "p.tawsim")
	st, err := seeds.OpenSample(context.Background(), path, "amal")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	doc, err := st.DocumentByOrder(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	b := strings.Index(doc.Text, "طرابلس")
	start := labels.RuneLen(doc.Text[:b])
	_, err = st.AddSpan(context.Background(), labels.Span{DocID: doc.ID, Annotator: "amal", Start: start,
		End: start + 6, Text: "طرابلس", Label: "LOC", Kind: labels.KindEntity, Origin: labels.OriginManual})
	if err != nil {
		t.Fatal(err)
	}
	return path, st
}

func TestExportWritesWholeFiles(t *testing.T) {
	path, st := project(t)
	out := filepath.Join(filepath.Dir(path), "out.jsonl")
	n, err := Export(context.Background(), st, ExportOptions{Format: "conll", Out: out})
	if err != nil || n != 1 {
		t.Fatalf("export: %d records, %v", n, err)
	}
	data, err := os.ReadFile(out)
	if err != nil || !strings.Contains(string(data), "طرابلس B-LOC\n") {
		t.Fatalf("the conll file lacks the span: %v", err)
	}
}

// TestExportFailsLoudlyOnACorruptSpan corrupts a span's text behind the store's back: the
// export must stop with an error that says so and leave no file, not write a bad training set.
func TestExportFailsLoudlyOnACorruptSpan(t *testing.T) {
	path, st := project(t)
	corruptSpan(t, path)
	dir := filepath.Dir(path)
	out := filepath.Join(dir, "out.jsonl")
	_, err := Export(context.Background(), st, ExportOptions{Format: "jsonl", Out: out})
	if !errors.Is(err, labels.ErrTextMismatch) {
		t.Fatalf("export of a corrupt span: %v, want ErrTextMismatch", err)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), "out") {
			t.Errorf("a failed export left %s behind", e.Name())
		}
	}
}

// corruptSpan changes the text of the first span of the project at path behind the store's back.
func corruptSpan(t *testing.T, path string) {
	t.Helper()
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec("UPDATE span_sets SET spans = json_set(spans, '$[0].t', 'طرابلسس')"); err != nil {
		t.Fatal(err)
	}
}

func TestImportStdinAndProgress(t *testing.T) {
	_, st := project(t)
	var seen Progress
	text := "مقال من المدخل القياسي"
	tally, err := Import(context.Background(), st, []string{"-"}, ImportOptions{Format: "txt", Annotator: "amal",
		Stdin: strings.NewReader(text), Progress: func(p Progress) { seen = p }})
	if err != nil || tally.Added != 1 || tally.Files != 1 || seen != (Progress{Records: 1, Done: int64(len(text))}) {
		t.Fatalf("import from stdin: %+v, progress %+v, %v", tally, seen, err)
	}
	if seen.Fraction() != -1 {
		t.Errorf("standard input has no known size, yet the fraction done is %v", seen.Fraction())
	}
}

// TestProgressMeasuresFilesAndDocuments: an import of files counts their bytes against
// their total size, an export its documents against the project's, both ending at 1.
func TestProgressMeasuresFilesAndDocuments(t *testing.T) {
	path, st := project(t)
	dir := filepath.Dir(path)
	var files []string
	var size int64
	for i := range 3 {
		var b strings.Builder
		for j := range 300 {
			fmt.Fprintf(&b, "{\"text\":\"مقال %d رقم %d\",\"label\":[]}\n", i, j)
		}
		name := filepath.Join(dir, fmt.Sprintf("f%d.jsonl", i))
		if err := os.WriteFile(name, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		files, size = append(files, name), size+int64(b.Len())
	}
	var seen []Progress
	if _, err := Import(context.Background(), st, files, ImportOptions{Format: "doccano", Annotator: "amal",
		Progress: func(p Progress) { seen = append(seen, p) }}); err != nil {
		t.Fatal(err)
	}
	last := seen[len(seen)-1]
	if last != (Progress{Records: 900, Done: size, Total: size}) || last.Fraction() != 1 {
		t.Fatalf("the import ended at %+v, want 900 records and %d of %d bytes", last, size, size)
	}
	for i := 1; i < len(seen); i++ {
		if seen[i].Done < seen[i-1].Done || seen[i].Total != size {
			t.Fatalf("import progress went %+v then %+v", seen[i-1], seen[i])
		}
	}
	seen = nil
	out := filepath.Join(dir, "all.jsonl")
	n, err := Export(context.Background(), st, ExportOptions{Format: "jsonl", Out: out,
		Progress: func(p Progress) { seen = append(seen, p) }})
	if err != nil {
		t.Fatal(err)
	}
	if last := seen[len(seen)-1]; last != (Progress{Records: n, Done: 901, Total: 901}) {
		t.Fatalf("the export ended at %+v, want %d records and 901 of 901 documents", last, n)
	}
	if mid := seen[len(seen)-2]; mid.Done < 256 || mid.Done >= 901 {
		t.Errorf("the export's progress before the end was %+v", mid)
	}
}

// TestExportFileModeFollowsUmask: an exported file is readable by whoever the umask lets
// read new files, as a file the shell creates would be.
func TestExportFileModeFollowsUmask(t *testing.T) {
	path, st := project(t)
	old := syscall.Umask(0o022)
	defer syscall.Umask(old)
	out := filepath.Join(filepath.Dir(path), "train.jsonl")
	if _, err := Export(context.Background(), st, ExportOptions{Format: "jsonl", Out: out}); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(out)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o644 {
		t.Errorf("train.jsonl has mode %v, want -rw-r--r--", fi.Mode().Perm())
	}
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".train.jsonl*"))
	if len(left) > 0 {
		t.Errorf("files left beside the export: %v", left)
	}
}

// TestCancelledFolderImportKeepsWholeFiles cancels an import of a folder of articles midway:
// the files read before are in, each whole, and what the tally says is what the project has.
func TestCancelledFolderImportKeepsWholeFiles(t *testing.T) {
	_, st := project(t)
	dir := t.TempDir()
	for i := range 50 {
		name := filepath.Join(dir, fmt.Sprintf("%02d.txt", i))
		if err := os.WriteFile(name, []byte(fmt.Sprintf("المقال رقم %d\nنصه.", i)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	tally, err := Import(ctx, st, []string{dir}, ImportOptions{Format: "txt", Annotator: "amal",
		Progress: func(p Progress) {
			if p.Records == 20 {
				cancel()
			}
		}})
	if !errors.Is(err, context.Canceled) || tally.Files != 20 || tally.Added != 20 {
		t.Fatalf("cancelled after 20 files: %d files read, %d added, %v", tally.Files, tally.Added, err)
	}
	if n, err := st.CountDocuments(context.Background()); err != nil || n != 21 {
		t.Fatalf("the project has %d documents (%v), want the sample and the 20 files read", n, err)
	}
}
