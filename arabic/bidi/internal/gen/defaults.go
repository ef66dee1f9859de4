package main

import (
	"fmt"
	"path/filepath"
	"strings"
)

// defaultRanges are the Bidi_Class values of unassigned code points in the blocks that UAX #9
// (section 3.2, and the @missing lines of DerivedBidiClass.txt 15.0) reserves for
// right-to-left scripts and currency symbols. Every other unassigned code point is L, or BN
// when it is a noncharacter or Default_Ignorable_Code_Point.
var defaultRanges = []struct {
	lo, hi rune
	class  string
}{
	{0x0590, 0x05FF, "R"}, {0x0600, 0x07BF, "AL"}, {0x07C0, 0x085F, "R"}, {0x0860, 0x08FF, "AL"},
	{0x20A0, 0x20CF, "ET"}, {0xFB1D, 0xFB4F, "R"}, {0xFB50, 0xFDCF, "AL"}, {0xFDF0, 0xFDFF, "AL"},
	{0xFE70, 0xFEFF, "AL"}, {0x10800, 0x10CFF, "R"}, {0x10D00, 0x10D3F, "AL"}, {0x10D40, 0x10EBF, "R"},
	{0x10EC0, 0x10EFF, "AL"}, {0x10F00, 0x10F2F, "R"}, {0x10F30, 0x10F6F, "AL"}, {0x10F70, 0x10FFF, "R"},
	{0x1E800, 0x1EC6F, "R"}, {0x1EC70, 0x1ECBF, "AL"}, {0x1ECC0, 0x1ECFF, "R"}, {0x1ED00, 0x1ED4F, "AL"},
	{0x1ED50, 0x1EDFF, "R"}, {0x1EE00, 0x1EEFF, "AL"}, {0x1EF00, 0x1EFFF, "R"},
}

// applyDefaults fills classes, one per code point, with the default classes: the ranges
// above, then BN for noncharacters and for the Default_Ignorable_Code_Point ranges of
// DerivedCoreProperties.txt in dir. Assigned code points are overwritten afterwards.
func applyDefaults(classes []uint8, dir string) error {
	for r := range classes {
		classes[r] = classIndex["L"]
	}
	for _, d := range defaultRanges {
		for r := d.lo; r <= d.hi; r++ {
			classes[r] = classIndex[d.class]
		}
	}
	bn := classIndex["BN"]
	for r := rune(0xFDD0); r <= 0xFDEF; r++ {
		classes[r] = bn
	}
	for plane := rune(0); plane <= 0x10; plane++ {
		classes[plane<<16|0xFFFE] = bn
		classes[plane<<16|0xFFFF] = bn
	}
	path := filepath.Join(dir, "DerivedCoreProperties.txt")
	return eachLine(path, func(_ int, f []string) error {
		if len(f) < 2 || f[1] != "Default_Ignorable_Code_Point" {
			return nil
		}
		lo, hi, err := parseRange(f[0])
		if err != nil {
			return fmt.Errorf("%s: %w", strings.Join(f, ";"), err)
		}
		for r := lo; r <= hi; r++ {
			classes[r] = bn
		}
		return nil
	})
}
