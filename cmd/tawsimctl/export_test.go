package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tawsim/tawsim/export"
	"github.com/tawsim/tawsim/internal/synth"
)

// TestExportOverTheProjectIsRefused: --out naming the project, under any name, fails and
// leaves the project as it was, --force or not.
func TestExportOverTheProjectIsRefused(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	importOK(t, "p.tawsim", writeFile(t, dir, "a.txt", seedText()))
	must(t, os.Symlink("p.tawsim", "link.tawsim"))
	before := fileHash(t, "p.tawsim")
	for _, args := range [][]string{
		{"--out", "p.tawsim"}, {"--out", "./p.tawsim", "--force"}, {"--out", "link.tawsim", "--force"},
		{"--out", "p.tawsim-wal"}, {"--out", "p", "--split", "train=0.5,tawsim=0.5", "--force"},
	} {
		code, out, errOut := ctl(t, "", append([]string{"export", "--db", "p.tawsim", "--format", "jsonl"}, args...)...)
		if code != 1 || out != "" || !strings.Contains(errOut, "is the project file p.tawsim") {
			t.Errorf("export %v: exit %d, %q %q", args, code, out, errOut)
		}
	}
	if fileHash(t, "p.tawsim") != before {
		t.Fatal("the project changed")
	}
	if code, out, errOut := ctl(t, "", "check", "--db", "p.tawsim"); code != 0 || !strings.Contains(out, "1 document checked") {
		t.Fatalf("check after the refused exports: exit %d %q %q", code, out, errOut)
	}
}

// TestExportReplacesOnlyWithForce: an existing output is refused with a message that names
// it and --force; with --force it is replaced, its mode kept, a symbolic link kept a link.
func TestExportReplacesOnlyWithForce(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.tawsim")
	importOK(t, db, writeFile(t, dir, "a.txt", seedText()))
	out := filepath.Join(dir, "out.jsonl")
	must(t, os.WriteFile(out, []byte("mine\n"), 0o600))
	link := filepath.Join(dir, "link.jsonl")
	must(t, os.Symlink("out.jsonl", link))
	for _, name := range []string{out, link} {
		code, _, errOut := ctl(t, "", "export", "--db", db, "--out", name)
		if want := name + " exists: use --force to replace it\n"; code != 1 || !strings.HasSuffix(errOut, want) {
			t.Errorf("export over %s: exit %d, %q, want %q", name, code, errOut, want)
		}
	}
	if data, _ := os.ReadFile(out); string(data) != "mine\n" {
		t.Fatalf("a refused export changed the file: %q", data)
	}
	if code, _, errOut := ctl(t, "", "export", "--db", db, "--out", link, "--force"); code != 0 {
		t.Fatalf("export --force: exit %d %s", code, errOut)
	}
	fi, err := os.Lstat(link)
	must(t, err)
	data, _ := os.ReadFile(out)
	if fi.Mode()&os.ModeSymlink == 0 || !strings.Contains(string(data), seedText()[:20]) {
		t.Fatalf("after export --force through the link: link mode %v, target %q", fi.Mode(), data)
	}
	if fi, _ := os.Stat(out); fi.Mode().Perm() != 0o600 {
		t.Errorf("the file replaced has mode %v, want -rw-------", fi.Mode().Perm())
	}
}

// TestKilledExportsLeaveNothingForLong kills real exports with SIGKILL while they write: each
// leaves its temporary file, named after it, which check lists and the next export to the
// same folder removes; the last one, let finish, leaves only its output.
func TestKilledExportsLeaveNothingForLong(t *testing.T) {
	if testing.Short() {
		t.Skip("kills child processes")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "p.tawsim")
	const n = 8000
	synthProject(t, db, n)

	out := filepath.Join(dir, "out.jsonl")
	var left string
	for round := range 3 {
		pid, temp := killWhileWriting(t, out, "export", "--db", db, "--out", out)
		if !strings.HasPrefix(filepath.Base(temp), fmt.Sprintf(".out.jsonl.tawsim-tmp-%d-", pid)) {
			t.Fatalf("round %d: the export of process %d wrote %s", round, pid, temp)
		}
		if left != "" {
			if _, err := os.Stat(left); err == nil {
				t.Fatalf("round %d: the temporary file of the round before is still there", round)
			}
		}
		left = temp
		code, _, errOut := ctl(t, "", "check", "--db", db)
		if code != 0 || !strings.Contains(errOut, temp+" (") || !strings.Contains(errOut, "was left by an export that was killed") {
			t.Fatalf("round %d: check: exit %d, %q", round, code, errOut)
		}
	}
	code, _, errOut := ctl(t, "", "export", "--db", db, "--out", out)
	if code != 0 || !strings.Contains(errOut, "removed "+left) {
		t.Fatalf("the export after the kills: exit %d, %q", code, errOut)
	}
	entries, err := os.ReadDir(dir)
	must(t, err)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("left beside the export: %s", e.Name())
		}
	}
	data, err := os.ReadFile(out)
	must(t, err)
	if lines := strings.Count(string(data), "\n"); lines != n {
		t.Errorf("the export holds %d lines, want %d", lines, n)
	}
}

// synthProject makes the project db of n synthetic articles of 1,500 code points with ten
// entities each, imported from jsonl as a user would.
func synthProject(t *testing.T, db string, n int) {
	t.Helper()
	big := db + ".jsonl"
	f, err := os.Create(big)
	must(t, err)
	bw := bufio.NewWriter(f)
	w := export.NewJSONL(bw)
	for i := range n {
		must(t, w.Write(synth.Article(uint64(i), 1500, 10)))
	}
	must(t, w.Flush())
	must(t, bw.Flush())
	must(t, f.Close())
	importOK(t, db, "--format", "jsonl", big)
	must(t, os.Remove(big))
}

// killWhileWriting runs tawsimctl with args in a child process, kills it with SIGKILL once a
// temporary file of its output has content, and returns its process id and that file.
func killWhileWriting(t *testing.T, out string, args ...string) (int, string) {
	t.Helper()
	cmd := startCtl(t, args...)
	pattern := filepath.Join(filepath.Dir(out), fmt.Sprintf(".%s.tawsim-tmp-%d-*", filepath.Base(out), cmd.Process.Pid))
	deadline := time.Now().Add(time.Minute)
	for time.Now().Before(deadline) {
		temps, _ := filepath.Glob(pattern)
		if len(temps) == 1 {
			if fi, err := os.Stat(temps[0]); err == nil && fi.Size() > 0 {
				must(t, cmd.Process.Kill())
				cmd.Wait()
				return cmd.Process.Pid, temps[0]
			}
		}
		time.Sleep(time.Millisecond)
	}
	cmd.Process.Kill()
	cmd.Wait()
	t.Fatalf("no temporary file %s with content within a minute", pattern)
	return 0, ""
}

// TestTokenExportOfNestedSpans: a project of the default schema, whose entities may nest,
// exports nested spans in conll as a tag column per level; conll --flat and hf write one
// level and say how many spans they left out; spacy, spacy-doc and jsonl write every span.
func TestTokenExportOfNestedSpans(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.tawsim")
	if code, _, errOut := ctl(t, "", "init", "--db", db); code != 0 {
		t.Fatal(errOut)
	}
	text := "قال المتحدث باسم الجيش الوطني الليبي أمس"
	in := doccanoRecord("a1", text, "الجيش الوطني الليبي", "ORG", "الليبي", "LOC")
	importOK(t, db, "--format", "doccano", writeFile(t, dir, "in.jsonl", in))
	head := "قال O\nالمتحدث O\nباسم O\n"
	cases := []struct {
		args       []string
		want, left string
	}{
		{nil, head + "الجيش B-ORG\nالوطني I-ORG\nالليبي I-ORG B-LOC\nأمس O\n\n", ""},
		{[]string{"--flat"}, head + "الجيش B-ORG\nالوطني I-ORG\nالليبي I-ORG\nأمس O\n\n",
			"left out 1 entity span of other levels of nesting: conll writes the outer level only (one tag per token)\n"},
		{[]string{"--flat", "--level", "inner"}, head + "الجيش O\nالوطني O\nالليبي B-LOC\nأمس O\n\n",
			"left out 1 entity span of other levels of nesting: conll writes the inner level only (one tag per token)\n"},
	}
	for _, c := range cases {
		out := filepath.Join(dir, "out.conll")
		args := append([]string{"export", "--db", db, "--format", "conll", "--out", out, "--force"}, c.args...)
		code, _, errOut := ctl(t, "", args...)
		got, _ := os.ReadFile(out)
		if code != 0 || string(got) != c.want || errOut != "wrote 1 record\n"+c.left {
			t.Errorf("%v: exit %d, %q\n%s\nwant\n%s", c.args, code, errOut, got, c.want)
		}
	}
	code, _, errOut := ctl(t, "", "export", "--db", db, "--format", "hf", "--out", filepath.Join(dir, "out.hf"))
	if code != 0 || !strings.Contains(errOut, "left out 1 entity span of other levels of nesting: hf writes the outer level") {
		t.Errorf("hf: exit %d, %q", code, errOut)
	}
	for _, format := range []string{"spacy", "jsonl", "doccano"} {
		code, out, errOut := ctl(t, "", "export", "--db", db, "--format", format)
		if code != 0 || strings.Count(out, `"ORG"`)+strings.Count(out, `"LOC"`) != 2 || errOut != "" {
			t.Errorf("%s: exit %d, %q %q", format, code, out, errOut)
		}
	}
	out := exportOf(t, db, "--format", "spacy-doc", "--level", "inner")
	if !strings.Contains(out, `"ents":[{"start":30,"end":36,"label":"LOC"}],"spans":{"sc":[{"start":17,"end":36,"label":"ORG","kb_id":""},{"start":30,"end":36,"label":"LOC","kb_id":""}]}`) {
		t.Errorf("spacy-doc: %s", out)
	}
	for _, args := range [][]string{
		{"--format", "jsonl", "--flat"},
		{"--format", "conll", "--level", "inner"},
		{"--format", "spacy", "--level", "inner"},
		{"--format", "hf", "--level", "middle"},
	} {
		if code, _, errOut := ctl(t, "", append([]string{"export", "--db", db}, args...)...); code != 2 {
			t.Errorf("%v: exit %d, %q", args, code, errOut)
		}
	}
}

// TestWojoodRoundTrip: a file in Wojood's nested shape goes into a project of Wojood's
// schema and comes back out of the conll export byte for byte, every tag of every line.
func TestWojoodRoundTrip(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "w.tawsim")
	if code, _, errOut := ctl(t, "", "init", "--db", db, "--schema", "wojood"); code != 0 {
		t.Fatal(errOut)
	}
	file := "../../corpus/testdata/wojood/nested.txt"
	in, err := os.ReadFile(file)
	must(t, err)
	importOK(t, db, "--format", "conll", file)
	if got := exportOf(t, db, "--format", "conll"); got != string(in) {
		t.Errorf("conll round trip:\n%s\nwant\n%s", got, in)
	}
	// every span is there: a B- tag each
	if got, want := strings.Count(exportOf(t, db, "--format", "jsonl"), `"label":`), strings.Count(string(in), "B-"); got != want {
		t.Errorf("%d spans in the project, %d in the file", got, want)
	}
}
