package main

import (
	"bufio"
	"context"
	"fmt"
	"github.com/tawsim/tawsim/internal/pgtest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tawsim/tawsim/export"
	"github.com/tawsim/tawsim/internal/synth"
	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// TestMain lets the test binary stand in for tawsimctl in a child process.
func TestMain(m *testing.M) {
	if args := os.Getenv("TAWSIMCTL_ARGS"); args != "" {
		e := &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr}
		os.Exit(run(context.Background(), e, strings.Split(args, "\x1f")))
	}
	os.Exit(pgtest.Main(m))
}

// TestImportKilledMidwayIsAllOrNothing kills a real import process with SIGKILL while it
// writes, then checks that the project holds none of the file, is sound, and that running the
// import again adds every document once.
func TestImportKilledMidwayIsAllOrNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("kills child processes")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "p.tawsim")
	small := writeFile(t, dir, "first.txt", "مقال قبل الاستيراد الكبير")
	importOK(t, db, small)

	const n = 20000
	big := filepath.Join(dir, "big.jsonl")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	bw := bufio.NewWriter(f)
	w := export.NewJSONL(bw)
	for i := range n {
		a := synth.Article(uint64(i), 1500, 10)
		a.Annotator = "synth"
		if err := w.Write(a); err != nil {
			t.Fatal(err)
		}
	}
	must(t, w.Flush())
	must(t, bw.Flush())
	must(t, f.Close())

	for round := range 5 {
		killAfter(t, time.Duration(150+round*150)*time.Millisecond, "import", "--db", db, "--format", "jsonl", big)

		st, docs := soundAfterKill(t, db, round)
		st.Close()
		if docs != 1 && docs != n+1 {
			t.Fatalf("round %d: %d documents after SIGKILL, want 1 (nothing of the file) or %d (all of it)", round, docs, n+1)
		}
		if docs == n+1 {
			t.Logf("round %d: the import finished before the kill", round)
			break
		}
	}
	out := importOK(t, db, "--format", "jsonl", big)
	if !strings.Contains(out, fmt.Sprintf("%s documents added", count(n))) && !strings.Contains(out, "0 documents added") {
		t.Fatalf("import after the kills: %q", out)
	}
	code, out, _ := ctl(t, "", "stats", "--db", db)
	if code != 0 || !strings.Contains(out, fmt.Sprintf("documents   %s\n", count(n+1))) {
		t.Fatalf("stats after the rerun:\n%s", out)
	}
}

// startCtl runs tawsimctl with args in a child process (the test binary, see TestMain).
func startCtl(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "TAWSIMCTL_ARGS="+strings.Join(args, "\x1f"))
	must(t, cmd.Start())
	return cmd
}

// killAfter runs tawsimctl with args in a child process and kills it with SIGKILL after d.
func killAfter(t *testing.T, d time.Duration, args ...string) {
	t.Helper()
	cmd := startCtl(t, args...)
	time.Sleep(d)
	must(t, cmd.Process.Kill())
	cmd.Wait()
}

// soundAfterKill opens the project at db after the kill of round, fails the test unless
// Check finds it sound, and returns it open with its number of documents.
func soundAfterKill(t *testing.T, db string, round int) (*store.Store, int) {
	t.Helper()
	st, err := store.Open(db)
	must(t, err)
	t.Cleanup(func() { st.Close() })
	probs, err := st.Check(context.Background())
	must(t, err)
	if len(probs) > 0 {
		t.Fatalf("round %d: check after SIGKILL: %v", round, probs)
	}
	docs, err := st.CountDocuments(context.Background())
	must(t, err)
	return st, docs
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestFolderImportKilledMidway kills an import of a folder of articles, which go in batches
// of files: each file is in whole or not at all, the project is sound, and a rerun adds what
// is missing, each article once.
func TestFolderImportKilledMidway(t *testing.T) {
	if testing.Short() {
		t.Skip("kills child processes")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "p.tawsim")
	folder := filepath.Join(dir, "articles")
	const n = 6000
	texts := map[string]bool{}
	for i := range n {
		text := synth.Article(uint64(i), 600, 0).Doc.Text
		texts[text] = true
		writeFile(t, folder, fmt.Sprintf("%05d.txt", i), text)
	}
	for round := range 4 {
		killAfter(t, time.Duration(100+round*120)*time.Millisecond, "import", "--db", db, "--format", "txt", folder)
		if _, err := os.Stat(db); err != nil {
			continue // killed before the project was made
		}
		st, docs := soundAfterKill(t, db, round)
		t.Logf("round %d: %d of %d articles in after the kill", round, docs, n)
		var bad []string
		must(t, st.Export(context.Background(), store.ExportFilter{}, func(a labels.Annotated) error {
			if !texts[a.Doc.Text] {
				bad = append(bad, a.Doc.ExternalID)
			}
			return nil
		}))
		st.Close()
		if len(bad) > 0 {
			t.Fatalf("round %d: after SIGKILL, articles not as in their files: %v", round, bad)
		}
	}
	importOK(t, db, "--format", "txt", folder)
	code, out, _ := ctl(t, "", "stats", "--db", db)
	if code != 0 || !strings.Contains(out, fmt.Sprintf("documents   %s\n", count(n))) {
		t.Fatalf("stats after the rerun:\n%s", out)
	}
}
