package postgres

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
)

// watcher listens, on a connection of its own, for the notifications every commit sends
// (notifyChannel), so that Changed costs no query: a window asks it once a second.
type watcher struct {
	cfg     *pgx.ConnConfig
	mu      sync.Mutex
	started bool
	changed atomic.Bool
	cancel  context.CancelFunc
	done    chan struct{}
}

// Changed reports whether a write was committed to the project since the last call, by this
// store or another (false on the first call, which starts listening). A listener that loses
// the server connects again and then reports a change, since it may have missed some.
func (s *Store) Changed(ctx context.Context) (bool, error) {
	w := &s.watch
	w.mu.Lock()
	defer w.mu.Unlock()
	if !w.started {
		w.started = true
		lctx, cancel := context.WithCancel(context.Background())
		w.cancel, w.done = cancel, make(chan struct{})
		ready := make(chan struct{})
		go w.listen(lctx, ready)
		select {
		case <-ready:
		case <-ctx.Done():
		case <-time.After(5 * time.Second):
		}
		return false, nil
	}
	return w.changed.Swap(false), nil
}

// listen keeps a listening connection until ctx ends; ready is closed once it first listens
// (or gives up trying for now).
func (w *watcher) listen(ctx context.Context, ready chan struct{}) {
	defer close(w.done)
	first := true
	for ctx.Err() == nil {
		conn, err := pgx.ConnectConfig(ctx, w.cfg.Copy())
		if err == nil {
			_, err = conn.Exec(ctx, "LISTEN "+notifyChannel)
		}
		if err == nil {
			if !first {
				w.changed.Store(true) // what was committed while we were away
			}
			if first {
				close(ready)
				first = false
			}
			for err == nil {
				_, err = conn.WaitForNotification(ctx)
				if err == nil {
					w.changed.Store(true)
				}
			}
		}
		if conn != nil {
			conn.Close(context.Background())
		}
		if first {
			close(ready)
			first = false
		}
		select {
		case <-ctx.Done():
		case <-time.After(time.Second):
		}
	}
}

// stop ends the listener.
func (w *watcher) stop() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.started {
		w.cancel()
		<-w.done
	}
}
