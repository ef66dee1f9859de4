package jobs

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tawsim/tawsim/labels"
)

// TestWriteBehindHoldsOneLargeRecord: a record larger than the bytes allowed in flight is
// written before the next one is read, while small ones are read ahead of the writer.
func TestWriteBehindHoldsOneLargeRecord(t *testing.T) {
	defer func(n int64) { inFlightBytes = n }(inFlightBytes)
	inFlightBytes = 5000
	for _, c := range []struct {
		size  int
		ahead int64 // how many records the reader may be ahead of the writer
	}{{1000, 6}, {8000, 1}} {
		var written atomic.Int64
		var most int64
		read := func(fn func(labels.Annotated) error) error {
			for i := range 20 {
				if ahead := int64(i) - written.Load(); ahead > most {
					most = ahead
				}
				rec := labels.Annotated{Doc: labels.Document{ID: string(rune('a' + i)), Text: strings.Repeat("x", c.size)}}
				if err := fn(rec); err != nil {
					return err
				}
			}
			return nil
		}
		n, err := writeBehind(context.Background(), read, 20, nil, func(labels.Annotated) error {
			time.Sleep(time.Millisecond)
			written.Add(1)
			return nil
		})
		if err != nil || n != 20 {
			t.Fatalf("records of %d bytes: %d written, %v", c.size, n, err)
		}
		if most > c.ahead {
			t.Errorf("records of %d bytes: the reader went %d records ahead of the writer, want %d at most", c.size, most, c.ahead)
		}
	}
}
