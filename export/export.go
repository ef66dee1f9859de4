// Package export writes annotated documents as training sets: the native JSONL record
// (docs/FORMATS.md), doccano, spaCy/Prodigy, Hugging Face token classification, CoNLL (IOB2)
// and stance records.
//
// A writer is shaped like encoding/csv's: NewWriter (or one constructor per format) wraps an
// io.Writer in a bufio.Writer, Write takes one labels.Annotated (one document, one annotator)
// and Flush writes out what is buffered. Write checks the whole of a record before it writes
// any of it, so a record that fails (a span whose text does not match the document at its
// offsets, a span that cuts a token, invalid UTF-8...) returns an error and leaves nothing of
// itself in the output; the writer can go on with the next record. A record that passes is
// written as it is made, so that memory grows with its spans, not with its text or output (a
// 50 MB text gives 460 MB of spacy tokens).
//
// Every writer checks every span of a record against the text (labels.CheckText) and the
// document's own tokens against the text, whatever it writes of them. Output is deterministic:
// the same records give the same bytes. Offsets are Unicode code point indices, half-open.
//
// JSON is written UTF-8 raw: only '"', '\\', control characters and the line separators
// U+2028 and U+2029 are escaped (as encoding/json and goccy/go-json do, so that readers that
// split lines on them, like Python's str.splitlines, still see one record per line).
// '<', '>' and '&' are written as they are. Each record is one line ending in LF.
//
// The formats (Formats lists their names; each constructor documents its record):
//
//	jsonl           NewJSONL          the native, lossless record of docs/FORMATS.md
//	doccano         NewDoccano        {"id","text","label":[[start,end,"LABEL"],...]}, entities
//	doccano-stance  NewDoccanoStance  {"id","text","target","label":["FAVOR"]} per document stance
//	spacy           NewSpacy          Prodigy's {"text","tokens","spans","meta"}, token_end inclusive
//	spacy-doc       NewSpacyDoc       spaCy's Doc JSON {"text","ents","spans":{"sc"},"tokens","_"}
//	hf              NewHF             {"id","tokens","ner_tags"} per sentence, IOB2; HFLabels
//	conll           NewCoNLL          "TOKEN TAG" lines, IOB2, a blank line after each sentence
//	stance          NewStance         {"id","text","target","label","evidence"} per document stance
//	stance-claims   NewStanceClaims   {"id","claim","article","label"} per document stance
//
// The token formats (spacy, spacy-doc, hf, conll) take the document's own tokens when it has them
// (labels.Document.Tokens) and arabic.Tokenize's otherwise; see NewSpacy and NewHF for how
// spans meet tokens, and NewHF for sentences.
//
// Identifiers: the native jsonl record carries both the document id and its external id; the
// spacy record both in "meta", the spacy-doc record both in "_"; the doccano, doccano-stance, hf, stance and stance-claims
// records carry one "id", the external id when the document has one and the document id
// otherwise.
package export

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/tawsim/tawsim/internal/named"
	"github.com/tawsim/tawsim/labels"
)

// Writer writes records of one format. Write writes one (document, annotator) record, as one
// or more lines or none (a stance record for a document without stance); Flush writes what
// is buffered to the underlying io.Writer.
type Writer interface {
	Write(rec labels.Annotated) error
	Flush() error
}

// Options are what a writer may need beyond the records.
type Options struct {
	// Schema gives the stance target names (stance, stance-claims, doccano-stance) and the entity label
	// list (hf: every entity label written must be in it).
	Schema labels.Schema
	// SplitClitics lets the token formats (spacy, hf, conll) split a token where an entity
	// span's edge falls inside it (a proclitic: the span LOC "العراق" in the token "بالعراق"
	// gives the tokens "ب" and "العراق"). Without it such a span is an error (ErrTokenEdge).
	SplitClitics bool
	// DocStart makes the conll writer begin each document with a "-DOCSTART- O" line and a
	// blank line (CoNLL-2003's shape). Off by default (ANERcorp's shape).
	DocStart bool
	// Flat makes the conll writer write one tag per token, the spans of Level, where it
	// writes a tag column per level of nesting without it. hf is always flat.
	Flat bool
	// Level is the level of nested spans that the flat formats keep: hf, conll with Flat, and
	// the "ents" of spacy-doc. The outermost by default.
	Level Level
	// LeftOut, when set, is told after each record that a flat format (hf, conll with Flat)
	// wrote how many of its entity spans it left out, when it left out any.
	LeftOut func(n int)
}

// Errors a caller can test with errors.Is. The errors returned wrap them, or the errors of
// package labels (labels.ErrTextMismatch, labels.ErrOutOfRange...), with the details.
var (
	ErrUnknownFormat = errors.New("unknown export format")
	ErrTokenEdge     = errors.New("does not fall on token edges")
	ErrNoToken       = errors.New("covers no token")
	ErrBadToken      = errors.New("bad token")
	ErrBadUTF8       = errors.New("invalid UTF-8")
	ErrBadMetadata   = errors.New("metadata is not a JSON object")
	ErrBadStance     = errors.New("document stance needs a target and a label")
)

// Format describes one export format: what NewWriter writes it with and what the programs
// that offer it (tawsimctl export, the window's Export dialog, package jobs) say and do about
// it. Adding a format is adding its Format to the list.
type Format struct {
	Name  string // what --format and the Export dialog call it, lower case
	About string // a line that says what it is, for someone choosing a format
	// Extension is the file name ending its files take: .jsonl, or .conll for conll.
	Extension string
	// WritesTokens: a token format, whose records Options.SplitClitics shapes.
	WritesTokens bool
	// LabelList, when not nil, gives the list of tags the format's records use, written as
	// JSON beside the records (hf's, which a training script reads to number the tags).
	LabelList func(labels.Schema) []string
	new       func(w io.Writer, opt Options) Writer
}

// formats are the export formats, sorted by name.
var formats = []Format{
	{Name: "conll", About: "CoNLL: one token and its BIO tag per line", Extension: ".conll", WritesTokens: true, new: NewCoNLL},
	{Name: "doccano", About: "doccano: text with [start, end, label] entity spans", Extension: ".jsonl",
		new: func(w io.Writer, _ Options) Writer { return NewDoccano(w) }},
	{Name: "doccano-stance", About: "doccano text classification: the document stance per target", Extension: ".jsonl",
		new: NewDoccanoStance},
	{Name: "hf", About: "Hugging Face token classification: tokens and BIO tags per sentence, with a label list",
		Extension: ".jsonl", WritesTokens: true, LabelList: HFLabels, new: NewHF},
	{Name: "jsonl", About: "Tawsim's own records: everything, one document per line (lossless)", Extension: ".jsonl",
		new: func(w io.Writer, _ Options) Writer { return NewJSONL(w) }},
	{Name: "spacy", About: "spaCy / Prodigy: text, tokens and spans", Extension: ".jsonl", WritesTokens: true, new: NewSpacy},
	{Name: "spacy-doc", About: "spaCy Doc JSON: every span in spans.sc (SpanCategorizer), the outer level in ents",
		Extension: ".jsonl", WritesTokens: true, new: NewSpacyDoc},
	{Name: "stance", About: "stance: one record per document and target, with the evidence spans", Extension: ".jsonl",
		new: NewStance},
	{Name: "stance-claims", About: "claim-article pairs: the target as the claim, the text as the article, and the label",
		Extension: ".jsonl", new: NewStanceClaims},
}

// formatList looks the formats up by name.
var formatList = named.NewList(formats, func(f Format) string { return f.Name }, ErrUnknownFormat)

// Formats lists the format names NewWriter accepts, sorted.
func Formats() []string { return formatList.Names() }

// FormatList returns the descriptions of the formats, sorted by name.
func FormatList() []Format { return formatList.All() }

// Lookup returns the format named name, whatever its case and the white space around it, or
// an error wrapping ErrUnknownFormat that lists the formats.
func Lookup(name string) (Format, error) { return formatList.Lookup(name) }

// NewWriter returns a writer of the named format (see Formats; case is ignored) over w.
func NewWriter(w io.Writer, format string, opt Options) (Writer, error) {
	f, err := Lookup(format)
	if err != nil {
		return nil, err
	}
	return f.new(w, opt), nil
}

// bufSize is the size of the bufio.Writer each writer writes through, and how much of a
// record is made before it is written out.
const bufSize = 64 << 10

// base is what every writer shares: the buffered output, the part of the record being made
// and the checked text of the current record.
type base struct {
	bw   *bufio.Writer
	buf  []byte // the output of the current record not yet written
	text runes  // the current record's text, indexed by code point
}

// newBase returns a base writing to w through a bufio.Writer.
func newBase(w io.Writer) base { return base{bw: bufio.NewWriterSize(w, bufSize)} }

// Flush writes any buffered data to the underlying io.Writer.
func (b *base) Flush() error { return b.bw.Flush() }

// spill writes dst out and returns it emptied, once it holds bufSize bytes or more. A writer
// calls it only once the record has been checked whole, so that a record of a long text is
// never held in memory whole while a record that fails writes nothing.
func (b *base) spill(dst []byte) []byte {
	if len(dst) < bufSize {
		return dst
	}
	b.bw.Write(dst) // a bufio.Writer keeps its first error: commit returns it
	return dst[:0]
}

// commit writes what remains of the record, and reports the first error of its writing.
func (b *base) commit(dst []byte) error {
	_, err := b.bw.Write(dst)
	b.buf = dst[:0]
	return err
}

// appendText appends s, valid UTF-8, as a JSON string as appendString does, writing out what
// it has made a piece at a time (see spill): a text of 50 MB is never copied whole.
func (b *base) appendText(dst []byte, s string) []byte {
	dst = append(dst, '"')
	for len(s) > bufSize {
		cut := bufSize
		for !utf8.RuneStart(s[cut]) { // escapes are of whole code points: cut between two
			cut--
		}
		dst = b.spill(appendStringBody(dst, s[:cut]))
		s = s[cut:]
	}
	return append(appendStringBody(dst, s), '"')
}

// appendTextField appends `,"key":"value"` (no comma when first) as appendText does.
func (b *base) appendTextField(dst []byte, key, value string, first bool) []byte {
	return b.appendText(appendKey(dst, key, first), value)
}

// exportID is the "id" of the formats that carry one: the external id when there is one,
// else the document id.
func exportID(d *labels.Document) string {
	if d.ExternalID != "" {
		return d.ExternalID
	}
	return d.ID
}

// recordError wraps err with the document (its id and external id) and the annotator it is
// about: `document 0193... (external id "a1", annotator "amal"): ...`.
func recordError(rec *labels.Annotated, err error) error {
	var about []string
	id := rec.Doc.ID
	switch {
	case id == "":
		id = fmt.Sprintf("%q", rec.Doc.ExternalID)
	case rec.Doc.ExternalID != "":
		about = append(about, fmt.Sprintf("external id %q", rec.Doc.ExternalID))
	}
	if rec.Annotator != "" {
		about = append(about, fmt.Sprintf("annotator %q", rec.Annotator))
	}
	if len(about) == 0 {
		return fmt.Errorf("document %s: %w", id, err)
	}
	return fmt.Errorf("document %s (%s): %w", id, strings.Join(about, ", "), err)
}
