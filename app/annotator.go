package app

import (
	"errors"
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/mirror"
	"github.com/tawsim/tawsim/app/msg"
	"github.com/tawsim/tawsim/labels"
)

// PrefAnnotator is the Fyne preference where versions before the name file kept the
// annotator's name; AnnotatorName moves a name found there into the file.
const PrefAnnotator = "annotator"

// EnvAnnotator is the environment variable that, when set, names the annotator instead of
// the preference (for scripted sessions, tests and screenshots).
const EnvAnnotator = "TAWSIM_ANNOTATOR"

// AnnotatorName returns the annotator's name: $TAWSIM_ANNOTATOR, else the name kept in the
// name file (see keepName), else the one an older version kept in a's preferences (moved into
// the file), else "" (the window then asks for it). A name that no project takes (one with a
// control or bidi character, refused by labels.CheckAnnotator) counts as none.
func AnnotatorName(a fyne.App) string {
	name := strings.TrimSpace(os.Getenv(EnvAnnotator))
	if name == "" {
		name = keptName()
	}
	if name == "" {
		name = strings.TrimSpace(a.Preferences().String(PrefAnnotator))
		if name != "" && labels.CheckAnnotator(name) == nil {
			keepName(name) // when it fails, the preference still holds it for the next start
		}
	}
	if labels.CheckAnnotator(name) != nil {
		return ""
	}
	return name
}

// nameDialog is the dialog that asks for the annotator's name.
type nameDialog struct {
	d       *dialog.CustomDialog
	entry   *dialogEntry
	ok      *widget.Button
	problem mirror.Texter // why the name typed cannot be taken
}

// askName asks for the annotator's name. When required (there is none yet) the dialog can only
// be closed with a name; otherwise it can be cancelled.
func (w *Window) askName(required bool) {
	if w.nameDialog != nil {
		return
	}
	nd := &nameDialog{}
	nd.entry = newDialogEntry(func() {
		if !required {
			nd.d.Hide()
			w.nameDialog = nil
		}
	})
	nd.entry.SetPlaceHolder(lang.X("name.placeholder", "for example: amal"))
	nd.entry.SetText(w.cfg.Annotator)
	intro := lang.X("name.intro", "Your name is written with every label you make, so that your work can be told from "+
		"other annotators'. Use the same name every time you work on this corpus.")
	if required {
		intro = lang.X("name.welcome", "Welcome to Tawsim. Before you start, what is your name?") + "\n\n" + intro
	}
	text := mirror.Text(intro)
	submit := func() {
		name := strings.TrimSpace(nd.entry.Text)
		if labels.CheckAnnotator(name) != nil {
			return
		}
		nd.d.Hide()
		w.nameDialog = nil
		w.setAnnotator(name)
	}
	nd.ok = widget.NewButton(lang.X("name.start", "Start"), submit)
	nd.ok.Importance = widget.HighImportance
	nd.entry.OnSubmitted = func(string) { submit() }
	nd.problem = mirror.Text("")
	switch p := nd.problem.(type) {
	case *widget.Label:
		p.Importance = widget.DangerImportance
	case interface{ SetColor(fyne.ThemeColorName) }:
		p.SetColor(theme.ColorNameError)
	}
	nd.entry.OnChanged = func(s string) {
		err := labels.CheckAnnotator(strings.TrimSpace(s))
		nd.problem.Hide()
		switch {
		case errors.Is(err, labels.ErrBadName):
			nd.problem.SetText(lang.X("name.bad", "This name cannot be used: {{.Why}}.", msg.M{"Why": strings.TrimPrefix(err.Error(), "annotator name: invalid name: ")}))
			nd.problem.Show()
			fallthrough
		case err != nil:
			nd.ok.Disable()
		default:
			nd.ok.Enable()
		}
	}
	nd.entry.OnChanged(nd.entry.Text)
	buttons := []fyne.CanvasObject{nd.ok}
	title := lang.X("name.title", "Your name")
	if !required {
		nd.ok.SetText(lang.X("name.change", "Change"))
		title = lang.X("name.change_title", "Change annotator")
		buttons = append([]fyne.CanvasObject{widget.NewButton(lang.X("Cancel", "Cancel"), func() {
			nd.d.Hide()
			w.nameDialog = nil
		})}, buttons...)
	}
	form, _ := formGrid([]*widget.FormItem{widget.NewFormItem(lang.X("name.name", "Name"), nd.entry)}, func() {})
	content := container.NewVBox(text, form, nd.problem)
	nd.d = w.dialogs.newDialog(title, content, buttons...)
	nd.d.Resize(w.dialogs.size(460))
	w.nameDialog = nd
	nd.d.Show()
	mirrorTitle(w.win)
	w.win.Canvas().Focus(nd.entry)
}

// setAnnotator makes name the annotator: kept in the name file, shown in the title, and whose
// statuses, spans and progress the window shows from now on.
func (w *Window) setAnnotator(name string) {
	if err := keepName(name); err != nil {
		w.status.Warn("%s", lang.X("name.not_kept", "Your name could not be kept for the next start ({{.Err}}); the window will ask for it again.", msg.M{"Err": err}))
	}
	if name == w.cfg.Annotator {
		return
	}
	w.cfg.Annotator = name
	w.annotator.Store(&name)
	w.updateTitle()
	w.search.SetAnnotator(name)
	w.status.Say("%s", lang.X("name.hello", "Hello {{.Name}}: your labels are saved under this name.", msg.M{"Name": msg.Isolate(name)}))
	w.list.SetAnnotator(name, func() {
		// the document open stays open, with the new annotator's work (when it left the
		// list, the list's first document is opening already)
		if _, in := w.list.Current(); w.ed.doc.ID != "" && (in || w.list.Len() == 0) {
			w.ed.open(w.ed.doc.ID, nil)
		}
	})
}
