package store

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tawsim/tawsim/labels"
)

// crashEnv names the project a crash child writes to.
const crashEnv = "TAWSIM_STORE_CRASH_CHILD"

// TestCrashChild is the child of TestCrash: it writes to the project named by crashEnv until
// it is killed, printing "span <id>" or "doc <id>" only after a write returned nil.
func TestCrashChild(t *testing.T) {
	path := os.Getenv(crashEnv)
	if path == "" {
		t.Skip("run by TestCrash")
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	page, err := s.Documents(ctx, Page{Limit: 10})
	if err != nil || len(page) == 0 {
		t.Fatalf("documents: %v", err)
	}
	texts := map[string]string{}
	for _, sm := range page {
		d, err := s.Document(ctx, sm.ID)
		must(t, err)
		texts[d.ID] = d.Text
	}
	r := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), uint64(os.Getpid())))
	labelNames := []string{"PERS", "ORG", "LOC", "MISC"}
	for i := 0; ; i++ {
		doc := page[r.IntN(len(page))]
		switch {
		case i%25 == 24:
			res, err := s.AddDocuments(ctx, []labels.Document{{Text: newsText(r.Uint64(), 200)}})
			if err == nil && res.Added == 1 {
				fmt.Fprintf(os.Stdout, "doc %s\n", res.IDs[0])
			}
		case i%7 == 6:
			_ = s.SetState(ctx, labels.DocState{DocID: doc.ID, Annotator: "crash",
				Status: labels.Statuses[r.IntN(len(labels.Statuses))], Seconds: int64(i)})
		default:
			text := texts[doc.ID]
			start := r.IntN(doc.Runes - 20)
			end := start + 1 + r.IntN(15)
			word, _ := labels.Slice(text, start, end)
			sp, err := s.AddSpan(ctx, labels.Span{DocID: doc.ID, Annotator: "crash", Start: start, End: end, Text: word,
				Label: labelNames[r.IntN(len(labelNames))], Kind: labels.KindEntity, Origin: labels.OriginManual})
			if err == nil {
				fmt.Fprintf(os.Stdout, "span %s %s\n", sp.ID, doc.ID)
			}
		}
	}
}

// TestCrash kills writing children with SIGKILL at random moments, then checks that the file
// is sound and holds every write a child reported.
func TestCrash(t *testing.T) {
	if testing.Short() {
		t.Skip("crash test: not in -short mode")
	}
	path := filepath.Join(t.TempDir(), "crash.tawsim")
	s, err := Open(path)
	must(t, err)
	must(t, s.SetSchema(ctx, "admin", testSchema(labels.NestingOverlap)))
	docs := []labels.Document{{Text: newsText(1, 2000)}, {Text: newsText(2, 2000)}, {Text: newsText(3, 2000)}}
	_, err = s.AddDocuments(ctx, docs)
	must(t, err)
	must(t, s.Close())

	r := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 7))
	var spans, newDocs []string
	const rounds = 24
	for round := range rounds {
		var lines []string
		if r.IntN(2) == 0 {
			lines = runAndKill(t, path, time.Duration(10+r.IntN(191))*time.Millisecond, 0)
		} else {
			lines = runAndKill(t, path, 0, 1+r.IntN(60))
		}
		for _, line := range lines {
			kind, id, _ := strings.Cut(line, " ")
			switch kind {
			case "span":
				spans = append(spans, id)
			case "doc":
				newDocs = append(newDocs, id)
			}
		}
		t.Logf("round %d: %d writes reported", round+1, len(lines))
	}
	if len(spans) < rounds {
		t.Fatalf("the children reported only %d spans in %d rounds", len(spans), rounds)
	}

	s = openStore(t, path)
	problems, err := s.Check(ctx)
	must(t, err)
	for _, p := range problems {
		t.Errorf("after the crashes: %s", p)
	}
	logged := map[string]bool{}
	evs, err := s.Events(ctx, 0, 0)
	must(t, err)
	for _, ev := range evs {
		if ev.Action == labels.ActionSpanAdd {
			var sp labels.Span
			must(t, json.Unmarshal(ev.After, &sp))
			logged[sp.ID] = true
		}
	}
	for _, line := range spans {
		id, doc, _ := strings.Cut(line, " ")
		if _, err := s.Span(ctx, doc, id); err != nil {
			t.Errorf("reported span %s is lost: %v", id, err)
		}
		if !logged[id] {
			t.Errorf("reported span %s has no span.add event", id)
		}
	}
	for _, id := range newDocs {
		if _, err := s.Document(ctx, id); err != nil {
			t.Errorf("reported document %s is lost: %v", id, err)
		}
	}
	t.Logf("%d spans and %d documents reported by %d killed children, all kept", len(spans), len(newDocs), rounds)
}

// runAndKill starts a crash child on path and kills it with SIGKILL after wait, or once it
// has reported n writes. It returns the complete lines the child printed.
func runAndKill(t *testing.T, path string, wait time.Duration, n int) []string {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$")
	cmd.Env = append(os.Environ(), crashEnv+"="+path)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	must(t, err)
	must(t, cmd.Start())
	lines := make(chan string)
	go readLines(out, lines)
	var got []string
	deadline := time.After(30 * time.Second)
	var timer <-chan time.Time
	if wait > 0 {
		timer = time.After(wait)
	}
	killed := false
	for !killed {
		select {
		case line, ok := <-lines:
			if !ok {
				t.Fatalf("the child ended on its own: %v\n%s", cmd.Wait(), stderr.String())
			}
			got = append(got, line)
			killed = n > 0 && len(got) >= n
		case <-timer:
			killed = true
		case <-deadline:
			t.Fatalf("the child reported %d writes in 30 s\n%s", len(got), stderr.String())
		}
	}
	must(t, cmd.Process.Kill())
	cmd.Wait() // killed: an error by design
	for line := range lines {
		got = append(got, line) // printed before the kill
	}
	return got
}

// readLines sends each complete line of r (one that ends in a newline) and closes lines at EOF.
func readLines(r io.Reader, lines chan<- string) {
	defer close(lines)
	br := bufio.NewReader(r)
	for {
		line, err := br.ReadString('\n')
		if err != nil {
			return // EOF, or a line cut by the kill
		}
		lines <- strings.TrimSuffix(line, "\n")
	}
}
