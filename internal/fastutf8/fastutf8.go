// Package fastutf8 checks UTF-8 eight bytes at a time. Arabic text is two-byte sequences
// broken by ASCII spaces and punctuation, where unicode/utf8 decodes code point by code point
// and mispredicts a branch at every word; here a word of eight bytes holding only ASCII and
// two-byte sequences is checked with a few bit operations, and anything else (three- and
// four-byte sequences) falls back to unicode/utf8 for one code point.
package fastutf8

import (
	"unicode/utf8"
	"unsafe"
)

const (
	ones = 0x0101010101010101 // 0x01 in every byte
	high = 0x8080808080808080 // the top bit of every byte
)

// Valid reports whether b is valid UTF-8, exactly as utf8.Valid does.
func Valid(b []byte) bool {
	if len(b) == 0 {
		return true
	}
	return ValidString(unsafe.String(&b[0], len(b))) // read only, never kept
}

// ValidString reports whether s is valid UTF-8, exactly as utf8.ValidString does.
func ValidString(s string) bool {
	i := 0
	for i < len(s) {
		var carry uint64 // the top bit of byte 0 set: the last word ended in a lead byte
		for i+8 <= len(s) {
			x := load(s, i)
			b7 := x & high        // 1xxxxxxx
			b6 := (x << 1) & high // x1xxxxxx, moved to the top bit
			b5 := (x << 2) & high // xx1xxxxx, moved to the top bit
			if b7&b6&b5 != 0 {
				break // a byte of 0xE0 or above: three- or four-byte sequences, or invalid
			}
			// C0 and C1 would start overlong sequences: no byte may be 1100000x.
			y := (x &^ ones) ^ (0xC0 * ones)
			if (y-ones)&^y&high != 0 {
				return false
			}
			lead := b7 & b6 &^ b5 // 110xxxxx
			cont := b7 &^ b6      // 10xxxxxx
			// Each continuation byte follows a lead byte and each lead byte is followed by one.
			if cont != lead<<8|carry {
				return false
			}
			carry = lead >> 56
			i += 8
		}
		if carry != 0 {
			i-- // the word ended in a lead byte: check it with what follows
		}
		if i == len(s) {
			break
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return false
		}
		i += size
	}
	return true
}

// load returns the eight bytes of s at i as a little-endian word (the compiler makes it one load).
func load(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}
