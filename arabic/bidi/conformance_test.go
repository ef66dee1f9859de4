package bidi

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// ucdDir is where Debian's unicode-data package puts the Unicode Character Database.
const ucdDir = "/usr/share/unicode"

// openUCD opens a file of the database, or skips the test when it is missing.
func openUCD(t testing.TB, name string) *os.File {
	t.Helper()
	path := filepath.Join(ucdDir, name)
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		t.Skipf("%s is missing: install Debian's unicode-data package (scripts/deps.sh does)", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// fileVersion returns "15.0.0" from a first line like "# BidiTest-15.0.0.txt".
func fileVersion(line string) string {
	_, v, _ := strings.Cut(strings.TrimSuffix(line, ".txt"), "-")
	return v
}

// failures collects the failed cases of a conformance file, printing the first few.
type failures struct {
	t     *testing.T
	count int
}

func (f *failures) add(format string, args ...any) {
	f.count++
	if f.count <= 20 {
		f.t.Errorf(format, args...)
	}
}

// representative holds a code point of each class, for the lines of BidiTest.txt (none of them
// a paired bracket, as that file assumes).
var representative = [numClasses]rune{
	L: 'a', R: 'א', AL: 'ا', EN: '1', ES: '+', ET: '%', AN: '١', CS: ',', NSM: '\u064E', BN: '\u200B',
	B: '\u2029', S: '\t', WS: ' ', ON: '!', LRE: '\u202A', LRO: '\u202D', RLE: '\u202B', RLO: '\u202E',
	PDF: '\u202C', LRI: '\u2066', RLI: '\u2067', FSI: '\u2068', PDI: '\u2069',
}

func TestRepresentatives(t *testing.T) {
	for c, r := range representative {
		if got := ClassOf(r); got != Class(c) {
			t.Errorf("ClassOf(%U) = %v, want %v", r, got, Class(c))
		}
		if _, ok := lookupBracket(r); ok {
			t.Errorf("%U is a paired bracket", r)
		}
	}
}

// checkResult compares the resolved paragraph p of text with the expected levels ("x" for a
// removed character) and visual order, and returns what differs.
func checkResult(p *Paragraph, n int, levels []string, order []int) string {
	if len(levels) != n {
		return fmt.Sprintf("%d levels for %d code points in the file", len(levels), n)
	}
	got := p.LineLevels(0, n)
	gotLevels := make([]string, n)
	for i := range got {
		gotLevels[i] = strconv.Itoa(int(got[i]))
		if p.Removed(i) {
			gotLevels[i] = "x"
		}
	}
	if !slices.Equal(gotLevels, levels) {
		return fmt.Sprintf("levels %v, want %v", gotLevels, levels)
	}
	if gotOrder := p.VisualOrder(0, n); !slices.Equal(gotOrder, order) {
		return fmt.Sprintf("order %v, want %v", gotOrder, order)
	}
	return ""
}

func parseInts(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Fields(s) {
		v, err := strconv.Atoi(f)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// TestBidiTest runs every case of BidiTest.txt: each line of classes once per paragraph
// direction of its bitset (auto, LTR, RTL).
func TestBidiTest(t *testing.T) {
	sc := bufio.NewScanner(openUCD(t, "BidiTest.txt"))
	fail := failures{t: t}
	var levels []string
	var order []int
	lines, cases := 0, 0
	byName := map[string]Class{}
	for c := range numClasses {
		byName[c.String()] = c
	}
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if n == 1 {
			t.Logf("BidiTest.txt version %s, tables %s", fileVersion(line), UnicodeVersion)
		}
		var err error
		switch {
		case line == "" || line[0] == '#':
			continue
		case strings.HasPrefix(line, "@Levels:"):
			levels = strings.Fields(strings.TrimPrefix(line, "@Levels:"))
			continue
		case strings.HasPrefix(line, "@Reorder:"):
			order, err = parseInts(strings.TrimPrefix(line, "@Reorder:"))
		case line[0] == '@':
			continue
		}
		if err != nil {
			t.Fatalf("BidiTest.txt:%d: %v", n, err)
		}
		if strings.HasPrefix(line, "@") {
			continue
		}
		input, bits, ok := strings.Cut(line, ";")
		set, err := strconv.ParseUint(strings.TrimSpace(bits), 16, 8)
		if !ok || err != nil {
			t.Fatalf("BidiTest.txt:%d: bad data line %q", n, line)
		}
		var text []rune
		for _, name := range strings.Fields(input) {
			c, ok := byName[name]
			if !ok {
				t.Fatalf("BidiTest.txt:%d: unknown class %q", n, name)
			}
			text = append(text, representative[c])
		}
		lines++
		for bit, dir := range []Direction{Auto, LeftToRight, RightToLeft} {
			if set&(1<<bit) == 0 {
				continue
			}
			cases++
			if msg := checkResult(Resolve(text, dir), len(text), levels, order); msg != "" {
				fail.add("BidiTest.txt:%d: %s with direction %d: %s", n, input, dir, msg)
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	t.Logf("BidiTest.txt: %d cases (%d lines), %d failed", cases, lines, fail.count)
	if cases == 0 {
		t.Fatal("no case read from BidiTest.txt")
	}
}

// TestBidiCharacterTest runs every line of BidiCharacterTest.txt.
func TestBidiCharacterTest(t *testing.T) {
	sc := bufio.NewScanner(openUCD(t, "BidiCharacterTest.txt"))
	fail := failures{t: t}
	cases := 0
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if n == 1 {
			t.Logf("BidiCharacterTest.txt version %s, tables %s", fileVersion(line), UnicodeVersion)
		}
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, ";")
		if len(f) != 5 {
			t.Fatalf("BidiCharacterTest.txt:%d: %d fields, want 5", n, len(f))
		}
		var text []rune
		for _, h := range strings.Fields(f[0]) {
			v, err := strconv.ParseUint(h, 16, 32)
			if err != nil {
				t.Fatalf("BidiCharacterTest.txt:%d: %v", n, err)
			}
			text = append(text, rune(v))
		}
		dir, err1 := strconv.Atoi(f[1])
		base, err2 := strconv.Atoi(f[2])
		order, err3 := parseInts(f[4])
		if err := cmpErr(err1, err2, err3); err != nil || dir < 0 || dir > 2 {
			t.Fatalf("BidiCharacterTest.txt:%d: bad line %q", n, line)
		}
		cases++
		p := Resolve(text, []Direction{LeftToRight, RightToLeft, Auto}[dir])
		msg := checkResult(p, len(text), strings.Fields(f[3]), order)
		if int(p.BaseLevel()) != base {
			msg = fmt.Sprintf("paragraph level %d, want %d; %s", p.BaseLevel(), base, msg)
		}
		if msg != "" {
			fail.add("BidiCharacterTest.txt:%d: %s direction %d: %s", n, f[0], dir, msg)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	t.Logf("BidiCharacterTest.txt: %d cases, %d failed", cases, fail.count)
	if cases == 0 {
		t.Fatal("no case read from BidiCharacterTest.txt")
	}
}

func cmpErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
