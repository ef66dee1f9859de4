package article

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// input is what the widget remembers of the pointer and the keyboard between events.
type input struct {
	focused bool
	shift   bool // a Shift key is down (desktop.Keyable)

	// The last primary button press (desktop.Mouseable), until the tap or drag it starts.
	pressed  bool
	pressAt  fyne.Position // relative to the widget
	pressMod fyne.KeyModifier
	pressPos fyne.Position // the widget's position then: a scroll may move it during a drag

	// The drag under way.
	dragging bool
	dragFrom fyne.Position // where it started, relative to the widget at pressPos
	dragged  fyne.Delta    // how far the pointer went since
	dragTok  int           // the token it started on
}

// Tapped selects what was clicked: with Shift, the tokens from the selection's anchor to the
// one clicked; else the span clicked (OnSpanTapped; on words inside nested spans the innermost,
// then on each further click the next one out, see spanAt), or the words of the suggestion
// clicked where no span is (again: the next suggestion of its group, see tapSuggestion), or the
// token clicked, or nothing when the click fell between tokens. It also gives the widget the
// focus. It is called by Fyne.
func (a *Article) Tapped(ev *fyne.PointEvent) {
	a.requestFocus()
	shift := a.shiftHeld()
	if a.input.pressed {
		shift = shift || a.input.pressMod&fyne.KeyModifierShift != 0
		a.input.pressed = false
	}
	if shift {
		if tok, ok := a.tokenNear(ev.Position); ok {
			if i := a.spanIndex(a.selSpan); !a.sel.on && i >= 0 {
				a.selectTokens(a.tokenOf(a.spans[i].Start), tok, false) // from the selected span
			} else {
				a.extendTo(tok)
			}
			a.notifySelect()
			return
		}
	}
	if i := a.laneAt(ev.Position); i >= 0 {
		a.tapLane(i)
		return
	}
	i := a.spanAt(ev.Position)
	if g := a.suggestionAt(ev.Position); g >= 0 && i < 0 {
		a.tapSuggestion(g)
		return
	}
	if i >= 0 {
		sp := a.spans[i]
		a.sel.cursor = a.tokenOf(sp.Start)
		a.SelectSpan(sp.ID)
		if a.OnSpanTapped != nil {
			a.OnSpanTapped(sp.Span)
		}
		return
	}
	if tok, ok := a.TokenAt(ev.Position); ok {
		a.selectTokens(tok, tok, false)
		a.notifySelect()
		return
	}
	had := a.sel.on
	a.ClearSelection()
	a.SelectSpan("")
	if had {
		a.notifySelect()
	}
}

// MouseDown remembers where the primary button went down and which modifiers were held: Fyne
// tells them to a desktop.Mouseable only, not to Tapped or Dragged. It is called by Fyne.
func (a *Article) MouseDown(ev *desktop.MouseEvent) {
	if ev.Button != desktop.MouseButtonPrimary {
		return
	}
	a.input.pressed = true
	a.input.pressAt, a.input.pressMod, a.input.pressPos = ev.Position, ev.Modifier, a.Position()
	a.requestFocus()
}

// MouseUp is called by Fyne when a button is released; Tapped or DragEnd does the work.
func (a *Article) MouseUp(*desktop.MouseEvent) {}

// Dragged selects from the token under the start of the drag to the token nearest the
// pointer. It is called by Fyne.
//
// Fyne's desktop driver tells a drag's first event where the pointer is now and how far it
// went since the button was pressed; its test driver tells where the drag started and how far
// it goes. The widget follows the pointer from where the button went down (MouseDown) when it
// knows it, else from the first event's position, and adds up the distances.
func (a *Article) Dragged(ev *fyne.DragEvent) {
	in := &a.input
	first := !in.dragging
	if first {
		in.dragging = true
		in.dragFrom, in.dragged = ev.Position, fyne.Delta{}
		if in.pressed {
			in.dragFrom = in.pressAt
		} else {
			in.pressPos = a.Position()
		}
		in.pressed = false
		tok, ok := a.tokenNear(in.dragFrom)
		if !ok {
			return
		}
		in.dragTok = tok
		a.requestFocus()
	}
	in.dragged.DX += ev.Dragged.DX
	in.dragged.DY += ev.Dragged.DY
	moved := a.Position().Subtract(in.pressPos)
	at := in.dragFrom.Add(in.dragged).Subtract(moved)
	if tok, ok := a.tokenNear(at); ok {
		if first || !a.sel.on || a.sel.anchor != in.dragTok || a.sel.cursor != tok {
			a.selectTokens(in.dragTok, tok, !first)
		}
	}
}

// DragEnd ends a drag and tells OnSelect what it selected. It is called by Fyne.
func (a *Article) DragEnd() {
	if !a.input.dragging {
		return
	}
	a.input.dragging = false
	if a.sel.on {
		a.notifySelect()
	}
}

// requestFocus asks the widget's canvas to give it the keyboard focus.
func (a *Article) requestFocus() {
	if a.input.focused {
		return
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(a); c != nil {
		c.Focus(a)
	}
}

// tokenOf returns the token that holds code point o, or the first token after it.
func (a *Article) tokenOf(o int) int {
	toks := a.an.tokens
	lo, hi := 0, len(toks)
	for lo < hi {
		m := (lo + hi) / 2
		if toks[m].End <= o {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return min(lo, max(len(toks)-1, 0))
}
