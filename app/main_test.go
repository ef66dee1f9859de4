package app

import (
	"os"
	"testing"

	"github.com/tawsim/tawsim/app/locale"
)

// TestMain keeps the tests' annotator names and preferences out of the user's own
// configuration, and runs the window in English whatever the machine's locale.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "tawsim-app-test-config-")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_CONFIG_HOME", dir)
	locale.Set(locale.English)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
