package app

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// crashEnv names the project a write-behind crash child labels.
const crashEnv = "TAWSIM_APP_CRASH_CHILD"

// TestWriteBehindCrashChild is the child of TestWriteBehindCrash: a window that labels words
// as an annotator does, key after key without waiting, and prints "saved ID" for a span once
// the save marker says Saved with that span drawn.
func TestWriteBehindCrashChild(t *testing.T) {
	path := os.Getenv(crashEnv)
	if path == "" {
		t.Skip("run by TestWriteBehindCrash")
	}
	f := openFixture(t, path, "crash")
	w := f.w
	w.list.Rows.Select(1)
	w.q.Wait()
	<-f.shown
	r := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), uint64(os.Getpid())))
	toks := w.view.article.Tokens()
	for i := 0; ; i++ {
		tok := r.IntN(len(toks))
		if spanOver(w, toks[tok].Start, toks[tok].End) {
			continue
		}
		selectWords(t, w, tok, tok)
		w.view.article.TypedRune(rune('1' + r.IntN(4)))
		if i%3 == 2 {
			w.q.Wait()
			if strings.HasPrefix(w.status.Saved.Text, "Saved ✓") {
				for _, sp := range w.view.article.Spans() {
					fmt.Printf("saved %s\n", sp.ID)
				}
			}
		}
	}
}

// TestWriteBehindCrash kills labeling windows with SIGKILL at random moments: every span the
// window showed as Saved is in the file, and the file is sound.
func TestWriteBehindCrash(t *testing.T) {
	if testing.Short() {
		t.Skip("crash test: not in -short mode")
	}
	path := newProject(t, labels.Document{Title: "طويل", Text: "طويل\n" + longArticle(3000)})
	saved := map[string]bool{}
	r := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 9))
	for round := range 8 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestWriteBehindCrashChild$")
		cmd.Env = append(os.Environ(), crashEnv+"="+path)
		out, err := cmd.StdoutPipe()
		must(t, err)
		must(t, cmd.Start())
		lines := make(chan string)
		go func() {
			defer close(lines)
			br := bufio.NewReader(out)
			for {
				line, err := br.ReadString('\n')
				if err != nil {
					return // EOF, or a line cut by the kill: only whole lines count
				}
				lines <- strings.TrimSuffix(line, "\n")
			}
		}()
		kill := time.After(time.Duration(800+r.IntN(1200)) * time.Millisecond)
		n := 0
	read:
		for {
			select {
			case line, ok := <-lines:
				if !ok {
					t.Fatalf("round %d: the child ended on its own: %v", round, cmd.Wait())
				}
				if id, ok := strings.CutPrefix(line, "saved "); ok {
					saved[id] = true
					n++
				}
			case <-kill:
				break read
			}
		}
		must(t, cmd.Process.Kill())
		cmd.Wait()
		for line := range lines {
			if id, ok := strings.CutPrefix(line, "saved "); ok {
				saved[id] = true
			}
		}
		t.Logf("round %d: %d reports, %d spans reported saved so far", round+1, n, len(saved))
	}
	if len(saved) == 0 {
		t.Fatal("no span was reported saved")
	}
	st, err := store.Open(path)
	must(t, err)
	defer st.Close()
	ctx := context.Background()
	problems, err := st.Check(ctx)
	must(t, err)
	for _, p := range problems {
		t.Errorf("after the kills: %s", p)
	}
	doc, err := st.DocumentByOrder(ctx, 2)
	must(t, err)
	spans, err := st.Spans(ctx, doc.ID, "crash")
	must(t, err)
	in := map[string]bool{}
	for _, sp := range spans {
		in[sp.ID] = true
	}
	for id := range saved {
		if !in[id] {
			t.Errorf("span %s was shown as saved and is not in the file", id)
		}
	}
	t.Logf("%d spans shown as saved, all in the file (%d in it)", len(saved), len(spans))
}

// spanOver reports whether a span of the document open overlaps [start, end).
func spanOver(w *Window, start, end int) bool {
	for _, sp := range w.ed.spans {
		if sp.Start < end && start < sp.End {
			return true
		}
	}
	return false
}
