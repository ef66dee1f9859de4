package store

import (
	"encoding/json"
	"path/filepath"
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
