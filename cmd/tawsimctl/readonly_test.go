package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// otherUser runs the test binary as tawsimctl under a user whom permissions bind: the user
// running the tests, or, for root (whom they do not bind), nobody through setpriv.
type otherUser struct {
	bin      string // a copy of the test binary that the user may run
	uid, gid int    // -1: the user running the tests
}

// newOtherUser prepares the user, or skips the test when root has no way to become another.
func newOtherUser(t *testing.T, dir string) *otherUser {
	t.Helper()
	if os.Geteuid() != 0 {
		return &otherUser{bin: os.Args[0], uid: -1, gid: -1}
	}
	if _, err := exec.LookPath("setpriv"); err != nil {
		t.Skip("root ignores permissions and setpriv is missing; store's tests check the read-only opening itself")
	}
	u := &otherUser{uid: 65534, gid: 65534}
	if nobody, err := user.Lookup("nobody"); err == nil {
		u.uid, _ = strconv.Atoi(nobody.Uid)
		u.gid, _ = strconv.Atoi(nobody.Gid)
	}
	// The test binary lies in a folder of root's: copy it where the user can run it.
	u.bin = filepath.Join(dir, "tawsimctl.test")
	src, err := os.Open(os.Args[0])
	must(t, err)
	defer src.Close()
	dst, err := os.OpenFile(u.bin, os.O_CREATE|os.O_WRONLY, 0o755)
	must(t, err)
	_, err = io.Copy(dst, src)
	must(t, errors.Join(err, dst.Close()))
	return u
}

// own gives the paths to the user (when the tests run as root), with the given mode.
func (u *otherUser) own(t *testing.T, mode os.FileMode, paths ...string) {
	t.Helper()
	for _, p := range paths {
		if u.uid >= 0 {
			must(t, os.Chown(p, u.uid, u.gid))
		}
		must(t, os.Chmod(p, mode))
	}
}

// run runs tawsimctl as the user and returns its exit status and output.
func (u *otherUser) run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var cmd *exec.Cmd
	if u.uid >= 0 {
		cmd = exec.Command("setpriv", "--reuid="+strconv.Itoa(u.uid), "--regid="+strconv.Itoa(u.gid), "--clear-groups",
			u.bin, "-test.run=^$")
	} else {
		cmd = exec.Command(u.bin, "-test.run=^$")
	}
	cmd.Env = append(os.Environ(), "TAWSIMCTL_ARGS="+strings.Join(args, "\x1f"), "TAWSIM_ANNOTATOR=amal")
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatalf("run %v: %v", args, err)
	}
	return cmd.ProcessState.ExitCode(), out.String(), errOut.String()
}

// openFolder makes a folder that the user can reach, under a root that stays writable for
// the test's cleanup.
func openFolder(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	must(t, os.Chmod(filepath.Dir(dir), 0o755))
	must(t, os.Chmod(dir, 0o755))
	return dir
}

// sideFiles lists the -wal, -shm and -journal files beside db, with their modes.
func sideFiles(db string) []string {
	var found []string
	for _, suffix := range []string{"-wal", "-shm", "-journal"} {
		if fi, err := os.Stat(db + suffix); err == nil {
			found = append(found, filepath.Base(db+suffix)+" "+fi.Mode().String())
		}
	}
	return found
}

// readsWork runs the reading commands on db as the user: each works and leaves nothing new
// beside the project.
func readsWork(t *testing.T, u *otherUser, db, outDir string, docs int) {
	t.Helper()
	before := sideFiles(db)
	want := "documents   " + strconv.Itoa(docs) + "\n"
	if code, out, errOut := u.run(t, "stats", "--db", db); code != 0 || !strings.Contains(out, want) {
		t.Errorf("stats: exit %d, %q %q", code, out, errOut)
	}
	if code, out, errOut := u.run(t, "check", "--db", db); code != 0 || !strings.Contains(out, "is sound") {
		t.Errorf("check: exit %d, %q %q", code, out, errOut)
	}
	if code, out, errOut := u.run(t, "targets", "--db", db, "list"); code != 0 || !strings.Contains(out, "lna") {
		t.Errorf("targets list: exit %d, %q %q", code, out, errOut)
	}
	outFile := filepath.Join(outDir, "out.jsonl")
	code, _, errOut := u.run(t, "export", "--db", db, "--format", "jsonl", "--out", outFile)
	data, err := os.ReadFile(outFile)
	if code != 0 || err != nil || strings.Count(string(data), "\n") != docs {
		t.Errorf("export: exit %d, %q, %d lines, %v", code, errOut, strings.Count(string(data), "\n"), err)
	}
	os.Remove(outFile)
	if after := sideFiles(db); !slices.Equal(after, before) {
		t.Errorf("beside the project before reading %v, after %v", before, after)
	}
}

// writesRefused runs the writing commands on db as the user: each says that the project is
// read-only (with want), and the file does not change.
func writesRefused(t *testing.T, u *otherUser, db, article, want string) {
	t.Helper()
	before := fileHash(t, db)
	for _, args := range [][]string{
		{"import", "--db", db, article},
		{"targets", "--db", db, "add", "egypt", "Egypt"},
		{"targets", "--db", db, "rename", "lna", "LNA"},
	} {
		code, _, errOut := u.run(t, args...)
		if code != 1 || !strings.Contains(errOut, filepath.Base(db)+" is read-only: "+want) {
			t.Errorf("%s %s: exit %d, %q; want %q", args[0], args[len(args)-2], code, errOut, want)
		}
	}
	if fileHash(t, db) != before {
		t.Error("a refused write changed the project")
	}
}

// TestReadOnlyProjects: as a user whom permissions bind, a project that cannot be written is
// read by stats, check, targets list and export without leaving anything beside it, and the
// writing commands say that it is read-only and change nothing.
func TestReadOnlyProjects(t *testing.T) {
	top := openFolder(t)
	u := newOtherUser(t, top)
	article := writeFile(t, top, "b.txt", "مقال ثان")
	u.own(t, 0o644, article)
	outDir := filepath.Join(top, "out")
	must(t, os.Mkdir(outDir, 0o755))
	u.own(t, 0o755, outDir)
	project := func(name string) (dir, db string) {
		dir = filepath.Join(top, name)
		db = filepath.Join(dir, "p.tawsim")
		importOK(t, db, writeFile(t, dir, "a.txt", "مقال أول"))
		u.own(t, 0o755, dir)
		u.own(t, 0o644, db)
		t.Cleanup(func() { os.Chmod(dir, 0o755) })
		return dir, db
	}

	t.Run("file", func(t *testing.T) {
		_, db := project("file")
		u.own(t, 0o444, db)
		readsWork(t, u, db, outDir, 1)
		writesRefused(t, u, db, article, "the file cannot be written (-r--r--r--)")
		// Reading left nothing that stops the next import once the file is writable again.
		u.own(t, 0o644, db)
		if code, out, errOut := u.run(t, "import", "--db", db, article); code != 0 || !strings.Contains(out, "1 document added") {
			t.Errorf("import once writable: exit %d, %q %q", code, out, errOut)
		}
	})

	t.Run("folder", func(t *testing.T) {
		dir, db := project("folder")
		u.own(t, 0o555, dir)
		readsWork(t, u, db, outDir, 1)
		writesRefused(t, u, db, article, "its folder "+dir+" cannot be written")
		newDB := filepath.Join(dir, "new.tawsim")
		code, _, errOut := u.run(t, "init", "--db", newDB)
		if code != 1 || !strings.Contains(errOut, "cannot create "+newDB+": its folder "+dir+" is read-only") {
			t.Errorf("init in a read-only folder: exit %d, %q", code, errOut)
		}
		if _, err := os.Stat(newDB); err == nil {
			t.Error("init made a file")
		}
	})

	t.Run("wal", func(t *testing.T) {
		// A copy taken while the project was open: the -wal holds a committed document.
		_, src := project("wal-source")
		st, err := store.Open(src)
		must(t, err)
		_, err = st.AddDocuments(context.Background(), []labels.Document{{Text: "مقال في السجل"}})
		must(t, err)
		dir := filepath.Join(top, "wal")
		must(t, os.Mkdir(dir, 0o755))
		db := filepath.Join(dir, "p.tawsim")
		for _, suffix := range []string{"", "-wal", "-shm"} {
			data, err := os.ReadFile(src + suffix)
			must(t, err)
			must(t, os.WriteFile(db+suffix, data, 0o444))
			u.own(t, 0o444, db+suffix)
		}
		must(t, st.Close())
		u.own(t, 0o555, dir)
		t.Cleanup(func() { os.Chmod(dir, 0o755) })
		readsWork(t, u, db, outDir, 2)
		writesRefused(t, u, db, article, "the file cannot be written")
	})

	t.Run("leftovers", func(t *testing.T) {
		// An older tawsimctl that read the project while it was 0444 left an empty -wal and
		// a -shm of mode 0444; the file is writable again.
		_, db := project("leftovers")
		must(t, os.WriteFile(db+"-wal", nil, 0o444))
		must(t, os.WriteFile(db+"-shm", make([]byte, 32768), 0o444))
		u.own(t, 0o444, db+"-wal", db+"-shm")
		if code, out, errOut := u.run(t, "stats", "--db", db); code != 0 || !strings.Contains(out, "documents   1\n") {
			t.Errorf("stats: exit %d, %q %q", code, out, errOut)
		}
		code, _, errOut := u.run(t, "import", "--db", db, article)
		if code != 1 || !strings.Contains(errOut, "p.tawsim is read-only: p.tawsim-") ||
			!strings.Contains(errOut, "remove p.tawsim-wal and p.tawsim-shm when nobody has the project open") {
			t.Errorf("import: exit %d, %q", code, errOut)
		}
	})
}
