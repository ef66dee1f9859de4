package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/palette"
	"github.com/tawsim/tawsim/labels"
)

// The shortcuts with a modifier, which the menus trigger wherever the focus is.
var (
	shortcutOpen   = &desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutNew    = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutImport = &desktop.CustomShortcut{KeyName: fyne.KeyI, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutExport = &desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutUndo   = &fyne.ShortcutUndo{}
	shortcutRedo   = &desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	shortcutDone   = &desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutFind   = &desktop.CustomShortcut{KeyName: fyne.KeyL, Modifier: fyne.KeyModifierShortcutDefault}
)

// keyHint shows a key without modifier beside a menu item. Menus trigger only shortcuts with a
// modifier, so the key itself still reaches the window's key handlers.
type keyHint fyne.KeyName

// Key returns the key shown.
func (k keyHint) Key() fyne.KeyName { return fyne.KeyName(k) }

// Mod returns no modifier.
func (k keyHint) Mod() fyne.KeyModifier { return 0 }

// ShortcutName names the hint.
func (k keyHint) ShortcutName() string { return "Key:" + string(k) }

// shiftHint shows Shift and a key beside a menu item. Shift alone never triggers a shortcut,
// so the key reaches the window's key handlers as the rune it types.
type shiftHint fyne.KeyName

// Key returns the key shown.
func (k shiftHint) Key() fyne.KeyName { return fyne.KeyName(k) }

// Mod returns Shift.
func (k shiftHint) Mod() fyne.KeyModifier { return fyne.KeyModifierShift }

// ShortcutName names the hint.
func (k shiftHint) ShortcutName() string { return "Key:Shift+" + string(k) }

// mainMenu returns the window's menus: File, Edit (with the search), Label and Stance (from
// the schema), Suggestions, Document, Team, View (the Progress view), Help.
func (w *Window) mainMenu() *fyne.MainMenu {
	item := func(label string, sc fyne.Shortcut, action func()) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, w.dialogs.unless(action))
		it.Shortcut = sc
		return it
	}
	file := fyne.NewMenu("File",
		item("Open project…", shortcutOpen, w.askOpenProject),
		item("Open server project…", nil, w.askServerProject),
		item("New project…", shortcutNew, w.askNewProject),
		fyne.NewMenuItemSeparator(),
		item("Import…", shortcutImport, w.imports.show),
		item("Export…", shortcutExport, w.exports.show),
		item(lang.L("Merge projects…"), nil, w.merges.show),
		fyne.NewMenuItemSeparator(),
		item("Change annotator…", nil, func() { w.askName(w.cfg.Annotator == "") }),
	)
	edit := fyne.NewMenu("Edit",
		item("Undo", shortcutUndo, w.ed.undo),
		item("Redo", shortcutRedo, w.ed.redo),
		fyne.NewMenuItemSeparator(),
		item("Remove selected span", keyHint(fyne.KeyDelete), w.ed.deleteSelected),
		fyne.NewMenuItemSeparator(),
	)
	edit.Items = append(edit.Items, w.find.items(item)...)
	var lab []*fyne.MenuItem
	for _, l := range w.schema.Entities {
		var sc fyne.Shortcut
		if l.Hotkey != "" {
			sc = keyHint(l.Hotkey)
		}
		text := l.Name
		if l.DescriptionEn != "" {
			text += " — " + palette.FirstClause(l.DescriptionEn)
		}
		lab = append(lab, item(text, sc, func() { w.ed.applyLabel(l) }))
	}
	if len(lab) > 0 {
		lab = append(lab, fyne.NewMenuItemSeparator(), item(lang.L("Find a label…"), shortcutFind, w.palette.Find))
	}
	stance := w.stanceMenu(item)
	doc := fyne.NewMenu("Document",
		item("Done, next", shortcutDone, w.ed.doneNext),
		item("Skip", keyHint("S"), w.ed.skip),
		item("Flag…", keyHint("!"), w.ed.askFlag),
		fyne.NewMenuItemSeparator(),
		item("Next document", keyHint("J"), func() { w.list.Move(1) }),
		item("Previous document", keyHint("K"), func() { w.list.Move(-1) }),
	)
	help := fyne.NewMenu("Help", item("Keyboard shortcuts", keyHint(fyne.KeyF1), w.showHelp))
	return fyne.NewMainMenu(file, edit, fyne.NewMenu("Label", lab...), stance, w.suggestionsMenu(item), doc, w.teamMenu(item), w.progress.menu(item), help)
}

// stanceMenu returns the Stance menu: the targets, the stance labels of the current target,
// evidence, and the dialog that adds and renames targets. item makes a menu item.
func (w *Window) stanceMenu(item func(string, fyne.Shortcut, func()) *fyne.MenuItem) *fyne.Menu {
	items := []*fyne.MenuItem{
		item("Next target", keyHint("T"), func() { w.ed.moveTarget(1) }),
		item("Previous target", shiftHint("T"), func() { w.ed.moveTarget(-1) }),
		fyne.NewMenuItemSeparator(),
	}
	for _, l := range w.schema.StanceLabels {
		var sc fyne.Shortcut
		if w.stance.Keys().Has(l) {
			sc = keyHint(strings.ToUpper(l.Hotkey))
		}
		text := "Stance toward the target: " + l.Name
		if l.DescriptionEn != "" {
			text += " — " + palette.FirstClause(l.DescriptionEn)
		}
		items = append(items, item(text, sc, func() { w.ed.chooseStance(w.stance.Index(), l) }))
	}
	items = append(items, fyne.NewMenuItemSeparator(),
		item("Mark selection as evidence (the target's stance)", keyHint("E"), w.ed.markChosenEvidence))
	for _, l := range w.schema.StanceLabels {
		var sc fyne.Shortcut
		if k := w.stance.Keys().EvidenceKey(l); k != "e" {
			sc = shiftHint(strings.TrimPrefix(k, "Shift+"))
		}
		items = append(items, item("Mark selection as "+l.Name+" evidence", sc, func() { w.ed.markEvidence(l) }))
	}
	items = append(items, fyne.NewMenuItemSeparator(), item("Targets…", nil, w.showTargets))
	return fyne.NewMenu("Stance", items...)
}

// addShortcuts adds the shortcuts the menus do not show: Ctrl+Y for redo.
func (w *Window) addShortcuts() {
	w.win.Canvas().AddShortcut(&fyne.ShortcutRedo{}, func(fyne.Shortcut) { w.dialogs.unless(w.ed.redo)() })
}

// helpSections are the keys the help dialog lists, by section.
var helpSections = []struct {
	title string
	keys  [][2]string
}{
	{"Select words in the article", [][2]string{
		{"Click, drag", "select a word, or the words dragged over"},
		{"Shift+click", "extend the selection to the word clicked"},
		{"← →, Shift+← →", "move the selection to the next word on screen, or extend it"},
		{"Home, End", "the word at the start or the end of the line"},
		{"C", "start the selection after a proclitic (again: after the next one)"},
		{"Esc", "clear the selection"},
	}},
	{"Label", [][2]string{
		{"LABELS", "give the selected words that label, or change the label of the selected span"},
		{"/, Ctrl+L", lang.L("find a label by its name or description (English or Arabic); Enter labels with the first found")},
		{"Click a span", "select it; on nested spans the innermost, another click the one around it"},
		{"Shift+↑, Shift+↓", lang.L("select the span around the selected one (or around the selected words), or the span inside it")},
		{"Delete", "remove the selected span"},
		{"Backspace", "remove the selected span; with words selected, reject the suggestion under them"},
		{"Ctrl+Z", "undo the last change, in whichever document it was"},
		{"Ctrl+Shift+Z, Ctrl+Y", "redo"},
	}},
	{"Suggestions (dashed outlines)", [][2]string{
		{"Click a suggestion", "select its words (again: the next suggestion on the same words, “+1”)"},
		{"Enter", "accept the suggestion under the selection (or under its caret word): it becomes your span"},
		{"Shift+Enter", "accept every suggestion of the document, the surest first"},
		{"Backspace", "reject the suggestion under the selection: it is not suggested to you here again"},
		{"Ctrl+Z", "take an acceptance or a rejection back: the suggestion comes back"},
	}},
	{"Stance (the panel at the left)", [][2]string{
		{"T, Shift+T", "make the next or the previous target current (it is outlined in the panel)"},
		{"STANCE", "the document's stance toward the current target; the same key again clears it"},
		{"E", "mark the selected words as evidence toward the current target, with the stance chosen for it"},
		{"EVIDENCE", "mark the selected words as evidence with that label, or change the label of the selected evidence"},
		{"Click evidence", "select it (its underline in the article, or its line in the panel); Delete removes it"},
		{"Stance → Targets…", "add a target, or rename one (its stances and evidence stay with it)"},
	}},
	{"Documents", [][2]string{
		{"Ctrl+Enter, D", "mark the document done and open the next one"},
		{"S", "skip the document and open the next one"},
		{"!", "flag the document with a note and open the next one"},
		{"J, ↓, Page Down", "next document"},
		{"K, ↑, Page Up", "previous document"},
	}},
	{lang.L("Search (the box above the list)"), [][2]string{
		{"Ctrl+F", lang.L("search the documents for a word or a phrase; Filters narrows by label, annotator, status, target, stance")},
		{lang.L("Enter, ↓ in the box"), lang.L("open the next document found")},
		{lang.L("Esc in the box"), lang.L("clear the search: every document again, the one open staying open")},
		{"F3, Ctrl+G, Ctrl+Shift+G", lang.L("the next, the previous place found in the document open")},
	}},
	{"Review (Team → Review mode, a curator's gold)", [][2]string{
		{"1–9", "take that annotator's span under the selection into the gold (nothing selected: their stance toward the target)"},
		{"Enter", "take the majority's span under the selection (nothing selected: the majority's stance)"},
		{"Alt+1–9", "the label with that digit as its key, on the gold"},
		{"[ ]", "the previous, the next span of an annotator that the gold does not hold"},
		{"D, Ctrl+Enter", "mark the document curated and open the next one"},
		{"Ctrl+U, Ctrl+R, Ctrl+Shift+A", "take what every annotator made; Review mode on or off; the Agreement window"},
	}},
	{"Project", [][2]string{
		{"Ctrl+O", "open another project"},
		{"Ctrl+N", "create a new project"},
		{"Ctrl+I", "import a corpus"},
		{"Ctrl+E", "export training data"},
		{"F1, ?", "this list"},
	}},
}

// labelHelp adds to box a titled list of labels with their descriptions, when there are any.
func labelHelp(box *fyne.Container, title string, ls []labels.Label) {
	if len(ls) == 0 {
		return
	}
	h := widget.NewLabel(title)
	h.TextStyle.Bold = true
	box.Add(h)
	grid := container.New(&helpLayout{})
	for _, l := range ls {
		grid.Add(palette.NewButton(l, nil))
		d := widget.NewLabel(strings.TrimSpace(fmt.Sprintf("%s\n%s", l.DescriptionEn, l.DescriptionAr)))
		d.Wrapping = fyne.TextWrapWord
		grid.Add(d)
	}
	box.Add(grid)
}

// showHelp shows the keyboard shortcuts and the project's labels.
func (w *Window) showHelp() {
	box := container.NewVBox()
	for _, sec := range helpSections {
		h := widget.NewLabel(sec.title)
		h.TextStyle.Bold = true
		box.Add(h)
		grid := container.New(&helpLayout{})
		for _, k := range sec.keys {
			key, what := k[0], k[1]
			switch key {
			case "LABELS":
				// a long list (Wojood's 21 keys) would squeeze the descriptions: the labels
				// below show their keys
				if key = w.palette.KeyList(); len(key) > 16 {
					key = lang.L("A label's key")
				}
			case "STANCE":
				key = strings.ToUpper(w.stance.Keys().List(", "))
			case "EVIDENCE":
				key = w.stance.Keys().EvidenceList()
			}
			kl := widget.NewLabel(key)
			kl.TextStyle.Monospace = true
			wl := widget.NewLabel(what)
			wl.Wrapping = fyne.TextWrapWord
			grid.Add(kl)
			grid.Add(wl)
		}
		box.Add(grid)
	}
	labelHelp(box, "This project's labels", w.schema.Entities)
	labelHelp(box, "This project's stance labels", w.schema.StanceLabels)
	scroll := container.NewVScroll(box)
	d := dialog.NewCustom("Keyboard shortcuts", "Close", scroll, w.win)
	d.Resize(fyne.NewSize(640, min(720, w.win.Canvas().Size().Height-40)))
	w.dialogs.show(d)
}

// helpLayout lays out pairs of objects in two columns: the first as wide as its widest
// object, the second taking the rest of the width.
type helpLayout struct{}

// Layout places the pairs.
func (l *helpLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	left := l.leftWidth(objs)
	y := float32(0)
	for i := 0; i+1 < len(objs); i += 2 {
		right := fyne.NewSize(size.Width-left, objs[i+1].MinSize().Height)
		objs[i+1].Resize(right)
		h := max(objs[i].MinSize().Height, objs[i+1].MinSize().Height)
		objs[i].Resize(fyne.NewSize(left, objs[i].MinSize().Height))
		objs[i].Move(fyne.NewPos(0, y))
		objs[i+1].Move(fyne.NewPos(left, y))
		y += h
	}
}

// MinSize is the two columns at their minimum widths, as tall as the pairs.
func (l *helpLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	left := l.leftWidth(objs)
	var right, h float32
	for i := 0; i+1 < len(objs); i += 2 {
		right = max(right, objs[i+1].MinSize().Width)
		h += max(objs[i].MinSize().Height, objs[i+1].MinSize().Height)
	}
	return fyne.NewSize(left+right, h)
}

// leftWidth is the width of the widest object of the first column.
func (l *helpLayout) leftWidth(objs []fyne.CanvasObject) float32 {
	var w float32
	for i := 0; i < len(objs); i += 2 {
		w = max(w, objs[i].MinSize().Width)
	}
	return w
}
