package main

import (
	"bytes"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
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
	if !strings.Contains(out.String(), "Usage: tawsim [PROJECT.tawsim | postgres://") || errs.Len() > 0 {
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

// TestCLocaleLogLine: Fyne's lang package reads the user's languages when it is loaded, before
// main runs, and takes LANG=C.UTF-8 for a language named "C", logging "Error parsing user
// locale C"; package app/locale/cenv, which the program imports and Go initializes first,
// sets LANGUAGE=en for that locale, so the line is never written, whether LANGUAGE was set
// (as scripts/run does) or not.
func TestCLocaleLogLine(t *testing.T) {
	if os.Getenv("TAWSIM_LOCALE_CHILD") != "" {
		return // the child: loading the packages was the point
	}
	for _, c := range []struct {
		language string
		logged   bool
	}{{"", false}, {"en", false}} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCLocaleLogLine$")
		cmd.Env = append(os.Environ(), "TAWSIM_LOCALE_CHILD=1", "LC_ALL=", "LC_MESSAGES=", "LANG=C.UTF-8", "LANGUAGE="+c.language)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		if got := strings.Contains(string(out), "Error parsing user locale C"); got != c.logged {
			t.Errorf("LANG=C.UTF-8 LANGUAGE=%q: logged %v, want %v:\n%s", c.language, got, c.logged, out)
		}
	}
}

// TestFyneLogDropsOnlyTheEmptyPreferencesReport: Fyne's report of an empty preferences file
// read during its own save is left out; the same report with another cause, and every other
// line, are kept.
func TestFyneLogDropsOnlyTheEmptyPreferencesReport(t *testing.T) {
	var out bytes.Buffer
	l := log.New(&fyneLog{w: &out}, "", 0)
	l.Println("Fyne error:  Preferences load error:")
	l.Println("  Cause: EOF")
	l.Println("  At: /fyne/app/preferences.go:103")
	l.Println("Fyne error:  Preferences load error:")
	l.Println("  Cause: invalid character 'x'")
	l.Println("  At: /fyne/app/preferences.go:103")
	l.Println("another line")
	want := "Fyne error:  Preferences load error:\n  Cause: invalid character 'x'\n  At: /fyne/app/preferences.go:103\nanother line\n"
	if out.String() != want {
		t.Errorf("logged %q, want %q", out.String(), want)
	}
}

// TestWindowFitsTheScreen: a window larger than the screen is made as large as the screen
// less room for a title bar and a panel; a smaller one is left as it is.
func TestWindowFitsTheScreen(t *testing.T) {
	if got := fitted(fyne.NewSize(1280, 800), fyne.NewSize(1024, 600)); got != fyne.NewSize(1024, 540) {
		t.Errorf("on 1024×600: %v", got)
	}
	if got := fitted(fyne.NewSize(1280, 800), fyne.NewSize(1920, 1080)); got != fyne.NewSize(1280, 800) {
		t.Errorf("on 1920×1080: %v", got)
	}
}
