// Package prefs keeps the annotator's preferences for the window (its language, the article's
// text size and line spacing, the theme, the panels shown, the digits of counts) in a file of
// their own, $XDG_CONFIG_HOME/tawsim/preferences.json (~/.config/tawsim/preferences.json),
// written whole or not at all: beside it, synced, then renamed over it.
//
// Not in Fyne's preferences: Fyne rewrites its file in place at every exit (truncated, then
// written), so a kill or a power cut at that moment leaves it empty, and its watcher rereads
// it while it is empty (the name of the annotator, kept there once, was lost so; see
// app/namefile.go).
package prefs

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/tawsim/tawsim/app/locale"
)

// Theme is the window's colours.
type Theme string

// The themes: the system's (Fyne's choice, which follows the desktop's), light or dark.
const (
	ThemeSystem Theme = ""
	ThemeLight  Theme = "light"
	ThemeDark   Theme = "dark"
)

// The article's text size: its default, and the range Ctrl+= and Ctrl+- move it in.
const (
	MinTextSize = 10
	MaxTextSize = 48
)

// MaxLineSpacing is the largest line spacing kept: more leaves a line or two of the article
// on the screen.
const MaxLineSpacing = 3

// Prefs are the window's preferences. The zero value is the default of each.
type Prefs struct {
	Language locale.Language `json:"language,omitempty"` // "" follows the system's locale
	Theme    Theme           `json:"theme,omitempty"`
	// TextSize is the article's text size; 0 is its default (1.3 times the theme's text).
	TextSize float32 `json:"article_text_size,omitempty"`
	// LineSpacing is the height of the article's lines, in lines: 1 (or 0) is its default,
	// 1.5 puts half a line more between two lines.
	LineSpacing float32       `json:"line_spacing,omitempty"`
	HideList    bool          `json:"hide_list,omitempty"`   // the document list is hidden
	HideStance  bool          `json:"hide_stance,omitempty"` // the stance panel is hidden
	Digits      locale.Digits `json:"digits,omitempty"`      // of the counts the window shows
}

// Spacing returns the line spacing, 1 for the default.
func (p Prefs) Spacing() float32 {
	if p.LineSpacing <= 0 {
		return 1
	}
	return p.LineSpacing
}

// Path returns the file that keeps the preferences.
func Path() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "tawsim", "preferences.json"), nil
}

// Load reads the preferences; without a file they are the defaults. A file that cannot be
// read gives the defaults and the error.
func Load() (Prefs, error) {
	path, err := Path()
	if err != nil {
		return Prefs{}, err
	}
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return Prefs{}, nil
	}
	if err != nil {
		return Prefs{}, fmt.Errorf("read the preferences: %w", err)
	}
	var p Prefs
	if err := json.Unmarshal(b, &p); err != nil {
		return Prefs{}, fmt.Errorf("read the preferences %s: %w", path, err)
	}
	return p.inRange(), nil
}

// inRange returns p with what a file edited by hand may hold out of range brought back into
// it: a text size within MinTextSize and MaxTextSize (a negative one the default), a line
// spacing up to MaxLineSpacing (a negative one the default), and a language, theme or digits
// the window does not know the default.
func (p Prefs) inRange() Prefs {
	switch {
	case p.TextSize < 0:
		p.TextSize = 0
	case p.TextSize > 0:
		p.TextSize = min(max(p.TextSize, MinTextSize), MaxTextSize)
	}
	if p.LineSpacing < 0 {
		p.LineSpacing = 0
	}
	p.LineSpacing = min(p.LineSpacing, MaxLineSpacing)
	if p.Language != locale.Arabic && p.Language != locale.English {
		p.Language = locale.System
	}
	if p.Theme != ThemeLight && p.Theme != ThemeDark {
		p.Theme = ThemeSystem
	}
	if p.Digits != locale.ArabicIndic {
		p.Digits = locale.Western
	}
	return p
}

// Save writes p to the preferences file, whole.
func Save(p Prefs) error {
	path, err := Path()
	if err != nil {
		return err
	}
	b, err := json.MarshalIndent(p, "", "  ")
	if err != nil {
		return err
	}
	if err := WriteWhole(path, append(b, '\n')); err != nil {
		return fmt.Errorf("keep the preferences: %w", err)
	}
	return nil
}

// WriteWhole writes data to the file at path so that the file holds either what it held or
// data whatever happens meanwhile: into a file beside it, synced, then renamed over it (the
// folder is made when missing, readable by its owner only).
func WriteWhole(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+"-*")
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	err = errors.Join(err, f.Sync(), f.Close())
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
		return err
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync() // the rename itself, on file systems that need it
		d.Close()
	}
	return nil
}
