package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/mirror"
	"github.com/tawsim/tawsim/app/msg"
	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/seeds"
)

// schemaChoice is the New project dialog's choice of label schema: the default one
// (ANERcorp's four types), Wojood's 21 types, or a schema file, whose field and Choose…
// button it enables when that is chosen.
type schemaChoice struct {
	names  []string // the options, in the order of the schema kinds
	radio  *widget.RadioGroup
	about  mirror.Texter
	file   *dialogEntry
	browse *widget.Button
}

// The schemas a new project may start with.
const (
	schemaDefault = iota
	schemaWojood
	schemaFile
)

// newSchemaChoice returns the choice, with the default schema chosen; onEscape dismisses the
// dialog it is in.
func newSchemaChoice(w *Window, onEscape func()) *schemaChoice {
	c := &schemaChoice{about: mirror.Caption(""), file: newDialogEntry(onEscape), names: []string{
		lang.X("schema.default", "Default: PERS, ORG, LOC, MISC (ANERcorp's types)"),
		lang.X("schema.wojood", "Wojood: 21 types (PERS, NORP, OCC, ORG, GPE, LOC, FAC, EVENT, DATE…)"),
		lang.X("schema.file", "A schema file (JSON)"),
	}}
	c.file.SetPlaceHolder(lang.X("schema.file_placeholder", "the schema file, as tawsimctl init --schema reads it"))
	c.file.Validator = func(s string) error {
		if c.kind() != schemaFile {
			return nil
		}
		if fi, err := os.Stat(strings.TrimSpace(s)); err != nil || fi.IsDir() {
			return errors.New(lang.X("schema.choose", "choose a schema file"))
		}
		return nil
	}
	c.browse = widget.NewButton(lang.X("project.choose", "Choose…"), func() {
		d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
			if err == nil && r != nil {
				c.file.SetText(r.URI().Path())
				r.Close()
			}
		}, w.win)
		d.SetFilter(storage.NewExtensionFileFilter([]string{".json"}))
		startIn(d, filepath.Dir(w.cfg.Path))
		d.Show()
	})
	c.radio = widget.NewRadioGroup(c.names, func(string) { c.chosen() })
	c.radio.Required = true
	c.radio.SetSelected(c.names[schemaDefault])
	return c
}

// kind returns the schema chosen: schemaDefault, schemaWojood or schemaFile.
func (c *schemaChoice) kind() int { return max(0, slices.Index(c.names, c.radio.Selected)) }

// items returns the form items of the choice: the schemas, the file's field and its button.
func (c *schemaChoice) items() []*widget.FormItem {
	return []*widget.FormItem{
		widget.NewFormItem(lang.X("schema.labels", "Labels"), container.NewVBox(mirror.RadioGroupRow(c.radio), c.about)),
		widget.NewFormItem(lang.X("schema.file_name", "Schema file"), c.file), // the field itself, for the form to validate it
		widget.NewFormItem("", mirror.Row(c.browse)),
	}
}

// chosen says what the schema chosen holds, and enables the file's field and button when a
// file is chosen.
func (c *schemaChoice) chosen() {
	switch c.kind() {
	case schemaWojood:
		c.about.SetText(lang.X("schema.about.wojood", "The 21 entity types of Wojood, the nested corpus of Arabic NER (Jarrar et al., 2022); entities may nest, never cross. "+
			"Hotkeys 1-9, 0, then q w r y u i o p g h l."))
	case schemaFile:
		c.about.SetText(lang.X("schema.about.file", "A label schema in JSON: its entity and stance labels, targets and nesting rule (see docs/FORMATS.md)."))
	default:
		c.about.SetText(lang.X("schema.about.default", "Person, organization, location and other names, as ANERcorp labels them; entities may nest, never cross. Hotkeys 1-4."))
	}
	if c.kind() == schemaFile {
		c.file.Enable()
		c.browse.Enable()
	} else {
		c.file.Disable()
		c.browse.Disable()
	}
	c.file.Validate()
}

// reader returns what reads the schema chosen, which may run on another goroutine: a
// built-in schema, or the file's, read and checked.
func (c *schemaChoice) reader() func() (labels.Schema, error) {
	switch kind, path := c.kind(), strings.TrimSpace(c.file.Text); kind {
	case schemaWojood:
		return func() (labels.Schema, error) { return seeds.Wojood(), nil }
	case schemaFile:
		return func() (labels.Schema, error) {
			b, err := os.ReadFile(path)
			if err != nil {
				return labels.Schema{}, fmt.Errorf("%s: %w", lang.X("schema.read_failed", "read the schema file"), err)
			}
			sc, err := labels.ParseSchema(b)
			if err != nil {
				return labels.Schema{}, fmt.Errorf("%s: %w", lang.X("schema.unusable", "{{.File}} is not a label schema Tawsim can use",
					msg.M{"File": msg.Name(filepath.Base(path))}), err)
			}
			return sc, nil
		}
	}
	return func() (labels.Schema, error) { return seeds.Schema(), nil }
}
