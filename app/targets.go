package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/article"
	"github.com/tawsim/tawsim/app/msg"
	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// targetsDialog lists the project's stance targets, with how many annotations refer to each,
// and adds and renames them.
type targetsDialog struct {
	w    *Window
	d    *dialog.CustomDialog
	rows *fyne.Container
	add  *widget.Button
}

// showTargets opens the targets dialog (Stance → Targets…).
func (w *Window) showTargets() {
	td := &targetsDialog{w: w, rows: container.NewVBox()}
	intro := widget.NewLabel("A document takes a stance toward each target. Annotations keep a target's id, " +
		"so a rename keeps every stance and piece of evidence on it; exports write the new name. " +
		"Changes to the targets are saved at once and are not undone with Ctrl+Z.")
	intro.Wrapping = fyne.TextWrapWord
	td.add = widget.NewButton("Add target…", func() { td.ask(nil) })
	td.add.Importance = widget.HighImportance
	content := container.NewBorder(intro, nil, nil, nil, container.NewVScroll(td.rows))
	td.d = dialog.NewCustomWithoutButtons("Stance targets", content, w.win)
	td.d.SetButtons([]fyne.CanvasObject{widget.NewButton("Close", td.d.Hide), td.add})
	td.d.Resize(fyne.NewSize(680, min(560, w.win.Canvas().Size().Height-40)))
	w.dialogs.show(td.d)
	td.fill()
}

// fill lists the targets of the schema, with their uses read off the UI goroutine.
func (td *targetsDialog) fill() {
	w := td.w
	readThen(w, "count the annotations of each target", w.cfg.Store.TargetUses, func(uses map[string]store.TargetUse) {
		var rows []fyne.CanvasObject
		for _, t := range w.schema.Targets {
			rows = append(rows, td.row(t, uses[t.ID]), widget.NewSeparator())
		}
		if len(rows) == 0 {
			rows = append(rows, widget.NewLabel("This project has no stance targets yet: add the first one."))
		}
		td.rows.Objects = rows
		td.rows.Refresh()
	})
}

// row shows target t: its names, id and uses, and its Rename button.
func (td *targetsDialog) row(t labels.Target, u store.TargetUse) fyne.CanvasObject {
	name := widget.NewLabel(t.Name)
	name.TextStyle.Bold = true
	name.Truncation = fyne.TextTruncateEllipsis
	info := widget.NewLabel(fmt.Sprintf("id %s · %s · %s", t.ID, msg.Plural(u.DocStances, "document stance"), msg.Plural(u.Spans, "evidence span")))
	info.Importance = widget.LowImportance
	info.Truncation = fyne.TextTruncateEllipsis
	info.SizeName = theme.SizeNameCaptionText
	ar := article.NewLabel(t.NameAr)
	rename := widget.NewButton("Rename…", func() { td.ask(&t) })
	names := container.NewBorder(nil, nil, nil, container.NewCenter(ar), name)
	return container.NewBorder(nil, nil, nil, container.NewCenter(rename),
		container.New(layout.NewCustomPaddedVBoxLayout(0), names, info))
}

// ask asks for a new target's id and names (old nil), or new names for target old, and saves
// them; the targets dialog then lists the targets again.
func (td *targetsDialog) ask(old *labels.Target) {
	w := td.w
	if w.cfg.Annotator == "" {
		w.askName(true)
		return
	}
	var d *dialog.FormDialog
	dismiss := func() { d.Dismiss() }
	id, name, nameAr := newDialogEntry(dismiss), newDialogEntry(dismiss), newDialogEntry(dismiss)
	self := ""
	if old != nil {
		self = old.ID
		id.SetText(old.ID)
		id.Disable()
		name.SetText(old.Name)
		nameAr.SetText(old.NameAr)
	} else {
		id.SetPlaceHolder("made from the name")
		name.SetPlaceHolder("for example: Egypt's mediation")
		name.OnChanged = func(s string) {
			if strings.TrimSpace(s) != "" {
				id.SetPlaceHolder(w.schema.NewTargetID(s))
			} else {
				id.SetPlaceHolder("made from the name")
			}
		}
	}
	nameAr.SetPlaceHolder("for example: الوساطة المصرية")
	id.Validator = func(s string) error {
		s = strings.TrimSpace(s)
		switch {
		case old != nil || s == "":
			return nil
		case strings.ContainsAny(s, " \t\u00a0"):
			return errors.New("one word, without spaces")
		}
		if _, taken := w.schema.Target(s); taken {
			return errors.New("another target has this id")
		}
		return targetClash(w.schema, s, self)
	}
	name.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New("a target needs a name")
		}
		return targetClash(w.schema, s, self)
	}
	nameAr.Validator = func(s string) error { return targetClash(w.schema, s, self) }
	idItem := widget.NewFormItem("ID", id)
	idItem.HintText = "What annotations and exports refer to; it never changes."
	nameItem := widget.NewFormItem("Name", name)
	nameItem.HintText = "The name exports write (English, or as the corpus names it)."
	title, confirm := "Add a stance target", "Add"
	if old != nil {
		title, confirm = "Rename "+old.Name, "Rename"
	}
	d = dialog.NewForm(title, confirm, "Cancel", []*widget.FormItem{idItem, nameItem, widget.NewFormItem("Arabic name", nameAr)},
		func(ok bool) {
			if !ok {
				return
			}
			t := labels.Target{ID: strings.TrimSpace(id.Text), Name: strings.TrimSpace(name.Text), NameAr: strings.TrimSpace(nameAr.Text)}
			if t.ID == "" {
				t.ID = w.schema.NewTargetID(t.Name)
			}
			td.save(old, t)
		}, w.win)
	name.OnSubmitted = func(string) { d.Submit() }
	nameAr.OnSubmitted = func(string) { d.Submit() }
	id.OnSubmitted = func(string) { d.Submit() }
	d.Resize(fyne.NewSize(560, 0))
	w.dialogs.show(d)
	w.win.Canvas().Focus(name)
}

// targetClash refuses a target name (or id) s that another target than the one with id self
// already has as its id, name or Arabic name, ignoring case: an import naming it could not
// tell the two apart.
func targetClash(sc labels.Schema, s, self string) error {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	for _, o := range sc.Targets {
		if o.ID == self {
			continue
		}
		for _, theirs := range []string{o.ID, o.Name, o.NameAr} {
			if strings.EqualFold(strings.TrimSpace(theirs), s) {
				return fmt.Errorf("the target %s is named so already", o.Name)
			}
		}
	}
	return nil
}

// save adds target t (old nil) or renames target old to t's names: one AddTarget or
// RenameTarget. The window then shows the new schema: the stance panel and the menus.
func (td *targetsDialog) save(old *labels.Target, t labels.Target) {
	w := td.w
	st, name := w.cfg.Store, w.cfg.Annotator
	w.save(func(ctx context.Context) (func(), error) {
		err := retriedErr(w, func() error {
			if old == nil {
				return st.AddTarget(ctx, name, t)
			}
			return st.RenameTarget(ctx, name, old.ID, t.Name, t.NameAr)
		})
		if err != nil {
			return nil, err
		}
		sc, err := st.Schema(ctx)
		if err != nil {
			return nil, fmt.Errorf("read the label schema: %w", err)
		}
		return func() {
			w.setSchema(sc)
			if old == nil {
				w.stance.SetTarget(t.ID)
				w.status.Say("Added the target %s. It is the current target: press %s to choose the document's stance toward it.",
					t.Name, w.stance.Keys().List(", "))
			} else {
				w.status.Say("Renamed the target %s to %s; its stances and evidence stay with it.", old.Name, t.Name)
			}
			td.fill()
		}, nil
	}, nil, td.refuse)
}

// refuse explains why a target was not saved, and reports whether err was such a refusal.
func (td *targetsDialog) refuse(err error) bool {
	w := td.w
	switch {
	case errors.Is(err, store.ErrExists):
		w.status.Warn("Not saved: another target already has this id or name.")
	case errors.Is(err, labels.ErrBadSchema):
		w.status.Warn("Not saved: a target needs a one-word id and a name.")
	case errors.Is(err, labels.ErrNoAnnotator):
		w.askName(true)
	default:
		return false
	}
	return true
}
