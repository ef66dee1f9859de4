package bidi

import (
	"bufio"
	"strconv"
	"strings"
	"testing"
)

// ucdLines calls fn with the ';'-separated, trimmed fields of each line of a database file,
// comments cut, the @missing lines included as data. It skips the test when the file's
// version is not the tables' (they must be generated again) or the file is missing.
func ucdLines(t *testing.T, name string, fn func(fields []string)) {
	sc := bufio.NewScanner(openUCD(t, name))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if n == 1 {
			if v := fileVersion(line); v != UnicodeVersion {
				t.Skipf("%s is version %s, the tables %s: run go generate", name, v, UnicodeVersion)
			}
		}
		line = strings.TrimPrefix(line, "# @missing:")
		line, _, _ = strings.Cut(line, "#")
		if strings.TrimSpace(line) == "" {
			continue
		}
		f := strings.Split(line, ";")
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		fn(f)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
}

func hexRange(t *testing.T, s string) (lo, hi rune) {
	a, b, ok := strings.Cut(s, "..")
	if !ok {
		b = a
	}
	x, err1 := strconv.ParseUint(a, 16, 32)
	y, err2 := strconv.ParseUint(b, 16, 32)
	if err1 != nil || err2 != nil {
		t.Fatalf("bad code point range %q", s)
	}
	return rune(x), rune(y)
}

// TestTablesMatchUCD checks ClassOf on every code point against DerivedBidiClass.txt (its
// @missing defaults first, then its data lines).
func TestTablesMatchUCD(t *testing.T) {
	want := make([]Class, 0x110000)
	byLong := map[string]Class{"Left_To_Right": L, "Right_To_Left": R, "Arabic_Letter": AL, "European_Terminator": ET}
	for c := range numClasses {
		byLong[c.String()] = c
	}
	ucdLines(t, "extracted/DerivedBidiClass.txt", func(f []string) {
		lo, hi := hexRange(t, f[0])
		c, ok := byLong[f[1]]
		if !ok {
			t.Fatalf("unknown class %q", f[1])
		}
		for r := lo; r <= hi; r++ {
			want[r] = c
		}
	})
	bad := 0
	for r, c := range want {
		if got := ClassOf(rune(r)); got != c {
			if bad++; bad <= 10 {
				t.Errorf("ClassOf(%U) = %v, DerivedBidiClass.txt says %v", r, got, c)
			}
		}
	}
}

// TestMirrorMatchesUCD checks Mirror against every line of BidiMirroring.txt, and that no other
// code point has a mirroring glyph.
func TestMirrorMatchesUCD(t *testing.T) {
	lines := 0
	ucdLines(t, "BidiMirroring.txt", func(f []string) {
		if f[1] == "<none>" { // the @missing line
			return
		}
		a, _ := hexRange(t, f[0])
		b, _ := hexRange(t, f[1])
		lines++
		if got, ok := Mirror(a); got != b || !ok {
			t.Errorf("Mirror(%U) = %U, %v; want %U", a, got, ok, b)
		}
	})
	count := 0
	for r := range rune(0x110000) {
		if _, ok := Mirror(r); ok {
			count++
		}
	}
	if count != lines {
		t.Errorf("%d code points have a mirroring glyph, BidiMirroring.txt lists %d", count, lines)
	}
}

// TestBracketsMatchUCD checks the bracket table against every line of BidiBrackets.txt, with
// the canonical equivalents of UnicodeData.txt (the only brackets that have one).
func TestBracketsMatchUCD(t *testing.T) {
	canon := func(r rune) rune {
		switch r {
		case 0x2329:
			return 0x3008
		case 0x232A:
			return 0x3009
		}
		return r
	}
	lines := 0
	ucdLines(t, "BidiBrackets.txt", func(f []string) {
		r, _ := hexRange(t, f[0])
		pair, _ := hexRange(t, f[1])
		lines++
		b, ok := lookupBracket(r)
		want := bracket{r: r, canon: canon(r), pairCanon: canon(pair), open: f[2] == "o"}
		if !ok || b != want {
			t.Errorf("bracket %U: %+v, %v; want %+v", r, b, ok, want)
		}
	})
	if lines != len(bracketTable) {
		t.Errorf("%d brackets in the table, %d in BidiBrackets.txt", len(bracketTable), lines)
	}
}
