package app

import (
	"time"

	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/store"
)

// The window writes behind the screen: a label action is drawn at once and written by the
// queue, in order with every other action, and the save marker says "Saved" only once the
// project file holds it. A write that finds the project busy (another program writing to it
// for longer than a write waits) is not an error: the action is kept, shown as not saved yet,
// and written again until it is in.

// retryPause is how long the window waits before writing again to a busy project.
const retryPause = 250 * time.Millisecond

// slowSave is how long a write may take before the marker says that it is not saved yet.
const slowSave = time.Second

// retried runs one store write, again and again while the project is busy, and returns its
// result. It runs off the UI goroutine, in the queue, so the actions after it wait for it.
func retried[T any](w *Window, write func() (T, error)) (T, error) {
	for busy := false; ; busy = true {
		v, err := write()
		if !store.IsBusy(err) {
			return v, err
		}
		if !busy {
			w.ui(func() { w.showWaiting(true) })
		}
		time.Sleep(retryPause)
	}
}

// retriedErr is retried for a write that returns only an error.
func retriedErr(w *Window, write func() error) error {
	_, err := retried(w, func() (struct{}, error) { return struct{}{}, write() })
	return err
}

// sent marks a write as sent: "Saving…", and "Not saved yet…" should it take longer than
// slowSave. answered marks the oldest write sent as answered.
func (w *Window) sent() {
	w.pending = append(w.pending, time.Now())
	w.saved.Importance = widget.MediumImportance
	w.saved.SetText("Saving…")
	time.AfterFunc(slowSave, func() {
		w.ui(func() {
			if len(w.pending) > 0 && time.Since(w.pending[0]) >= slowSave {
				w.showWaiting(false)
			}
		})
	})
}

// answered marks the oldest write sent (the queue answers them in order) as answered.
func (w *Window) answered() {
	if len(w.pending) > 0 {
		w.pending = w.pending[1:]
	}
}

// showWaiting says that the actions shown are not saved yet, while writes wait for the
// project: busy when another program was seen holding it.
func (w *Window) showWaiting(busy bool) {
	if len(w.pending) == 0 {
		return
	}
	w.saved.Importance = widget.WarningImportance
	if busy {
		w.saved.SetText("Not saved yet: another program is writing to the project; trying again…")
		return
	}
	w.saved.SetText("Not saved yet…")
}
