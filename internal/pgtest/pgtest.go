// Package pgtest starts a throwaway PostgreSQL server for the tests of a package: initdb and
// pg_ctl in a temporary folder, on a free port of 127.0.0.1 and a Unix socket in that
// folder, as the user postgres (or nobody) when the tests run as root, since PostgreSQL
// refuses to run as root. One server serves a whole test binary, started by the first test
// that needs it and stopped by Main (from TestMain); each test gets a database of its own
// (Database). Where PostgreSQL's programs are not installed
// the tests that need a server skip and say why; scripts/deps.sh installs them.
package pgtest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// ErrNoServer: PostgreSQL's server programs are not installed here.
var ErrNoServer = errors.New("PostgreSQL's initdb and pg_ctl are not installed (Debian: apt-get install postgresql)")

// Cluster is a PostgreSQL server of its own, in a temporary folder.
type Cluster struct {
	Dir  string // the data folder, which also holds the socket and the log
	Port int
	bin  string
	cred *syscall.Credential // whom the server runs as, when not the caller
}

// User is the superuser of a cluster, whom the URLs name.
const User = "tawsim"

// Start creates a cluster and starts its server.
func Start() (*Cluster, error) {
	bin, err := findBin()
	if err != nil {
		return nil, err
	}
	c := &Cluster{bin: bin}
	if c.Dir, err = os.MkdirTemp("", "tawsim-pg-"); err != nil {
		return nil, err
	}
	if os.Geteuid() == 0 {
		if c.cred, err = serverUser(); err != nil {
			return nil, errors.Join(err, os.RemoveAll(c.Dir))
		}
		if err := os.Chown(c.Dir, int(c.cred.Uid), int(c.cred.Gid)); err != nil {
			return nil, errors.Join(err, os.RemoveAll(c.Dir))
		}
	}
	data := filepath.Join(c.Dir, "data")
	if out, err := c.run("initdb", "-D", data, "-U", User, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"); err != nil {
		return nil, errors.Join(fmt.Errorf("initdb: %w\n%s", err, out), os.RemoveAll(c.Dir))
	}
	if c.Port, err = freePort(); err != nil {
		return nil, errors.Join(err, os.RemoveAll(c.Dir))
	}
	if err := c.start(); err != nil {
		return nil, errors.Join(err, os.RemoveAll(c.Dir))
	}
	return c, nil
}

// options are the server's settings: the port, the socket beside the data, local TCP only.
func (c *Cluster) options() string {
	return fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -c max_connections=200", c.Port, c.Dir)
}

func (c *Cluster) start() error {
	out, err := c.run("pg_ctl", "-D", filepath.Join(c.Dir, "data"), "-l", filepath.Join(c.Dir, "log"), "-w", "-t", "60",
		"-o", c.options(), "start")
	if err != nil {
		return fmt.Errorf("pg_ctl start: %w\n%s%s", err, out, c.Log())
	}
	return nil
}

// Restart stops the server and starts it again; immediate stops it as a crash would (pg_ctl
// -m immediate: no checkpoint, the server recovers from its log when it starts).
func (c *Cluster) Restart(immediate bool) error {
	mode := "fast"
	if immediate {
		mode = "immediate"
	}
	out, err := c.run("pg_ctl", "-D", filepath.Join(c.Dir, "data"), "-l", filepath.Join(c.Dir, "log"), "-w", "-t", "60",
		"-m", mode, "-o", c.options(), "restart")
	if err != nil {
		return fmt.Errorf("pg_ctl restart: %w\n%s", err, out)
	}
	return nil
}

// Stop stops the server and removes its folder.
func (c *Cluster) Stop() error {
	_, err := c.run("pg_ctl", "-D", filepath.Join(c.Dir, "data"), "-w", "-m", "fast", "stop")
	return errors.Join(err, os.RemoveAll(c.Dir))
}

// Log returns what the server wrote to its log.
func (c *Cluster) Log() string {
	b, _ := os.ReadFile(filepath.Join(c.Dir, "log"))
	return string(b)
}

// URL returns the URL of database db over TCP.
func (c *Cluster) URL(db string) string {
	return fmt.Sprintf("postgres://%s@127.0.0.1:%d/%s?sslmode=disable", User, c.Port, db)
}

// Bin returns the path of one of PostgreSQL's programs (psql lies beside the server's).
func (c *Cluster) Bin(name string) string { return filepath.Join(c.bin, name) }

// CreateDatabase creates an empty database and returns its URL.
func (c *Cluster) CreateDatabase(ctx context.Context, name string) (string, error) {
	conn, err := pgx.Connect(ctx, c.URL("postgres"))
	if err != nil {
		return "", err
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()); err != nil {
		return "", err
	}
	return c.URL(name), nil
}

// run runs one of the cluster's programs as the server's user.
func (c *Cluster) run(name string, args ...string) ([]byte, error) {
	cmd := exec.Command(filepath.Join(c.bin, name), args...)
	cmd.Dir = c.Dir
	if c.cred != nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: c.cred}
	}
	cmd.Env = append(os.Environ(), "LC_ALL=C")
	return cmd.CombinedOutput()
}

// findBin finds the folder of initdb and pg_ctl: Debian's newest /usr/lib/postgresql/N/bin,
// or the PATH's.
func findBin() (string, error) {
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return version(dirs[i]) > version(dirs[j]) })
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "pg_ctl")); err == nil {
			return d, nil
		}
	}
	if p, err := exec.LookPath("pg_ctl"); err == nil {
		if _, err := exec.LookPath("initdb"); err == nil {
			return filepath.Dir(p), nil
		}
	}
	return "", ErrNoServer
}

// version reads N of /usr/lib/postgresql/N/bin.
func version(dir string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(dir)))
	return n
}

// serverUser is whom a server started by root runs as: postgres when the system has that
// user, else nobody.
func serverUser() (*syscall.Credential, error) {
	for _, name := range []string{"postgres", "nobody"} {
		u, err := user.Lookup(name)
		if err != nil {
			continue
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		return &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}, nil
	}
	return nil, errors.New("no user postgres or nobody to run the server as (it refuses root)")
}

// freePort returns a TCP port of 127.0.0.1 that nobody listens on.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// The cluster of this test binary: started by the first test that asks for it (Shared),
// stopped by Main when the tests are done.
var (
	once    sync.Once
	shared  *Cluster
	why     error
	counter atomic.Int64
)

// Main runs the tests of a binary and stops its cluster, if one of them started it; for
// TestMain: os.Exit(pgtest.Main(m)).
func Main(m *testing.M) int {
	code := m.Run()
	if shared != nil {
		if err := shared.Stop(); err != nil {
			fmt.Fprintln(os.Stderr, "pgtest:", err)
		}
	}
	return code
}

// Shared returns the cluster of the test binary, starting it the first time. Without
// PostgreSQL's programs it skips t and says why; a server that fails to start fails t.
func Shared(t testing.TB) *Cluster {
	t.Helper()
	once.Do(func() { shared, why = Start() })
	switch {
	case errors.Is(why, ErrNoServer):
		t.Skipf("no PostgreSQL server: %v", why)
	case why != nil:
		t.Fatalf("start a PostgreSQL server: %v", why)
	}
	return shared
}

// Database creates a fresh database on the test binary's cluster and returns its URL
// (skipping t when there is no cluster).
func Database(t testing.TB) string {
	t.Helper()
	c := Shared(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	name := fmt.Sprintf("t%d_%s", counter.Add(1), strings.ToLower(strconv.FormatInt(time.Now().UnixNano()%1e6, 36)))
	url, err := c.CreateDatabase(ctx, name)
	if err != nil {
		t.Fatalf("create database %s: %v", name, err)
	}
	return url
}
