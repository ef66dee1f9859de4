package search

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/tawsim/tawsim/store"
)

// fakeRunner runs UI functions on the test's goroutine when it calls flush, and Go functions
// on goroutines of their own, as the window's queue does.
type fakeRunner struct {
	mu  sync.Mutex
	ui  []func()
	bg  sync.WaitGroup
	ran chan struct{}
}

func newFakeRunner() *fakeRunner { return &fakeRunner{ran: make(chan struct{}, 64)} }

func (r *fakeRunner) UI(fn func()) {
	r.mu.Lock()
	r.ui = append(r.ui, fn)
	r.mu.Unlock()
	r.ran <- struct{}{}
}

func (r *fakeRunner) Go(fn func()) {
	r.bg.Add(1)
	go func() {
		defer r.bg.Done()
		fn()
	}()
}

// flush runs the UI functions asked for so far.
func (r *fakeRunner) flush() {
	r.mu.Lock()
	fns := r.ui
	r.ui = nil
	r.mu.Unlock()
	for _, fn := range fns {
		fn()
	}
}

// fakeTimers holds the timers started, to fire them by hand: no test waits for the clock.
type fakeTimers struct {
	waits   []time.Duration
	fns     []func()
	stopped []bool
}

func (f *fakeTimers) after(d time.Duration, fn func()) func() bool {
	i := len(f.fns)
	f.waits, f.fns, f.stopped = append(f.waits, d), append(f.fns, fn), append(f.stopped, false)
	return func() bool {
		was := !f.stopped[i]
		f.stopped[i] = true
		return was
	}
}

// fire runs timer i, as time.AfterFunc would once its time has come (a stopped timer never
// fires).
func (f *fakeTimers) fire(i int) {
	if !f.stopped[i] {
		f.stopped[i] = true
		f.fns[i]()
	}
}

// searches records the queries searched and the ones shown; a search waits for its release
// when gate is set.
type searches struct {
	mu       sync.Mutex
	searched []string
	shown    []string
	gate     map[string]chan struct{}
	ctxs     map[string]context.Context
}

func (s *searches) search(ctx context.Context, q store.Query) (func(), error) {
	s.mu.Lock()
	s.searched = append(s.searched, q.Text)
	if s.ctxs == nil {
		s.ctxs = map[string]context.Context{}
	}
	s.ctxs[q.Text] = ctx
	g := s.gate[q.Text]
	s.mu.Unlock()
	if g != nil {
		<-g
	}
	return func() { s.shown = append(s.shown, q.Text) }, nil
}

func newSchedule() (*schedule, *fakeRunner, *fakeTimers, *searches) {
	r, tm, ss := newFakeRunner(), &fakeTimers{}, &searches{gate: map[string]chan struct{}{}}
	return &schedule{run: r, after: tm.after, search: ss.search}, r, tm, ss
}

// settle waits for the searches started and runs what they show.
func settle(r *fakeRunner) {
	r.bg.Wait()
	r.flush()
}

// TestScheduleDebounce: keys typed one after another search once, the last text, after Delay;
// the timers of the texts before are stopped.
func TestScheduleDebounce(t *testing.T) {
	s, r, tm, ss := newSchedule()
	for _, text := range []string{"ط", "طر", "طرابلس"} {
		s.typed(store.Query{Text: text})
	}
	if len(tm.fns) != 3 || tm.waits[2] != Delay {
		t.Fatalf("timers %v, want three of %v", tm.waits, Delay)
	}
	if !tm.stopped[0] || !tm.stopped[1] || tm.stopped[2] {
		t.Errorf("stopped %v: the first two should be stopped, the last waiting", tm.stopped)
	}
	if len(ss.searched) != 0 || !s.pending() {
		t.Errorf("searched %v before the typing stopped; pending %v", ss.searched, s.pending())
	}
	for i := range tm.fns {
		tm.fire(i) // a stopped timer that fired all the same would search its text
	}
	r.flush()
	settle(r)
	if len(ss.searched) != 1 || ss.searched[0] != "طرابلس" || len(ss.shown) != 1 || ss.shown[0] != "طرابلس" {
		t.Errorf("searched %v, shown %v; want طرابلس once", ss.searched, ss.shown)
	}
	if s.pending() {
		t.Error("still pending once shown")
	}
}

// TestScheduleSupersede: a slow search that a newer one superseded is cancelled and its answer
// dropped, though it arrives last.
func TestScheduleSupersede(t *testing.T) {
	s, r, _, ss := newSchedule()
	slow := make(chan struct{})
	ss.gate["بطيء"] = slow
	s.now(store.Query{Text: "بطيء"})
	s.now(store.Query{Text: "سريع"})
	<-r.ran // the fast one answered
	r.flush()
	close(slow)
	settle(r)
	if len(ss.searched) != 2 {
		t.Fatalf("searched %v, want both", ss.searched)
	}
	if len(ss.shown) != 1 || ss.shown[0] != "سريع" {
		t.Errorf("shown %v, want the newer query only", ss.shown)
	}
	if err := ss.ctxs["بطيء"].Err(); err != context.Canceled {
		t.Errorf("the superseded search's context: %v, want canceled", err)
	}
}

// TestScheduleClear: clearing drops a query waiting for the typing to stop and a search
// running.
func TestScheduleClear(t *testing.T) {
	s, r, tm, ss := newSchedule()
	slow := make(chan struct{})
	ss.gate["أ"] = slow
	s.now(store.Query{Text: "أ"})
	s.typed(store.Query{Text: "ب"})
	s.clear()
	tm.fire(0)
	close(slow)
	settle(r)
	settle(r)
	if len(ss.shown) != 0 || s.pending() {
		t.Errorf("shown %v after a clear (pending %v)", ss.shown, s.pending())
	}
	if len(ss.searched) != 1 {
		t.Errorf("searched %v: the query typed before the clear ran", ss.searched)
	}
}

// TestScheduleError: the latest query's error is told, a superseded one's is not.
func TestScheduleError(t *testing.T) {
	s, r, _, _ := newSchedule()
	var told []string
	s.failed = func(q store.Query, err error) { told = append(told, q.Text) }
	s.search = func(ctx context.Context, q store.Query) (func(), error) { return nil, store.ErrNoWords }
	s.now(store.Query{Text: "،"})
	settle(r)
	if len(told) != 1 || told[0] != "،" {
		t.Errorf("told %v", told)
	}
}
