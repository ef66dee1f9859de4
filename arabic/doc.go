// Package arabic holds Tawsim's pure text functions for Arabic news text: the tokenizer
// (Tokenize), the character classes it is built on, the search normalization (Normalize) and
// the proclitic split points (ProcliticSplits).
//
// Every offset this package returns is a Unicode code point index, half-open, counted the way
// a Go `for range` loop counts: each invalid UTF-8 byte is one code point (U+FFFD). That is
// the same count as utf8.RuneCountInString and as labels.Slice, so token offsets can be used
// as span offsets directly.
//
// The package imports neither Fyne nor database/sql, nor anything else of the module.
package arabic
