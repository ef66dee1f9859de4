package palette

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/tawsim/tawsim/seeds"
)

// TestWojoodKeysOnBothKeyboards: each of Wojood's 21 labels has its key on a Latin keyboard
// and the same key on an Arabic one (PC Arabic 101), whose letters arrive as Arabic runes.
func TestWojoodKeysOnBothKeyboards(t *testing.T) {
	test.NewTempApp(t)
	p := New()
	p.SetSchema(seeds.Wojood())
	for _, c := range []struct {
		keys []rune
		want string
	}{
		{[]rune{'1', '١', '۱'}, "PERS"},
		{[]rune{'0', '٠'}, "TIME"},
		{[]rune{'q', 'ض'}, "CARDINAL"},
		{[]rune{'w', 'ص'}, "ORDINAL"},
		{[]rune{'r', 'ق'}, "PERCENT"},
		{[]rune{'y', 'غ'}, "MONEY"},
		{[]rune{'u', 'ع'}, "QUANTITY"},
		{[]rune{'i', 'ه'}, "UNIT"},
		{[]rune{'o', 'خ'}, "LAW"},
		{[]rune{'p', 'ح'}, "PRODUCT"},
		{[]rune{'g', 'ل'}, "CURR"},
		{[]rune{'h', 'ا'}, "WEBSITE"},
		{[]rune{'l', 'م'}, "LANGUAGE"},
		// the window's own keys and the stance keys stay theirs
		{[]rune{'e', 'ث', 't', 'ف', 'j', 'ت', 'f', 'ب', 'Q', '/', 'ظ'}, ""},
	} {
		for _, r := range c.keys {
			if l, ok := p.Key(r); l.Name != c.want || ok != (c.want != "") {
				t.Errorf("key %q gives %q %v, want %q", r, l.Name, ok, c.want)
			}
		}
	}
	taken := p.Taken()
	if len(taken) != 2*21-10 || !taken['ض'] || !taken['q'] || !taken['0'] || taken['ث'] {
		t.Errorf("%d keys taken: %v", len(taken), taken)
	}
	if got := p.KeyList(); got != "1-9, 0, q, w, r, y, u, i, o, p, g, h, l" {
		t.Errorf("the keys read %q", got)
	}
	if got := p.Hint(); got != "a label's key or /" {
		t.Errorf("the hint reads %q", got)
	}
}

func TestLatinAndArabicKeys(t *testing.T) {
	for r, want := range map[rune]rune{'ض': 'q', 'ظ': '/', 'ؤ': 'c', '٣': '3', '۷': '7', 'q': 'q', 'Z': 'Z', 'ڤ': 'ڤ'} {
		if got := LatinKey(r); got != want {
			t.Errorf("LatinKey(%q) = %q, want %q", r, got, want)
		}
	}
	for l := range arabicLayout {
		if a, _ := ArabicKey(l); LatinKey(a) != l {
			t.Errorf("%q → %q → %q", l, a, LatinKey(a))
		}
	}
	if _, ok := ArabicKey('1'); ok {
		t.Error("a digit has an Arabic letter")
	}
}
