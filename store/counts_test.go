package store

import (
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tawsim/tawsim/labels"
)

// recount counts what Stats reports straight from the tables, as Stats did before the counts
// table: the reference the kept counts must equal.
func recount(t *testing.T, s *Store, annotator string) Stats {
	t.Helper()
	st := Stats{Status: map[labels.Status]int{}, EntityLabels: map[string]int{}, StanceLabels: map[string]int{},
		DocStances: map[string]map[string]int{}, StanceSpans: map[string]map[string]int{}}
	must(t, s.r.QueryRowContext(ctx, "SELECT count(*) FROM documents").Scan(&st.Documents))
	must(t, eachRow(ctx, s.r, `SELECT annotator FROM span_sets UNION SELECT annotator FROM doc_state
UNION SELECT annotator FROM doc_stance ORDER BY 1`, nil, func(rows *sql.Rows) error {
		var a string
		err := rows.Scan(&a)
		st.Annotators = append(st.Annotators, a)
		return err
	}))
	for _, s := range labels.Statuses {
		st.Status[s] = 0
	}
	moved := 0
	must(t, eachRow(ctx, s.r, "SELECT status, count(*) FROM doc_state WHERE (? = '' OR annotator = ?) AND status <> 'todo' GROUP BY status",
		[]any{annotator, annotator}, func(rows *sql.Rows) error {
			var k string
			var n int
			err := rows.Scan(&k, &n)
			st.Status[labels.Status(k)] += n
			moved += n
			return err
		}))
	pairs := st.Documents
	if annotator == "" {
		pairs *= max(1, len(st.Annotators))
	}
	st.Status[labels.StatusTodo] = pairs - moved
	must(t, eachRow(ctx, s.r, "SELECT kind, target, label, count(*) FROM spans WHERE (? = '' OR annotator = ?) GROUP BY 1, 2, 3",
		[]any{annotator, annotator}, func(rows *sql.Rows) error {
			var kind, target, label string
			var n int
			err := rows.Scan(&kind, &target, &label, &n)
			var ignored int
			st.add("span", kind+unitSep+target+unitSep+label, n, &ignored)
			return err
		}))
	must(t, eachRow(ctx, s.r, "SELECT target, label, count(*) FROM doc_stance WHERE (? = '' OR annotator = ?) GROUP BY 1, 2",
		[]any{annotator, annotator}, func(rows *sql.Rows) error {
			var target, label string
			var n int
			err := rows.Scan(&target, &label, &n)
			addTo(st.DocStances, target, label, n)
			return err
		}))
	return st
}

// sameCounts fails the test when Stats differs from a recount, for each annotator and all.
func sameCounts(t *testing.T, s *Store, when string) {
	t.Helper()
	for _, a := range []string{"", "salma", "omar", "import"} {
		got, err := s.Stats(ctx, a)
		must(t, err)
		got.TargetNames = nil
		want := recount(t, s, a)
		if g, w := fmt.Sprintf("%+v", got), fmt.Sprintf("%+v", want); g != w {
			t.Errorf("%s, annotator %q:\n kept    %s\n counted %s", when, a, g, w)
		}
	}
}

// TestCountsFollowEveryWrite makes every kind of change the store offers and compares the
// kept counts with a recount after each.
func TestCountsFollowEveryWrite(t *testing.T) {
	text := "قال المتحدث باسم الجيش الوطني الليبي أحمد المسماري في طرابلس"
	s, ids := newProject(t, labels.NestingFlat, text, "نص ثان", "نص ثالث")
	sameCounts(t, s, "a new project")
	sp, err := s.AddSpan(ctx, entity(t, ids[0], "salma", text, "أحمد المسماري", "PERS"))
	must(t, err)
	sameCounts(t, s, "after AddSpan")
	ev := entity(t, ids[0], "salma", text, "باسم الجيش", "AGAINST")
	ev.Kind, ev.Target = labels.KindStance, "lna"
	_, err = s.AddSpans(ctx, []labels.Span{ev, entity(t, ids[0], "salma", text, "طرابلس", "LOC"),
		entity(t, ids[0], "omar", text, "طرابلس", "LOC")})
	must(t, err)
	sameCounts(t, s, "after AddSpans")
	sp.Label = "ORG"
	_, err = s.UpdateSpan(ctx, sp)
	must(t, err)
	sameCounts(t, s, "after UpdateSpan")
	must(t, s.DeleteSpan(ctx, "omar", ids[0], mustSpanID(t, s, ids[0], "omar")))
	sameCounts(t, s, "after DeleteSpan of the last span")
	for _, st := range []labels.DocState{
		{DocID: ids[0], Annotator: "salma", Status: labels.StatusDone},
		{DocID: ids[1], Annotator: "salma", Status: labels.StatusSkipped},
		{DocID: ids[1], Annotator: "salma", Status: labels.StatusFlagged},
		{DocID: ids[2], Annotator: "omar", Status: labels.StatusTodo},
	} {
		must(t, s.SetState(ctx, st))
		sameCounts(t, s, fmt.Sprintf("after SetState %s", st.Status))
	}
	must(t, s.SetDocStance(ctx, labels.DocStance{DocID: ids[0], Annotator: "salma", Target: "lna", Label: "AGAINST"}))
	must(t, s.SetDocStance(ctx, labels.DocStance{DocID: ids[0], Annotator: "salma", Target: "lna", Label: "FAVOR"}))
	must(t, s.SetDocStance(ctx, labels.DocStance{DocID: ids[1], Annotator: "omar", Target: "gna", Label: "NONE"}))
	sameCounts(t, s, "after SetDocStance")
	must(t, s.ClearDocStance(ctx, ids[1], "omar", "gna"))
	sameCounts(t, s, "after ClearDocStance")
	for i := range 6 {
		_, err := s.Undo(ctx, "salma")
		must(t, err)
		sameCounts(t, s, fmt.Sprintf("after undo %d", i+1))
	}
	for i := range 3 {
		_, err := s.Redo(ctx, "salma")
		must(t, err)
		sameCounts(t, s, fmt.Sprintf("after redo %d", i+1))
	}

	imp, err := s.BeginImport(ctx, ImportOptions{Annotator: "import", AddLabels: true})
	must(t, err)
	fresh := "نص جديد عن طرابلس"
	must(t, imp.Add(labels.Annotated{Doc: labels.Document{Text: fresh}, Status: labels.StatusDone,
		Spans:   []labels.Span{{Start: 11, End: 17, Text: "طرابلس", Label: "LOC", Kind: labels.KindEntity}},
		Stances: []labels.DocStance{{Target: "lna", Label: "NEUTRAL"}}}))
	must(t, imp.Add(labels.Annotated{Doc: labels.Document{Text: "نص ثان"}, Stances: []labels.DocStance{{Target: "gna", Label: "FAVOR"}}}))
	_, err = imp.Commit()
	must(t, err)
	sameCounts(t, s, "after an import")
	imp, err = s.BeginImport(ctx, ImportOptions{Annotator: "import"})
	must(t, err)
	must(t, imp.Add(labels.Annotated{Doc: labels.Document{Text: "نص يرجع"}, Status: labels.StatusDone}))
	imp.Rollback()
	sameCounts(t, s, "after an import rolled back")
}

// mustSpanID returns the id of the annotator's only span of the document.
func mustSpanID(t *testing.T, s *Store, doc, annotator string) string {
	t.Helper()
	spans, err := s.Spans(ctx, doc, annotator)
	must(t, err)
	if len(spans) != 1 {
		t.Fatalf("%s has %d spans", annotator, len(spans))
	}
	return spans[0].ID
}

// TestCountsOfAnOlderProject opens a file of schema version 3 with work in it: the migration
// counts it, and a malformed span set neither stops the migration nor a later write.
func TestCountsOfAnOlderProject(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v3.tawsim")
	s := openStore(t, path)
	must(t, s.SetSchema(ctx, "admin", testSchema(labels.NestingFlat)))
	text := "قال المتحدث باسم الجيش الوطني الليبي أحمد المسماري في طرابلس"
	res, err := s.AddDocuments(ctx, []labels.Document{{Text: text}, {Text: "نص ثان"}, {Text: "نص ثالث"}})
	must(t, err)
	_, err = s.AddSpan(ctx, entity(t, res.IDs[0], "salma", text, "طرابلس", "LOC"))
	must(t, err)
	must(t, s.SetState(ctx, labels.DocState{DocID: res.IDs[0], Annotator: "salma", Status: labels.StatusDone}))
	must(t, s.SetDocStance(ctx, labels.DocStance{DocID: res.IDs[0], Annotator: "omar", Target: "lna", Label: "FAVOR"}))
	must(t, s.Close())

	db := rawDB(t, path)
	for _, q := range []string{
		"DROP TABLE counts", "DROP INDEX doc_state_moved", "DELETE FROM schema_migrations WHERE version >= 4",
		"INSERT INTO span_sets (doc_id, annotator, spans) VALUES ('" + res.IDs[1] + "', 'omar', '{\"not\": \"a list\"}')",
	} {
		if strings.HasPrefix(q, "DROP TABLE") {
			for _, tr := range []string{"state_insert", "state_update", "state_delete",
				"stance_insert", "stance_update", "stance_delete"} {
				if _, err := db.Exec("DROP TRIGGER counts_" + tr); err != nil {
					t.Fatal(err)
				}
			}
		}
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	must(t, db.Close())

	s = openStore(t, path)
	st, err := s.Stats(ctx, "salma")
	must(t, err)
	if st.Documents != 3 || st.Status[labels.StatusDone] != 1 || st.EntityLabels["LOC"] != 1 {
		t.Errorf("salma's counts after the migration: %+v", st)
	}
	if _, err := s.AddSpan(ctx, entity(t, res.IDs[0], "omar", text, "طرابلس", "LOC")); err != nil {
		t.Errorf("a write beside a malformed span set: %v", err)
	}
	if _, err := s.w.ExecContext(ctx, "DELETE FROM span_sets WHERE doc_id = ?", res.IDs[1]); err != nil {
		t.Fatalf("removing the malformed span set: %v", err)
	}
	sameCounts(t, s, "after the migration and a write") // the spans view cannot read a malformed set
}
