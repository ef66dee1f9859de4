package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/tawsim/tawsim/internal/fastutf8"

	"github.com/tawsim/tawsim/labels"
)

// MaxTextFile is the largest plain-text article a TextReader accepts.
const MaxTextFile = 64 << 20

// ErrEmpty is wrapped by the error about a file with nothing to import in it (nothing, or
// white space only): an error about the whole file, whatever its format.
var ErrEmpty = errors.New("the file is empty")

// TextReader reads one plain-text article: the whole file is one document, its first non-empty
// line the title. A leading BOM is dropped and CRLF and lone CR become LF; nothing else of the
// text is changed.
type TextReader struct {
	name string
	r    io.Reader
	done bool
}

// NewTextReader returns a reader of the article in r, named name.
func NewTextReader(name string, r io.Reader) *TextReader {
	return &TextReader{name: name, r: r}
}

// Read returns the article, then io.EOF.
func (t *TextReader) Read() (Record, error) {
	if t.done {
		return Record{}, io.EOF
	}
	t.done = true
	raw, err := t.readAll()
	if err != nil {
		return Record{}, &Error{File: t.name, Err: fmt.Errorf("%w: %w", ErrRead, err)}
	}
	if len(raw) > MaxTextFile {
		return Record{}, &Error{File: t.name, Err: fmt.Errorf("larger than %d MiB: split it into articles", MaxTextFile>>20)}
	}
	if !fastutf8.ValidString(raw) {
		line, err := checkUTF8([]byte(raw), 1)
		return Record{}, &Error{File: t.name, Line: line, Err: err}
	}
	text := CleanText(raw)
	if strings.TrimSpace(text) == "" {
		return Record{}, &Error{File: t.name, Err: ErrEmpty}
	}
	base := filepath.Base(t.name)
	return Record{Line: 1, Annotated: labels.Annotated{Doc: labels.Document{
		ExternalID: strings.TrimSuffix(base, filepath.Ext(base)),
		SourceFile: t.name,
		Title:      Title(text),
		Text:       text,
	}}}, nil
}

// readAll reads the whole input, up to one byte past MaxTextFile, into a string that is built
// in place: an article is read once into memory of its own size, not grown by doubling and
// then copied.
func (t *TextReader) readAll() (string, error) {
	var b strings.Builder
	if st, ok := t.r.(interface{ Size() int64 }); ok && st.Size() >= 0 && st.Size() <= MaxTextFile {
		b.Grow(int(st.Size()) + 1) // the byte past the end, to see the end
	}
	_, err := io.Copy(&b, io.LimitReader(t.r, MaxTextFile+1))
	return b.String(), err
}

// CleanText drops a leading BOM and turns CRLF and lone CR into LF: the repairs a reader of
// plain text (text with no offsets attached) may make.
func CleanText(s string) string {
	s = strings.TrimPrefix(s, "\uFEFF")
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	b := []byte(s)
	b = bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
	b = bytes.ReplaceAll(b, []byte("\r"), []byte("\n"))
	return string(b)
}

// maxTitle is the longest title, in code points, taken from an article's first line.
const maxTitle = 120

// Title returns the first non-empty line of text, trimmed and cut to a readable length.
func Title(text string) string {
	for line := range strings.SplitSeq(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		return cut(line, maxTitle)
	}
	return ""
}
