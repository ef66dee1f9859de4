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

	"github.com/tawsim/tawsim/app/doclist"
	"github.com/tawsim/tawsim/app/mirror"
	"github.com/tawsim/tawsim/app/msg"
	"github.com/tawsim/tawsim/export"
	"github.com/tawsim/tawsim/internal/safetext"
	"github.com/tawsim/tawsim/jobs"
	"github.com/tawsim/tawsim/labels"
)

// exportForm is the Export dialog's state.
type exportForm struct {
	format   *widget.Select
	about    mirror.Texter
	statuses *widget.CheckGroup
	mine     *widget.Check
	clitics  *widget.Check
	nesting  *nestingChoice
	out      *dialogEntry
}

// exportDialog is File → Export…: it asks what to export and where, exports it off the UI
// goroutine with its progress shown, and sums it up.
type exportDialog struct{ w *Window }

// show asks what to export (format, statuses, whose work) and where, then exports it.
func (ed *exportDialog) show() {
	w := ed.w
	var d *formDialog
	f := &exportForm{about: mirror.Caption(""), out: newDialogEntry(func() { d.Dismiss() })}
	f.clitics = widget.NewCheck(lang.X("export.clitics", "In token formats, split a token where a span starts after a proclitic"), nil)
	f.clitics.SetChecked(true)
	f.nesting = newNestingChoice()
	f.format = widget.NewSelect(export.Formats(), func(s string) {
		ef, _ := export.Lookup(s)
		f.about.SetText(exportAbout(ef))
		f.nesting.setFormat(ef.Name)
		if ef.WritesTokens {
			f.clitics.Enable()
		} else {
			f.clitics.Disable()
		}
		f.out.SetText(withExt(f.out.Text, ef.Extension))
	})
	var opts []string
	for _, s := range labels.Statuses {
		opts = append(opts, doclist.StatusText(s))
	}
	f.statuses = widget.NewCheckGroup(opts, nil)
	f.statuses.Horizontal = true
	f.statuses.SetSelected([]string{doclist.StatusText(labels.StatusDone)})
	f.mine = widget.NewCheck(lang.X("export.mine", "Only my work ({{.Name}})", msg.M{"Name": w.cfg.Annotator}), nil)
	f.out.Validator = func(s string) error {
		s = strings.TrimSpace(s)
		if s == "" {
			return errors.New(lang.X("export.choose", "choose the file to write"))
		}
		if fi, err := os.Stat(filepath.Dir(s)); err != nil || !fi.IsDir() {
			return errors.New(lang.X("export.no_folder", "no such folder"))
		}
		return nil
	}
	base := strings.TrimSuffix(w.cfg.Path, filepath.Ext(w.cfg.Path))
	f.out.SetText(base + ".jsonl")
	f.format.SetSelected("jsonl")
	// A folder, not Fyne's save dialog: that one creates (or empties) the file it is given
	// the moment it closes, before anything is exported, were it the project itself.
	choose := widget.NewButton(lang.X("dialog.folder", "Folder…"), func() {
		d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
			if err == nil && dir != nil {
				f.out.SetText(filepath.Join(dir.Path(), filepath.Base(f.out.Text)))
			}
		}, w.win)
		startIn(d, filepath.Dir(f.out.Text))
		d.Show()
	})
	items := []*widget.FormItem{
		widget.NewFormItem(lang.X("dialog.format", "Format"), container.NewVBox(f.format, f.about)),
		widget.NewFormItem(lang.X("export.statuses", "Statuses"), mirror.CheckGroupRow(f.statuses)),
		widget.NewFormItem("", container.NewVBox(mirror.CheckRow(f.mine), mirror.CheckRow(f.clitics))),
		widget.NewFormItem(lang.X("export.nesting", "Nested spans"), f.nesting.object()),
		widget.NewFormItem(lang.X("export.write_to", "Write to"), f.out), // the entry itself, for the form to validate it
		widget.NewFormItem("", mirror.Row(choose)),
	}
	items[1].HintText = lang.X("export.statuses_hint", "none checked exports every document")
	f.format.Alignment = mirror.Align(false)
	d = w.dialogs.newForm(lang.X("export.title", "Export training data"), lang.X("export.confirm", "Export"), lang.X("Cancel", "Cancel"), items, func(ok bool) {
		if ok {
			ed.asking(f.options(w.cfg.Annotator))
		}
	})
	d.Resize(w.dialogs.size(680))
	w.dialogs.show(d)
}

// options returns the export options the form chose.
func (f *exportForm) options(annotator string) jobs.ExportOptions {
	ef, _ := export.Lookup(f.format.Selected)
	o := jobs.ExportOptions{
		Format: ef.Name,
		Out:    strings.TrimSpace(f.out.Text),
		Writer: export.Options{SplitClitics: ef.WritesTokens && f.clitics.Checked},
	}
	f.nesting.options(&o.Writer)
	for _, s := range f.statuses.Selected {
		o.Filter.Statuses = append(o.Filter.Statuses, doclist.ParseStatus(s))
	}
	if f.mine.Checked {
		o.Filter.Annotator = annotator
	}
	return o
}

// withExt gives path the extension ext, in place of the extension of another export format.
func withExt(path, ext string) string {
	if path == "" {
		return path
	}
	old := filepath.Ext(path)
	for _, f := range export.FormatList() {
		if old == f.Extension {
			path = strings.TrimSuffix(path, old)
			break
		}
	}
	return path + ext
}

// asking exports with o, asking first whether to replace the files that exist.
func (ed *exportDialog) asking(o jobs.ExportOptions) {
	w := ed.w
	err := jobs.CheckOutputs(w.cfg.Store, o)
	var exist *jobs.ExistsError
	switch {
	case errors.As(err, &exist):
		names := make([]string, len(exist.Names))
		for i, n := range exist.Names {
			names[i] = safetext.Escape(n)
		}
		question := lang.X("export.exists", "{{.Name}} exists. Replace it?", msg.M{"Name": msg.Name(names[0])})
		if len(names) > 1 {
			question = lang.X("export.exist", "{{.Names}}\nexist. Replace them?", msg.M{"Names": strings.Join(names, "\n")})
		}
		w.dialogs.show(w.dialogs.confirm(lang.X("export.replace", "Replace?"), question, func() {
			o.Force = true
			ed.run(o)
		}))
	case err != nil:
		w.showError(fmt.Errorf("%s: %s", lang.X("export.error", "export"), safetext.Escape(err.Error())))
	default:
		ed.run(o)
	}
}

// run exports with o off the UI goroutine, showing its progress, then sums it up.
func (ed *exportDialog) run(o jobs.ExportOptions) {
	w := ed.w
	ctx, cancel := context.WithCancel(w.jobs)
	prog := newProgressDialog(w, lang.X("export.running", "Exporting…"), func(n int) string {
		return msg.Count("export.records_written", "{{.N}} records written", n)
	}, cancel)
	o.Progress = prog.set
	var removed []jobs.TempFile
	o.Removed = func(tf jobs.TempFile) { removed = append(removed, tf) }
	leftOut := 0 // written by the export's goroutine, read after it returned
	o.Writer.LeftOut = func(n int) { leftOut += n }
	st := w.cfg.Store
	w.q.Go(func() {
		n, err := jobs.Export(ctx, st, o)
		w.q.UI(func() {
			prog.hide()
			ed.exported(o, n, err, ctx.Err() != nil, removed, leftOut)
		})
	})
}

// exported sums an export up in a dialog, with the files left by killed exports that it
// removed and the entity spans of other levels of nesting that a flat format left out.
func (ed *exportDialog) exported(o jobs.ExportOptions, n int, err error, cancelled bool, removed []jobs.TempFile, leftOut int) {
	w := ed.w
	switch {
	case cancelled:
		w.dialogs.show(w.dialogs.message(lang.X("export.cancelled", "Export cancelled"),
			lang.X("export.cancelled_text", "Nothing was written: {{.Name}} is as it was.", msg.M{"Name": msg.Name(safetext.Escape(filepath.Base(o.Out)))})))
	case errors.Is(err, export.ErrTokenEdge) && !o.Writer.SplitClitics:
		w.showError(fmt.Errorf("%s\n\n%s", safetext.Escape(err.Error()), lang.X("export.token_edge", "A span starts or ends inside a token (after a proclitic). Export again with "+
			"“{{.Option}}” checked. Nothing was written", msg.M{"Option": lang.X("export.clitics", "In token formats, split a token where a span starts after a proclitic")})))
	case err != nil:
		w.showError(fmt.Errorf("%s: %s\n\n%s", lang.X("export.error", "export"), safetext.Escape(err.Error()),
			lang.X("export.nothing_written", "Nothing was written: the file is written whole or not at all")))
	default:
		text := msg.CountWith("export.wrote", "Wrote {{.N}} records to {{.File}}.", n, msg.M{"File": msg.Name(safetext.Escape(o.Out))})
		if ef, err := export.Lookup(o.Format); err == nil && ef.LabelList != nil {
			text += "\n" + lang.X("export.label_list", "The label list is in {{.File}}.", msg.M{"File": msg.Name(safetext.Escape(jobs.LabelListName(o.Out)))})
		}
		if n == 0 {
			text += "\n" + lang.X("export.none_matched", "No document matched the statuses chosen.")
		}
		if leftOut > 0 {
			text += "\n" + leftOutText(o, leftOut)
		}
		if len(removed) > 0 {
			var size int64
			for _, tf := range removed {
				size += tf.Size
			}
			text += "\n" + msg.CountWith("export.removed", "Removed {{.N}} unfinished files ({{.Size}}) that exports stopped by force had left beside it.",
				len(removed), msg.M{"Size": msg.Name(jobs.ByteSize(size))})
		}
		w.dialogs.show(w.dialogs.message(lang.X("export.finished", "Export finished"), text))
	}
}
