package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// Meta keys the project uses.
const (
	MetaName      = "name"      // the project's name
	MetaCreated   = "created"   // when the file was created (set by the first migration)
	MetaTokenizer = "tokenizer" // the version of arabic.Tokenize the project was last read with
)

// Meta returns a project setting (ErrNotFound when it is not set).
func (s *Store) Meta(ctx context.Context, key string) (string, error) {
	var v string
	err := s.r.QueryRowContext(ctx, "SELECT value FROM meta WHERE key = ?", key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("meta %q: %w", key, ErrNotFound)
	}
	if err != nil {
		return "", fmt.Errorf("meta %q: %w", key, err)
	}
	return v, nil
}

// SetMeta sets a project setting. Settings describe the project, not annotations: they are
// not recorded in the event log.
func (s *Store) SetMeta(ctx context.Context, key, value string) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx,
			"INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", key, value)
		return err
	})
	if err != nil {
		return fmt.Errorf("set meta %q: %w", key, err)
	}
	return nil
}
