package doclist

import (
	"context"
	"errors"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/locale"
	"github.com/tawsim/tawsim/app/mirror"
	"github.com/tawsim/tawsim/app/msg"
	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// header makes what sits above the rows: the status filter, the order (shown when there are
// suggestions) and the corpus's progress.
func (l *List) header() fyne.CanvasObject {
	l.Choice = widget.NewSelect(filterOptions(), l.onFilter)
	l.Choice.Alignment = mirror.Align(false)
	l.Choice.SetSelected(filterAll())
	l.Sort = widget.NewSelect(sortOptions(nil), l.onSort)
	l.Sort.Alignment = mirror.Align(false)
	l.Sort.SetSelected(sortOption(false, ""))
	l.sortRow = mirror.SelectRow(l.Sort)
	l.showSort(false)
	l.Progress = widget.NewProgressBar()
	l.Progress.TextFormatter = l.progressText
	var bar fyne.CanvasObject = l.Progress
	if locale.RTL() {
		// Fyne's bar would draw "١٢ من ٤٠ منجزة" with its numbers out of place: the words go
		// over it in the article's label
		l.Progress.TextFormatter = func() string { return "" }
		l.progress = mirror.Label("")
		bar = container.NewStack(l.Progress, container.NewCenter(l.progress))
	}
	l.counts = mirror.Label("")
	mirror.Faint(l.counts)
	return container.NewVBox(
		mirror.Border(nil, nil, widget.NewLabel(lang.X("list.show", "Show")), nil, l.Choice),
		l.sortRow, // a row of its own: "Lowest score: model-1" would not fit beside the filter
		bar, l.counts, widget.NewSeparator())
}

// progressText is what the progress bar says: "1,204 / 3,400 done".
func (l *List) progressText() string {
	return lang.X("list.progress", "{{.Done}} / {{.Total}} done", msg.M{"Done": msg.Thousands(l.done), "Total": msg.Thousands(l.total)})
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
	st        store.Project
	annotator string
	gen       uint64
}

// RefreshStats updates the progress bar and the counts in the background.
func (l *List) RefreshStats() {
	r := &l.stats
	r.mu.Lock()
	defer r.mu.Unlock()
	r.next = &statsRequest{l.st, l.annotator, l.run.Generation()}
	if r.running {
		return
	}
	r.running = true
	l.run.Go(func() {
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
			l.run.UI(func() {
				if req.gen == l.run.Generation() && req.annotator == l.annotator {
					l.ShowStats(s, err)
				}
			})
		}
	})
}

// ShowStats shows the annotator's progress: "1,204 / 3,400 done" (done or curated), and the
// other statuses that some document has.
func (l *List) ShowStats(s store.Stats, err error) {
	if err != nil {
		if !errors.Is(err, context.Canceled) {
			l.warn("%s", lang.X("list.count_failed", "Could not count the documents: {{.Err}}", msg.M{"Err": err}))
		}
		return
	}
	// a curator's curated documents are their done ones
	l.total, l.done = s.Documents, s.Status[labels.StatusDone]+s.Status[labels.StatusCurated]
	if l.OnTotal != nil {
		l.OnTotal(l.total)
	}
	l.Progress.Max = float64(max(s.Documents, 1))
	l.Progress.SetValue(float64(l.done))
	if l.progress != nil {
		l.progress.SetText(l.progressText())
	}
	var parts []string
	for _, st := range labels.Statuses {
		if st != labels.StatusDone && (s.Status[st] > 0 || st == labels.StatusTodo) {
			parts = append(parts, lang.X("list.status_count", "{{.N}} {{.Status}}", msg.M{"N": msg.Thousands(s.Status[st]), "Status": StatusText(st)}))
		}
	}
	l.counts.SetText(strings.Join(parts, " · "))
	l.showSources(s)
}
