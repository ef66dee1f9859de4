// Package fastutf8 checks UTF-8 eight bytes at a time. Arabic text is two-byte sequences
// broken by ASCII spaces and punctuation, where unicode/utf8 decodes code point by code point
// and mispredicts a branch at every word; here a word of eight bytes holding only ASCII and
// two-byte sequences is checked with a few bit operations, and anything else (three- and
// four-byte sequences) falls back to unicode/utf8 for one code point. The word helpers it
// uses (Word, ZeroBytes, Starts) serve the other code that reads text a word at a time: the
// JSON escaping of the export and the code point walk of labels.TextIndex.
package fastutf8

import (
	"math/bits"
	"unicode/utf8"
	"unsafe"
)

// Words of eight bytes, for code here and in other packages that read text a word at a time.
const (
	Ones = 0x0101010101010101 // 0x01 in every byte
	High = 0x8080808080808080 // the top bit of every byte
)

// Word returns the eight bytes of s at i as a little-endian word (the compiler makes it one load).
func Word(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// ZeroBytes sets the top bit of a byte of its result when x has a zero byte: the result is
// not 0 exactly when a byte of x is 0 (which bytes above the first zero are marked may be wrong).
func ZeroBytes(x uint64) uint64 { return (x - Ones) &^ x & High }

// Starts returns how many bytes of the word x start a code point (are not continuation bytes,
// 10xxxxxx): in valid UTF-8, how many code points begin in those eight bytes.
func Starts(x uint64) int { return 8 - bits.OnesCount64(x&High&^(x<<1)) }

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
			x := Word(s, i)
			b7 := x & High        // 1xxxxxxx
			b6 := (x << 1) & High // x1xxxxxx, moved to the top bit
			b5 := (x << 2) & High // xx1xxxxx, moved to the top bit
			if b7&b6&b5 != 0 {
				break // a byte of 0xE0 or above: three- or four-byte sequences, or invalid
			}
			// C0 and C1 would start overlong sequences: no byte may be 1100000x.
			if ZeroBytes((x&^Ones)^(0xC0*Ones)) != 0 {
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
