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
	tok    tokens
	split  bool
	known  map[string]bool // the schema's entity labels
	starts []int
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
// (else an error wrapping labels.ErrUnknownLabel). One IOB tag per token cannot hold
// overlapping spans: a record with nested or crossing entity spans is an error wrapping
// ErrOverlap that lists them. A span edge inside a token is treated as NewSpacy says.
func NewHF(w io.Writer, opt Options) Writer {
	known := map[string]bool{}
	for _, l := range opt.Schema.Entities {
		known[l.Name] = true
	}
	return &hfWriter{base: newBase(w), split: opt.SplitClitics, known: known}
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
	return h.commit()
}

// build checks and tokenizes rec and appends its lines to h.buf.
func (h *hfWriter) build(rec *labels.Annotated) error {
	if err := h.check(rec); err != nil {
		return err
	}
	o := tokenOptions{format: "hf", split: h.split, dropSpace: true, columns: 1}
	if err := h.tok.build(rec, &h.text, o); err != nil {
		return err
	}
	for _, sp := range h.tok.spans {
		if !h.known[sp.Label] {
			return fmt.Errorf("span [%d,%d) %q: %w: %q (the hf label list is the schema's)",
				sp.Start, sp.End, sp.Text, labels.ErrUnknownLabel, sp.Label)
		}
	}
	h.starts = h.tok.sentences(&h.text, h.starts)
	id := exportID(&rec.Doc)
	b := h.buf[:0]
	for n, from := range h.starts {
		to := sentenceEnd(h.starts, n, len(h.tok.toks))
		b = append(appendKey(append(b, '{'), "id", true), '"')
		b = appendStringBody(b, id)
		b = append(strconv.AppendInt(append(b, '-'), int64(n), 10), '"')
		b = append(appendKey(b, "tokens", false), '[')
		for k := from; k < to; k++ {
			if k > from {
				b = append(b, ',')
			}
			b = appendString(b, h.tok.toks[k].text)
		}
		b = append(appendKey(append(b, ']'), "ner_tags", false), '[')
		for k := from; k < to; k++ {
			if k > from {
				b = append(b, ',')
			}
			b = append(h.tok.appendTag(append(b, '"'), k, appendStringBody), '"')
		}
		b = append(b, ']', '}', '\n')
	}
	h.buf = b
	return nil
}
