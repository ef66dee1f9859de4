package app

import (
	"context"
	"errors"
	"fmt"
	neturl "net/url"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/doclist"
	"github.com/tawsim/tawsim/app/msg"
	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/seeds"
	"github.com/tawsim/tawsim/store"
	"github.com/tawsim/tawsim/store/open"
)

// serverURLForm is how a server project's URL is written, shown in the empty field.
const serverURLForm = "postgres://NAME@SERVER/DATABASE"

// askServerProject asks for the URL of a project on a PostgreSQL server (a newsroom's shared
// project), and opens it.
func (w *Window) askServerProject() {
	var d *formDialog
	url := newDialogEntry(func() { d.Hide() })
	url.SetPlaceHolder(serverURLForm)
	url.Validator = func(s string) error {
		s = strings.TrimSpace(s)
		if !open.IsServer(s) {
			return errors.New(lang.X("server.bad_url", "a URL that begins with postgres://"))
		}
		if _, err := neturl.Parse(s); err != nil { // the server would refuse it, in its words
			return errors.New(lang.X("server.unreadable_url", "a URL written as postgres://NAME@SERVER/DATABASE: check its % signs and brackets"))
		}
		return nil
	}
	item := widget.NewFormItem(lang.X("server.url", "Server URL"), url)
	item.HintText = lang.X("server.hint", "The password comes from ~/.pgpass or PGPASSWORD, or from the URL; it is never shown nor kept.")
	d = w.dialogs.newForm(lang.X("server.title", "Open server project"), lang.X("Open", "Open"), lang.X("Cancel", "Cancel"),
		[]*widget.FormItem{item}, func(ok bool) {
			if ok {
				w.openServerProject(strings.TrimSpace(url.Text))
			}
		})
	url.OnSubmitted = func(string) { d.Submit() }          // Enter opens it, unless the URL is wrong
	d.Resize(fyne.NewSize(w.dialogs.size(640).Width, 250)) // the hint's two lines
	w.dialogs.show(d)
	w.win.Canvas().Focus(url)
}

// openServerProject opens the project at a server URL in place of the one open, giving it the
// default schema when it has no labels yet. The window names it without its password.
func (w *Window) openServerProject(url string) {
	shown := open.Name(url)
	file := msg.M{"File": msg.Name(shown)}
	if shown == w.cfg.Path {
		w.status.Say("%s", lang.X("project.already_open", "{{.File}} is the project open.", file))
		return
	}
	name := w.cfg.Annotator
	w.status.Say("%s", lang.X("project.opening", "Opening {{.File}}…", file))
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
				w.showError(serverError(shown, err))
				return
			}
			old := w.cfg.Store
			w.q.Forget()
			w.adopt(st, shown, p)
			w.Start()
			w.status.Say("%s", lang.X("project.opened", "Opened {{.File}}.", file))
			w.q.Go(func() { old.Close() })
		}
	})
}

// serverError says why the project at a server (shown, its URL without the password) did not
// open: in the annotator's words when its server cannot be reached, else the server's.
func serverError(shown string, err error) error {
	if errors.Is(err, store.ErrUnavailable) {
		return errors.New(lang.X("server.unreachable", "The server of {{.File}} cannot be reached: check the network and the URL, or ask who runs the server whether it is up, then open it again.",
			msg.M{"File": msg.Name(shown)}))
	}
	return fmt.Errorf("%s: %w", lang.X("project.open_failed", "open {{.File}}", msg.M{"File": msg.Name(shown)}), err)
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
		e.w.status.Say("%s", lang.X("doc.marked_queue", "Marked {{.Title}} {{.Status}}. The next document of the queue is open.",
			msg.M{"Title": msg.Quote(title), "Status": doclist.StatusText(status)}))
		e.keepMessage = true
	})
	return true
}
