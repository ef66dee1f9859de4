package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/seeds"
	"github.com/tawsim/tawsim/store"
	"github.com/tawsim/tawsim/store/open"
)

// defaultAnnotator names who made a change from the command line.
func defaultAnnotator() string {
	if n := os.Getenv("TAWSIM_ANNOTATOR"); n != "" {
		return n
	}
	if n := os.Getenv("USER"); n != "" {
		return n
	}
	return "tawsimctl"
}

// checkAnnotator refuses, as a mistake of the command line, an annotator name that no
// project takes: blank, or holding a control, format or bidi character.
func checkAnnotator(name string) error {
	if err := labels.CheckAnnotator(name); err != nil {
		return usagef("--annotator (default $TAWSIM_ANNOTATOR, else $USER): %v", err)
	}
	return nil
}

// openExisting opens a project that must already exist, for a command that only reads it:
// a project that cannot be written here is read without writing anything. A server URL
// (postgres://...) names a project on a PostgreSQL server.
func openExisting(path string) (store.Project, error) {
	if err := needProject(path); err != nil {
		return nil, err
	}
	return open.ForReading(path)
}

// openToWrite opens a project that must already exist, for a command that changes it.
func openToWrite(path string) (store.Project, error) {
	if err := needProject(path); err != nil {
		return nil, err
	}
	return open.Project(path)
}

// needProject refuses a path where there is no project.
func needProject(path string) error {
	if open.IsServer(path) {
		return nil
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("no project at %s (create one with 'tawsimctl init --db %s')", path, path)
	}
	return nil
}

// openOrCreate opens a project, creating it with the default schema when it is missing.
func openOrCreate(ctx context.Context, path string) (store.Project, error) {
	st, err := open.Project(path)
	if err != nil {
		return nil, err
	}
	if err := seeds.Init(ctx, st, defaultAnnotator()); err != nil {
		st.Close()
		return nil, err
	}
	return st, nil
}

// openOrCreateWith creates a project with the given schema.
func openOrCreateWith(ctx context.Context, path string, sc labels.Schema) (store.Project, error) {
	st, err := open.Project(path)
	if err != nil {
		return nil, err
	}
	if err := st.SetSchema(ctx, defaultAnnotator(), sc); err != nil {
		st.Close()
		return nil, err
	}
	return st, nil
}

// shown is how a command names the project at path: a server URL without its password.
func shown(path string) string { return open.Name(path) }

// isServer reports whether path names a project on a PostgreSQL server.
func isServer(path string) bool { return open.IsServer(path) }
