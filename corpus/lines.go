package corpus

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
)

// MaxRecord is the largest record a reader accepts, in bytes: a line of JSONL, a row of CSV,
// a document of CoNLL. Files may be far larger: readers hold one record at a time.
const MaxRecord = 64 << 20

// ErrTooLong is wrapped by the error about a record larger than MaxRecord.
var ErrTooLong = errors.New("record too long")

// bom is the UTF-8 byte order mark that a file may begin with.
var bom = []byte("\uFEFF")

// bigGrowth is the size from which a record growing in memory (a line, a CSV row, a CoNLL
// document) has the garbage collected each time it doubles: the buffers it outgrew would
// otherwise stay until the next collection, which tawsimctl spaces out (GOGC=400), and a
// record of tens of megabytes would hold several of its sizes in garbage.
const bigGrowth = 8 << 20

// growth collects garbage as a record grows past bigGrowth, 2*bigGrowth, 4*bigGrowth...
type growth struct{ next int }

// grew notes that the record being read has reached n bytes.
func (g *growth) grew(n int) {
	if g.next == 0 {
		g.next = bigGrowth
	}
	if n >= g.next {
		runtime.GC()
		g.next = 2 * n
	}
}

// reset starts over with the next record.
func (g *growth) reset() { g.next = bigGrowth }

// keptLine is the largest line buffer a lineReader keeps for the next line.
const keptLine = 1 << 20

// lineReader reads a file line by line, however long the lines are, holding one line at a time.
type lineReader struct {
	br   *bufio.Reader
	max  int    // the longest line accepted, without its line end
	n    int    // the number of the line last read, 1-based
	eol  bool   // whether the line last read ended with "\n"
	buf  []byte // the line being put together from several reads
	dead bool   // the input failed: every later read is io.EOF
}

func newLineReader(r io.Reader) *lineReader {
	return &lineReader{br: bufio.NewReaderSize(r, 64<<10), max: MaxRecord}
}

// raw returns the next line with its "\n" when it has one; the bytes are valid until the next
// call. A line longer than max is read through, dropped and reported as ErrTooLong, so that
// the caller can go on with the next line. io.EOF ends the input; a failed read is reported
// once, and io.EOF follows it.
func (l *lineReader) raw() ([]byte, error) {
	if l.dead {
		return nil, io.EOF
	}
	l.release()
	l.buf = l.buf[:0]
	long, started := false, false
	for {
		chunk, err := l.br.ReadSlice('\n')
		started = started || len(chunk) > 0
		switch {
		case err == nil || errors.Is(err, io.EOF):
			if err != nil && !started {
				return nil, io.EOF
			}
			l.n++
			l.eol = err == nil
			line := chunk
			if len(l.buf) > 0 {
				l.buf = append(l.buf, chunk...)
				line = l.buf
			}
			if long || len(bytes.TrimRight(line, "\r\n")) > l.max {
				return nil, fmt.Errorf("%w: the line is longer than %s", ErrTooLong, sizeOf(l.max))
			}
			return line, nil
		case errors.Is(err, bufio.ErrBufferFull):
			if !long {
				c := cap(l.buf)
				l.buf = append(l.buf, chunk...)
				if cap(l.buf) != c && len(l.buf) >= bigGrowth {
					// The line moved to a larger buffer: the one it outgrew goes back to the
					// system, and a long line outgrows one every quarter of its size (append's
					// growth).
					debug.FreeOSMemory()
				}
				if len(l.buf) > l.max+2 {
					long, l.buf = true, nil
				}
			}
		default:
			l.dead = true
			l.n++
			return nil, fmt.Errorf("%w: %w", ErrRead, err)
		}
	}
}

// release drops the buffer of the line last read when it is larger than the lines kept, so
// that a huge line is not held while its record is stored. The line must not be used after.
func (l *lineReader) release() {
	if cap(l.buf) > keptLine {
		l.buf = nil
	}
}

// next returns the next line without its line end ("\n" or "\r\n") and, on the first line,
// without a BOM. A line that is not UTF-8 is reported with ErrInvalidUTF8 and the byte where
// it goes wrong; the caller may go on with the next line.
func (l *lineReader) next() ([]byte, error) {
	b, err := l.raw()
	if err != nil {
		return nil, err
	}
	b = bytes.TrimSuffix(b, []byte("\n"))
	b = bytes.TrimSuffix(b, []byte("\r"))
	if l.n == 1 {
		b = bytes.TrimPrefix(b, bom)
	}
	if _, err := checkUTF8(b, l.n); err != nil {
		return nil, err
	}
	return b, nil
}

// sizeOf writes a size in bytes for a message: "64 MiB", or "100 bytes" below a MiB.
func sizeOf(n int) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}
