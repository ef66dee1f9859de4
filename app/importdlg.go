package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

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
	about     *widget.Label
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
	var d *dialog.FormDialog
	dismiss := func() { d.Dismiss() }
	f := &importForm{path: newDialogEntry(dismiss), column: newDialogEntry(dismiss), about: widget.NewLabel("")}
	f.path.SetPlaceHolder("a file or a folder")
	f.path.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New("choose a file or a folder")
		}
		if _, err := os.Stat(strings.TrimSpace(s)); err != nil {
			return errors.New("no such file or folder")
		}
		return nil
	}
	f.about.Wrapping = fyne.TextWrapWord
	f.about.Importance = widget.LowImportance
	f.column.SetPlaceHolder("the name of the column that holds the text, e.g. text")
	f.format = widget.NewSelect(corpus.Formats(), func(s string) {
		cf, _ := corpus.Lookup(s)
		f.about.SetText(cf.About)
		if cf.TextColumn {
			f.column.Enable()
		} else {
			f.column.Disable()
		}
		f.column.Validate()
	})
	f.column.Validator = func(s string) error {
		if cf, _ := corpus.Lookup(f.format.Selected); cf.TextColumn && strings.TrimSpace(s) == "" {
			return fmt.Errorf("%s needs the name of the text column", cf.Name)
		}
		return nil
	}
	f.format.SetSelected("txt")
	f.path.OnChanged = func(s string) {
		if g, ok := corpus.Guess(strings.TrimSpace(s)); ok {
			f.format.SetSelected(g.Name)
		}
	}
	f.lenient = widget.NewCheck("Import the good records of files with errors, and list the bad ones", nil)
	f.addLabels = widget.NewCheck("Add labels the project does not have yet (instead of refusing the file)", nil)

	chooseFile := w.fileButton("File…", f.path)
	chooseFolder := widget.NewButton("Folder…", func() {
		d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
			if err == nil && u != nil {
				f.path.SetText(u.Path())
			}
		}, w.win)
		startIn(d, filepath.Dir(w.cfg.Path))
		d.Show()
	})
	items := []*widget.FormItem{
		widget.NewFormItem("Import", f.path), // the entry itself, for the form to validate it
		widget.NewFormItem("", container.NewHBox(chooseFile, chooseFolder)),
		widget.NewFormItem("Format", container.NewVBox(f.format, f.about)),
		widget.NewFormItem("Text column", f.column),
		widget.NewFormItem("", container.NewVBox(f.lenient, f.addLabels)),
	}
	d = dialog.NewForm("Import a corpus", "Import", "Cancel", items, func(ok bool) {
		if ok {
			id.run([]string{strings.TrimSpace(f.path.Text)}, f.options(w.cfg.Annotator))
		}
	}, w.win)
	d.Resize(fyne.NewSize(640, 0))
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
		w.showError(errors.New("choose a file or a folder to import"))
		return
	}
	if o.Annotator == "" {
		o.Annotator = "import"
	}
	o.Slice = true // the window's own writes go in between the import's slices
	ctx, cancel := context.WithCancel(w.jobs)
	prog := newProgressDialog(w, "Importing…", "records read", cancel)
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
		b.WriteString("The import was cancelled. The files read before were imported whole; the one being read was not.\n\n")
	case err != nil:
		fmt.Fprintf(&b, "The import stopped: %s\n\nThe files read before it were imported whole; the others were not.\n\n", safetext.Escape(err.Error()))
	}
	fmt.Fprintf(&b, "%s read: %s added, %s already in the project",
		msg.Plural(t.Files, "file"), msg.Plural(t.Added, "document"), msg.Thousands(t.Duplicates))
	if t.Spans > 0 {
		fmt.Fprintf(&b, ", %s added", msg.Plural(t.Spans, "span"))
	}
	if t.Bad > 0 {
		fmt.Fprintf(&b, ", %s", msg.Plural(t.Bad, "bad record"))
	}
	b.WriteString(".")
	if len(t.NewLabels) > 0 {
		fmt.Fprintf(&b, "\nAdded to the labels: %s.", strings.Join(t.NewLabels, ", "))
	}
	switch {
	case t.SkippedFiles > 0 && !lenient:
		fmt.Fprintf(&b, "\n\nNothing was imported from %s with errors. Fix them, or import again with "+
			"“Import the good records of files with errors” checked.", msg.Plural(t.SkippedFiles, "file"))
	case t.SkippedFiles > 0:
		fmt.Fprintf(&b, "\n\nNothing was imported from %s: unreadable, empty, refused as a whole (without the text column, "+
			"or with labels the project lacks) or with no good record.", msg.Plural(t.SkippedFiles, "file"))
	}
	text := widget.NewLabel(b.String())
	text.Wrapping = fyne.TextWrapWord
	content := container.NewVBox(text)
	if len(t.Errs) > 0 {
		content.Add(widget.NewLabel("The first problems:"))
		errs := widget.NewLabel(errorLines(t, maxListedErrors))
		errs.TextStyle.Monospace = true
		errs.Wrapping = fyne.TextWrapWord
		scroll := container.NewVScroll(errs)
		scroll.SetMinSize(fyne.NewSize(0, 200))
		content.Add(scroll)
	}
	title := "Import finished"
	if len(t.Errs) > 0 {
		title = "Import finished, with problems"
	}
	if err != nil || cancelled {
		title = "Import stopped"
	}
	d := dialog.NewCustom(title, "Close", content, w.win)
	d.Resize(fyne.NewSize(640, 0))
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
		lines = append(lines, fmt.Sprintf("… and %s more", msg.Thousands(t.Problems-len(lines))))
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
	count   *widget.Label
	noun    string
	shown   time.Time // when set last showed the progress
}

// newProgressDialog shows a dialog titled title with a bar and a count of noun ("records
// read"); Cancel calls cancel.
func newProgressDialog(w *Window, title, noun string, cancel func()) *progressDialog {
	p := &progressDialog{w: w, count: widget.NewLabel("Starting…"), noun: noun,
		bar: widget.NewProgressBar(), running: widget.NewProgressBarInfinite()}
	p.bar.Hide()
	p.d = dialog.NewCustomWithoutButtons(title, container.NewVBox(container.NewStack(p.bar, p.running), p.count), w.win)
	stop := widget.NewButton("Cancel", func() {
		p.count.SetText("Cancelling…")
		cancel()
	})
	p.d.SetButtons([]fyne.CanvasObject{stop})
	p.d.Resize(fyne.NewSize(400, 0))
	p.d.Show()
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
		p.count.SetText(msg.Thousands(now.Records) + " " + p.noun)
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
