package export

import (
	"io"

	"github.com/tawsim/tawsim/labels"
)

// spacyDocWriter writes spaCy's Doc JSON.
type spacyDocWriter struct {
	base
	tok   tokens
	split bool
	level Level
	ent   []bool // ent[i]: spans[i] is one of the record's "ents"
}

// spaceGroup is the key of doc.spans under which every entity span is written: the key
// spaCy's SpanCategorizer reads by default.
const spaceGroup = "sc"

// NewSpacyDoc returns a writer of spaCy's Doc JSON, the dict that Doc.to_json makes and
// Doc.from_json reads (spaCy 3.3.1 and later), one per line:
//
//	{"text":"...","ents":[{"start":s,"end":e,"label":"ORG"},...],
//	 "spans":{"sc":[{"start":s,"end":e,"label":"ORG","kb_id":""},...]},
//	 "tokens":[{"id":0,"start":s,"end":e},...],
//	 "_":{"id":"document id","external_id":"...","annotator":"..."}}
//
// Offsets are code points, which are Python's str indices as spaCy counts them. "spans"
// holds every entity span under the key "sc", which spaCy's SpanCategorizer reads (nested and
// overlapping spans are fine there); "ents", which cannot overlap, holds the spans of one level
// (opt.Level, the outermost by default; see NewHF). A span's start and end are those of the
// tokens it covers, as in NewSpacy. "_" holds the record's ids, which Doc.from_json sets as
// the Doc's extension attributes (doc._.id...).
//
// "tokens" are the document's tokens (its own, else arabic.Tokenize's; split at span edges
// with opt.SplitClitics), with the white space between them as spaCy keeps it, since
// Doc.from_json rebuilds its words from them: one space after a token is that token's
// trailing space; any other text between two tokens (a line break, a second space) is a token
// of its own. Stance spans and document stance are not written.
func NewSpacyDoc(w io.Writer, opt Options) Writer {
	return &spacyDocWriter{base: newBase(w), split: opt.SplitClitics, level: opt.Level}
}

// Write writes one record.
func (s *spacyDocWriter) Write(rec labels.Annotated) error {
	if err := s.check(&rec); err != nil {
		return recordError(&rec, err)
	}
	if err := s.tok.build(&rec, tokenOptions{format: "spacy-doc", split: s.split, dropSpace: true, tags: true}); err != nil {
		return recordError(&rec, err)
	}
	s.ent = s.ent[:0]
	for range s.tok.spans {
		s.ent = append(s.ent, false)
	}
	s.tok.kept = level(s.tok.spans, s.level, s.tok.kept)
	for _, i := range s.tok.kept {
		s.ent[i] = true
	}
	return s.commit(s.write(&rec))
}

// write makes the record's line, writing it out as it goes, and returns what remains of it.
func (s *spacyDocWriter) write(rec *labels.Annotated) []byte {
	b := append(s.buf[:0], '{')
	b = s.appendTextField(b, "text", rec.Doc.Text, true)
	b = append(appendKey(b, "ents", false), '[')
	n := 0
	for i, sp := range s.tok.spans {
		if !s.ent[i] {
			continue
		}
		if n++; n > 1 {
			b = append(b, ',')
		}
		b = appendIntField(append(b, '{'), "start", s.tok.spanStart[i], true)
		b = appendIntField(b, "end", s.tok.spanEnd[i], false)
		b = s.spill(append(appendStringField(b, "label", sp.Label, false), '}'))
	}
	b = append(appendKey(append(b, ']'), "spans", false), '{')
	b = append(appendKey(b, spaceGroup, true), '[')
	for i, sp := range s.tok.spans {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendIntField(append(b, '{'), "start", s.tok.spanStart[i], true)
		b = appendIntField(b, "end", s.tok.spanEnd[i], false)
		b = appendStringField(b, "label", sp.Label, false)
		b = s.spill(append(appendStringField(b, "kb_id", "", false), '}'))
	}
	b = append(appendKey(append(b, ']', '}'), "tokens", false), '[')
	b = s.appendTokens(b)
	b = append(appendKey(append(b, ']'), "_", false), '{')
	b = appendStringField(b, "id", rec.Doc.ID, true)
	b = appendStringField(b, "external_id", rec.Doc.ExternalID, false)
	b = appendStringField(b, "annotator", rec.Annotator, false)
	return append(b, '}', '}', '\n')
}

// appendTokens appends the tokens as spaCy's words: the record's tokens, and between them the
// text that spaCy makes a token of (see NewSpacyDoc). It mirrors spaCy's
// util.get_words_and_spaces, which Doc.from_json checks the words against.
func (s *spacyDocWriter) appendTokens(b []byte) []byte {
	id := 0
	add := func(start, end int) {
		if id > 0 {
			b = append(b, ',')
		}
		b = appendIntField(append(b, '{'), "id", id, true)
		b = appendIntField(b, "start", start, false)
		b = s.spill(append(appendIntField(b, "end", end, false), '}'))
		id++
	}
	text := s.tok.text
	at, from := 0, 0 // the code point and the byte after the last word
	gap := func(start, to int) {
		if id > 0 && from < to && text[from] == ' ' {
			at, from = at+1, from+1 // the word's trailing space
		}
		if from < to {
			add(at, start)
		}
	}
	s.tok.each(func(_ int, tk tok) {
		gap(tk.start, tk.from)
		add(tk.start, tk.end)
		at, from = tk.end, tk.to
	})
	gap(at+labels.RuneLen(text[from:]), len(text))
	return b
}
