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

	"github.com/tawsim/tawsim/app/mirror"
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
	var d *formDialog
	md.entry = newDialogEntry(func() { d.Dismiss() })
	md.entry.SetPlaceHolder(lang.X("merge.placeholder", "a project file, or a folder of them"))
	md.list = container.NewVBox()
	md.showList()
	add := widget.NewButton(lang.X("merge.add", "Add"), func() { md.add(strings.TrimSpace(md.entry.Text)) })
	md.entry.OnSubmitted = func(s string) { // Enter adds what is typed, or merges when nothing is
		if strings.TrimSpace(s) == "" && len(md.paths) > 0 {
			d.Submit()
			return
		}
		md.add(strings.TrimSpace(s))
	}
	file := widget.NewButton(lang.X("import.file", "File…"), func() {
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
	folder := widget.NewButton(lang.X("dialog.folder", "Folder…"), func() {
		fd := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
			if err == nil && u != nil {
				md.add(u.Path())
			}
		}, w.win)
		startIn(fd, filepath.Dir(w.cfg.Path))
		fd.Show()
	})
	lenient := widget.NewCheck(lang.X("merge.lenient", "Take in a project whose annotators' work differs from theirs here: keep this project's, take the rest and list the conflicts"), nil)
	scroll := container.NewVScroll(md.list)
	scroll.SetMinSize(fyne.NewSize(0, 150))
	about := mirror.Text(lang.X("merge.about", "Each project's documents and every annotator's work come into {{.File}}, each project whole or not at all. "+
		"The same work merged again adds nothing.", msg.M{"File": msg.Name(open.Title(w.cfg.Path))}))
	items := []*widget.FormItem{
		widget.NewFormItem("", about),
		widget.NewFormItem(lang.X("merge.project", "Project"), mirror.Border(nil, nil, nil, add, md.entry)),
		widget.NewFormItem("", mirror.Row(file, folder)),
		widget.NewFormItem(lang.X("merge.to_merge", "To merge"), scroll),
		widget.NewFormItem("", mirror.CheckRow(lenient)),
	}
	d = w.dialogs.newForm(lang.X("merge.title", "Merge projects"), lang.X("merge.confirm", "Merge"), lang.X("Cancel", "Cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		md.add(strings.TrimSpace(md.entry.Text)) // typed and not added yet
		md.run(slices.Clone(md.paths), lenient.Checked)
	})
	d.Resize(w.dialogs.size(680))
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
		md.w.status.Warn("%s", lang.X("merge.no_such", "{{.Path}}: no such file or folder.", msg.M{"Path": msg.Name(safetext.Escape(path))}))
		return
	case fi.IsDir():
		found, _ := filepath.Glob(filepath.Join(path, "*"+projectExt))
		slices.Sort(found)
		if len(found) == 0 {
			md.w.status.Warn("%s", lang.X("merge.no_projects", "{{.Path}} holds no {{.Ext}} file.", msg.M{"Path": msg.Name(safetext.Escape(path)), "Ext": projectExt}))
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
		name.Alignment = mirror.Align(false)
		rows = append(rows, mirror.Border(nil, nil, nil, remove, name))
	}
	if len(rows) == 0 {
		rows = append(rows, mirror.Caption(lang.X("merge.none", "No project chosen yet: type a path and press {{.Add}}, or choose a file or a folder.",
			msg.M{"Add": lang.X("merge.add", "Add")})))
	}
	md.list.Objects = rows
	md.list.Refresh()
}

// run merges the projects at paths into the project open, off the UI goroutine with its
// progress shown, then sums it up.
func (md *mergeDialog) run(paths []string, lenient bool) {
	w := md.w
	if len(paths) == 0 {
		w.showError(errors.New(lang.X("merge.choose", "choose at least one project to merge")))
		return
	}
	ctx, cancel := context.WithCancel(w.jobs)
	prog := newProgressDialog(w, lang.X("merge.running", "Merging…"), func(n int) string {
		return msg.Count("suggest.docs_read", "{{.N}} documents read", n)
	}, cancel)
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
		b.WriteString(lang.X("merge.cancelled", "The merge was cancelled: the projects merged before are in, whole; the one being merged is not.") + "\n\n")
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
	scroll := container.NewVScroll(mirror.Text(strings.TrimSpace(b.String())))
	scroll.SetMinSize(fyne.NewSize(0, 240))
	content.Add(scroll)
	title := lang.X("merge.finished", "Merge finished")
	if len(refused) > 0 && !lenient {
		title = lang.X("merge.finished_refused", "Merge finished, with projects refused")
		again := widget.NewButton(lang.X("merge.again", "Merge those again, keeping this project's work where they differ"), nil)
		content.Add(mirror.Row(again))
		var d dialog.Dialog
		again.OnTapped = func() {
			d.Hide()
			md.run(refused, true)
		}
		d = w.dialogs.newDialog(title, content, w.dialogs.closeButton())
		d.Resize(w.dialogs.size(680))
		w.dialogs.show(d)
		return
	}
	d := w.dialogs.newDialog(title, content, w.dialogs.closeButton())
	d.Resize(w.dialogs.size(680))
	w.dialogs.show(d)
}

// writeMerged writes what one project brought, its conflicts, or why it was refused.
func writeMerged(b *strings.Builder, m jobs.MergedInput) {
	name := msg.Name(safetext.Escape(filepath.Base(m.Path)))
	var conflict *store.MergeConflictError
	switch {
	case errors.As(m.Err, &conflict):
		b.WriteString(msg.CountWith("merge.refused_conflicts", "{{.File}}: refused, nothing of it was merged: {{.N}} conflicts of its annotators' work with theirs here:",
			len(conflict.Conflicts), msg.M{"File": name}) + "\n")
		writeConflicts(b, conflict.Conflicts)
		return
	case m.Err != nil:
		b.WriteString(lang.X("merge.refused", "{{.File}}: refused, nothing of it was merged: {{.Err}}",
			msg.M{"File": name, "Err": safetext.Escape(m.Err.Error())}) + "\n\n")
		return
	}
	r := m.Result
	if len(r.Annotators) > 0 {
		name += " (" + msg.Name(safetext.Escape(strings.Join(r.Annotators, ", "))) + ")"
	}
	b.WriteString(lang.X("merge.brought", "{{.File}}: {{.Documents}} ({{.Added}} new), {{.Spans}}, {{.Stances}}, {{.Statuses}}, {{.Events}}.", msg.M{
		"File":      name,
		"Documents": msg.Count("status.documents", "{{.N}} documents", r.Documents),
		"Added":     msg.Thousands(r.Added),
		"Spans":     msg.Count("review.spans", "{{.N}} spans", r.Spans),
		"Stances":   msg.Count("merge.stances", "{{.N}} document stances", r.Stances),
		"Statuses":  msg.Count("merge.statuses", "{{.N}} statuses", r.States),
		"Events":    msg.Count("merge.events", "{{.N}} logged changes", r.Events),
	}) + "\n")
	if len(r.Schema) > 0 {
		b.WriteString("  " + lang.X("merge.labels_gained", "The labels gained: {{.Labels}}.", msg.M{"Labels": msg.Name(safetext.Escape(strings.Join(r.Schema, "; ")))}) + "\n")
	}
	if len(r.Conflicts) > 0 {
		b.WriteString("  " + msg.Count("merge.kept", "{{.N}} conflicts: this project's work was kept:", len(r.Conflicts)) + "\n")
		writeConflicts(b, r.Conflicts)
	}
	b.WriteString("\n")
}

// writeConflicts lists the first maxListedErrors conflicts, then how many more there are.
func writeConflicts(b *strings.Builder, cs []store.MergeConflict) {
	for i, c := range cs {
		if i == maxListedErrors {
			b.WriteString("  " + msg.Count("import.more", "… and {{.N}} more", len(cs)-i) + "\n")
			break
		}
		b.WriteString("  " + msg.Name(safetext.Escape(c.String())) + "\n")
	}
	b.WriteString("\n")
}
