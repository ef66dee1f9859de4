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
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/doclist"
	"github.com/tawsim/tawsim/app/mirror"
	"github.com/tawsim/tawsim/app/msg"
	"github.com/tawsim/tawsim/app/search"
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
	choose := widget.NewButton(lang.X("project.choose", "Choose…"), func() {
		fd := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
			if err == nil && u != nil {
				dir = u.Path()
				folder.SetText(dir)
			}
		}, w.win)
		startIn(fd, dir)
		fd.Show()
	})
	var d *formDialog
	name := newDialogEntry(func() { d.Dismiss() })
	name.SetText("corpus" + projectExt)
	name.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" || strings.ContainsAny(s, `/\`) {
			return errors.New(lang.X("project.file_name", "a file name, without folders"))
		}
		return nil
	}
	schema := newSchemaChoice(w, func() { d.Dismiss() })
	items := []*widget.FormItem{
		widget.NewFormItem(lang.X("project.folder", "Folder"), mirror.Border(nil, nil, nil, choose, folder)),
		widget.NewFormItem(lang.X("project.name", "File name"), name),
	}
	items = append(items, schema.items()...)
	d = w.dialogs.newForm(lang.X("project.new_title", "New project"), lang.X("project.create", "Create"), lang.X("Cancel", "Cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		file := strings.TrimSpace(name.Text)
		if !strings.HasSuffix(file, projectExt) {
			file += projectExt
		}
		w.open(filepath.Join(dir, file), schema.reader())
	})
	d.Resize(w.dialogs.size(560))
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
		w.status.Say("%s", lang.X("project.already_open", "{{.File}} is the project open.", msg.M{"File": msg.Isolate(filepath.Base(path))}))
		return
	}
	name := w.cfg.Annotator
	w.status.Say("%s", lang.X("project.opening", "Opening {{.File}}…", msg.M{"File": msg.Isolate(filepath.Base(path))}))
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
				w.status.Say("%s", lang.X("project.created", "Created {{.File}}. Import a corpus with File → Import… (Ctrl+I).", msg.M{"File": msg.Isolate(filepath.Base(path))}))
			} else {
				w.status.Say("%s", lang.X("project.opened", "Opened {{.File}}.", msg.M{"File": msg.Isolate(filepath.Base(path))}))
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
		return nil, errors.New(lang.X("project.exists", "a file named {{.File}} already exists in {{.Dir}}: choose another name, or open it with File → Open project…",
			msg.M{"File": msg.Name(base), "Dir": msg.Name(filepath.Dir(path))}))
	case !create && errors.Is(err, fs.ErrNotExist):
		return nil, errors.New(lang.X("project.missing", "{{.Path}} does not exist (it may have been moved or deleted)", msg.M{"Path": msg.Name(path)}))
	}
	st, err := store.Open(path)
	switch {
	case errors.Is(err, store.ErrNotProject):
		return nil, errors.New(lang.X("project.not_project", "{{.File}} is not a Tawsim project: choose a .tawsim file made by Tawsim or tawsimctl", msg.M{"File": msg.Name(base)}))
	case errors.Is(err, store.ErrReadOnly):
		return nil, fmt.Errorf("%w.\n\n%s", err, lang.X("project.read_only", "Tawsim writes every action to the project at once, so it opens only projects it can write: "+
			"make the file and its folder writable, or open a copy in a folder of yours (tawsimctl stats, check and export read it as it is)"))
	case errors.Is(err, store.ErrNewerSchema):
		return nil, errors.New(lang.X("project.newer", "{{.File}} was written by a newer version of Tawsim: update Tawsim to open it (this version leaves the file as it is)", msg.M{"File": msg.Name(base)}))
	case err != nil:
		return nil, fmt.Errorf("%s: %w", lang.X("project.open_failed", "open {{.File}}", msg.M{"File": msg.Name(base)}), err)
	}
	if annotator == "" {
		annotator = "tawsim"
	}
	if create {
		if err := st.SetSchema(ctx, annotator, sc); err != nil {
			st.Close()
			return nil, fmt.Errorf("%s: %w", lang.X("project.schema_failed", "give {{.File}} its labels", msg.M{"File": msg.Name(base)}), err)
		}
	}
	if err := seeds.Init(ctx, st, annotator); err != nil {
		st.Close()
		return nil, fmt.Errorf("%s: %w", lang.X("project.init_failed", "give {{.File}} the default labels", msg.M{"File": msg.Name(base)}), err)
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
		return project{}, fmt.Errorf("%s: %w", lang.X("err.schema", "read the label schema"), err)
	}
	n, err := st.CountDocuments(ctx)
	if err != nil {
		return project{}, fmt.Errorf("%s: %w", lang.X("err.list", "open the document list"), err)
	}
	stats, err := st.Stats(ctx, "")
	if err != nil {
		return project{}, fmt.Errorf("%s: %w", lang.X("err.annotators", "count the annotators"), err)
	}
	docs := w.list.NewPager(st, annotator, "")
	if n > 0 {
		// the first page now, so that the list is filled when the window first shows
		if _, err := docs.Fetch(ctx, 0); err != nil {
			return project{}, fmt.Errorf("%s: %w", lang.X("err.list", "open the document list"), err)
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

// setSchema makes sc the schema the window labels with: the palette, the stance panel, the
// menus and the keys follow it, and the spans are drawn again in its colours. The current
// target stays current when sc still has it.
func (w *Window) setSchema(sc labels.Schema) {
	w.schema = sc
	w.palette.SetSchema(sc)
	w.stance.SetSchema(sc, takenKeys(w.palette))
	w.win.SetMainMenu(w.mainMenu())
	w.search.SetOptions(search.OptionsOf(sc, w.find.annotators))
	w.ed.showSpans()
}
