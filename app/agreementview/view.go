// Package agreementview is the Agreement window's content: how far the annotators of a team
// project agree, counted by jobs.Agreement off the UI goroutine with its progress shown. A
// pairwise matrix of span F1 as a coloured grid (red at 0, green at 1, the figure in each
// cell), F1 per label and pair, the stance figures per target with Cohen's kappa pair by
// pair, and the documents that disagree most, which a click opens. Filters choose whose
// work counts: the annotators, and the status of their work. It owns its widgets; the window
// gives it the project and opens what it is asked to.
package agreementview

import (
	"context"
	"fmt"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/doclist"
	"github.com/tawsim/tawsim/app/msg"
	"github.com/tawsim/tawsim/jobs"
	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// Runner runs the count beside the window's other work and brings what it shows back to the
// UI goroutine (the window's *work.Queue).
type Runner interface {
	Go(fn func())
	UI(fn func())
}

// anyStatus is the status filter's choice that keeps work of every status.
func anyStatus() string { return lang.L("any status") }

// View is the Agreement window's content.
type View struct {
	// OnOpen is called with the id of the document chosen in the list.
	OnOpen func(docID string)

	Annotators *widget.CheckGroup // whose work counts
	Status     *widget.Select     // the status their work must have
	Progress   *widget.ProgressBar
	Note       *widget.Label // what was counted, or what went wrong
	Tabs       *container.AppTabs

	spans  *spansTab
	stance *stanceTab
	docs   *docsTab
	object fyne.CanvasObject

	run    Runner
	st     store.Project
	res    jobs.AgreementResult
	seq    int                // counts the counts asked for; only the latest is shown
	cancel context.CancelFunc // stops the count under way
	shown  time.Time          // when the progress was shown last
}

// New returns an empty view whose counts run runs.
func New(run Runner) *View {
	v := &View{run: run, Progress: widget.NewProgressBar(), Note: widget.NewLabel("")}
	v.Note.Wrapping = fyne.TextWrapWord
	v.Annotators = widget.NewCheckGroup(nil, func([]string) { v.Count() })
	v.Annotators.Horizontal = true
	statuses := []string{anyStatus()}
	for _, s := range labels.Statuses {
		statuses = append(statuses, doclist.StatusText(s))
	}
	v.Status = widget.NewSelect(statuses, func(string) { v.Count() })
	v.spans, v.stance, v.docs = newSpansTab(), newStanceTab(), newDocsTab(func(id string) {
		if v.OnOpen != nil {
			v.OnOpen(id)
		}
	})
	v.Tabs = container.NewAppTabs(
		container.NewTabItem(lang.L("Entity spans"), v.spans.object),
		container.NewTabItem(lang.L("Document stance"), v.stance.object),
		container.NewTabItem(lang.L("Documents"), v.docs.object),
	)
	filters := widget.NewForm(
		widget.NewFormItem(lang.L("Annotators"), container.NewHScroll(v.Annotators)),
		widget.NewFormItem(lang.L("Their work"), v.Status),
	)
	v.object = container.NewBorder(container.NewVBox(filters, v.Progress, v.Note), nil, nil, nil, v.Tabs)
	return v
}

// Object returns what the window lays out.
func (v *View) Object() fyne.CanvasObject { return v.object }

// Result returns what was counted last.
func (v *View) Result() jobs.AgreementResult { return v.res }

// SetProject counts the agreement of the annotators of project st (names, all of them but
// leaveOut, which may be "", checked) over work of any status.
func (v *View) SetProject(st store.Project, names []string, leaveOut string) {
	v.st = st
	checked := slices.DeleteFunc(slices.Clone(names), func(n string) bool { return n == leaveOut })
	v.Annotators.OnChanged = nil
	v.Status.OnChanged = nil
	v.Annotators.Options = names
	v.Annotators.SetSelected(checked)
	v.Status.SetSelected(anyStatus())
	v.Annotators.OnChanged = func([]string) { v.Count() }
	v.Status.OnChanged = func(string) { v.Count() }
	v.Count()
}

// Count counts again with the filters chosen, stopping a count under way.
func (v *View) Count() {
	if v.st == nil {
		return
	}
	if v.cancel != nil {
		v.cancel()
	}
	v.seq++
	seq := v.seq
	names := slices.Clone(v.Annotators.Selected)
	if len(names) < 2 {
		v.Note.SetText(lang.L("Check two annotators or more to compare their work."))
		v.show(jobs.AgreementResult{})
		return
	}
	o := jobs.AgreementOptions{Annotators: names, Documents: true}
	if s := doclist.ParseStatus(v.Status.Selected); s != "" {
		o.Statuses = []labels.Status{s}
	}
	ctx, cancel := context.WithCancel(context.Background())
	v.cancel = cancel
	o.Progress = func(p jobs.Progress) { v.progress(seq, p) }
	v.Progress.SetValue(0)
	v.Note.SetText(lang.L("Counting…"))
	st := v.st
	v.run.Go(func() {
		res, err := jobs.Agreement(ctx, st, o)
		v.run.UI(func() {
			if seq != v.seq {
				return
			}
			cancel()
			v.cancel = nil
			if err != nil {
				v.Note.SetText(fmt.Sprintf(lang.L("The agreement could not be counted: %v"), err))
				return
			}
			v.Progress.SetValue(1)
			v.show(res)
		})
	})
}

// progress shows how far count seq has gone, a few times a second at most; it is called from
// the count's goroutine.
func (v *View) progress(seq int, p jobs.Progress) {
	if time.Since(v.shown) < 100*time.Millisecond {
		return
	}
	v.shown = time.Now()
	v.run.UI(func() {
		if seq == v.seq {
			if f := p.Fraction(); f >= 0 {
				v.Progress.SetValue(f)
			}
			v.Note.SetText(fmt.Sprintf(lang.L("Counting… %s documents read"), msg.Thousands(int(p.Done))))
		}
	})
}

// show shows what a count gave.
func (v *View) show(res jobs.AgreementResult) {
	v.res = res
	pairs, targets := 0, 0
	for _, p := range res.Report.Spans.Pairs {
		if p.Documents > 0 {
			pairs++
		}
	}
	for _, t := range res.Report.Stance {
		if t.Items > 0 {
			targets++
		}
	}
	switch {
	case pairs > 0 || targets > 0:
		v.Note.SetText(fmt.Sprintf(lang.L("%s worked on by two annotators or more; %s of annotators compared on spans, %s with document stances rated twice or more."),
			msg.Plural(len(res.Documents), "document"), msg.Plural(pairs, "pair"), msg.Plural(targets, "target")))
	case len(v.Annotators.Selected) >= 2:
		v.Note.SetText(lang.L("No document was worked on by two of these annotators with work of that status."))
	}
	v.spans.show(res.Report)
	v.stance.show(res.Report)
	v.docs.show(res.Documents)
}

// Spans returns the span matrix shown, for tests.
func (v *View) Spans() *Grid { return v.spans.matrix }

// Labels returns the grid of F1 per label, for tests.
func (v *View) Labels() *Grid { return v.spans.labels }

// Kappa returns the matrix of Cohen's kappa toward the target chosen, for tests.
func (v *View) Kappa() *Grid { return v.stance.matrix }

// Targets returns the grid of the figures of each target, for tests.
func (v *View) Targets() *Grid { return v.stance.table }

// Docs returns the document list, for tests.
func (v *View) Docs() *DocList { return v.docs.list }
