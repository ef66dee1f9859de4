package suggest

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"unicode/utf8"
)

// MaxLine is the longest line a source file may hold, in bytes.
const MaxLine = 1 << 20

// lines reads a source file line by line. A line ends with LF, CRLF or a lone CR; a BOM
// before the first line is dropped.
type lines struct {
	sc *bufio.Scanner
	n  int // the number of the line last read
}

func newLines(r io.Reader) *lines {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), MaxLine+2)
	sc.Split(splitLines)
	return &lines{sc: sc}
}

// next returns the next line and true, or false at the end of the input.
func (l *lines) next() ([]byte, bool) {
	if !l.sc.Scan() {
		return nil, false
	}
	l.n++
	b := l.sc.Bytes()
	if l.n == 1 {
		b = bytes.TrimPrefix(b, []byte("\uFEFF"))
	}
	return b, true
}

// err returns the error that ended the input, with the line where it came, or nil at its end.
func (l *lines) err(file string) error {
	switch err := l.sc.Err(); {
	case err == nil:
		return nil
	case err == bufio.ErrTooLong:
		return &Error{File: file, Line: l.n + 1, Err: fmt.Errorf("the line is longer than %d bytes", MaxLine)}
	default:
		return fmt.Errorf("%s: after line %d: %w", file, l.n, err)
	}
}

// readLines calls do with each line of r and gathers the errors it returns, each with its
// line, as ReadGazetteer and ReadPatterns report them; a read that fails ends the list.
func readLines(r io.Reader, name string, do func(line []byte) error) error {
	errs := lineErrors{file: name}
	in := newLines(r)
	for {
		line, ok := in.next()
		if !ok {
			break
		}
		if err := do(line); err != nil {
			errs.add(in.n, err)
		}
	}
	if err := in.err(name); err != nil {
		errs.errs = append(errs.errs, err)
	}
	return errs.err()
}

// splitLines is a bufio.SplitFunc for lines ended by LF, CRLF or CR.
func splitLines(data []byte, atEOF bool) (advance int, token []byte, err error) {
	i := bytes.IndexAny(data, "\r\n")
	switch {
	case i < 0 && atEOF && len(data) > 0:
		return len(data), data, nil
	case i < 0:
		return 0, nil, nil
	case data[i] == '\n':
		return i + 1, data[:i], nil
	case i+1 < len(data):
		if data[i+1] == '\n' {
			return i + 2, data[:i], nil
		}
		return i + 1, data[:i], nil
	case atEOF:
		return i + 1, data[:i], nil
	}
	return 0, nil, nil // a CR at the end of the data: is an LF next?
}

// checkUTF8 returns an error naming the byte of line (1-based) where it stops being UTF-8.
func checkUTF8(line []byte) error {
	if utf8.Valid(line) {
		return nil
	}
	for i := 0; i < len(line); {
		r, size := utf8.DecodeRune(line[i:])
		if r == utf8.RuneError && size == 1 {
			return fmt.Errorf("invalid UTF-8 at byte %d of the line (0x%02x)", i+1, line[i])
		}
		i += size
	}
	return nil
}
