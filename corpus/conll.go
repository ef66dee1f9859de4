package corpus

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tawsim/tawsim/labels"
)

// ErrBadTag is wrapped by the error about a CoNLL tag that is neither O nor B-LABEL or I-LABEL.
var ErrBadTag = errors.New("unknown tag")

// CoNLLReader reads CoNLL/BIO files as ANERcorp and AQMAR come: one "TOKEN TAG" a line, the
// two separated by spaces or tabs, a blank line between sentences, "-DOCSTART-" lines between
// documents.
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
// "I-X" after "O" or after a chunk of another label begins a new span (IOB1, and a common
// slip of IOB2). Nothing else is repaired: a line with a tag of another shape ("OO", "IO",
// "B-MIS-2", "B-MIS1`", "I--ORG") is an ErrBadTag error, and a line with one field (an empty
// token) or three and more (two lines run together) is an error too. Labels themselves are
// not judged here: "B-MISS1" is the label MISS1, for the importer to check against the schema.
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

	sent      []conllToken // the sentence being read
	sentLine  int          // the line its first token is on
	sentLines int          // its lines, good and bad
	sentBad   bool         // a line of it was bad
	sentSize  int          // its bytes in the text
	doc       conllDoc     // the document being read

	grow    growth  // of the document being read
	count   int     // documents read, made into records or not
	lined   bool    // a line that is not blank was read
	pending *Record // the file's first document, until it is known whether others follow
	queue   []conllResult
	eof     bool
}

type conllToken struct{ text, tag string }

type conllResult struct {
	rec Record
	err error
}

// conllDoc is a document being put together.
type conllDoc struct {
	text      *strings.Builder // nil until the first sentence: the text is built in place, not copied at the end
	runes     int
	tokens    labels.TokenPacker // packed as read: a document can have millions
	spans     []labels.Span
	bytes     [][2]int // the byte range of each span in text
	sentences int      // sentences kept
	seen      int      // sentences read, kept or not (SentencesPerDoc counts these)
	line      int
	title     string
	dropped   bool // too large, or cut by a failed read
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
	fields := splitFields(string(b))
	switch {
	case len(fields) == 0:
		c.endSentence()
		return
	case fields[0] == "-DOCSTART-":
		c.endSentence()
		c.endDoc()
		return
	}
	c.lined = true
	c.content()
	c.sentLines++
	if len(fields) != 2 {
		word := "fields"
		if len(fields) == 1 {
			word = "field"
		}
		c.fail(fmt.Errorf("%d %s, want TOKEN TAG: %q", len(fields), word, cut(string(b), 60)))
		return
	}
	if !validTag(fields[1]) {
		c.fail(fmt.Errorf("%w %q", ErrBadTag, fields[1]))
		return
	}
	if strings.IndexFunc(fields[0], unicode.IsSpace) >= 0 {
		// A token is joined to the next by one space in the text: white space inside it (a
		// stray CR, a no-break space) would make a different token of it when read back.
		c.fail(fmt.Errorf("token %q holds white space", fields[0]))
		return
	}
	if c.sentBad || c.doc.dropped {
		return
	}
	if len(c.sent) == 0 {
		c.sentLine = c.lines.n
	}
	c.sent = append(c.sent, conllToken{text: fields[0], tag: fields[1]})
	c.sentSize += len(fields[0]) + 1
	if c.doc.textLen()+c.sentSize > c.max {
		c.queue = append(c.queue, conllResult{err: &Error{File: c.name, Line: c.lines.n, Err: fmt.Errorf(
			"%w: the document passes %s here: set a number of sentences per document", ErrTooLong, sizeOf(c.max))}})
		c.doc.dropped = true
		c.sent, c.sentSize = c.sent[:0], 0
	}
}

// content notes a line of tokens: when the first document is waiting, another one has begun.
func (c *CoNLLReader) content() {
	if c.pending != nil {
		c.pending.Doc.ExternalID = c.base + "#1"
		c.queue = append(c.queue, conllResult{rec: *c.pending})
		c.pending = nil
	}
}

// fail reports a bad line and marks its sentence bad.
func (c *CoNLLReader) fail(err error) {
	c.queue = append(c.queue, conllResult{err: &Error{File: c.name, Line: c.lines.n, Err: err}})
	c.sentBad = true
}

// endSentence adds the sentence read to the document, unless it was bad.
func (c *CoNLLReader) endSentence() {
	sent, lines, bad := c.sent, c.sentLines, c.sentBad
	c.sent, c.sentLines, c.sentBad, c.sentSize = c.sent[:0], 0, false, 0
	if lines == 0 {
		return
	}
	d := &c.doc
	d.seen++
	if !bad && !d.dropped {
		c.addSentence(sent)
	}
	if c.perDoc > 0 && d.seen >= c.perDoc {
		c.endDoc()
	}
}

// addSentence appends a good sentence to the document: its text, tokens and spans.
func (c *CoNLLReader) addSentence(sent []conllToken) {
	d := &c.doc
	if d.text == nil {
		d.text = new(strings.Builder)
	}
	if d.sentences == 0 {
		d.line, d.title = c.sentLine, conllTitle(sent)
	} else {
		d.text.WriteByte('\n')
		d.runes++
	}
	open := -1
	for i, t := range sent {
		if i > 0 {
			d.text.WriteByte(' ')
			d.runes++
		}
		start, b0 := d.runes, d.text.Len()
		d.text.WriteString(t.text)
		d.runes += utf8.RuneCountInString(t.text)
		d.tokens.Add(start, d.runes)
		switch label := t.tag[min(2, len(t.tag)):]; {
		case t.tag == "O":
			open = -1
		case t.tag[0] == 'B' || open < 0 || d.spans[open].Label != label:
			d.spans = append(d.spans, labels.Span{Kind: labels.KindEntity, Label: label, Start: start, End: d.runes, Origin: labels.OriginImport})
			d.bytes = append(d.bytes, [2]int{b0, d.text.Len()})
			open = len(d.spans) - 1
		default:
			d.spans[open].End = d.runes
			d.bytes[open][1] = d.text.Len()
		}
	}
	d.sentences++
	c.grow.grew(d.text.Len() + d.tokens.Size()) // its text and tokens grow by doubling
}

// endDoc turns the document read into a record, unless it is empty or dropped. Documents
// are numbered by their place in the file, dropped ones too, so that mending a bad line
// does not rename the documents after it.
func (c *CoNLLReader) endDoc() {
	d := c.doc
	c.doc = conllDoc{}
	c.grow.reset()
	if d.seen == 0 && !d.dropped {
		return
	}
	c.count++
	if d.dropped || d.sentences == 0 {
		return
	}
	text := d.text.String()
	for i := range d.spans {
		d.spans[i].Text = text[d.bytes[i][0]:d.bytes[i][1]]
	}
	rec := Record{Line: d.line}
	toks, _ := d.tokens.Packed() // tokens are read non-empty, one after the other
	rec.Doc = labels.Document{ExternalID: c.base, SourceFile: c.name, Title: d.title, Text: text, Packed: toks}
	rec.Spans = d.spans
	if c.count == 1 {
		c.pending = &rec
		return
	}
	rec.Doc.ExternalID = fmt.Sprintf("%s#%d", c.base, c.count)
	c.queue = append(c.queue, conllResult{rec: rec})
}

// textLen returns the bytes of the document's text so far.
func (d *conllDoc) textLen() int {
	if d.text == nil {
		return 0
	}
	return d.text.Len()
}

// splitFields splits a line at runs of spaces and tabs.
func splitFields(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\t' })
}

// validTag reports whether tag is "O" or "B-LABEL" or "I-LABEL" with LABEL [A-Za-z][A-Za-z0-9_]*.
func validTag(tag string) bool {
	if tag == "O" {
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

// maxCoNLLTitle is the longest title, in code points, made of a document's first tokens.
const maxCoNLLTitle = 80

// conllTitle joins the first tokens of a sentence up to maxCoNLLTitle code points.
func conllTitle(sent []conllToken) string {
	var b strings.Builder
	n := 0
	for i, t := range sent {
		w := utf8.RuneCountInString(t.text)
		if i == 0 && w > maxCoNLLTitle {
			return cut(t.text, maxCoNLLTitle)
		}
		if i > 0 {
			if n+1+w > maxCoNLLTitle {
				b.WriteString(" …")
				break
			}
			b.WriteByte(' ')
			n++
		}
		b.WriteString(t.text)
		n += w
	}
	return b.String()
}
