package app

import (
	"unicode"

	"fyne.io/fyne/v2"

	"github.com/tawsim/tawsim/app/palette"
)

// The keys that the window takes before the stance labels' hotkeys: a stance label whose hotkey
// is one of them (or an entity label's) has no key.
var windowKeys = []rune("tTفeEثjJkKdDsSتنيس!?؟cCؤ/ظ")

// takenKeys returns the keys that a stance label cannot have: the window's and the entity
// labels' of p.
func takenKeys(p *palette.Palette) map[rune]bool {
	taken := p.Taken()
	for _, r := range windowKeys {
		taken[r] = true
	}
	return taken
}

// onKey handles the keys that the focused widget (the article, the list) did not use, and the
// keys typed when nothing has the focus. It reports whether it handled the key.
func (w *Window) onKey(ev *fyne.KeyEvent) bool {
	if w.dialogs.covers() {
		return ev.Name == fyne.KeyEscape && w.dialogs.dismiss()
	}
	if w.review.key(ev) {
		return true
	}
	switch ev.Name {
	case fyne.KeyDown, fyne.KeyPageDown:
		w.list.Move(1)
	case fyne.KeyUp, fyne.KeyPageUp:
		w.list.Move(-1)
	case fyne.KeyDelete:
		w.ed.deleteSelected()
	case fyne.KeyBackspace:
		w.ed.backspace()
	case fyne.KeyReturn, fyne.KeyEnter:
		if w.view.article.ShiftHeld() {
			w.ed.acceptAllSuggestions()
		} else {
			w.ed.acceptSuggestion()
		}
	case fyne.KeyF1:
		w.showHelp()
	case fyne.KeyF3:
		return w.find.moveHit(1)
	default:
		return false
	}
	return true
}

// onRune handles the keys that type characters: the label hotkeys, the stance keys and the
// document keys, with the keys in their place on an Arabic keyboard. The entity hotkeys come
// first; stance hotkeys that another key takes have no key (see takenKeys).
func (w *Window) onRune(r rune) {
	if w.dialogs.covers() {
		return
	}
	defer w.review.refresh() // the current target, or the gold, may change
	if w.review.rune(r) {
		return
	}
	if l, ok := w.palette.Key(r); ok {
		w.ed.applyLabel(l)
		return
	}
	if w.ed.stanceKey(r) || w.documentKey(r) {
		return
	}
	if l, ok := w.stance.Keys().Choose(r); ok {
		w.ed.chooseStance(w.stance.Index(), l)
	} else if l, ok := w.stance.Keys().Evidence(r); ok {
		w.ed.markEvidence(l)
	}
}

// documentKey handles the keys of the document open and of the list, and reports whether r
// was one of them.
func (w *Window) documentKey(r rune) bool {
	switch unicode.ToLower(r) {
	case 'j', 'ت':
		w.list.Move(1)
	case 'k', 'ن':
		w.list.Move(-1)
	case 'd', 'ي':
		w.ed.doneNext()
	case 's', 'س':
		w.ed.skip()
	case '!':
		w.ed.askFlag()
	case '?', '؟':
		w.showHelp()
	case palette.FindKey, 'ظ':
		w.palette.Find()
	default:
		return false
	}
	return true
}
