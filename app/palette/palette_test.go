package palette

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/tawsim/tawsim/labels"
)

func TestPaletteFollowsTheSchema(t *testing.T) {
	test.NewTempApp(t)
	p := New()
	var chosen []string
	p.OnLabel = func(l labels.Label) { chosen = append(chosen, l.Name) }
	sc := labels.Schema{Entities: []labels.Label{
		{Name: "PERS", Hotkey: "1", Color: "#e06c75"}, {Name: "ORG", Hotkey: "2"}, {Name: "LOC", Hotkey: "3"}, {Name: "MISC"},
	}}
	p.SetSchema(sc)
	if len(p.Buttons()) != 4 || p.Buttons()[1].Label().Name != "ORG" {
		t.Fatalf("buttons %v", p.Buttons())
	}
	p.Buttons()[2].Tapped(&fyne.PointEvent{})
	test.Tap(p.Buttons()[0])
	if len(chosen) != 2 || chosen[0] != "LOC" || chosen[1] != "PERS" {
		t.Errorf("the buttons chose %v", chosen)
	}
	for r, want := range map[rune]string{'2': "ORG", '٢': "ORG", '۳': "LOC", 'q': ""} {
		if l, _ := p.Key(r); l.Name != want {
			t.Errorf("key %q gives %q, want %q", r, l.Name, want)
		}
	}
	if got := p.KeyList(); got != "1-3" {
		t.Errorf("the keys read %q", got)
	}
	if taken := p.Taken(); len(taken) != 3 || !taken['3'] {
		t.Errorf("the keys taken: %v", taken)
	}
	sc.Entities[1].Hotkey = "q"
	p.SetSchema(sc)
	if got := p.KeyList(); got != "1, q, 3" {
		t.Errorf("the keys read %q", got)
	}
	p.SetSchema(labels.Schema{})
	if len(p.Buttons()) != 0 || p.KeyList() != "a label's button" {
		t.Errorf("without entity labels: %d buttons, keys %q", len(p.Buttons()), p.KeyList())
	}
}

func TestButtonToggles(t *testing.T) {
	test.NewTempApp(t)
	b := NewButton(labels.Label{Name: "FAVOR", Hotkey: "f", Color: "#98c379"}, nil)
	b.Toggle = true
	w := test.NewWindow(b)
	defer w.Close()
	width := b.MinSize().Width
	b.SetSelected(true)
	if !b.Selected() || b.MinSize().Width != width {
		t.Errorf("selected %v, width %v then %v: a toggle keeps room for its tick", b.Selected(), width, b.MinSize().Width)
	}
	test.Tap(b) // no action: nothing happens
	if c := Color("#98c379"); c.R != 0x98 || c.G != 0xc3 || c.B != 0x79 || Color("green").R != 0x8a {
		t.Errorf("colours %v, %v", c, Color("green"))
	}
}
