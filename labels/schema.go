package labels

import (
	"encoding/json"
	"fmt"
	"strings"
	"unicode"
)

// Nesting says how entity spans of one annotator may share text.
type Nesting string

// The nesting rules a schema can choose.
const (
	NestingFlat    Nesting = "flat"    // no two entity spans overlap (ANERcorp, CoNLL)
	NestingNested  Nesting = "nested"  // one may lie inside another, but they may not cross (Wojood)
	NestingOverlap Nesting = "overlap" // anything goes
)

// Label is one entity or stance label of a schema.
type Label struct {
	Name          string `json:"name"`
	Color         string `json:"color"`  // #rrggbb
	Hotkey        string `json:"hotkey"` // a single key, "1".."9" or a letter
	DescriptionAr string `json:"description_ar,omitempty"`
	DescriptionEn string `json:"description_en,omitempty"`
	// DisplayAr and DisplayEn name the label in the window, in Arabic ("شخص") and in English
	// ("Person"), where Name is the code that files carry ("PERS").
	DisplayAr string `json:"display_ar,omitempty"`
	DisplayEn string `json:"display_en,omitempty"`
}

// Display returns how the window names l in Arabic (arabic set) or English: its display name,
// else its description up to the first colon when that is a short name (one to three words),
// else "" (the window then shows the code alone).
func (l Label) Display(arabic bool) string {
	name, desc := l.DisplayEn, l.DescriptionEn
	if arabic {
		name, desc = l.DisplayAr, l.DescriptionAr
	}
	if name != "" {
		return name
	}
	if i := strings.IndexAny(desc, ":;"); i > 0 {
		desc = desc[:i]
	}
	if n := len(strings.Fields(desc)); n >= 1 && n <= 3 {
		return strings.TrimSpace(desc)
	}
	return ""
}

// Target is something a document can take a stance toward.
type Target struct {
	ID     string `json:"id"` // stable key that annotations refer to; a rename keeps it
	Name   string `json:"name"`
	NameAr string `json:"name_ar,omitempty"`
}

// Schema is a project's set of labels, stance targets and nesting rule.
type Schema struct {
	Entities     []Label  `json:"entities"`
	StanceLabels []Label  `json:"stance_labels"`
	Targets      []Target `json:"targets"`
	Nesting      Nesting  `json:"nesting"`
	// SameRange lets two entity spans of an annotator cover the same range with different
	// labels under NestingNested (under NestingOverlap they always may; under NestingFlat
	// never). Off by default: a range has one entity label.
	SameRange bool `json:"same_range,omitempty"`
}

// ParseSchema reads a schema from JSON and validates it.
func ParseSchema(data []byte) (Schema, error) {
	var s Schema
	if err := json.Unmarshal(data, &s); err != nil {
		return Schema{}, fmt.Errorf("%w: %v", ErrBadSchema, err)
	}
	if s.Nesting == "" {
		s.Nesting = NestingFlat
	}
	return s, s.Validate()
}

// Validate checks that names are present and unique, hotkeys do not clash within a group, and
// the nesting rule is known (and allows SameRange when it is set).
func (s Schema) Validate() error {
	switch s.Nesting {
	case NestingFlat, NestingNested, NestingOverlap:
	default:
		return fmt.Errorf("%w: nesting %q (want flat, nested or overlap)", ErrBadSchema, s.Nesting)
	}
	if s.SameRange && s.Nesting == NestingFlat {
		return fmt.Errorf("%w: same_range needs nesting \"nested\" or \"overlap\": flat entity spans never share a word", ErrBadSchema)
	}
	if err := checkLabels("entity", s.Entities); err != nil {
		return err
	}
	if err := checkLabels("stance", s.StanceLabels); err != nil {
		return err
	}
	ids := map[string]bool{}
	for _, t := range s.Targets {
		if strings.TrimSpace(t.ID) == "" || strings.TrimSpace(t.Name) == "" {
			return fmt.Errorf("%w: a stance target needs an id and a name", ErrBadSchema)
		}
		if err := checkTargetNames(t); err != nil {
			return err
		}
		if ids[t.ID] {
			return fmt.Errorf("%w: stance target %q is listed twice", ErrBadSchema, t.ID)
		}
		ids[t.ID] = true
	}
	return nil
}

func checkLabels(group string, ls []Label) error {
	names, keys := map[string]bool{}, map[string]string{}
	for _, l := range ls {
		if strings.TrimSpace(l.Name) != "" {
			if err := CheckName(l.Name); err != nil {
				return fmt.Errorf("%w: %s label: %w", ErrBadSchema, group, err)
			}
		}
		if strings.TrimSpace(l.Name) == "" || strings.ContainsFunc(l.Name, unicode.IsSpace) {
			return fmt.Errorf("%w: %s label name %q must be one word", ErrBadSchema, group, l.Name)
		}
		if names[l.Name] {
			return fmt.Errorf("%w: %s label %q is listed twice", ErrBadSchema, group, l.Name)
		}
		for _, d := range []string{l.DisplayAr, l.DisplayEn} {
			if d != "" {
				if err := CheckName(d); err != nil {
					return fmt.Errorf("%w: %s label %s: display name: %w", ErrBadSchema, group, l.Name, err)
				}
			}
		}
		names[l.Name] = true
		if l.Hotkey != "" {
			if other, ok := keys[l.Hotkey]; ok {
				return fmt.Errorf("%w: %s labels %q and %q share the hotkey %q", ErrBadSchema, group, other, l.Name, l.Hotkey)
			}
			keys[l.Hotkey] = l.Name
		}
	}
	return nil
}

// checkTargetNames applies CheckName to a target's id, name and Arabic name (when it has one).
func checkTargetNames(t Target) error {
	for _, f := range []struct{ what, v string }{{"id", t.ID}, {"name", t.Name}, {"Arabic name", t.NameAr}} {
		if f.v == "" && f.what == "Arabic name" {
			continue
		}
		if err := CheckName(f.v); err != nil {
			return fmt.Errorf("%w: stance target %s: %w", ErrBadSchema, f.what, err)
		}
	}
	return nil
}

// Entity returns the entity label named name.
func (s Schema) Entity(name string) (Label, bool) { return find(s.Entities, name) }

// Stance returns the stance label named name.
func (s Schema) Stance(name string) (Label, bool) { return find(s.StanceLabels, name) }

// Target returns the target with the given id.
func (s Schema) Target(id string) (Target, bool) {
	for _, t := range s.Targets {
		if t.ID == id {
			return t, true
		}
	}
	return Target{}, false
}

func find(ls []Label, name string) (Label, bool) {
	for _, l := range ls {
		if l.Name == name {
			return l, true
		}
	}
	return Label{}, false
}
