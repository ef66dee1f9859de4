package bidi

import (
	"slices"
	"testing"
)

func TestGeneratedClassOrder(t *testing.T) {
	if len(genClassNames) != int(numClasses) {
		t.Fatalf("tables have %d classes, the package %d", len(genClassNames), numClasses)
	}
	for i, name := range genClassNames {
		if Class(i).String() != name {
			t.Errorf("class %d is %s in the tables, %s in the package", i, name, Class(i))
		}
	}
}

func TestClassOf(t *testing.T) {
	for _, tt := range []struct {
		r    rune
		want Class
	}{
		{'a', L}, {'ب', AL}, {'א', R}, {'5', EN}, {'٥', AN}, {'۵', EN}, {'+', ES}, {'%', ET}, {'٪', ET},
		{',', CS}, {'\u064E', NSM}, {'\u200D', BN}, {'\n', B}, {'\t', S}, {' ', WS}, {'(', ON},
		{'\u202A', LRE}, {'\u202D', LRO}, {'\u202B', RLE}, {'\u202E', RLO}, {'\u202C', PDF},
		{'\u2066', LRI}, {'\u2067', RLI}, {'\u2068', FSI}, {'\u2069', PDI},
		{0x05FF, R}, {0x08A0, AL}, {0x20C5, ET}, {0xFDD0, BN}, {0xE0080, BN}, {0x50000, L}, // unassigned: UAX #9 defaults
		{-1, ON}, {0x110000, ON}, // out of range: as U+FFFD
	} {
		if got := ClassOf(tt.r); got != tt.want {
			t.Errorf("ClassOf(%U) = %v, want %v", tt.r, got, tt.want)
		}
	}
	if s := Class(200).String(); s != "Class(200)" {
		t.Errorf("Class(200).String() = %q", s)
	}
}

func TestMirror(t *testing.T) {
	for _, tt := range []struct {
		r, want rune
		ok      bool
	}{
		{'(', ')', true}, {']', '[', true}, {'«', '»', true}, {'≤', '≥', true}, {'\u2329', '\u232A', true},
		{'a', 'a', false}, {'ب', 'ب', false}, {'∑', '∑', false}, // ∑ is Bidi_Mirrored without a mirroring glyph
	} {
		if got, ok := Mirror(tt.r); got != tt.want || ok != tt.ok {
			t.Errorf("Mirror(%U) = %U, %v; want %U, %v", tt.r, got, ok, tt.want, tt.ok)
		}
	}
}

func TestRemoved(t *testing.T) {
	text := []rune("a\u202Bب\u202C\u200Dc\u2067d\u2069")
	p := Resolve(text, LeftToRight)
	for i, want := range []bool{false, true, false, true, true, false, false, false, false} {
		if Removed(text[i]) != want || p.Removed(i) != want {
			t.Errorf("Removed(%U) = %v, Paragraph.Removed(%d) = %v; want %v", text[i], Removed(text[i]), i, p.Removed(i), want)
		}
	}
	if got, want := p.VisualOrder(0, len(text)), []int{0, 2, 5, 6, 7, 8}; !slices.Equal(got, want) {
		t.Errorf("VisualOrder = %v, want %v", got, want)
	}
	// A removed character takes the level of the one before it.
	if got, want := p.Levels(), []uint8{0, 0, 1, 1, 1, 0, 0, 2, 0}; !slices.Equal(got, want) {
		t.Errorf("Levels = %v, want %v", got, want)
	}
}

func TestDirections(t *testing.T) {
	for _, tt := range []struct {
		text string
		dir  Direction
		base uint8
	}{
		{"abc", Auto, 0}, {"مرحبا", Auto, 1}, {"123 مرحبا", Auto, 1}, {"123", Auto, 0}, {"", Auto, 0},
		{"\u2067مرحبا\u2069 abc", Auto, 0}, // P2 skips the isolate
		{"\u2067مرحبا abc", Auto, 0},       // an isolate without its PDI runs to the end
		{"abc", RightToLeft, 1}, {"مرحبا", LeftToRight, 0}, {"مرحبا", Direction(9), 0},
		{"123\nمرحبا", Auto, 0}, // the search stops at a paragraph separator
	} {
		p := Resolve([]rune(tt.text), tt.dir)
		if p.BaseLevel() != tt.base {
			t.Errorf("Resolve(%q, %d).BaseLevel() = %d, want %d", tt.text, tt.dir, p.BaseLevel(), tt.base)
		}
		if p.Len() != len([]rune(tt.text)) {
			t.Errorf("Resolve(%q).Len() = %d", tt.text, p.Len())
		}
	}
}

// TestSeparatorInside checks a paragraph separator in the text: it takes the paragraph level
// and ends the embedding opened before it.
func TestSeparatorInside(t *testing.T) {
	text := []rune("\u202Babc\ndef")
	got := Resolve(text, LeftToRight).Levels()
	if want := []uint8{0, 2, 2, 2, 0, 0, 0, 0}; !slices.Equal(got, want) {
		t.Errorf("Levels = %v, want %v", got, want)
	}
}

// TestLineLevels checks rule L1 on a line: trailing white space, and white space and isolate
// controls before a tab, take the paragraph level, whatever level the algorithm gave them.
func TestLineLevels(t *testing.T) {
	text := []rune("abc \u2067 \tابت ثج  ")
	p := Resolve(text, RightToLeft)
	// The RLI has no PDI: everything after it is in the isolate, at level 3, but the space
	// before the tab and the two at the end.
	//              a  b  c ' ' RLI ' ' \t ا  ب  ت ' ' ث  ج ' ' ' '
	want := []uint8{2, 2, 2, 1, 1, 1, 1, 3, 3, 3, 3, 3, 3, 1, 1}
	if got := p.LineLevels(0, len(text)); !slices.Equal(got, want) {
		t.Errorf("LineLevels = %v, want %v", got, want)
	}
	// The space inside the line "abc " followed by the next line is trailing on its own line.
	if got := p.LineLevels(0, 4); !slices.Equal(got, []uint8{2, 2, 2, 1}) {
		t.Errorf("LineLevels(0, 4) = %v", got)
	}
	if got, want := p.VisualOrder(0, 4), []int{3, 0, 1, 2}; !slices.Equal(got, want) {
		t.Errorf("VisualOrder(0, 4) = %v, want %v", got, want)
	}
	if got := p.LineLevels(3, 3); len(got) != 0 {
		t.Errorf("LineLevels of an empty line = %v", got)
	}
}

func TestReorder(t *testing.T) {
	for _, tt := range []struct {
		levels []uint8
		want   []int
	}{
		{nil, []int{}},
		{[]uint8{0, 0, 0}, []int{0, 1, 2}},
		{[]uint8{1, 1, 1}, []int{2, 1, 0}},
		{[]uint8{1, 2, 2, 1}, []int{3, 1, 2, 0}},
		{[]uint8{0, 1, 1, 2, 2, 0}, []int{0, 3, 4, 2, 1, 5}},
	} {
		if got := Reorder(tt.levels); !slices.Equal(got, tt.want) {
			t.Errorf("Reorder(%v) = %v, want %v", tt.levels, got, tt.want)
		}
	}
}

func TestLineOutOfRange(t *testing.T) {
	p := Resolve([]rune("abc"), Auto)
	for _, r := range [][2]int{{-1, 2}, {2, 1}, {0, 4}} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("VisualOrder(%d, %d) did not panic", r[0], r[1])
				}
			}()
			p.VisualOrder(r[0], r[1])
		}()
	}
}

// TestDeepNesting checks the limits: embeddings beyond level 125 overflow and do nothing,
// and a run of 64 opening brackets stops the pairing of the rest of the sequence (BD16).
func TestDeepNesting(t *testing.T) {
	var text []rune
	for range 70 {
		text = append(text, '\u202B', '\u202A') // RLE LRE: two levels each
	}
	text = append(text, 'a')
	levels := Resolve(text, LeftToRight).Levels()
	// The 63rd RLE reaches level 125; every control after it overflows. The L at the odd
	// level 125 goes up to 126 (I2).
	if got := levels[len(text)-1]; got != 126 {
		t.Errorf("level after 140 embeddings = %d, want 126", got)
	}
	for _, opens := range []int{63, 64} {
		brackets := []rune("ab ")
		for range opens {
			brackets = append(brackets, '(')
		}
		brackets = append(brackets, []rune("x)")...)
		p := Resolve(brackets, RightToLeft)
		closing := p.Levels()[len(brackets)-1]
		want := uint8(2) // paired with the innermost '(' around the L "x"
		if opens > maxBracketDepth {
			want = 1 // no pairs: a neutral between L and eos R takes the embedding direction
		}
		if closing != want {
			t.Errorf("%d opening brackets: level of ')' = %d, want %d", opens, closing, want)
		}
	}
}
