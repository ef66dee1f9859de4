package app

import (
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/article"
	"github.com/tawsim/tawsim/app/locale"
	"github.com/tawsim/tawsim/app/mirror"
	"github.com/tawsim/tawsim/app/palette"
	"github.com/tawsim/tawsim/labels"
)

// helpSection is a titled list of keys in the help dialog: each key (or gesture) with what it
// does. The keys LABELS, STANCE and EVIDENCE stand for the project's own.
type helpSection struct {
	title string
	keys  [][2]string
}

// helpSections are the keys the help dialog lists, by section, in the window's language.
func helpSections() []helpSection {
	return []helpSection{
		{lang.X("help.select", "Select words in the article"), [][2]string{
			{lang.X("help.key.click", "Click, drag"), lang.X("help.click", "select a word, or the words dragged over")},
			{lang.X("help.key.shift_click", "Shift+click"), lang.X("help.shift_click", "extend the selection to the word clicked")},
			{"← →, Shift+← →", lang.X("help.arrows", "move the selection to the next word on screen, or extend it")},
			{"Home, End", lang.X("help.home", "the word at the start or the end of the line")},
			{"C", lang.X("help.clitic", "start the selection after a proclitic (again: after the next one)")},
			{"Esc", lang.X("help.escape", "clear the selection")},
		}},
		{lang.X("help.label", "Label"), [][2]string{
			{"LABELS", lang.X("help.labels", "give the selected words that label, or change the label of the selected span")},
			{"/, Ctrl+L", lang.X("help.find", "find a label by its name or description (English or Arabic); Enter labels with the first found")},
			{lang.X("help.key.click_span", "Click a span"), lang.X("help.click_span", "select it; on nested spans the innermost, another click the one around it")},
			{"Shift+↑, Shift+↓", lang.X("help.nest", "select the span around the selected one (or around the selected words), or the span inside it")},
			{"Delete", lang.X("help.delete", "remove the selected span")},
			{"Backspace", lang.X("help.backspace", "remove the selected span; with words selected, reject the suggestion under them")},
			{"Ctrl+Z", lang.X("help.undo", "undo the last change, in whichever document it was")},
			{"Ctrl+Shift+Z, Ctrl+Y", lang.X("help.redo", "redo")},
		}},
		{lang.X("help.suggestions", "Suggestions (dashed outlines)"), [][2]string{
			{lang.X("help.key.click_suggestion", "Click a suggestion"), lang.X("help.click_suggestion", "select its words (again: the next suggestion on the same words, “+1”)")},
			{"Enter", lang.X("help.accept", "accept the suggestion under the selection (or under its caret word): it becomes your span")},
			{"Shift+Enter", lang.X("help.accept_all", "accept every suggestion of the document, the surest first")},
			{"Backspace", lang.X("help.reject", "reject the suggestion under the selection: it is not suggested to you here again")},
			{"Ctrl+Z", lang.X("help.undo_suggestion", "take an acceptance or a rejection back: the suggestion comes back")},
		}},
		{lang.X("help.stance", "Stance (the stance panel)"), [][2]string{
			{"T, Shift+T", lang.X("help.targets", "make the next or the previous target current (it is outlined in the panel)")},
			{"STANCE", lang.X("help.stance_keys", "the document's stance toward the current target; the same key again clears it")},
			{"E", lang.X("help.e", "mark the selected words as evidence toward the current target, with the stance chosen for it")},
			{"EVIDENCE", lang.X("help.evidence", "mark the selected words as evidence with that label, or change the label of the selected evidence")},
			{lang.X("help.key.click_evidence", "Click evidence"), lang.X("help.click_evidence", "select it (its underline in the article, or its line in the panel); Delete removes it")},
			{lang.X("help.key.targets_menu", "Stance → Targets…"), lang.X("help.targets_menu", "add a target, or rename one (its stances and evidence stay with it)")},
		}},
		{lang.X("help.documents", "Documents"), [][2]string{
			{"Ctrl+Enter, D", lang.X("help.done", "mark the document done and open the next one")},
			{"S", lang.X("help.skip", "skip the document and open the next one")},
			{"!", lang.X("help.flag", "flag the document with a note and open the next one")},
			{"J, ↓, Page Down", lang.X("help.next", "next document")},
			{"K, ↑, Page Up", lang.X("help.previous", "previous document")},
		}},
		{lang.X("help.search", "Search (the box above the list)"), [][2]string{
			{"Ctrl+F", lang.X("help.search.focus", "search the documents for a word or a phrase; Filters narrows by label, annotator, status, target, stance")},
			{lang.X("help.key.search_enter", "Enter, ↓ in the box"), lang.X("help.search.next_doc", "open the next document found")},
			{lang.X("help.key.search_escape", "Esc in the box"), lang.X("help.search.clear", "clear the search: every document again, the one open staying open")},
			{"F3, Ctrl+G, Ctrl+Shift+G", lang.X("help.search.hits", "the next, the previous place found in the document open")},
		}},
		{lang.X("help.review", "Review (Team → Review mode, a curator's gold)"), [][2]string{
			{"1–9", lang.X("help.review.take", "take that annotator's span under the selection into the gold (nothing selected: their stance toward the target)")},
			{"Enter", lang.X("help.review.majority", "take the majority's span under the selection (nothing selected: the majority's stance)")},
			{"Alt+1–9", lang.X("help.review.relabel", "the label with that digit as its key, on the gold")},
			{"[ ]", lang.X("help.review.missing", "the previous, the next span of an annotator that the gold does not hold")},
			{"D, Ctrl+Enter", lang.X("help.review.curated", "mark the document curated and open the next one")},
			{"Ctrl+U, Ctrl+R, Ctrl+Shift+A", lang.X("help.review.keys", "take what every annotator made; Review mode on or off; the Agreement window")},
		}},
		{lang.X("help.project", "Project and window"), [][2]string{
			{"Ctrl+O", lang.X("help.open", "open another project")},
			{"Ctrl+N", lang.X("help.new", "create a new project")},
			{"Ctrl+I", lang.X("help.import", "import a corpus")},
			{"Ctrl+E", lang.X("help.export", "export training data")},
			{"Ctrl+=, Ctrl+-", lang.X("help.text_size", "larger or smaller text in the article")},
			{"Ctrl+,", lang.X("help.preferences", "preferences: language, text, theme, panels, digits")},
			{"F1, ?", lang.X("help.this", "this list")},
		}},
	}
}

// labelHelp adds to box a titled list of labels with their descriptions, when there are any:
// in Arabic the Arabic description (else the English one), in English both.
func labelHelp(box *fyne.Container, title string, ls []labels.Label) {
	if len(ls) == 0 {
		return
	}
	box.Add(mirror.Title(title))
	grid := mirror.Pairs()
	for _, l := range ls {
		grid.Add(palette.NewButton(l, nil))
		desc := strings.TrimSpace(l.DescriptionEn + "\n" + l.DescriptionAr)
		if locale.RTL() && l.DescriptionAr != "" {
			desc = l.DescriptionAr
		}
		grid.Add(mirror.Text(desc))
	}
	box.Add(grid)
}

// keyLabel shows a key, or a gesture: in monospace, or when it holds Arabic words (a
// gesture in a right-to-left window) with the article's label, in the direction of its first
// letter ("النقر مع Shift"), which Fyne's label would scramble.
func keyLabel(key string) fyne.CanvasObject {
	if strings.ContainsFunc(key, func(r rune) bool { return unicode.Is(unicode.Arabic, r) }) {
		return article.NewLabel(key)
	}
	l := widget.NewLabel(key)
	l.TextStyle.Monospace = true
	l.Alignment = mirror.Align(false)
	return l
}

// showHelp shows the keyboard shortcuts and the project's labels.
func (w *Window) showHelp() {
	box := container.NewVBox()
	for _, sec := range helpSections() {
		box.Add(mirror.Title(sec.title))
		grid := mirror.Pairs()
		for _, k := range sec.keys {
			key, what := k[0], k[1]
			switch key {
			case "LABELS":
				// a long list (Wojood's 21 keys) would squeeze the descriptions: the labels
				// below show their keys
				if key = w.palette.KeyList(); len(key) > 16 {
					key = lang.X("help.label_key", "A label's key")
				}
			case "STANCE":
				key = strings.ToUpper(w.stance.Keys().List(", "))
			case "EVIDENCE":
				key = w.stance.Keys().EvidenceList()
			}
			grid.Add(keyLabel(key))
			grid.Add(mirror.Text(what))
		}
		box.Add(grid)
	}
	labelHelp(box, lang.X("help.project_labels", "This project's labels"), w.schema.Entities)
	labelHelp(box, lang.X("help.project_stance_labels", "This project's stance labels"), w.schema.StanceLabels)
	scroll := container.NewVScroll(box)
	d := w.dialogs.newDialog(lang.X("help.title", "Keyboard shortcuts"), scroll, w.dialogs.closeButton())
	d.Resize(fyne.NewSize(w.dialogs.size(640).Width, min(720, w.win.Canvas().Size().Height-40)))
	w.dialogs.show(d)
}
