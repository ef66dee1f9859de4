// Package store keeps a Tawsim project in one SQLite file: its label schema, documents,
// spans, document stance and state, and the log of every change. It is the only package
// that speaks SQL; everything else gets domain values (package labels) from it.
//
// Every mutation is one transaction that also appends one row to the event log, and it is
// committed before the method returns: when a method returns nil, the change is durable
// (WAL with synchronous=FULL). Writes go through one writer connection; reads use a
// separate pool, so that the screen can read while an import writes.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	_ "github.com/mattn/go-sqlite3" // registers the "sqlite3" driver
)

// Errors a caller can test with errors.Is. The errors returned wrap them with the details.
var (
	// ErrNotFound: no document, span, state or stance with that key.
	ErrNotFound = errors.New("not found")
	// ErrNewerSchema: the file was migrated by a newer Tawsim; it is left untouched.
	ErrNewerSchema = errors.New("written by a newer version of Tawsim")
	// ErrNotProject: the file is not a Tawsim project (another program's database, or not a
	// database at all).
	ErrNotProject = errors.New("not a Tawsim project")
	// ErrBadDocument: a document cannot be stored (invalid UTF-8, empty text, bad tokens or
	// metadata).
	ErrBadDocument = errors.New("invalid document")
)

// ApplicationID marks an SQLite file as a Tawsim project: 'TAWS'.
const ApplicationID = 0x54415753

// busyTimeoutMS is how long a write waits for another process's write to finish.
const busyTimeoutMS = 5000

// Store is an open project file.
type Store struct {
	path     string
	w        *sql.DB // the one writer connection: BEGIN IMMEDIATE, synchronous=FULL
	r        *sql.DB // the reader pool: read-only connections
	readOnly string  // why writes are refused, for a store that OpenForReading opened read-only
	// watch is the reader connection Changed asks, from its first call on
	watch watch
	// key names the file among those this process has open (OpenElsewhere)
	key        fileKey
	registered bool
	clock      func() time.Time // the times written; nil for the system's clock (SetClock)
}

// Open opens the project at path, creating the file when it is missing, and brings it up to
// this version's schema. A file of another program is refused with ErrNotProject, one
// written by a newer Tawsim with ErrNewerSchema, and one that cannot be written here (the
// file, its folder or a -wal or -shm beside it) with ErrReadOnly; none is altered.
func Open(path string) (*Store, error) {
	s, err := open(path)
	if isBusy(err) {
		err = fmt.Errorf("%w: another program has the project to itself (a command-line import does); try again when it is done", err)
	}
	return s, err
}

// open is Open without the hint for a busy project.
func open(path string) (*Store, error) {
	if err := checkWritable(path); err != nil {
		return nil, err
	}
	if err := probe(path); err != nil {
		return nil, err
	}
	if err := setPageSize(path); err != nil {
		return nil, err
	}
	w, err := openWriter(path)
	if err != nil {
		return nil, err
	}
	if err := migrate(context.Background(), w, path); err != nil {
		w.Close()
		return nil, err
	}
	r, err := openReaders(path, readerParams)
	if err != nil {
		w.Close()
		return nil, err
	}
	s := &Store{path: path, w: w, r: r}
	if err := s.pragmas(context.Background(), fmt.Sprintf("PRAGMA busy_timeout = %d", writerWaitMS)); err != nil {
		s.Close()
		return nil, err
	}
	s.register()
	return s, nil
}

// pageSize is the page size of the project files this version creates. With SQLite's default
// of 4 KiB a news article's text spills onto an overflow page and every page is a system
// call of its own: 16 KiB pages hold an article with its row, and made an import of 100,000
// articles 3.8 s -> 3.3 s and their export 2.1 s -> 1.4 s. Files made with other sizes keep
// theirs.
const pageSize = 16384

// setPageSize gives a missing or empty file the page size of new projects: it must be set
// before the first write (switching to WAL mode is one), which openWriter's settings do.
func setPageSize(path string) error {
	if fi, err := os.Stat(path); err == nil && fi.Size() > 0 {
		return nil
	}
	db, err := sql.Open("sqlite3", dsn(path, url.Values{"mode": {"rwc"}}))
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	for _, q := range []string{fmt.Sprintf("PRAGMA page_size = %d", pageSize), "PRAGMA journal_mode = WAL"} {
		if _, err := db.Exec(q); err != nil {
			return fmt.Errorf("open %s: %w", path, err)
		}
	}
	return db.Close()
}

// openWriter opens the one writer connection, creating the file when it is missing.
func openWriter(path string) (*sql.DB, error) {
	w, err := sql.Open(writerDriver, dsn(path, writerParams))
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	w.SetConnMaxIdleTime(0)
	if err := w.Ping(); err != nil {
		w.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return w, nil
}

// openReaders opens the pool of read-only connections with the given settings.
func openReaders(path string, params url.Values) (*sql.DB, error) {
	r, err := sql.Open("sqlite3", dsn(path, params))
	if err != nil {
		return nil, fmt.Errorf("open %s for reading: %w", path, err)
	}
	r.SetMaxOpenConns(readers)
	r.SetMaxIdleConns(readers)
	if err := r.Ping(); err != nil {
		r.Close()
		return nil, fmt.Errorf("open %s for reading: %w", path, err)
	}
	return r, nil
}

// readers is the size of the reader pool.
const readers = 4

// Close closes the readers, then the writer (which checkpoints the WAL into the file).
func (s *Store) Close() error {
	s.unregister()
	s.closeWatch()
	rerr := s.r.Close()
	var werr error
	if s.w != s.r {
		werr = s.w.Close()
	}
	if err := errors.Join(rerr, werr); err != nil {
		return fmt.Errorf("close %s: %w", s.path, err)
	}
	return nil
}

// Path returns the path the project was opened with.
func (s *Store) Path() string { return s.path }

// writerCacheKiB is the writer's page cache, in KiB: 64 MB.
const writerCacheKiB = 65536

// writerParams are the writer's connection settings (mattn/go-sqlite3 DSN parameters).
var writerParams = url.Values{
	"_journal_mode":    {"WAL"},
	"_foreign_keys":    {"1"},
	"_busy_timeout":    {fmt.Sprint(busyTimeoutMS)},
	"_synchronous":     {"FULL"},
	"_cache_size":      {fmt.Sprint(-writerCacheKiB)},
	"_txlock":          {"immediate"},
	"_stmt_cache_size": {"32"},
	"mode":             {"rwc"},
}

// readerParams are the reader pool's settings: read-only, and WAL lets them read while the
// writer writes.
var readerParams = url.Values{
	"_foreign_keys": {"1"},
	"_busy_timeout": {fmt.Sprint(busyTimeoutMS)},
	"mode":          {"ro"},
}

// probeParams open a file only to look at it: read-only, and without the journal mode
// change that would rewrite the header of another program's database.
var probeParams = url.Values{
	"_busy_timeout": {fmt.Sprint(busyTimeoutMS)},
	"mode":          {"ro"},
}

// dsn builds a file: URI for path, so that SQLite itself reads mode=ro and friends.
func dsn(path string, params url.Values) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/x → /C:/x, as SQLite wants it on Windows
	}
	u := url.URL{Scheme: "file", Path: p, RawQuery: params.Encode()}
	return u.String()
}

// timeFormat is how times are stored: UTC, fixed width, so that text order is time order.
const timeFormat = "2006-01-02T15:04:05.000000000Z"

// SetClock makes now the clock the store reads the times it writes from (the times of spans,
// states, stances, events and imports); nil is the system's clock. Call it before the store
// is used: tests give the store a clock of their own rather than wait for time to pass.
func (s *Store) SetClock(now func() time.Time) { s.clock = now }

// now returns the current time by the store's clock, in UTC and without a monotonic reading,
// as it will read back.
func (s *Store) now() time.Time {
	if s.clock != nil {
		return s.clock().UTC().Round(0)
	}
	return time.Now().UTC().Round(0)
}

// formatTime renders t for storage.
func formatTime(t time.Time) string { return t.UTC().Format(timeFormat) }

// parseTime reads a stored time.
func parseTime(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("stored time %q: %w", s, err)
	}
	return t.UTC(), nil
}

// write runs fn in one immediate transaction on the writer and commits it.
func (s *Store) write(ctx context.Context, fn func(tx *sql.Tx) error) error {
	if s.readOnly != "" {
		return readOnlyError(s.readOnly)
	}
	tx, err := s.begin(ctx)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// queryer is what reads need: the reader pool, or a transaction when a write reads.
type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}
