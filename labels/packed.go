package labels

import (
	"encoding/binary"
	"errors"
	"fmt"
	"iter"
)

// PackedTokens is a document's own tokens in the compact form the project file keeps them
// in: for each token, in text order, the code points between the end of the token before
// (the start of the text, for the first) and its start, then its length less one, each an
// unsigned varint (encoding/binary's). A token of an Arabic text takes two bytes, where a
// slice of Offsets takes sixteen and their JSON about thirty: a CoNLL document of 50 MB has
// six million tokens. The form holds only tokens that are non-empty, in order and apart; a
// nil PackedTokens holds none, and an empty non-nil one the empty list.
type PackedTokens []byte

// ErrBadPacked is wrapped by the error about PackedTokens that do not read as the form says
// (a varint cut short or too large) or that pass the end of their text.
var ErrBadPacked = errors.New("malformed packed tokens")

// PackTokens packs toks, which must be non-empty ranges, in order and apart, starting at 0 or
// after: the error names the first that is not. Nil packs as nil.
func PackTokens(toks []Offsets) (PackedTokens, error) {
	if toks == nil {
		return nil, nil
	}
	p := TokenPacker{buf: make(PackedTokens, 0, 2*len(toks))}
	for _, t := range toks {
		p.Add(t.Start, t.End)
	}
	return p.Packed()
}

// Len returns the number of tokens, not checking the form.
func (p PackedTokens) Len() int {
	n := 0
	for _, c := range p {
		if c < 0x80 { // the last byte of a varint
			n++
		}
	}
	return n / 2
}

// Check verifies that p reads as the form says and that every token lies inside a text of n
// code points. A token that does not is an error wrapping ErrBadPacked that names it.
func (p PackedTokens) Check(n int) error {
	end, i := 0, 0
	for rest := p; len(rest) > 0; i++ {
		t, r, ok := next(rest, end, n)
		if !ok {
			return fmt.Errorf("%w: token %d at byte %d passes the end of the text of %d code points, or is cut short",
				ErrBadPacked, i+1, len(p)-len(rest), n)
		}
		end, rest = t.End, r
	}
	return nil
}

// All returns the tokens one at a time, in order. Packed tokens that Check refuses end at
// the first token it refuses.
func (p PackedTokens) All() iter.Seq[Offsets] {
	return func(yield func(Offsets) bool) {
		end := 0
		for rest := p; len(rest) > 0; {
			t, r, ok := next(rest, end, maxOffset)
			if !ok || !yield(t) {
				return
			}
			end, rest = t.End, r
		}
	}
}

// Unpack returns the tokens as Offsets (nil for nil), or an error as Check's (against a text
// of n code points).
func (p PackedTokens) Unpack(n int) ([]Offsets, error) {
	if p == nil {
		return nil, nil
	}
	if err := p.Check(n); err != nil {
		return nil, err
	}
	toks := make([]Offsets, 0, p.Len())
	for t := range p.All() {
		toks = append(toks, t)
	}
	return toks, nil
}

// maxOffset bounds the offsets All reads: no text has more code points.
const maxOffset = 1<<62 - 1

// next reads the token at the start of p, which follows a token ending at end, inside a
// text of n code points, and returns it and the rest of p.
func next(p PackedTokens, end, n int) (Offsets, PackedTokens, bool) {
	gap, k := uvarint(p)
	if k <= 0 || gap > uint64(n-end) {
		return Offsets{}, nil, false
	}
	start := end + int(gap)
	length, m := uvarint(p[k:])
	if m <= 0 || length >= uint64(n-start) {
		return Offsets{}, nil, false
	}
	return Offsets{Start: start, End: start + int(length) + 1}, p[k+m:], true
}

// uvarint reads the varint at the start of p as binary.Uvarint does, but refuses one written
// in more bytes than it needs, so that a list reads one way only and packs back as it was.
func uvarint(p []byte) (uint64, int) {
	if len(p) > 0 && p[0] < 0x80 {
		return uint64(p[0]), 1
	}
	v, k := binary.Uvarint(p)
	if k > 1 && p[k-1] == 0 {
		return 0, 0
	}
	return v, k
}

// TokenPacker packs tokens one at a time: a reader of a large corpus builds a document's
// PackedTokens as it reads, without a slice of Offsets.
type TokenPacker struct {
	buf   PackedTokens
	end   int   // where the last token ends
	n     int   // tokens added
	err   error // about the first token refused
	errAt int   // which token that was, 1-based
}

// TokenMark is how far a TokenPacker had gone, for Truncate.
type TokenMark struct{ size, end, n int }

// Mark returns how far the packer has gone.
func (p *TokenPacker) Mark() TokenMark { return TokenMark{len(p.buf), p.end, p.n} }

// Truncate drops the tokens added since m was marked: a reader that drops a bad sentence of
// a document drops its tokens so.
func (p *TokenPacker) Truncate(m TokenMark) {
	p.buf, p.end, p.n = p.buf[:m.size], m.end, m.n
	if p.errAt > m.n {
		p.err, p.errAt = nil, 0
	}
}

// Add packs the token [start, end), which must be non-empty and after the one before (or at
// 0 or after, for the first); Packed reports the first token that is not.
func (p *TokenPacker) Add(start, end int) {
	p.n++
	if p.err != nil {
		return
	}
	if start < p.end || end <= start {
		p.err, p.errAt = fmt.Errorf("token %d [%d,%d) is out of order or empty", p.n, start, end), p.n
		return
	}
	if p.buf == nil {
		p.buf = PackedTokens{}
	}
	p.buf = binary.AppendUvarint(p.buf, uint64(start-p.end))
	p.buf = binary.AppendUvarint(p.buf, uint64(end-start-1))
	p.end = end
}

// Size returns the bytes packed so far.
func (p *TokenPacker) Size() int { return len(p.buf) }

// Packed returns the tokens added (an empty list when none was), or the error about the
// first one refused. The packer is empty afterwards, ready for another document.
func (p *TokenPacker) Packed() (PackedTokens, error) {
	buf, err := p.buf, p.err
	if buf == nil {
		buf = PackedTokens{}
	}
	*p = TokenPacker{}
	if err != nil {
		return nil, err
	}
	return buf, nil
}
