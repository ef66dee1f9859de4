package app

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// statusBar makes the bar below the window: a message at the left (what a key did, or why it
// was refused), the save marker and the project at the right.
func (w *Window) statusBar() fyne.CanvasObject {
	w.message = newMessageBar()
	w.saved = widget.NewLabel("")
	w.info = widget.NewLabel("")
	return container.NewVBox(widget.NewSeparator(),
		container.NewBorder(nil, nil, nil, container.NewHBox(w.saved, widget.NewSeparator(), w.info), w.message))
}

// say shows a message in the status bar.
func (w *Window) say(format string, args ...any) {
	w.message.Importance = widget.MediumImportance
	w.message.SetText(fmt.Sprintf(format, args...))
}

// warn shows a refusal in the status bar, in the colour of errors.
func (w *Window) warn(format string, args ...any) {
	w.message.Importance = widget.DangerImportance
	w.message.SetText(fmt.Sprintf(format, args...))
}

// updateInfo shows the project and its size at the right of the status bar.
func (w *Window) updateInfo() {
	w.info.SetText(w.cfg.Path + "  ·  " + countText(w.total))
}

// countText says how many documents there are: "1 document", "12,345 documents".
func countText(n int) string {
	if n == 1 {
		return "1 document"
	}
	return thousands(n) + " documents"
}

// thousands writes n with a comma between groups of three digits: 1,204.
func thousands(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// save runs a write off the UI goroutine, in order with the others, showing "Saving…" until it
// is committed (see behind.go). work returns what to show of what it wrote (run on the UI
// goroutine, also when a later step failed), and the error that stopped it; its store writes
// go through retried, so that a busy project delays them and never fails them. On an error,
// failed (when not nil) takes back what the window showed before the write, and refused
// explains a refusal the annotator can act on; other errors go to a dialog.
func (w *Window) save(work func(ctx context.Context) (func(), error), failed func(), refused func(error) bool) {
	w.sent()
	w.do(func(ctx context.Context) func() {
		apply, err := work(ctx)
		return func() {
			w.answered()
			if err == nil {
				w.lastSaved = time.Now()
			}
			if apply != nil {
				apply()
			}
			if err != nil && failed != nil {
				failed()
			}
			if err != nil && (refused == nil || !refused(err)) {
				w.showError(fmt.Errorf("%w\n\nNothing was changed. Check that the project file is on a disk with free space that you can write to, then try again", err))
			}
			w.showSaved()
		}
	})
}

// showSaved shows the save marker once every write sent is answered: "Saved ✓ 14:02:31", the
// time of the last write committed.
func (w *Window) showSaved() {
	if len(w.pending) > 0 {
		return
	}
	w.saved.Importance = widget.SuccessImportance
	if w.lastSaved.IsZero() {
		w.saved.SetText("")
		return
	}
	w.saved.SetText("Saved ✓ " + w.lastSaved.Format("15:04:05"))
}

// listHeader makes what sits above the document list: the status filter and the corpus's
// progress.
func (w *Window) listHeader() fyne.CanvasObject {
	w.filterSel = widget.NewSelect(filterOptions(), w.onFilter)
	w.filterSel.SetSelected(filterAll)
	w.progress = widget.NewProgressBar()
	w.progress.TextFormatter = func() string {
		return fmt.Sprintf("%s / %s done", thousands(w.done), thousands(w.total))
	}
	w.counts = widget.NewLabel("")
	w.counts.Importance = widget.LowImportance
	w.counts.Truncation = fyne.TextTruncateEllipsis
	return container.NewVBox(
		container.NewBorder(nil, nil, widget.NewLabel("Show"), nil, w.filterSel),
		w.progress, w.counts, widget.NewSeparator())
}

// statsRefresher reads the project's statistics for the progress bar, off the UI goroutine,
// one read at a time; a refresh asked for during a read reads again after it.
type statsRefresher struct {
	mu      sync.Mutex
	running bool
	next    *statsRequest
}

// statsRequest is one refresh: whose statistics, from which project.
type statsRequest struct {
	st        *store.Store
	annotator string
	gen       uint64
}

// refreshStats updates the progress bar and the counts in the background.
func (w *Window) refreshStats() {
	r := &w.stats
	r.mu.Lock()
	defer r.mu.Unlock()
	r.next = &statsRequest{w.cfg.Store, w.cfg.Annotator, w.gen.Load()}
	if r.running {
		return
	}
	r.running = true
	w.bg.Add(1)
	go func() {
		defer w.bg.Done()
		for {
			r.mu.Lock()
			req := r.next
			r.next = nil
			if req == nil {
				r.running = false
				r.mu.Unlock()
				return
			}
			r.mu.Unlock()
			s, err := req.st.Stats(context.Background(), req.annotator)
			w.ui(func() {
				if req.gen == w.gen.Load() && req.annotator == w.cfg.Annotator {
					w.showStats(s, err)
				}
			})
		}
	}()
}

// showStats shows the annotator's progress: "1,204 / 3,400 done", and the other statuses.
func (w *Window) showStats(s store.Stats, err error) {
	if err != nil {
		if !errors.Is(err, context.Canceled) {
			w.warn("Could not count the documents: %v", err)
		}
		return
	}
	w.total, w.done = s.Documents, s.Status[labels.StatusDone]
	w.updateInfo()
	w.progress.Max = float64(max(s.Documents, 1))
	w.progress.SetValue(float64(w.done))
	var parts []string
	for _, st := range labels.Statuses {
		if st != labels.StatusDone {
			parts = append(parts, fmt.Sprintf("%s %s", thousands(s.Status[st]), statusText(st)))
		}
	}
	w.counts.SetText(strings.Join(parts, " · "))
}
