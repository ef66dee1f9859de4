package postgres

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/tawsim/tawsim/store"
)

// migrationFiles are the changes of a project's tables on PostgreSQL, numbered as the file's
// are (store/migrations), each applied in a transaction of its own and recorded in
// schema_migrations.
//
//go:embed migrations/*.sql
var migrationFiles embed.FS

var migrations = mustLoad(migrationFiles)

func mustLoad(fsys fs.FS) []store.MigrationFile {
	ms, err := store.LoadMigrations(fsys)
	if err != nil {
		panic(fmt.Sprintf("postgres: %v", err))
	}
	return ms
}

// lockMigrations keeps two programs that open a new project at once from migrating it twice.
const lockMigrations = 4

// migrate applies the migrations the database lacks, each in its own transaction.
func migrate(ctx context.Context, pool *pgxpool.Pool) error {
	for _, m := range migrations {
		if err := apply(ctx, pool, m); err != nil {
			return err
		}
	}
	return nil
}

// apply applies m unless the database has it, after checking that it is a project of this
// version or an empty database.
func apply(ctx context.Context, pool *pgxpool.Pool, m store.MigrationFile) error {
	tx, err := pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1, 0)", lockMigrations); err != nil {
		return err
	}
	versions, err := recorded(ctx, tx)
	if err != nil {
		return err
	}
	if slices.Contains(versions, m.Version) {
		return nil
	}
	if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY, name text NOT NULL, applied text NOT NULL)`); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, m.SQL); err != nil {
		return fmt.Errorf("migrate to %s: %w", m.Name, err)
	}
	if _, err := tx.Exec(ctx, "INSERT INTO schema_migrations (version, name, applied) VALUES ($1, $2, $3)",
		m.Version, m.Name, store.FormatTime(time.Now())); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// recorded returns the migrations the database records. A database with tables but no record
// of migrations is another program's (store.ErrNotProject); one that records a migration this
// version lacks was migrated by a newer Tawsim (store.ErrNewerSchema).
func recorded(ctx context.Context, tx pgx.Tx) ([]int, error) {
	var tables, ours int
	err := tx.QueryRow(ctx, `SELECT count(*), count(*) FILTER (WHERE table_name = 'schema_migrations')
FROM information_schema.tables WHERE table_schema = current_schema()`).Scan(&tables, &ours)
	if err != nil {
		return nil, err
	}
	if ours == 0 {
		if tables > 0 {
			return nil, fmt.Errorf("the database holds %d tables of another program: %w", tables, store.ErrNotProject)
		}
		return nil, nil
	}
	var versions []int
	err = eachRow(ctx, tx, "SELECT version FROM schema_migrations ORDER BY version", nil, func(rows pgx.Rows) error {
		var v int
		err := rows.Scan(&v)
		versions = append(versions, v)
		return err
	})
	if err != nil {
		return nil, err
	}
	for _, v := range versions {
		if !slices.ContainsFunc(migrations, func(m store.MigrationFile) bool { return m.Version == v }) {
			return nil, fmt.Errorf("the project records change %04d of its tables, which this Tawsim lacks: %w", v, store.ErrNewerSchema)
		}
	}
	return versions, nil
}

// Migrations lists the changes of the tables the project records, in order.
func (s *Store) Migrations(ctx context.Context) ([]store.Migration, error) {
	var ms []store.Migration
	err := eachRow(ctx, s.pool, "SELECT version, name, applied FROM schema_migrations ORDER BY version", nil, func(rows pgx.Rows) error {
		var m store.Migration
		var applied string
		if err := rows.Scan(&m.Version, &m.Name, &applied); err != nil {
			return err
		}
		var err error
		m.Applied, err = store.ParseTime(applied)
		ms = append(ms, m)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("migrations: %w", classify(err))
	}
	return ms, nil
}
