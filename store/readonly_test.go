package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tawsim/tawsim/labels"
)

// closedProject makes a project of two documents, closed (no -wal beside it), and returns
// its path.
func closedProject(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "p.tawsim")
	s, err := Open(path)
	must(t, err)
	must(t, s.SetSchema(ctx, "admin", testSchema(labels.NestingFlat)))
	_, err = s.AddDocuments(ctx, []labels.Document{{Text: "مقال أول"}, {Text: "مقال ثان"}})
	must(t, err)
	must(t, s.Close())
	return path
}

// sideFiles lists what lies beside the project: -wal, -shm, -journal.
func sideFiles(path string) []string {
	var found []string
	for _, suffix := range []string{"-wal", "-shm", "-journal"} {
		if _, err := os.Stat(path + suffix); err == nil {
			found = append(found, filepath.Base(path+suffix))
		}
	}
	return found
}

// TestReadOnlyParams: no -wal means nobody has the project open in WAL mode, and it is read
// as immutable (no -wal or -shm is made); with a -wal its committed frames must be read.
func TestReadOnlyParams(t *testing.T) {
	if p := readOnlyParams(false); p.Get("mode") != "ro" || p.Get("immutable") != "1" {
		t.Errorf("without a -wal: %v", p)
	}
	if p := readOnlyParams(true); p.Get("mode") != "ro" || p.Has("immutable") {
		t.Errorf("with a -wal: %v", p)
	}
}

// TestReadOnlyStoreReadsAndWritesNothing opens a project the way OpenForReading opens one it
// cannot write (the permissions themselves are tested as another user in tawsimctl's tests,
// since root ignores them): every read works, every write is refused with ErrReadOnly, and
// neither the file nor its folder changes.
func TestReadOnlyStoreReadsAndWritesNothing(t *testing.T) {
	path := closedProject(t)
	before, err := os.ReadFile(path)
	must(t, err)
	s, err := openReadOnly(path, "the file cannot be written (-r--r--r--)")
	must(t, err)
	st, err := s.Stats(ctx, "")
	if err != nil || st.Documents != 2 {
		t.Errorf("Stats: %+v, %v", st, err)
	}
	if probs, err := s.Check(ctx); err != nil || len(probs) != 0 {
		t.Errorf("Check: %v, %v", probs, err)
	}
	n := 0
	must(t, s.Export(ctx, ExportFilter{}, func(labels.Annotated) error { n++; return nil }))
	if n != 2 {
		t.Errorf("Export: %d records", n)
	}
	if found := sideFiles(path); len(found) > 0 {
		t.Errorf("reading made %v", found)
	}
	ids, err := s.DocumentIDs(ctx)
	must(t, err)
	for what, err := range map[string]error{
		"SetState":  s.SetState(ctx, labels.DocState{DocID: ids[0], Annotator: "amal", Status: labels.StatusDone}),
		"AddTarget": s.AddTarget(ctx, "amal", labels.Target{ID: "eg", Name: "Egypt"}),
	} {
		if !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), "p.tawsim is read-only: the file cannot be written") {
			t.Errorf("%s on a read-only store: %v", what, err)
		}
	}
	if _, err := s.AddDocuments(ctx, []labels.Document{{Text: "مقال ثالث"}}); err == nil {
		t.Error("AddDocuments wrote to a read-only store")
	}
	must(t, s.Close())
	after, err := os.ReadFile(path)
	must(t, err)
	if !bytes.Equal(before, after) {
		t.Error("the project file changed")
	}
	if found := sideFiles(path); len(found) > 0 {
		t.Errorf("closing left %v", found)
	}
}

// TestReadOnlyStoreReadsTheWAL: a -wal left with committed transactions (a copy taken while
// the project was open) is read with them.
func TestReadOnlyStoreReadsTheWAL(t *testing.T) {
	path := closedProject(t)
	s := openStore(t, path)
	_, err := s.AddDocuments(ctx, []labels.Document{{Text: "مقال في السجل"}})
	must(t, err)
	dir := t.TempDir()
	for _, suffix := range []string{"", "-wal", "-shm"} {
		data, err := os.ReadFile(path + suffix)
		must(t, err)
		must(t, os.WriteFile(filepath.Join(dir, "p.tawsim"+suffix), data, 0o444))
	}
	if fi, err := os.Stat(filepath.Join(dir, "p.tawsim-wal")); err != nil || fi.Size() == 0 {
		t.Fatalf("the copy has no frames in its -wal: %v", err)
	}
	ro, err := openReadOnly(filepath.Join(dir, "p.tawsim"), "test")
	must(t, err)
	defer ro.Close()
	if n, err := ro.CountDocuments(ctx); err != nil || n != 3 {
		t.Errorf("%d documents read, %v; want 3, the -wal's among them", n, err)
	}
}

// TestReadOnlyStoreRefusals: a project that an older Tawsim wrote, or that a cut write left
// with a journal, cannot be read without writing: refused, saying why.
func TestReadOnlyStoreRefusals(t *testing.T) {
	path := closedProject(t)
	db := rawDB(t, path)
	_, err := db.Exec("DELETE FROM schema_migrations WHERE version = (SELECT max(version) FROM schema_migrations)")
	must(t, err)
	must(t, db.Close())
	if _, err := openReadOnly(path, "test"); !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), "older version of Tawsim") {
		t.Errorf("an older schema: %v", err)
	}
	path = closedProject(t)
	must(t, os.WriteFile(path+"-journal", []byte("a journal"), 0o644))
	if _, err := openReadOnly(path, "test"); !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), "p.tawsim-journal") {
		t.Errorf("a journal: %v", err)
	}
}
