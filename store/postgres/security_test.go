package postgres

import (
	"errors"
	"net/url"
	"strings"
	"testing"

	"github.com/tawsim/tawsim/internal/pgtest"
	"github.com/tawsim/tawsim/store"
)

func TestRedact(t *testing.T) {
	for in, want := range map[string]string{
		"postgres://amal:hunter2@db.example/news?sslmode=verify-full": "postgres://amal@db.example/news?sslmode=verify-full",
		"postgresql://amal@db.example:5433/news":                      "postgresql://amal@db.example:5433/news",
		"postgres://db.example/news?password=hunter2&sslmode=require": "postgres://db.example/news?sslmode=require",
		"/home/amal/news.tawsim":                                      "/home/amal/news.tawsim",
	} {
		if got := Redact(in); got != want {
			t.Errorf("Redact(%q) = %q, want %q", in, got, want)
		}
	}
	if got := Redact("postgres://amal:hun ter2@%zz/x"); strings.Contains(got, "hun") {
		t.Errorf("a URL that does not parse kept its password: %q", got)
	}
}

// TestPasswordNeverShown: the password of a URL is in neither the project's name nor an error.
func TestPasswordNeverShown(t *testing.T) {
	u, err := url.Parse(pgtest.Database(t))
	if err != nil {
		t.Fatal(err)
	}
	u.User = url.UserPassword(pgtest.User, "hunter2")
	s, err := Open(ctx, u.String())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if strings.Contains(s.Path(), "hunter2") || !strings.Contains(s.Path(), pgtest.User+"@") {
		t.Errorf("Path() = %q", s.Path())
	}
	u.Host = "127.0.0.1:1" // nobody listens there
	_, err = Open(ctx, u.String())
	if err == nil || strings.Contains(err.Error(), "hunter2") || !errors.Is(err, store.ErrUnavailable) {
		t.Errorf("Open of an unreachable server: %v", err)
	}
}

// TestNotAProjectRefused: a database of another program is refused and left alone.
func TestNotAProjectRefused(t *testing.T) {
	s := open(t)
	if _, err := s.pool.Exec(ctx, "DROP TABLE schema_migrations"); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(ctx, s.pool.Config().ConnString()); !errors.Is(err, store.ErrNotProject) {
		t.Errorf("Open of another program's database: %v", err)
	}
	s2 := open(t)
	if _, err := s2.pool.Exec(ctx, "INSERT INTO schema_migrations (version, name, applied) VALUES (9999, 'future', 'x')"); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(ctx, s2.pool.Config().ConnString()); !errors.Is(err, store.ErrNewerSchema) {
		t.Errorf("Open of a newer project: %v", err)
	}
}

// TestMalformedURLShowsNoPassword: a URL with an @ left unescaped in its password, which the
// driver would split at the wrong @ and name in its errors, is refused without a piece of the
// password and without trying a server.
func TestMalformedURLShowsNoPassword(t *testing.T) {
	for _, raw := range []string{
		"postgres://amal:s3cr@tXq@localhost:1/db",
		"postgres://amal:s3:cr@tXq@[::1/db",
		"postgresql://amal:p@tXq@db.example/news?sslmode=require",
		"postgres://amal:tXq@localhost:99999/db",
	} {
		_, err := Open(ctx, raw)
		if err == nil || !errors.Is(err, errBadURL) || strings.Contains(err.Error(), "tXq") {
			t.Errorf("Open(%q): %v", raw, err)
		}
	}
}
