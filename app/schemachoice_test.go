package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// newProjectDialog opens File → New project… and returns its schema choice and the field of
// the schema file.
func newProjectDialog(t *testing.T, w *Window) (*widget.RadioGroup, *dialogEntry) {
	t.Helper()
	menuItem(t, w, "New project…").Action()
	var radio *widget.RadioGroup
	var file *dialogEntry
	for _, o := range objectsOf(w.win.Canvas().Overlays().Top()) {
		switch o := o.(type) {
		case *widget.RadioGroup:
			radio = o
		case *dialogEntry:
			if strings.Contains(o.PlaceHolder, "schema") {
				file = o
			}
		}
	}
	if radio == nil || file == nil {
		t.Fatal("the New project dialog has no schema choice")
	}
	return radio, file
}

// entityNames returns the names of the entity labels of the project at path.
func entityNames(t *testing.T, path string) []string {
	t.Helper()
	var names []string
	for _, l := range fileSchema(t, path).Entities {
		names = append(names, l.Name)
	}
	return names
}

// TestNewProjectSchemas: New project… creates a project with the default schema, Wojood's
// 21 types, or a schema file's labels; the Create button waits for a file when a file is
// chosen, and a file that is not a schema is refused with the reason, creating nothing.
func TestNewProjectSchemas(t *testing.T) {
	w, shown := openWindow(t)
	start(t, w, shown)
	dir := filepath.Dir(w.cfg.Path)

	radio, _ := newProjectDialog(t, w)
	if !strings.HasPrefix(radio.Selected, "Default") {
		t.Errorf("the schema chosen at first: %q", radio.Selected)
	}
	radio.SetSelected(radio.Options[schemaWojood])
	test.Tap(dialogButton(t, w, "Create"))
	w.q.Wait()
	path := filepath.Join(dir, "corpus.tawsim")
	if w.cfg.Path != path || len(w.palette.Buttons()) != 21 || len(entityNames(t, path)) != 21 {
		t.Fatalf("after New with Wojood: %s, %d buttons", w.cfg.Path, len(w.palette.Buttons()))
	}

	own := filepath.Join(dir, "mine.json")
	schema := `{"entities":[{"name":"TEAM","color":"#336699","hotkey":"1"},{"name":"PLAYER","color":"#993366","hotkey":"2"}],"nesting":"nested"}`
	if err := os.WriteFile(own, []byte(schema), 0o644); err != nil {
		t.Fatal(err)
	}
	radio, file := newProjectDialog(t, w)
	radio.SetSelected(radio.Options[schemaFile])
	create := dialogButton(t, w, "Create")
	if !create.Disabled() {
		t.Error("Create is enabled with no schema file")
	}
	file.SetText(own)
	dialogEntries(w)[0].SetText("sport.tawsim")
	test.Tap(create)
	w.q.Wait()
	if got := entityNames(t, filepath.Join(dir, "sport.tawsim")); strings.Join(got, " ") != "TEAM PLAYER" || len(w.palette.Buttons()) != 2 {
		t.Fatalf("after New with a schema file: labels %v, %d buttons", got, len(w.palette.Buttons()))
	}

	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte(`{"entities":[{"name":"A B  C"}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	radio, file = newProjectDialog(t, w)
	radio.SetSelected(radio.Options[schemaFile])
	file.SetText(bad)
	dialogEntries(w)[0].SetText("bad.tawsim")
	test.Tap(dialogButton(t, w, "Create"))
	w.q.Wait()
	if s := overlayText(w); !strings.Contains(s, "ad.json is not a label schema Tawsim can use") || !strings.Contains(s, "two spaces") {
		t.Errorf("a bad schema file says:\n%s", s)
	}
	if _, err := os.Stat(filepath.Join(dir, "bad.tawsim")); err == nil {
		t.Error("a project was created with a bad schema file")
	}
}
