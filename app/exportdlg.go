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
	"github.com/tawsim/tawsim/app/msg"
	"github.com/tawsim/tawsim/export"
	"github.com/tawsim/tawsim/internal/safetext"
	"github.com/tawsim/tawsim/jobs"
	"github.com/tawsim/tawsim/labels"
)

// exportForm is the Export dialog's state.
type exportForm struct {
	format   *widget.Select
	about    *widget.Label
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
	var d *dialog.FormDialog
	f := &exportForm{about: widget.NewLabel(""), out: newDialogEntry(func() { d.Dismiss() })}
	f.about.Wrapping = fyne.TextWrapWord
	f.about.Importance = widget.LowImportance
	f.clitics = widget.NewCheck("In token formats, split a token where a span starts after a proclitic", nil)
	f.clitics.SetChecked(true)
	f.nesting = newNestingChoice()
	f.format = widget.NewSelect(export.Formats(), func(s string) {
		ef, _ := export.Lookup(s)
		f.about.SetText(ef.About)
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
	f.mine = widget.NewCheck(fmt.Sprintf("Only my work (%s)", w.cfg.Annotator), nil)
	f.out.Validator = func(s string) error {
		s = strings.TrimSpace(s)
		if s == "" {
			return errors.New("choose the file to write")
		}
		if fi, err := os.Stat(filepath.Dir(s)); err != nil || !fi.IsDir() {
			return errors.New("no such folder")
		}
		return nil
	}
	base := strings.TrimSuffix(w.cfg.Path, filepath.Ext(w.cfg.Path))
	f.out.SetText(base + ".jsonl")
	f.format.SetSelected("jsonl")
	// A folder, not Fyne's save dialog: that one creates (or empties) the file it is given
	// the moment it closes, before anything is exported, were it the project itself.
	choose := widget.NewButton("Folder…", func() {
		d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
			if err == nil && dir != nil {
				f.out.SetText(filepath.Join(dir.Path(), filepath.Base(f.out.Text)))
			}
		}, w.win)
		startIn(d, filepath.Dir(f.out.Text))
		d.Show()
	})
	items := []*widget.FormItem{
		widget.NewFormItem("Format", container.NewVBox(f.format, f.about)),
		widget.NewFormItem("Statuses", f.statuses),
		widget.NewFormItem("", container.NewVBox(f.mine, f.clitics)),
		widget.NewFormItem(lang.L("Nested spans"), f.nesting.object()),
		widget.NewFormItem("Write to", f.out), // the entry itself, for the form to validate it
		widget.NewFormItem("", container.NewHBox(choose)),
	}
	items[1].HintText = "none checked exports every document"
	d = dialog.NewForm("Export training data", "Export", "Cancel", items, func(ok bool) {
		if ok {
			ed.asking(f.options(w.cfg.Annotator))
		}
	}, w.win)
	d.Resize(fyne.NewSize(680, 0))
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
		question := names[0] + " exists. Replace it?"
		if len(names) > 1 {
			question = strings.Join(names, "\n") + "\nexist. Replace them?"
		}
		w.dialogs.show(dialog.NewConfirm("Replace?", question, func(yes bool) {
			if yes {
				o.Force = true
				ed.run(o)
			}
		}, w.win))
	case err != nil:
		w.showError(fmt.Errorf("export: %s", safetext.Escape(err.Error())))
	default:
		ed.run(o)
	}
}

// run exports with o off the UI goroutine, showing its progress, then sums it up.
func (ed *exportDialog) run(o jobs.ExportOptions) {
	w := ed.w
	ctx, cancel := context.WithCancel(w.jobs)
	prog := newProgressDialog(w, "Exporting…", "records written", cancel)
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
		w.dialogs.show(dialog.NewInformation("Export cancelled", "Nothing was written: "+safetext.Escape(filepath.Base(o.Out))+" is as it was.", w.win))
	case errors.Is(err, export.ErrTokenEdge) && !o.Writer.SplitClitics:
		w.showError(fmt.Errorf("%s\n\nA span starts or ends inside a token (after a proclitic). Export again with "+
			"“Split a token where a span starts after a proclitic” checked. Nothing was written", safetext.Escape(err.Error())))
	case err != nil:
		w.showError(fmt.Errorf("export: %s\n\nNothing was written: the file is written whole or not at all", safetext.Escape(err.Error())))
	default:
		text := fmt.Sprintf("Wrote %s to %s.", msg.Plural(n, "record"), safetext.Escape(o.Out))
		if ef, err := export.Lookup(o.Format); err == nil && ef.LabelList != nil {
			text += fmt.Sprintf("\nThe label list is in %s.", safetext.Escape(jobs.LabelListName(o.Out)))
		}
		if n == 0 {
			text += "\nNo document matched the statuses chosen."
		}
		if leftOut > 0 {
			text += "\n" + leftOutText(o, leftOut)
		}
		if len(removed) > 0 {
			var size int64
			for _, tf := range removed {
				size += tf.Size
			}
			text += fmt.Sprintf("\nRemoved %s (%s) that exports stopped by force had left beside it.",
				msg.Plural(len(removed), "unfinished file"), jobs.ByteSize(size))
		}
		w.dialogs.show(dialog.NewInformation("Export finished", text, w.win))
	}
}
