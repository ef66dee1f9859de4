package article

import (
	"github.com/tawsim/tawsim/arabic"
)

// Selection is a range of a document's text, in code points, half-open: [Start, End). It is
// empty when Start == End.
type Selection struct{ Start, End int }

// Empty reports whether s holds no code point.
func (s Selection) Empty() bool { return s.End <= s.Start }

// selection is the token selection: the tokens from anchor to cursor, whichever comes first in
// the text, possibly starting after a proclitic of the first.
type selection struct {
	on     bool
	anchor int // the token the selection started from
	cursor int // the token that shift+click, drags and arrows move; kept when the selection is cleared
	after  int // code points of the first token left out (its proclitics); 0 for the whole token
}

func (s selection) first() int { return min(s.anchor, s.cursor) }
func (s selection) last() int  { return max(s.anchor, s.cursor) }

// Selection returns the current selection, snapped to tokens (its start may lie after a
// proclitic of its first token), and false when nothing is selected.
func (a *Article) Selection() (Selection, bool) {
	if !a.sel.on {
		return Selection{}, false
	}
	toks := a.an.tokens
	return Selection{Start: toks[a.sel.first()].Start + a.sel.after, End: toks[a.sel.last()].End}, true
}

// ClearSelection clears the token selection. It does not call OnSelect.
func (a *Article) ClearSelection() {
	if a.sel.on {
		a.sel.on, a.sel.after = false, 0
		a.changed(true)
	}
}

// selectTokens selects the tokens from anchor to cursor and drops the selected span. With
// keep set, the proclitics left out of the first token stay left out while that token stays
// first (the selection is being extended); else the selection starts whole.
func (a *Article) selectTokens(anchor, cursor int, keep bool) {
	n := len(a.an.tokens)
	if n == 0 {
		return
	}
	anchor, cursor = max(0, min(anchor, n-1)), max(0, min(cursor, n-1))
	old := a.sel
	a.sel = selection{on: true, anchor: anchor, cursor: cursor}
	if keep && old.on && old.first() == a.sel.first() {
		a.sel.after = old.after
	}
	a.selSpan = ""
	a.changed(a.sel.after != 0 || old.after != 0)
}

// extendTo moves the selection's cursor to token tok, keeping its anchor; with nothing
// selected, it selects tok alone.
func (a *Article) extendTo(tok int) {
	if !a.sel.on {
		a.selectTokens(tok, tok, false)
		return
	}
	a.selectTokens(a.sel.anchor, tok, true)
}

// cycleProclitic moves the start of the selection to the next place its first token may be
// cut after a proclitic, or back to the whole token after the last. It reports false when
// nothing is selected or the first token has no proclitic.
func (a *Article) cycleProclitic() bool {
	if !a.sel.on {
		return false
	}
	o := a.an.tokens[a.sel.first()]
	splits := arabic.ProcliticSplits(string(a.an.text[o.Start:o.End]))
	if len(splits) == 0 {
		return false
	}
	next := 0
	for _, s := range splits {
		if s > a.sel.after && !a.an.clusters.joined(o.Start+s) { // never inside a letter's harakat
			next = s
			break
		}
	}
	a.sel.after = next
	a.changed(true)
	return true
}

// notifySelect tells OnSelect about the current selection (an empty one when there is none).
func (a *Article) notifySelect() {
	if a.OnSelect != nil {
		sel, _ := a.Selection()
		a.OnSelect(sel)
	}
}

// changed redraws the decorations after the spans or the selections changed; cuts tells that
// the places where pieces are cut may have changed too.
func (a *Article) changed(cuts bool) {
	if cuts {
		a.cutsOK = false
	}
	a.deco++
	a.Refresh()
}
