package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// migrationFiles holds the schema changes, numbered: 0001_init.sql, 0002_....sql, ... The
// numbers increase but may leave gaps: a change made beside another takes the next number
// free after both, and a file is brought up to date by applying every change it has not
// recorded, in order, whatever the numbers it has.
//
//go:embed migrations/*.sql
var migrationFiles embed.FS

// MigrationFile is one numbered schema change of a store: version, name (the file's, without
// .sql) and the statements.
type MigrationFile struct {
	Version int
	Name    string
	SQL     string
}

// migrations are the embedded schema changes in order; read once, at start-up.
var migrations = mustLoadMigrations(migrationFiles)

// latestVersion is the schema version this build brings a file up to: its last migration's.
func latestVersion() int {
	if len(migrations) == 0 {
		return 0
	}
	return migrations[len(migrations)-1].Version
}

// knownVersion reports whether this build has the migration numbered v.
func knownVersion(v int) bool {
	for _, m := range migrations {
		if m.Version == v {
			return true
		}
	}
	return false
}

// mustLoadMigrations reads the embedded migrations and panics when their numbering is
// broken: that is a bug of the build, not of a user's file.
func mustLoadMigrations(fsys fs.FS) []MigrationFile {
	ms, err := LoadMigrations(fsys)
	if err != nil {
		panic(err)
	}
	return ms
}

// LoadMigrations reads migrations/NNNN_name.sql of fsys and checks that the first is 0001 and
// that the numbers increase (a gap is allowed: see migrationFiles), for both stores.
func LoadMigrations(fsys fs.FS) ([]MigrationFile, error) {
	names, err := fs.Glob(fsys, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var ms []MigrationFile
	prev := 0
	for _, name := range names {
		base := path.Base(name)
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || len(num) != 4 || v <= prev || (prev == 0 && v != 1) {
			return nil, fmt.Errorf("store: migration %s: want a number of four digits after %04d (0001 first)", name, prev)
		}
		prev = v
		body, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		ms = append(ms, MigrationFile{Version: v, Name: strings.TrimSuffix(base, ".sql"), SQL: string(body)})
	}
	return ms, nil
}

// createMigrationsTable is run at the start of every migration's transaction.
const createMigrationsTable = `CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name    TEXT NOT NULL,
    applied TEXT NOT NULL
)`

// migrate applies the migrations that db lacks, each in its own transaction, recording each.
// An up-to-date file is only read, so that opening it never waits for another process's write.
func migrate(ctx context.Context, db *sql.DB, path string) error {
	versions, err := schemaVersions(ctx, db)
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	if err := checkVersion(path, versions); err != nil {
		return err
	}
	for _, m := range missingMigrations(versions) {
		if err := applyMigration(ctx, db, path, m); err != nil {
			return err
		}
	}
	return nil
}

// missingMigrations returns the migrations of this build that versions (a file's) lacks, in order.
func missingMigrations(versions []int) []MigrationFile {
	var out []MigrationFile
	for _, m := range migrations {
		if !slices.Contains(versions, m.Version) {
			out = append(out, m)
		}
	}
	return out
}

// applyMigration applies m unless the file already has it. It checks the version again
// inside the transaction, since another process may have migrated the file meanwhile.
func applyMigration(ctx context.Context, db *sql.DB, path string, m MigrationFile) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migrate %s: %w", path, err)
	}
	defer tx.Rollback()
	versions, err := schemaVersions(ctx, tx)
	if err != nil {
		return fmt.Errorf("migrate %s: %w", path, err)
	}
	if err := checkVersion(path, versions); err != nil {
		return err
	}
	if slices.Contains(versions, m.Version) {
		return nil
	}
	if _, err := tx.ExecContext(ctx, createMigrationsTable); err != nil {
		return fmt.Errorf("migrate %s: %w", path, err)
	}
	if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
		return fmt.Errorf("migrate %s to %s: %w", path, m.Name, err)
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO schema_migrations (version, name, applied) VALUES (?, ?, ?)",
		m.Version, m.Name, formatTime(time.Now())); err != nil { // before the store and its clock
		return fmt.Errorf("migrate %s to %s: %w", path, m.Name, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("migrate %s to %s: %w", path, m.Name, err)
	}
	return nil
}

// schemaVersions returns the migrations recorded in db, in increasing order (none for a new
// file).
func schemaVersions(ctx context.Context, db queryer) ([]int, error) {
	var n int
	err := db.QueryRowContext(ctx,
		"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").Scan(&n)
	if err != nil || n == 0 {
		return nil, err
	}
	return column[int](ctx, db, "SELECT version FROM schema_migrations ORDER BY version")
}

// Migration is one schema change recorded in a project file.
type Migration struct {
	Version int
	Name    string
	Applied time.Time
}

// Migrations lists the schema changes recorded in the file, in order.
func (s *Store) Migrations(ctx context.Context) ([]Migration, error) {
	rows, err := s.r.QueryContext(ctx, "SELECT version, name, applied FROM schema_migrations ORDER BY version")
	if err != nil {
		return nil, fmt.Errorf("migrations: %w", err)
	}
	defer rows.Close()
	var ms []Migration
	for rows.Next() {
		var m Migration
		var applied string
		if err := rows.Scan(&m.Version, &m.Name, &applied); err != nil {
			return nil, fmt.Errorf("migrations: %w", err)
		}
		if m.Applied, err = parseTime(applied); err != nil {
			return nil, fmt.Errorf("migrations: %w", err)
		}
		ms = append(ms, m)
	}
	return ms, rows.Err()
}
