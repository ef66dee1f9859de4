package app

import (
	"os"
	"testing"
)

// TestMain keeps the tests' annotator names out of the user's own configuration.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "tawsim-app-test-config-")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_CONFIG_HOME", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
