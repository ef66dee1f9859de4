package app

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/doclist"
	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/seeds"
	"github.com/tawsim/tawsim/store"
)

// projectExt is the extension of project files.
const projectExt = ".tawsim"

// askOpenProject lets the annotator choose a project file, and opens it.
func (w *Window) askOpenProject() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			w.showError(err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		w.openProject(path, false)
	}, w.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{projectExt}))
	startIn(d, filepath.Dir(w.cfg.Path))
	d.Show()
}

// askNewProject asks where to create a new project (a folder and a file name) and with which
// label schema (the default, Wojood's, or a schema file), and creates it.
func (w *Window) askNewProject() {
	dir := filepath.Dir(w.cfg.Path)
	folder := widget.NewLabel(dir)
	folder.Truncation = fyne.TextTruncateEllipsis
	choose := widget.NewButton("Choose…", func() {
		fd := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
			if err == nil && u != nil {
				dir = u.Path()
				folder.SetText(dir)
			}
		}, w.win)
		startIn(fd, dir)
		fd.Show()
	})
	var d *dialog.FormDialog
	name := newDialogEntry(func() { d.Dismiss() })
	name.SetText("corpus" + projectExt)
	name.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" || strings.ContainsAny(s, `/\`) {
			return errors.New("a file name, without folders")
		}
		return nil
	}
	schema := newSchemaChoice(w, func() { d.Dismiss() })
	items := []*widget.FormItem{
		widget.NewFormItem("Folder", container.NewBorder(nil, nil, nil, choose, folder)),
		widget.NewFormItem("File name", name),
	}
	items = append(items, schema.items()...)
	d = dialog.NewForm("New project", "Create", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		file := strings.TrimSpace(name.Text)
		if !strings.HasSuffix(file, projectExt) {
			file += projectExt
		}
		w.open(filepath.Join(dir, file), schema.reader())
	}, w.win)
	d.Resize(fyne.NewSize(560, 0))
	w.dialogs.show(d)
}

// startIn makes a file dialog start in folder dir, when it exists.
func startIn(d *dialog.FileDialog, dir string) {
	if u, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
		d.SetLocation(u)
	}
	d.Resize(fyne.NewSize(800, 560))
}

// openProject opens the project at path (creating it, with the default label schema, when
// create is set) and shows it in the window in place of the one open, which it closes.
func (w *Window) openProject(path string, create bool) {
	var schema func() (labels.Schema, error)
	if create {
		schema = func() (labels.Schema, error) { return seeds.Schema(), nil }
	}
	w.open(path, schema)
}

// open opens the project at path, or creates it with the label schema that schema gives
// when schema is not nil, and shows it in the window in place of the one open, which it
// closes.
func (w *Window) open(path string, schema func() (labels.Schema, error)) {
	create := schema != nil
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	if cur, err := filepath.Abs(w.cfg.Path); err == nil && cur == path {
		w.status.Say("%s is the project open.", filepath.Base(path))
		return
	}
	name := w.cfg.Annotator
	w.status.Say("Opening %s…", filepath.Base(path))
	w.q.Do(func(ctx context.Context) func() {
		st, err := openProjectFile(ctx, path, schema, name)
		var p project
		if err == nil {
			if p, err = w.readProject(ctx, st, name); err != nil {
				st.Close()
			}
		}
		return func() {
			if err != nil {
				w.status.Say("")
				w.showError(err)
				return
			}
			old := w.cfg.Store
			w.q.Forget() // the work asked for on the old project is dropped
			w.adopt(st, path, p)
			w.Start()
			if create {
				w.status.Say("Created %s. Import a corpus with File → Import… (Ctrl+I).", filepath.Base(path))
			} else {
				w.status.Say("Opened %s.", filepath.Base(path))
			}
			w.q.Go(func() { old.Close() })
		}
	})
}

// openProjectFile opens the project at path, giving it the default schema when it has no
// labels, or creates it with the schema that schema gives when schema is not nil. Its errors
// say what to do.
func openProjectFile(ctx context.Context, path string, schema func() (labels.Schema, error), annotator string) (store.Project, error) {
	base := filepath.Base(path)
	create := schema != nil
	var sc labels.Schema
	if create {
		var err error
		if sc, err = schema(); err != nil {
			return nil, err
		}
	}
	_, err := os.Stat(path)
	switch {
	case create && err == nil:
		return nil, fmt.Errorf("a file named %s already exists in %s: choose another name, or open it with File → Open project…", base, filepath.Dir(path))
	case !create && errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("%s does not exist (it may have been moved or deleted)", path)
	}
	st, err := store.Open(path)
	switch {
	case errors.Is(err, store.ErrNotProject):
		return nil, fmt.Errorf("%s is not a Tawsim project: choose a %s file made by Tawsim or tawsimctl", base, projectExt)
	case errors.Is(err, store.ErrReadOnly):
		return nil, fmt.Errorf("%w.\n\nTawsim writes every action to the project at once, so it opens only projects it can write: "+
			"make the file and its folder writable, or open a copy in a folder of yours (tawsimctl stats, check and export read it as it is)", err)
	case errors.Is(err, store.ErrNewerSchema):
		return nil, fmt.Errorf("%s was written by a newer version of Tawsim: update Tawsim to open it (this version leaves the file as it is)", base)
	case err != nil:
		return nil, fmt.Errorf("open %s: %w", base, err)
	}
	if annotator == "" {
		annotator = "tawsim"
	}
	if create {
		if err := st.SetSchema(ctx, annotator, sc); err != nil {
			st.Close()
			return nil, fmt.Errorf("give %s its labels: %w", base, err)
		}
	}
	if err := seeds.Init(ctx, st, annotator); err != nil {
		st.Close()
		return nil, fmt.Errorf("give %s the default labels: %w", base, err)
	}
	return st, nil
}

// project is what the window reads of a project before it shows it.
type project struct {
	schema     labels.Schema
	total      int
	docs       *doclist.Pager
	annotators []string // who has worked on the project
}

// readProject reads the schema, the number of documents and the first page of the list. It
// blocks: call it off the UI goroutine, or before the window shows.
func (w *Window) readProject(ctx context.Context, st store.Project, annotator string) (project, error) {
	if _, err := st.Changed(ctx); err != nil { // what changes from now on, pollProject shows
		return project{}, err
	}
	sc, err := st.Schema(ctx)
	if err != nil {
		return project{}, fmt.Errorf("read the label schema: %w", err)
	}
	n, err := st.CountDocuments(ctx)
	if err != nil {
		return project{}, fmt.Errorf("open the document list: %w", err)
	}
	stats, err := st.Stats(ctx, "")
	if err != nil {
		return project{}, fmt.Errorf("count the annotators: %w", err)
	}
	docs := w.list.NewPager(st, annotator, "")
	if n > 0 {
		// the first page now, so that the list is filled when the window first shows
		if _, err := docs.Fetch(ctx, 0); err != nil {
			return project{}, fmt.Errorf("open the document list: %w", err)
		}
	}
	return project{schema: sc, total: n, docs: docs, annotators: stats.Annotators}, nil
}

// adopt makes st (at path, read as p) the window's project, on the UI goroutine.
func (w *Window) adopt(st store.Project, path string, p project) {
	w.cfg.Store, w.cfg.Path = st, path
	w.watched.Store(&st)
	name := w.cfg.Annotator
	w.annotator.Store(&name)
	w.ed.close()
	w.search.Clear()
	w.search.SetAnnotator(name)
	w.find.annotators = p.annotators
	w.list.SetProject(st, name, p.docs, p.total)
	w.stance.Select(0)
	w.setSchema(p.schema)
	w.updateTitle()
	w.status.SetProject(path, p.total)
	w.showEmpty()
	w.find.catchUp()
}
