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
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/doclist"
	"github.com/tawsim/tawsim/app/locale"
	"github.com/tawsim/tawsim/app/mirror"
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
func anyStatus() string { return lang.X("agreement.any_status", "any status") }

// View is the Agreement window's content.
type View struct {
	// OnOpen is called with the id of the document chosen in the list.
	OnOpen func(docID string)

	Annotators *widget.CheckGroup // whose work counts
	Status     *widget.Select     // the status their work must have
	Progress   *widget.ProgressBar
	Note       mirror.Texter // what was counted, or what went wrong
	Tabs       *container.AppTabs

	said  string          // what Note says
	names *fyne.Container // lays Annotators out

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
	v := &View{run: run, Progress: widget.NewProgressBar(), Note: mirror.Text(""), names: container.NewStack()}
	v.Annotators = widget.NewCheckGroup(nil, func([]string) { v.Count() })
	v.Annotators.Horizontal = true
	v.names.Objects = []fyne.CanvasObject{mirror.CheckGroupRow(v.Annotators)}
	statuses := []string{anyStatus()}
	for _, s := range labels.Statuses {
		statuses = append(statuses, doclist.StatusText(s))
	}
	v.Status = widget.NewSelect(statuses, func(string) { v.Count() })
	v.Status.Alignment = mirror.Align(false)
	v.spans, v.stance, v.docs = newSpansTab(), newStanceTab(), newDocsTab(func(id string) {
		if v.OnOpen != nil {
			v.OnOpen(id)
		}
	})
	tabs := []*container.TabItem{
		container.NewTabItem(lang.X("agreement.tab.spans", "Entity spans"), v.spans.object),
		container.NewTabItem(lang.X("agreement.tab.stance", "Document stance"), v.stance.object),
		container.NewTabItem(lang.X("agreement.tab.documents", "Documents"), v.docs.object),
	}
	if locale.RTL() { // Fyne lays the tabs from the left: in reading order from the right at least
		slices.Reverse(tabs)
	}
	v.Tabs = container.NewAppTabs(tabs...)
	v.Tabs.Select(tabs[slices.IndexFunc(tabs, func(t *container.TabItem) bool { return t.Content == v.spans.object })])
	filters := container.NewVBox(
		mirror.Border(nil, nil, filterName(lang.X("agreement.annotators_filter", "Annotators")), nil, container.NewHScroll(v.names)),
		mirror.Border(nil, nil, filterName(lang.X("agreement.their_work", "Their work")), nil, v.Status),
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
	v.names.Objects = []fyne.CanvasObject{mirror.CheckGroupRow(v.Annotators)}
	v.names.Refresh()
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
		v.say(lang.X("agreement.check_two", "Check two annotators or more to compare their work."))
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
	v.say(lang.X("agreement.counting", "Counting…"))
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
				v.say(lang.X("agreement.failed", "The agreement could not be counted: {{.Err}}", msg.M{"Err": msg.Name(err.Error())}))
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
			v.say(msg.Count("agreement.counting_read", "Counting… {{.N}} documents read", int(p.Done)))
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
		v.say(msg.CountWith("agreement.summary", "{{.N}} documents worked on by two annotators or more; {{.Pairs}} of annotators compared on spans, "+
			"{{.Targets}} with document stances rated twice or more.", len(res.Documents),
			msg.M{"Pairs": msg.Count("agreement.pairs", "{{.N}} pairs", pairs), "Targets": msg.Count("review.targets", "{{.N}} targets", targets)}))
	case len(v.Annotators.Selected) >= 2:
		v.say(lang.X("agreement.none", "No document was worked on by two of these annotators with work of that status."))
	}
	v.spans.show(res.Report)
	v.stance.show(res.Report)
	v.docs.show(res.Documents)
}

// say shows text in the note.
func (v *View) say(text string) {
	v.said = text
	v.Note.SetText(text)
}

// Said returns what the note says.
func (v *View) Said() string { return v.said }

// filterName returns the name of a filter, at the start edge.
func filterName(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.TextStyle.Bold = true
	l.Alignment = mirror.Align(false)
	return l
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
