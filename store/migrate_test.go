package store

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tawsim/tawsim/labels"
)

// TestSpanRowsBecomeSets opens a file of schema version 2, whose spans are one row each,
// and finds every span again, by annotator and in order, after migration 0003.
func TestSpanRowsBecomeSets(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v2.tawsim")
	db := rawDB(t, path)
	for _, m := range migrations[:2] {
		must(t, applyMigration(ctx, db, path, m))
	}
	text := "قال المتحدث باسم الجيش الوطني الليبي أحمد المسماري"
	sc, err := json.Marshal(testSchema(labels.NestingFlat))
	must(t, err)
	row, err := newDocRow(labels.Document{Text: text})
	must(t, err)
	for _, q := range []struct {
		sql  string
		args []any
	}{
		{"UPDATE schema SET json = ?", []any{string(sc)}},
		{`INSERT INTO documents (ord, id, hash, runes, created, text) VALUES (1, 'd1', ?, ?, '2026-01-01T00:00:00.000000000Z', ?)`,
			[]any{row.doc.Hash, labels.RuneLen(text), text}},
		{`INSERT INTO spans VALUES ('d1', 'amal', 42, 50, 's2', 'المسماري', 'PERS', 'entity', '', 'manual',
  '2026-01-01T00:00:00.000000000Z', '2026-01-02T00:00:00.000000000Z')`, nil},
		{`INSERT INTO spans VALUES ('d1', 'amal', 17, 36, 's1', 'الجيش الوطني الليبي', 'ORG', 'entity', '', 'import',
  '2026-01-01T00:00:00.000000000Z', '2026-01-01T00:00:00.000000000Z')`, nil},
		{`INSERT INTO spans VALUES ('d1', 'badr', 17, 36, 's3', 'الجيش الوطني الليبي', 'FAVOR', 'stance', 'lna', 'manual',
  '2026-01-01T00:00:00.000000000Z', '2026-01-01T00:00:00.000000000Z')`, nil},
	} {
		if _, err := db.Exec(q.sql, q.args...); err != nil {
			t.Fatalf("%s: %v", q.sql, err)
		}
	}
	must(t, db.Close())

	s := openStore(t, path)
	amal, err := s.Spans(ctx, "d1", "amal")
	must(t, err)
	if len(amal) != 2 || amal[0].ID != "s1" || amal[1].ID != "s2" || amal[1].Label != "PERS" ||
		amal[0].Origin != labels.OriginImport || amal[1].Updated.Day() != 2 {
		t.Errorf("amal's spans after the migration: %+v", amal)
	}
	all, err := s.Spans(ctx, "d1", "")
	must(t, err)
	if len(all) != 3 || all[0].Start != 17 || all[2].ID != "s2" {
		t.Errorf("everyone's spans: %+v", all)
	}
	if all[1].Target != "lna" && all[0].Target != "lna" {
		t.Errorf("the stance span lost its target: %+v", all)
	}
	problems, err := s.Check(ctx)
	must(t, err)
	for _, p := range problems {
		t.Errorf("after the migration: %s", p)
	}
	st, err := s.Stats(ctx, "")
	must(t, err)
	if st.Spans != 3 || st.EntityLabels["PERS"] != 1 || st.EntityLabels["ORG"] != 1 || st.StanceSpans["lna"]["FAVOR"] != 1 {
		t.Errorf("stats after the migration: %+v", st)
	}
}

// TestMigrationInAGapRefused: a file that recorded a migration numbered in a gap of this
// build's (made beside the ones this build has) is refused as newer, untouched.
func TestMigrationInAGapRefused(t *testing.T) {
	gap := 0
	for v := 1; v < latestVersion() && gap == 0; v++ {
		if !knownVersion(v) {
			gap = v
		}
	}
	if gap == 0 {
		t.Skip("this build's migrations have no gap")
	}
	path := filepath.Join(t.TempDir(), "p.tawsim")
	s := openStore(t, path)
	must(t, s.Close())
	db := rawDB(t, path)
	_, err := db.Exec("INSERT INTO schema_migrations (version, name, applied) VALUES (?, 'beside', 'x')", gap)
	must(t, err)
	must(t, db.Close())
	before := fileHash(t, path)
	_, err = Open(path)
	if !errors.Is(err, ErrNewerSchema) || !strings.Contains(err.Error(), fmt.Sprintf("schema change %d, which this version lacks", gap)) {
		t.Errorf("Open = %v", err)
	}
	if fileHash(t, path) != before {
		t.Error("the file changed")
	}
}

// TestMissingMigrationsApplied: a file that lacks migrations below the last it has (written
// by a build whose numbering had a gap where this build has a migration) gets them. The one
// left out is the search index's, which no later migration builds on (0008 and 0012 write
// the counts of 0004).
func TestMissingMigrationsApplied(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.tawsim")
	db, err := sql.Open(writerDriver, dsn(path, url.Values{"mode": {"rwc"}})) // with the migrations' functions
	must(t, err)
	db.SetMaxOpenConns(1)
	for _, m := range migrations {
		if m.Version != 7 {
			must(t, applyMigration(ctx, db, path, m))
		}
	}
	must(t, db.Close())
	s := openStore(t, path)
	ms, err := s.Migrations(ctx)
	must(t, err)
	if len(ms) != len(migrations) {
		t.Fatalf("recorded %+v", ms)
	}
	if _, err := s.Search(ctx, Query{Text: "طرابلس"}, 0); err != nil { // reads the index of 0007
		t.Error(err)
	}
}
