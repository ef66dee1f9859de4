package app

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/locale"
	"github.com/tawsim/tawsim/app/mirror"
	"github.com/tawsim/tawsim/app/msg"
	"github.com/tawsim/tawsim/corpus"
	"github.com/tawsim/tawsim/internal/safetext"
	"github.com/tawsim/tawsim/jobs"
)

// maxListedErrors is how many bad records the import summary lists.
const maxListedErrors = 20

// importForm is the Import dialog's state.
type importForm struct {
	path      *dialogEntry
	format    *widget.Select
	about     mirror.Texter
	column    *dialogEntry
	lenient   *widget.Check
	addLabels *widget.Check
}

// importDialog is File → Import…: it asks what to import, imports it off the UI goroutine
// with its progress shown, and sums it up.
type importDialog struct{ w *Window }

// show asks what to import (a file or folder, its format and options), then imports it.
func (id *importDialog) show() {
	w := id.w
	var d *formDialog
	dismiss := func() { d.Dismiss() }
	f := &importForm{path: newDialogEntry(dismiss), column: newDialogEntry(dismiss), about: mirror.Caption("")}
	f.path.SetPlaceHolder(lang.X("import.path_placeholder", "a file or a folder"))
	f.path.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New(lang.X("import.choose", "choose a file or a folder"))
		}
		if _, err := os.Stat(strings.TrimSpace(s)); err != nil {
			return errors.New(lang.X("import.no_such", "no such file or folder"))
		}
		return nil
	}
	f.column.SetPlaceHolder(lang.X("import.column_placeholder", "the name of the column that holds the text, e.g. text"))
	f.format = widget.NewSelect(corpus.Formats(), func(s string) {
		cf, _ := corpus.Lookup(s)
		f.about.SetText(corpusAbout(cf))
		if cf.TextColumn {
			f.column.Enable()
		} else {
			f.column.Disable()
		}
		f.column.Validate()
	})
	f.column.Validator = func(s string) error {
		if cf, _ := corpus.Lookup(f.format.Selected); cf.TextColumn && strings.TrimSpace(s) == "" {
			return errors.New(lang.X("import.needs_column", "{{.Format}} needs the name of the text column", msg.M{"Format": cf.Name}))
		}
		return nil
	}
	f.format.SetSelected("txt")
	f.path.OnChanged = func(s string) {
		if g, ok := corpus.Guess(strings.TrimSpace(s)); ok {
			f.format.SetSelected(g.Name)
		}
	}
	f.lenient = widget.NewCheck(lang.X("import.lenient", "Import the good records of files with errors, and list the bad ones"), nil)
	f.addLabels = widget.NewCheck(lang.X("import.add_labels", "Add labels the project does not have yet (instead of refusing the file)"), nil)

	chooseFile := w.dialogs.fileButton(lang.X("import.file", "File…"), filepath.Dir(w.cfg.Path), f.path)
	chooseFolder := widget.NewButton(lang.X("dialog.folder", "Folder…"), func() {
		d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
			if err == nil && u != nil {
				f.path.SetText(u.Path())
			}
		}, w.win)
		startIn(d, filepath.Dir(w.cfg.Path))
		d.Show()
	})
	items := []*widget.FormItem{
		widget.NewFormItem(lang.X("import.what", "Import"), f.path), // the entry itself, for the form to validate it
		widget.NewFormItem("", mirror.Row(chooseFile, chooseFolder)),
		widget.NewFormItem(lang.X("dialog.format", "Format"), container.NewVBox(f.format, f.about)),
		widget.NewFormItem(lang.X("import.text_column", "Text column"), f.column),
		widget.NewFormItem("", container.NewVBox(mirror.CheckRow(f.lenient), mirror.CheckRow(f.addLabels))),
	}
	f.format.Alignment = mirror.Align(false)
	d = w.dialogs.newForm(lang.X("import.title", "Import a corpus"), lang.X("import.confirm", "Import"), lang.X("Cancel", "Cancel"), items, func(ok bool) {
		if ok {
			id.run([]string{strings.TrimSpace(f.path.Text)}, f.options(w.cfg.Annotator))
		}
	})
	d.Resize(w.dialogs.size(640))
	w.dialogs.show(d)
	w.win.Canvas().Focus(f.path)
}

// options returns the import options the form chose.
func (f *importForm) options(annotator string) jobs.ImportOptions {
	return jobs.ImportOptions{
		Format:    f.format.Selected,
		Corpus:    corpus.Options{TextColumn: strings.TrimSpace(f.column.Text)},
		Lenient:   f.lenient.Checked,
		AddLabels: f.addLabels.Checked,
		Annotator: annotator,
	}
}

// run imports paths with o off the UI goroutine, showing its progress, then sums it up.
func (id *importDialog) run(paths []string, o jobs.ImportOptions) {
	w := id.w
	if err := corpus.CheckOptions(o.Format, o.Corpus); err != nil {
		w.showError(err)
		return
	}
	if len(paths) == 0 || strings.TrimSpace(paths[0]) == "" {
		w.showError(errors.New(lang.X("import.choose_first", "choose a file or a folder to import")))
		return
	}
	if o.Annotator == "" {
		o.Annotator = "import"
	}
	o.Slice = true // the window's own writes go in between the import's slices
	ctx, cancel := context.WithCancel(w.jobs)
	prog := newProgressDialog(w, lang.X("import.running", "Importing…"), func(n int) string {
		return msg.Count("import.records_read", "{{.N}} records read", n)
	}, cancel)
	o.Progress = prog.set
	st, gen := w.cfg.Store, w.q.Generation()
	w.q.Go(func() {
		t, err := jobs.Import(ctx, st, paths, o)
		w.q.UI(func() {
			prog.hide()
			if gen != w.q.Generation() {
				return
			}
			id.imported(t, err, o.Lenient, ctx.Err() != nil)
		})
	})
}

// imported sums an import up in a dialog and shows the documents it added.
func (id *importDialog) imported(t jobs.ImportTally, err error, lenient, cancelled bool) {
	w := id.w
	id.reload()
	var b strings.Builder
	switch {
	case cancelled:
		b.WriteString(lang.X("import.cancelled", "The import was cancelled. The files read before were imported whole; the one being read was not."))
		b.WriteString("\n\n")
	case err != nil:
		b.WriteString(lang.X("import.stopped_by", "The import stopped: {{.Err}}\n\nThe files read before it were imported whole; the others were not.",
			msg.M{"Err": safetext.Escape(err.Error())}))
		b.WriteString("\n\n")
	}
	parts := []string{msg.Count("import.docs_added", "{{.N}} documents added", t.Added),
		msg.Count("import.duplicates", "{{.N}} already in the project", t.Duplicates)}
	if t.Spans > 0 {
		parts = append(parts, msg.Count("import.spans_added", "{{.N}} spans added", t.Spans))
	}
	if t.Bad > 0 {
		parts = append(parts, msg.Count("import.bad", "{{.N}} bad records", t.Bad))
	}
	b.WriteString(msg.CountWith("import.summary", "{{.N}} files read: {{.Parts}}.", t.Files, msg.M{"Parts": strings.Join(parts, lang.X("list.comma", ", "))}))
	if len(t.NewLabels) > 0 {
		b.WriteString("\n" + lang.X("import.new_labels", "Added to the labels: {{.Labels}}.", msg.M{"Labels": strings.Join(t.NewLabels, ", ")}))
	}
	switch {
	case t.SkippedFiles > 0 && !lenient:
		b.WriteString("\n\n" + msg.CountWith("import.skipped_strict", "Nothing was imported from {{.N}} files with errors. Fix them, or import again with "+
			"“{{.Lenient}}” checked.", t.SkippedFiles, msg.M{"Lenient": lang.X("import.lenient", "Import the good records of files with errors, and list the bad ones")}))
	case t.SkippedFiles > 0:
		b.WriteString("\n\n" + msg.Count("import.skipped_lenient", "Nothing was imported from {{.N}} files: unreadable, empty, refused as a whole (without the text column, "+
			"or with labels the project lacks) or with no good record.", t.SkippedFiles))
	}
	content := container.NewVBox(mirror.Text(b.String()))
	if len(t.Errs) > 0 {
		content.Add(mirror.Label(lang.X("import.first_problems", "The first problems:")))
		errs := widget.NewLabel(errorLines(t, maxListedErrors))
		errs.TextStyle.Monospace = true
		errs.Wrapping = fyne.TextWrapWord
		scroll := container.NewVScroll(errs)
		scroll.SetMinSize(fyne.NewSize(0, 200))
		content.Add(scroll)
	}
	title := lang.X("import.finished", "Import finished")
	if len(t.Errs) > 0 {
		title = lang.X("import.finished_problems", "Import finished, with problems")
	}
	if err != nil || cancelled {
		title = lang.X("import.stopped", "Import stopped")
	}
	d := w.dialogs.newDialog(title, content, w.dialogs.closeButton())
	d.Resize(w.dialogs.size(640))
	w.dialogs.show(d)
}

// errorLines lists the problems of an import, one a line (FILE:LINE: what), as tawsimctl
// does: every reason a file was left out whole, then the first n problems with records, and
// how many more there are. Hidden characters of file names and errors are written as escapes.
func errorLines(t jobs.ImportTally, n int) string {
	files := t.FileErrs()
	var lines []string
	for i, err := range t.Errs {
		if i == len(files)+n {
			break
		}
		var ce *corpus.Error
		if errors.As(err, &ce) {
			ce2 := *ce
			ce2.File = filepath.Base(ce.File)
			err = &ce2
		}
		lines = append(lines, safetext.Escape(err.Error()))
	}
	if t.Problems > len(lines) {
		lines = append(lines, msg.Count("import.more", "… and {{.N}} more", t.Problems-len(lines)))
	}
	return strings.Join(lines, "\n")
}

// reload reads the schema and the document count again (after an import) and shows them: the
// palette and menus, the list, the progress; the first document opens when none was.
func (id *importDialog) reload() {
	w := id.w
	st := w.cfg.Store
	w.q.Do(func(ctx context.Context) func() {
		sc, err := st.Schema(ctx)
		var n int
		if err == nil {
			n, err = st.CountDocuments(ctx)
		}
		return func() {
			if err != nil {
				w.showError(err)
				return
			}
			w.setSchema(sc)
			w.list.Reload(n)
		}
	})
}

// progressDialog shows the progress of a long job: a bar of how far it has gone (a running
// one while its size is not known) and its count of records.
type progressDialog struct {
	w       *Window
	d       *dialog.CustomDialog
	bar     *widget.ProgressBar
	running *widget.ProgressBarInfinite
	count   mirror.Texter
	counted func(int) string // says how many records were done: "1,204 records read"
	shown   time.Time        // when set last showed the progress
}

// newProgressDialog shows a dialog titled title with a bar and a count of what counted says
// ("1,204 records read"); Cancel calls cancel.
func newProgressDialog(w *Window, title string, counted func(int) string, cancel func()) *progressDialog {
	p := &progressDialog{w: w, count: mirror.Label(lang.X("progress.starting", "Starting…")), counted: counted,
		bar: widget.NewProgressBar(), running: widget.NewProgressBarInfinite()}
	p.bar.Hide()
	if locale.RTL() {
		p.bar.TextFormatter = func() string { return "" } // "٤٢٪" would stand apart from its sign
	}
	stop := widget.NewButton(lang.X("Cancel", "Cancel"), func() {
		p.count.SetText(lang.X("progress.cancelling", "Cancelling…"))
		cancel()
	})
	p.d = w.dialogs.newDialog(title, container.NewVBox(container.NewStack(p.bar, p.running), p.count), stop)
	p.d.Resize(fyne.NewSize(400, 0))
	p.d.Show()
	mirrorTitle(w.win)
	return p
}

// progressEvery is how often a progress dialog shows the progress at most. Each showing waits
// for the UI goroutine, which a job reporting every file would otherwise wait for each time.
const progressEvery = 100 * time.Millisecond

// set shows how far the job has gone, every progressEvery at most; it is called from the
// job's goroutine.
func (p *progressDialog) set(now jobs.Progress) {
	if time.Since(p.shown) < progressEvery {
		return
	}
	p.shown = time.Now()
	p.w.q.UI(func() {
		p.count.SetText(p.counted(now.Records))
		if f := now.Fraction(); f >= 0 {
			if p.running.Visible() {
				p.running.Stop()
				p.running.Hide()
				p.bar.Show()
			}
			p.bar.SetValue(f)
		}
	})
}

// hide closes the dialog.
func (p *progressDialog) hide() {
	p.running.Stop()
	p.d.Hide()
}
