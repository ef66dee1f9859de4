package app

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"

	"github.com/tawsim/tawsim/app/msg"
	"github.com/tawsim/tawsim/app/review"
	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// reviewMode is the window's Review mode: its annotator, as curator, settles the work of the
// project's other annotators into a gold, which is the curator's own annotations, one
// document at a time. The editor keeps working on the curator's annotations as in annotation
// (labels, Delete, stances, undo); review mode adds the other annotators' spans on lanes
// under the article, the review panel, and the keys that take an annotator's work into the
// gold. When a document the curator has not touched opens, what every annotator made goes
// into the gold at once (store.AdjudicateDocument, unanimous).
type reviewMode struct {
	w     *Window
	on    bool
	st    store.Project      // the project reviewed
	panel []string           // the annotators under review, numbered from 1
	work  store.DocumentWork // their work on the document open; Doc.ID "" until read
	tried map[string]bool    // the documents adjudicated (or found touched) since review began
	view  *review.Panel
	box   *container.Scroll // holds view, scrolled on a small screen; hidden while review is off
}

// newReviewMode returns review mode, off, and gives the labels whose key is a digit Alt and
// that digit, since in review the digits take the annotators' spans.
func newReviewMode(w *Window) *reviewMode {
	r := &reviewMode{w: w, view: review.New()}
	r.box = container.NewVScroll(r.view.Object())
	r.box.Hide()
	for d := '0'; d <= '9'; d++ {
		sc := &desktop.CustomShortcut{KeyName: fyne.KeyName(string(d)), Modifier: fyne.KeyModifierAlt}
		w.win.Canvas().AddShortcut(sc, func(fyne.Shortcut) {
			if l, ok := w.palette.Key(d); ok && !w.dialogs.covers() {
				w.ed.applyLabel(l)
			}
		})
	}
	return r
}

// toggle turns review on (when two annotators or more besides the window's have worked in
// the project) or off.
func (r *reviewMode) toggle() {
	if r.on {
		r.stop()
		r.w.status.Say("%s", lang.X("review.off", "Review mode is off: the window shows and labels your own annotations."))
		return
	}
	r.begin(nil)
}

// begin turns review on when two annotators or more besides the window's have worked in the
// project, and then runs then (when not nil).
func (r *reviewMode) begin(then func()) {
	name := r.w.cfg.Annotator
	if name == "" {
		r.w.askName(true)
		return
	}
	st := r.w.cfg.Store
	readThen(r.w, lang.X("review.list_failed", "list the project's annotators"), func(ctx context.Context) (store.Stats, error) { return st.Stats(ctx, "") },
		func(s store.Stats) {
			panel := slices.DeleteFunc(slices.Clone(s.Annotators), func(a string) bool { return a == name })
			if len(panel) < 2 {
				r.w.status.Warn("%s", lang.X("review.needs", "Review needs the work of two annotators or more besides yours ({{.Name}}); this project has {{.Others}}. "+
					"Merge their projects with File → Merge projects….", msg.M{"Name": msg.Name(name), "Others": annotatorList(panel)}))
				return
			}
			r.start(st, panel)
			if then != nil {
				then()
			}
		})
}

// annotatorList names annotators for a message: "amal and badr", "none".
func annotatorList(names []string) string {
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = msg.Name(n)
	}
	switch len(names) {
	case 0:
		return lang.X("review.no_votes", "none")
	case 1:
		return quoted[0]
	}
	return lang.X("list.and", "{{.List}} and {{.Last}}",
		msg.M{"List": strings.Join(quoted[:len(names)-1], lang.X("list.comma", ", ")), "Last": quoted[len(names)-1]})
}

// start turns review on over project st, the annotators of panel numbered in that order.
func (r *reviewMode) start(st store.Project, panel []string) {
	r.on, r.st, r.panel, r.tried = true, st, panel, map[string]bool{}
	r.box.Show()
	r.w.view.article.SetLanes(make([][]labels.Span, min(len(panel), review.MaxAnnotators)), r.w.schema)
	r.w.win.SetMainMenu(r.w.mainMenu())
	r.w.panes.ShowStance() // the review panel sits above the stance panel
	r.w.status.Say("%s", lang.X("review.on", "Review mode: you curate as {{.Name}}. Lanes under each line show the spans of {{.Names}}, one lane each from the top; "+
		"press a number to take that annotator's span into the gold.", msg.M{"Name": msg.Name(r.w.cfg.Annotator), "Names": annotatorList(panel)}))
	r.shown()
}

// stop turns review off.
func (r *reviewMode) stop() {
	r.on, r.work = false, store.DocumentWork{}
	r.box.Hide()
	r.w.view.article.SetLanes(nil, r.w.schema)
	r.w.win.SetMainMenu(r.w.mainMenu())
}

// doneStatus is the status that "done, next" gives: curated in review.
func (r *reviewMode) doneStatus() labels.Status {
	if r.on {
		return labels.StatusCurated
	}
	return labels.StatusDone
}

// shown reads the work on the document the editor has just shown and draws it. A document
// the curator has not touched yet gets, the first time it opens in this review, what every
// annotator made, as gold.
func (r *reviewMode) shown() {
	if !r.on {
		return
	}
	w := r.w
	if r.st != w.cfg.Store || w.cfg.Annotator == "" {
		r.stop() // another project, or no curator
		return
	}
	e := w.ed
	id, order := e.doc.ID, e.doc.Order
	if r.work.Doc.ID != id {
		r.work = store.DocumentWork{}
	}
	r.refresh()
	if id == "" {
		return
	}
	untouched := len(e.spans) == 0 && len(e.stances) == 0 && (e.state.Status == labels.StatusTodo || e.state.Status == "")
	first := !r.tried[id]
	r.tried[id] = true
	st, p, seq := r.st, store.Panel{Curator: w.cfg.Annotator, Annotators: r.panel}, e.loads.Load()
	if !first || !untouched {
		readThen(w, lang.X("review.work_failed", "read the annotators' work"), func(ctx context.Context) (store.DocumentWork, error) { return st.DocumentWork(ctx, id) },
			func(d store.DocumentWork) { r.read(d) })
		return
	}
	w.save(func(ctx context.Context) (func(), error) {
		type adjudicated struct {
			prop  store.Proposal
			wrote bool
		}
		a, err := retried(w, func() (adjudicated, error) {
			prop, wrote, err := st.AdjudicateDocument(ctx, id, p, store.RuleUnanimous)
			return adjudicated{prop, wrote}, err
		})
		if err != nil {
			return nil, err
		}
		d, err := st.DocumentWork(ctx, id)
		return func() {
			if !a.wrote {
				r.read(d)
				return
			}
			now := labels.StatusInProgress
			if a.prop.Settled {
				now = labels.StatusCurated
			}
			w.list.StatusChanged(id, order, labels.StatusTodo, now, nil)
			if e.loads.Load() != seq {
				return // another document is being opened
			}
			e.open(id, func() {
				w.status.Say("%s", msg.CountWith("review.adjudicated", "Every annotator made {{.N}} spans and gave {{.Stances}} here: they are in the gold.",
					len(a.prop.Accepted), msg.M{"Stances": msg.Count("review.stances", "{{.N}} stances", len(a.prop.Gold))})+" "+settledText(a.prop.Settled))
			})
		}, err
	}, nil, nil)
}

// settledText says whether the rule settled the document.
func settledText(settled bool) string {
	if settled {
		return lang.X("review.settled", "They agree on everything: the document is curated.")
	}
	return lang.X("review.unsettled", "Their differences are drawn full in the lanes.")
}

// read shows the work d when it is on the document open.
func (r *reviewMode) read(d store.DocumentWork) {
	if !r.on || d.Doc.ID != r.w.ed.doc.ID {
		return
	}
	r.work = d
	r.w.view.article.SetLanes(review.Lanes(d, r.panel[:min(len(r.panel), review.MaxAnnotators)]), r.w.schema)
	r.refresh()
}

// refresh shows the review panel again: the gold, the selection or the target changed.
func (r *reviewMode) refresh() {
	if !r.on {
		return
	}
	e := r.w.ed
	t, _ := r.w.stance.Current()
	r.view.Show(review.State{Work: r.work, Panel: r.panel, Curator: r.w.cfg.Annotator, Gold: e.spans, Stances: e.stances,
		Range: r.selection(), Target: t, Targets: r.w.schema.Targets, Schema: r.w.schema})
}

// selection returns the range the curator points at: the gold span selected, else the
// words selected; nil for none.
func (r *reviewMode) selection() *review.Range {
	a := r.w.view.article
	if sp, ok := a.SelectedSpan(); ok {
		return &review.Range{Start: sp.Start, End: sp.End}
	}
	if sel, ok := a.Selection(); ok && !sel.Empty() {
		return &review.Range{Start: sel.Start, End: sel.End}
	}
	return nil
}

// selected shows the panel for a new selection and tells the keys.
func (r *reviewMode) selected() {
	if !r.on {
		return
	}
	r.refresh()
	if r.selection() != nil && len(r.panel) > 0 {
		r.w.status.Say("%s", lang.X("review.press", "Press 1–{{.Last}} to take that annotator's span here into the gold, Enter the majority's; "+
			"Alt with a label's digit labels the gold.", msg.M{"Last": strconv.Itoa(min(len(r.panel), review.MaxAnnotators))}))
	}
}

// laneTapped tells whose span the curator clicked on its lane.
func (r *reviewMode) laneTapped(k int, sp labels.Span) {
	if !r.on || k >= len(r.panel) {
		return
	}
	r.w.status.Say("%s", lang.X("review.lane", "{{.Name}}'s {{.Label}} {{.Text}} (lane {{.Lane}}): press {{.Key}} to take it into the gold.",
		msg.M{"Name": msg.Name(r.panel[k]), "Label": r.w.ed.spanName(sp), "Text": msg.Quote(sp.Text), "Lane": msg.Thousands(k + 1), "Key": strconv.Itoa(k + 1)}))
}

// ready reports whether the work on the document open is read and the editor can write.
func (r *reviewMode) ready() bool {
	return r.on && r.w.ed.ready() && r.work.Doc.ID == r.w.ed.doc.ID
}

// rune handles the keys of review, and reports whether r was one: a digit takes that
// annotator's work, [ and ] go to the previous and next difference.
func (r *reviewMode) rune(c rune) bool {
	if !r.on {
		return false
	}
	if k, ok := digit(c); ok && k > 0 {
		r.take(k - 1)
		return true
	}
	switch c {
	case ']', 'د':
		r.difference(1)
	case '[', 'ج':
		r.difference(-1)
	default:
		return false
	}
	return true
}

// key handles Enter, which takes the majority's work, and reports whether it did.
func (r *reviewMode) key(ev *fyne.KeyEvent) bool {
	if !r.on || (ev.Name != fyne.KeyReturn && ev.Name != fyne.KeyEnter) {
		return false
	}
	r.takeMajority()
	return true
}

// digit returns the value of an ASCII, Arabic-Indic or Eastern Arabic-Indic digit.
func digit(c rune) (int, bool) {
	for _, zero := range []rune{'0', '٠', '۰'} {
		if c >= zero && c <= zero+9 {
			return int(c - zero), true
		}
	}
	return 0, false
}
