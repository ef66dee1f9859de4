package jobs

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tawsim/tawsim/export"
	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

func readFile(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func write(t *testing.T, name, data string, perm os.FileMode) {
	t.Helper()
	if err := os.WriteFile(name, []byte(data), perm); err != nil {
		t.Fatal(err)
	}
}

// projectSound fails the test unless the project at path opens and passes its check with
// its one document.
func projectSound(t *testing.T, path string) {
	t.Helper()
	st, err := store.Open(path)
	if err != nil {
		t.Fatalf("the project no longer opens: %v", err)
	}
	defer st.Close()
	probs, err := st.Check(context.Background())
	n, _ := st.CountDocuments(context.Background())
	if err != nil || len(probs) > 0 || n != 1 {
		t.Fatalf("the project after the export: %d documents, %v %v", n, probs, err)
	}
}

// TestExportRefusesTheProjectFile: no output of an export may be the project file, or its
// -wal, -shm or -journal file, under any name, with or without Force.
func TestExportRefusesTheProjectFile(t *testing.T) {
	path, st := project(t)
	dir := filepath.Dir(path)
	t.Chdir(dir)
	before := readFile(t, path)
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.Link(path, filepath.Join(dir, "hard.jsonl")))
	must(os.Symlink("p.tawsim", filepath.Join(dir, "soft.jsonl")))
	must(os.Mkdir(filepath.Join(dir, "sub"), 0o755))
	cases := []ExportOptions{
		{Out: path}, {Out: "p.tawsim"}, {Out: "./p.tawsim"}, {Out: "sub/../p.tawsim"},
		{Out: "../" + filepath.Base(dir) + "/p.tawsim"},
		{Out: path + "-wal"}, {Out: path + "-shm"}, {Out: "p.tawsim-journal"},
		{Out: "hard.jsonl"}, {Out: "soft.jsonl"},
		// a split part: p.train, p.tawsim
		{Out: "p", Split: []export.Part{{Name: "train", Ratio: 0.5}, {Name: "tawsim", Ratio: 0.5}}},
	}
	for _, c := range cases {
		for _, force := range []bool{false, true} {
			c.Force, c.Format = force, "jsonl"
			_, err := Export(context.Background(), st, c)
			if !errors.Is(err, ErrProjectFile) {
				t.Errorf("export to %s (force %v, split %v): %v, want ErrProjectFile", c.Out, force, c.Split != nil, err)
			}
		}
	}
	if !bytes.Equal(readFile(t, path), before) {
		t.Fatal("the project file changed")
	}
	projectSound(t, path)
}

// TestExportRefusesTheLabelListOverTheProject: the hf label list, written beside the data,
// may not be the project either.
func TestExportRefusesTheLabelListOverTheProject(t *testing.T) {
	dir := t.TempDir()
	path, st := project(t)
	proj := filepath.Join(dir, "x.labels.json")
	st.Close()
	if err := os.Rename(path, proj); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(proj)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	_, err = Export(context.Background(), st, ExportOptions{Format: "hf", Out: filepath.Join(dir, "x.jsonl"), Force: true})
	if !errors.Is(err, ErrProjectFile) {
		t.Fatalf("an hf export whose label list is the project: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "x.jsonl")); err == nil {
		t.Error("the refused export wrote its data")
	}
	projectSound(t, proj)
}

// TestExportRefusesAnExistingFile: a file that exists is left alone without Force, and the
// error names every output that exists.
func TestExportRefusesAnExistingFile(t *testing.T) {
	path, st := project(t)
	dir := filepath.Dir(path)
	out := filepath.Join(dir, "out.jsonl")
	write(t, filepath.Join(dir, "out.train.jsonl"), "mine\n", 0o600)
	write(t, filepath.Join(dir, "out.test.jsonl"), "mine too\n", 0o600)
	split := []export.Part{{Name: "train", Ratio: 0.5}, {Name: "dev", Ratio: 0.25}, {Name: "test", Ratio: 0.25}}
	_, err := Export(context.Background(), st, ExportOptions{Format: "jsonl", Out: out, Split: split})
	var ex *ExistsError
	if !errors.As(err, &ex) || !errors.Is(err, ErrExists) || len(ex.Names) != 2 ||
		!strings.Contains(err.Error(), "out.train.jsonl, ") || !strings.Contains(err.Error(), "out.test.jsonl exist") {
		t.Fatalf("export over two files: %v", err)
	}
	if string(readFile(t, filepath.Join(dir, "out.train.jsonl"))) != "mine\n" {
		t.Error("the refused export changed a file")
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), "dev") || strings.Contains(e.Name(), tempMark) {
			t.Errorf("the refused export wrote %s", e.Name())
		}
	}
}

// TestExportForceKeepsModeAndLinks: with Force a file is replaced whole with its permission
// bits kept, and a symbolic link stays a link whose target gets the new content.
func TestExportForceKeepsModeAndLinks(t *testing.T) {
	path, st := project(t)
	dir := filepath.Dir(path)
	private := filepath.Join(dir, "private.jsonl")
	write(t, private, "old\n", 0o600)
	if err := os.Chmod(private, 0o640); err != nil { // bits the umask would take away
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "data"), 0o755); err != nil {
		t.Fatal(err)
	}
	real := filepath.Join(dir, "data", "real.jsonl")
	write(t, real, "old\n", 0o600)
	link := filepath.Join(dir, "link.jsonl")
	if err := os.Symlink("data/real.jsonl", link); err != nil {
		t.Fatal(err)
	}
	dangling := filepath.Join(dir, "dangling.jsonl")
	if err := os.Symlink("data/new.jsonl", dangling); err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{private, link, dangling} {
		if _, err := Export(context.Background(), st, ExportOptions{Format: "jsonl", Out: out, Force: true}); err != nil {
			t.Fatalf("export --force to %s: %v", out, err)
		}
	}
	if fi, err := os.Stat(private); err != nil || fi.Mode().Perm() != 0o640 || !strings.Contains(string(readFile(t, private)), "طرابلس") {
		t.Errorf("the file replaced: %v %v", fi.Mode(), err)
	}
	for _, l := range []string{link, dangling} {
		if fi, err := os.Lstat(l); err != nil || fi.Mode()&os.ModeSymlink == 0 {
			t.Errorf("%s is no longer a symbolic link: %v", l, err)
		}
	}
	if fi, _ := os.Stat(real); fi.Mode().Perm() != 0o600 || !strings.Contains(string(readFile(t, real)), "طرابلس") {
		t.Errorf("the link's target: mode %v, content %q", fi.Mode(), readFile(t, real)[:10])
	}
	if !strings.Contains(string(readFile(t, filepath.Join(dir, "data", "new.jsonl"))), "طرابلس") {
		t.Error("the dangling link's target was not written")
	}
	left, _ := filepath.Glob(filepath.Join(dir, "*", "*"+tempMark+"*"))
	left2, _ := filepath.Glob(filepath.Join(dir, "*"+tempMark+"*"))
	if len(left)+len(left2) > 0 {
		t.Errorf("temporary files left: %v %v", left, left2)
	}
}

// TestFailedExportKeepsTheFileItReplaces: an export that fails, with Force, cancelled or at
// a corrupt span, leaves the files it was to replace as they were, and no temporary file.
func TestFailedExportKeepsTheFileItReplaces(t *testing.T) {
	path, st := project(t)
	dir := filepath.Dir(path)
	out := filepath.Join(dir, "out.conll")
	parts := []string{filepath.Join(dir, "out.train.conll"), filepath.Join(dir, "out.test.conll")}
	for _, f := range append(parts, out) {
		write(t, f, "kept\n", 0o644)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Export(ctx, st, ExportOptions{Format: "conll", Out: out, Force: true}); !errors.Is(err, context.Canceled) {
		t.Fatalf("a cancelled export: %v", err)
	}
	corruptSpan(t, path)
	split := []export.Part{{Name: "train", Ratio: 0.5}, {Name: "test", Ratio: 0.5}}
	for _, o := range []ExportOptions{{Out: out}, {Out: out, Split: split}} {
		o.Format, o.Force = "hf", true
		if _, err := Export(context.Background(), st, o); !errors.Is(err, labels.ErrTextMismatch) {
			t.Fatalf("an export of a corrupt span: %v", err)
		}
	}
	for _, f := range append(parts, out) {
		if string(readFile(t, f)) != "kept\n" {
			t.Errorf("a failed export changed %s", f)
		}
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), tempMark) || strings.Contains(e.Name(), "labels") {
			t.Errorf("a failed export left %s", e.Name())
		}
	}
}

// TestExportNeverReplacesAFileMadeMeanwhile: a file made at the output's name while the
// export runs is not replaced (without Force), and the export fails.
func TestExportNeverReplacesAFileMadeMeanwhile(t *testing.T) {
	path, st := project(t)
	out := filepath.Join(filepath.Dir(path), "out.jsonl")
	_, err := Export(context.Background(), st, ExportOptions{Format: "jsonl", Out: out,
		Progress: func(p Progress) {
			if p.Done == p.Total {
				write(t, out, "made meanwhile\n", 0o644)
			}
		}})
	if !errors.Is(err, ErrExists) || string(readFile(t, out)) != "made meanwhile\n" {
		t.Fatalf("export over a file made meanwhile: %v, the file holds %q", err, readFile(t, out))
	}
}

// deadPID returns the id of a process that has ended.
func deadPID(t *testing.T) int {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	return cmd.Process.Pid
}

// TestExportRemovesStaleTemps: an export removes, in the folder it writes to, the temporary
// files of exports whose process is gone, and only those.
func TestExportRemovesStaleTemps(t *testing.T) {
	path, st := project(t)
	dir := filepath.Dir(path)
	stale := filepath.Join(dir, fmt.Sprintf(".other.jsonl%s%d-0badcafe", tempMark, deadPID(t)))
	live := filepath.Join(dir, fmt.Sprintf(".out.jsonl%s%d-0badcafe", tempMark, os.Getppid()))
	unrelated := filepath.Join(dir, fmt.Sprintf(".notes%s%d-nothex", tempMark, deadPID(t)))
	for _, f := range []string{stale, live, unrelated} {
		write(t, f, strings.Repeat("x", 1500), 0o644)
	}
	found, err := StaleTemps(dir)
	if err != nil || len(found) != 1 || found[0] != (TempFile{Path: stale, Size: 1500}) {
		t.Fatalf("StaleTemps: %v %v", found, err)
	}
	var removed []TempFile
	_, err = Export(context.Background(), st, ExportOptions{Format: "jsonl", Out: filepath.Join(dir, "out.jsonl"),
		Removed: func(tf TempFile) { removed = append(removed, tf) }})
	if err != nil || len(removed) != 1 || removed[0].Path != stale {
		t.Fatalf("export: removed %v, %v", removed, err)
	}
	for f, want := range map[string]bool{stale: false, live: true, unrelated: true} {
		if _, err := os.Stat(f); (err == nil) != want {
			t.Errorf("%s there after the export: %v, want %v", filepath.Base(f), err == nil, want)
		}
	}
}

// TestExportToAMissingFolder: an output in a folder that does not exist is refused by name.
func TestExportToAMissingFolder(t *testing.T) {
	path, st := project(t)
	out := filepath.Join(filepath.Dir(path), "missing", "out.jsonl")
	_, err := Export(context.Background(), st, ExportOptions{Format: "jsonl", Out: out})
	if err == nil || err.Error() != out+": there is no folder "+filepath.Dir(out)+" to write it in" {
		t.Fatalf("export to a missing folder: %v", err)
	}
}

func TestByteSize(t *testing.T) {
	for n, want := range map[int64]string{0: "0 bytes", 999: "999 bytes", 1000: "1.0 kB", 64_500: "64 kB",
		999_960: "1.0 MB", 2_800_000_000: "2.8 GB", 470_000_000: "470 MB"} {
		if got := ByteSize(n); got != want {
			t.Errorf("ByteSize(%d) = %q, want %q", n, got, want)
		}
	}
}
