package store_test

import (
	"path/filepath"
	"testing"

	"github.com/tawsim/tawsim/store"
	"github.com/tawsim/tawsim/store/storetest"
)

// TestContract holds the SQLite store to the contract that every store keeps.
func TestContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Project {
		s, err := store.Open(filepath.Join(t.TempDir(), "p.tawsim"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	})
}
