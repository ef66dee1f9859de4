package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestStatsHTML: stats --html writes the page of the project's progress (an AQMAR article
// imported as two annotators' finished work), refuses to replace it without
// --force, never writes over the project, and goes with neither --json nor --annotator.
func TestStatsHTML(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "team.tawsim")
	if code, _, errOut := ctl(t, "", "init", "--db", db, "--sample"); code != 0 {
		t.Fatal(errOut)
	}
	files, _ := filepath.Glob("testdata/aqmar/*.txt")
	if len(files) == 0 {
		t.Skip("no AQMAR articles in testdata/aqmar")
	}
	for _, who := range []string{"amal", "badr"} {
		args := append([]string{"import", "--db", db, "--format", "conll", "--annotator", who, "--add-labels"}, files...)
		if code, _, errOut := ctl(t, "", args...); code != 0 {
			t.Fatalf("import as %s: %s", who, errOut)
		}
	}
	page := filepath.Join(dir, "report.html")
	code, out, errOut := ctl(t, "", "stats", "--db", db, "--html", page)
	if code != 0 || !strings.Contains(out, "wrote "+page) {
		t.Fatalf("stats --html: %d %q %q", code, out, errOut)
	}
	data, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	html := string(data)
	// CoNLL brings entities, no stance and no time: two pictures, two figures that say so
	if n := strings.Count(html, "<svg"); n != 2 || !strings.Contains(html, "No time has been recorded yet.") ||
		!strings.Contains(html, "No document has a stance yet.") {
		t.Errorf("the page has %d pictures, want 2 (documents finished, labels)", n)
	}
	for _, want := range []string{"<title>Progress of team.tawsim</title>", ">amal</bdi>", ">badr</bdi>", "documents finished"} {
		if !strings.Contains(html, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if code, _, errOut := ctl(t, "", "stats", "--db", db, "--html", page); code != 1 || !strings.Contains(errOut, "report.html exists: use --force to replace it") {
		t.Errorf("again without --force: %d %q", code, errOut)
	}
	if code, _, errOut := ctl(t, "", "stats", "--db", db, "--html", page, "--force"); code != 0 {
		t.Errorf("--force: %d %q", code, errOut)
	}
	if code, _, errOut := ctl(t, "", "stats", "--db", db, "--html", db, "--force"); code != 1 || !strings.Contains(errOut, "is the project file") {
		t.Errorf("--html over the project: %d %q", code, errOut)
	}
	if code, _, _ := ctl(t, "", "stats", "--db", db, "--html", page, "--json"); code != 2 {
		t.Errorf("--html with --json: exit %d, want 2", code)
	}
	left, _ := filepath.Glob(filepath.Join(dir, ".report.html.tawsim-tmp-*"))
	if len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}
