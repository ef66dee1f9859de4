package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// ctlProcess runs tawsimctl (the test binary standing in for it) in a child process and
// returns its exit status and output.
func ctlProcess(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "TAWSIMCTL_ARGS="+strings.Join(args, "\x1f"))
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return exit.ExitCode(), out.String(), errOut.String()
	}
	must(t, err)
	return 0, out.String(), errOut.String()
}

// searchCorpus is a JSONL file of four articles: amal labeled two and finished one, badr
// took a stance on one; the title of the last one holds a right-to-left override.
const searchCorpus = `{"external_id":"a1","title":"المسماري","text":"قال أحمد المسماري إن قواته دخلت طرابلس.","annotator":"amal","status":"done","entities":[{"start":4,"end":17,"label":"PERS","text":"أحمد المسماري"}]}
{"external_id":"a2","title":"السراج","text":"وقال مُحَمَّد إن حكومة الوفاق باقية في وطرابلس","annotator":"amal","entities":[{"start":17,"end":29,"label":"ORG","text":"حكومة الوفاق"}]}
{"external_id":"a3","title":"جنيف","text":"ودعت الأمم المتحدة في جنيف إلى وقف إطلاق النار","annotator":"badr","stance":[{"target":"lna","label":"AGAINST"}]}
{"external_id":"a4","title":"x\u202ey","text":"ذهب محمد إلى بطرابلس"}
`

// TestSearchCommand runs `tawsimctl search` as a user would, in a child process: it indexes
// the project, then prints each hit's order, id, title and the words in context, or JSON
// lines whose offsets cut the matched words, harakat and all, out of the text.
func TestSearchCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.tawsim")
	corpus := writeFile(t, dir, "news.jsonl", searchCorpus)
	if code, _, errOut := ctl(t, "", "import", "--db", db, "--format", "jsonl", corpus); code != 0 {
		t.Fatal(errOut)
	}
	code, out, errOut := ctlProcess(t, "search", "--db", db, "طرابلس")
	want := "1\ta1\tالمسماري\tقال أحمد المسماري إن قواته دخلت [طرابلس].\n" +
		"2\ta2\tالسراج\tوقال مُحَمَّد إن حكومة الوفاق باقية في و[طرابلس]\n" +
		"4\ta4\tx\\u202ey\tذهب محمد إلى ب[طرابلس]\n"
	if code != 0 || out != want || errOut != "" {
		t.Errorf("exit %d, err %q, out:\n%s\nwant:\n%s", code, errOut, out, want)
	}
	st, err := store.Open(db)
	must(t, err)
	behind, err := st.SearchBehind(context.Background())
	must(t, err)
	must(t, st.Close())
	if behind != 0 {
		t.Errorf("the command left %d documents out of the index", behind)
	}

	code, out, _ = ctlProcess(t, "search", "--db", db, "--json", "محمد")
	var texts []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var h hitJSON
		must(t, json.Unmarshal([]byte(line), &h))
		st, err := store.OpenForReading(db)
		must(t, err)
		doc, err := st.DocumentByOrder(context.Background(), h.Order)
		must(t, err)
		must(t, st.Close())
		for _, m := range h.Matches {
			if cut := string([]rune(doc.Text)[m.Start:m.End]); cut != m.Text {
				t.Errorf("[%d:%d] of %s is %q, the line says %q", m.Start, m.End, h.ExternalID, cut, m.Text)
			}
			texts = append(texts, m.Text)
		}
	}
	if code != 0 || !slices.Equal(texts, []string{"مُحَمَّد", "محمد"}) {
		t.Errorf("exit %d: %q\n%s", code, texts, out)
	}

	for _, c := range []struct {
		args []string
		want []string // the orders printed
	}{
		{[]string{"--label", "pers"}, []string{"1"}},
		{[]string{"--annotator", "amal"}, []string{"1", "2"}},
		{[]string{"--annotator", "amal", "--status", "todo"}, []string{"2", "3", "4"}},
		{[]string{"--annotator", "amal", "--status", "done"}, []string{"1"}},
		{[]string{"--status", "todo"}, []string{"2", "3", "4"}},
		{[]string{"--target", "lna", "--stance", "against"}, []string{"3"}},
		{[]string{"--stance", "AGAINST", "--annotator", "amal"}, nil},
		{[]string{"--label", "ORG", "طرابلس"}, []string{"2"}},
		{[]string{"--exact", "طرابلس"}, []string{"1"}},
		{[]string{"--limit", "2", "طرابلس"}, []string{"1", "2"}},
		{[]string{"--after", "1", "--limit", "1", "طرابلس"}, []string{"2"}},
		{[]string{"الأمم", "المتحدة"}, []string{"3"}},
	} {
		code, out, errOut := ctlProcess(t, append([]string{"search", "--db", db}, c.args...)...)
		var got []string
		for _, line := range strings.Split(out, "\n") {
			if line != "" {
				got = append(got, strings.Split(line, "\t")[0])
			}
		}
		if code != 0 || !slices.Equal(got, c.want) {
			t.Errorf("%v: exit %d, %q, err %q", c.args, code, got, errOut)
		}
	}
}

func TestSearchCommandMistakes(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.tawsim")
	if code, _, errOut := ctl(t, "", "init", "--db", db); code != 0 {
		t.Fatal(errOut)
	}
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"search", "طرابلس"}, 2, "--db PROJECT is required"},
		{[]string{"search", "--db", db, "--status", "finished"}, 2, "--status"},
		{[]string{"search", "--db", db, "--limit", "-1"}, 2, "--limit"},
		{[]string{"search", "--db", db, "--label", "PLACE"}, 1, `"PLACE"`},
		{[]string{"search", "--db", db, "--target", "egypt"}, 1, `"egypt"`},
		{[]string{"search", "--db", db, "«»"}, 1, "no words"},
		{[]string{"search", "--db", db, "a\xffb"}, 1, `"a\xffb": the query is not valid UTF-8`},
		{[]string{"search", "--db", filepath.Join(dir, "none.tawsim"), "x"}, 1, "no project at"},
		{[]string{"search", "--help"}, 0, "Usage: tawsimctl search"},
	} {
		code, out, errOut := ctl(t, "", c.args...)
		if code != c.code || !strings.Contains(out+errOut, c.want) {
			t.Errorf("%v: exit %d (want %d), %q (want %q)", c.args, code, c.code, out+errOut, c.want)
		}
		if strings.Contains(errOut, "search: search:") {
			t.Errorf("%v: the command is named twice: %q", c.args, errOut)
		}
	}
}

// TestSnippet: the context of a match ends at white space on each side, never inside a word,
// and says where the text goes on; line breaks become spaces.
func TestSnippet(t *testing.T) {
	text := []rune("الخبر الأول\nقال المتحدث باسم الجيش الوطني الليبي أحمد المسماري إن قواته تقدمت نحو العاصمة طرابلس من ثلاثة محاور في الصباح الباكر من يوم الأحد الماضي")
	start := strings.Index(string(text), "طرابلس")
	at := len([]rune(string(text)[:start]))
	got := snippetOf(text, labels.Offsets{Start: at, End: at + 6})
	want := "…المسماري إن قواته تقدمت نحو العاصمة [طرابلس] من ثلاثة محاور في الصباح الباكر من يوم…"
	if got != want {
		t.Errorf("\n got %s\nwant %s", got, want)
	}
	if got := snippetOf(text, labels.Offsets{Start: 0, End: 5}); !strings.HasPrefix(got, "[الخبر] الأول قال") {
		t.Errorf("%s", got)
	}
}

// TestSearchWhileAnotherWrites: when another program holds the project for writing longer than
// a write waits, search finds the words in the texts the index lacks instead of failing.
func TestSearchWhileAnotherWrites(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for the project as long as a write does (5 s)")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "p.tawsim")
	corpus := writeFile(t, dir, "news.jsonl", searchCorpus)
	if code, _, errOut := ctl(t, "", "import", "--db", db, "--format", "jsonl", corpus); code != 0 {
		t.Fatal(errOut)
	}
	holder, err := sql.Open("sqlite3", db)
	must(t, err)
	defer holder.Close()
	conn, err := holder.Conn(context.Background())
	must(t, err)
	defer conn.Close()
	_, err = conn.ExecContext(context.Background(), "BEGIN IMMEDIATE")
	must(t, err)
	defer conn.ExecContext(context.Background(), "ROLLBACK")
	code, out, errOut := ctl(t, "", "search", "--db", db, "--exact", "طرابلس")
	if code != 0 || out != "1\ta1\tالمسماري\tقال أحمد المسماري إن قواته دخلت [طرابلس].\n" ||
		!strings.Contains(errOut, "the texts of the 4 documents not indexed yet are searched instead") {
		t.Errorf("exit %d, out %q, err %q", code, out, errOut)
	}
}
