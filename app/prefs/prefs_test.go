package prefs

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/tawsim/tawsim/app/locale"
)

func TestSaveAndLoad(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	if p, err := Load(); err != nil || p != (Prefs{}) {
		t.Fatalf("without a file: %+v, %v", p, err)
	}
	want := Prefs{Language: locale.Arabic, Theme: ThemeDark, TextSize: 22, LineSpacing: 1.5, HideStance: true, Digits: locale.ArabicIndic}
	if err := Save(want); err != nil {
		t.Fatal(err)
	}
	if got, err := Load(); err != nil || got != want {
		t.Errorf("read back %+v, %v; want %+v", got, err, want)
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "tawsim"))
	if len(entries) != 1 || entries[0].Name() != "preferences.json" {
		t.Errorf("the folder holds %v: a temporary file was left", entries)
	}
	if want.Spacing() != 1.5 || (Prefs{}).Spacing() != 1 {
		t.Errorf("spacing %v, default %v", want.Spacing(), (Prefs{}).Spacing())
	}
}

// TestDamagedFileGivesTheDefaults: a file that is not JSON (an editor left it half written)
// gives the defaults and says why, and a save replaces it whole.
func TestDamagedFileGivesTheDefaults(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	path, _ := Path()
	os.MkdirAll(filepath.Dir(path), 0o700)
	os.WriteFile(path, []byte(`{"language": "ar", "th`), 0o600)
	if p, err := Load(); err == nil || p != (Prefs{}) {
		t.Errorf("a damaged file gives %+v, %v", p, err)
	}
	if err := Save(Prefs{Theme: ThemeLight}); err != nil {
		t.Fatal(err)
	}
	if p, err := Load(); err != nil || p.Theme != ThemeLight {
		t.Errorf("after a save: %+v, %v", p, err)
	}
}
