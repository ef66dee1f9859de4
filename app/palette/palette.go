// Package palette is the row of entity labels above the article: a button per label of the
// schema, tinted with its colour and showing its hotkey, from the start edge (the right, in
// Arabic), and the keys that give a label. It
// owns its buttons and the keys; the window gives it the schema and learns of a label chosen
// through OnLabel. Its Button also draws the stance labels of the stance panel and the help.
package palette

import (
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/mirror"
	"github.com/tawsim/tawsim/labels"
)

// Palette is the row of entity label buttons.
type Palette struct {
	// OnLabel is called with the label whose button was tapped.
	OnLabel func(labels.Label)

	schema  labels.Schema
	keys    map[rune]labels.Label // the entity labels by hotkey
	buttons []*Button
	box     *fyne.Container
}

// New returns an empty palette; SetSchema fills it.
func New() *Palette {
	return &Palette{box: mirror.Row(), keys: map[rune]labels.Label{}}
}

// Object returns what the window lays out.
func (p *Palette) Object() fyne.CanvasObject { return p.box }

// SetSchema makes a button per entity label of sc.
func (p *Palette) SetSchema(sc labels.Schema) {
	p.schema, p.keys = sc, Hotkeys(sc)
	p.buttons = p.buttons[:0]
	objs := []fyne.CanvasObject{widget.NewLabel(lang.X("palette.label", "Label"))}
	for _, l := range sc.Entities {
		b := NewButton(l, func() {
			if p.OnLabel != nil {
				p.OnLabel(l)
			}
		})
		p.buttons = append(p.buttons, b)
		objs = append(objs, b)
	}
	if len(sc.Entities) == 0 {
		objs = append(objs, widget.NewLabel(lang.X("palette.none", "This project has no entity labels.")))
	}
	p.box.Objects = objs
	p.box.Refresh()
}

// Buttons returns the label buttons, in the schema's order.
func (p *Palette) Buttons() []*Button { return p.buttons }

// Key returns the entity label whose hotkey r is, an Arabic-Indic or Persian digit counting
// as its ASCII digit (the keys on an Arabic keyboard).
func (p *Palette) Key(r rune) (labels.Label, bool) {
	l, ok := p.keys[normalizeDigit(r)]
	return l, ok
}

// Taken returns the keys that give an entity label, which no other action may take.
func (p *Palette) Taken() map[rune]bool {
	taken := map[rune]bool{}
	for r := range p.keys {
		taken[r] = true
	}
	return taken
}

// KeyList names the label keys: "1-4", or "1, 2, q".
func (p *Palette) KeyList() string {
	var ks []string
	for _, l := range p.schema.Entities {
		if l.Hotkey != "" {
			ks = append(ks, l.Hotkey)
		}
	}
	if len(ks) > 2 && strings.Join(ks, "") == "123456789"[:len(ks)] {
		return "1-" + ks[len(ks)-1]
	}
	if len(ks) == 0 {
		return lang.X("palette.no_keys", "a label's button")
	}
	return strings.Join(ks, ", ")
}

// Hotkeys maps each entity label's hotkey (a single character) to the label.
func Hotkeys(sc labels.Schema) map[rune]labels.Label {
	keys := map[rune]labels.Label{}
	for _, l := range sc.Entities {
		if r, n := utf8.DecodeRuneInString(l.Hotkey); n > 0 && n == len(l.Hotkey) {
			keys[r] = l
		}
	}
	return keys
}

// normalizeDigit turns Arabic-Indic and Persian digits into ASCII ones, so that the label keys
// work on an Arabic keyboard too.
func normalizeDigit(r rune) rune {
	switch {
	case r >= '٠' && r <= '٩':
		return '0' + r - '٠'
	case r >= '۰' && r <= '۹':
		return '0' + r - '۰'
	}
	return r
}
