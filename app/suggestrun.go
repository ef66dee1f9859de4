package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/msg"
	"github.com/tawsim/tawsim/corpus"
	"github.com/tawsim/tawsim/internal/safetext"
	"github.com/tawsim/tawsim/jobs"
	"github.com/tawsim/tawsim/labels"
)

// sourceKind is a kind of source the Suggestions menu runs.
type sourceKind int

const (
	sourceGazetteer   sourceKind = iota // a TSV file of text<TAB>label
	sourcePatterns                      // Prodigy's patterns, JSONL
	sourcePredictions                   // a model's predictions: Label Studio tasks, or native JSONL
	sourcePropagation                   // what annotators labeled, suggested elsewhere
)

// suggestRuns runs the sources of the Suggestions menu off the UI goroutine, with their
// progress shown as an import's, and sums each run up; it shows what they suggested after.
type suggestRuns struct{ w *Window }

// suggestForm is what the form of a run asks.
type suggestForm struct {
	path      *dialogEntry
	format    *widget.Select
	todo      *widget.Check
	addLabels *widget.Check
}

// titles of the forms, by kind.
var suggestTitles = map[sourceKind]string{
	sourceGazetteer:   "Suggest from a gazetteer",
	sourcePatterns:    "Suggest from patterns",
	sourcePredictions: "Load a model's predictions",
	sourcePropagation: "Suggest what was labeled elsewhere",
}

// ask shows the form of a run of kind, then runs it.
func (r *suggestRuns) ask(kind sourceKind) {
	w := r.w
	var d *dialog.FormDialog
	f := &suggestForm{path: newDialogEntry(func() { d.Dismiss() })}
	f.todo = widget.NewCheck(lang.L("Only the documents nobody has started (to do)"), nil)
	f.addLabels = widget.NewCheck(lang.L("Add labels the project does not have yet (instead of refusing the file)"), nil)
	var items []*widget.FormItem
	if kind != sourcePropagation {
		f.path.Validator = func(s string) error {
			if _, err := os.Stat(strings.TrimSpace(s)); strings.TrimSpace(s) == "" || err != nil {
				return errors.New(lang.L("choose a file"))
			}
			return nil
		}
		f.path.SetPlaceHolder(map[sourceKind]string{sourceGazetteer: "places.tsv: text<TAB>label lines",
			sourcePatterns: "orgs.jsonl: Prodigy's patterns", sourcePredictions: "a model's output: .json or .jsonl"}[kind])
		items = append(items, widget.NewFormItem(lang.L("File"), f.path), widget.NewFormItem("", w.fileButton(lang.L("File…"), f.path)))
	}
	if kind == sourcePredictions {
		f.format = widget.NewSelect(corpus.PredictionFormats(), nil)
		f.format.SetSelected("labelstudio")
		f.path.OnChanged = func(s string) {
			if strings.HasSuffix(strings.ToLower(strings.TrimSpace(s)), ".json") {
				f.format.SetSelected("labelstudio")
			}
		}
		items = append(items, widget.NewFormItem(lang.L("Format"), f.format))
	} else {
		items = append(items, widget.NewFormItem("", f.todo))
	}
	if kind != sourcePropagation {
		items = append(items, widget.NewFormItem("", f.addLabels))
	}
	d = dialog.NewForm(lang.L(suggestTitles[kind]), lang.L("Run"), lang.L("Cancel"), items, func(ok bool) {
		if ok {
			r.start(kind, f)
		}
	}, w.win)
	d.Resize(fyne.NewSize(560, 0))
	w.dialogs.show(d)
	if kind != sourcePropagation {
		w.win.Canvas().Focus(f.path)
	}
}

// start runs what form f of kind asked for.
func (r *suggestRuns) start(kind sourceKind, f *suggestForm) {
	path := strings.TrimSpace(f.path.Text)
	if kind == sourcePredictions {
		r.predictions(path, jobs.ImportOptions{Format: f.format.Selected, Corpus: corpus.Options{Predictions: true},
			AddLabels: f.addLabels.Checked, Annotator: "import"})
		return
	}
	o := jobs.SuggestOptions{AddLabels: f.addLabels.Checked, Author: r.w.cfg.Annotator}
	switch kind {
	case sourceGazetteer:
		o.Gazetteers = []string{path}
	case sourcePatterns:
		o.Patterns = []string{path}
	case sourcePropagation:
		o.Propagate = true
	}
	if f.todo.Checked {
		o.Status = labels.StatusTodo
	}
	r.suggest(o)
}

// suggest runs the sources of o over the project, showing its progress, then sums it up.
func (r *suggestRuns) suggest(o jobs.SuggestOptions) {
	w := r.w
	o.Slice = true // the window's own writes go in between the run's commits
	ctx, cancel := context.WithCancel(w.jobs)
	prog := newProgressDialog(w, lang.L("Suggesting…"), lang.L("documents read"), cancel)
	o.Progress = prog.set
	st, gen := w.cfg.Store, w.q.Generation()
	w.q.Go(func() {
		t, err := jobs.Suggest(ctx, st, o)
		w.q.UI(func() {
			prog.hide()
			if gen == w.q.Generation() {
				r.suggested(t, err, ctx.Err() != nil)
			}
		})
	})
}

// suggested sums a run up in a dialog, and shows what it suggested.
func (r *suggestRuns) suggested(t jobs.SuggestTally, err error, cancelled bool) {
	var b strings.Builder
	switch {
	case cancelled:
		fmt.Fprintf(&b, lang.L("The run was cancelled. The suggestions of %s are in; run it again to redo the rest.")+"\n\n",
			msg.Plural(t.Committed.Documents, "document"))
	case err != nil:
		fmt.Fprintf(&b, lang.L("The run stopped: %s")+"\n\n", safetext.Escape(err.Error()))
	}
	for _, s := range t.Sources {
		fmt.Fprintf(&b, "%s: %s\n", safetext.Escape(s.Name), msg.Plural(s.Entries, "entry"))
	}
	if err == nil && !cancelled {
		fmt.Fprintf(&b, lang.L("%s written on %s; %s left out because they lie on annotations."),
			msg.Plural(t.Suggestions, "suggestion"), msg.Plural(t.Documents, "document"), msg.Thousands(t.Skipped))
	}
	if len(t.NewLabels) > 0 {
		fmt.Fprintf(&b, "\n"+lang.L("Added to the labels: %s."), strings.Join(t.NewLabels, ", "))
	}
	title := lang.L("Suggestions written")
	if err != nil || cancelled {
		title = lang.L("Suggestions stopped")
	}
	r.summary(title, b.String(), nil)
}

// predictions imports a model's predictions as suggestions, showing the import's progress,
// then sums it up.
func (r *suggestRuns) predictions(path string, o jobs.ImportOptions) {
	w := r.w
	o.Slice = true
	ctx, cancel := context.WithCancel(w.jobs)
	prog := newProgressDialog(w, lang.L("Loading predictions…"), lang.L("records read"), cancel)
	o.Progress = prog.set
	st, gen := w.cfg.Store, w.q.Generation()
	w.q.Go(func() {
		t, err := jobs.Import(ctx, st, []string{path}, o)
		w.q.UI(func() {
			prog.hide()
			if gen != w.q.Generation() {
				return
			}
			var b strings.Builder
			if err != nil {
				fmt.Fprintf(&b, lang.L("The import stopped: %s")+"\n\n", safetext.Escape(err.Error()))
			}
			fmt.Fprintf(&b, lang.L("%s stored as suggestions; %s added, %s already in the project."),
				msg.Plural(t.Suggestions, "prediction"), msg.Plural(t.Added, "document"), msg.Thousands(t.Duplicates))
			if len(t.NewLabels) > 0 {
				fmt.Fprintf(&b, "\n"+lang.L("Added to the labels: %s."), strings.Join(t.NewLabels, ", "))
			}
			var problems fyne.CanvasObject
			if len(t.Errs) > 0 {
				problems = widget.NewLabel(errorLines(t, maxListedErrors))
			}
			r.summary(lang.L("Predictions loaded"), b.String(), problems)
		})
	})
}

// summary shows the end of a run, then the project as the run left it: the labels, the list
// and its sorts, the suggestions of the document open.
func (r *suggestRuns) summary(title, text string, more fyne.CanvasObject) {
	w := r.w
	w.imports.reload()
	w.ed.reloadPending(w.ed.doc.ID)
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	content := container.NewVBox(l)
	if more != nil {
		content.Add(container.NewVScroll(more))
	}
	d := dialog.NewCustom(title, lang.L("Close"), content, w.win)
	d.Resize(fyne.NewSize(560, 0))
	w.dialogs.show(d)
}

// fileButton returns a button that chooses a file to open, from the project's folder, and
// puts its path in into.
func (w *Window) fileButton(label string, into *dialogEntry) *widget.Button {
	return widget.NewButton(label, func() {
		d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
			if err == nil && r != nil {
				into.SetText(r.URI().Path())
				r.Close()
			}
		}, w.win)
		startIn(d, filepath.Dir(w.cfg.Path))
		d.Show()
	})
}

// suggestionsChanged follows what the project's suggestions are after a run, here or in
// another program: the bar shows when there are any, and the document open gets its own.
func (w *Window) suggestionsChanged(sources []string) {
	w.sugPanel.SetAvailable(len(sources) > 0)
	w.ed.reloadPending(w.ed.doc.ID)
}

// showSuggestions draws the suggestions, or hides them, and says so in the menu.
func (w *Window) showSuggestions(on bool) {
	w.ed.showSuggestions()
	w.win.SetMainMenu(w.mainMenu())
}

// suggestionsMenu returns the Suggestions menu: the keys that decide on suggestions, the
// runs of sources, and whether suggestions are shown. item makes a menu item.
func (w *Window) suggestionsMenu(item func(string, fyne.Shortcut, func()) *fyne.MenuItem) *fyne.Menu {
	show := item(lang.L("Show suggestions"), nil, func() { w.sugPanel.SetShown(!w.sugPanel.Shown()) })
	show.Checked = w.sugPanel.Shown()
	return fyne.NewMenu(lang.L("Suggestions"),
		item(lang.L("Accept the suggestion under the selection"), keyHint(fyne.KeyReturn), w.ed.acceptSuggestion),
		item(lang.L("Accept all of the document's suggestions"), shiftHint(fyne.KeyReturn), w.ed.acceptAllSuggestions),
		item(lang.L("Reject the suggestion under the selection"), keyHint(fyne.KeyBackspace), w.ed.rejectSuggestion),
		fyne.NewMenuItemSeparator(),
		item(lang.L("Suggest from a gazetteer (TSV)…"), nil, func() { w.suggests.ask(sourceGazetteer) }),
		item(lang.L("Suggest from patterns (JSONL)…"), nil, func() { w.suggests.ask(sourcePatterns) }),
		item(lang.L("Suggest what was labeled elsewhere (propagation)…"), nil, func() { w.suggests.ask(sourcePropagation) }),
		item(lang.L("Load a model's predictions…"), nil, func() { w.suggests.ask(sourcePredictions) }),
		fyne.NewMenuItemSeparator(),
		show,
	)
}
