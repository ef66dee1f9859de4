package export

import (
	"fmt"
	"io"
	"strconv"

	"github.com/tawsim/tawsim/labels"
)

// hfWriter writes Hugging Face token classification records, one per sentence.
type hfWriter struct {
	base
	tok      tokens
	cur, tag cursor // for the tokens, for the tags
	split    bool
	level    Level
	leftOut  func(int)
	known    map[string]bool // the schema's entity labels
}

// NewHF returns a writer of Hugging Face token classification JSONL (the shape of conll2003
// and other NER datasets), one line per sentence:
//
//	{"id":"ID-0","tokens":["...",...],"ner_tags":["B-LOC","O",...]}
//
// The id is the document's id (see the package comment), a hyphen and the sentence's index
// in the document, from 0. A sentence ends where the text has a line break between two tokens
// (never inside an entity span); a document without tokens writes nothing. Tokens are the
// document's own, else arabic.Tokenize's, white space tokens left out. The tags are IOB2
// strings, whose list HFLabels gives; every entity label written must be in opt.Schema
// (else an error wrapping labels.ErrUnknownLabel). One IOB tag per token holds one level of
// nested spans: those of opt.Level, the outermost by default (see Options.LeftOut for the
// others). A span edge inside a token is treated as NewSpacy says.
func NewHF(w io.Writer, opt Options) Writer {
	known := map[string]bool{}
	for _, l := range opt.Schema.Entities {
		known[l.Name] = true
	}
	return &hfWriter{base: newBase(w), split: opt.SplitClitics, level: opt.Level, leftOut: opt.LeftOut, known: known}
}

// HFLabels returns the tag list of the hf format for schema: "O", then "B-X" and "I-X" for each
// entity label X in the schema's order. The index of a tag in it is its class id.
func HFLabels(schema labels.Schema) []string {
	out := make([]string, 0, 1+2*len(schema.Entities))
	out = append(out, "O")
	for _, l := range schema.Entities {
		out = append(out, "B-"+l.Name, "I-"+l.Name)
	}
	return out
}

// Write writes the record's sentences.
func (h *hfWriter) Write(rec labels.Annotated) error {
	if err := h.build(&rec); err != nil {
		return recordError(&rec, err)
	}
	err := h.commit(h.write(exportID(&rec.Doc)))
	if err == nil && h.tok.left > 0 && h.leftOut != nil {
		h.leftOut(h.tok.left)
	}
	return err
}

// build checks rec, its labels and how it meets its tokens.
func (h *hfWriter) build(rec *labels.Annotated) error {
	if err := h.check(rec); err != nil {
		return err
	}
	o := tokenOptions{format: "hf", split: h.split, dropSpace: true, tags: true, flat: true, level: h.level}
	if err := h.tok.build(rec, o); err != nil {
		return err
	}
	for _, sp := range h.tok.spans {
		if !h.known[sp.Label] {
			return fmt.Errorf("span [%d,%d) %q: %w: %q (the hf label list is the schema's)",
				sp.Start, sp.End, sp.Text, labels.ErrUnknownLabel, sp.Label)
		}
	}
	return nil
}

// write makes the record's lines, writing them out as it goes, and returns what remains.
// A sentence's tags are written after its tokens, from their indices.
func (h *hfWriter) write(id string) []byte {
	b := h.buf[:0]
	n, from := 0, 0 // sentences begun, the first token of the sentence being written
	h.cur.reset(&h.tok)
	h.tag.reset(&h.tok)
	var prev tok
	h.tok.each(func(k int, tk tok) {
		switch {
		case k > 0 && h.tok.sentenceBreak(prev, tk, k, &h.cur):
			b = h.endSentence(b, from, k)
			from = k
			fallthrough
		case k == 0:
			b = append(appendKey(append(b, '{'), "id", true), '"')
			b = appendStringBody(b, id)
			b = append(strconv.AppendInt(append(b, '-'), int64(n), 10), '"')
			b = append(appendKey(b, "tokens", false), '[')
			n++
		default:
			b = append(b, ',')
		}
		b = h.spill(appendString(b, h.tok.text[tk.from:tk.to]))
		prev = tk
	})
	if n > 0 {
		b = h.endSentence(b, from, h.tok.count)
	}
	return b
}

// endSentence appends the end of the tokens of the sentence [from, to) and its tags.
func (h *hfWriter) endSentence(b []byte, from, to int) []byte {
	b = append(appendKey(append(b, ']'), "ner_tags", false), '[')
	for k := from; k < to; k++ {
		if k > from {
			b = append(b, ',')
		}
		b = h.spill(append(h.tok.appendTag(append(b, '"'), 0, k, &h.tag, appendStringBody), '"'))
	}
	return append(b, ']', '}', '\n')
}
