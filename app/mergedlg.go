package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/msg"
	"github.com/tawsim/tawsim/internal/safetext"
	"github.com/tawsim/tawsim/jobs"
	"github.com/tawsim/tawsim/store"
	"github.com/tawsim/tawsim/store/open"
)

// mergeDialog is File → Merge projects…: it takes other projects (each annotator's, worked on
// offline) into the project open, one transaction each, with the progress shown, and sums up
// what each brought, its conflicts, or why it was refused.
type mergeDialog struct {
	w     *Window
	paths []string // chosen, in order
	list  *fyne.Container
	entry *dialogEntry
}

// show asks which projects to merge: files added one at a time, or every project of a folder.
func (md *mergeDialog) show() {
	w := md.w
	md.paths = nil
	var d *dialog.FormDialog
	md.entry = newDialogEntry(func() { d.Dismiss() })
	md.entry.SetPlaceHolder(lang.L("a project file, or a folder of them"))
	md.list = container.NewVBox()
	md.showList()
	add := widget.NewButton(lang.L("Add"), func() { md.add(strings.TrimSpace(md.entry.Text)) })
	md.entry.OnSubmitted = func(s string) { // Enter adds what is typed, or merges when nothing is
		if strings.TrimSpace(s) == "" && len(md.paths) > 0 {
			d.Submit()
			return
		}
		md.add(strings.TrimSpace(s))
	}
	file := widget.NewButton(lang.L("File…"), func() {
		fd := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
			if err == nil && r != nil {
				md.add(r.URI().Path())
				r.Close()
			}
		}, w.win)
		fd.SetFilter(storage.NewExtensionFileFilter([]string{projectExt}))
		startIn(fd, filepath.Dir(w.cfg.Path))
		fd.Show()
	})
	folder := widget.NewButton(lang.L("Folder…"), func() {
		fd := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
			if err == nil && u != nil {
				md.add(u.Path())
			}
		}, w.win)
		startIn(fd, filepath.Dir(w.cfg.Path))
		fd.Show()
	})
	lenient := widget.NewCheck(lang.L("Take in a project whose annotators' work differs from theirs here: keep this project's, take the rest and list the conflicts"), nil)
	scroll := container.NewVScroll(md.list)
	scroll.SetMinSize(fyne.NewSize(0, 150))
	about := widget.NewLabel(fmt.Sprintf(lang.L("Each project's documents and every annotator's work come into %s, each project whole or not at all. "+
		"The same work merged again adds nothing."), open.Title(w.cfg.Path)))
	about.Wrapping = fyne.TextWrapWord
	items := []*widget.FormItem{
		widget.NewFormItem("", about),
		widget.NewFormItem(lang.L("Project"), container.NewBorder(nil, nil, nil, add, md.entry)),
		widget.NewFormItem("", container.NewHBox(file, folder)),
		widget.NewFormItem(lang.L("To merge"), scroll),
		widget.NewFormItem("", lenient),
	}
	d = dialog.NewForm(lang.L("Merge projects"), lang.L("Merge"), lang.L("Cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		md.add(strings.TrimSpace(md.entry.Text)) // typed and not added yet
		md.run(slices.Clone(md.paths), lenient.Checked)
	}, w.win)
	d.Resize(fyne.NewSize(680, 0))
	w.dialogs.show(d)
	w.win.Canvas().Focus(md.entry)
}

// add adds the project at path, or every project of the folder at path, to those to merge.
func (md *mergeDialog) add(path string) {
	if path == "" {
		return
	}
	fi, err := os.Stat(path)
	switch {
	case err != nil:
		md.w.status.Warn(lang.L("%s: no such file or folder."), safetext.Escape(path))
		return
	case fi.IsDir():
		found, _ := filepath.Glob(filepath.Join(path, "*"+projectExt))
		slices.Sort(found)
		if len(found) == 0 {
			md.w.status.Warn(lang.L("%s holds no %s file."), safetext.Escape(path), projectExt)
			return
		}
		for _, f := range found {
			md.addFile(f)
		}
	default:
		md.addFile(path)
	}
	md.entry.SetText("")
	md.showList()
}

// addFile adds one project file, unless it is there already.
func (md *mergeDialog) addFile(path string) {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	if !slices.Contains(md.paths, path) {
		md.paths = append(md.paths, path)
	}
}

// showList shows the projects chosen, each with a button that takes it out.
func (md *mergeDialog) showList() {
	var rows []fyne.CanvasObject
	for _, p := range md.paths {
		remove := widget.NewButton("✕", func() {
			md.paths = slices.DeleteFunc(md.paths, func(o string) bool { return o == p })
			md.showList()
		})
		remove.Importance = widget.LowImportance
		name := widget.NewLabel(safetext.Escape(p))
		name.Truncation = fyne.TextTruncateEllipsis
		rows = append(rows, container.NewBorder(nil, nil, nil, remove, name))
	}
	if len(rows) == 0 {
		none := widget.NewLabel(lang.L("No project chosen yet: type a path and press Add, or choose a file or a folder."))
		none.Importance = widget.LowImportance
		none.Wrapping = fyne.TextWrapWord
		rows = append(rows, none)
	}
	md.list.Objects = rows
	md.list.Refresh()
}

// run merges the projects at paths into the project open, off the UI goroutine with its
// progress shown, then sums it up.
func (md *mergeDialog) run(paths []string, lenient bool) {
	w := md.w
	if len(paths) == 0 {
		w.showError(errors.New(lang.L("choose at least one project to merge")))
		return
	}
	ctx, cancel := context.WithCancel(w.jobs)
	prog := newProgressDialog(w, lang.L("Merging…"), lang.L("documents read"), cancel)
	st, gen := w.cfg.Store, w.q.Generation()
	w.q.Go(func() {
		merged, err := jobs.Merge(ctx, st, paths, jobs.MergeOptions{Lenient: lenient, Progress: prog.set})
		w.q.UI(func() {
			prog.hide()
			if gen != w.q.Generation() {
				return
			}
			md.merged(merged, err, lenient, ctx.Err() != nil)
		})
	})
}

// merged shows the project again with what came in, and sums the merge up in a dialog.
func (md *mergeDialog) merged(merged []jobs.MergedInput, err error, lenient, cancelled bool) {
	w := md.w
	w.imports.reload()
	if w.ed.doc.ID != "" {
		w.ed.open(w.ed.doc.ID, nil) // the review's lanes, too
	}
	if err != nil && !cancelled {
		w.showError(fmt.Errorf("%s", safetext.Escape(err.Error())))
		return
	}
	var b strings.Builder
	if cancelled {
		b.WriteString(lang.L("The merge was cancelled: the projects merged before are in, whole; the one being merged is not.") + "\n\n")
	}
	var refused []string
	for _, m := range merged {
		writeMerged(&b, m)
		var conflict *store.MergeConflictError
		if errors.As(m.Err, &conflict) {
			refused = append(refused, m.Path)
		}
	}
	content := container.NewVBox()
	text := widget.NewLabel(b.String())
	text.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(text)
	scroll.SetMinSize(fyne.NewSize(0, 240))
	content.Add(scroll)
	title := lang.L("Merge finished")
	if len(refused) > 0 && !lenient {
		title = lang.L("Merge finished, with projects refused")
		again := widget.NewButton(lang.L("Merge those again, keeping this project's work where they differ"), nil)
		content.Add(again)
		var d dialog.Dialog
		again.OnTapped = func() {
			d.Hide()
			md.run(refused, true)
		}
		d = dialog.NewCustom(title, lang.L("Close"), content, w.win)
		d.Resize(fyne.NewSize(680, 0))
		w.dialogs.show(d)
		return
	}
	d := dialog.NewCustom(title, lang.L("Close"), content, w.win)
	d.Resize(fyne.NewSize(680, 0))
	w.dialogs.show(d)
}

// writeMerged writes what one project brought, its conflicts, or why it was refused.
func writeMerged(b *strings.Builder, m jobs.MergedInput) {
	name := safetext.Escape(filepath.Base(m.Path))
	var conflict *store.MergeConflictError
	switch {
	case errors.As(m.Err, &conflict):
		fmt.Fprintf(b, lang.L("%s: refused, nothing of it was merged: %s of its annotators' work differ from theirs here:")+"\n",
			name, msg.Plural(len(conflict.Conflicts), "conflict"))
		writeConflicts(b, conflict.Conflicts)
		return
	case m.Err != nil:
		fmt.Fprintf(b, lang.L("%s: refused, nothing of it was merged: %s")+"\n\n", name, safetext.Escape(m.Err.Error()))
		return
	}
	r := m.Result
	who := ""
	if len(r.Annotators) > 0 {
		who = " (" + safetext.Escape(strings.Join(r.Annotators, ", ")) + ")"
	}
	statuses := msg.Thousands(r.States) + " statuses"
	if r.States == 1 {
		statuses = "1 status"
	}
	fmt.Fprintf(b, lang.L("%s%s: %s (%s new), %s, %s, %s, %s.")+"\n", name, who, msg.Plural(r.Documents, "document"), msg.Thousands(r.Added),
		msg.Plural(r.Spans, "span"), msg.Plural(r.Stances, "document stance"), statuses, msg.Plural(r.Events, "logged change"))
	if len(r.Schema) > 0 {
		fmt.Fprintf(b, "  "+lang.L("The labels gained: %s.")+"\n", safetext.Escape(strings.Join(r.Schema, "; ")))
	}
	if len(r.Conflicts) > 0 {
		fmt.Fprintf(b, "  "+lang.L("%s: this project's work was kept:")+"\n", msg.Plural(len(r.Conflicts), "conflict"))
		writeConflicts(b, r.Conflicts)
	}
	b.WriteString("\n")
}

// writeConflicts lists the first maxListedErrors conflicts, then how many more there are.
func writeConflicts(b *strings.Builder, cs []store.MergeConflict) {
	for i, c := range cs {
		if i == maxListedErrors {
			fmt.Fprintf(b, "  … "+lang.L("and %s more")+"\n", msg.Thousands(len(cs)-i))
			break
		}
		fmt.Fprintf(b, "  %s\n", safetext.Escape(c.String()))
	}
	b.WriteString("\n")
}
