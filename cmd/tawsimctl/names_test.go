package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/goccy/go-json"
)

// hidden are characters that reorder or break a terminal line; no output may hold them raw.
const hidden = "\u202e\u2066\u2067\u061c\u200f\x1b"

// noRawHidden fails the test when out holds a hidden character raw.
func noRawHidden(t *testing.T, what, out string) {
	t.Helper()
	if i := strings.IndexAny(out, hidden); i >= 0 {
		t.Errorf("%s prints %q raw:\n%s", what, []rune(out[i:])[0], out)
	}
}

// TestNamesWithBidiControlsRefused: a label, target or annotator name with a bidi control
// or another format or control character is refused at every door, with the character
// escaped in the message, and nothing changes.
func TestNamesWithBidiControlsRefused(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.tawsim")
	if code, _, errOut := ctl(t, "", "init", "--db", db); code != 0 {
		t.Fatal(errOut)
	}
	before := fileHash(t, db)
	doccano := writeFile(t, dir, "rlo.jsonl", `{"id":"a1","text":"قال المسماري","label":[[4,12,"PERS\u202eSREP"]]}`+"\n")
	csv := writeFile(t, dir, "stance.csv", "text,target,stance\nنص أول,Egypt\u2066,FAVOR\n")
	schema := writeFile(t, dir, "schema.json", `{"entities":[{"name":"LOC\u202e","hotkey":"1"}]}`)
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"import", "--db", db, "--format", "doccano", "--add-labels", doccano}, 1, `\u202e`},
		{[]string{"import", "--db", db, "--format", "csv", "--text-column", "text", "--target-column", "target",
			"--label-column", "stance", "--add-labels", csv}, 1, `\u2066`},
		{[]string{"import", "--db", db, "--format", "doccano", "--annotator", "amal\u202e", doccano}, 2, `annotator name: invalid name: "amal\u202e"`},
		{[]string{"targets", "--db", db, "add", "egypt", "Egypt\u202e"}, 1, `"Egypt\u202e" holds U+202E, a bidi control`},
		{[]string{"targets", "--db", db, "add", "egy\u200fpt", "Egypt"}, 1, `\u200f`},
		{[]string{"targets", "--db", db, "add", "egypt", "Egypt", "--name-ar", "مصر\u061c"}, 1, `\u061c`},
		{[]string{"targets", "--db", db, "add", "egypt", "two\nlines"}, 1, `"two\nlines" holds U+000A, a control character`},
		{[]string{"targets", "--db", db, "rename", "lna", "Army\u2067"}, 1, `\u2067`},
		{[]string{"targets", "--db", db, "add", "egypt", "Egypt", "--annotator", "\x1b[2Jamal"}, 2, `\x1b`},
		{[]string{"init", "--db", filepath.Join(dir, "new.tawsim"), "--schema", schema}, 1, `"LOC\u202e" holds U+202E`},
	} {
		code, out, errOut := ctl(t, "", c.args...)
		if code != c.code || !strings.Contains(errOut, c.want) {
			t.Errorf("%q: exit %d (want %d), %q (want %q)", c.args, code, c.code, errOut, c.want)
		}
		noRawHidden(t, strings.Join(c.args[:2], " "), out+errOut)
	}
	if fileHash(t, db) != before {
		t.Error("a refused name changed the project")
	}
	if _, err := os.Stat(filepath.Join(dir, "new.tawsim")); err == nil {
		t.Error("init with a refused schema made the project")
	}
	// Arabic names are names: they print as they are.
	code, out, errOut := ctl(t, "", "targets", "--db", db, "add", "egypt", "Egypt's mediation", "--name-ar", "الوساطة المصرية")
	if code != 0 || !strings.Contains(out, "Egypt's mediation") {
		t.Fatalf("add: exit %d, %q %q", code, out, errOut)
	}
	if _, list, _ := ctl(t, "", "targets", "--db", db, "list"); !strings.Contains(list, "Egypt's mediation (الوساطة المصرية)") {
		t.Errorf("list:\n%s", list)
	}
}

// TestNamesFromFilesPrintEscaped: names that an older version or another program left in
// a project, and file names, print with their control characters escaped; --json output
// escapes them as JSON does, so that it decodes to the same names.
func TestNamesFromFilesPrintEscaped(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.tawsim")
	importOK(t, db, "--format", "doccano", "--annotator", "amal",
		writeFile(t, dir, "in.jsonl", doccanoRecord("a1", "قال المسماري في طرابلس", "المسماري", "PERS")))
	sqlExec(t, db,
		`UPDATE schema SET json = json_set(json, '$.entities[0].name', 'PERS'||char(0x202e)||'SREP',
			'$.targets[0].name', 'Army'||char(0x2066), '$.targets[0].name_ar', 'الجيش الوطني الليبي')`,
		`UPDATE span_sets SET annotator = 'amal'||char(0x202e), spans = json_set(spans, '$[0].l', 'PERS'||char(0x202e)||'SREP')`,
		`UPDATE doc_state SET annotator = 'amal'||char(0x202e)`)
	ctl(t, "", "check", "--db", db, "--recount") // stats reads the counts: count the rows written behind its back

	code, out, errOut := ctl(t, "", "stats", "--db", db)
	if code != 0 || !strings.Contains(out, `PERS\u202eSREP`) || !strings.Contains(out, `amal\u202e`) {
		t.Errorf("stats: exit %d:\n%s%s", code, out, errOut)
	}
	noRawHidden(t, "stats", out+errOut)
	code, out, errOut = ctl(t, "", "stats", "--db", db, "--json")
	var js struct {
		Annotators   []string       `json:"annotators"`
		EntityLabels map[string]int `json:"entity_labels"`
	}
	if err := json.Unmarshal([]byte(out), &js); err != nil || code != 0 || js.Annotators[0] != "amal\u202e" ||
		js.EntityLabels["PERS\u202eSREP"] != 1 {
		t.Errorf("stats --json: exit %d, %v, %+v", code, err, js)
	}
	noRawHidden(t, "stats --json", out+errOut)
	code, out, errOut = ctl(t, "", "targets", "--db", db, "list")
	if code != 0 || !strings.Contains(out, `Army\u2066 (الجيش الوطني الليبي)`) {
		t.Errorf("targets list: exit %d:\n%s%s", code, out, errOut)
	}
	noRawHidden(t, "targets list", out+errOut)
	_, out, errOut = ctl(t, "", "targets", "--db", db, "list", "--json")
	noRawHidden(t, "targets list --json", out+errOut)
	code, out, errOut = ctl(t, "", "check", "--db", db)
	if code != 1 || !strings.Contains(errOut, `\u202e`) {
		t.Errorf("check: exit %d:\n%s%s", code, out, errOut)
	}
	noRawHidden(t, "check", out+errOut)

	// A file name with a line break cannot fake a line of its own.
	evil := writeFile(t, dir, "x\nfake.txt:1: all is well\n.txt", "سطر\xc3 مكسور")
	_, out, errOut = ctl(t, "", "import", "--db", db, evil)
	for _, line := range strings.Split(out+errOut, "\n") {
		if strings.HasPrefix(line, "fake.txt:1:") {
			t.Errorf("a file name printed a line of its own: %q", out+errOut)
		}
	}
	if !strings.Contains(errOut, `x\nfake.txt:1: all is well\n.txt`) {
		t.Errorf("import does not name the file escaped: %q", errOut)
	}
	_, _, errOut = ctl(t, "", "export", "--db", db, "--out", filepath.Join(dir, "no\nfolder", "out.jsonl"))
	if !strings.Contains(errOut, `no\nfolder`) || strings.Count(errOut, "\n") != 1 {
		t.Errorf("export does not name the file escaped: %q", errOut)
	}
}
