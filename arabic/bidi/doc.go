// Package bidi is the Unicode Bidirectional Algorithm (UAX #9) for one paragraph of text:
// the paragraph level (P2, P3), explicit embeddings, overrides and isolates (X1-X10), weak
// types (W1-W7), bracket pairs (N0), neutrals (N1, N2), implicit levels (I1, I2), and, for a
// line, the reset of trailing white space (L1) and the visual order (L2). Mirror gives the
// glyph of a mirrored character at an odd level (L4).
//
// Positions are indices into the []rune given to Resolve: Unicode code points, the offsets
// the rest of Tawsim counts in. The property tables are generated from the Unicode Character
// Database (version UnicodeVersion) by `go generate`; the package passes every case of the
// Unicode conformance files BidiTest.txt and BidiCharacterTest.txt of that version.
//
// The package imports nothing outside the standard library.
package bidi
