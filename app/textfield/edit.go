package textfield

import "slices"

// insert replaces the selection with s, made one line (see clean), and puts the caret after it.
func (f *Field) insert(s string) {
	f.sync()
	a, b := f.Selection()
	f.replace(a, b, []rune(clean(s)))
}

// replace replaces the text [a, b) with rs and puts the caret after rs.
func (f *Field) replace(a, b int, rs []rune) {
	if f.Disabled() || a == b && len(rs) == 0 {
		return
	}
	out := make([]rune, 0, len(f.runes)-(b-a)+len(rs))
	out = append(append(append(out, f.runes[:a]...), rs...), f.runes[b:]...)
	f.runes, f.Text, f.synced = out, string(out), string(out)
	f.bounds = boundaries(out)
	f.lay = nil
	p := f.snap(a+len(rs), true)
	f.caret, f.anchor, f.stop = p, p, -1
	f.changed()
}

// changed tells of a change of the text: the Validator and OnChanged are called, the field
// is redrawn.
func (f *Field) changed() {
	f.dirty = true
	if f.Validator != nil {
		f.setValidationError(f.Validator(f.Text))
	}
	if f.OnChanged != nil {
		f.OnChanged(f.Text)
	}
	f.Refresh()
}

// deleteBack deletes the selection, or else what is before the caret: its last code point, or
// the whole grapheme cluster when it is an emoji sequence (see wholeCluster), or back to the
// start of a word when word.
func (f *Field) deleteBack(word bool) {
	f.sync()
	if a, b := f.Selection(); a != b || f.caret == 0 {
		f.replace(a, b, nil)
		return
	}
	start := f.bounds[slices.Index(f.bounds, f.caret)-1]
	switch {
	case word:
		start = f.wordBack(f.caret)
	case !wholeCluster(f.runes[start:f.caret]):
		start = f.caret - 1
	}
	f.replace(start, f.caret, nil)
}

// deleteForward deletes the selection, or else the grapheme cluster after the caret, or up to
// the end of a word when word.
func (f *Field) deleteForward(word bool) {
	f.sync()
	if a, b := f.Selection(); a != b || f.caret == len(f.runes) {
		f.replace(a, b, nil)
		return
	}
	end := f.bounds[slices.Index(f.bounds, f.caret)+1]
	if word {
		end = f.wordForward(f.caret)
	}
	f.replace(f.caret, end, nil)
}

// moveTo puts the caret at boundary p, shown at stop (-1: its default place), and moves the
// other end of the selection with it unless extend.
func (f *Field) moveTo(p, stop int, extend bool) {
	f.caret, f.stop = p, stop
	if !extend {
		f.anchor = p
	}
	f.Refresh()
}

// arrow moves the caret one cluster to the right (dir > 0) or to the left on the screen,
// whatever the direction of the text there; a selection collapses to its end on that side.
// With extend, the moving end of the selection goes one cluster in reading order instead:
// the arrow that points where the paragraph reads to (← in right-to-left text) goes forward,
// so that the selection grows and shrinks a cluster at a time.
func (f *Field) arrow(dir int, extend bool) {
	l := f.layout()
	if extend {
		i := slices.Index(f.bounds, f.caret)
		if (dir > 0) == (l.base == 0) {
			i = min(i+1, len(f.bounds)-1)
		} else {
			i = max(i-1, 0)
		}
		f.moveTo(f.bounds[i], -1, true)
		return
	}
	if a, b := f.Selection(); a != b {
		ja, jb := l.stopOf(f.anchor), l.caretStop(f.caret, f.stop)
		if (l.stopX(ja) > l.stopX(jb)) == (dir > 0) {
			f.moveTo(f.anchor, ja, false)
		} else {
			f.moveTo(f.caret, jb, false)
		}
		return
	}
	if p, j, ok := l.move(l.caretStop(f.caret, f.stop), dir); ok {
		f.moveTo(p, j, false)
	}
}

// arrowWord moves the caret one word in reading order: to the next word's end for the arrow
// that points where the text reads to (left in right-to-left text), else to the previous
// word's start.
func (f *Field) arrowWord(dir int, extend bool) {
	l := f.layout()
	if (dir > 0) == (l.base == 0) {
		f.moveTo(f.wordForward(f.caret), -1, extend)
	} else {
		f.moveTo(f.wordBack(f.caret), -1, extend)
	}
}

// wordForward returns the end of the word that ends after p, or the end of the text.
func (f *Field) wordForward(p int) int {
	for _, w := range words(f.runes) {
		if w.end > p {
			return f.snap(w.end, true)
		}
	}
	return len(f.runes)
}

// wordBack returns the start of the last word that starts before p, or 0.
func (f *Field) wordBack(p int) int {
	ws := words(f.runes)
	for i := len(ws) - 1; i >= 0; i-- {
		if ws[i].start < p {
			return f.snap(ws[i].start, false)
		}
	}
	return 0
}

// selectWord selects the word that holds the cluster starting at p, or the run of spaces and
// punctuation between two words that holds it.
func (f *Field) selectWord(p int) {
	start, end := 0, len(f.runes)
	for _, w := range words(f.runes) {
		switch {
		case w.end <= p:
			start = w.end
		case w.start <= p:
			start, end = w.start, w.end
		default:
			end = min(end, w.start)
		}
		if w.start > p {
			break
		}
	}
	f.Select(start, end)
}

// selectAll selects the whole text, the caret at its end.
func (f *Field) selectAll() {
	f.sync()
	f.anchor, f.caret, f.stop = 0, len(f.runes), -1
	f.Refresh()
}
