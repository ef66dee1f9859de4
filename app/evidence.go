package app

import (
	"image/color"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/article"
	"github.com/tawsim/tawsim/labels"
)

// markChosenEvidence marks the selected words as evidence toward the current target, labeled
// with the stance chosen for the document toward it (the e key). With evidence selected, it
// gives that evidence the stance chosen toward its target. With no stance chosen yet, it says
// how to choose one, or how to give the evidence a label of its own.
func (w *Window) markChosenEvidence() {
	if !w.ready() {
		return
	}
	if sp, ok := w.article.SelectedSpan(); ok && sp.Kind == labels.KindStance {
		w.setTarget(sp.Target)
	}
	t, ok := w.currentTarget()
	if !ok {
		w.say("This project has no stance targets: add one with Stance → Targets….")
		return
	}
	l, ok := w.schema.Stance(w.stances[t.ID])
	if !ok {
		if k := w.evidenceKeyList(); k != "e" {
			w.say("Choose the document's stance toward %s first (%s), or press %s to mark evidence with a label of its own.",
				t.Name, w.stanceKeyList(", "), k)
		} else {
			w.say("Choose the document's stance toward %s first (%s): e marks evidence with it.", t.Name, w.stanceKeyList(", "))
		}
		return
	}
	w.markEvidence(l)
}

// markEvidence marks the selected words (or the words of the selected entity span) as evidence
// labeled l toward the current target: one AddSpan of Kind stance. With evidence selected, or
// evidence toward the target on exactly these words, it gives that evidence label l instead.
func (w *Window) markEvidence(l labels.Label) {
	if !w.ready() {
		return
	}
	sel, ok := w.article.Selection()
	if sp, picked := w.article.SelectedSpan(); picked {
		if sp.Kind == labels.KindStance {
			w.setTarget(sp.Target)
			w.relabel(sp, l)
			return
		}
		sel, ok = article.Selection{Start: sp.Start, End: sp.End}, true
	}
	t, has := w.currentTarget()
	if !has {
		w.say("This project has no stance targets: add one with Stance → Targets….")
		return
	}
	if !ok || sel.Empty() {
		w.say("Select the words that show the stance toward %s first, then press %s.", t.Name, w.evidenceKey(l))
		return
	}
	for _, o := range w.spans {
		if o.Kind == labels.KindStance && o.Target == t.ID && o.Start == sel.Start && o.End == sel.End {
			w.article.SelectSpan(o.ID)
			w.relabel(o, l)
			return
		}
	}
	w.writeSpan(w.newSpan(sel, l, labels.KindStance, t.ID), func(added labels.Span) {
		w.say("Marked %s as %s evidence for %s. %s changes its label; Delete removes it.",
			quote(added.Text), added.Label, t.Name, w.evidenceKeyList())
	})
}

// evidenceKey names the key that marks evidence labeled l: "Shift+F", or "e" when l has none.
func (w *Window) evidenceKey(l labels.Label) string {
	r, _ := utf8.DecodeRuneInString(l.Hotkey)
	if got, ok := w.evidenceKeys[unicode.ToUpper(r)]; ok && got.Name == l.Name {
		return "Shift+" + string(unicode.ToUpper(r))
	}
	return "e"
}

// selectEvidence selects evidence span sp in the article, as a click on it there does, and
// scrolls the article to it.
func (w *Window) selectEvidence(sp labels.Span) {
	if w.doc.ID != sp.DocID || w.spanIndex(sp.ID) < 0 {
		return
	}
	w.article.SelectSpan(sp.ID)
	w.scrollToRange(sp.Start, sp.End)
	w.focusArticle()
	w.onSpanTapped(sp)
}

// removeEvidence removes evidence span sp (its button in the stance panel).
func (w *Window) removeEvidence(sp labels.Span) {
	if !w.ready() || w.doc.ID != sp.DocID || w.spanIndex(sp.ID) < 0 {
		return
	}
	w.deleteSpan(sp)
	w.focusArticle()
}

// scrollToRange scrolls the article so that the code points [start, end) are on screen, a third
// of the way down, unless they are on screen already.
func (w *Window) scrollToRange(start, end int) {
	pos, size := w.article.RangeRect(start, end)
	if size.Height == 0 {
		return
	}
	off, view := w.scroll.Offset.Y, w.scroll.Size().Height
	if pos.Y >= off && pos.Y+size.Height <= off+view {
		return
	}
	w.scroll.ScrollToOffset(fyne.NewPos(0, max(0, pos.Y-view/3)))
}

// evidenceRow is one evidence span in the stance panel: a button that removes it, its label in
// the label's colour, and its words. A click selects it in the article.
type evidenceRow struct {
	widget.BaseWidget
	span     labels.Span
	color    color.NRGBA
	onTap    func()
	onRemove func()
	bg       *canvas.Rectangle
}

// newEvidenceRow returns the row of evidence span sp.
func (w *Window) newEvidenceRow(sp labels.Span) *evidenceRow {
	r := &evidenceRow{span: sp, bg: &canvas.Rectangle{CornerRadius: 4}}
	r.color = parseColor("")
	if l, ok := w.schema.Stance(sp.Label); ok {
		r.color = parseColor(l.Color)
	}
	r.onTap = func() { w.selectEvidence(sp) }
	r.onRemove = func() { w.removeEvidence(sp) }
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer lays the row out. It is called by Fyne.
func (r *evidenceRow) CreateRenderer() fyne.WidgetRenderer {
	bar := canvas.NewRectangle(r.color)
	bar.SetMinSize(fyne.NewSize(4, 0))
	name := canvas.NewText(r.span.Label, r.color)
	name.TextStyle.Bold = true
	name.TextSize = theme.CaptionTextSize()
	text := article.NewLabel(r.span.Text)
	text.Truncation = fyne.TextTruncateEllipsis
	remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), r.onRemove)
	remove.Importance = widget.LowImportance
	left := container.NewHBox(remove, container.NewCenter(name))
	return widget.NewSimpleRenderer(container.NewStack(r.bg, container.NewBorder(nil, nil, left, bar, text)))
}

// Tapped selects the evidence in the article.
func (r *evidenceRow) Tapped(*fyne.PointEvent) {
	if r.onTap != nil {
		r.onTap()
	}
}

// Cursor shows a pointing hand over the row.
func (r *evidenceRow) Cursor() desktop.Cursor { return desktop.PointerCursor }

// MouseIn highlights the row.
func (r *evidenceRow) MouseIn(*desktop.MouseEvent) {
	r.bg.FillColor = theme.Color(theme.ColorNameHover)
	r.bg.Refresh()
}

// MouseMoved does nothing; the row is highlighted as a whole.
func (r *evidenceRow) MouseMoved(*desktop.MouseEvent) {}

// MouseOut removes the highlight.
func (r *evidenceRow) MouseOut() {
	r.bg.FillColor = color.Transparent
	r.bg.Refresh()
}
