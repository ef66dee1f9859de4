package main

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/mattn/go-sqlite3"
)

// sqlExec runs statements on the project at db with a plain connection, behind tawsimctl's
// back, as another program or a failing disk could.
func sqlExec(t *testing.T, db string, stmts ...string) {
	t.Helper()
	conn, err := sql.Open("sqlite3", db)
	must(t, err)
	defer conn.Close()
	for _, q := range stmts {
		if _, err := conn.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// docIDs maps the external ids of the project's documents to their ids.
func docIDs(t *testing.T, db string) map[string]string {
	t.Helper()
	conn, err := sql.Open("sqlite3", db)
	must(t, err)
	defer conn.Close()
	rows, err := conn.Query("SELECT external_id, id FROM documents")
	must(t, err)
	defer rows.Close()
	ids := map[string]string{}
	for rows.Next() {
		var ext, id string
		must(t, rows.Scan(&ext, &id))
		ids[ext] = id
	}
	must(t, rows.Err())
	return ids
}

// damagedProject imports four documents with a span each by amal, then damages the spans
// of a2 (an empty array), a3 (an object) and a4 (cut JSON) with SQL.
func damagedProject(t *testing.T) (dir, db string, ids map[string]string) {
	t.Helper()
	dir = t.TempDir()
	db = filepath.Join(dir, "p.tawsim")
	var lines string
	for _, id := range []string{"a1", "a2", "a3", "a4"} {
		lines += doccanoRecord(id, "قال المسماري في طرابلس "+id, "طرابلس", "LOC")
	}
	importOK(t, db, "--format", "doccano", "--annotator", "amal", writeFile(t, dir, "in.jsonl", lines))
	ids = docIDs(t, db)
	sqlExec(t, db,
		"UPDATE span_sets SET spans = '[]' WHERE doc_id = '"+ids["a2"]+"'",
		`UPDATE span_sets SET spans = '{"i":"x","s":16,"e":22}' WHERE doc_id = '`+ids["a3"]+"'",
		`UPDATE span_sets SET spans = '[{"i": "cut' WHERE doc_id = '`+ids["a4"]+"'")
	return dir, db, ids
}

// TestDamagedSpanRowsInCommands: check reports each damaged row by document, external id
// and annotator (an empty array made it panic, an object stopped it with a Scan error);
// stats counts the rest and lists the rows it left out; export fails naming the document.
func TestDamagedSpanRowsInCommands(t *testing.T) {
	dir, db, ids := damagedProject(t)

	code, out, errOut := ctl(t, "", "check", "--db", db)
	if code != 1 {
		t.Errorf("check: exit %d, want 1: %s", code, errOut)
	}
	for _, ext := range []string{"a2", "a3", "a4"} {
		want := "document " + ids[ext] + ` (external id "` + ext + `"), annotator "amal": the spans are damaged`
		if !strings.Contains(errOut, want) {
			t.Errorf("check does not report %q:\n%s", want, errOut)
		}
	}
	if strings.Contains(errOut, ids["a1"]) || strings.Contains(out, "sound") {
		t.Errorf("check: the sound document is reported, or the project called sound:\n%s%s", out, errOut)
	}

	// stats reads the counts the writers keep: the rows damaged behind the store's back are
	// not in them, and stats never reads the rows (check says the counts disagree).
	code, out, errOut = ctl(t, "", "stats", "--db", db)
	if code != 0 || !strings.Contains(out, "documents   4\n") {
		t.Errorf("stats: exit %d, want 0:\n%s%s", code, out, errOut)
	}
	if code, _, errOut := ctl(t, "", "check", "--db", db); code != 1 || !strings.Contains(errOut, "counts: ") {
		t.Errorf("check: exit %d, does not report the counts:\n%s", code, errOut)
	}
	if code, _, errOut := ctl(t, "", "check", "--db", db, "--recount"); code != 1 || strings.Contains(errOut, "counts: ") {
		t.Errorf("check --recount: exit %d, want 1 for the damaged rows alone:\n%s", code, errOut)
	}

	if code, out, errOut := ctl(t, "", "targets", "--db", db, "list"); code != 0 || !strings.Contains(out, "lna") {
		t.Errorf("targets list: exit %d:\n%s%s", code, out, errOut)
	}

	outFile := filepath.Join(dir, "out.jsonl")
	code, _, errOut = ctl(t, "", "export", "--db", db, "--format", "jsonl", "--out", outFile)
	if code != 1 || !strings.Contains(errOut, ids["a2"]) || !strings.Contains(errOut, `(external id "a2")`) ||
		!strings.Contains(errOut, "damaged") {
		t.Errorf("export: exit %d, want 1 naming a2:\n%s", code, errOut)
	}
	if _, err := os.Stat(outFile); err == nil {
		t.Error("export wrote a file")
	}
}
