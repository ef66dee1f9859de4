package corpus

import (
	"encoding/binary"
	stdjson "encoding/json"
	"slices"
	"strings"

	"github.com/tawsim/tawsim/labels"
)

// A record's own tokens come in JSON as lists of millions of small values: decoded into
// slices of structs and pointers they took about a hundred bytes a token, six times the
// text. The lists below are read straight into packed tokens (labels.PackedTokens, two bytes
// a token) when they have the usual shape; anything else is decoded as before, by the
// standard library, so that a list that is wrong is reported as it always was.

// nativeTokenList is the "tokens" of a native record: [[start, end], ...] or null.
type nativeTokenList struct {
	present bool
	packed  labels.PackedTokens // the tokens, when read straight
	slow    [][]*int            // the tokens otherwise
}

// UnmarshalJSON reads the list.
func (l *nativeTokenList) UnmarshalJSON(b []byte) error {
	*l = nativeTokenList{}
	s := scanner{b: b}
	if s.literal("null") && s.end() {
		return nil
	}
	l.present = true
	if p, ok := scanPairs(scanner{b: b}); ok {
		l.packed = p
		return nil
	}
	return stdjson.Unmarshal(b, &l.slow)
}

// scanPairs reads [[start, end], ...] of tokens non-empty and in order, packed, or false.
func scanPairs(s scanner) (labels.PackedTokens, bool) {
	var tp labels.TokenPacker
	ok := s.list(func() bool {
		if !s.char('[') {
			return false
		}
		start, ok := s.int()
		if !ok || !s.char(',') {
			return false
		}
		end, ok := s.int()
		if !ok || !s.char(']') || start < 0 {
			return false
		}
		tp.Add(start, end)
		return true
	})
	p, err := tp.Packed()
	return p, ok && err == nil && s.end()
}

// spacyTokenList is the "tokens" of a spaCy or Prodigy record: [{"text","start","end","id",
// "ws"}, ...], other keys skipped. A token's text is not copied: it is found again in the
// list's JSON (raw, which the record's line holds anyway) when the tokens are checked.
type spacyTokenList struct {
	packed  labels.PackedTokens // the tokens, when read straight
	raw     []byte              // the list's JSON
	texts   []byte              // for each token, where its text is in raw (see scanText)
	escaped []byte              // the texts that hold escapes, unescaped, one after the other
	slow    []spacyToken        // the tokens otherwise
	n       int
}

// UnmarshalJSON reads the list.
func (l *spacyTokenList) UnmarshalJSON(b []byte) error {
	*l = spacyTokenList{}
	s := scanner{b: b}
	if s.literal("null") && s.end() {
		return nil
	}
	if l.scan(scanner{b: b}) {
		return nil
	}
	*l = spacyTokenList{}
	err := stdjson.Unmarshal(b, &l.slow)
	l.n = len(l.slow)
	return err
}

// spacyTokenKeys are the keys of a spaCy token that spacyTokenList reads.
var spacyTokenKeys = []string{"start", "end", "id", "text"}

// scan reads the usual shape: tokens in order, each with its start and end, its id when
// given the token's index.
func (l *spacyTokenList) scan(s scanner) bool {
	var tp labels.TokenPacker
	at := 0 // where the text noted last ends in s.b
	ok := s.list(func() bool {
		start, end, id, text := -1, -1, l.n, -1
		var seen [4]bool
		mark := len(l.texts)
		ok := s.object(func(key []byte) bool {
			k := slices.IndexFunc(spacyTokenKeys, func(w string) bool { return strings.EqualFold(w, string(key)) })
			if k < 0 {
				return s.skip()
			}
			if seen[k] || string(key) != spacyTokenKeys[k] {
				return false // the decoder takes the last of a key and matches keys in any case
			}
			seen[k] = true
			var ok bool
			switch k {
			case 0:
				start, ok = s.int()
			case 1:
				end, ok = s.int()
			case 2:
				id, ok = s.int()
			case 3:
				ok = l.scanText(&s, &at)
				text = 0
			}
			return ok
		})
		if !ok || start < 0 || end < 0 || id != l.n {
			return false
		}
		if text < 0 {
			l.texts = append(l.texts[:mark], 0) // no text
		}
		tp.Add(start, end)
		l.n++
		return true
	})
	p, err := tp.Packed()
	l.packed, l.raw = p, s.b
	return ok && err == nil && s.end()
}

// scanText reads the string value of a token's "text" and notes in l.texts where it is: a
// varint for the bytes between the end of the text noted before (*at) and its start, plus
// 2, then its length; or 1 when it holds escapes, its length, and the text unescaped in
// l.escaped. (0 is a token without a text.)
func (l *spacyTokenList) scanText(s *scanner, at *int) bool {
	s.space()
	from := s.i
	n, escapes, ok := stringEnd(s.b[from:])
	if !ok {
		return false
	}
	s.i += n
	if escapes {
		size := len(l.escaped)
		if l.escaped, _, ok = appendString(l.escaped, s.b[from:]); !ok {
			return false
		}
		l.texts = binary.AppendUvarint(append(l.texts, 1), uint64(len(l.escaped)-size))
		return true
	}
	l.texts = binary.AppendUvarint(l.texts, uint64(from+1-*at)+2)
	l.texts = binary.AppendUvarint(l.texts, uint64(n-2))
	*at = from + n - 1
	return true
}

// each calls fn with each token read straight, its index and its text (nil for none), until
// fn returns an error.
func (l *spacyTokenList) each(fn func(i int, t labels.Offsets, text []byte) error) error {
	i, at, texts, escaped := 0, 0, l.texts, l.escaped
	for t := range l.packed.All() {
		var text []byte
		kind, k := binary.Uvarint(texts)
		texts = texts[k:]
		switch {
		case kind == 1:
			size, k := binary.Uvarint(texts)
			texts = texts[k:]
			text, escaped = escaped[:size:size], escaped[size:]
		case kind > 1:
			size, k := binary.Uvarint(texts)
			texts = texts[k:]
			from := at + int(kind) - 2
			text, at = l.raw[from:from+int(size)], from+int(size)
		}
		if err := fn(i, t, text); err != nil {
			return err
		}
		i++
	}
	return nil
}
