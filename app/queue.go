package app

import (
	"context"
	"sync"

	"fyne.io/fyne/v2"
)

// queue runs the window's store work one job at a time, in the order it was asked for, on a
// goroutine of its own: a label written before a document is opened is committed before the
// document is read. Its list has no bound, so that asking never blocks the UI goroutine.
type queue struct {
	mu      sync.Mutex
	jobs    []func()
	wake    chan struct{}
	quit    chan struct{}
	stopped bool
	done    chan struct{}
}

// newQueue returns a queue whose goroutine is running.
func newQueue() *queue {
	q := &queue{wake: make(chan struct{}, 1), quit: make(chan struct{}), done: make(chan struct{})}
	go q.run()
	return q
}

// push adds a job; it reports false, and drops the job, once the queue has stopped.
func (q *queue) push(job func()) bool {
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

// run runs the jobs until stop, then the ones already asked for.
func (q *queue) run() {
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

// stop ends the queue once the jobs asked for have run, and waits for them.
func (q *queue) stop() {
	q.mu.Lock()
	if !q.stopped {
		q.stopped = true
		close(q.quit)
	}
	q.mu.Unlock()
	<-q.done
}

// do runs work off the UI goroutine, in order with the window's other store work, and then
// the function it returns (if any) on the UI goroutine. Work asked for before another project
// was opened is dropped.
func (w *Window) do(work func(ctx context.Context) func()) {
	gen := w.gen.Load()
	w.bg.Add(1)
	ok := w.q.push(func() {
		defer w.bg.Done()
		if w.gen.Load() != gen {
			return
		}
		if apply := work(context.Background()); apply != nil {
			w.ui(func() {
				if w.gen.Load() == gen {
					apply()
				}
			})
		}
	})
	if !ok {
		w.bg.Done()
	}
}

// ui runs fn on the UI goroutine and waits for it, unless the window is closing.
func (w *Window) ui(fn func()) {
	select {
	case <-w.q.quit:
		return // the main loop may have ended: there is no UI goroutine to run fn
	default:
	}
	done := make(chan struct{})
	run := func() {
		defer close(done)
		fn()
	}
	if w.uiCalls != nil {
		select {
		case w.uiCalls <- run:
		case <-w.q.quit:
			return
		}
	} else {
		fyne.Do(run)
	}
	select {
	case <-done:
	case <-w.q.quit:
	}
}

// wait waits until the work asked for so far, and what it asked for in turn, has been done and
// shown, running on the caller's goroutine what is to run on the UI goroutine (see newWindow).
// Tests and benchmarks use it.
func (w *Window) wait() {
	idle := make(chan struct{})
	go func() {
		w.bg.Wait()
		close(idle)
	}()
	for {
		select {
		case fn := <-w.uiCalls:
			fn()
		case <-idle:
			return
		}
	}
}
