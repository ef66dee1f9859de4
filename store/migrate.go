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

// migrationFiles holds the schema changes, numbered: 0001_init.sql, 0002_....sql, ...
//
//go:embed migrations/*.sql
var migrationFiles embed.FS

// migration is one numbered schema change.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations are the embedded schema changes in order; read once, at start-up.
var migrations = mustLoadMigrations(migrationFiles)

// latestVersion is the highest schema version this build brings a file up to.
func latestVersion() int { return migrations[len(migrations)-1].version }

// mustLoadMigrations reads the embedded migrations and panics when their numbering is
// broken: that is a bug of the build, not of a user's file.
func mustLoadMigrations(fsys fs.FS) []migration {
	ms, err := loadMigrations(fsys)
	if err != nil {
		panic(err)
	}
	return ms
}

// loadMigrations reads migrations/NNNN_name.sql, numbered from 1 up, each number once. A
// number may be missing: a file records each migration applied to it, and migrate applies
// every one it lacks, so a migration may come into the build below the highest one.
func loadMigrations(fsys fs.FS) ([]migration, error) {
	names, err := fs.Glob(fsys, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var ms []migration
	prev := 0
	for _, name := range names {
		base := path.Base(name)
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= prev || len(num) != 4 {
			return nil, fmt.Errorf("store: migration %s: want a number of four digits above %04d", name, prev)
		}
		prev = v
		body, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: strings.TrimSuffix(base, ".sql"), sql: string(body)})
	}
	if len(ms) == 0 {
		return nil, fmt.Errorf("store: no migration")
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
	version, err := schemaVersion(ctx, db)
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	if err := checkVersion(path, version); err != nil {
		return err
	}
	missing, err := missingMigrations(ctx, db)
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	for _, m := range missing {
		if err := applyMigration(ctx, db, path, m); err != nil {
			return err
		}
	}
	return nil
}

// missingMigrations returns the migrations of the build that db has not recorded, in order.
func missingMigrations(ctx context.Context, db queryer) ([]migration, error) {
	applied := map[int]bool{}
	version, err := schemaVersion(ctx, db)
	if err != nil || version == 0 {
		return migrations, err
	}
	err = eachRow(ctx, db, "SELECT version FROM schema_migrations", nil, func(rows *sql.Rows) error {
		var v int
		err := rows.Scan(&v)
		applied[v] = true
		return err
	})
	var missing []migration
	for _, m := range migrations {
		if !applied[m.version] {
			missing = append(missing, m)
		}
	}
	return missing, err
}

// applyMigration applies m unless the file already has it. It checks the file again
// inside the transaction, since another process may have migrated it meanwhile.
func applyMigration(ctx context.Context, db *sql.DB, path string, m migration) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migrate %s: %w", path, err)
	}
	defer tx.Rollback()
	version, err := schemaVersion(ctx, tx)
	if err != nil {
		return fmt.Errorf("migrate %s: %w", path, err)
	}
	if err := checkVersion(path, version); err != nil {
		return err
	}
	missing, err := missingMigrations(ctx, tx)
	if err != nil {
		return fmt.Errorf("migrate %s: %w", path, err)
	}
	if !slices.ContainsFunc(missing, func(o migration) bool { return o.version == m.version }) {
		return nil
	}
	if _, err := tx.ExecContext(ctx, createMigrationsTable); err != nil {
		return fmt.Errorf("migrate %s: %w", path, err)
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return fmt.Errorf("migrate %s to %s: %w", path, m.name, err)
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO schema_migrations (version, name, applied) VALUES (?, ?, ?)",
		m.version, m.name, formatTime(time.Now())); err != nil { // before the store and its clock
		return fmt.Errorf("migrate %s to %s: %w", path, m.name, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("migrate %s to %s: %w", path, m.name, err)
	}
	return nil
}

// schemaVersion returns the highest migration recorded in db, 0 for none, or the first
// recorded one that this build lacks (which checkVersion refuses).
func schemaVersion(ctx context.Context, db queryer) (int, error) {
	var n int
	err := db.QueryRowContext(ctx,
		"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").Scan(&n)
	if err != nil || n == 0 {
		return 0, err
	}
	version, unknown := 0, 0
	err = eachRow(ctx, db, "SELECT version FROM schema_migrations ORDER BY version", nil, func(rows *sql.Rows) error {
		if err := rows.Scan(&version); err != nil {
			return err
		}
		if unknown == 0 && !slices.ContainsFunc(migrations, func(m migration) bool { return m.version == version }) {
			unknown = version
		}
		return nil
	})
	if unknown != 0 {
		return unknown, err
	}
	return version, err
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
