package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/article"
	"github.com/tawsim/tawsim/app/mirror"
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
	intro := mirror.Text(lang.X("targets.intro", "A document takes a stance toward each target. Annotations keep a target's id, "+
		"so a rename keeps every stance and piece of evidence on it; exports write the new name. "+
		"Changes to the targets are saved at once and are not undone with Ctrl+Z."))
	td.add = widget.NewButton(lang.X("targets.add", "Add target…"), func() { td.ask(nil) })
	td.add.Importance = widget.HighImportance
	content := container.NewBorder(intro, nil, nil, nil, container.NewVScroll(td.rows))
	td.d = w.dialogs.newDialog(lang.X("targets.title", "Stance targets"), content, widget.NewButton(lang.X("dialog.close", "Close"), func() { td.d.Hide() }), td.add)
	td.d.Resize(fyne.NewSize(w.dialogs.size(680).Width, min(560, w.win.Canvas().Size().Height-40)))
	w.dialogs.show(td.d)
	td.fill()
}

// fill lists the targets of the schema, with their uses read off the UI goroutine.
func (td *targetsDialog) fill() {
	w := td.w
	readThen(w, lang.X("targets.count_failed", "count the annotations of each target"), w.cfg.Store.TargetUses, func(uses map[string]store.TargetUse) {
		var rows []fyne.CanvasObject
		for _, t := range w.schema.Targets {
			rows = append(rows, td.row(t, uses[t.ID]), widget.NewSeparator())
		}
		if len(rows) == 0 {
			rows = append(rows, mirror.Label(lang.X("targets.none", "This project has no stance targets yet: add the first one.")))
		}
		td.rows.Objects = rows
		td.rows.Refresh()
	})
}

// row shows target t: its names, id and uses, and its Rename button.
func (td *targetsDialog) row(t labels.Target, u store.TargetUse) fyne.CanvasObject {
	name := mirror.Label(t.Name)
	if l, ok := name.(*widget.Label); ok {
		l.TextStyle.Bold = true
		l.Truncation = fyne.TextTruncateEllipsis
	}
	info := mirror.Label(lang.X("targets.info", "id {{.ID}} · {{.Stances}} · {{.Spans}}", msg.M{"ID": msg.Name(t.ID),
		"Stances": msg.Count("targets.stances", "{{.N}} document stances", u.DocStances),
		"Spans":   msg.Count("targets.spans", "{{.N}} evidence spans", u.Spans)}))
	mirror.Faint(info)
	ar := article.NewLabel(t.NameAr)
	rename := widget.NewButton(lang.X("targets.rename", "Rename…"), func() { td.ask(&t) })
	names := mirror.Border(nil, nil, nil, container.NewCenter(ar), name)
	return mirror.Border(nil, nil, nil, container.NewCenter(rename),
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
	var d *formDialog
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
		id.SetPlaceHolder(lang.X("targets.id_placeholder", "made from the name"))
		name.SetPlaceHolder(lang.X("targets.name_placeholder", "for example: Egypt's mediation"))
		name.OnChanged = func(s string) {
			if strings.TrimSpace(s) != "" {
				id.SetPlaceHolder(w.schema.NewTargetID(s))
			} else {
				id.SetPlaceHolder(lang.X("targets.id_placeholder", "made from the name"))
			}
		}
	}
	nameAr.SetPlaceHolder(lang.X("targets.name_ar_placeholder", "for example: الوساطة المصرية"))
	id.Validator = func(s string) error {
		s = strings.TrimSpace(s)
		switch {
		case old != nil || s == "":
			return nil
		case strings.ContainsAny(s, " \t\u00a0"):
			return errors.New(lang.X("targets.one_word", "one word, without spaces"))
		}
		if _, taken := w.schema.Target(s); taken {
			return errors.New(lang.X("targets.id_taken", "another target has this id"))
		}
		return targetClash(w.schema, s, self)
	}
	name.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New(lang.X("targets.needs_name", "a target needs a name"))
		}
		return targetClash(w.schema, s, self)
	}
	nameAr.Validator = func(s string) error { return targetClash(w.schema, s, self) }
	idItem := widget.NewFormItem(lang.X("targets.id", "ID"), id)
	idItem.HintText = lang.X("targets.id_hint", "What annotations and exports refer to; it never changes.")
	nameItem := widget.NewFormItem(lang.X("targets.name", "Name"), name)
	nameItem.HintText = lang.X("targets.name_hint", "The name exports write (English, or as the corpus names it).")
	title, confirm := lang.X("targets.add_title", "Add a stance target"), lang.X("targets.add_confirm", "Add")
	if old != nil {
		title, confirm = lang.X("targets.rename_title", "Rename {{.Name}}", msg.M{"Name": old.Name}), lang.X("targets.rename_confirm", "Rename")
	}
	d = w.dialogs.newForm(title, confirm, lang.X("Cancel", "Cancel"), []*widget.FormItem{idItem, nameItem, widget.NewFormItem(lang.X("targets.name_ar", "Arabic name"), nameAr)},
		func(ok bool) {
			if !ok {
				return
			}
			t := labels.Target{ID: strings.TrimSpace(id.Text), Name: strings.TrimSpace(name.Text), NameAr: strings.TrimSpace(nameAr.Text)}
			if t.ID == "" {
				t.ID = w.schema.NewTargetID(t.Name)
			}
			td.save(old, t)
		})
	name.OnSubmitted = func(string) { d.Submit() }
	nameAr.OnSubmitted = func(string) { d.Submit() }
	id.OnSubmitted = func(string) { d.Submit() }
	d.Resize(w.dialogs.size(560))
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
				return errors.New(lang.X("targets.clash", "the target {{.Name}} is named so already", msg.M{"Name": o.Name}))
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
			return nil, fmt.Errorf("%s: %w", lang.X("err.schema", "read the label schema"), err)
		}
		return func() {
			w.setSchema(sc)
			if old == nil {
				w.stance.SetTarget(t.ID)
				w.status.Say("%s", lang.X("targets.added", "Added the target {{.Name}}. It is the current target: press {{.Keys}} to choose the document's stance toward it.",
					msg.M{"Name": msg.Quote(t.Name), "Keys": w.stance.Keys().List(", ")}))
			} else {
				w.status.Say("%s", lang.X("targets.renamed", "Renamed the target {{.Old}} to {{.New}}; its stances and evidence stay with it.",
					msg.M{"Old": msg.Quote(old.Name), "New": msg.Quote(t.Name)}))
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
		w.status.Warn("%s", lang.X("targets.exists", "Not saved: another target already has this id or name."))
	case errors.Is(err, labels.ErrBadSchema):
		w.status.Warn("%s", lang.X("targets.bad", "Not saved: a target needs a one-word id and a name."))
	case errors.Is(err, labels.ErrNoAnnotator):
		w.askName(true)
	default:
		return false
	}
	return true
}
