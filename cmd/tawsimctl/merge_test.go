package main

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tawsim/tawsim/export"
	"github.com/tawsim/tawsim/internal/synth"
)

const mergeArticle = "قال المسماري إن الجيش الوطني الليبي دخل طرابلس"

// annotatorProject imports one doccano record of mergeArticle with spans over the words
// given into a project of its own under the annotator's name.
func annotatorProject(t *testing.T, dir, name, annotator string, words ...string) string {
	t.Helper()
	db := filepath.Join(dir, name+".tawsim")
	importOK(t, db, "--format", "doccano", "--annotator", annotator,
		writeFile(t, dir, name+".jsonl", doccanoRecord(name, mergeArticle, words...)+"\n"))
	return db
}

func TestMergeCommand(t *testing.T) {
	dir := t.TempDir()
	a := annotatorProject(t, dir, "a", "amal", "المسماري", "PERS", "طرابلس", "LOC")
	b := annotatorProject(t, dir, "b", "badr", "المسماري", "PERS")
	team := filepath.Join(dir, "team.tawsim")
	code, out, errOut := ctl(t, "", "merge", "--db", team, a, b)
	if code != 0 || !strings.Contains(out, "a.tawsim (amal): 1 document (1 new), 2 spans, 0 document stances, 1 status") ||
		!strings.Contains(out, "b.tawsim (badr): 1 document (0 new), 1 span") {
		t.Fatalf("merge: exit %d\n%s%s", code, out, errOut)
	}
	before := fileHash(t, team)
	code, out, errOut = ctl(t, "", "merge", "--db", team, a, b)
	if code != 0 || !strings.Contains(out, "a.tawsim (amal): 1 document (0 new), 0 spans, 0 document stances, 0 statuses, 0 logged changes") {
		t.Fatalf("merge again: exit %d\n%s%s", code, out, errOut)
	}
	if fileHash(t, team) != before {
		t.Error("merging the same work again changed the team project")
	}

	// amal's other project labels المسماري ORG: a conflict, refused whole, or with --lenient
	// listed while the team project keeps PERS (and takes amal's other work).
	other := filepath.Join(dir, "other.tawsim")
	importOK(t, other, "--format", "doccano", "--annotator", "amal",
		writeFile(t, dir, "other.jsonl", doccanoRecord("o", mergeArticle, "المسماري", "ORG")+"\n"+doccanoRecord("n", "نص آخر لأمل", "أمل", "PERS")+"\n"))
	code, out, errOut = ctl(t, "", "merge", "--db", team, other)
	if code != 1 || !strings.Contains(errOut, `annotator "amal": entity spans differ: 2 here, 1 in the other project`) ||
		!strings.Contains(errOut, "other.tawsim: refused: 1 conflict") || fileHash(t, team) != before {
		t.Fatalf("conflict: exit %d\n%s%s", code, out, errOut)
	}
	code, out, errOut = ctl(t, "", "merge", "--db", team, "--lenient", other)
	if code != 0 || !strings.Contains(out, "1 new") || !strings.Contains(errOut, "1 conflict: the work in the team project was kept") {
		t.Fatalf("lenient: exit %d\n%s%s", code, out, errOut)
	}
	code, out, _ = ctl(t, "", "export", "--db", team, "--format", "jsonl", "--annotator", "amal")
	if code != 0 || !strings.Contains(out, `"label":"PERS","text":"المسماري"`) || strings.Contains(out, `"label":"ORG"`) || strings.Count(out, "\n") != 2 {
		t.Errorf("amal's work after the lenient merge:\n%s", out)
	}
	if code, out, errOut := ctl(t, "", "check", "--db", team); code != 0 {
		t.Fatalf("check: exit %d\n%s%s", code, out, errOut)
	}
}

func TestMergeRefusesTheTeamProjectAsInput(t *testing.T) {
	dir := t.TempDir()
	a := annotatorProject(t, dir, "a", "amal", "المسماري", "PERS")
	team := filepath.Join(dir, "team.tawsim")
	if code, _, errOut := ctl(t, "", "merge", "--db", team, a); code != 0 {
		t.Fatal(errOut)
	}
	link := filepath.Join(dir, "same.tawsim")
	must(t, os.Link(team, link))
	before := fileHash(t, team)
	for _, in := range []string{team, link} {
		code, _, errOut := ctl(t, "", "merge", "--db", team, a, in)
		if code != 1 || !strings.Contains(errOut, in+" is the project merged into") || !strings.Contains(errOut, "nothing was merged") {
			t.Errorf("%s: exit %d, %q", in, code, errOut)
		}
	}
	code, _, errOut := ctl(t, "", "merge", "--db", filepath.Join(dir, "new.tawsim"), a, filepath.Join(dir, "missing.tawsim"))
	if code != 1 || !strings.Contains(errOut, "missing.tawsim: no such project") {
		t.Errorf("a missing input: exit %d, %q", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "new.tawsim")); err == nil {
		t.Error("a refused merge created the team project")
	}
	if fileHash(t, team) != before {
		t.Error("a refused merge changed the team project")
	}
}

func TestMergeClashingTargetsRefusedByName(t *testing.T) {
	dir := t.TempDir()
	a := annotatorProject(t, dir, "a", "amal", "المسماري", "PERS")
	b := annotatorProject(t, dir, "b", "badr", "المسماري", "PERS")
	if code, _, errOut := ctl(t, "", "targets", "--db", b, "rename", "lna", "LNA forces"); code != 0 {
		t.Fatal(errOut)
	}
	team := filepath.Join(dir, "team.tawsim")
	code, _, errOut := ctl(t, "", "merge", "--db", team, a, b)
	if code != 1 || !strings.Contains(errOut, b+`: target lna is named "Libyan National Army" in one schema and "LNA forces" in the other`) {
		t.Fatalf("exit %d, %q", code, errOut)
	}
	if _, err := os.Stat(team); err == nil {
		t.Error("the clash was found after the team project was made")
	}
}

// TestMergeReadOnlyInputs: projects that cannot be written (a file of mode 0444 in a folder
// of mode 0555) are merged without writing beside them.
func TestMergeReadOnlyInputs(t *testing.T) {
	top := openFolder(t)
	u := newOtherUser(t, top)
	in := filepath.Join(top, "in")
	a := annotatorProject(t, in, "a", "amal", "المسماري", "PERS")
	b := annotatorProject(t, in, "b", "badr", "طرابلس", "LOC")
	u.own(t, 0o444, a, b)
	u.own(t, 0o555, in)
	t.Cleanup(func() { os.Chmod(in, 0o755) })
	out := filepath.Join(top, "out")
	must(t, os.Mkdir(out, 0o755))
	u.own(t, 0o755, out)
	team := filepath.Join(out, "team.tawsim")
	code, stdout, errOut := u.run(t, "merge", "--db", team, a, b)
	if code != 0 || !strings.Contains(stdout, "b.tawsim (badr): 1 document (0 new), 1 span") {
		t.Fatalf("merge: exit %d\n%s%s", code, stdout, errOut)
	}
	if side := append(sideFiles(a), sideFiles(b)...); len(side) > 0 {
		t.Errorf("files beside the inputs: %v", side)
	}
	if code, stdout, errOut := u.run(t, "agreement", "--db", team); code != 0 || !strings.Contains(stdout, "amal  badr  1") {
		t.Errorf("agreement: exit %d\n%s%s", code, stdout, errOut)
	}
}

// TestMergeKilledMidwayIsAllOrNothing kills a real merge process with SIGKILL while it
// writes: the team project holds each project whole or not at all, is sound, and the merge
// run again completes it.
func TestMergeKilledMidwayIsAllOrNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("kills child processes")
	}
	dir := t.TempDir()
	const n = 8000
	var projects []string
	for i, who := range []string{"amal", "badr"} {
		file := filepath.Join(dir, who+".jsonl")
		f, err := os.Create(file)
		must(t, err)
		bw := bufio.NewWriter(f)
		w := export.NewJSONL(bw)
		for k := range n {
			must(t, w.Write(synth.Work(uint64(i*n/2+k), 1500, 10, who, 10, []string{"lna"}, []string{"FAVOR", "AGAINST"})))
		}
		must(t, errors.Join(w.Flush(), bw.Flush(), f.Close()))
		db := filepath.Join(dir, who+".tawsim")
		importOK(t, db, "--format", "jsonl", file)
		projects = append(projects, db)
	}
	team := filepath.Join(dir, "team.tawsim")
	for round := range 5 {
		killAfter(t, time.Duration(300+round*900)*time.Millisecond, append([]string{"merge", "--db", team}, projects...)...)
		if _, err := os.Stat(team); err != nil {
			continue // killed before the team project was made
		}
		st, docs := soundAfterKill(t, team, round)
		st.Close()
		if docs != 0 && docs != n && docs != n+n/2 {
			t.Fatalf("round %d: %d documents after SIGKILL, want 0, %d or %d (the projects whole)", round, docs, n, n+n/2)
		}
		t.Logf("round %d: %d documents after the kill", round, docs)
	}
	if code, out, errOut := ctl(t, "", append([]string{"merge", "--db", team}, projects...)...); code != 0 {
		t.Fatalf("merge after the kills: exit %d\n%s%s", code, out, errOut)
	}
	code, out, _ := ctl(t, "", "stats", "--db", team)
	if code != 0 || !strings.Contains(out, fmt.Sprintf("documents   %s\n", count(n+n/2))) || !strings.Contains(out, fmt.Sprintf("done         %s\n", count(2*n))) {
		t.Fatalf("stats after the rerun:\n%s", out)
	}
}
