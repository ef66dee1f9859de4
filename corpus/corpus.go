// Package corpus reads the files corpora come as into documents and the annotations they carry.
// Each reader reports a bad record as an *Error naming the file and line, and never panics.
//
// The formats (NewReader's names): txt (a plain-text article a file), jsonl (Tawsim's native
// records, docs/FORMATS.md), doccano and spacy (JSONL with offsets; spacy also reads Prodigy),
// csv (a text column chosen by name) and conll (TOKEN TAG lines, IOB tags); a model's
// predictions come as Label Studio's tasks (labelstudio) or native jsonl with scores.
//
// The rules every reader keeps: input is read as a stream, one record at a time, a record being
// at most MaxRecord bytes; input must be UTF-8, and bytes that are not are reported with their
// line and byte; a leading BOM is dropped and CRLF line ends are accepted; the texts of formats
// with offsets (jsonl, doccano, spacy) are kept verbatim, for the offsets index them, while the
// texts of formats without (txt, csv) have CRLF and CR turned into LF. Offsets are code points.
// Every span returned satisfies labels.CheckText against its record's text, with Origin import
// and no id or annotator; labels are kept as written, for the importer to check against the
// schema. After an error, Read goes on with the next record, so that an importer may keep the
// good records of a file and list the bad ones.
package corpus

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/tawsim/tawsim/internal/named"
	"github.com/tawsim/tawsim/labels"
)

// Record is one document read from a corpus file, with the annotations it came with.
// Spans carry offsets, label, kind, text and target, but no ids; Annotator and Status are set
// only by formats that record them (native JSONL).
type Record struct {
	Line int // the line of the file the record starts on, 1-based
	labels.Annotated
}

// Reader yields the records of one file in order. Read returns io.EOF after the last one.
// A bad record is returned as an *Error; the reader can go on to the next record after it.
type Reader interface {
	Read() (Record, error)
}

// ErrUnknownFormat is returned for a format name no reader serves.
var ErrUnknownFormat = errors.New("unknown format")

// Options are what a reader may need to know beyond the bytes.
type Options struct {
	TextColumn       string // csv: the column that holds the text (required)
	ExternalIDColumn string // csv: the column of the rows' own ids (default: a column named "id", if any)
	LabelColumn      string // csv: the column of a row's document stance label (optional)
	TargetColumn     string // csv: the column naming the target of that stance (needs LabelColumn)
	ClaimColumn      string // csv: the column of a claim, the target of that stance (claim-article pairs)
	SentencesPerDoc  int    // conll: also end a document after this many sentences (0: only at -DOCSTART-)
	// Predictions reads a model's predictions as suggestions, in one of PredictionFormats:
	// labelstudio (NewLabelStudioReader) or jsonl (NewPredictionsJSONLReader).
	Predictions bool
}

// CheckOptions reports whether opt gives format what it needs, so that a program can refuse
// bad options before it opens any file. Readers report the same problems on their first Read.
func CheckOptions(format string, opt Options) error {
	switch strings.ToLower(strings.TrimSpace(format)) {
	case "csv":
		if strings.TrimSpace(opt.TextColumn) == "" {
			return errors.New("csv needs the name of the column that holds the text (the text column option)")
		}
		if opt.LabelColumn != "" && opt.TargetColumn == "" && opt.ClaimColumn == "" {
			return errors.New("csv: a label column needs a target column (what the stance is toward) or a claim column")
		}
		if opt.TargetColumn != "" && opt.LabelColumn == "" {
			return errors.New("csv: a target column needs a label column, the stance toward that target")
		}
		if opt.ClaimColumn != "" && opt.LabelColumn == "" {
			return errors.New("csv: a claim column needs a label column, the stance of the text toward the claim")
		}
		if opt.ClaimColumn != "" && opt.TargetColumn != "" {
			return errors.New("csv: name a target column or a claim column, not both (the claim is the target)")
		}
	case "conll":
		if opt.SentencesPerDoc < 0 {
			return fmt.Errorf("conll: sentences per document is %d, want 0 (no limit) or more", opt.SentencesPerDoc)
		}
	}
	return nil
}

// Format describes one corpus format: what NewReader reads it with and what the programs that
// offer it (tawsimctl import, the window's Import dialog) say and do about it. Adding a format
// is adding its Format to the list.
type Format struct {
	Name  string // what --format and the Import dialog call it, lower case
	About string // a line that says what it is, for someone choosing a format
	// Extensions are the file name endings that a folder imported in this format is searched
	// for, lower case. CoNLL corpora come as .txt as often as not (AQMAR does), so .txt is one
	// of conll's.
	Extensions []string
	// FileIsRecord: each file is one record (a plain-text article), checked whole, so a folder
	// of them goes in batches of files, a transaction each, rather than a transaction a file.
	FileIsRecord bool
	// TextColumn: the format needs Options.TextColumn, the name of the column of the text.
	TextColumn bool
	open       func(name string, r io.Reader, opt Options) Reader
}

// formats are the corpus formats, sorted by name.
var formats = []Format{
	{Name: "conll", About: "CoNLL / BIO: one token and its tag per line, a blank line between sentences",
		Extensions: []string{".conll", ".bio", ".iob", ".iob2", ".txt"},
		open:       func(name string, r io.Reader, opt Options) Reader { return NewCoNLLReader(name, r, opt) }},
	{Name: "csv", About: "a table with one article per row; name the column that holds the text",
		Extensions: []string{".csv"}, TextColumn: true,
		open: func(name string, r io.Reader, opt Options) Reader { return NewCSVReader(name, r, opt) }},
	{Name: "doccano", About: "doccano JSONL: text with [start, end, label] spans",
		Extensions: []string{".jsonl"},
		open:       func(name string, r io.Reader, _ Options) Reader { return NewDoccanoReader(name, r) }},
	{Name: "jsonl", About: "Tawsim's own JSONL records (what Export writes as jsonl), with their labels",
		Extensions: []string{".jsonl", ".ndjson"},
		open:       func(name string, r io.Reader, _ Options) Reader { return NewJSONLReader(name, r) }},
	{Name: "spacy", About: "spaCy / Prodigy JSONL: text, tokens and spans",
		Extensions: []string{".jsonl"},
		open:       func(name string, r io.Reader, _ Options) Reader { return NewSpacyReader(name, r) }},
	{Name: "txt", About: "plain text: one article per file, its first line the title; a folder imports every .txt in it",
		Extensions: []string{".txt"}, FileIsRecord: true,
		open: func(name string, r io.Reader, _ Options) Reader { return NewTextReader(name, r) }},
}

// formatList looks the formats up by name.
var formatList = named.NewList(formats, func(f Format) string { return f.Name }, ErrUnknownFormat)

// Formats lists the format names NewReader accepts, sorted.
func Formats() []string { return formatList.Names() }

// FormatList returns the descriptions of the formats, sorted by name.
func FormatList() []Format { return formatList.All() }

// Lookup returns the format named name, whatever its case and the white space around it, or
// an error wrapping ErrUnknownFormat that lists the formats.
func Lookup(name string) (Format, error) { return formatList.Lookup(name) }

// LookupFor is Lookup among the formats that opt reads: those of predictions with
// opt.Predictions (PredictionFormats), the corpus formats otherwise.
func LookupFor(name string, opt Options) (Format, error) {
	if opt.Predictions {
		return predictionList.Lookup(name)
	}
	return formatList.Lookup(name)
}

// Guess returns the format of a file by its name's ending, when exactly one format takes
// files so named; false otherwise (a .txt file may be an article or CoNLL, .jsonl three
// formats use).
func Guess(path string) (Format, bool) {
	var found []Format
	for _, f := range formats {
		for _, ext := range f.Extensions {
			if strings.HasSuffix(strings.ToLower(path), ext) {
				found = append(found, f)
				break
			}
		}
	}
	if len(found) != 1 {
		return Format{}, false
	}
	return found[0], true
}

// NewReader returns a reader of format over r; name is the file name used in records and errors.
// With opt.Predictions the formats are those of PredictionFormats.
func NewReader(format, name string, r io.Reader, opt Options) (Reader, error) {
	f, err := LookupFor(format, opt)
	if err != nil {
		return nil, err
	}
	return f.open(name, r, opt), nil
}

// Error is a problem with one record of a file, or with the whole of it.
type Error struct {
	File string
	Line int // 1-based; 0 when the problem is with the file as a whole
	Err  error
	// WholeFile says that no record of the file can be read (a CSV header without the text
	// column): the reader returns io.EOF next, and the file cannot be imported even in part.
	WholeFile bool
}

// Whole reports whether the problem is with the file as a whole: with no line, marked so, or
// a failed read (the rest of the file is unknown).
func (e *Error) Whole() bool { return e.Line == 0 || e.WholeFile || errors.Is(e.Err, ErrRead) }

// ErrRead is wrapped by the error of a read that failed (a disk error, a broken pipe): what
// follows in the file is unknown, so none of it is imported.
var ErrRead = errors.New("the file could not be read to its end")

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.File, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }
