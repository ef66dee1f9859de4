package labels

import (
	"iter"

	"github.com/tawsim/tawsim/arabic"
)

// Token is one token of a document: its code point range, and the bytes it takes in the text.
type Token struct {
	Offsets
	From, To int // the token's bytes in the text, [From, To)
}

// EachToken yields the document's tokens in text order: its own (Tokens or Packed, see
// OwnTokens) when it came with them, else those that arabic.Tokens finds in its text. They come one at a time, so that a
// long text is walked without holding its tokens (a text of 50 MB has millions of them). An
// own token that is empty or does not lie within the text is left out; stores and exporters
// refuse such tokens before they walk them.
func (d *Document) EachToken() iter.Seq[Token] {
	text, has, own := d.Text, d.HasOwnTokens(), d.OwnTokens()
	return func(yield func(Token) bool) {
		if !has {
			for b, t := range arabic.Tokens(text) {
				if !yield(Token{Offsets{t.Start, t.End}, b, b + len(t.Text)}) {
					return
				}
			}
			return
		}
		x := NewTextIndex(text)
		for o := range own {
			from, ok1 := x.ByteOffset(o.Start)
			to, ok2 := x.ByteOffset(o.End)
			if !ok1 || !ok2 || o.Start >= o.End {
				continue
			}
			if !yield(Token{o, from, to}) {
				return
			}
		}
	}
}

// TokenOffsets returns the code point ranges of the tokens EachToken yields, in one slice: for
// a widget that shows the document whole.
func (d *Document) TokenOffsets() []Offsets {
	n := len(d.Tokens)
	if !d.HasOwnTokens() {
		n = len(d.Text)/8 + 1 // Arabic news runs about 11 bytes a token
	}
	out := make([]Offsets, 0, n)
	for t := range d.EachToken() {
		out = append(out, t.Offsets)
	}
	return out
}
