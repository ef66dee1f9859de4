package app

import (
	"errors"

	"github.com/tawsim/tawsim/app/work"
	"github.com/tawsim/tawsim/store"
)

// The window writes behind the screen: a label action is drawn at once and written by the
// queue, in order with every other action, and the save marker says "Saved" only once the
// project file holds it. A write that finds the project busy (another program writing to it
// for longer than a write waits) is not an error: the action is kept, shown as not saved yet,
// and written again until it is in. So is a write to a server project whose server cannot be
// reached: the status bar says so, and the actions wait in the window's queue, in order,
// until the server is back; the server store recognises an action sent again after an
// answer it lost (span ids, upserts), so none is written twice.

// retried runs one store write with work.Retry, the save marker saying that the project is
// busy while it waits. It runs in the queue, so the actions after it wait for it.
func retried[T any](w *Window, write func() (T, error)) (T, error) {
	return work.Retry(write, func(err error) {
		offline := errors.Is(err, store.ErrUnavailable)
		w.q.UI(func() {
			if offline {
				w.status.Offline()
			} else {
				w.status.Waiting(true)
			}
		})
	})
}

// retriedErr is retried for a write that returns only an error.
func retriedErr(w *Window, write func() error) error {
	_, err := retried(w, func() (struct{}, error) { return struct{}{}, write() })
	return err
}
