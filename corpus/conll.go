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
	"unicode/utf8"
	"unsafe"

	"github.com/tawsim/tawsim/labels"
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

// conllDoc is a document being put together.
type conllDoc struct {
	text      []byte // handed over as the record's text, not copied (textOf)
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

// conllMark is how far a document had gone, for a bad sentence to be taken out.
type conllMark struct {
	text, runes, spans int
	tokens             labels.TokenMark
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

// beginSentence notes where the document is before the first token of a sentence.
func (c *CoNLLReader) beginSentence() {
	d := &c.doc
	c.sentLine, c.open = c.lines.n, c.open[:0]
	c.mark = conllMark{text: len(d.text), runes: d.runes, spans: len(d.spans), tokens: d.tokens.Mark()}
}

// addToken appends a good token of the sentence to the document: its text, its offsets and
// the span of each of its tags, a tag column each.
func (c *CoNLLReader) addToken(tok, tags []byte) {
	d := &c.doc
	switch {
	case len(d.text) > c.mark.text:
		d.text = append(d.text, ' ')
		d.runes++
	case d.sentences > 0:
		d.text = append(d.text, '\n')
		d.runes++
	}
	start, b0 := d.runes, len(d.text)
	d.text = append(d.text, tok...)
	d.runes += utf8.RuneCount(tok)
	d.tokens.Add(start, d.runes)
	col := 0
	for tag := range eachField(tags) {
		if col == len(c.open) {
			c.open = append(c.open, -1)
		}
		c.open[col] = c.tag(tag, c.open[col], start, b0)
		col++
	}
	for ; col < len(c.open); col++ {
		c.open[col] = -1 // a column the line lacks is "O"
	}
	c.grow.grew(len(d.text) + d.tokens.Size()) // its text and tokens grow by doubling
}

// tag applies the tag of one column to the token just written, [start, d.runes) at byte b0,
// given the span open in that column (-1 for none), and returns the span open after it.
func (c *CoNLLReader) tag(tag []byte, open, start, b0 int) int {
	d := &c.doc
	switch label := tag[min(2, len(tag)):]; {
	case string(tag) == "O":
		return -1
	case tag[0] == 'B' || open < 0 || d.spans[open].Label != string(label):
		d.spans = append(d.spans, labels.Span{Kind: labels.KindEntity, Label: c.label(label), Start: start, End: d.runes,
			Origin: labels.OriginImport})
		d.bytes = append(d.bytes, [2]int{b0, len(d.text)})
		return len(d.spans) - 1
	}
	d.spans[open].End = d.runes
	d.bytes[open][1] = len(d.text)
	return open
}

// label returns b as a string, the same string for the same label.
func (c *CoNLLReader) label(b []byte) string {
	if s, ok := c.labels[string(b)]; ok {
		return s
	}
	if c.labels == nil {
		c.labels = map[string]string{}
	}
	s := string(b)
	c.labels[s] = s
	return s
}

// endSentence ends the sentence read: the document keeps it unless it was bad.
func (c *CoNLLReader) endSentence() {
	lines, bad, size := c.sentLines, c.sentBad, c.sentSize
	c.sentLines, c.sentBad, c.sentSize = 0, false, 0
	if lines == 0 {
		return
	}
	d := &c.doc
	d.seen++
	if !bad && !d.dropped && size > 0 {
		if d.sentences == 0 {
			d.line, d.title = c.sentLine, conllTitle(d.text[c.mark.text:])
		}
		d.sentences++
	}
	if c.perDoc > 0 && d.seen >= c.perDoc {
		c.endDoc()
	}
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
	text := textOf(d.text)
	for i := range d.spans {
		d.spans[i].Text = text[d.bytes[i][0]:d.bytes[i][1]]
	}
	toks, _ := d.tokens.Packed() // tokens are read non-empty, one after the other
	rec := Record{Line: d.line}
	rec.Doc = labels.Document{ExternalID: c.base, SourceFile: c.name, Title: d.title, Text: text, Packed: toks}
	rec.Spans = d.spans
	if c.count == 1 {
		c.pending = &rec
		return
	}
	rec.Doc.ExternalID = fmt.Sprintf("%s#%d", c.base, c.count)
	c.queue = append(c.queue, conllResult{rec: rec})
}

// textOf returns the bytes of a document's text as a string without copying them: the
// document gives them up (nothing writes them afterwards), as a strings.Builder does.
func textOf(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

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

// maxCoNLLTitle is the longest title, in code points, made of a document's first tokens.
const maxCoNLLTitle = 80

// conllTitle joins the first tokens of a sentence, whose text is its tokens joined by single
// spaces, up to maxCoNLLTitle code points.
func conllTitle(sentence []byte) string {
	var b strings.Builder
	n := 0
	for i := 0; len(sentence) > 0; i++ {
		t, rest, _ := bytes.Cut(sentence, []byte(" "))
		sentence = rest
		w := utf8.RuneCount(t)
		if i == 0 && w > maxCoNLLTitle {
			return cut(string(t), maxCoNLLTitle)
		}
		if i > 0 {
			if n+1+w > maxCoNLLTitle {
				b.WriteString(" …")
				break
			}
			b.WriteByte(' ')
			n++
		}
		b.Write(t)
		n += w
	}
	return b.String()
}
