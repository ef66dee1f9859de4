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
	starts   []int
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
	return c.commit()
}

// build checks and tokenizes rec and appends its lines to c.buf.
func (c *conllWriter) build(rec *labels.Annotated) error {
	if err := c.check(rec); err != nil {
		return err
	}
	o := tokenOptions{format: "conll", split: c.split, dropSpace: true, columns: 1}
	if err := c.tok.build(rec, &c.text, o); err != nil {
		return err
	}
	if err := c.writable(); err != nil {
		return err
	}
	b := c.buf[:0]
	if c.docStart {
		b = append(b, "-DOCSTART- O\n\n"...)
	}
	c.starts = c.tok.sentences(&c.text, c.starts)
	for n, from := range c.starts {
		to := sentenceEnd(c.starts, n, len(c.tok.toks))
		for k := from; k < to; k++ {
			b = append(b, c.tok.toks[k].text...)
			b = append(c.tok.appendTag(append(b, ' '), k, appendRaw), '\n')
		}
		b = append(b, '\n')
	}
	c.buf = b
	return nil
}

// writable reports a token or a label that a CoNLL line cannot hold.
func (c *conllWriter) writable() error {
	for _, tk := range c.tok.toks {
		if c.tok.own && hasSpace(tk.text) {
			return fmt.Errorf("%w: token [%d,%d) %q holds white space, which a CoNLL line cannot", ErrBadToken, tk.start, tk.end, tk.text)
		}
	}
	for _, sp := range c.tok.spans {
		if hasSpace(sp.Label) {
			return fmt.Errorf("span [%d,%d): %w: %q holds white space", sp.Start, sp.End, labels.ErrUnknownLabel, sp.Label)
		}
	}
	return nil
}

// appendRaw appends s as it is.
func appendRaw(dst []byte, s string) []byte { return append(dst, s...) }
