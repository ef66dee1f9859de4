package work

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/tawsim/tawsim/store"
)

// TestQueueKeepsOrder: jobs run in the order asked for, and what they show runs on the
// goroutine that waits, in the same order.
func TestQueueKeepsOrder(t *testing.T) {
	q := New(make(chan func()))
	defer q.Stop()
	var ran, shown []int
	for i := range 20 {
		q.Do(func(context.Context) func() {
			ran = append(ran, i) // the queue's goroutine alone writes ran
			return func() { shown = append(shown, i) }
		})
	}
	q.Wait()
	want := []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19}
	if !slices.Equal(ran, want) || !slices.Equal(shown, want) {
		t.Errorf("ran %v, shown %v", ran, shown)
	}
}

// TestForgetDropsTheWorkBefore: work asked for before Forget (another project opened) is not
// shown, and work not yet started is not done; Run runs whatever Forget says.
func TestForgetDropsTheWorkBefore(t *testing.T) {
	q := New(make(chan func()))
	defer q.Stop()
	started, block := make(chan struct{}), make(chan struct{})
	var ran []string
	q.Do(func(context.Context) func() {
		close(started)
		<-block
		ran = append(ran, "first")
		return func() { ran = append(ran, "first shown") }
	})
	q.Do(func(context.Context) func() {
		ran = append(ran, "second")
		return nil
	})
	q.Run(func() { ran = append(ran, "run") })
	<-started
	q.Forget()
	q.Do(func(context.Context) func() {
		ran = append(ran, "after")
		return func() { ran = append(ran, "after shown") }
	})
	close(block)
	q.Wait()
	if want := []string{"first", "run", "after", "after shown"}; !slices.Equal(ran, want) {
		t.Errorf("ran %q, want %q", ran, want)
	}
}

// TestStopRunsWhatWasAsked: Stop runs the jobs asked for before it, and drops the later ones.
func TestStopRunsWhatWasAsked(t *testing.T) {
	q := New(nil)
	n := 0
	for range 5 {
		q.Run(func() { n++ })
	}
	q.Go(func() {})
	q.Stop()
	q.Run(func() { n++ })
	q.UI(func() { n++ }) // no UI goroutine once stopped: not run
	if n != 5 {
		t.Errorf("%d jobs ran, want the 5 asked for before Stop", n)
	}
	select {
	case <-q.Stopping():
	default:
		t.Error("Stopping is not closed after Stop")
	}
}

// TestRetryWaitsForTheServer: a write that finds the server gone is tried again until it is
// in, and the waiting is told once per reason.
func TestRetryWaitsForTheServer(t *testing.T) {
	gone := fmt.Errorf("add span: %w: connection refused", store.ErrUnavailable)
	tries := 0
	var told []error
	v, err := Retry(func() (int, error) {
		tries++
		if tries < 3 {
			return 0, gone
		}
		return 7, nil
	}, func(err error) { told = append(told, err) })
	if v != 7 || err != nil || tries != 3 {
		t.Fatalf("Retry = %d, %v after %d tries", v, err, tries)
	}
	if len(told) != 1 || !errors.Is(told[0], store.ErrUnavailable) {
		t.Errorf("told %v", told)
	}
	refused := errors.New("overlap")
	if _, err := Retry(func() (int, error) { return 0, refused }, nil); err != refused {
		t.Errorf("a refusal is not tried again: %v", err)
	}
}
