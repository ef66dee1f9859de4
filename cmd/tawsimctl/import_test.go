package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// article is a sentence whose offsets (code points) the tests below use: المسماري is [4,12),
// طرابلس [40,46).
const article = "قال المسماري إن الجيش الوطني الليبي دخل طرابلس"

// TestKnownTextBringsItsAnnotations: a record whose text the project holds already (imported
// plain before) brings its spans, stances and status to that document; the same annotations
// again count as already there; other spans by the same annotator are a conflict, refused by
// FILE:LINE in strict mode and left out (the first kept) under --lenient; and the labels of
// every record are checked, known text or not.
func TestKnownTextBringsItsAnnotations(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.tawsim")
	importOK(t, db, "--format", "txt", writeFile(t, dir, "a.txt", article))
	spans := writeFile(t, dir, "spans.jsonl", `{"text":"`+article+`","label":[[4,12,"PERS"],[40,46,"LOC"]]}`+"\n")
	out := importOK(t, db, "--format", "doccano", "--annotator", "amal", spans)
	if !strings.Contains(out, "0 documents added, 1 already in the project, 2 spans added (2 to documents already in the project)") {
		t.Fatalf("a known text's spans: %q", out)
	}
	out = importOK(t, db, "--format", "doccano", "--annotator", "amal", spans)
	if !strings.Contains(out, "0 documents added, 1 already in the project\n") {
		t.Errorf("the same spans again: %q", out)
	}
	// Another annotator's spans join the document beside amal's.
	importOK(t, db, "--format", "doccano", "--annotator", "huda", spans)
	code, out, _ := ctl(t, "", "stats", "--db", db)
	if code != 0 || !strings.Contains(out, "PERS") || !strings.Contains(out, "spans       4") {
		t.Errorf("stats:\n%s", out)
	}

	other := writeFile(t, dir, "other.jsonl", "\n"+`{"text":"`+article+`","label":[[4,12,"ORG"]]}`+"\n")
	before := fileHash(t, db)
	code, _, errOut := ctl(t, "", "import", "--db", db, "--format", "doccano", "--annotator", "amal", other)
	if code != 1 || !strings.Contains(errOut, other+`:2: conflicts with the annotations already in the project of "amal"`) ||
		!strings.Contains(errOut, `not [4,12) ORG "المسماري"`) {
		t.Fatalf("strict conflict: exit %d, %q", code, errOut)
	}
	if fileHash(t, db) != before {
		t.Fatal("a refused conflict changed the project")
	}
	code, out, errOut = ctl(t, "", "import", "--db", db, "--format", "doccano", "--annotator", "amal", "--lenient", other)
	if code != 0 || !strings.Contains(errOut, other+":2: conflicts") || !strings.Contains(errOut, "those there were kept") {
		t.Fatalf("lenient conflict: exit %d, %q %q", code, out, errOut)
	}

	// Labels are checked on a known text too.
	unknown := writeFile(t, dir, "unknown.jsonl", `{"text":"`+article+`","label":[[4,12,"PERSON"]]}`+"\n")
	code, _, errOut = ctl(t, "", "import", "--db", db, "--format", "doccano", "--annotator", "sara", unknown)
	if code != 1 || !strings.Contains(errOut, "labels not in the project's schema: PERSON") {
		t.Fatalf("an unknown label on a known text: exit %d, %q", code, errOut)
	}

	// Native records bring stances, evidence and status; a different status is a conflict.
	// The doccano file imported with --annotator amal made the document amal's work, done.
	native := `{"text":"` + article + `","annotator":"amal","status":"done","stance":[{"target":"lna","label":"FAVOR"}],` +
		`"stance_spans":[{"start":16,"end":35,"target":"lna","label":"FAVOR"}]}` + "\n"
	out = importOK(t, db, "--format", "jsonl", writeFile(t, dir, "native.jsonl", native))
	if !strings.Contains(out, "1 already in the project, 1 span added (1 to documents already in the project), "+
		"1 document stance added (1 to documents already in the project)\n") {
		t.Errorf("native record on a known text: %q", out)
	}
	skipped := strings.Replace(native, `"done"`, `"skipped"`, 1)
	code, _, errOut = ctl(t, "", "import", "--db", db, "--format", "jsonl", writeFile(t, dir, "skipped.jsonl", skipped))
	if code != 1 || !strings.Contains(errOut, "its status is done, not skipped") {
		t.Errorf("a conflicting status: exit %d, %q", code, errOut)
	}
	flagged := strings.Replace(strings.Replace(native, `"done"`, `"flagged"`, 1), `"amal"`, `"sara"`, 1)
	out = importOK(t, db, "--format", "jsonl", writeFile(t, dir, "flagged.jsonl", flagged))
	if !strings.Contains(out, "1 status set on a document already in the project") {
		t.Errorf("a status of another annotator on a known text: %q", out)
	}
	code, out, _ = ctl(t, "", "export", "--db", db, "--format", "jsonl", "--annotator", "amal", "--out", "-")
	if code != 0 || !strings.Contains(out, `"status":"done"`) || !strings.Contains(out, `{"start":4,"end":12,"label":"PERS","text":"المسماري"}`) ||
		!strings.Contains(out, `"stance":[{"target":"lna","label":"FAVOR"}]`) || !strings.Contains(out, `"stance_spans":[{"start":16,"end":35`) {
		t.Errorf("export after the imports:\n%s", out)
	}
}

// TestFileReasonComesFirst: the reason a whole file is refused (labels the schema lacks) is
// printed before its line errors, however many there are.
func TestFileReasonComesFirst(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	for i := range 30 {
		fmt.Fprintf(&b, `{"text":"نص %d","label":[[0,2,"NOPE"]]}`+"\n", i)
		fmt.Fprintf(&b, `{"text":"نص %d","label":[[0,99,"LOC"]]}`+"\n", i)
	}
	file := writeFile(t, dir, "bad.jsonl", b.String())
	for _, mode := range []string{"--lenient", "--lenient=false"} {
		code, _, errOut := ctl(t, "", "import", "--db", filepath.Join(dir, "p.tawsim"), "--format", "doccano", mode, file)
		lines := strings.Split(errOut, "\n")
		if code != 1 || lines[0] != file+": labels not in the project's schema: NOPE (add them to the schema, or import with --add-labels)" ||
			!strings.HasPrefix(lines[1], file+":2: ") || !strings.Contains(errOut, "... and 10 more errors") {
			t.Errorf("%s: exit %d:\n%s", mode, code, errOut)
		}
	}
}

// TestUnreadableFilesAreListed: a file of a folder that cannot be opened (here a link to
// nothing, as an entry gone while the folder is read) is listed and the import goes on with
// the others, and exits 1 at the end.
func TestUnreadableFilesAreListed(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "in/a.jsonl", `{"text":"نص أ"}`+"\n")
	writeFile(t, dir, "in/c.jsonl", `{"text":"نص ج"}`+"\n")
	if err := os.Symlink(filepath.Join(dir, "nowhere"), filepath.Join(dir, "in/b.jsonl")); err != nil {
		t.Fatal(err)
	}
	locked := writeFile(t, dir, "locked.jsonl", `{"text":"نص د"}`+"\n")
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	args := []string{filepath.Join(dir, "in")}
	if os.Geteuid() != 0 { // root reads a file of mode 000
		args = append(args, locked)
	}
	for _, mode := range []string{"--lenient", "--lenient=false"} {
		db := filepath.Join(t.TempDir(), "p.tawsim")
		code, out, errOut := ctl(t, "", append([]string{"import", "--db", db, "--format", "jsonl", mode}, args...)...)
		if code != 1 || !strings.Contains(out, "2 documents added") ||
			!strings.Contains(errOut, filepath.Join(dir, "in/b.jsonl")+": the file could not be read to its end: no such file or directory") {
			t.Errorf("%s: exit %d, %q %q", mode, code, out, errOut)
		}
		if len(args) > 1 && !strings.Contains(errOut, locked+": the file could not be read to its end: permission denied") {
			t.Errorf("%s: %q", mode, errOut)
		}
	}
}

// TestLabelColumnAloneIsMisuse: a stance label needs its target: a usage error, not an error
// per row.
func TestLabelColumnAloneIsMisuse(t *testing.T) {
	dir := t.TempDir()
	csv := writeFile(t, dir, "s.csv", "text,stance\nنص,FAVOR\n")
	db := filepath.Join(dir, "p.tawsim")
	code, _, errOut := ctl(t, "", "import", "--db", db, "--format", "csv", "--text-column", "text", "--label-column", "stance", csv)
	if code != 2 || !strings.Contains(errOut, "a label column needs a target column") || !strings.Contains(errOut, "Run 'tawsimctl import --help'") {
		t.Errorf("exit %d, %q", code, errOut)
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Errorf("a misuse created the project: %v", err)
	}
}

// TestStrictCSVListsEveryBadRow: rows refused by the project's checks (a label that cannot be
// added) are all listed, not only the first.
func TestStrictCSVListsEveryBadRow(t *testing.T) {
	dir := t.TempDir()
	csv := writeFile(t, dir, "s.csv", "text,target,stance\nنص,lna,FAVOR\nنص ب,lna,two words\nنص ج,lna,\nنص د,gna,also bad\nنص ه,gna,\n")
	code, _, errOut := ctl(t, "", "import", "--db", filepath.Join(dir, "p.tawsim"), "--format", "csv", "--text-column", "text",
		"--target-column", "target", "--label-column", "stance", "--add-labels", csv)
	if code != 1 || !strings.Contains(errOut, csv+`:3: invalid label schema: label "two words"`) ||
		!strings.Contains(errOut, csv+`:5: invalid label schema: label "also bad"`) {
		t.Errorf("exit %d, %q", code, errOut)
	}
}

// TestLenientNothingAdded: ANERcorp's original file has no blank line between sentences, so
// it is one sentence, which one bad tag leaves out whole: --lenient must say that nothing was
// added, and exit 1. The file here is AQMAR's Football article without its blank lines.
func TestLenientNothingAdded(t *testing.T) {
	b, err := os.ReadFile(aqmar + "Football.txt")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	file := writeFile(t, dir, "noblank.conll", strings.ReplaceAll(string(b), "\n\n", "\n"))
	code, out, errOut := ctl(t, "", "import", "--db", filepath.Join(dir, "p.tawsim"), "--format", "conll", "--lenient", "--add-labels", file)
	if code != 1 || !strings.Contains(out, "0 documents added") || !strings.HasPrefix(errOut, file+": nothing was added from it: its one record was refused\n") ||
		!strings.Contains(errOut, `unknown tag "OO"`) {
		t.Errorf("exit %d, %q %q", code, out, errOut)
	}
}

// TestEmptyFilesAreErrors: one rule for every format: an empty input file is an error that
// names it.
func TestEmptyFilesAreErrors(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct{ format, name, data string }{
		{"txt", "e.txt", ""}, {"txt", "w.txt", " \n\n"}, {"jsonl", "e.jsonl", ""}, {"jsonl", "w.jsonl", "\n \n"},
		{"doccano", "e.jsonl", ""}, {"spacy", "e.jsonl", ""}, {"csv", "e.csv", ""}, {"csv", "h.csv", "text,id\n"},
		{"conll", "e.conll", ""}, {"conll", "d.conll", "-DOCSTART- O\n\n"},
	} {
		file := writeFile(t, dir, c.name, c.data)
		for _, mode := range []string{"--lenient", "--lenient=false"} {
			code, _, errOut := ctl(t, "", "import", "--db", filepath.Join(dir, "p.tawsim"), "--format", c.format, "--text-column", "text", mode, file)
			if code != 1 || !strings.HasPrefix(errOut, file+": the file is empty") {
				t.Errorf("%s %s %s: exit %d, %q", c.format, c.name, mode, code, errOut)
			}
		}
	}
}

// TestMissingInputCreatesNoProject: a path that does not exist is found before the project is
// opened, so a mistyped import leaves no new project behind.
func TestMissingInputCreatesNoProject(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.tawsim")
	good := writeFile(t, dir, "a.txt", "مقال")
	code, _, errOut := ctl(t, "", "import", "--db", db, good, filepath.Join(dir, "missing.txt"))
	if code != 1 || !strings.Contains(errOut, "missing.txt: no such file or folder; nothing was imported") {
		t.Errorf("exit %d, %q", code, errOut)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the folder holds %d entries, want the article alone", len(entries))
	}
}

// TestRefusedImportLeavesProjectByteIdentical: an import that is refused, or that finds
// nothing new, leaves every byte of an existing project as it was, the change counter of
// SQLite's header (bytes 24-27) included.
func TestRefusedImportLeavesProjectByteIdentical(t *testing.T) {
	dir, db, _ := oneArticleProject(t)
	importOK(t, db, "--format", "doccano", "--annotator", "amal",
		writeFile(t, dir, "known.jsonl", `{"text":"`+article+`","label":[[4,12,"PERS"]]}`+"\n"))
	header := func() []byte {
		b, err := os.ReadFile(db)
		if err != nil {
			t.Fatal(err)
		}
		return b[24:28]
	}
	before, counter := fileHash(t, db), string(header())
	cases := []struct {
		code int
		args []string
	}{
		{1, []string{"--format", "txt", writeFile(t, dir, "bad.txt", "نص\xff")}},
		{1, []string{"--format", "doccano", writeFile(t, dir, "unknown.jsonl", `{"text":"نص","label":[[0,2,"NOPE"]]}`+"\n")}},
		{1, []string{"--format", "csv", "--text-column", "text", writeFile(t, dir, "late.csv", "text\nنص أ\nنص ب\n\"\"\n")}},
		{1, []string{"--format", "doccano", "--annotator", "amal", writeFile(t, dir, "conflict.jsonl", `{"text":"`+article+`","label":[[4,12,"ORG"]]}`+"\n")}},
		{1, []string{"--format", "jsonl", "--lenient", writeFile(t, dir, "empty.jsonl", "")}},
		{0, []string{"--format", "doccano", "--annotator", "amal", filepath.Join(dir, "known.jsonl")}},
		{0, []string{"--format", "txt", filepath.Join(dir, "a.txt")}},
	}
	for _, c := range cases {
		code, out, errOut := ctl(t, "", append([]string{"import", "--db", db}, c.args...)...)
		if code != c.code {
			t.Fatalf("%v: exit %d, want %d: %s %s", c.args, code, c.code, out, errOut)
		}
		if fileHash(t, db) != before {
			t.Fatalf("%v changed the project (change counter %x, was %x)", c.args, header(), counter)
		}
	}
}
