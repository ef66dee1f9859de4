package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestAppIDMatchesFyneAppToml(t *testing.T) {
	b, err := os.ReadFile("../../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*ID\s*=\s*"([^"]+)"`).FindSubmatch(b)
	if m == nil || string(m[1]) != appID {
		t.Errorf("FyneApp.toml's ID is %q, the program's %q", m, appID)
	}
}

func TestHelp(t *testing.T) {
	var out, errs bytes.Buffer
	if code := run([]string{"--help"}, &out, &errs); code != exitOK {
		t.Errorf("--help exits %d", code)
	}
	if !strings.Contains(out.String(), "Usage: tawsim [PROJECT.tawsim]") || errs.Len() > 0 {
		t.Errorf("--help wrote %q to stdout and %q to stderr", out.String(), errs.String())
	}
	if code := run([]string{"a.tawsim", "b.tawsim"}, &out, &errs); code != exitUsage {
		t.Errorf("two projects exit %d, want %d", code, exitUsage)
	}
	if code := run([]string{"--nope"}, &out, &errs); code != exitUsage {
		t.Errorf("an unknown flag exits %d, want %d", code, exitUsage)
	}
}

func TestDefaultProject(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_DATA_HOME", dir)
	got, err := projectPath("")
	if err != nil || got != filepath.Join(dir, "tawsim", "default.tawsim") {
		t.Errorf("default project %q, %v", got, err)
	}
	if fi, err := os.Stat(filepath.Join(dir, "tawsim")); err != nil || !fi.IsDir() {
		t.Errorf("the default project's directory was not made")
	}
	t.Setenv("XDG_DATA_HOME", "")
	t.Setenv("HOME", dir)
	if got, _ := projectPath(""); got != filepath.Join(dir, ".local", "share", "tawsim", "default.tawsim") {
		t.Errorf("default project without XDG_DATA_HOME: %q", got)
	}
	if got, _ := projectPath("x.tawsim"); got != "x.tawsim" {
		t.Errorf("explicit project: %q", got)
	}
}

func TestLoginName(t *testing.T) {
	t.Setenv("USER", "")
	if got := loginName(); got == "" {
		t.Errorf("no login name")
	}
}
