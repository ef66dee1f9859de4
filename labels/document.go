package labels

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"iter"
	"slices"
)

// Document is one article of a corpus. Its Text is kept exactly as imported and never changes.
type Document struct {
	ID         string          // UUID, assigned by the store
	ExternalID string          // the id the corpus gave it, if any
	SourceFile string          // the file it was imported from
	Title      string          // a short title (the first line of a plain-text article)
	Text       string          // the text, verbatim
	Metadata   json.RawMessage // a JSON object, or nil
	Hash       string          // TextHash(Text), for de-duplication
	Order      int64           // import order, 1-based, assigned by the store
	// Tokens holds the document's own tokens when it came with them (CoNLL, spaCy).
	// Nil, with Packed nil too, means tokens are derived from Text by arabic.Tokenize.
	Tokens []Offsets
	// Packed holds the document's own tokens instead of Tokens, in the compact form the
	// project keeps them in: what a reader of a large corpus and an export pass on, a
	// document of millions of tokens being too large as Offsets. A document has its own
	// tokens in one of the two, or none. HasOwnTokens and OwnTokens read either.
	Packed PackedTokens
}

// HasOwnTokens reports whether the document came with its own tokens (Tokens or Packed).
func (d *Document) HasOwnTokens() bool { return d.Tokens != nil || d.Packed != nil }

// OwnTokens returns the document's own tokens one at a time, from Tokens or Packed; none when
// it has none.
func (d *Document) OwnTokens() iter.Seq[Offsets] {
	if d.Tokens != nil || d.Packed == nil {
		return slices.Values(d.Tokens)
	}
	return d.Packed.All()
}

// Offsets is a half-open code point range [Start, End) into a document's text.
type Offsets struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// TextHash returns the hex SHA-256 of text, the key that de-duplicates documents. The text
// goes through a small buffer, not a copy of it whole: a document can be tens of megabytes.
func TextHash(text string) string {
	h := sha256.New()
	var buf [32 << 10]byte
	for len(text) > 0 {
		n := copy(buf[:], text)
		h.Write(buf[:n])
		text = text[n:]
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Summary is what a document list shows of a document without loading its text.
type Summary struct {
	ID         string
	ExternalID string
	Title      string
	Order      int64
	Status     Status // for the annotator the list was asked for; StatusTodo when none
	Runes      int    // length of the text in code points
}
