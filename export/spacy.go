package export

import (
	"io"

	"github.com/tawsim/tawsim/labels"
)

// spacyWriter writes spaCy/Prodigy records.
type spacyWriter struct {
	base
	tok   tokens
	split bool
}

// NewSpacy returns a writer of the JSONL that Prodigy's db-in reads and spaCy's tooling takes
// (Prodigy's ner_manual task shape), one line per record:
//
//	{"text":"...","tokens":[{"text":"...","start":s,"end":e,"id":0,"ws":true},...],
//	 "spans":[{"start":s,"end":e,"token_start":i,"token_end":j,"label":"LOC"},...],
//	 "meta":{"id":"document id","external_id":"...","annotator":"..."}}
//
// The tokens are the document's own when it has them (white space tokens included), else
// arabic.Tokenize's; "ws" says whether white space follows the token in the text. Every entity
// span is written, in the order given, overlapping or not (Prodigy's spans may overlap);
// token_end is inclusive, as Prodigy has it, and start/end are those of the tokens covered (an
// edge in the white space between tokens moves to the token's edge). A span edge inside a
// token splits it with opt.SplitClitics (the two parts are tokens of their own, the first
// with "ws":false) and is an error wrapping ErrTokenEdge without it. Stance spans and document
// stance are not written.
func NewSpacy(w io.Writer, opt Options) Writer {
	return &spacyWriter{base: newBase(w), split: opt.SplitClitics}
}

// Write writes one record.
func (s *spacyWriter) Write(rec labels.Annotated) error {
	if err := s.check(&rec); err != nil {
		return recordError(&rec, err)
	}
	if err := s.tok.build(&rec, tokenOptions{format: "spacy", split: s.split}); err != nil {
		return recordError(&rec, err)
	}
	return s.commit(s.write(&rec))
}

// write makes the record's line, writing it out as it goes, and returns what remains of it.
func (s *spacyWriter) write(rec *labels.Annotated) []byte {
	b := append(s.buf[:0], '{')
	b = s.appendTextField(b, "text", rec.Doc.Text, true)
	b = append(appendKey(b, "tokens", false), '[')
	s.tok.each(func(k int, tk tok) {
		if k > 0 {
			b = append(b, ',')
		}
		b = appendStringField(append(b, '{'), "text", rec.Doc.Text[tk.from:tk.to], true)
		b = appendIntField(b, "start", tk.start, false)
		b = appendIntField(b, "end", tk.end, false)
		b = appendIntField(b, "id", k, false)
		b = appendBoolField(b, "ws", s.tok.spaceAfter(tk), false)
		b = s.spill(append(b, '}'))
	})
	b = append(b, ']')
	b = append(appendKey(b, "spans", false), '[')
	for i, sp := range s.tok.spans {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendIntField(append(b, '{'), "start", s.tok.spanStart[i], true)
		b = appendIntField(b, "end", s.tok.spanEnd[i], false)
		b = appendIntField(b, "token_start", s.tok.first[i], false)
		b = appendIntField(b, "token_end", s.tok.last[i], false)
		b = appendStringField(b, "label", sp.Label, false)
		b = s.spill(append(b, '}'))
	}
	b = append(b, ']')
	b = append(appendKey(b, "meta", false), '{')
	b = appendStringField(b, "id", rec.Doc.ID, true)
	b = appendStringField(b, "external_id", rec.Doc.ExternalID, false)
	b = appendStringField(b, "annotator", rec.Annotator, false)
	return append(b, '}', '}', '\n')
}
