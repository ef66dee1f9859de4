package textfield

import (
	"math/rand/v2"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// pool holds what the property test types and pastes: Arabic letters and harakat, Latin
// letters, both kinds of digits, brackets, spaces, joiners, directional marks, isolates and
// overrides, pieces of emoji sequences, controls and a combining accent.
var pool = []string{
	"ا", "ل", "ن", "ص", "م", "ب", "\u064e", "\u0651", "a", "Z", "1", "٣", "(", ")", "[", " ",
	".", "\u200d", "\u200c", "\u200f", "\u2067", "\u2069", "\u202e", "\u202c", "👩", "💻",
	"🏻", "\ufe0f", "🇱", "🇾", "\t", "\n", "\u0301", "النص مقطوع (cut) 12", "👩\u200d💻",
}

// act does to f the action that the bytes at data[i:] pick, and returns how many it used.
func act(f *Field, data []byte, i int) int {
	arg := func(k int) int {
		if i+k < len(data) {
			return int(data[i+k])
		}
		return 0
	}
	shift := arg(0)&0x80 != 0
	cb := fyne.CurrentApp().Clipboard()
	ctrl := func(k fyne.KeyName) {
		mod := fyne.KeyModifierShortcutDefault
		if shift {
			mod |= fyne.KeyModifierShift
		}
		f.TypedShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: mod})
	}
	keys := []fyne.KeyName{fyne.KeyLeft, fyne.KeyRight, fyne.KeyHome, fyne.KeyEnd, fyne.KeyBackspace,
		fyne.KeyDelete, fyne.KeyReturn, fyne.KeyUp, fyne.KeyEscape}
	x := float32(arg(1))*1.4 - 20
	switch op := arg(0) & 0x7f % 16; op {
	case 0, 1, 2, 3:
		for _, r := range pool[arg(1)%len(pool)] {
			f.TypedRune(r)
		}
		return 2
	case 4, 5, 6, 7:
		press(f, keys[arg(1)%len(keys)], shift)
		return 2
	case 8:
		ctrl([]fyne.KeyName{fyne.KeyLeft, fyne.KeyRight, fyne.KeyBackspace, fyne.KeyDelete}[arg(1)%4])
		return 2
	case 9:
		f.TypedShortcut([]fyne.Shortcut{&fyne.ShortcutSelectAll{}, &fyne.ShortcutCopy{Clipboard: cb},
			&fyne.ShortcutCut{Clipboard: cb}, &fyne.ShortcutPaste{Clipboard: cb}}[arg(1)%4])
		return 2
	case 10:
		cb.SetContent(pool[arg(1)%len(pool)] + pool[arg(2)%len(pool)])
		return 3
	case 11:
		test.TapAt(f, at(f, x))
		return 2
	case 12:
		mouseDown(f, at(f, x), 0)
		to := at(f, float32(arg(2))*1.4-20)
		f.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: to}})
		f.DragEnd()
		return 3
	case 13:
		f.DoubleTapped(&fyne.PointEvent{Position: at(f, x)})
		return 2
	case 14:
		f.Select(arg(1)%24, arg(2)%24)
		return 3
	default:
		if arg(1)%2 == 0 {
			f.SetText(pool[arg(2)%len(pool)])
		} else {
			f.Text = pool[arg(2)%len(pool)] + f.Text
			f.Refresh()
		}
		return 3
	}
}

// check fails the test unless the field's state is whole: the runes are the text, the caret
// and the selection's ends are on grapheme cluster boundaries, the caret is drawn inside.
func check(t *testing.T, f *Field, step int) {
	t.Helper()
	if f.Text != string(f.runes) {
		t.Fatalf("step %d: Text %q, runes %q", step, f.Text, string(f.runes))
	}
	b := boundaries(f.runes)
	if !slices.Contains(b, f.caret) || !slices.Contains(b, f.anchor) {
		t.Fatalf("step %d: caret %d, anchor %d, not on the cluster boundaries %v of %q", step, f.caret, f.anchor, b, f.Text)
	}
	s, e := f.Selection()
	if got := f.SelectedText(); got != string(f.runes[s:e]) {
		t.Fatalf("step %d: selected %q of [%d, %d) in %q", step, got, s, e, f.Text)
	}
	r := rend(f)
	if r.caret != nil {
		x := r.caret.Position().X
		if x < 0 || x+r.caret.Size().Width > r.area.Size().Width+0.01 {
			t.Fatalf("step %d: the caret is drawn at %v, outside the area of %v", step, x, r.area.Size().Width)
		}
	}
	for _, m := range r.marks {
		if m.Size().Width <= 0 {
			t.Fatalf("step %d: an empty highlight", step)
		}
	}
}

// run does the actions of data to a fresh field, checking it after each.
func run(t *testing.T, data []byte) {
	f, w := show(t, 180)
	f.OnSubmitted = func(string) { w.Canvas().Focus(f) }
	for i, step := 0, 0; i < len(data); step++ {
		i += act(f, data, i)
		check(t, f, step)
	}
}

func TestAnyKeysKeepTheCaretOnClusters(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 6))
	n := 150
	if testing.Short() {
		n = 40
	}
	for range n {
		data := make([]byte, 150)
		for i := range data {
			data[i] = byte(rng.UintN(256))
		}
		run(t, data)
	}
}

func FuzzKeys(f *testing.F) {
	f.Add([]byte{0, 33, 4, 2, 0x84, 0, 0x84, 0, 9, 1, 9, 3, 5, 4})
	f.Add([]byte{0, 24, 0, 34, 4, 4, 0x84, 1, 12, 10, 200, 13, 100, 8, 0})
	f.Add([]byte{15, 0, 33, 14, 3, 40, 11, 90, 0, 19, 0, 22, 0, 28})
	f.Fuzz(run)
}
