// Package work runs the window's store work off the UI goroutine: one job at a time, in the
// order it was asked for, on a goroutine of its own, and what a job shows back on the UI
// goroutine. A label written before a document is opened is committed before the document is
// read; a write that finds the project busy is tried again until it is in (Retry).
//
// It imports no Fyne widget: the panels of the window reach it through its methods alone,
// and its tests run without a window.
package work

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"

	"github.com/tawsim/tawsim/store"
)

// Queue runs jobs one at a time in the order asked for. Its list has no bound, so that asking
// never blocks the UI goroutine.
type Queue struct {
	mu      sync.Mutex
	jobs    []func()
	wake    chan struct{}
	quit    chan struct{}
	stopped bool
	done    chan struct{}

	bg      sync.WaitGroup // the jobs asked for and the goroutines of Go, until they end
	gen     atomic.Uint64  // changes with Forget: the work asked for before is dropped
	uiCalls chan func()    // when set, what is to run on the UI goroutine waits here (tests)
}

// New returns a queue whose goroutine is running. With uiCalls set, what the queue runs on
// the UI goroutine goes to wait there instead, and Wait runs it on its caller's goroutine:
// Fyne's test driver runs fyne.Do at once on the calling goroutine, which would let background
// work touch widgets while a test does; this way the test's goroutine is the only UI
// goroutine, as the main loop is in the program.
func New(uiCalls chan func()) *Queue {
	q := &Queue{wake: make(chan struct{}, 1), quit: make(chan struct{}), done: make(chan struct{}), uiCalls: uiCalls}
	go q.run()
	return q
}

// push adds a job; it reports false, and drops the job, once the queue has stopped.
func (q *Queue) push(job func()) bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.stopped {
		return false
	}
	q.jobs = append(q.jobs, job)
	select {
	case q.wake <- struct{}{}:
	default:
	}
	return true
}

// run runs the jobs until Stop, then the ones already asked for.
func (q *Queue) run() {
	defer close(q.done)
	for {
		q.mu.Lock()
		jobs := q.jobs
		q.jobs = nil
		stopped := q.stopped
		q.mu.Unlock()
		for _, job := range jobs {
			job()
		}
		if len(jobs) > 0 {
			continue
		}
		if stopped {
			return
		}
		select {
		case <-q.wake:
		case <-q.quit:
		}
	}
}

// Do runs work in the queue, and then the function it returns (if any) on the UI goroutine.
// Work asked for before the last Forget is dropped, and so is what it returns.
func (q *Queue) Do(work func(ctx context.Context) func()) {
	gen := q.gen.Load()
	q.Run(func() {
		if q.gen.Load() != gen {
			return
		}
		if apply := work(context.Background()); apply != nil {
			q.UI(func() {
				if q.gen.Load() == gen {
					apply()
				}
			})
		}
	})
}

// Run runs job in the queue, after the work asked for before it, whatever Forget says since.
func (q *Queue) Run(job func()) {
	q.bg.Add(1)
	if !q.push(func() { defer q.bg.Done(); job() }) {
		q.bg.Done()
	}
}

// Go runs fn on a goroutine of its own, outside the queue (an import, a count): Stop and Wait
// wait for it.
func (q *Queue) Go(fn func()) {
	q.bg.Add(1)
	go func() {
		defer q.bg.Done()
		fn()
	}()
}

// UI runs fn on the UI goroutine and waits for it, unless the queue is stopping: the main
// loop may have ended, and there is no UI goroutine to run fn.
func (q *Queue) UI(fn func()) {
	select {
	case <-q.quit:
		return
	default:
	}
	done := make(chan struct{})
	run := func() {
		defer close(done)
		fn()
	}
	if q.uiCalls != nil {
		select {
		case q.uiCalls <- run:
		case <-q.quit:
			return
		}
	} else {
		fyne.Do(run)
	}
	select {
	case <-done:
	case <-q.quit:
	}
}

// Forget drops the work asked for so far and not yet done, and what it would show: another
// project is open.
func (q *Queue) Forget() { q.gen.Add(1) }

// Generation changes with each Forget: work that read it before may compare it after.
func (q *Queue) Generation() uint64 { return q.gen.Load() }

// Stopping is closed once Stop has been called.
func (q *Queue) Stopping() <-chan struct{} { return q.quit }

// Stop ends the queue once the jobs asked for have run, and waits for them and for the
// goroutines of Go.
func (q *Queue) Stop() {
	q.mu.Lock()
	if !q.stopped {
		q.stopped = true
		close(q.quit)
	}
	q.mu.Unlock()
	<-q.done
	q.bg.Wait()
}

// Wait waits until the work asked for so far, and what it asked for in turn, has been done
// and shown, running on the caller's goroutine what is to run on the UI goroutine (see New).
// Tests and benchmarks use it.
func (q *Queue) Wait() {
	idle := make(chan struct{})
	go func() {
		q.bg.Wait()
		close(idle)
	}()
	for {
		select {
		case fn := <-q.uiCalls:
			fn()
		case <-idle:
			return
		}
	}
}

// Pump runs what is to run on the UI goroutine for d, as the main loop would, while the
// queue's jobs wait for whatever they wait for (tests; see New).
func (q *Queue) Pump(d time.Duration) {
	end := time.After(d)
	for {
		select {
		case fn := <-q.uiCalls:
			fn()
		case <-end:
			return
		}
	}
}

// RetryPause is how long Retry waits before writing again to a busy project.
const RetryPause = 250 * time.Millisecond

// Retry runs one store write, again and again while the project is busy (another program
// writing to it for longer than a write waits) or its server cannot be reached
// (store.Retryable), and returns its result. busy, when not nil, is called with the error
// when the write first fails so, and again when the reason changes (busy, then the server
// gone). It runs in the queue, so the actions after it wait for it, in order: they are the
// local queue of what is not saved yet.
func Retry[T any](write func() (T, error), busy func(error)) (T, error) {
	var last error
	for {
		v, err := write()
		if !store.Retryable(err) {
			return v, err
		}
		if busy != nil && (last == nil || store.IsBusy(last) != store.IsBusy(err)) {
			busy(err)
		}
		last = err
		time.Sleep(RetryPause)
	}
}
