package store

import (
	"context"
	"database/sql"
	"time"
)

// writerWaitMS is how long SQLite itself waits on the writer for another connection's write,
// once the project is open; begin waits the rest, asking again every waitStep.
const writerWaitMS = 1

// waitStep is how often begin asks for the project while another connection writes.
const waitStep = time.Millisecond

// begin starts an immediate transaction on the writer, waiting up to busyTimeoutMS for another
// connection's write to end. SQLite's own wait retries every 100 ms once it has waited 200 ms:
// against an import that commits a slice every sliceTime and leaves the project free for
// sliceGap in between, it could miss the gap slice after slice. begin asks every millisecond,
// so that a write waits for one slice at most.
func (s *Store) begin(ctx context.Context) (*sql.Tx, error) {
	deadline := time.Now().Add(busyTimeoutMS * time.Millisecond)
	for {
		tx, err := s.w.BeginTx(ctx, nil)
		if err == nil || !isBusy(err) || !time.Now().Before(deadline) {
			return tx, err
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(waitStep):
		}
	}
}

// IsBusy reports whether err says that another program was writing to the project for longer
// than a write waits: nothing was written, and the same write can be tried again.
func IsBusy(err error) bool { return isBusy(err) }
