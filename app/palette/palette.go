// Package palette is the entity labels above the article: a button per label of the schema,
// tinted with its colour and showing its hotkey, in rows that wrap to the width (Wojood's 21
// labels take a few rows) from the start edge (the right, in Arabic), the label finder (Find,
// the key /: a field that finds a label by its name or description), and the keys that give a
// label, on a Latin or an Arabic keyboard. It owns its buttons, the finder and the keys; the
// window gives it the schema and learns of a label chosen through OnLabel. Its Button also
// draws the stance labels of the stance panel and the help.
package palette

import (
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/locale"
	"github.com/tawsim/tawsim/labels"
)

// FindKey is the key that opens the label finder (ظ on an Arabic keyboard).
const FindKey = '/'

// Palette is the entity label buttons and the label finder.
type Palette struct {
	// OnLabel is called with the label whose button was tapped, or that the finder gave.
	OnLabel func(labels.Label)
	// OnFindClosed is called when the label finder closes, after OnLabel when it gave one.
	OnFindClosed func()

	schema  labels.Schema
	keys    map[rune]labels.Label // the entity labels by hotkey
	buttons []*Button
	find    *Button
	box     *fyne.Container
	finder  *finder
}

// New returns an empty palette; SetSchema fills it.
func New() *Palette {
	p := &Palette{box: container.New(&flow{rtl: locale.RTL()}), keys: map[rune]labels.Label{}}
	p.find = newCompact(labels.Label{Name: lang.X("palette.find", "Find…"), Hotkey: string(FindKey)}, p.Find)
	return p
}

// Object returns what the window lays out.
func (p *Palette) Object() fyne.CanvasObject { return p.box }

// SetSchema makes a button per entity label of sc.
func (p *Palette) SetSchema(sc labels.Schema) {
	p.schema, p.keys = sc, Hotkeys(sc)
	p.buttons = p.buttons[:0]
	var objs []fyne.CanvasObject
	for _, l := range sc.Entities {
		b := newCompact(l, func() {
			if p.OnLabel != nil {
				p.OnLabel(l)
			}
		})
		p.buttons = append(p.buttons, b)
		objs = append(objs, b)
	}
	if len(sc.Entities) == 0 {
		objs = append(objs, widget.NewLabel(lang.X("palette.none", "This project has no entity labels.")))
	} else {
		objs = append(objs, p.find)
	}
	p.box.Objects = objs
	p.box.Refresh()
}

// Buttons returns the label buttons, in the schema's order.
func (p *Palette) Buttons() []*Button { return p.buttons }

// Find opens the label finder over the palette's window, when the schema has entity labels.
func (p *Palette) Find() {
	c := fyne.CurrentApp().Driver().CanvasForObject(p.box)
	if c == nil || len(p.schema.Entities) == 0 {
		return
	}
	if p.finder == nil || p.finder.pop.Canvas != c {
		p.finder = newFinder(p, c)
	}
	p.finder.show()
}

// Key returns the entity label whose hotkey r is, or is typed by the same key on an Arabic
// keyboard: an Arabic letter counts as the Latin letter of its key (ض as q), an
// Arabic-Indic or Persian digit as its ASCII digit.
func (p *Palette) Key(r rune) (labels.Label, bool) {
	if l, ok := p.keys[r]; ok {
		return l, true
	}
	l, ok := p.keys[LatinKey(r)]
	return l, ok
}

// Taken returns the keys that give an entity label, with what the same keys type on an
// Arabic keyboard, which no other action may take.
func (p *Palette) Taken() map[rune]bool {
	taken := map[rune]bool{}
	for r := range p.keys {
		taken[r] = true
		if a, ok := ArabicKey(r); ok {
			taken[a] = true
		}
	}
	return taken
}

// KeyList names the label keys in the schema's order, a run of digits as a range: "1-4",
// "1, q, 3", or Wojood's "1-9, 0, q, w, r, y, u, i, o, p, g, h, l".
func (p *Palette) KeyList() string {
	var ks []string
	for _, l := range p.schema.Entities {
		if l.Hotkey != "" {
			ks = append(ks, l.Hotkey)
		}
	}
	if len(ks) == 0 {
		return lang.X("palette.no_keys", "a label's button")
	}
	if n := digitRun(ks); n > 2 {
		ks = append([]string{"1-" + ks[n-1]}, ks[n:]...)
	}
	return strings.Join(ks, ", ")
}

// Hint names the label keys for a message: KeyList when it is short, else "a label's key or
// /" (the finder).
func (p *Palette) Hint() string {
	if list := p.KeyList(); len(p.keys) <= 10 {
		return list
	}
	return lang.X("palette.key_or_find", "a label's key or /")
}

// digitRun returns how many of ks are 1, 2, 3... from the first.
func digitRun(ks []string) int {
	n := 0
	for n < len(ks) && n < 9 && ks[n] == string(rune('1'+n)) {
		n++
	}
	return n
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
