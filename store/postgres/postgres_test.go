package postgres

import (
	"context"
	"os"
	"testing"

	"github.com/tawsim/tawsim/internal/pgtest"
	"github.com/tawsim/tawsim/store"
	"github.com/tawsim/tawsim/store/storetest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

var ctx = context.Background()

// open opens a project in a fresh database of the test cluster, closed when the test ends.
func open(t testing.TB) *Store {
	t.Helper()
	s, err := Open(ctx, pgtest.Database(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestContract holds the PostgreSQL store to the contract that every store keeps.
func TestContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Project { return open(t) })
}
