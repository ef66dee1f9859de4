package bidi

import "fmt"

//go:generate go run ./internal/gen -ucd /usr/share/unicode -o tables_gen.go

// Class is a Bidi_Class property value (UAX #9, table 4).
type Class uint8

// The bidi classes, by their short names in UAX #9.
const (
	L   Class = iota // Left-to-right: Latin letters, most scripts
	R                // Right-to-left: Hebrew letters
	AL               // Arabic letter: Arabic, Syriac, Thaana letters
	EN               // European number: ASCII digits, superscripts
	ES               // European separator: + and -
	ET               // European terminator: # $ % ° currency signs
	AN               // Arabic number: Arabic-Indic digits, the Arabic decimal and thousands separators
	CS               // Common separator: , . / : and no-break space
	NSM              // Nonspacing mark: harakat and other combining marks
	BN               // Boundary neutral: controls, ZWJ, ZWNJ, BOM and other default ignorables
	B                // Paragraph separator: LF, CR, U+2029
	S                // Segment separator: tab
	WS               // White space
	ON               // Other neutral: punctuation, symbols
	LRE              // Left-to-right embedding U+202A
	LRO              // Left-to-right override U+202D
	RLE              // Right-to-left embedding U+202B
	RLO              // Right-to-left override U+202E
	PDF              // Pop directional format U+202C
	LRI              // Left-to-right isolate U+2066
	RLI              // Right-to-left isolate U+2067
	FSI              // First strong isolate U+2068
	PDI              // Pop directional isolate U+2069
	numClasses
)

var classNames = [numClasses]string{
	"L", "R", "AL", "EN", "ES", "ET", "AN", "CS", "NSM", "BN", "B", "S", "WS", "ON",
	"LRE", "LRO", "RLE", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI",
}

// String returns the short name of c, such as "AL".
func (c Class) String() string {
	if c < numClasses {
		return classNames[c]
	}
	return fmt.Sprintf("Class(%d)", uint8(c))
}

// Property bits above the five bits of the class in propBlocks.
const (
	classMask   = 0x1F
	flagBracket = 0x20
	flagMirror  = 0x40
)

// prop returns the property byte of r. A value outside the Unicode range reads as U+FFFD.
func prop(r rune) uint8 {
	if uint32(r) > 0x10FFFF {
		r = 0xFFFD
	}
	return propBlocks[int(propIndex[r>>propShift])<<propShift|int(r)&(1<<propShift-1)]
}

// lowProps holds the properties of the code points below U+0800 (Latin, Greek, Cyrillic,
// Hebrew, Arabic, Syriac, Thaana, N'Ko) in one table, read without the second stage.
var lowProps = func() (t [0x800]uint8) {
	for r := range t {
		t[r] = prop(rune(r))
	}
	return t
}()

// ClassOf returns the Bidi_Class of r. A value outside the Unicode range is treated as
// U+FFFD (ON).
func ClassOf(r rune) Class {
	return Class(prop(r) & classMask)
}

// removedMask holds the classes that rule X9 removes: embeddings, overrides, PDF and BN.
const removedMask = 1<<LRE | 1<<RLE | 1<<LRO | 1<<RLO | 1<<PDF | 1<<BN

// isolateMask holds the isolate formatting characters.
const isolateMask = 1<<LRI | 1<<RLI | 1<<FSI | 1<<PDI

// explicitMask holds every explicit formatting character (X1-X8 have work to do).
const explicitMask = isolateMask | 1<<LRE | 1<<RLE | 1<<LRO | 1<<RLO | 1<<PDF

// removed reports whether rule X9 removes a character of class c.
func (c Class) removed() bool { return removedMask>>c&1 != 0 }

// isolateInitiator reports whether c is LRI, RLI or FSI.
func (c Class) isolateInitiator() bool { return c == LRI || c == RLI || c == FSI }

// Removed reports whether rule X9 removes r from the paragraph: embedding and override
// controls, PDF and class BN (controls, ZWJ, ZWNJ, the BOM, other default ignorables).
// A removed character takes no part in the resolution and is left out of VisualOrder; a
// renderer draws it with no width, or not at all.
func Removed(r rune) bool { return ClassOf(r).removed() }
