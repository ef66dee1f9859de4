package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
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

// keepName writes name to the name file whole: into a file beside it, synced, then renamed
// over it, so that the file holds the old name or the new one whatever happens meanwhile.
func keepName(name string) error {
	path, err := nameFile()
	if err != nil {
		return err
	}
	if keptName() == name {
		return nil
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("keep the annotator's name: %w", err)
	}
	f, err := os.CreateTemp(dir, ".annotator-*")
	if err != nil {
		return fmt.Errorf("keep the annotator's name: %w", err)
	}
	_, err = f.WriteString(name + "\n")
	err = errors.Join(err, f.Sync(), f.Close())
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("keep the annotator's name: %w", err)
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync() // the rename itself, on file systems that need it
		d.Close()
	}
	return nil
}
