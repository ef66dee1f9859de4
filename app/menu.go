package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"

	"github.com/tawsim/tawsim/app/locale"
	"github.com/tawsim/tawsim/app/msg"
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
	shortcutPrefs  = &desktop.CustomShortcut{KeyName: fyne.KeyComma, Modifier: fyne.KeyModifierShortcutDefault}
	// Ctrl+= and Ctrl+-: the article's text larger and smaller
	shortcutBigger  = &desktop.CustomShortcut{KeyName: fyne.KeyEqual, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutSmaller = &desktop.CustomShortcut{KeyName: fyne.KeyMinus, Modifier: fyne.KeyModifierShortcutDefault}
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
// the schema), Suggestions, Document, Team, View (the Progress view), Help. Fyne's driver
// draws the menu bar from the left whatever the language; the labels are translated.
func (w *Window) mainMenu() *fyne.MainMenu {
	item := func(label string, sc fyne.Shortcut, action func()) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, w.dialogs.unless(action))
		it.Shortcut = sc
		return it
	}
	file := fyne.NewMenu(lang.X("menu.file", "File"),
		item(lang.X("menu.open", "Open project…"), shortcutOpen, w.askOpenProject),
		item(lang.X("menu.open_server", "Open server project…"), nil, w.askServerProject),
		item(lang.X("menu.new", "New project…"), shortcutNew, w.askNewProject),
		fyne.NewMenuItemSeparator(),
		item(lang.X("menu.import", "Import…"), shortcutImport, w.imports.show),
		item(lang.X("menu.export", "Export…"), shortcutExport, w.exports.show),
		item(lang.X("menu.merge", "Merge projects…"), nil, w.merges.show),
		fyne.NewMenuItemSeparator(),
		item(lang.X("menu.annotator", "Change annotator…"), nil, func() { w.askName(w.cfg.Annotator == "") }),
		item(lang.X("menu.preferences", "Preferences…"), shortcutPrefs, w.settings.show),
	)
	edit := fyne.NewMenu(lang.X("menu.edit", "Edit"),
		item(lang.X("menu.undo", "Undo"), shortcutUndo, w.ed.undo),
		item(lang.X("menu.redo", "Redo"), shortcutRedo, w.ed.redo),
		fyne.NewMenuItemSeparator(),
		item(lang.X("menu.remove_span", "Remove selected span"), keyHint(fyne.KeyDelete), w.ed.deleteSelected),
		fyne.NewMenuItemSeparator(),
	)
	edit.Items = append(edit.Items, w.find.items(item)...)
	var lab []*fyne.MenuItem
	for _, l := range w.schema.Entities {
		var sc fyne.Shortcut
		if l.Hotkey != "" {
			sc = keyHint(l.Hotkey)
		}
		lab = append(lab, item(labelTitle(l), sc, func() { w.ed.applyLabel(l) }))
	}
	if len(lab) > 0 {
		lab = append(lab, fyne.NewMenuItemSeparator(), item(lang.X("menu.find_label", "Find a label…"), shortcutFind, w.palette.Find))
	}
	stance := w.stanceMenu(item)
	doc := fyne.NewMenu(lang.X("menu.document", "Document"),
		item(lang.X("doc.done", "Done, next"), shortcutDone, w.ed.doneNext),
		item(lang.X("doc.skip", "Skip"), keyHint("S"), w.ed.skip),
		item(lang.X("doc.flag", "Flag…"), keyHint("!"), w.ed.askFlag),
		fyne.NewMenuItemSeparator(),
		item(lang.X("menu.next_doc", "Next document"), keyHint("J"), func() { w.list.Move(1) }),
		item(lang.X("menu.previous_doc", "Previous document"), keyHint("K"), func() { w.list.Move(-1) }),
	)
	view := fyne.NewMenu(lang.X("menu.view", "View"),
		item(lang.X("menu.bigger", "Larger text"), shortcutBigger, func() { w.settings.step(1) }),
		item(lang.X("menu.smaller", "Smaller text"), shortcutSmaller, func() { w.settings.step(-1) }),
		fyne.NewMenuItemSeparator(),
		item(lang.X("menu.show_list", "Show or hide the document list"), nil, func() { w.settings.toggle(true) }),
		item(lang.X("menu.show_stance", "Show or hide the stance panel"), nil, func() { w.settings.toggle(false) }),
		fyne.NewMenuItemSeparator(),
		w.progress.item(item),
	)
	help := fyne.NewMenu(lang.X("menu.help", "Help"), item(lang.X("menu.keys", "Keyboard shortcuts"), keyHint(fyne.KeyF1), w.showHelp))
	return fyne.NewMainMenu(file, edit, fyne.NewMenu(lang.X("menu.label", "Label"), lab...), stance,
		w.suggests.menu(item), doc, w.team.menu(item), view, help)
}

// labelTitle names label l in a menu: "ORG — Organization" in English; in Arabic its Arabic
// name alone ("منظمة"), since Fyne's menus draw the runs of mixed text in the wrong order.
func labelTitle(l labels.Label) string {
	if locale.RTL() {
		return palette.Name(l)
	}
	if d := l.Display(false); d != "" {
		return l.Name + " — " + d
	}
	return l.Name
}

// stanceMenu returns the Stance menu: the targets, the stance labels of the current target,
// evidence, and the dialog that adds and renames targets. item makes a menu item.
func (w *Window) stanceMenu(item func(string, fyne.Shortcut, func()) *fyne.MenuItem) *fyne.Menu {
	items := []*fyne.MenuItem{
		item(lang.X("menu.next_target", "Next target"), keyHint("T"), func() { w.ed.moveTarget(1) }),
		item(lang.X("menu.previous_target", "Previous target"), shiftHint("T"), func() { w.ed.moveTarget(-1) }),
		fyne.NewMenuItemSeparator(),
	}
	for _, l := range w.schema.StanceLabels {
		var sc fyne.Shortcut
		if w.stance.Keys().Has(l) {
			sc = keyHint(strings.ToUpper(l.Hotkey))
		}
		name := palette.Name(l)
		if !locale.RTL() && l.DescriptionEn != "" {
			name += " — " + palette.FirstClause(l.DescriptionEn)
		}
		text := lang.X("menu.stance", "Stance toward the target: {{.Label}}", msg.M{"Label": name})
		items = append(items, item(text, sc, func() { w.ed.chooseStance(w.stance.Index(), l) }))
	}
	items = append(items, fyne.NewMenuItemSeparator(),
		item(lang.X("menu.evidence", "Mark selection as evidence (the target's stance)"), keyHint("E"), w.ed.markChosenEvidence))
	for _, l := range w.schema.StanceLabels {
		var sc fyne.Shortcut
		if k := w.stance.Keys().EvidenceKey(l); k != "e" {
			sc = shiftHint(strings.TrimPrefix(k, "Shift+"))
		}
		text := lang.X("menu.evidence_label", "Mark selection as {{.Label}} evidence", msg.M{"Label": palette.Name(l)})
		items = append(items, item(text, sc, func() { w.ed.markEvidence(l) }))
	}
	items = append(items, fyne.NewMenuItemSeparator(), item(lang.X("menu.targets", "Targets…"), nil, w.showTargets))
	return fyne.NewMenu(lang.X("menu.stance_menu", "Stance"), items...)
}

// addShortcuts adds the shortcuts the menus do not show: Ctrl+Y for redo, Ctrl++ (Ctrl+Shift+=)
// beside Ctrl+= for larger text.
func (w *Window) addShortcuts() {
	w.win.Canvas().AddShortcut(&fyne.ShortcutRedo{}, func(fyne.Shortcut) { w.dialogs.unless(w.ed.redo)() })
	plus := &desktop.CustomShortcut{KeyName: fyne.KeyEqual, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	w.win.Canvas().AddShortcut(plus, func(fyne.Shortcut) { w.dialogs.unless(func() { w.settings.step(1) })() })
}
