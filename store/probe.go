package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"strings"

	"github.com/mattn/go-sqlite3"
)

// sqliteMagic opens every SQLite 3 database file.
var sqliteMagic = []byte("SQLite format 3\x00")

// probe looks at an existing file before anything may write to it: it must be an SQLite
// database that is empty or marked as a Tawsim project, of a schema version this build knows.
// A missing or empty file passes (Open creates the project).
func probe(path string) error { return probeWith(path, probeParams) }

// probeWith is probe through a connection with the given settings (read-only ones).
func probeWith(path string, params url.Values) error {
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	if fi.IsDir() {
		return fmt.Errorf("%s is %w: it is a folder", path, ErrNotProject)
	}
	if fi.Size() == 0 {
		return nil
	}
	if err := checkMagic(path); err != nil {
		return err
	}
	db, err := sql.Open("sqlite3", dsn(path, params))
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	err = probeDB(context.Background(), db, path)
	var e sqlite3.Error
	if errors.As(err, &e) && e.ExtendedCode == sqlite3.ErrReadonlyRollback {
		// A write was cut short (a killed import) and left its journal: a read-only look
		// cannot roll it back. The application id is set when the file is created and never
		// written again, so the header tells whose file it is; the writer rolls the journal
		// back when it opens, and checks the schema version then.
		return checkHeaderID(path)
	}
	return err
}

// checkHeaderID reads the application id from the file's header (bytes 68-71, big-endian)
// and refuses another program's database.
func checkHeaderID(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	head := make([]byte, 72)
	if _, err := io.ReadFull(f, head); err != nil {
		return fmt.Errorf("%s is %w: its header is cut short", path, ErrNotProject)
	}
	if id := binary.BigEndian.Uint32(head[68:]); id != ApplicationID {
		return fmt.Errorf("%s is %w: it is an SQLite database of another program (application id %#08x)",
			path, ErrNotProject, id)
	}
	return nil
}

// checkMagic refuses a file that does not start as an SQLite database does.
func checkMagic(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	head := make([]byte, len(sqliteMagic))
	if _, err := io.ReadFull(f, head); err != nil || !bytes.Equal(head, sqliteMagic) {
		return fmt.Errorf("%s is %w: it is not an SQLite database", path, ErrNotProject)
	}
	return nil
}

// probeDB checks the application id, the tables and the recorded schema version of db.
func probeDB(ctx context.Context, db *sql.DB, path string) error {
	var appID int64
	if err := db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	tables, err := tableNames(ctx, db)
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	if appID != ApplicationID {
		if appID == 0 && len(tables) == 0 {
			return nil // an empty database: it becomes a project
		}
		return fmt.Errorf("%s is %w: it is an SQLite database of another program (application id %#08x, tables %s)",
			path, ErrNotProject, appID, strings.Join(tables, ", "))
	}
	versions, err := schemaVersions(ctx, db)
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	return checkVersion(path, versions)
}

// tableNames lists the tables of db that are not SQLite's own.
func tableNames(ctx context.Context, db queryer) ([]string, error) {
	return column[string](ctx, db,
		"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")
}

// checkVersion refuses a file that recorded a migration this build does not embed: a newer
// one, or one numbered in a gap of this build's.
func checkVersion(path string, versions []int) error {
	known := latestVersion()
	if n := len(versions); n > 0 && versions[n-1] > known {
		return fmt.Errorf("%s was %w (schema %d; this version knows up to %d): update Tawsim to open it",
			path, ErrNewerSchema, versions[n-1], known)
	}
	for _, v := range versions {
		if !knownVersion(v) {
			return fmt.Errorf("%s was %w (schema change %d, which this version lacks): update Tawsim to open it",
				path, ErrNewerSchema, v)
		}
	}
	return nil
}
