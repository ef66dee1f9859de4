package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"

	"github.com/tawsim/tawsim/internal/pgtest"
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

// TestStatsHTMLOnAServer: the page of a project copied to a PostgreSQL server draws the same
// progress as the page of its file; only the project's name differs, the server named by its
// URL (the database's name alone would not say which server).
func TestStatsHTMLOnAServer(t *testing.T) {
	url := pgtest.Database(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "team.tawsim")
	if code, _, errOut := ctl(t, "", "init", "--db", db, "--sample"); code != 0 {
		t.Fatal(errOut)
	}
	in := writeFile(t, dir, "in.jsonl", `{"text":"زار أردوغان طرابلس","annotator":"badr","status":"done","entities":[{"start":4,"end":11,"label":"PERS","text":"أردوغان"}]}`+"\n"+
		`{"text":"وصل الوفد إلى بنغازي","annotator":"amal","status":"done","entities":[{"start":14,"end":20,"label":"LOC","text":"بنغازي"}]}`+"\n")
	importOK(t, db, "--format", "jsonl", in)
	if code, out, errOut := ctl(t, "", "copy", "--from", db, "--to", url); code != 0 {
		t.Fatalf("copy to the server: exit %d: %s %s", code, out, errOut)
	}
	pages := map[string]string{}
	for name, project := range map[string]string{"file": db, "server": url} {
		page := filepath.Join(dir, name+".html")
		if code, out, errOut := ctl(t, "", "stats", "--db", project, "--html", page); code != 0 {
			t.Fatalf("stats --html of the %s: %d %q %q", name, code, out, errOut)
		}
		data, err := os.ReadFile(page)
		if err != nil {
			t.Fatal(err)
		}
		if name == "server" && !strings.Contains(string(data), `<h1>Progress of <bdi dir="ltr">postgres://`) {
			t.Errorf("the server's page is not named by its URL")
		}
		pages[name] = titles.ReplaceAllString(string(data), "PROJECT")
	}
	if pages["file"] != pages["server"] {
		t.Errorf("the server's page differs from the file's:\n%s\n---\n%s", pages["server"], pages["file"])
	}
	if !strings.Contains(pages["server"], ">amal</bdi>") || strings.Count(pages["server"], "<svg") != 2 {
		t.Errorf("the server's page lacks amal's work or its pictures:\n%s", pages["server"])
	}
}

// titles finds the project's name where a report names it.
var titles = regexp.MustCompile(`Progress of (<bdi dir="ltr">)?[^<]*`)

// TestStatsHTMLToStandardOutput: --html - prints the page on standard output (as export's
// --out - does) instead of making a file named "-"; a page that cannot be written there
// fails, and a device names "-" as the way to standard output, not a flag stats lacks.
func TestStatsHTMLToStandardOutput(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if code, _, errOut := ctl(t, "", "init", "--db", "p.tawsim", "--sample"); code != 0 {
		t.Fatal(errOut)
	}
	code, out, errOut := ctl(t, "", "stats", "--db", "p.tawsim", "--html", "-")
	if code != 0 || !strings.HasPrefix(out, "<!DOCTYPE html>") || !strings.HasSuffix(out, "</html>\n") {
		t.Fatalf("--html -: exit %d, %q, stdout %.60q…", code, errOut, out)
	}
	if _, err := os.Stat("-"); err == nil {
		t.Errorf(`--html - made a file named "-"`)
	}
	e := &env{stdin: strings.NewReader(""), stdout: failingWriter{}, stderr: new(bytes.Buffer)}
	if code := run(context.Background(), e, []string{"stats", "--db", "p.tawsim", "--html", "-"}); code != 1 ||
		!strings.Contains(e.stderr.(*bytes.Buffer).String(), "no space left") {
		t.Errorf("--html - to a full output: exit %d, %q", code, e.stderr)
	}
	if _, err := os.Stat("/dev/full"); err == nil {
		code, _, errOut := ctl(t, "", "stats", "--db", "p.tawsim", "--html", "/dev/full", "--force")
		if code != 1 || !strings.Contains(errOut, "/dev/full is not a regular file") || strings.Contains(errOut, "--out") {
			t.Errorf("--html /dev/full: exit %d, %q", code, errOut)
		}
	}
}

// failingWriter is an output that is full.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, syscall.ENOSPC }
