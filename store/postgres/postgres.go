// Package postgres keeps a Tawsim project in a PostgreSQL database, for a team that works on
// one project at once: the same contract as a project file (store.Project), held to the same
// tests (store/storetest), over github.com/jackc/pgx/v5 and its pool.
//
// The tables are the file's (span sets and suggestion sets as the same JSON arrays), made by
// numbered migrations of its own. Each action is one transaction that locks what it changes
// and no more: the rows of its annotator (every writer of an annotator's work takes that
// annotator's advisory lock), the schema in share mode, the documents' orders only when
// documents are added. Two annotators never wait for each other. A commit notifies the other
// windows (LISTEN/NOTIFY, the changed document's id only), which Changed reports.
//
// Credentials come from the URL, the password file (PGPASSFILE, ~/.pgpass) or the
// environment (PGPASSWORD...), as libpq reads them; TLS as the URL's sslmode says. Path and
// every error name the server without its password (Redact).
package postgres

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/tawsim/tawsim/store"
)

// IsURL reports whether path names a PostgreSQL server (postgres:// or postgresql://) rather
// than a project file.
func IsURL(path string) bool {
	p := strings.ToLower(path)
	return strings.HasPrefix(p, "postgres://") || strings.HasPrefix(p, "postgresql://")
}

// Redact returns a URL without its password, for people and logs; a string that is not a URL
// comes back as it is.
func Redact(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || !IsURL(raw) {
		if err != nil && IsURL(raw) {
			return "(a server URL that cannot be read)"
		}
		return raw
	}
	if u.User != nil {
		if _, ok := u.User.Password(); ok {
			u.User = url.User(u.User.Username())
		}
	}
	q := u.Query()
	if q.Has("password") {
		q.Del("password")
		u.RawQuery = q.Encode()
	}
	return u.String()
}

// Store is a project on a PostgreSQL server.
type Store struct {
	name  string // the URL without its password
	pool  *pgxpool.Pool
	clock func() time.Time
	watch watcher
	mu    sync.Mutex // guards closed
	close bool
}

// poolSize is how many connections a store keeps to the server at most: the window's queue,
// its reads and an import beside it.
const poolSize = 8

// Open connects to the project at the URL, bringing its database up to this version's
// tables (a database of another program is refused with store.ErrNotProject, one migrated
// by a newer Tawsim with store.ErrNewerSchema). A server that cannot be reached is
// store.ErrUnavailable.
func Open(ctx context.Context, rawURL string) (*Store, error) {
	name := Redact(rawURL)
	if strings.Count(authority(rawURL), "@") > 1 {
		return nil, fmt.Errorf("open %s: %w", name, errBadURL)
	}
	cfg, err := pgxpool.ParseConfig(rawURL)
	if err != nil {
		// pgx's text quotes the URL, hiding the password as far as it could read it: a URL
		// it cannot read may show a piece of it, so it is not repeated
		return nil, fmt.Errorf("open %s: %w", name, errBadURL)
	}
	cfg.MaxConns = poolSize
	cfg.ConnConfig.ConnectTimeout = 10 * time.Second
	cfg.ConnConfig.RuntimeParams["application_name"] = "tawsim"
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", name, classify(scrub(err, rawURL)))
	}
	s := &Store{name: name, pool: pool}
	if err := migrate(ctx, pool); err != nil {
		pool.Close()
		return nil, fmt.Errorf("open %s: %w", name, classify(scrub(err, rawURL)))
	}
	s.watch.cfg = cfg.ConnConfig
	return s, nil
}

// errBadURL refuses a server URL that cannot be read, saying how one is written.
var errBadURL = errors.New("the server URL cannot be read: write it as postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=...], with @ : / ? # and % in a password written %40 %3A %2F %3F %23 and %25")

// authority returns the part of a URL between its scheme and its path, query or fragment:
// where the user, the password and the host are.
func authority(rawURL string) string {
	_, rest, ok := strings.Cut(rawURL, "://")
	if !ok {
		return ""
	}
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		rest = rest[:i]
	}
	return rest
}

// scrub takes the URL's password out of an error's text (pgx names the connection it failed).
func scrub(err error, rawURL string) error {
	u, perr := url.Parse(rawURL)
	if err == nil || perr != nil || u.User == nil {
		return err
	}
	if pw, ok := u.User.Password(); ok && pw != "" && strings.Contains(err.Error(), pw) {
		return scrubbed{msg: strings.ReplaceAll(err.Error(), pw, "xxxxx"), err: err}
	}
	return err
}

// scrubbed is an error whose text has lost a password; errors.Is still sees what it wraps.
type scrubbed struct {
	msg string
	err error
}

func (e scrubbed) Error() string { return e.msg }
func (e scrubbed) Unwrap() error { return e.err }

// Path names the project: its URL without the password.
func (s *Store) Path() string { return s.name }

// Close closes the store's connections.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.close {
		return nil
	}
	s.close = true
	s.watch.stop()
	s.pool.Close()
	return nil
}

// SetClock makes now the clock of the times the store writes (nil: the system's).
func (s *Store) SetClock(now func() time.Time) { s.clock = now }

// now returns the current time by the store's clock, in UTC, as it reads back.
func (s *Store) now() time.Time {
	if s.clock != nil {
		return s.clock().UTC().Round(0)
	}
	return time.Now().UTC().Round(0)
}

// OpenElsewhere reports true: a server project is shared by whoever connects to it.
func (s *Store) OpenElsewhere() bool { return true }

// db is what statements run on: the pool, or a transaction.
type db interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// classify wraps an error that says the server cannot be reached in store.ErrUnavailable.
func classify(err error) error {
	if err == nil || errors.Is(err, store.ErrUnavailable) || !unreachable(err) {
		return err
	}
	return fmt.Errorf("%w: %w", store.ErrUnavailable, err)
}

// unreachable tells the errors of a server that is down, restarting or out of reach.
func unreachable(err error) bool {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) && !pgconn.Timeout(err) {
		return false
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		// 08: connection exception; 57P01-57P03: shut down, crashed, starting up; 53300: too many connections.
		return strings.HasPrefix(pe.Code, "08") || pe.Code == "57P01" || pe.Code == "57P02" || pe.Code == "57P03" || pe.Code == "53300"
	}
	var ce *pgconn.ConnectError
	var ne net.Error
	if errors.As(err, &ce) || errors.As(err, &ne) || pgconn.Timeout(err) {
		return true
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, syscall.ECONNREFUSED) ||
		errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE) || errors.Is(err, net.ErrClosed) {
		return true
	}
	msg := err.Error()
	return strings.Contains(msg, "conn closed") || strings.Contains(msg, "connection reset") ||
		strings.Contains(msg, "broken pipe") || strings.Contains(msg, "unexpected EOF")
}

// retriable tells the errors after which PostgreSQL rolled a transaction back that can run
// again as it is: a serialization failure or a deadlock it broke.
func retriable(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && (pe.Code == "40001" || pe.Code == "40P01")
}
