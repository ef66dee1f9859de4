package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/mattn/go-sqlite3"
)

// takeExclusive prepares a bulk write: when no other connection has the project open, it
// switches the writer to a rollback journal under an exclusive lock kept until
// releaseExclusive, and reports true. A write of hundreds of megabytes then goes to the file
// once, where WAL writes every page twice (into the log, then into the file when the log is
// checkpointed). Another program that opens the project meanwhile waits and then fails as
// busy. When the project is open elsewhere (the window, another command) it reports false
// and leaves the writer as it was: the write shares the file through WAL.
func (s *Store) takeExclusive(ctx context.Context) (bool, error) {
	s.r.SetMaxIdleConns(0) // our own idle readers would count as others
	var mode string
	err := s.pragmas(ctx, "PRAGMA busy_timeout = 0", "PRAGMA locking_mode = EXCLUSIVE")
	if err == nil {
		err = s.w.QueryRowContext(ctx, "PRAGMA journal_mode = DELETE").Scan(&mode)
	}
	if err == nil && mode == "delete" {
		return true, s.pragmas(ctx, fmt.Sprintf("PRAGMA busy_timeout = %d", writerWaitMS))
	}
	restore := s.pragmas(ctx, "PRAGMA locking_mode = NORMAL", fmt.Sprintf("PRAGMA busy_timeout = %d", writerWaitMS))
	s.r.SetMaxIdleConns(readers)
	if err == nil || isBusy(err) {
		return false, restore
	}
	return false, errors.Join(err, restore)
}

// isBusy tells an error of SQLite's locks: another connection holds what was asked for.
func isBusy(err error) bool {
	var e sqlite3.Error
	return errors.As(err, &e) && (e.Code == sqlite3.ErrBusy || e.Code == sqlite3.ErrLocked)
}

// releaseExclusive puts the writer back into WAL mode and lets others in.
func (s *Store) releaseExclusive(ctx context.Context) error {
	defer s.r.SetMaxIdleConns(readers)
	if err := s.pragmas(ctx, "PRAGMA locking_mode = NORMAL"); err != nil {
		return err
	}
	var mode string
	if err := s.w.QueryRowContext(ctx, "PRAGMA journal_mode = WAL").Scan(&mode); err != nil {
		return err
	}
	if mode != "wal" {
		return fmt.Errorf("journal mode is %s after a bulk write, want wal", mode)
	}
	return nil
}

// pragmas runs statements on the writer connection.
func (s *Store) pragmas(ctx context.Context, stmts ...string) error {
	for _, q := range stmts {
		if _, err := s.w.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("%s: %w", q, err)
		}
	}
	return nil
}
