package jobs

import (
	"context"
	"errors"
	"io"

	"github.com/tawsim/tawsim/corpus"
)

// depth is how many records a pipeline keeps in flight between its two goroutines.
const depth = 64

// read is one result of a Reader.
type read struct {
	rec corpus.Record
	err error
}

// readAhead reads rd in a goroutine of its own, so that parsing the next records overlaps
// storing the current one (the machine has more than one core, the database one writer).
// The channel ends after io.EOF; stop ends the goroutine early.
func readAhead(ctx context.Context, rd corpus.Reader) (results <-chan read, stop func()) {
	ch := make(chan read, depth)
	done := make(chan struct{})
	go func() {
		defer close(ch)
		for {
			rec, err := rd.Read()
			select {
			case ch <- read{rec, err}:
			case <-done:
				return
			case <-ctx.Done():
				return
			}
			if errors.Is(err, io.EOF) {
				return
			}
		}
	}()
	return ch, func() { close(done) }
}
