package corpus

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/tawsim/tawsim/labels"
)

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
