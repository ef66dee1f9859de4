package app

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tawsim/tawsim/jobs"
)

// TestExportAsksBeforeReplacing: exporting to a file that exists asks first; No leaves the
// file as it was, Yes replaces it with the export, its mode kept. The project itself is
// refused without a question.
func TestExportAsksBeforeReplacing(t *testing.T) {
	w, shown := openWindow(t)
	start(t, w, shown)
	out := filepath.Join(t.TempDir(), "train.jsonl")
	if err := os.WriteFile(out, []byte("mine\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	o := jobs.ExportOptions{Format: "jsonl", Out: out}
	w.exports.asking(o)
	if s := overlayText(w); !strings.Contains(s, out+" exists. Replace it?") {
		t.Fatalf("the question:\n%s", s)
	}
	dialogButton(t, w, "No").OnTapped()
	w.q.Wait()
	if data, _ := os.ReadFile(out); string(data) != "mine\n" || w.dialogs.covers() {
		t.Fatalf("after No the file holds %q, a dialog open: %v", data, w.dialogs.covers())
	}
	w.exports.asking(o)
	dialogButton(t, w, "Yes").OnTapped()
	w.q.Wait()
	if s := overlayText(w); !strings.Contains(s, "Wrote 1 record to "+out) {
		t.Fatalf("after Yes:\n%s", s)
	}
	data, _ := os.ReadFile(out)
	fi, err := os.Stat(out)
	if err != nil || !strings.Contains(string(data), w.ed.doc.Text[:20]) || fi.Mode().Perm() != 0o600 {
		t.Fatalf("after Yes the file holds %q, mode %v", data, fi.Mode())
	}
	w.win.Canvas().Overlays().Top().Hide()

	w.exports.asking(jobs.ExportOptions{Format: "jsonl", Out: w.cfg.Path})
	w.q.Wait()
	if s := overlayText(w); !strings.Contains(s, "is the project file") {
		t.Fatalf("an export over the project:\n%s", s)
	}
}

// TestExportSaysWhatItRemoved: the summary of an export names the files that killed exports
// had left beside its output, which it removed.
func TestExportSaysWhatItRemoved(t *testing.T) {
	w, shown := openWindow(t)
	start(t, w, shown)
	dir := t.TempDir()
	gone := exec.Command(os.Args[0], "-test.run=^$")
	if err := gone.Run(); err != nil {
		t.Fatal(err)
	}
	stale := filepath.Join(dir, fmt.Sprintf(".train.jsonl.tawsim-tmp-%d-0badcafe", gone.Process.Pid))
	if err := os.WriteFile(stale, make([]byte, 2500), 0o644); err != nil {
		t.Fatal(err)
	}
	w.exports.asking(jobs.ExportOptions{Format: "jsonl", Out: filepath.Join(dir, "train.jsonl")})
	w.q.Wait()
	if s := overlayText(w); !strings.Contains(s, "Removed 1 unfinished file (2.5 kB)") {
		t.Fatalf("the summary:\n%s", s)
	}
	if _, err := os.Stat(stale); err == nil {
		t.Error("the stale file is still there")
	}
}
