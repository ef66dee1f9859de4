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

// TestOutOfRangeValuesAreBroughtIntoRange: a file edited by hand with a text size of 500 (the
// article showed nothing), a line spacing of 50 (one line on the screen), negative values or
// names the window does not know is read within the ranges the window offers.
func TestOutOfRangeValuesAreBroughtIntoRange(t *testing.T) {
	for _, c := range []struct {
		file string
		want Prefs
	}{
		{`{"article_text_size": 500, "line_spacing": 50}`, Prefs{TextSize: MaxTextSize, LineSpacing: MaxLineSpacing}},
		{`{"article_text_size": 1, "line_spacing": 1.5}`, Prefs{TextSize: MinTextSize, LineSpacing: 1.5}},
		{`{"article_text_size": -20, "line_spacing": -3}`, Prefs{}},
		{`{"article_text_size": 0, "line_spacing": 0}`, Prefs{}},
		{`{"language": "xx", "theme": "purple", "digits": "zz"}`, Prefs{}},
		{`{"language": "ar", "theme": "dark", "digits": "ar", "article_text_size": 22}`,
			Prefs{Language: locale.Arabic, Theme: ThemeDark, Digits: locale.ArabicIndic, TextSize: 22}},
	} {
		t.Setenv("XDG_CONFIG_HOME", t.TempDir())
		path, _ := Path()
		os.MkdirAll(filepath.Dir(path), 0o700)
		os.WriteFile(path, []byte(c.file), 0o600)
		if got, err := Load(); err != nil || got != c.want {
			t.Errorf("%s: read %+v, %v; want %+v", c.file, got, err, c.want)
		}
	}
}
