package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tawsim/tawsim/internal/pgtest"
	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// TestCopyFileToServerAndBack copies a project with every kind of work to a PostgreSQL
// server and back to a new file, and checks that the three export the same bytes and keep
// the same log and undo stacks (own tokens, stored packed, among what they keep).
func TestCopyFileToServerAndBack(t *testing.T) {
	url := pgtest.Database(t)
	dir := t.TempDir()
	a := filepath.Join(dir, "a.tawsim")
	if code, _, errOut := ctl(t, "", "init", "--db", a, "--sample"); code != 0 {
		t.Fatal(errOut)
	}
	in := writeFile(t, dir, "in.jsonl", `{"text":"زار أردوغان طرابلس","annotator":"badr","status":"done","entities":[{"start":4,"end":11,"label":"PERS","text":"أردوغان"}],"suggestions":[{"start":12,"end":18,"label":"LOC","source":"model-1","score":0.75}],"tokens":[[0,3],[4,11],[12,18]]}`+"\n")
	importOK(t, a, "--format", "jsonl", in)
	ctx := context.Background()
	st, err := store.Open(a)
	if err != nil {
		t.Fatal(err)
	}
	d, err := st.DocumentByOrder(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	b := strings.Index(d.Text, "طرابلس")
	start := labels.RuneLen(d.Text[:b])
	sp := labels.Span{DocID: d.ID, Annotator: "amal", Start: start, End: start + 6, Text: "طرابلس", Label: "LOC",
		Kind: labels.KindEntity, Origin: labels.OriginManual}
	if _, err := st.AddSpan(ctx, sp); err != nil {
		t.Fatal(err)
	}
	if err := st.SetDocStance(ctx, labels.DocStance{DocID: d.ID, Annotator: "amal", Target: "lna", Label: "FAVOR"}); err != nil {
		t.Fatal(err)
	}
	if err := st.SetState(ctx, labels.DocState{DocID: d.ID, Annotator: "amal", Status: labels.StatusSkipped, Note: "لاحقا", Seconds: 9}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Undo(ctx, "amal"); err != nil { // the skip, on amal's redo stack now
		t.Fatal(err)
	}
	events, _ := st.Events(ctx, 0, 0)
	st.Close()

	code, out, errOut := ctl(t, "", "copy", "--from", a, "--to", url)
	if code != 0 || !strings.Contains(out, "verified") {
		t.Fatalf("copy to the server: exit %d: %s %s", code, out, errOut)
	}
	back := filepath.Join(dir, "back.tawsim")
	if code, out, errOut := ctl(t, "", "copy", "--from", url, "--to", back); code != 0 {
		t.Fatalf("copy back: exit %d: %s %s", code, out, errOut)
	}
	want := exportOf(t, a, "--format", "jsonl")
	if !strings.Contains(want, `"tokens":[[0,3],[4,11],[12,18]]`) {
		t.Fatalf("the file exports no own tokens:\n%s", want)
	}
	if got := exportOf(t, url, "--format", "jsonl"); got != want {
		t.Errorf("the server exports\n%s\nwant\n%s", got, want)
	}
	if got := exportOf(t, back, "--format", "jsonl"); got != want {
		t.Errorf("the copy back exports\n%s\nwant\n%s", got, want)
	}
	if code, _, errOut := ctl(t, "", "check", "--db", url); code != 0 {
		t.Errorf("check of the server project: %s", errOut)
	}
	if code, _, errOut := ctl(t, "", "check", "--db", back); code != 0 {
		t.Errorf("check of the copy back: %s", errOut)
	}
	st2, err := store.Open(back)
	if err != nil {
		t.Fatal(err)
	}
	defer st2.Close()
	evs, _ := st2.Events(ctx, 0, 0)
	if len(evs) != len(events) || evs[len(evs)-1].Seq != events[len(events)-1].Seq {
		t.Errorf("%d events after the round trip, want %d", len(evs), len(events))
	}
	if _, err := st2.Redo(ctx, "amal"); err != nil {
		t.Errorf("amal's redo stack after the round trip: %v", err)
	}
	// A copy goes only into an empty project.
	if code, _, _ := ctl(t, "", "copy", "--from", a, "--to", url); code == 0 {
		t.Error("copied into a server project that holds one already")
	}
}

// TestKilledCopyLeavesNoProject kills real copies to a file with SIGKILL while they write:
// no project appears at --to (only the hidden file a copy writes first), and the next copy
// removes what the killed one left and makes the whole project.
func TestKilledCopyLeavesNoProject(t *testing.T) {
	if testing.Short() {
		t.Skip("kills child processes")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "p.tawsim")
	synthProject(t, db, 6000)

	to := filepath.Join(dir, "copy.tawsim")
	for round := range 2 {
		cmd := startCtl(t, "copy", "--from", db, "--to", to)
		temp := waitForTemp(t, to, cmd.Process.Pid)
		must(t, cmd.Process.Kill())
		cmd.Wait()
		if _, err := os.Stat(to); !errors.Is(err, fs.ErrNotExist) {
			t.Fatalf("round %d: after SIGKILL a project is at %s (%v); the copy was writing %s", round, to, err, temp)
		}
	}
	code, out, errOut := ctl(t, "", "copy", "--from", db, "--to", to)
	if code != 0 || !strings.Contains(out, "verified") {
		t.Fatalf("the copy after the kills: exit %d, %q %q", code, out, errOut)
	}
	entries, err := os.ReadDir(dir)
	must(t, err)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("left beside the copy: %s", e.Name())
		}
	}
	if code, out, _ := ctl(t, "", "stats", "--db", to); code != 0 || !strings.Contains(out, "documents   6,000") {
		t.Errorf("the copy's stats: exit %d\n%s", code, out)
	}
}

// waitForTemp waits until the copy of process pid to the file to has written a megabyte (of
// the write-ahead log of its hidden file, or of to itself, where no such file is made), and
// returns the file it writes.
func waitForTemp(t *testing.T, to string, pid int) string {
	t.Helper()
	name := filepath.Join(filepath.Dir(to), fmt.Sprintf(".%s.tawsim-tmp-%d-", filepath.Base(to), pid))
	deadline := time.Now().Add(time.Minute)
	for time.Now().Before(deadline) {
		walls, _ := filepath.Glob(name + "*-wal")
		walls = append(walls, to+"-wal")
		for _, wal := range walls {
			if fi, err := os.Stat(wal); err == nil && fi.Size() > 1<<20 {
				return strings.TrimSuffix(wal, "-wal")
			}
		}
		time.Sleep(time.Millisecond)
	}
	t.Fatalf("no copy being written as %s* within a minute", name)
	return ""
}
