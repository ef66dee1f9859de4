package article

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// FocusGained is called by Fyne when the widget gets the keyboard focus.
func (a *Article) FocusGained() {
	a.input.focused = true
}

// FocusLost is called by Fyne when the widget loses the keyboard focus.
func (a *Article) FocusLost() {
	a.input.focused, a.input.shift = false, false
}

// KeyDown notes that a Shift key went down: Fyne's TypedKey does not tell the modifiers.
// It is called by Fyne (desktop.Keyable).
func (a *Article) KeyDown(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		a.input.shift = true
	}
}

// KeyUp notes that a Shift key went up. It is called by Fyne (desktop.Keyable).
func (a *Article) KeyUp(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		a.input.shift = false
	}
}

// ShiftHeld reports whether a Shift key is down, as the widget saw it or as a desktop driver
// knows it: Fyne's key events do not tell (Shift+Enter comes as Enter).
func (a *Article) ShiftHeld() bool { return a.shiftHeld() }

// shiftHeld reports whether a Shift key is down, as the widget saw it (KeyDown) or as a
// desktop driver knows it.
func (a *Article) shiftHeld() bool {
	if a.input.shift {
		return true
	}
	if d, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok {
		return d.CurrentKeyModifiers()&fyne.KeyModifierShift != 0
	}
	return false
}

// TypedRune cycles the selection's start through its first token's proclitics on c (ؤ on an
// Arabic keyboard) and passes every other rune to OnRune. It is called by Fyne.
func (a *Article) TypedRune(r rune) {
	if (r == 'c' || r == 'ؤ') && a.cycleProclitic() {
		a.notifySelect()
		return
	}
	if a.OnRune != nil {
		a.OnRune(r)
	}
}

// TypedKey moves the selection with Left, Right, Home and End (extends it with Shift), goes
// out and in through nested spans with Shift+Up and Shift+Down, clears it with Escape, and
// passes every other key to OnKey. It is called by Fyne.
func (a *Article) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case desktop.KeyShiftLeft, desktop.KeyShiftRight:
		return // the widget's own modifier (KeyDown); Fyne types it too
	case fyne.KeyLeft, fyne.KeyRight, fyne.KeyHome, fyne.KeyEnd:
		if a.moveKey(ev.Name, a.shiftHeld()) {
			return
		}
	case fyne.KeyUp, fyne.KeyDown:
		if a.shiftHeld() {
			a.nestKey(ev.Name == fyne.KeyUp)
			return
		}
	case fyne.KeyEscape:
		if a.sel.on || a.selSpan != "" {
			had := a.sel.on
			a.ClearSelection()
			a.SelectSpan("")
			if had {
				a.notifySelect()
			}
			return
		}
	}
	if a.OnKey != nil {
		a.OnKey(ev)
	}
}

// moveKey moves the selection's cursor for an arrow, Home or End key, extending the selection
// when extend is set and else selecting the token it lands on alone. Alone, an arrow goes to the
// token beside the cursor on screen; extending, it goes to the next or previous token in reading
// order, so that the selection stays one range of the text whatever the bidi algorithm did to
// the line. Home and End go to the line's first and last token in reading order. With nothing
// selected, the first key selects the token of the cursor (the span's first when a span is
// selected) without moving. It reports false when there are no tokens.
func (a *Article) moveKey(key fyne.KeyName, extend bool) bool {
	if len(a.an.tokens) == 0 {
		return false
	}
	cur := max(0, min(a.sel.cursor, len(a.an.tokens)-1))
	if !a.sel.on {
		if i := a.spanIndex(a.selSpan); i >= 0 {
			cur = a.tokenOf(a.spans[i].Start)
		}
		a.selectTokens(cur, cur, false)
		if !extend {
			a.notifySelect()
			return true
		}
	}
	next := cur
	switch key {
	case fyne.KeyLeft, fyne.KeyRight:
		switch {
		case extend:
			next = a.nextInReading(cur, key)
		default:
			next = a.besideOnScreen(cur, key == fyne.KeyLeft)
		}
	case fyne.KeyHome, fyne.KeyEnd:
		if line := a.VisualLine(a.lineOfToken(cur)); len(line) > 0 {
			next = slices.Min(line)
			if key == fyne.KeyEnd {
				next = slices.Max(line)
			}
		}
	}
	if extend {
		a.extendTo(next)
	} else {
		a.selectTokens(next, next, false)
	}
	a.notifySelect()
	return true
}

// nextInReading returns the token after tok in reading order for the arrow key that points the
// way the paragraph of tok reads (Left in a right-to-left paragraph), and the one before it
// for the other arrow. At the ends of the text it returns tok.
func (a *Article) nextInReading(tok int, key fyne.KeyName) int {
	forward := key == fyne.KeyLeft
	if !a.an.paras[a.lay.lines[a.lineOfToken(tok)].para].rtl {
		forward = !forward
	}
	if forward {
		return min(tok+1, len(a.an.tokens)-1)
	}
	return max(tok-1, 0)
}

// besideOnScreen returns the token to the left of tok on screen (left set) or to its right.
// Past the left end of a line comes the token at the right end of the next line with tokens,
// past the right end the one at the left end of the line above: the way right-to-left text
// reads on. At the ends of the text it returns tok.
func (a *Article) besideOnScreen(tok int, left bool) int {
	li := a.lineOfToken(tok)
	line := a.VisualLine(li)
	k := 0
	for k < len(line) && line[k] != tok {
		k++
	}
	if left && k+1 < len(line) {
		return line[k+1]
	}
	if !left && k > 0 && k < len(line) {
		return line[k-1]
	}
	step := 1
	if !left {
		step = -1
	}
	for l := li + step; l >= 0 && l < len(a.lay.lines); l += step {
		if other := a.VisualLine(l); len(other) > 0 {
			if left {
				return other[0]
			}
			return other[len(other)-1]
		}
	}
	return tok
}

// lineOfToken returns the line that token tok is on, which it makes exact.
func (a *Article) lineOfToken(tok int) int {
	a.exactTo(int(a.an.tokLast[tok]) - 1)
	return int(a.lay.lineOf[a.an.tokFirst[tok]])
}
