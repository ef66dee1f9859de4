package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tawsim/tawsim/jobs"
	"github.com/tawsim/tawsim/seeds"
)

// ctl runs one command line in-process and returns its exit status and output.
func ctl(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	e := &env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errOut}
	code := run(context.Background(), e, args)
	return code, out.String(), errOut.String()
}

func writeFile(t *testing.T, dir, name, data string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func seedText() string { return seeds.Documents()[0].Text }

func TestImportTwiceAddsOnce(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.tawsim")
	article := writeFile(t, dir, "ARTICLE.txt", seedText())
	for i, want := range []string{"1 document added, 0 already", "0 documents added, 1 already"} {
		code, out, errOut := ctl(t, "", "import", "--db", db, "--format", "txt", article)
		if code != 0 || !strings.Contains(out, want) {
			t.Fatalf("import %d: exit %d, out %q, err %q; want %q", i+1, code, out, errOut, want)
		}
	}
	code, out, _ := ctl(t, "", "stats", "--db", db)
	if code != 0 || !strings.Contains(out, "documents   1\n") || !strings.Contains(out, "todo         1\n") {
		t.Fatalf("stats: exit %d:\n%s", code, out)
	}
	code, out, errOut := ctl(t, "", "check", "--db", db)
	if code != 0 || !strings.Contains(out, "is sound: 1 document checked") {
		t.Fatalf("check: exit %d, %q %q", code, out, errOut)
	}
}

func TestImportFolderStdinAndRepairs(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.tawsim")
	writeFile(t, dir, "in/a.txt", "\uFEFFعنوان أ\r\nنص أ")
	writeFile(t, dir, "in/sub/b.txt", "عنوان ب\nنص ب")
	writeFile(t, dir, "in/notes.md", "not an article")
	code, out, errOut := ctl(t, "نص من المدخل القياسي", "import", "--db", db, filepath.Join(dir, "in"), "-")
	if code != 0 || !strings.Contains(out, "3 files read: 3 documents added") {
		t.Fatalf("exit %d, out %q, err %q", code, out, errOut)
	}
}

func TestImportInvalidUTF8LeavesProjectUnchanged(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.tawsim")
	good := writeFile(t, dir, "good.txt", seedText())
	if code, _, errOut := ctl(t, "", "import", "--db", db, good); code != 0 {
		t.Fatal(errOut)
	}
	before := fileHash(t, db)
	bad := writeFile(t, dir, "broken.txt", "سطر أول\nسطر\xc3 ثان\n")
	code, _, errOut := ctl(t, "", "import", "--db", db, bad)
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	if !strings.Contains(errOut, bad+":2: invalid UTF-8") || !strings.Contains(errOut, "nothing was imported") {
		t.Errorf("stderr does not name the file and line: %q", errOut)
	}
	if fileHash(t, db) != before {
		t.Error("the project file changed")
	}
	code, out, _ := ctl(t, "", "stats", "--db", db)
	if code != 0 || !strings.Contains(out, "documents   1\n") {
		t.Errorf("stats after refused import:\n%s", out)
	}
	// --lenient imports the good files and still lists the bad one, from which nothing could
	// be added: exit 1.
	other := writeFile(t, dir, "other.txt", "مقال آخر")
	code, out, errOut = ctl(t, "", "import", "--db", db, "--lenient", bad, other)
	if code != 1 || !strings.Contains(out, "1 document added") || !strings.Contains(out, "1 bad record") || !strings.Contains(errOut, "broken.txt:2:") ||
		!strings.Contains(errOut, "broken.txt: nothing was added from it") {
		t.Errorf("lenient: exit %d, out %q, err %q", code, out, errOut)
	}
}

// fileHash hashes a project file and its WAL, every byte: the SQLite header's change
// counter (bytes 24-27) included, so that equal hashes mean that nothing wrote to the project.
func fileHash(t *testing.T, path string) [32]byte {
	t.Helper()
	var all []byte
	for _, p := range []string{path, path + "-wal"} {
		if b, err := os.ReadFile(p); err == nil {
			all = append(all, b...)
		}
	}
	return sha256.Sum256(all)
}

func TestUsage(t *testing.T) {
	cases := []struct {
		args []string
		code int
		want string
	}{
		{nil, 2, "Commands:"},
		{[]string{"--help"}, 0, "Commands:"},
		{[]string{"frobnicate"}, 2, "unknown command"},
		{[]string{"import", "x.txt"}, 2, "--db PROJECT is required"},
		{[]string{"import", "--db", "p.tawsim"}, 2, "at least one FILE"},
		{[]string{"import", "--db", "p.tawsim", "--format", "docx", "a"}, 2, "unknown format"},
		{[]string{"import", "--bogus"}, 2, "flag provided but not defined"},
		{[]string{"stats", "--db", "p.tawsim", "extra"}, 2, "unexpected argument"},
		{[]string{"targets", "--db", "p.tawsim"}, 2, "name an action"},
		{[]string{"targets", "--db", "p.tawsim", "delete", "x"}, 2, "unknown action"},
		{[]string{"targets", "--db", "p.tawsim", "add", "x", "Two", "words"}, 2, "quote a name with spaces"},
		{[]string{"export", "--db", "p.tawsim", "--stratify"}, 2, "--stratify shapes a split"},
		{[]string{"import", "--db", "p.tawsim", "--format", "csv", "--text-column", "a", "--claim-column", "c", "x.csv"}, 2, "a claim column needs a label column"},
	}
	for _, c := range cases {
		code, out, errOut := ctl(t, "", c.args...)
		if code != c.code || !strings.Contains(out+errOut, c.want) {
			t.Errorf("%v: exit %d (want %d), output %q (want %q)", c.args, code, c.code, out+errOut, c.want)
		}
	}
	for _, cmd := range []string{"init", "import", "stats", "check", "targets", "export"} {
		code, out, _ := ctl(t, "", cmd, "--help")
		if code != 0 || !strings.Contains(out, "Usage: tawsimctl "+cmd) || !strings.Contains(out, "-db") {
			t.Errorf("%s --help: exit %d, %q", cmd, code, out)
		}
	}
}

func TestMissingProject(t *testing.T) {
	db := filepath.Join(t.TempDir(), "none.tawsim")
	for _, args := range [][]string{{"stats"}, {"check"}, {"targets", "list"}} {
		cmd := args[0]
		code, _, errOut := ctl(t, "", append(args, "--db", db)...)
		if code != 1 || !strings.Contains(errOut, "no project at") {
			t.Errorf("%s: exit %d, %q", cmd, code, errOut)
		}
		if _, err := os.Stat(db); err == nil {
			t.Fatalf("%s created the project", cmd)
		}
	}
}

func TestInit(t *testing.T) {
	db := filepath.Join(t.TempDir(), "new.tawsim")
	code, out, errOut := ctl(t, "", "init", "--db", db, "--sample")
	if code != 0 || !strings.Contains(out, "4 entity labels, 4 stance labels, 3 targets, 1 document") {
		t.Fatalf("init: exit %d, %q %q", code, out, errOut)
	}
	if code, _, errOut := ctl(t, "", "init", "--db", db); code != 1 || !strings.Contains(errOut, "already exists") {
		t.Errorf("second init: exit %d, %q", code, errOut)
	}
}

func TestInitWojood(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "wojood.tawsim")
	code, out, errOut := ctl(t, "", "init", "--db", db, "--schema", "wojood")
	if code != 0 || !strings.Contains(out, "21 entity labels, 4 stance labels, 0 targets, 0 documents") {
		t.Fatalf("init --schema wojood: exit %d, %q %q", code, out, errOut)
	}
	st, err := openExisting(db)
	if err != nil {
		t.Fatal(err)
	}
	sc, err := st.Schema(context.Background())
	st.Close()
	if err != nil || sc.Nesting != "nested" || sc.Entities[20].Name != "LANGUAGE" || sc.Entities[20].Hotkey != "l" {
		t.Errorf("schema %+v, %v", sc, err)
	}
	// A file of that name is read when given as a path.
	file := writeFile(t, dir, "wojood", `{"entities":[{"name":"X","hotkey":"1"}]}`)
	code, out, errOut = ctl(t, "", "init", "--db", filepath.Join(dir, "own.tawsim"), "--schema", file)
	if code != 0 || !strings.Contains(out, "1 entity label,") {
		t.Errorf("init --schema ./wojood: exit %d, %q %q", code, out, errOut)
	}
}

// TestNoFyneInHeadlessProgram keeps tawsimctl buildable without GL and X11.
func TestNoFyneInHeadlessProgram(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	out, err := exec.Command(goBin, "list", "-deps", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, line := range strings.Split(string(out), "\n") {
		if strings.HasPrefix(line, "fyne.io/") {
			t.Errorf("tawsimctl depends on %s", line)
		}
	}
}

func TestProgressLine(t *testing.T) {
	p := newProgress(&env{}, "records")
	p.p = jobs.Progress{Records: 2048, Done: 250, Total: 1000}
	if got, want := p.line(2*time.Second), "[#######.......................]  25%  2,048 records  1,024/s  about 6s left"; got != want {
		t.Errorf("a quarter done:\n got %q\nwant %q", got, want)
	}
	p.p = jobs.Progress{Records: 4096, Done: 1000, Total: 1000}
	if got, want := p.line(4*time.Second), "[##############################] 100%  4,096 records  1,024/s"; got != want {
		t.Errorf("all done:\n got %q\nwant %q", got, want)
	}
	p.p = jobs.Progress{Records: 300}
	if got, want := p.line(3*time.Second), "300 records  100/s"; got != want {
		t.Errorf("size unknown:\n got %q\nwant %q", got, want)
	}
}

// TestNoProgressWhenNotATerminal: scripts that capture stderr get the errors and nothing else.
func TestNoProgressWhenNotATerminal(t *testing.T) {
	dir := t.TempDir()
	code, _, errOut := ctl(t, "", "import", "--db", filepath.Join(dir, "p.tawsim"), "--format", "txt",
		writeFile(t, dir, "a.txt", "مقال أول"))
	if code != 0 || errOut != "" {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

// TestFlagMistakeToldOnce: a flag given a bad value is told once, on standard error, and
// standard output (which a script reads as data, --json) stays empty; --help alone prints
// the usage there.
func TestFlagMistakeToldOnce(t *testing.T) {
	for _, args := range [][]string{
		{"search", "--db", "p.tawsim", "--after", "1e3", "word"},
		{"search", "--db", "p.tawsim", "--limit", "99999999999999999999", "--json", "word"},
		{"stats", "--db", "p.tawsim", "--bogus"},
	} {
		code, out, errOut := ctl(t, "", args...)
		if code != 2 || out != "" || strings.Count(errOut, "flag") != 1 || strings.Contains(errOut, "Usage:") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2, nothing on stdout, the mistake once on stderr", args, code, out, errOut)
		}
	}
	if code, out, _ := ctl(t, "", "search", "-h"); code != 0 || strings.Count(out, "Usage: tawsimctl search") != 1 {
		t.Errorf("search -h: exit %d, %q", code, out)
	}
}
