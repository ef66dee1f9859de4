package store

import (
	"strings"
	"testing"

	"github.com/tawsim/tawsim/labels"
)

// journalMode reads the writer's journal mode, through q: the writer itself, or the
// transaction of an import that holds it.
func journalMode(t *testing.T, q queryer) string {
	t.Helper()
	var mode string
	must(t, q.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode))
	return mode
}

// TestExclusiveImportAlone takes the project for an import when nobody else has it open: the
// import runs under a rollback journal, and afterwards the file is back in WAL and readable.
func TestExclusiveImportAlone(t *testing.T) {
	s, _ := newProject(t, labels.NestingFlat)
	imp, err := s.BeginImport(ctx, ImportOptions{Annotator: "amal", Exclusive: true})
	must(t, err)
	if mode := journalMode(t, imp.(*Importer).tx); !imp.(*Importer).held || mode != "delete" {
		t.Fatalf("alone: held %v, journal %s", imp.(*Importer).held, mode)
	}
	must(t, imp.Add(annotated(t, "زار أردوغان طرابلس", "أردوغان", "PERS", "طرابلس", "LOC")))
	res, err := imp.Commit()
	must(t, err)
	if res.Added != 1 || res.Spans != 2 {
		t.Fatalf("result %+v", res)
	}
	if mode := journalMode(t, s.w); mode != "wal" {
		t.Errorf("after the import the journal is %s", mode)
	}
	if n, err := s.CountDocuments(ctx); err != nil || n != 1 {
		t.Errorf("readers after the import: %d documents, %v", n, err)
	}
	// Another program can open the project again.
	other := openStore(t, s.Path())
	if n, err := other.CountDocuments(ctx); err != nil || n != 1 {
		t.Errorf("another store after the import: %d documents, %v", n, err)
	}
}

// TestExclusiveImportShares falls back to WAL, without waiting, when the project is open
// elsewhere, and a rolled-back exclusive import gives the project back unchanged.
func TestExclusiveImportShares(t *testing.T) {
	s, _ := newProject(t, labels.NestingFlat)
	other := openStore(t, s.Path())
	imp, err := s.BeginImport(ctx, ImportOptions{Annotator: "amal", Exclusive: true})
	must(t, err)
	if mode := journalMode(t, imp.(*Importer).tx); imp.(*Importer).held || mode != "wal" {
		t.Fatalf("shared: held %v, journal %s", imp.(*Importer).held, mode)
	}
	must(t, imp.Add(annotated(t, "زار أردوغان طرابلس", "أردوغان", "PERS")))
	_, err = imp.Commit()
	must(t, err)
	if n, err := other.CountDocuments(ctx); err != nil || n != 1 {
		t.Errorf("the other store sees %d documents, %v", n, err)
	}
	must(t, other.Close())

	imp, err = s.BeginImport(ctx, ImportOptions{Annotator: "amal", Exclusive: true})
	must(t, err)
	if !imp.(*Importer).held {
		t.Fatal("the project is ours alone again, but the import shares it")
	}
	must(t, imp.Add(annotated(t, "قصفت الطائرات مصراتة", "مصراتة", "LOC")))
	imp.Rollback()
	if mode := journalMode(t, s.w); mode != "wal" {
		t.Errorf("after a rollback the journal is %s", mode)
	}
	if n, _ := s.CountDocuments(ctx); n != 1 {
		t.Errorf("after a rollback: %d documents, want 1", n)
	}
}

// TestOpenDuringExclusiveImport tries to open a project that an import has to itself: the
// open fails after the busy timeout with a message that says why.
func TestOpenDuringExclusiveImport(t *testing.T) {
	if testing.Short() {
		t.Skip("waits out the busy timeout")
	}
	s, _ := newProject(t, labels.NestingFlat)
	imp, err := s.BeginImport(ctx, ImportOptions{Annotator: "amal", Exclusive: true})
	must(t, err)
	defer imp.Rollback()
	must(t, imp.Add(annotated(t, "زار أردوغان طرابلس", "أردوغان", "PERS")))
	other, err := Open(s.Path())
	if err == nil {
		other.Close()
		t.Fatal("opened a project that an import holds")
	}
	if !strings.Contains(err.Error(), "another program has the project to itself") {
		t.Errorf("the refusal says %q", err)
	}
}

// TestLargeRecordKeepsTheCache: the writer's page cache, made small while a large record is
// written, is the writer's again afterwards, for the small records that follow.
func TestLargeRecordKeepsTheCache(t *testing.T) {
	s, _ := newProject(t, labels.NestingFlat)
	imp, err := s.BeginImport(ctx, ImportOptions{Annotator: "amal"})
	must(t, err)
	defer imp.Rollback()
	text := strings.Repeat("زار أردوغان طرابلس ", bigText/30)
	must(t, imp.Add(labels.Annotated{Doc: labels.Document{Text: text}}))
	var kib int
	must(t, imp.(*Importer).tx.QueryRowContext(ctx, "PRAGMA cache_size").Scan(&kib))
	if kib != -writerCacheKiB {
		t.Errorf("the cache after a record of %d bytes: %d, want %d", len(text), kib, -writerCacheKiB)
	}
}
