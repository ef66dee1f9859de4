// Command tawsim is Tawsim's desktop program: it opens a project file (creating it the first
// time, with the default label schema and the sample article) and shows its main window.
//
//	tawsim [PROJECT.tawsim | postgres://NAME@SERVER/DATABASE]
//
// With no argument it opens the default project, $XDG_DATA_HOME/tawsim/default.tawsim
// (~/.local/share/tawsim/default.tawsim when XDG_DATA_HOME is unset). The annotator is
// $TAWSIM_ANNOTATOR, else the name kept in the program's preferences; the window asks for it
// the first time.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/user"
	"path/filepath"

	fyneapp "fyne.io/fyne/v2/app"

	"github.com/tawsim/tawsim/app"
	"github.com/tawsim/tawsim/app/assets"
	_ "github.com/tawsim/tawsim/app/locale/cenv" // before Fyne's lang: quiet under LANG=C.UTF-8
	"github.com/tawsim/tawsim/app/prefs"
	"github.com/tawsim/tawsim/seeds"
	"github.com/tawsim/tawsim/store"
	"github.com/tawsim/tawsim/store/open"
)

// appID is the application id of FyneApp.toml (a test keeps the two equal); it names the
// program's preferences and storage.
const appID = "dev.tawsim.app"

// Exit statuses.
const (
	exitOK     = 0
	exitFailed = 1 // the project could not be opened
	exitUsage  = 2 // the command line is wrong
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run opens the project the command line names and shows the window until it is closed. It
// returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("tawsim", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {} // printed below, on stdout for --help
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			usage(stdout)
			return exitOK
		}
		fmt.Fprintln(stderr)
		usage(stderr)
		return exitUsage
	}
	if fs.NArg() > 1 {
		fmt.Fprintf(stderr, "tawsim: one project at a time, got %d\n\n", fs.NArg())
		usage(stderr)
		return exitUsage
	}
	path, err := projectPath(fs.Arg(0))
	if err != nil {
		fmt.Fprintf(stderr, "tawsim: %v\n", err)
		return exitFailed
	}
	log.SetOutput(&fyneLog{w: stderr})
	p, err := prefs.Load()
	if err != nil {
		fmt.Fprintf(stderr, "tawsim: %v (the defaults are used)\n", err)
	}
	app.SetLocale(p)
	a := fyneapp.NewWithID(appID)
	a.SetIcon(assets.Icon)
	annotator := app.AnnotatorName(a)
	creator := annotator
	if creator == "" {
		creator = loginName()
	}
	st, err := openProject(path, creator)
	path = open.Name(path) // a server URL is shown, and kept, without its password
	if err != nil {
		fmt.Fprintf(stderr, "tawsim: open %s: %v\n", path, err)
		return exitFailed
	}
	w, err := app.New(a, app.Config{Store: st, Path: path, Annotator: annotator, Prefs: p})
	if err != nil {
		st.Close()
		fmt.Fprintf(stderr, "tawsim: %s: %v\n", path, err)
		return exitFailed
	}
	w.Start()
	fitScreen(a, w.Window())
	w.Window().ShowAndRun()
	if err := w.Close(); err != nil {
		fmt.Fprintf(stderr, "tawsim: close %s: %v\n", path, err)
		return exitFailed
	}
	return exitOK
}

func usage(w io.Writer) {
	fmt.Fprint(w, `Usage: tawsim [PROJECT.tawsim | postgres://NAME@SERVER/DATABASE]

Tawsim (توسيم) labels Arabic news articles with entities and stance.

It opens PROJECT.tawsim, creating it with the default label schema and the sample article
when it does not exist. With no argument it opens the default project,
$XDG_DATA_HOME/tawsim/default.tawsim (~/.local/share/tawsim/default.tawsim when XDG_DATA_HOME
is unset). A postgres:// URL opens a team's project on a PostgreSQL server (the password from
~/.pgpass, PGPASSWORD or the URL; see the README's team section).

The window asks for your name the first time and keeps it; File → Change annotator…
changes it. Every label you make is saved at once, under that name.

The window speaks Arabic when the system's language is Arabic (LANG=ar_EG.UTF-8), English
otherwise; File → Preferences… changes it, and the text size, theme, panels and digits
($XDG_CONFIG_HOME/tawsim/preferences.json).

Environment:
  TAWSIM_ANNOTATOR   the annotator's name, instead of the one kept (for scripts and screenshots)

Keys (Help → Keyboard shortcuts lists them all):
  1-9                 label the selected words, or change the selected span's label
  Delete, Backspace   remove the selected span
  Ctrl+Z, Ctrl+Shift+Z (Ctrl+Y)   undo, redo
  Ctrl+Enter or d     mark the document done and open the next one
  s, !                skip; flag with a note (and open the next one)
  j, Down; k, Up      next, previous document
`)
}

// projectPath returns arg, or the default project's path (making its directory) when arg is
// empty.
func projectPath(arg string) (string, error) {
	if arg != "" {
		return arg, nil
	}
	dir := os.Getenv("XDG_DATA_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("find the default project: %w", err)
		}
		dir = filepath.Join(home, ".local", "share")
	}
	dir = filepath.Join(dir, "tawsim")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("make the default project's directory: %w", err)
	}
	return filepath.Join(dir, "default.tawsim"), nil
}

// loginName returns the name of the user running the program, which a project created
// before the annotator has said their name records as its creator.
func loginName() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	if name := os.Getenv("USER"); name != "" {
		return name
	}
	return "annotator"
}

// openProject opens the project at path: a file, created the first time with the default
// schema and the sample article, or a project on a PostgreSQL server, given the default
// schema when it has no labels yet.
func openProject(path, creator string) (store.Project, error) {
	ctx := context.Background()
	if !open.IsServer(path) {
		st, err := seeds.OpenSample(ctx, path, creator)
		if err != nil {
			return nil, err
		}
		return st, nil
	}
	st, err := open.Project(path)
	if err != nil {
		return nil, err
	}
	if err := seeds.Init(ctx, st, creator); err != nil {
		st.Close()
		return nil, err
	}
	return st, nil
}
