package store

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tawsim/tawsim/labels"
)

func TestOpenCreatesAndReopens(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.tawsim")
	s, err := Open(path)
	must(t, err)
	if s.Path() != path {
		t.Errorf("Path() = %q, want %q", s.Path(), path)
	}
	sc, err := s.Schema(ctx)
	must(t, err)
	if sc.Nesting != labels.NestingFlat || len(sc.Entities) != 0 || len(sc.Targets) != 0 {
		t.Errorf("fresh schema = %+v, want empty and flat", sc)
	}
	must(t, s.SetSchema(ctx, "admin", testSchema(labels.NestingFlat)))
	res, err := s.AddDocuments(ctx, []labels.Document{{Text: "قال المتحدث"}})
	must(t, err)
	sp, err := s.AddSpan(ctx, labels.Span{DocID: res.IDs[0], Annotator: "a", Start: 4, End: 11, Text: "المتحدث",
		Label: "PERS", Kind: labels.KindEntity, Origin: labels.OriginManual})
	must(t, err)
	must(t, s.SetMeta(ctx, MetaName, "أخبار ليبيا"))
	must(t, s.Close())

	s = openStore(t, path)
	if n, err := s.CountDocuments(ctx); err != nil || n != 1 {
		t.Fatalf("after reopening: %d documents, %v", n, err)
	}
	got, err := s.Span(ctx, sp.DocID, sp.ID)
	must(t, err)
	if got != sp {
		t.Errorf("span after reopening = %+v, want %+v", got, sp)
	}
	if sc, _ := s.Schema(ctx); len(sc.Entities) != 4 {
		t.Errorf("schema after reopening = %+v", sc)
	}
	if name, err := s.Meta(ctx, MetaName); err != nil || name != "أخبار ليبيا" {
		t.Errorf("Meta(name) = %q, %v", name, err)
	}
	if _, err := s.Meta(ctx, MetaCreated); err != nil {
		t.Errorf("Meta(created): %v", err)
	}
	if _, err := s.Meta(ctx, "nothing"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Meta(nothing) = %v, want ErrNotFound", err)
	}
}

func TestPragmas(t *testing.T) {
	s := newStore(t)
	for _, c := range []struct {
		pragma, want string
	}{
		{"journal_mode", "wal"},
		{"foreign_keys", "1"},
		{"synchronous", "2"},  // FULL
		{"busy_timeout", "1"}, // SQLite waits 1 ms, then begin asks again every millisecond
		{"application_id", "1413568339"},
		{"page_size", "16384"},
	} {
		var got string
		must(t, s.w.QueryRowContext(ctx, "PRAGMA "+c.pragma).Scan(&got))
		if got != c.want {
			t.Errorf("writer: PRAGMA %s = %s, want %s", c.pragma, got, c.want)
		}
	}
	var mode string
	must(t, s.r.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode))
	if mode != "wal" {
		t.Errorf("reader: journal_mode = %s", mode)
	}
	if _, err := s.r.ExecContext(ctx, "INSERT INTO meta (key, value) VALUES ('x', 'y')"); err == nil {
		t.Error("a reader connection could write")
	}
	if got := s.w.Stats().MaxOpenConnections; got != 1 {
		t.Errorf("writer pool allows %d connections, want 1", got)
	}
}

func TestMigrationsRecorded(t *testing.T) {
	s := newStore(t)
	ms, err := s.Migrations(ctx)
	must(t, err)
	if len(ms) != len(migrations) || latestVersion() < 1 {
		t.Fatalf("recorded %d migrations, the build has %d", len(ms), len(migrations))
	}
	for i, m := range ms {
		if m.Version != migrations[i].Version || m.Name != migrations[i].Name || m.Applied.IsZero() {
			t.Errorf("migration %d = %+v", i, m)
		}
	}
	if ms[0].Name != "0001_init" {
		t.Errorf("first migration is %q", ms[0].Name)
	}
	// Opening again applies nothing twice.
	path := s.Path()
	must(t, s.Close())
	s = openStore(t, path)
	again, err := s.Migrations(ctx)
	must(t, err)
	if len(again) != len(ms) || !again[0].Applied.Equal(ms[0].Applied) {
		t.Errorf("after reopening: %+v, before: %+v", again, ms)
	}
}

// TestMigrationBelowHighest opens a file that has every migration of the build and 100 with a
// build that also has 99: 99 is applied, though the file has a higher one. (The numbers are
// above any the build has, so that the test holds as migrations come.)
func TestMigrationBelowHighest(t *testing.T) {
	full := migrations
	defer func() { migrations = full }()
	at := func(v int, sql string) MigrationFile {
		return MigrationFile{Version: v, Name: fmt.Sprintf("%04d_test", v), SQL: sql}
	}
	without := append(slices.Clone(full), at(100, "SELECT 1"))
	with := append(slices.Clone(full), at(99, "CREATE TABLE gap_test (x INTEGER)"), at(100, "SELECT 1"))

	path := filepath.Join(t.TempDir(), "p.tawsim")
	migrations = without
	s, err := Open(path)
	must(t, err)
	must(t, s.Close())
	migrations = with
	s = openStore(t, path)
	ms, err := s.Migrations(ctx)
	must(t, err)
	if len(ms) != len(with) || !slices.ContainsFunc(ms, func(m Migration) bool { return m.Version == 99 }) {
		t.Fatalf("recorded %+v", ms)
	}
	if _, err := s.w.Exec("INSERT INTO gap_test VALUES (1)"); err != nil {
		t.Errorf("migration 99 was not applied: %v", err)
	}
	// A build without 99 refuses the file, as one written by a newer Tawsim.
	migrations = without
	if _, err := Open(path); !errors.Is(err, ErrNewerSchema) || !strings.Contains(err.Error(), "schema change 99, which this version lacks") {
		t.Errorf("a build without migration 99: Open = %v", err)
	}
	// A build with one more below the file's highest finds it missing.
	migrations = append(slices.Clone(full), at(98, "SELECT 1"), at(99, "SELECT 1"), at(100, "SELECT 1"))
	versions, err := schemaVersions(ctx, s.r)
	missing := missingMigrations(versions)
	if err != nil || len(missing) != 1 || missing[0].Version != 98 {
		t.Errorf("missing %+v, %v", missing, err)
	}
}

func TestLoadMigrationsNumbering(t *testing.T) {
	gap := testFS{"migrations/0001_a.sql": "SELECT 1;", "migrations/0003_c.sql": "SELECT 1;"}
	ms, err := LoadMigrations(gap.FS())
	if err != nil || len(ms) != 2 || ms[1].Version != 3 || ms[1].Name != "0003_c" {
		t.Errorf("loadMigrations with a gap: %+v, %v", ms, err)
	}
	for _, bad := range []testFS{
		{"migrations/0002_b.sql": "SELECT 1;"},
		{"migrations/0001_a.sql": "SELECT 1;", "migrations/0001_b.sql": "SELECT 1;"},
		{"migrations/0001_a.sql": "SELECT 1;", "migrations/2_b.sql": "SELECT 1;"},
		{"migrations/0001_a.sql": "SELECT 1;", "migrations/x_b.sql": "SELECT 1;"},
	} {
		if _, err := LoadMigrations(bad.FS()); err == nil {
			t.Errorf("LoadMigrations(%v) accepted the numbering", bad)
		}
	}
}

// fileHash returns the SHA-256 of a file's bytes.
func fileHash(t *testing.T, path string) [32]byte {
	t.Helper()
	data, err := os.ReadFile(path)
	must(t, err)
	return sha256.Sum256(data)
}

func TestNewerSchemaRefusedUntouched(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.tawsim")
	s, err := Open(path)
	must(t, err)
	_, err = s.AddDocuments(ctx, []labels.Document{{Text: "نص"}})
	must(t, err)
	must(t, s.Close())

	db := rawDB(t, path)
	_, err = db.Exec("INSERT INTO schema_migrations (version, name, applied) VALUES (?, 'future', 'x')", latestVersion()+1)
	must(t, err)
	must(t, db.Close())
	before := fileHash(t, path)

	_, err = Open(path)
	if !errors.Is(err, ErrNewerSchema) {
		t.Fatalf("Open = %v, want ErrNewerSchema", err)
	}
	want := fmt.Sprintf("%s was written by a newer version of Tawsim (schema %d; this version knows up to %d): update Tawsim to open it",
		path, latestVersion()+1, latestVersion())
	if err.Error() != want {
		t.Errorf("message:\n got %s\nwant %s", err, want)
	}
	if fileHash(t, path) != before {
		t.Error("the file changed")
	}
}

func TestOtherSQLiteFileRefusedUntouched(t *testing.T) {
	path := filepath.Join(t.TempDir(), "other.db")
	db := rawDB(t, path)
	_, err := db.Exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x')")
	must(t, err)
	must(t, db.Close())
	before := fileHash(t, path)

	_, err = Open(path)
	if !errors.Is(err, ErrNotProject) {
		t.Fatalf("Open = %v, want ErrNotProject", err)
	}
	if !strings.Contains(err.Error(), "is not a Tawsim project") || !strings.Contains(err.Error(), "contacts") {
		t.Errorf("message: %v", err)
	}
	if fileHash(t, path) != before {
		t.Error("the file changed")
	}
}

func TestTextFileRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.txt")
	must(t, os.WriteFile(path, []byte("قال المتحدث باسم الجيش\n"), 0o644))
	_, err := Open(path)
	if err == nil || !strings.Contains(err.Error(), "not an SQLite database") {
		t.Fatalf("Open(text file) = %v", err)
	}
	if !errors.Is(err, ErrNotProject) {
		t.Errorf("Open(text file) = %v, want it to wrap ErrNotProject", err)
	}
	if data, _ := os.ReadFile(path); string(data) != "قال المتحدث باسم الجيش\n" {
		t.Error("the file changed")
	}
}

func TestEmptyFilesBecomeProjects(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.tawsim")
	must(t, os.WriteFile(empty, nil, 0o644))
	s := openStore(t, empty)
	if _, err := s.AddDocuments(ctx, []labels.Document{{Text: "نص"}}); err != nil {
		t.Fatal(err)
	}
	// An SQLite database without tables (and no application id) is also fine.
	bare := filepath.Join(dir, "bare.db")
	db := rawDB(t, bare)
	_, err := db.Exec("PRAGMA user_version = 1")
	must(t, err)
	must(t, db.Close())
	openStore(t, bare)
}

func TestFolderRefused(t *testing.T) {
	if _, err := Open(t.TempDir()); err == nil {
		t.Fatal("Open(folder) succeeded")
	}
}

func TestOpenOddPaths(t *testing.T) {
	dir := t.TempDir()
	odd := filepath.Join(dir, "مشروع الأخبار #1 ?50% & more.tawsim")
	s := openStore(t, odd)
	if _, err := s.AddDocuments(ctx, []labels.Document{{Text: "نص"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(odd); err != nil {
		t.Errorf("the project is not at its path: %v", err)
	}
	entries, err := os.ReadDir(dir)
	must(t, err)
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), filepath.Base(odd)) { // the project, its -wal and -shm
			t.Errorf("unexpected file %q", e.Name())
		}
	}
	rel := filepath.Join(dir, "sub")
	must(t, os.Mkdir(rel, 0o755))
	t.Chdir(rel)
	r := openStore(t, "relative.tawsim")
	if r.Path() != "relative.tawsim" {
		t.Errorf("Path() = %q", r.Path())
	}
	if _, err := os.Stat(filepath.Join(rel, "relative.tawsim")); err != nil {
		t.Errorf("relative path: %v", err)
	}
	if _, err := Open(filepath.Join(dir, "missing", "p.tawsim")); err == nil || !strings.HasPrefix(err.Error(), "open ") {
		t.Errorf("Open in a missing folder: %v", err)
	}
}
