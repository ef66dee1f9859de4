package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/doclist"
	"github.com/tawsim/tawsim/app/msg"
	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/seeds"
	"github.com/tawsim/tawsim/store"
	"github.com/tawsim/tawsim/store/open"
)

// askServerProject asks for the URL of a project on a PostgreSQL server (a newsroom's shared
// project), and opens it.
func (w *Window) askServerProject() {
	var d *dialog.FormDialog
	url := newDialogEntry(func() { d.Dismiss() })
	url.Validator = func(s string) error {
		if !open.IsServer(strings.TrimSpace(s)) {
			return errors.New("a URL that begins with postgres://")
		}
		return nil
	}
	hint := widget.NewLabel("postgres://NAME@SERVER/DATABASE — the password from ~/.pgpass or PGPASSWORD,\n" +
		"or in the URL (never shown nor kept).")
	items := []*widget.FormItem{widget.NewFormItem("Server URL", url), widget.NewFormItem("", hint)}
	d = dialog.NewForm("Open server project", "Open", "Cancel", items, func(ok bool) {
		if ok {
			w.openServerProject(strings.TrimSpace(url.Text))
		}
	}, w.win)
	d.Resize(fyne.NewSize(640, 0))
	w.dialogs.show(d)
}

// openServerProject opens the project at a server URL in place of the one open, giving it the
// default schema when it has no labels yet. The window names it without its password.
func (w *Window) openServerProject(url string) {
	shown := open.Name(url)
	if shown == w.cfg.Path {
		w.status.Say("%s is the project open.", shown)
		return
	}
	name := w.cfg.Annotator
	w.status.Say("Connecting to %s…", shown)
	w.q.Do(func(ctx context.Context) func() {
		st, err := open.Project(url)
		var p project
		if err == nil {
			creator := name
			if creator == "" {
				creator = "tawsim"
			}
			if err = seeds.Init(ctx, st, creator); err == nil {
				p, err = w.readProject(ctx, st, name)
			}
			if err != nil {
				st.Close()
			}
		}
		return func() {
			if err != nil {
				w.status.Say("")
				w.showError(fmt.Errorf("open %s: %w", shown, err))
				return
			}
			old := w.cfg.Store
			w.q.Forget()
			w.adopt(st, shown, p)
			w.Start()
			w.status.Say("Opened %s.", shown)
			w.q.Go(func() { old.Close() })
		}
	})
}

// nextAssigned returns, after the write that ended with err, the next document of the
// assignment queue of db for the annotator: "" when the project has none (a file) or
// nothing is left, or the write failed.
func nextAssigned(ctx context.Context, db store.Project, annotator string, err error) string {
	a, ok := db.(store.Assigner)
	if !ok || err != nil || annotator == "" {
		return ""
	}
	id, err := a.NextAssigned(ctx, annotator)
	if err != nil {
		return ""
	}
	return id
}

// openAssigned opens the document the queue gave (next), after the one titled title was
// marked status, and reports whether it did.
func (e *editor) openAssigned(next, title string, status labels.Status) bool {
	if next == "" || next == e.doc.ID {
		return false
	}
	e.open(next, func() {
		e.w.status.Say("Marked %s %s. The next document of the queue is open.", msg.Quote(title), doclist.StatusText(status))
		e.keepMessage = true
	})
	return true
}
