package main

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/goccy/go-json"
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

	code, out, errOut = ctl(t, "", "stats", "--db", db)
	if code != 1 || !strings.Contains(out, "spans       1\n") || !strings.Contains(out, "LOC          1\n") {
		t.Errorf("stats: exit %d, want 1 with the sound span counted:\n%s%s", code, out, errOut)
	}
	if !strings.Contains(errOut, "3 rows of spans left out of the counts") || !strings.Contains(errOut, "tawsimctl check") {
		t.Errorf("stats does not say what it left out:\n%s", errOut)
	}
	for _, ext := range []string{"a2", "a3", "a4"} {
		if !strings.Contains(errOut, ids[ext]) || !strings.Contains(errOut, `"`+ext+`"`) {
			t.Errorf("stats does not name %s:\n%s", ext, errOut)
		}
	}
	code, out, _ = ctl(t, "", "stats", "--db", db, "--json")
	var js struct {
		Spans   int `json:"spans"`
		Damaged []struct {
			DocID      string `json:"doc_id"`
			ExternalID string `json:"external_id"`
			Annotator  string `json:"annotator"`
			Reason     string `json:"reason"`
		} `json:"damaged"`
	}
	if err := json.Unmarshal([]byte(out), &js); err != nil || code != 1 || js.Spans != 1 || len(js.Damaged) != 3 ||
		js.Damaged[0].Annotator != "amal" || js.Damaged[0].Reason == "" {
		t.Errorf("stats --json: exit %d, %+v, %v:\n%s", code, js, err, out)
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
