package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"iter"
	"path/filepath"
	"strings"
	"unicode"
)

// ErrBadTag is wrapped by the error about a CoNLL tag that is neither O nor B-LABEL or I-LABEL.
var ErrBadTag = errors.New("unknown tag")

// CoNLLReader reads CoNLL/BIO files as ANERcorp and AQMAR come: one "TOKEN TAG" a line, the
// two separated by spaces or tabs, a blank line between sentences, "-DOCSTART-" lines between
// documents; and nested ones as Wojood comes, "TOKEN TAG [TAG ...]", a tag column per level
// of nesting, the outermost first ("فلسطين I-ORG B-GPE": a GPE inside an ORG).
//
// A document's text is its tokens joined by single spaces, its sentences joined by "\n"; its
// Packed tokens are the tokens' offsets in that text, so that a token export gives back exactly the
// tokens read. A document ends at a -DOCSTART- line, at the end of the file, and, when
// Options.SentencesPerDoc is above 0, after that many sentences (ANERcorp has no boundaries at
// all; an AQMAR file is one article). Its ExternalID is the file's name without extension,
// with "#n" added for the nth document when the file holds several; its Title the first words
// of its first sentence.
//
// Tags are IOB: "O", "B-LABEL" or "I-LABEL", LABEL a letter then letters, digits or "_".
// Each tag column is read on its own, as a flat file is: the nth tag of a line continues the
// span of the nth tag of the line before, and a line with fewer tags than the one before has
// "O" in the columns it lacks. Lines may hold any number of tags. "I-X" after "O" or after a
// chunk of another label begins a new span (IOB1, and a common slip of IOB2). Nothing else is
// repaired: a line with a tag of another shape ("OO", "IO", "B-MIS-2", "B-MIS1`", "I--ORG";
// "واحد" in two lines run together) is an ErrBadTag error, and a line with one field (an
// empty token) is an error too. Labels themselves are not judged here: "B-MISS1" is the label
// MISS1, for the importer to check against the schema; nor is how the spans of the columns
// meet (a span of the second column that crosses one of the first): the schema's nesting rule
// is the importer's.
//
// The unit of error is the sentence: a sentence with a bad line (a bad tag or field count,
// bytes that are not UTF-8) is reported, once for each bad line, and left out of its document,
// so that the records read are always consistent and a lenient import keeps the rest of the
// file. A document larger than MaxRecord is reported and dropped. Sentences left out still
// count toward SentencesPerDoc, and dropped documents still take their number, so that
// mending a bad line moves no boundary and renames no document.
type CoNLLReader struct {
	name, base string
	lines      *lineReader
	perDoc     int
	max        int // the largest document text, in bytes

	// The tokens of a sentence go into its document as they are read; a bad line takes the
	// document back to where it was before the sentence (mark), so that a sentence of
	// millions of tokens (a text without line breaks) is not held twice.
	sentLine  int       // the line its first token is on
	sentLines int       // its lines, good and bad
	sentBad   bool      // a line of it was bad
	sentSize  int       // its bytes in the text: each token and the space or line break before it
	mark      conllMark // the document before the sentence
	open      []int     // per tag column, the span the sentence's last token began or continued there, or -1
	doc       conllDoc  // the document being read
	labels    map[string]string

	grow    growth  // of the document being read
	count   int     // documents read, made into records or not
	lined   bool    // a line that is not blank was read
	pending *Record // the file's first document, until it is known whether others follow
	queue   []conllResult
	eof     bool
}

type conllResult struct {
	rec Record
	err error
}

// NewCoNLLReader returns a reader of the CoNLL file in r, named name.
func NewCoNLLReader(name string, r io.Reader, opt Options) *CoNLLReader {
	base := filepath.Base(name)
	c := &CoNLLReader{name: name, base: strings.TrimSuffix(base, filepath.Ext(base)), lines: newLineReader(r), max: MaxRecord}
	c.perDoc = opt.SentencesPerDoc
	if err := CheckOptions("conll", opt); err != nil {
		c.queue = append(c.queue, conllResult{err: &Error{File: name, Err: err}})
		c.eof = true
	}
	return c
}

// Read returns the next document, an *Error for a bad line, or io.EOF.
func (c *CoNLLReader) Read() (Record, error) {
	for len(c.queue) == 0 && !c.eof {
		c.step()
	}
	if len(c.queue) == 0 {
		return Record{}, io.EOF
	}
	r := c.queue[0]
	c.queue[0] = conllResult{} // the queue's array does not keep the document
	c.queue = c.queue[1:]
	return r.rec, r.err
}

// step reads one line.
func (c *CoNLLReader) step() {
	b, err := c.lines.next()
	if errors.Is(err, io.EOF) {
		c.endSentence()
		c.endDoc()
		if !c.lined {
			c.queue = append(c.queue, conllResult{err: &Error{File: c.name, Err: fmt.Errorf("%w: no TOKEN TAG line", ErrEmpty)}})
		}
		if c.pending != nil {
			c.queue = append(c.queue, conllResult{rec: *c.pending})
			c.pending = nil
		}
		c.eof = true
		return
	}
	if err != nil {
		c.lined = true
		c.content()
		c.sentLines++
		c.fail(err)
		if c.lines.dead {
			c.doc.dropped = true
		}
		return
	}
	tok, tags, fields := splitLine(b)
	switch {
	case fields == 0:
		c.endSentence()
		return
	case string(tok) == "-DOCSTART-":
		c.endSentence()
		c.endDoc()
		return
	}
	c.lined = true
	c.content()
	c.sentLines++
	if fields < 2 {
		c.fail(fmt.Errorf("1 field, want TOKEN TAG [TAG ...]: %q", cut(string(b), 60)))
		return
	}
	for tag := range eachField(tags) {
		if !validTag(tag) {
			c.fail(fmt.Errorf("%w %q", ErrBadTag, cut(string(tag), 30)))
			return
		}
	}
	if bytes.IndexFunc(tok, unicode.IsSpace) >= 0 {
		// A token is joined to the next by one space in the text: white space inside it (a
		// stray CR, a no-break space) would make a different token of it when read back.
		c.fail(fmt.Errorf("token %q holds white space", tok))
		return
	}
	if c.sentBad || c.doc.dropped {
		return
	}
	if c.sentSize == 0 {
		c.beginSentence()
	}
	c.sentSize += len(tok) + 1
	if c.mark.text+c.sentSize > c.max {
		c.queue = append(c.queue, conllResult{err: &Error{File: c.name, Line: c.lines.n, Err: fmt.Errorf(
			"%w: the document passes %s here: set a number of sentences per document", ErrTooLong, sizeOf(c.max))}})
		c.doc = conllDoc{dropped: true, seen: c.doc.seen}
		c.sentSize = 0
		return
	}
	c.addToken(tok, tags)
}

// content notes a line of tokens: when the first document is waiting, another one has begun.
func (c *CoNLLReader) content() {
	if c.pending != nil {
		c.pending.Doc.ExternalID = c.base + "#1"
		c.queue = append(c.queue, conllResult{rec: *c.pending})
		c.pending = nil
	}
}

// fail reports a bad line, marks its sentence bad and takes what it added out of the document.
func (c *CoNLLReader) fail(err error) {
	c.queue = append(c.queue, conllResult{err: &Error{File: c.name, Line: c.lines.n, Err: err}})
	c.sentBad = true
	if c.sentSize > 0 && !c.doc.dropped {
		d, m := &c.doc, c.mark
		d.text, d.runes, d.spans, d.bytes = d.text[:m.text], m.runes, d.spans[:m.spans], d.bytes[:m.spans]
		d.tokens.Truncate(m.tokens)
	}
}

// splitLine splits a line at runs of spaces and tabs, and returns its first field, the rest
// of the line after it (the tags, without the white space around them) and how many fields
// the line has.
func splitLine(b []byte) (first, rest []byte, fields int) {
	t := bytes.TrimLeft(b, " \t")
	if len(t) == 0 {
		return nil, nil, 0
	}
	i := bytes.IndexAny(t, " \t")
	if i < 0 {
		i = len(t)
	}
	first, rest = t[:i], bytes.Trim(t[i:], " \t")
	fields = 1
	for range eachField(rest) {
		fields++
	}
	return first, rest, fields
}

// eachField yields the fields of b, separated by runs of spaces and tabs.
func eachField(b []byte) iter.Seq[[]byte] {
	return func(yield func([]byte) bool) {
		for len(b) > 0 {
			i := 0
			for i < len(b) && (b[i] == ' ' || b[i] == '\t') {
				i++
			}
			b = b[i:]
			if len(b) == 0 {
				return
			}
			i = 0
			for i < len(b) && b[i] != ' ' && b[i] != '\t' {
				i++
			}
			if !yield(b[:i]) {
				return
			}
			b = b[i:]
		}
	}
}

// validTag reports whether tag is "O" or "B-LABEL" or "I-LABEL" with LABEL [A-Za-z][A-Za-z0-9_]*.
func validTag(tag []byte) bool {
	if string(tag) == "O" {
		return true
	}
	if len(tag) < 3 || (tag[0] != 'B' && tag[0] != 'I') || tag[1] != '-' {
		return false
	}
	for i := 2; i < len(tag); i++ {
		c := tag[i]
		letter := 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z'
		if !letter && (i == 2 || !('0' <= c && c <= '9' || c == '_')) {
			return false
		}
	}
	return true
}
