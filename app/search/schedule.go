package search

import (
	"context"
	"time"

	"github.com/tawsim/tawsim/store"
)

// Delay is how long the box waits after a key before it searches: a word typed at a usual
// pace is searched once, when the typing stops.
const Delay = 250 * time.Millisecond

// Runner runs a search beside the window's other work and brings what it shows back to the
// UI goroutine (the window's *work.Queue).
type Runner interface {
	UI(fn func())
	Go(fn func())
}

// timerFunc starts a timer that calls fn after d on a goroutine of its own, and returns what
// stops it (time.AfterFunc's Stop).
type timerFunc func(d time.Duration, fn func()) (stop func() bool)

// afterFunc is time.AfterFunc as a timerFunc.
func afterFunc(d time.Duration, fn func()) func() bool { return time.AfterFunc(d, fn).Stop }

// schedule runs the latest query only: a query typed waits Delay (a newer one before then
// takes its place), a query asked for at once (Enter, a filter) does not, and the answer to
// a query that a newer one (or a clear) superseded is dropped, its search cancelled. All its
// methods run on the UI goroutine.
type schedule struct {
	run   Runner
	after timerFunc
	// search runs q off the UI goroutine and returns what to show of it on the UI goroutine.
	search func(ctx context.Context, q store.Query) (show func(), err error)
	// failed is told, on the UI goroutine, of an error of the latest query.
	failed func(q store.Query, err error)

	seq    uint64             // the latest query asked for, or clear
	stop   func() bool        // the timer of a query typed, nil when none waits
	cancel context.CancelFunc // the search running, nil when none
	began  time.Time          // when the latest search started
	took   time.Duration      // from the start of the latest search shown to its rows set
}

// typed asks for q after Delay, in place of any query waiting.
func (s *schedule) typed(q store.Query) {
	seq := s.next()
	s.stop = s.after(Delay, func() {
		s.run.UI(func() {
			if s.seq == seq {
				s.stop = nil
				s.start(seq, q)
			}
		})
	})
}

// now runs q at once, in place of any query waiting or running.
func (s *schedule) now(q store.Query) { s.start(s.next(), q) }

// clear drops the query waiting and the search running.
func (s *schedule) clear() { s.next() }

// next supersedes the query waiting and the search running, and returns the new sequence
// number.
func (s *schedule) next() uint64 {
	s.seq++
	if s.stop != nil {
		s.stop()
		s.stop = nil
	}
	if s.cancel != nil {
		s.cancel()
		s.cancel = nil
	}
	return s.seq
}

// start runs query seq, q, off the UI goroutine, and shows it when it is still the latest.
func (s *schedule) start(seq uint64, q store.Query) {
	ctx, cancel := context.WithCancel(context.Background())
	s.cancel, s.began = cancel, time.Now()
	s.run.Go(func() {
		show, err := s.search(ctx, q)
		s.run.UI(func() {
			if s.seq != seq {
				return // superseded: a newer query shows, or none
			}
			s.cancel = nil
			cancel()
			if err != nil {
				if s.failed != nil {
					s.failed(q, err)
				}
				return
			}
			if show != nil {
				show()
			}
			s.took = time.Since(s.began)
		})
	})
}

// pending reports whether a query waits or runs.
func (s *schedule) pending() bool { return s.stop != nil || s.cancel != nil }
