package store

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/tawsim/tawsim/labels"
)

const holdEnv = "TAWSIM_STORE_HOLD_CHILD"

// TestHoldChild is the other process of TestOpenElsewhere: it opens the project named by
// holdEnv, says so on stdout, and keeps it open until its stdin closes.
func TestHoldChild(t *testing.T) {
	path := os.Getenv(holdEnv)
	if path == "" {
		t.Skip("run by TestOpenElsewhere")
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	os.Stdout.WriteString("open\n")
	bufio.NewReader(os.Stdin).ReadString('\n')
	s.Close()
}

// TestOpenElsewhere: a store sees another process that has its project open, and another
// store of its own process, and neither once they have closed it.
func TestOpenElsewhere(t *testing.T) {
	s, _ := newProject(t, labels.NestingFlat, "نص")
	if s.OpenElsewhere() {
		t.Fatal("open elsewhere with nobody else on the project")
	}

	other, err := Open(filepath.Join(filepath.Dir(s.Path()), ".", filepath.Base(s.Path())))
	must(t, err)
	if !s.OpenElsewhere() || !other.OpenElsewhere() {
		t.Error("another store of this process is not seen")
	}
	must(t, other.Close())
	if s.OpenElsewhere() {
		t.Error("a closed store of this process is still seen")
	}

	cmd := exec.Command(os.Args[0], "-test.run=^TestHoldChild$")
	cmd.Env = append(os.Environ(), holdEnv+"="+s.Path())
	stdin, err := cmd.StdinPipe()
	must(t, err)
	stdout, err := cmd.StdoutPipe()
	must(t, err)
	must(t, cmd.Start())
	if line, err := bufio.NewReader(stdout).ReadString('\n'); err != nil || line != "open\n" {
		t.Fatalf("child: %q, %v", line, err)
	}
	if !s.OpenElsewhere() {
		t.Error("another process with the project open is not seen")
	}
	stdin.Close()
	must(t, cmd.Wait())
	if s.OpenElsewhere() {
		t.Error("a process that closed the project is still seen")
	}
}
