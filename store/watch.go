package store

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
)

// watch is the reader connection that Changed asks: SQLite's data_version is per connection
// (it changes when another connection commits), so it must be the same one every time.
type watch struct {
	mu      sync.Mutex
	conn    *sql.Conn
	version int64
}

// Changed reports whether the project changed since the last call (false on the first):
// whether any connection but the one it asks, this store's writer included, committed a
// write. It reads SQLite's PRAGMA data_version, which costs no more than a system call, so a
// window can ask about once a second to notice an import or another window's work. It
// holds one connection of the reader pool from its first call until Close.
func (s *Store) Changed(ctx context.Context) (bool, error) {
	wt := &s.watch
	wt.mu.Lock()
	defer wt.mu.Unlock()
	first := wt.conn == nil
	if first {
		c, err := s.r.Conn(ctx)
		if err != nil {
			return false, fmt.Errorf("watch the project: %w", err)
		}
		wt.conn = c
	}
	var v int64
	if err := wt.conn.QueryRowContext(ctx, "PRAGMA data_version").Scan(&v); err != nil {
		return false, fmt.Errorf("watch the project: %w", err)
	}
	changed := !first && v != wt.version
	wt.version = v
	return changed, nil
}

// closeWatch gives the connection Changed holds back to the pool.
func (s *Store) closeWatch() error {
	wt := &s.watch
	wt.mu.Lock()
	defer wt.mu.Unlock()
	if wt.conn == nil {
		return nil
	}
	err := wt.conn.Close()
	wt.conn = nil
	return err
}
