package jobs

import (
	"context"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/tawsim/tawsim/corpus"
	"github.com/tawsim/tawsim/labels"
)

// tellingReader gives n records of a 1 KB text and tells each read past the first.
type tellingReader struct {
	n, read int
	more    chan int
}

func (c *tellingReader) Read() (corpus.Record, error) {
	if c.read == c.n {
		return corpus.Record{}, io.EOF
	}
	c.read++
	if c.read > 1 {
		c.more <- c.read
	}
	return corpus.Record{Annotated: labels.Annotated{Doc: labels.Document{Text: strings.Repeat("ن", 512)}}}, nil
}

// TestReadAheadStopsAtALargeRecord: records read ahead hold aheadBytes at most, so a record
// larger than that is stored before the next one is read; smaller ones are read ahead.
func TestReadAheadStopsAtALargeRecord(t *testing.T) {
	defer func(n int64) { aheadBytes = n }(aheadBytes)
	for _, bound := range []int64{100, 1 << 20} {
		aheadBytes = bound
		rd := &tellingReader{n: 3, more: make(chan int, 3)}
		a, stop := readAhead(context.Background(), rd)
		if r, ok := a.next(); !ok || r.err != nil {
			t.Fatalf("the first record: %v", r.err)
		}
		select {
		case n := <-rd.more:
			if bound < 1024 {
				t.Errorf("read %d records while the first, over %d bytes, is being stored", n, bound)
			}
		case <-time.After(100 * time.Millisecond):
			if bound >= 1024 {
				t.Errorf("the records of %d bytes were not read ahead", bound)
			}
		}
		for {
			if r, ok := a.next(); !ok || r.err == io.EOF {
				break
			}
		}
		stop()
	}
}
