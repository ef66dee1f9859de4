package corpus

import (
	"errors"
	"fmt"
	"io"
)

// jsonValues splits a file of JSON values into the values, each with the line it starts on:
// the elements of one top-level array (Label Studio's JSON export, on one line or indented),
// or values one after another (JSONL, or indented objects). It reads line by line through a
// lineReader, so that the lines are checked as UTF-8 and a value may span lines; a value is
// at most MaxRecord bytes. It tells where values begin and end by their brackets and strings
// alone: what is inside is for the JSON decoder to judge.
type jsonValues struct {
	lines *lineReader
	rest  []byte // what is left of the line being read
	array int    // 0: not known yet, 1: values one after another, 2: in the array, 3: after it

	// the value being read
	cur      []byte
	reading  bool
	line     int // the line it starts on
	depth    int
	inString bool
	escaped  bool
	scalar   bool // a number or literal, which ends at the first delimiter
	comma    bool // in the array, a comma came after the last value (or none came yet)
}

func newJSONValues(r io.Reader) *jsonValues {
	return &jsonValues{lines: newLineReader(r), comma: true}
}

// next returns the next value and its line, io.EOF after the last, or an error about a line
// or a value (with its line), after which the caller may go on.
func (v *jsonValues) next() ([]byte, int, error) {
	for {
		if len(v.rest) == 0 {
			line, err := v.lines.next()
			switch {
			case errors.Is(err, io.EOF):
				err := v.end()
				return nil, v.line, err
			case err != nil:
				v.reset()
				return nil, v.lines.n, err
			}
			if v.reading {
				v.cur = append(v.cur, '\n')
			}
			v.rest = line
		}
		if value, ok, err := v.scan(); ok || err != nil {
			return value, v.line, err
		}
	}
}

// end is what the end of the file means where the reading is.
func (v *jsonValues) end() error {
	switch {
	case v.reading:
		v.reset()
		return errors.New("the file ends inside this value: it is cut short")
	case v.array == 2:
		v.array = 3
		v.line = v.lines.n
		return errors.New("the file ends before the ] that closes its list")
	}
	return io.EOF
}

// reset forgets the value being read.
func (v *jsonValues) reset() {
	v.cur, v.reading, v.depth, v.inString, v.escaped, v.scalar = v.cur[:0], false, 0, false, false, false
}

// scan reads on in the current line and returns a value when one ends in it.
func (v *jsonValues) scan() ([]byte, bool, error) {
	for i := 0; i < len(v.rest); i++ {
		c := v.rest[i]
		if !v.reading {
			switch {
			case c == ' ' || c == '\t' || c == '\r':
				continue
			case c == '[' && v.array == 0:
				v.array = 2
				continue
			case c == ',' && v.array == 2 && !v.comma:
				v.comma = true
				continue
			case c == ']' && v.array == 2:
				v.array = 3
				continue
			}
			v.line = v.lines.n
			switch {
			case v.array == 3:
				v.rest = nil
				return nil, false, errors.New("something follows the ] that closes the list")
			case v.array == 2 && !v.comma:
				v.rest = v.rest[i:]
				v.comma = true
				return nil, false, errors.New("a comma is missing before this value")
			}
			if v.array == 0 {
				v.array = 1
			}
			v.reading, v.comma, v.scalar = true, false, c != '{' && c != '[' && c != '"'
			v.rest = v.rest[i:]
			i = -1 // the value's first byte is read again, as part of it
			continue
		}
		if end, ok := v.step(c, i); ok {
			value := append(v.cur, v.rest[:end]...)
			v.rest = v.rest[end:]
			v.reset()
			return value, true, nil
		}
		if len(v.cur)+i > MaxRecord {
			v.reset()
			v.rest = nil
			return nil, false, fmt.Errorf("%w: a value is longer than %s", ErrTooLong, sizeOf(MaxRecord))
		}
	}
	if v.reading && v.scalar { // a number or literal ends with its line
		value := append(v.cur, v.rest...)
		v.rest = nil
		v.reset()
		return value, true, nil
	}
	if v.reading {
		v.cur = append(v.cur, v.rest...)
	}
	v.rest = nil
	return nil, false, nil
}

// step takes in byte c, at i in the rest of the line, of the value being read, and tells
// where the value ends (after c, or before it for a scalar) when it does.
func (v *jsonValues) step(c byte, i int) (int, bool) {
	switch {
	case v.scalar: // its first byte is its own, whatever it is, so that the reading goes on
		if i > 0 && (c == ',' || c == ']' || c == ' ' || c == '\t' || c == '\r') {
			return i, true
		}
	case v.inString:
		switch {
		case v.escaped:
			v.escaped = false
		case c == '\\':
			v.escaped = true
		case c == '"':
			v.inString = false
			return i + 1, v.depth == 0
		}
	case c == '"':
		v.inString = true
	case c == '{' || c == '[':
		v.depth++
	case c == '}' || c == ']':
		v.depth--
		return i + 1, v.depth <= 0
	}
	return 0, false
}
