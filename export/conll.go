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
	cur      cursor
	split    bool
	docStart bool
	flat     bool
	level    Level
	leftOut  func(int)
}

// NewCoNLL returns a writer of CoNLL in ANERcorp's shape, a "TOKEN TAG" line per token, and
// in Wojood's when entity spans nest: "TOKEN TAG [TAG ...]", a tag per level of nesting, the
// outermost first ("فلسطين I-ORG B-GPE"), as many as the token needs (a token inside no span
// has "O" alone). Fields are separated by one space; tags are IOB2; a blank line follows each
// sentence, so that sentences and documents are separated by one blank line. Lines end in LF,
// with no trailing space. With opt.DocStart each document begins with a "-DOCSTART- O" line
// and a blank line.
//
// The spans of a record are put in tag columns as layers says: each span in the first column
// where it overlaps no span, so that a span nested in another is in a column after it (and
// crossing spans, which a schema with nesting "overlap" allows, are written too). With
// opt.Flat it writes one tag column: the spans of opt.Level, leaving the others out (see
// Options.LeftOut).
//
// Sentences and tokens are those of NewHF (a sentence ends at a line break between two
// tokens, never inside a span; the document's own tokens, else arabic.Tokenize's). A document
// imported from CoNLL (tokens joined by single spaces, sentences by "\n", its own tokens kept)
// therefore comes back line for line, its tags too when the file gave each span the column of
// its level of nesting. A token holding white space, or a label holding white space, cannot be
// written and is an error.
func NewCoNLL(w io.Writer, opt Options) Writer {
	return &conllWriter{base: newBase(w), split: opt.SplitClitics, docStart: opt.DocStart,
		flat: opt.Flat, level: opt.Level, leftOut: opt.LeftOut}
}

// Write writes the record's sentences.
func (c *conllWriter) Write(rec labels.Annotated) error {
	if err := c.build(&rec); err != nil {
		return recordError(&rec, err)
	}
	err := c.commit(c.write())
	if err == nil && c.tok.left > 0 && c.leftOut != nil {
		c.leftOut(c.tok.left)
	}
	return err
}

// build checks rec and how it meets its tokens.
func (c *conllWriter) build(rec *labels.Annotated) error {
	if err := c.check(rec); err != nil {
		return err
	}
	o := tokenOptions{format: "conll", split: c.split, dropSpace: true, noSpace: true, tags: true, flat: c.flat, level: c.level}
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
	c.cur.reset(&c.tok)
	c.tok.each(func(k int, tk tok) {
		if k > 0 && c.tok.sentenceBreak(prev, tk, k, &c.cur) {
			b = append(b, '\n')
		}
		b = append(b, c.tok.text[tk.from:tk.to]...)
		b = c.spill(append(c.tok.appendTags(append(b, ' '), k, &c.cur, appendRaw), '\n'))
		prev = tk
	})
	if c.tok.count > 0 {
		b = append(b, '\n')
	}
	return b
}

// appendRaw appends s as it is.
func appendRaw(dst []byte, s string) []byte { return append(dst, s...) }
