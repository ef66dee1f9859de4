package app

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/mirror"
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

// suggestRuns is the Suggestions menu: it runs its sources off the UI goroutine, with their
// progress shown as an import's, sums each run up and shows what they suggested after, and
// shows or hides the suggestions.
type suggestRuns struct{ w *Window }

// suggestForm is what the form of a run asks.
type suggestForm struct {
	path      *dialogEntry
	format    *widget.Select
	todo      *widget.Check
	addLabels *widget.Check
}

// suggestTitle is the title of the form of a run of kind.
func suggestTitle(kind sourceKind) string {
	switch kind {
	case sourceGazetteer:
		return lang.X("suggest.title.gazetteer", "Suggest from a gazetteer")
	case sourcePatterns:
		return lang.X("suggest.title.patterns", "Suggest from patterns")
	case sourcePredictions:
		return lang.X("suggest.title.predictions", "Load a model's predictions")
	}
	return lang.X("suggest.title.propagation", "Suggest what was labeled elsewhere")
}

// suggestPlaceholder says what file a run of kind reads.
func suggestPlaceholder(kind sourceKind) string {
	switch kind {
	case sourceGazetteer:
		return lang.X("suggest.file.gazetteer", "places.tsv: text<TAB>label lines")
	case sourcePatterns:
		return lang.X("suggest.file.patterns", "orgs.jsonl: Prodigy's patterns")
	}
	return lang.X("suggest.file.predictions", "a model's output: .json or .jsonl")
}

// ask shows the form of a run of kind, then runs it.
func (r *suggestRuns) ask(kind sourceKind) {
	w := r.w
	var d *formDialog
	f := &suggestForm{path: newDialogEntry(func() { d.Dismiss() })}
	f.todo = widget.NewCheck(lang.X("suggest.todo", "Only the documents nobody has started (to do)"), nil)
	f.addLabels = widget.NewCheck(lang.X("import.add_labels", "Add labels the project does not have yet (instead of refusing the file)"), nil)
	var items []*widget.FormItem
	if kind != sourcePropagation {
		f.path.Validator = func(s string) error {
			if _, err := os.Stat(strings.TrimSpace(s)); strings.TrimSpace(s) == "" || err != nil {
				return errors.New(lang.X("suggest.choose_file", "choose a file"))
			}
			return nil
		}
		f.path.SetPlaceHolder(suggestPlaceholder(kind))
		items = append(items, widget.NewFormItem(lang.X("suggest.file", "File"), f.path),
			widget.NewFormItem("", mirror.Row(w.dialogs.fileButton(lang.X("import.file", "File…"), filepath.Dir(w.cfg.Path), f.path))))
	}
	if kind == sourcePredictions {
		f.format = widget.NewSelect(corpus.PredictionFormats(), nil)
		f.format.Alignment = mirror.Align(false)
		f.format.SetSelected("labelstudio")
		f.path.OnChanged = func(s string) {
			if strings.HasSuffix(strings.ToLower(strings.TrimSpace(s)), ".json") {
				f.format.SetSelected("labelstudio")
			}
		}
		items = append(items, widget.NewFormItem(lang.X("dialog.format", "Format"), f.format))
	} else {
		items = append(items, widget.NewFormItem("", mirror.CheckRow(f.todo)))
	}
	if kind != sourcePropagation {
		items = append(items, widget.NewFormItem("", mirror.CheckRow(f.addLabels)))
	}
	d = w.dialogs.newForm(suggestTitle(kind), lang.X("suggest.run", "Run"), lang.X("Cancel", "Cancel"), items, func(ok bool) {
		if ok {
			r.start(kind, f)
		}
	})
	d.Resize(w.dialogs.size(560))
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
	prog := newProgressDialog(w, lang.X("suggest.running", "Suggesting…"), func(n int) string {
		return msg.Count("suggest.docs_read", "{{.N}} documents read", n)
	}, cancel)
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
	var lines []string
	switch {
	case cancelled:
		lines = append(lines, msg.Count("suggest.cancelled", "The run was cancelled. The suggestions of {{.N}} documents are in; run it again to redo the rest.",
			t.Committed.Documents)+"\n")
	case err != nil:
		lines = append(lines, lang.X("suggest.stopped_by", "The run stopped: {{.Err}}", msg.M{"Err": safetext.Escape(err.Error())})+"\n")
	}
	for _, s := range t.Sources {
		lines = append(lines, msg.CountWith("suggest.entries", "{{.Source}}: {{.N}} entries", s.Entries, msg.M{"Source": msg.Name(safetext.Escape(s.Name))}))
	}
	if err == nil && !cancelled {
		lines = append(lines, msg.CountWith("suggest.written", "{{.N}} suggestions written on {{.Docs}}; {{.Skipped}} left out because they lie on annotations.",
			t.Suggestions, msg.M{"Docs": msg.Count("status.documents", "{{.N}} documents", t.Documents), "Skipped": msg.Thousands(t.Skipped)}))
	}
	if len(t.NewLabels) > 0 {
		lines = append(lines, lang.X("import.new_labels", "Added to the labels: {{.Labels}}.", msg.M{"Labels": strings.Join(t.NewLabels, ", ")}))
	}
	title := lang.X("suggest.finished", "Suggestions written")
	if err != nil || cancelled {
		title = lang.X("suggest.stopped", "Suggestions stopped")
	}
	r.summary(title, strings.Join(lines, "\n"), nil)
}

// predictions imports a model's predictions as suggestions, showing the import's progress,
// then sums it up.
func (r *suggestRuns) predictions(path string, o jobs.ImportOptions) {
	w := r.w
	o.Slice = true
	ctx, cancel := context.WithCancel(w.jobs)
	prog := newProgressDialog(w, lang.X("suggest.loading", "Loading predictions…"), func(n int) string {
		return msg.Count("import.records_read", "{{.N}} records read", n)
	}, cancel)
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
				b.WriteString(lang.X("suggest.import_stopped", "The import stopped: {{.Err}}", msg.M{"Err": safetext.Escape(err.Error())}) + "\n\n")
			}
			b.WriteString(msg.CountWith("suggest.predictions", "{{.N}} predictions stored as suggestions; {{.Added}}, {{.Duplicates}}.", t.Suggestions,
				msg.M{"Added": msg.Count("import.docs_added", "{{.N}} documents added", t.Added),
					"Duplicates": msg.Count("import.duplicates", "{{.N}} already in the project", t.Duplicates)}))
			if len(t.NewLabels) > 0 {
				b.WriteString("\n" + lang.X("import.new_labels", "Added to the labels: {{.Labels}}.", msg.M{"Labels": strings.Join(t.NewLabels, ", ")}))
			}
			var problems fyne.CanvasObject
			if len(t.Errs) > 0 {
				errs := widget.NewLabel(errorLines(t, maxListedErrors))
				errs.TextStyle.Monospace = true
				problems = errs
			}
			r.summary(lang.X("suggest.loaded", "Predictions loaded"), b.String(), problems)
		})
	})
}

// summary shows the end of a run, then the project as the run left it: the labels, the list
// and its sorts, the suggestions of the document open.
func (r *suggestRuns) summary(title, text string, more fyne.CanvasObject) {
	w := r.w
	w.imports.reload()
	w.ed.reloadPending(w.ed.doc.ID)
	content := container.NewVBox(mirror.Text(text))
	if more != nil {
		content.Add(container.NewVScroll(more))
	}
	d := w.dialogs.newDialog(title, content, w.dialogs.closeButton())
	d.Resize(w.dialogs.size(560))
	w.dialogs.show(d)
}

// changed follows what the project's suggestions are after a run, here or in
// another program: the bar shows when there are any, and the document open gets its own.
func (r *suggestRuns) changed(sources []string) {
	w := r.w
	w.sugPanel.SetAvailable(len(sources) > 0)
	w.ed.reloadPending(w.ed.doc.ID)
}

// show draws the suggestions, or hides them, and says so in the menu.
func (r *suggestRuns) show(bool) {
	w := r.w
	w.ed.showSuggestions()
	w.win.SetMainMenu(w.mainMenu())
}

// menu returns the Suggestions menu: the keys that decide on suggestions, the
// runs of sources, and whether suggestions are shown. item makes a menu item.
func (r *suggestRuns) menu(item func(string, fyne.Shortcut, func()) *fyne.MenuItem) *fyne.Menu {
	w := r.w
	show := item(lang.X("suggest.show", "Show suggestions"), nil, func() { w.sugPanel.SetShown(!w.sugPanel.Shown()) })
	show.Checked = w.sugPanel.Shown()
	return fyne.NewMenu(lang.X("menu.suggestions", "Suggestions"),
		item(lang.X("menu.accept", "Accept the suggestion under the selection"), keyHint(fyne.KeyReturn), w.ed.acceptSuggestion),
		item(lang.X("menu.accept_all", "Accept all of the document's suggestions"), shiftHint(fyne.KeyReturn), w.ed.acceptAllSuggestions),
		item(lang.X("menu.reject", "Reject the suggestion under the selection"), keyHint(fyne.KeyBackspace), w.ed.rejectSuggestion),
		fyne.NewMenuItemSeparator(),
		item(lang.X("menu.suggest_gazetteer", "Suggest from a gazetteer (TSV)…"), nil, func() { w.suggests.ask(sourceGazetteer) }),
		item(lang.X("menu.suggest_patterns", "Suggest from patterns (JSONL)…"), nil, func() { w.suggests.ask(sourcePatterns) }),
		item(lang.X("menu.suggest_propagation", "Suggest what was labeled elsewhere (propagation)…"), nil, func() { w.suggests.ask(sourcePropagation) }),
		item(lang.X("menu.suggest_predictions", "Load a model's predictions…"), nil, func() { w.suggests.ask(sourcePredictions) }),
		fyne.NewMenuItemSeparator(),
		show,
	)
}
