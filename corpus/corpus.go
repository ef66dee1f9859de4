// Package corpus reads the files corpora come as into documents and the annotations they carry.
// Each reader reports a bad record as an *Error naming the file and line, and never panics.
package corpus

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

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
	TextColumn string // csv: the column that holds the text
}

type opener func(name string, r io.Reader, opt Options) Reader

var formats = map[string]opener{
	"txt": func(name string, r io.Reader, _ Options) Reader { return NewTextReader(name, r) },
}

// Formats lists the format names NewReader accepts, sorted.
func Formats() []string {
	names := make([]string, 0, len(formats))
	for n := range formats {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// NewReader returns a reader of format over r; name is the file name used in records and errors.
func NewReader(format, name string, r io.Reader, opt Options) (Reader, error) {
	open, ok := formats[strings.ToLower(format)]
	if !ok {
		return nil, fmt.Errorf("%w %q (want one of %s)", ErrUnknownFormat, format, strings.Join(Formats(), ", "))
	}
	return open(name, r, opt), nil
}

// Error is a problem with one record of a file.
type Error struct {
	File string
	Line int // 1-based; 0 when the problem is with the file as a whole
	Err  error
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.File, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }
