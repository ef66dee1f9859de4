package jobs

import (
	"io"
	"sync/atomic"
)

// Progress is how far an import or an export has gone, for a progress bar.
type Progress struct {
	Records int // records read (import) or written (export) so far
	// Done goes up to Total: bytes of the input files for an import, documents of the
	// project for an export. Total is 0 when it is not known (an import from standard input).
	Done, Total int64
}

// Fraction returns Done / Total in [0, 1], or -1 when Total is not known.
func (p Progress) Fraction() float64 {
	if p.Total <= 0 {
		return -1
	}
	return min(1, float64(p.Done)/float64(p.Total))
}

// countingReader counts the bytes read through it; the count may be read from another
// goroutine than the one reading. size is the input's size when known, else -1.
type countingReader struct {
	r    io.Reader
	n    *atomic.Int64
	size int64
}

// Size returns the size of the input, or -1 when it is not known: a reader of a whole file
// (corpus.TextReader) reads it into memory of that size.
func (c countingReader) Size() int64 { return c.size }

func (c countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}
