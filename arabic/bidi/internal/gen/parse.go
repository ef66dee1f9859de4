package main

import (
	"bufio"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
)

// unicodeData is what gen needs of UnicodeData.txt.
type unicodeData struct {
	class []uint8       // class index per code point; 0xFF where unassigned
	canon map[rune]rune // singleton canonical decompositions (U+2329 → U+3008)
}

// classIndex maps the short and long Bidi_Class names to their index in classNames.
var classIndex = func() map[string]uint8 {
	long := []string{
		"Left_To_Right", "Right_To_Left", "Arabic_Letter", "European_Number", "European_Separator",
		"European_Terminator", "Arabic_Number", "Common_Separator", "Nonspacing_Mark", "Boundary_Neutral",
		"Paragraph_Separator", "Segment_Separator", "White_Space", "Other_Neutral",
		"Left_To_Right_Embedding", "Left_To_Right_Override", "Right_To_Left_Embedding",
		"Right_To_Left_Override", "Pop_Directional_Format", "Left_To_Right_Isolate",
		"Right_To_Left_Isolate", "First_Strong_Isolate", "Pop_Directional_Isolate",
	}
	m := map[string]uint8{}
	for i, s := range classNames {
		m[s] = uint8(i)
		m[long[i]] = uint8(i)
	}
	return m
}()

// eachLine calls fn with the fields of every data line of a UCD file (comments cut, fields
// split at ';' and trimmed), and with the comment lines as a single field starting with '#'.
func eachLine(path string, fn func(lineNo int, fields []string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			if err := fn(n, []string{line}); err != nil {
				return fmt.Errorf("%s:%d: %w", path, n, err)
			}
			continue
		}
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		fields := strings.Split(line, ";")
		for i := range fields {
			fields[i] = strings.TrimSpace(fields[i])
		}
		if err := fn(n, fields); err != nil {
			return fmt.Errorf("%s:%d: %w", path, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	return nil
}

func parseRune(s string) (rune, error) {
	v, err := strconv.ParseUint(s, 16, 32)
	if err != nil || v > maxRune {
		return 0, fmt.Errorf("bad code point %q", s)
	}
	return rune(v), nil
}

// parseRange parses "0590" or "0590..05FF".
func parseRange(s string) (lo, hi rune, err error) {
	a, b, isRange := strings.Cut(s, "..")
	if lo, err = parseRune(a); err != nil {
		return 0, 0, err
	}
	if !isRange {
		return lo, lo, nil
	}
	if hi, err = parseRune(b); err != nil {
		return 0, 0, err
	}
	return lo, hi, nil
}

func parseClass(s string) (uint8, error) {
	c, ok := classIndex[s]
	if !ok {
		return 0, fmt.Errorf("unknown bidi class %q", s)
	}
	return c, nil
}

// versionOf returns "15.0.0" from a first line like "# BidiBrackets-15.0.0.txt".
func versionOf(line, name string) (string, bool) {
	rest, ok := strings.CutPrefix(line, "# "+name+"-")
	if !ok {
		return "", false
	}
	return strings.TrimSuffix(rest, ".txt"), true
}

func readUnicodeData(path string) (*unicodeData, error) {
	ud := &unicodeData{class: make([]uint8, maxRune+1), canon: map[rune]rune{}}
	for i := range ud.class {
		ud.class[i] = 0xFF
	}
	first := rune(-1)
	err := eachLine(path, func(_ int, f []string) error {
		if len(f) < 6 {
			return nil
		}
		r, err := parseRune(f[0])
		if err != nil {
			return err
		}
		c, err := parseClass(f[4])
		if err != nil {
			return err
		}
		switch {
		case strings.HasSuffix(f[1], ", First>"):
			first = r
			return nil
		case strings.HasSuffix(f[1], ", Last>"):
			if first < 0 {
				return fmt.Errorf("range end %s without a start", f[0])
			}
			for x := first; x <= r; x++ {
				ud.class[x] = c
			}
			first = -1
			return nil
		}
		ud.class[r] = c
		if d := f[5]; d != "" && !strings.HasPrefix(d, "<") && !strings.Contains(d, " ") {
			if ud.canon[r], err = parseRune(d); err != nil {
				return err
			}
		}
		return nil
	})
	return ud, err
}

// readDerived reads extracted/DerivedBidiClass.txt, its @missing lines included.
func readDerived(path string) ([]uint8, string, error) {
	classes := make([]uint8, maxRune+1)
	version := ""
	err := eachLine(path, func(n int, f []string) error {
		if len(f) == 1 && strings.HasPrefix(f[0], "#") {
			if v, ok := versionOf(f[0], "DerivedBidiClass"); ok && n == 1 {
				version = v
			}
			spec, ok := strings.CutPrefix(f[0], "# @missing:")
			if !ok {
				return nil
			}
			rng, name, _ := strings.Cut(spec, ";")
			return setRange(classes, strings.TrimSpace(rng), strings.TrimSpace(name))
		}
		if len(f) < 2 {
			return fmt.Errorf("want 2 fields, got %d", len(f))
		}
		return setRange(classes, f[0], f[1])
	})
	if err == nil && version == "" {
		err = fmt.Errorf("%s: no version on the first line", path)
	}
	return classes, version, err
}

func setRange(classes []uint8, rng, name string) error {
	lo, hi, err := parseRange(rng)
	if err != nil {
		return err
	}
	c, err := parseClass(name)
	if err != nil {
		return err
	}
	for r := lo; r <= hi; r++ {
		classes[r] = c
	}
	return nil
}

// bracketEntry is one line of BidiBrackets.txt with canonical equivalents applied.
type bracketEntry struct {
	r, canon, pairCanon rune
	open                bool
}

func readBrackets(path string, canon map[rune]rune) ([]bracketEntry, string, error) {
	var out []bracketEntry
	version := ""
	norm := func(r rune) rune {
		for {
			d, ok := canon[r]
			if !ok {
				return r
			}
			r = d
		}
	}
	err := eachLine(path, func(n int, f []string) error {
		if len(f) == 1 {
			if v, ok := versionOf(f[0], "BidiBrackets"); ok && n == 1 {
				version = v
			}
			return nil
		}
		if len(f) < 3 {
			return fmt.Errorf("want 3 fields, got %d", len(f))
		}
		r, err := parseRune(f[0])
		if err != nil {
			return err
		}
		pair, err := parseRune(f[1])
		if err != nil {
			return err
		}
		if f[2] != "o" && f[2] != "c" {
			return fmt.Errorf("bracket type %q, want o or c", f[2])
		}
		out = append(out, bracketEntry{r: r, canon: norm(r), pairCanon: norm(pair), open: f[2] == "o"})
		return nil
	})
	if err == nil && version == "" {
		err = fmt.Errorf("%s: no version on the first line", path)
	}
	slices.SortFunc(out, func(a, b bracketEntry) int { return int(a.r - b.r) })
	return out, version, err
}

func readMirrors(path string) ([][2]rune, error) {
	var out [][2]rune
	err := eachLine(path, func(_ int, f []string) error {
		if len(f) < 2 {
			return nil
		}
		a, err := parseRune(f[0])
		if err != nil {
			return err
		}
		b, err := parseRune(f[1])
		if err != nil {
			return err
		}
		out = append(out, [2]rune{a, b})
		return nil
	})
	slices.SortFunc(out, func(a, b [2]rune) int { return int(a[0] - b[0]) })
	return out, err
}
