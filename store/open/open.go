// Package open opens a project whichever store keeps it: a PostgreSQL server for a
// postgres:// or postgresql:// URL (store/postgres), a SQLite file for anything else (store).
// The window and the commands open projects through it, so that a server URL works wherever
// a project file does.
package open

import (
	"context"
	"path/filepath"
	"time"

	"github.com/tawsim/tawsim/store"
	"github.com/tawsim/tawsim/store/postgres"
)

// timeout is how long opening a server project may take (connecting, migrating).
const timeout = 30 * time.Second

// IsServer reports whether path names a project on a PostgreSQL server.
func IsServer(path string) bool { return postgres.IsURL(path) }

// Name returns how to show path to people: a server URL without its password.
func Name(path string) string { return postgres.Redact(path) }

// Title returns how to name the project at path in a title: a file by its base name, a
// server project by its whole URL without the password (its last part alone, the database,
// would not say which server).
func Title(path string) string {
	if IsServer(path) {
		return Name(path)
	}
	return filepath.Base(path)
}

// Project opens the project at path to read and write it, creating it when it is missing (a
// file; a server database must exist, its tables are made).
func Project(path string) (store.Project, error) {
	if IsServer(path) {
		ctx, cancel := context.WithTimeout(context.Background(), timeout)
		defer cancel()
		return postgres.Open(ctx, path)
	}
	return store.Open(path)
}

// ForReading opens a project that a command only reads: a file that cannot be written is read
// without writing anything (store.OpenForReading); a server project as Project does.
func ForReading(path string) (store.Project, error) {
	if IsServer(path) {
		return Project(path)
	}
	return store.OpenForReading(path)
}
