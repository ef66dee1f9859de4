package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/goccy/go-json"
)

const aqmar = "../../corpus/testdata/aqmar/"

// exportOf runs an export to standard output and returns it.
func exportOf(t *testing.T, db string, args ...string) string {
	t.Helper()
	code, out, errOut := ctl(t, "", append([]string{"export", "--db", db}, args...)...)
	if code != 0 {
		t.Fatalf("export %v: exit %d: %s", args, code, errOut)
	}
	return out
}

func importOK(t *testing.T, db string, args ...string) string {
	t.Helper()
	code, out, errOut := ctl(t, "", append([]string{"import", "--db", db}, args...)...)
	if code != 0 {
		t.Fatalf("import %v: exit %d: %s %s", args, code, out, errOut)
	}
	return out
}

// doccanoRecord builds a doccano line with spans over the given words, offsets in code points.
func doccanoRecord(id, text string, words ...string) string {
	var label [][]any
	for i := 0; i+1 < len(words); i += 2 {
		b := strings.Index(text, words[i])
		start := len([]rune(text[:b]))
		label = append(label, []any{start, start + len([]rune(words[i])), words[i+1]})
	}
	data, _ := json.Marshal(map[string]any{"id": id, "text": text, "label": label})
	return string(data) + "\n"
}

func TestDoccanoAndNativeRoundTrips(t *testing.T) {
	dir := t.TempDir()
	in := doccanoRecord("a1", "قال المتحدث (باسم الجيش) إن 25 شخصا قتلوا في هجوم لتنظيم ISIS يوم 3 أبريل 2019.",
		"باسم الجيش", "ORG", "ISIS", "ORG") +
		doccanoRecord("a2", "وقال مُحَمَّد الفلاحي 👍🏽 إن طرابلس هادئة", "مُحَمَّد الفلاحي", "PERS", "طرابلس", "LOC")
	// goccy writes map keys sorted: id, label, text; the writer writes id, text, label.
	in = reorder(t, in)
	file := writeFile(t, dir, "d.jsonl", in)
	db := filepath.Join(dir, "a.tawsim")
	importOK(t, db, "--format", "doccano", file)
	if got := exportOf(t, db, "--format", "doccano"); got != in {
		t.Fatalf("doccano round trip:\n got %s\nwant %s", got, in)
	}

	native := exportOf(t, db, "--format", "jsonl")
	db2 := filepath.Join(dir, "b.tawsim")
	importOK(t, db2, "--format", "jsonl", writeFile(t, dir, "n.jsonl", native))
	if got := exportOf(t, db2, "--format", "jsonl"); got != native {
		t.Fatalf("native jsonl is not byte-identical:\n got %s\nwant %s", got, native)
	}

	spacy := exportOf(t, db, "--format", "spacy")
	db3 := filepath.Join(dir, "c.tawsim")
	importOK(t, db3, "--format", "spacy", writeFile(t, dir, "s.jsonl", spacy))
	if got := exportOf(t, db3, "--format", "spacy"); got != spacy {
		t.Fatalf("spacy round trip:\n got %s\nwant %s", got, spacy)
	}
}

// reorder rewrites doccano lines with the keys in the order the writer uses.
func reorder(t *testing.T, lines string) string {
	t.Helper()
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimSpace(lines), "\n") {
		var r struct {
			ID    string  `json:"id"`
			Text  string  `json:"text"`
			Label [][]any `json:"label"`
		}
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatal(err)
		}
		data, _ := json.Marshal(r)
		b.Write(data)
		b.WriteByte('\n')
	}
	return b.String()
}

func TestCoNLLRoundTripOnAQMAR(t *testing.T) {
	src := aqmar + "Ibn_Tolun_Mosque.txt"
	want, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "p.tawsim")
	// AQMAR's labels (PER, MIS0...) are not the default schema's: refused with their list.
	code, _, errOut := ctl(t, "", "import", "--db", db, "--format", "conll", src)
	if code != 1 || !strings.Contains(errOut, "labels not in the project's schema: ") || !strings.Contains(errOut, "PER") {
		t.Fatalf("unknown labels: exit %d, %q", code, errOut)
	}
	out := importOK(t, db, "--format", "conll", "--add-labels", src)
	if !strings.Contains(out, "added to the schema:") {
		t.Errorf("no word of the labels added: %q", out)
	}
	got := exportOf(t, db, "--format", "conll")
	if strings.TrimRight(got, "\n") != strings.TrimRight(string(want), "\n") {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := range min(len(gl), len(wl)) {
			if gl[i] != wl[i] {
				t.Fatalf("line %d: got %q, want %q", i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("got %d lines, want %d", len(gl), len(wl))
	}
	code, out, _ = ctl(t, "", "check", "--db", db)
	if code != 0 {
		t.Fatalf("check: %s", out)
	}
}

func TestNoisyCoNLLStrictAndLenient(t *testing.T) {
	_, db, before := oneArticleProject(t)
	code, _, errOut := ctl(t, "", "import", "--db", db, "--format", "conll", "--add-labels", aqmar+"Football.txt")
	if code != 1 || !strings.Contains(errOut, "Football.txt:1855: unknown tag \"OO\"") {
		t.Fatalf("strict: exit %d, %q", code, errOut)
	}
	if fileHash(t, db) != before {
		t.Fatal("a refused import changed the project")
	}
	code, out, errOut := ctl(t, "", "import", "--db", db, "--format", "conll", "--add-labels", "--lenient", aqmar+"Football.txt")
	if code != 0 || !strings.Contains(out, "1 document added") || !strings.Contains(out, "1 bad record") ||
		!strings.Contains(errOut, "Football.txt:1855:") {
		t.Fatalf("lenient: exit %d, %q, %q", code, out, errOut)
	}
}

func TestBadJSONLAndCSV(t *testing.T) {
	dir, db, before := oneArticleProject(t)
	cases := []struct {
		name, format, data, want string
		extra                    []string
	}{
		{"cut.jsonl", "doccano", `{"text":"نص أول","label":[]}` + "\n" + `{"text":"نص ثان","lab`, "cut.jsonl:2:", nil},
		{"utf8.jsonl", "doccano", `{"text":"نص أول","label":[]}` + "\n" + "{\"text\":\"\xff\"}\n", "utf8.jsonl:2: invalid UTF-8", nil},
		{"span.jsonl", "doccano", `{"text":"نص أول","label":[[0,40,"LOC"]]}` + "\n", "span.jsonl:1:", nil},
		{"rows.csv", "csv", "\uFEFFid,text\r\n1,\"سطر\r\nثان\"\r\n2,نص,زائد\r\n", "rows.csv:4:", []string{"--text-column", "text"}},
	}
	for _, c := range cases {
		file := writeFile(t, dir, c.name, c.data)
		args := append([]string{"import", "--db", db, "--format", c.format}, c.extra...)
		code, _, errOut := ctl(t, "", append(args, file)...)
		if code != 1 || !strings.Contains(errOut, c.want) {
			t.Errorf("%s: exit %d, %q; want %q", c.name, code, errOut, c.want)
		}
		if fileHash(t, db) != before {
			t.Fatalf("%s: a refused import changed the project", c.name)
		}
	}
	code, _, errOut := ctl(t, "", "import", "--db", db, "--format", "csv", writeFile(t, dir, "x.csv", "a,b\n1,2\n"))
	if code != 2 || !strings.Contains(errOut, "text column") {
		t.Errorf("csv without --text-column: exit %d, %q", code, errOut)
	}
}

func TestSplitIsReproducible(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.tawsim")
	var lines strings.Builder
	for i := range 50 {
		lines.WriteString(doccanoRecord("d"+strings.Repeat("x", i), "خبر رقم "+strings.Repeat("ا", i+1)+" من طرابلس", "طرابلس", "LOC"))
	}
	importOK(t, db, "--format", "doccano", writeFile(t, dir, "in.jsonl", lines.String()))
	parts := func(out string) map[string]string {
		ctl(t, "", "export", "--db", db, "--format", "doccano", "--split", "train=0.8,dev=0.1,test=0.1", "--seed", "7", "--out", out)
		got := map[string]string{}
		for _, p := range []string{"train", "dev", "test"} {
			b, err := os.ReadFile(strings.TrimSuffix(out, ".jsonl") + "." + p + ".jsonl")
			if err != nil {
				t.Fatal(err)
			}
			got[p] = string(b)
		}
		return got
	}
	a, b := parts(filepath.Join(dir, "a.jsonl")), parts(filepath.Join(dir, "b.jsonl"))
	n := 0
	for p := range a {
		if a[p] != b[p] {
			t.Errorf("part %s differs between two runs with one seed", p)
		}
		n += strings.Count(a[p], "\n")
	}
	if n != 50 || strings.Count(a["train"], "\n") != 40 {
		t.Errorf("%d records in all, %d in train; want 50 and 40", n, strings.Count(a["train"], "\n"))
	}
}

// TestLenientStillRefusesWholeFiles: --lenient keeps the good records of a file with bad
// ones, but a file that cannot be imported in part (labels the schema lacks, a CSV header
// without the text column) adds nothing, says so and exits 1.
func TestLenientStillRefusesWholeFiles(t *testing.T) {
	dir, db, before := oneArticleProject(t)
	cases := []struct {
		what, want string
		args       []string
	}{
		{"labels the schema lacks", "Football.txt: labels not in the project's schema: MIS0, MIS1, MIS2, MISS1, PER",
			[]string{"--format", "conll", aqmar + "Football.txt"}},
		{"no text column", "nocol.csv:1: no column \"text\" in the header (its columns: id, body)",
			[]string{"--format", "csv", "--text-column", "text", writeFile(t, dir, "nocol.csv", "id,body\n1,نص\n")}},
		{"an empty csv", "empty.csv: the file is empty",
			[]string{"--format", "csv", "--text-column", "text", writeFile(t, dir, "empty.csv", "")}},
	}
	for _, c := range cases {
		code, _, errOut := ctl(t, "", append([]string{"import", "--db", db, "--lenient"}, c.args...)...)
		if code != 1 || !strings.Contains(errOut, c.want) || !strings.Contains(errOut, "nothing was imported from 1 file") {
			t.Errorf("%s: exit %d, %q; want exit 1 and %q", c.what, code, errOut, c.want)
		}
		if fileHash(t, db) != before {
			t.Fatalf("%s: a refused file changed the project", c.what)
		}
	}
}

// TestManyBadLines lists the first 20 problems of a file, then counts the others, however
// many there are: the count goes past what is kept in memory.
func TestManyBadLines(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	for i := range 250 {
		fmt.Fprintf(&b, "كلمة%d OO\n\n", i)
	}
	file := writeFile(t, dir, "bad.conll", b.String())
	code, _, errOut := ctl(t, "", "import", "--db", filepath.Join(dir, "p.tawsim"), "--format", "conll", file)
	lines := strings.Split(strings.TrimSpace(errOut), "\n")
	if code != 1 || len(lines) != 22 || lines[0] != file+`:1: unknown tag "OO"` ||
		lines[19] != file+`:39: unknown tag "OO"` || lines[20] != "... and 230 more errors" {
		t.Fatalf("exit %d, %d lines:\n%s", code, len(lines), errOut)
	}
}

// oneArticleProject makes a project holding one article, in a folder for the test's files,
// and returns the folder, the project and the hash of its bytes, to tell a change.
func oneArticleProject(t *testing.T) (dir, db string, hash [32]byte) {
	t.Helper()
	dir = t.TempDir()
	db = filepath.Join(dir, "p.tawsim")
	importOK(t, db, "--format", "txt", writeFile(t, dir, "a.txt", "مقال أول"))
	return dir, db, fileHash(t, db)
}
