package corpus

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/tawsim/tawsim/internal/fastutf8"
	"github.com/tawsim/tawsim/labels"
)

// CSVReader reads a CSV file with a header line: a document per row, its text from the column
// Options.TextColumn. Fields may be quoted, with "" for a quote and line breaks inside; a BOM
// before the header is dropped; CRLF line ends are accepted; blank lines are skipped.
//
// The text has no offsets attached, so it is cleaned as plain text is (CleanText): CRLF and
// lone CR inside a quoted field become LF. A row whose text is blank is an error.
//
// Options.ExternalIDColumn names the column of the rows' own ids; without it, a column named
// "id" in any case (Mawqif's "ID") is used when there is one. With Options.LabelColumn, a row's
// non-empty label becomes its document stance, toward the target in Options.TargetColumn (or
// toward "", for the importer to ask, without one). Claim-article pairs (AraStance, Baly et
// al.: claim, article, stance) name Options.ClaimColumn instead of a target column: the claim,
// cleaned as the text is, is the target, which the importer matches to the schema's targets
// by name (or adds, named by the claim). The same text may come on several rows, once per
// target: each row is a record, and the importer attaches the stances of the repeats to the
// one document it stores. The other columns become Metadata, an
// object of column name to string in header order. Column names match exactly, or else
// ignoring case and surrounding spaces.
//
// A row with more or fewer fields than the header, or with a quoting error, is reported on the
// line where the row starts, one with bytes that are not UTF-8 on the line of the first of
// them; reading goes on with the next row. A bad header, or a row larger than MaxRecord, ends
// the file.
type CSVReader struct {
	name string
	opt  Options
	src  *csvSource
	cr   *csv.Reader
	br   *bufio.Reader // what cr reads, shared by the readers that follow it (renew)
	// lineBase and offBase are the line and byte offset of the file where cr began.
	lineBase int
	offBase  int64
	cols     csvColumns
	head     []string
	done     bool
	rows     bool // a row below the header was read, good or bad
}

// csvColumns are the indexes of the columns with a role; -1 for none.
type csvColumns struct{ text, id, target, label, claim int }

// NewCSVReader returns a reader of the CSV file in r, named name. A problem with opt (see
// CheckOptions) is reported by the first Read, as an error about the whole file.
func NewCSVReader(name string, r io.Reader, opt Options) *CSVReader {
	src := &csvSource{lines: newLineReader(r), max: MaxRecord}
	c := &CSVReader{name: name, opt: opt, src: src, br: bufio.NewReader(src)}
	c.cr = newCSV(c.br)
	return c
}

// newCSV returns an encoding/csv reader of br that reads rows of any width, reusing them.
func newCSV(br *bufio.Reader) *csv.Reader {
	cr := csv.NewReader(br) // takes br as it is: the bytes it holds stay for the next reader
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	return cr
}

// renew replaces the csv reader after a large row, whose line and field buffers it would keep
// for the rest of the file, by a new one that goes on from the same place. end is the line
// the row ended on.
func (c *CSVReader) renew(end int) {
	c.offBase += c.cr.InputOffset()
	c.lineBase = end
	c.cr = newCSV(c.br)
}

// Read returns the next row's record, an *Error for a bad row, or io.EOF.
func (c *CSVReader) Read() (Record, error) {
	if c.done {
		return Record{}, io.EOF
	}
	if c.head == nil {
		if err := c.readHeader(); err != nil {
			c.done = true
			if e, ok := err.(*Error); ok {
				e.WholeFile = true
			}
			return Record{}, err
		}
	}
	row, line, err := c.row()
	if errors.Is(err, io.EOF) && !c.rows {
		return Record{}, &Error{File: c.name, Err: fmt.Errorf("%w: no row below the header", ErrEmpty)}
	}
	c.rows = true
	if err != nil {
		return Record{}, err
	}
	if len(row) != len(c.head) {
		return Record{}, c.errorf(line, "%d fields, the header has %d", len(row), len(c.head))
	}
	text := CleanText(row[c.cols.text])
	if strings.TrimSpace(text) == "" {
		return Record{}, c.errorf(line, "%w: column %q is empty", ErrNoText, c.head[c.cols.text])
	}
	rec := Record{Line: line}
	rec.Doc = labels.Document{SourceFile: c.name, Title: Title(text), Text: text}
	if c.cols.id >= 0 {
		rec.Doc.ExternalID = row[c.cols.id]
	}
	if c.cols.label >= 0 && strings.TrimSpace(row[c.cols.label]) != "" {
		st := labels.DocStance{Label: row[c.cols.label]}
		if c.cols.target >= 0 {
			st.Target = CleanText(row[c.cols.target])
		}
		if c.cols.claim >= 0 {
			st.Target = CleanText(row[c.cols.claim])
		}
		rec.Stances = []labels.DocStance{st}
	}
	rec.Doc.Metadata = c.metadata(row)
	return rec, nil
}

// row returns the next row that is well formed UTF-8, or the error about it, and its line.
func (c *CSVReader) row() ([]string, int, error) {
	row, err := c.cr.Read()
	c.src.mark = c.offBase + c.cr.InputOffset()
	c.src.grow.reset()
	var pe *csv.ParseError
	switch {
	case errors.Is(err, io.EOF):
		c.done = true
		return nil, 0, io.EOF
	case errors.As(err, &pe):
		start, at := c.lineBase+pe.StartLine, c.lineBase+pe.Line
		c.src.badFrom(at + 1)
		if at != start {
			return nil, 0, c.errorf(start, "%w: the row begun here goes wrong at line %d, byte %d", pe.Err, at, pe.Column)
		}
		return nil, 0, c.errorf(start, "%w, at byte %d of the line", pe.Err, pe.Column)
	case err != nil:
		c.done = true
		return nil, 0, &Error{File: c.name, Line: c.src.lines.n, Err: err}
	}
	line, _ := c.cr.FieldPos(0)
	line += c.lineBase
	if size, breaks := rowSize(row); size >= bigLine {
		c.renew(line + breaks)
	}
	bad := c.src.badFrom(line)
	for _, f := range row {
		if !fastutf8.ValidString(f) {
			if bad == nil {
				bad = &Error{Line: line, Err: ErrInvalidUTF8}
			}
			return nil, 0, &Error{File: c.name, Line: bad.Line, Err: bad.Err}
		}
	}
	return row, line, nil
}

// rowSize returns the bytes of a row's fields and the line breaks inside them.
func rowSize(row []string) (size, breaks int) {
	for _, f := range row {
		size += len(f)
		breaks += strings.Count(f, "\n")
	}
	return size, breaks
}

// readHeader reads the header line and finds the columns the options name.
func (c *CSVReader) readHeader() error {
	if err := CheckOptions("csv", c.opt); err != nil {
		return &Error{File: c.name, Err: err}
	}
	row, line, err := c.row()
	if errors.Is(err, io.EOF) {
		return &Error{File: c.name, Err: fmt.Errorf("%w: want a header line naming the columns", ErrEmpty)}
	}
	if err != nil {
		return err
	}
	c.head = slices.Clone(row)
	seen := map[string]bool{}
	for _, h := range c.head {
		if seen[h] {
			return c.errorf(line, "column %q appears twice in the header", h)
		}
		seen[h] = true
	}
	c.cols = csvColumns{text: -1, id: -1, target: -1, label: -1, claim: -1}
	for _, want := range []struct {
		opt string
		to  *int
	}{{c.opt.TextColumn, &c.cols.text}, {c.opt.ExternalIDColumn, &c.cols.id}, {c.opt.TargetColumn, &c.cols.target}, {c.opt.LabelColumn, &c.cols.label},
		{c.opt.ClaimColumn, &c.cols.claim}} {
		if want.opt == "" {
			continue
		}
		if *want.to = c.column(want.opt); *want.to < 0 {
			return c.errorf(line, "no column %q in the header (its columns: %s)", want.opt, strings.Join(c.head, ", "))
		}
	}
	if c.opt.ExternalIDColumn == "" {
		c.cols.id = c.column("id")
	}
	return nil
}

// column returns the index of the column named name: the exact name, or else the only one
// equal to it ignoring case and surrounding spaces; -1 when there is none.
func (c *CSVReader) column(name string) int {
	found := -1
	for i, h := range c.head {
		if h == name {
			return i
		}
		if strings.EqualFold(strings.TrimSpace(h), strings.TrimSpace(name)) {
			if found >= 0 {
				return -1
			}
			found = i
		}
	}
	return found
}

// metadata returns the columns without a role as a JSON object, or nil when there are none.
func (c *CSVReader) metadata(row []string) []byte {
	var b []byte
	for i, v := range row {
		if i == c.cols.text || i == c.cols.id || i == c.cols.target || i == c.cols.label || i == c.cols.claim {
			continue
		}
		if b == nil {
			b = append(b, '{')
		} else {
			b = append(b, ',')
		}
		b = appendJSONString(b, c.head[i])
		b = append(b, ':')
		b = appendJSONString(b, v)
	}
	if b == nil {
		return nil
	}
	return append(b, '}')
}

func (c *CSVReader) errorf(line int, format string, args ...any) error {
	return &Error{File: c.name, Line: line, Err: fmt.Errorf(format, args...)}
}
