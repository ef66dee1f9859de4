package textfield

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

func TestCopyPasteRoundTripsMixedText(t *testing.T) {
	f, _ := typed(t, mixed, 300)
	cb := fyne.CurrentApp().Clipboard()
	f.TypedShortcut(&fyne.ShortcutSelectAll{})
	f.TypedShortcut(&fyne.ShortcutCopy{Clipboard: cb})
	if got := cb.Content(); got != mixed {
		t.Fatalf("copied %q, want %q", got, mixed)
	}
	f.TypedShortcut(&fyne.ShortcutCut{Clipboard: cb})
	if f.Text != "" || cb.Content() != mixed {
		t.Fatalf("after cut: Text %q, clipboard %q", f.Text, cb.Content())
	}
	f.TypedShortcut(&fyne.ShortcutPaste{}) // no clipboard given: the application's
	if f.Text != mixed || f.Caret() != 19 {
		t.Fatalf("pasted %q, caret at %d", f.Text, f.Caret())
	}
	// a part of it, selected in reading order across the runs of both directions
	f.Select(5, 16)
	f.TypedShortcut(&fyne.ShortcutCopy{Clipboard: cb})
	if got := cb.Content(); got != "مقطوع (cut)" {
		t.Errorf("copied %q", got)
	}
	// pasted over the selection, and with its line breaks made spaces
	cb.SetContent("خليفة\r\nحفتر\t(LNA)")
	f.TypedShortcut(&fyne.ShortcutPaste{Clipboard: cb})
	if want := "النص خليفة حفتر (LNA) 12"; f.Text != want {
		t.Errorf("after paste: %q, want %q", f.Text, want)
	}
	if want := len([]rune("النص خليفة حفتر (LNA)")); f.Caret() != want {
		t.Errorf("after paste the caret is at %d, want %d", f.Caret(), want)
	}
}

func TestCopyWithNothingSelectedKeepsTheClipboard(t *testing.T) {
	f, _ := typed(t, "طرابلس", 300)
	cb := fyne.CurrentApp().Clipboard()
	cb.SetContent("before")
	f.TypedShortcut(&fyne.ShortcutCopy{Clipboard: cb})
	f.TypedShortcut(&fyne.ShortcutCut{Clipboard: cb})
	if cb.Content() != "before" || f.Text != "طرابلس" {
		t.Errorf("copy and cut of nothing: clipboard %q, text %q", cb.Content(), f.Text)
	}
}

func TestBackspaceDeletesACodePointOrAnEmojiSequence(t *testing.T) {
	for _, c := range []struct {
		text  string
		after []string // the text after each Backspace
	}{
		{"a👩\u200d💻", []string{"a", ""}},                // a ZWJ sequence is one glyph
		{"x🤷🏻\u200d♀️", []string{"x", ""}},              // with a skin tone and a variation selector
		{"❗️", []string{""}},                            // an emoji with U+FE0F
		{"🇱🇾ب", []string{"🇱🇾", ""}},                     // a flag
		{"ب\u0651\u064e", []string{"ب\u0651", "ب", ""}}, // harakat (shadda, fatha) go one at a time
		{"e\u0301", []string{"e", ""}},                  // so does an accent
		{"لا", []string{"ل", ""}},                       // lam-alef is two letters
		{"ی\u200cخ", []string{"ی\u200c", "ی", ""}},      // the ZWNJ belongs to the letter before it
	} {
		f, _ := typed(t, c.text, 300)
		var got []string
		for range c.after {
			press(f, fyne.KeyBackspace, false)
			got = append(got, f.Text)
			if f.Caret() != len([]rune(f.Text)) {
				t.Errorf("%q: after Backspace the caret is at %d in %q", c.text, f.Caret(), f.Text)
			}
		}
		if !slices.Equal(got, c.after) {
			t.Errorf("Backspace in %q: %q, want %q", c.text, got, c.after)
		}
	}
}

func TestDeleteDeletesTheClusterAfterTheCaret(t *testing.T) {
	f, _ := typed(t, "ب\u0651\u064ea👩\u200d💻", 300)
	press(f, fyne.KeyHome, false)
	press(f, fyne.KeyDelete, false)
	if f.Text != "a👩\u200d💻" {
		t.Errorf("Delete at the start left %q", f.Text)
	}
	press(f, fyne.KeyRight, false) // the text reads left to right now: → steps over the a
	press(f, fyne.KeyDelete, false)
	if f.Text != "a" {
		t.Errorf("Delete before the emoji left %q", f.Text)
	}
	press(f, fyne.KeyDelete, false)
	if f.Text != "a" {
		t.Errorf("Delete at the end changed the text to %q", f.Text)
	}
}

func TestWordKeys(t *testing.T) {
	f, _ := typed(t, mixed, 300)
	ctrl := func(k fyne.KeyName, mod fyne.KeyModifier) {
		f.TypedShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault | mod})
	}
	// Ctrl+Backspace deletes the word before the caret
	ctrl(fyne.KeyBackspace, 0)
	if f.Text != "النص مقطوع (cut) " {
		t.Fatalf("Ctrl+Backspace left %q", f.Text)
	}
	ctrl(fyne.KeyHome, 0)
	// in right-to-left text Ctrl+← goes forward to the end of the next word
	var ends []int
	for range 4 {
		ctrl(fyne.KeyLeft, 0)
		ends = append(ends, f.Caret())
	}
	if want := []int{4, 10, 15, 17}; !slices.Equal(ends, want) {
		t.Errorf("Ctrl+← goes to %v, want %v", ends, want)
	}
	ctrl(fyne.KeyRight, fyne.KeyModifierShift)
	if got := f.SelectedText(); got != "cut) " {
		t.Errorf("Ctrl+Shift+→ selected %q", got)
	}
	ctrl(fyne.KeyHome, 0)
	ctrl(fyne.KeyDelete, 0)
	if f.Text != " مقطوع (cut) " {
		t.Errorf("Ctrl+Delete left %q", f.Text)
	}
}

func TestCallbacks(t *testing.T) {
	f, _ := show(t, 300)
	var changes, submits []string
	f.OnChanged = func(s string) { changes = append(changes, s) }
	f.OnSubmitted = func(s string) { submits = append(submits, s) }
	test.Type(f, "أمل")
	press(f, fyne.KeyBackspace, false)
	press(f, fyne.KeyLeft, false) // no change
	f.TypedShortcut(&fyne.ShortcutSelectAll{})
	press(f, fyne.KeyReturn, false)
	if want := []string{"أ", "أم", "أمل", "أم"}; !slices.Equal(changes, want) {
		t.Errorf("OnChanged got %q, want %q", changes, want)
	}
	if want := []string{"أم"}; !slices.Equal(submits, want) {
		t.Errorf("OnSubmitted got %q, want %q", submits, want)
	}
	f.SetText("Amal")
	f.SetText("Amal")
	if changes[len(changes)-1] != "Amal" || len(changes) != 5 {
		t.Errorf("SetText: OnChanged got %q", changes)
	}
	if f.Caret() != 4 {
		t.Errorf("SetText leaves the caret at %d", f.Caret())
	}
}

func TestTextSetDirectly(t *testing.T) {
	f, _ := typed(t, mixed, 300)
	f.Text = "سرت"
	f.Refresh()
	if got := texts(f); !slices.Equal(got, []string{"سرت"}) {
		t.Errorf("after Text and Refresh the field draws %q", got)
	}
	if s, e := f.Selection(); s != 3 || e != 3 {
		t.Errorf("the caret is at [%d, %d) in a text of 3", s, e)
	}
	test.Type(f, "!")
	if f.Text != "سرت!" {
		t.Errorf("typed after it: %q", f.Text)
	}
}

func TestDisabledFieldTakesNoInput(t *testing.T) {
	f, _ := typed(t, "طرابلس", 300)
	f.Disable()
	var changed bool
	f.OnChanged = func(string) { changed = true }
	test.Type(f, "x")
	press(f, fyne.KeyBackspace, false)
	f.TypedShortcut(&fyne.ShortcutPaste{Clipboard: fyne.CurrentApp().Clipboard()})
	if f.Text != "طرابلس" || changed {
		t.Errorf("a disabled field changed to %q", f.Text)
	}
	if rend(f).caret != nil {
		t.Errorf("a disabled field draws a caret")
	}
	f.TypedShortcut(&fyne.ShortcutSelectAll{})
	cb := fyne.CurrentApp().Clipboard()
	f.TypedShortcut(&fyne.ShortcutCopy{Clipboard: cb})
	if cb.Content() != "طرابلس" {
		t.Errorf("copy from a disabled field gave %q", cb.Content())
	}
}
