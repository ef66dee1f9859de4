package export

import (
	"fmt"
	"io"

	"github.com/tawsim/tawsim/labels"
)

// conllWriter writes CoNLL token/tag lines.
type conllWriter struct {
	base
	tok      tokens
	split    bool
	docStart bool
}

// NewCoNLL returns a writer of two-column CoNLL (ANERcorp's shape): a "TOKEN TAG" line per
// token, one space between them, IOB2 tags, and a blank line after each sentence, so that
// sentences and documents are separated by one blank line. Lines end in LF, with no trailing
// space. With opt.DocStart each document begins with a "-DOCSTART- O" line and a blank line.
//
// Sentences, tokens and tags are those of NewHF (a sentence ends at a line break between two
// tokens; the document's own tokens, else arabic.Tokenize's; nested or crossing entity
// spans an error wrapping ErrOverlap). A document imported from CoNLL (tokens joined by single spaces,
// sentences by "\n", its own tokens kept) therefore comes back line for line. A token holding
// white space, or a label holding white space, cannot be written and is an error.
func NewCoNLL(w io.Writer, opt Options) Writer {
	return &conllWriter{base: newBase(w), split: opt.SplitClitics, docStart: opt.DocStart}
}

// Write writes the record's sentences.
func (c *conllWriter) Write(rec labels.Annotated) error {
	if err := c.build(&rec); err != nil {
		return recordError(&rec, err)
	}
	return c.commit(c.write())
}

// build checks rec and how it meets its tokens.
func (c *conllWriter) build(rec *labels.Annotated) error {
	if err := c.check(rec); err != nil {
		return err
	}
	o := tokenOptions{format: "conll", split: c.split, dropSpace: true, noSpace: true, columns: 1}
	if err := c.tok.build(rec, o); err != nil {
		return err
	}
	for _, sp := range c.tok.spans {
		if hasSpace(sp.Label) {
			return fmt.Errorf("span [%d,%d): %w: %q holds white space", sp.Start, sp.End, labels.ErrUnknownLabel, sp.Label)
		}
	}
	return nil
}

// write makes the record's lines, writing them out as it goes, and returns what remains.
func (c *conllWriter) write() []byte {
	b := c.buf[:0]
	if c.docStart {
		b = append(b, "-DOCSTART- O\n\n"...)
	}
	var prev tok
	at := 0 // the span of the token before (tokens.spanOf)
	c.tok.each(func(k int, tk tok) {
		if k > 0 && c.tok.sentenceBreak(prev, tk, k, &at) {
			b = append(b, '\n')
		}
		b = append(b, c.tok.text[tk.from:tk.to]...)
		b = c.spill(append(c.tok.appendTag(append(b, ' '), k, &at, appendRaw), '\n'))
		prev = tk
	})
	if c.tok.count > 0 {
		b = append(b, '\n')
	}
	return b
}

// appendRaw appends s as it is.
func appendRaw(dst []byte, s string) []byte { return append(dst, s...) }
