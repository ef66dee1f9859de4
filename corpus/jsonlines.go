package corpus

import (
	"bytes"
	stdjson "encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"unicode/utf8"

	"github.com/goccy/go-json"
	"github.com/tawsim/tawsim/internal/jsonkind"
)

// ErrNoText is wrapped by the error about a record without a text.
var ErrNoText = errors.New("the record has no text")

// parseFunc turns one line of a JSONL format into a record; skip drops the line unreported
// (Prodigy's rejected answers). eol tells whether the line ended with a newline. done, when
// the parser no longer needs the line, lets it go before the parser goes on.
type parseFunc func(line []byte, eol bool, done func()) (rec Record, skip bool, err error)

// jsonLines reads a JSONL file: one JSON object a line, blank lines ignored.
type jsonLines struct {
	name  string
	lines *lineReader
	parse parseFunc
	seen  bool // a line that is not blank was read, or the file is known to be empty
}

// Read returns the next record, an *Error for a bad line, or io.EOF. A file with nothing but
// white space in it is reported as ErrEmpty.
func (j *jsonLines) Read() (Record, error) {
	for {
		b, err := j.lines.next()
		if errors.Is(err, io.EOF) {
			if !j.seen {
				j.seen = true
				return Record{}, &Error{File: j.name, Err: ErrEmpty}
			}
			return Record{}, io.EOF
		}
		if err != nil {
			j.seen = true
			return Record{}, &Error{File: j.name, Line: j.lines.n, Err: err}
		}
		if len(bytes.TrimSpace(b)) == 0 {
			continue
		}
		j.seen = true
		rec, skip, err := j.parse(b, j.lines.eol, j.lines.release)
		j.lines.release()
		if err != nil {
			return Record{}, &Error{File: j.name, Line: j.lines.n, Err: err}
		}
		if skip {
			continue
		}
		rec.Line = j.lines.n
		if rec.Doc.SourceFile == "" {
			rec.Doc.SourceFile = j.name
		}
		return rec, nil
	}
}

// bigLine is the length from which a line's reading is followed by a collection of the
// garbage it left.
const bigLine = 8 << 20

// decodeLine decodes one JSONL line, which must hold a JSON object, into v. eol tells whether
// the line ended with a newline: a record cut short by the end of the file says so.
func decodeLine(b []byte, v any, eol bool) error {
	b = bytes.TrimSpace(b)
	if len(b) == 0 || b[0] != '{' {
		return fmt.Errorf("the line holds %s, want a JSON object {...}", jsonkind.Of(b))
	}
	if at := loneSurrogate(b); at >= 0 {
		return fmt.Errorf("%w: %s at byte %d of the line is half of a UTF-16 surrogate pair, not a character",
			ErrInvalidUTF8, b[at:at+6], at+1)
	}
	err := unmarshal(b, v)
	var se *json.SyntaxError
	if !errors.As(err, &se) {
		return jsonError(err, "")
	}
	msg := se.Error()
	switch {
	case cutShort(b) && !eol:
		return errors.New("the file ends inside this record: it is cut short")
	case cutShort(b):
		return errors.New("invalid JSON: the line ends inside the record (a record must be on one line)")
	case strings.Contains(msg, "after top-level value"):
		return fmt.Errorf("invalid JSON: %s (two records on one line?)", msg)
	}
	return fmt.Errorf("invalid JSON near byte %d: %s", se.Offset, msg)
}

// unmarshal decodes b into v. A value refused by a field's own decoder (an offset that is
// null, an *encoding/json.UnmarshalTypeError) comes back from goccy/go-json without the
// field's name: the standard library's decoder names it, so a line that fails so is decoded
// again by it for the message.
func unmarshal(b []byte, v any) error {
	if len(b) >= bigLine && stdjson.Unmarshal(b, v) == nil {
		// goccy/go-json copies its input whole, and a string with escapes twice more: on a
		// line of tens of megabytes the standard library's decoder takes less memory. Its
		// errors are worded otherwise: a line it refuses is decoded again, for the message.
		return nil
	}
	err := json.Unmarshal(b, v)
	var ste *stdjson.UnmarshalTypeError
	if !errors.As(err, &ste) {
		return err
	}
	again := reflect.New(reflect.TypeOf(v).Elem()).Interface()
	if e := stdjson.Unmarshal(b, again); errors.As(e, &ste) {
		return &json.UnmarshalTypeError{Value: ste.Value, Type: ste.Type, Offset: ste.Offset, Field: ste.Field}
	}
	return &json.UnmarshalTypeError{Value: ste.Value, Type: ste.Type, Offset: ste.Offset}
}

// cutShort reports whether b is the beginning of a JSON value that ends too soon: whether,
// followed by a byte that is never valid, the first error is at that byte. The decoder words
// the end of its input in several ways, so the standard library's scanner is asked for the
// place of the error; this runs on bad lines only.
func cutShort(b []byte) bool {
	var se *stdjson.SyntaxError
	err := stdjson.Unmarshal(append(b[:len(b):len(b)], 0x01), new(stdjson.RawMessage))
	return errors.As(err, &se) && se.Offset > int64(len(b))
}

// jsonError rewrites the decoder's errors as messages about the record; key names the value
// decoded when it is not the whole line.
func jsonError(err error, key string) error {
	if err == nil {
		return nil
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		path := key
		if p := fieldPath(te.Field); p != "" {
			if path != "" && p[0] != '[' {
				path += "."
			}
			path += p
		}
		if path == "" {
			return fmt.Errorf("got %s, want %s", valueOf(te.Value), wantOf(te.Type))
		}
		return fmt.Errorf("%s: got %s, want %s", path, valueOf(te.Value), wantOf(te.Type))
	}
	if key != "" {
		return fmt.Errorf("%s: invalid JSON: %w", key, err)
	}
	return fmt.Errorf("invalid JSON: %w", err)
}

// valueOf turns the decoder's "number 1.5" into "a number (1.5)".
func valueOf(v string) string {
	kind, rest, _ := strings.Cut(v, " ")
	switch kind {
	case "number", "string":
		kind = "a " + kind
	case "bool", "boolean":
		kind = "a boolean"
	case "object":
		kind = "an object"
	case "array":
		kind = "a list"
	}
	if rest != "" {
		return kind + " (" + rest + ")"
	}
	return kind
}

// fieldPath turns the decoder's "entities.0.start" into "entities[0].start".
func fieldPath(f string) string {
	var b strings.Builder
	for i, part := range strings.Split(f, ".") {
		switch {
		case part != "" && strings.Trim(part, "0123456789") == "":
			b.WriteString("[" + part + "]")
		case i > 0:
			b.WriteString("." + part)
		default:
			b.WriteString(part)
		}
	}
	return b.String()
}

// wantOf names the JSON value a Go type takes.
func wantOf(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return "an integer"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.Struct, reflect.Map:
		return "an object"
	}
	return t.String()
}

// isNull reports whether raw is absent or JSON null.
func isNull(raw []byte) bool {
	raw = bytes.TrimSpace(raw)
	return len(raw) == 0 || string(raw) == "null"
}

// objectCopy returns a copy of raw, which must be a JSON object or null (nil then).
func objectCopy(key string, raw []byte) ([]byte, error) {
	if isNull(raw) {
		return nil, nil
	}
	if k := jsonkind.Of(raw); k != "an object" {
		return nil, fmt.Errorf("%s: got %s, want an object", key, k)
	}
	return bytes.Clone(raw), nil
}

// appendJSONString appends s to dst as a JSON string, UTF-8 written raw: only the quote, the
// backslash and control characters are escaped.
func appendJSONString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			dst = append(dst, '\\', c)
		case c == '\n':
			dst = append(dst, '\\', 'n')
		case c == '\r':
			dst = append(dst, '\\', 'r')
		case c == '\t':
			dst = append(dst, '\\', 't')
		case c < 0x20:
			dst = append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
		case c < utf8.RuneSelf:
			dst = append(dst, c)
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				dst = append(dst, `\ufffd`...)
			} else {
				dst = append(dst, s[i:i+size]...)
			}
			i += size
			continue
		}
		i++
	}
	return append(dst, '"')
}

// isUUID reports whether s is a UUID in its canonical 8-4-4-4-12 hex form.
func isUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if i == 8 || i == 13 || i == 18 || i == 23 {
			if c != '-' {
				return false
			}
			continue
		}
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}
