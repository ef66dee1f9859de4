package jobs

import (
	"context"
	"errors"
	"io"
	"runtime/debug"
	"sync/atomic"

	"github.com/tawsim/tawsim/corpus"
)

// depth is how many records a pipeline keeps in flight between its two goroutines.
const depth = 64

// aheadBytes bounds the memory of the records read ahead: once those read and not yet stored
// hold more, the reader waits. A record larger than that is stored before the next one is
// read, so that an import holds one large document at a time, not a file of them.
var aheadBytes int64 = 16 << 20 // a variable for tests

// read is one result of a Reader.
type read struct {
	rec corpus.Record
	err error
}

// ahead is a reader running ahead of the store (readAhead).
type ahead struct {
	results  chan read
	inFlight atomic.Int64  // bytes of the records read and not yet stored
	freed    chan struct{} // a record was stored
	last     int64         // the bytes of the record next taken back (next)
}

// readAhead reads rd in a goroutine of its own, so that parsing the next records overlaps
// storing the current one (the machine has more than one core, the database one writer).
// next gives the records in order, until io.EOF; stop ends the goroutine early.
func readAhead(ctx context.Context, rd corpus.Reader) (a *ahead, stop func()) {
	a = &ahead{results: make(chan read, depth), freed: make(chan struct{}, 1)}
	done := make(chan struct{})
	go func() {
		defer close(a.results)
		for {
			rec, err := rd.Read()
			a.inFlight.Add(recordBytes(&rec.Annotated))
			select {
			case a.results <- read{rec, err}:
			case <-done:
				return
			case <-ctx.Done():
				return
			}
			if errors.Is(err, io.EOF) {
				return
			}
			for a.inFlight.Load() > aheadBytes {
				select {
				case <-a.freed:
				case <-done:
					return
				case <-ctx.Done():
					return
				}
			}
		}
	}()
	return a, func() { close(done) }
}

// next returns the next result, the one before it being stored (or left out): false when
// the reader has stopped.
func (a *ahead) next() (read, bool) {
	if a.last > aheadBytes {
		// The large record before is stored: it and what storing it left go back to the
		// system before the next one is read. Under GOGC=400 the next collection would come
		// when the heap is five times the record, which was still held at the last one.
		debug.FreeOSMemory()
	}
	a.inFlight.Add(-a.last)
	select {
	case a.freed <- struct{}{}:
	default:
	}
	r, ok := <-a.results
	a.last = recordBytes(&r.rec.Annotated)
	return r, ok
}
