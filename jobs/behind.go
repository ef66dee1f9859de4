package jobs

import (
	"context"
	"errors"
	"runtime"
	"sync/atomic"

	"github.com/tawsim/tawsim/labels"
)

// exportDepth is how many records an export keeps in flight: more than the store reads in
// one batch (512 documents), so that the writer has work while the next batch is read.
const exportDepth = 1024

// inFlightBytes bounds the memory of the records in flight: once the records handed to the
// writer and not yet written hold more, the reader waits. A record larger than that is
// written before the next batch is read, so that an export holds one large document at a
// time, not a batch of them.
var inFlightBytes int64 = 16 << 20 // a variable for tests

// recordBytes is about how much memory a record holds.
func recordBytes(rec *labels.Annotated) int64 {
	const span, offsets = 192, 16 // the sizes of labels.Span and labels.Offsets
	return int64(len(rec.Doc.Text) + len(rec.Doc.Metadata) + offsets*len(rec.Doc.Tokens) + len(rec.Doc.Packed) + span*len(rec.Spans))
}

// writeBehind reads the records that read gives and hands them to write in a goroutine of
// its own, so that reading the database overlaps encoding and writing the files. It tells
// progress (when set) how far it has gone against total documents, and returns how many
// records were written and the first error of either side.
func writeBehind(ctx context.Context, read func(func(labels.Annotated) error) error, total int64,
	progress func(Progress), write func(labels.Annotated) error) (int, error) {
	ch := make(chan labels.Annotated, exportDepth)
	done := make(chan struct{})
	stopped := make(chan struct{})  // closed at the writer's first error
	freed := make(chan struct{}, 1) // a record was written
	var inFlight atomic.Int64       // bytes of the records handed over and not yet written
	var n int
	var docs int64 // documents seen: records come a document at a time
	var last string
	var werr error
	go func() {
		defer close(done)
		for rec := range ch {
			if werr == nil {
				if recordBytes(&rec) > inFlightBytes {
					// What reading it left (the bytes its spans were decoded from) is garbage:
					// collect it before writing makes more, as GOGC=400 would not.
					runtime.GC()
				}
				if werr = write(rec); werr != nil {
					close(stopped)
				}
			}
			inFlight.Add(-recordBytes(&rec))
			select {
			case freed <- struct{}{}:
			default:
			}
			if werr != nil {
				continue // drain, so that the reader never blocks
			}
			n++
			if rec.Doc.ID != last {
				last, docs = rec.Doc.ID, docs+1
			}
			if progress != nil && n%256 == 0 {
				progress(Progress{Records: n, Done: docs, Total: total})
			}
		}
	}()
	failed := errors.New("the writer stopped")
	rerr := read(func(rec labels.Annotated) error {
		size := recordBytes(&rec)
		inFlight.Add(size)
		select {
		case ch <- rec:
		case <-stopped:
			return failed
		case <-ctx.Done():
			return ctx.Err()
		}
		for inFlight.Load() > inFlightBytes {
			select {
			case <-freed:
			case <-stopped:
				return failed
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		if size > inFlightBytes {
			runtime.GC() // the large record is written: free it before the next one is read
		}
		return nil
	})
	close(ch)
	<-done
	if werr != nil {
		return 0, werr
	}
	if rerr != nil {
		return 0, rerr
	}
	if progress != nil {
		progress(Progress{Records: n, Done: total, Total: total})
	}
	return n, nil
}
