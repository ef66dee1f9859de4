package app

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/tawsim/tawsim/app/prefs"
)

// The annotator's name is kept in a file of its own, $XDG_CONFIG_HOME/tawsim/annotator
// (~/.config/tawsim/annotator), written whole or not at all: beside it, then renamed into
// place. Fyne's preferences file is rewritten in place at every exit (truncated, then
// written), so a kill or a power cut at that moment left it empty and the name was gone;
// Fyne's own watcher of the file also reread it while it was empty, which is the
// "Preferences load error: EOF" logged when the window closed.

// nameFile returns the path of the file that keeps the annotator's name.
func nameFile() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "tawsim", "annotator"), nil
}

// keptName returns the name kept in the name file, "" when there is none.
func keptName() string {
	path, err := nameFile()
	if err != nil {
		return ""
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(b))
}

// keepName writes name to the name file whole (prefs.WriteWhole): the file holds the old name
// or the new one whatever happens meanwhile.
func keepName(name string) error {
	path, err := nameFile()
	if err != nil {
		return err
	}
	if keptName() == name {
		return nil
	}
	if err := prefs.WriteWhole(path, []byte(name+"\n")); err != nil {
		return fmt.Errorf("keep the annotator's name: %w", err)
	}
	return nil
}
