package article

import (
	"cmp"
	"image/color"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/tawsim/tawsim/labels"
)

// Suggestions. What sources suggest (gazetteers, patterns, propagation, a model) is drawn apart
// from the annotator's spans: a dashed outline in the label's colour around the words, with the
// label's name small above its start, the way a span's name sits. Suggestions that overlap
// each other (several labels or ranges on the same words) form a group, of which one is drawn
// at a time, the surest first, its name saying how many more there are ("PERS +1"); a second
// click on it draws the next one. An outline is a stroke only, so it never hides a span's
// background, band or underline.

// Suggested is one label that one or more sources suggest on one range of the text: what the
// article draws as one outline.
type Suggested struct {
	Start, End int // code points, half-open
	Label      string
	Text       string
	// Sources are the suggestions of this label on this range, a source each, the surest first.
	Sources []labels.Suggestion
	// Others is how many other suggestions overlap it (other labels, other ranges): drawn in
	// its place one at a time.
	Others int
}

// Score returns the score of the surest source.
func (s Suggested) Score() float64 { return s.Sources[0].Score }

// Suggestion returns the suggestion of the surest source, which stands for all of them when
// it is accepted or rejected.
func (s Suggested) Suggestion() labels.Suggestion { return s.Sources[0] }

// sugKey names a suggested label on a range.
type sugKey struct {
	start, end int
	label      string
}

func (s *Suggested) key() sugKey { return sugKey{s.Start, s.End, s.Label} }

// sugGroup is a group of suggestions that overlap one another, of which one is drawn.
type sugGroup struct {
	members []Suggested   // by confidence, the surest first
	colors  []color.NRGBA // of each member's label
	pick    int           // the member drawn
}

// shown returns the member drawn.
func (g *sugGroup) shown() *Suggested { return &g.members[g.pick] }

// SetSuggestions sets the suggestions to draw (those still pending for the annotator, as the
// store gives them: several sources of one label on one range each come). The colours are
// the schema's entity labels', grey for a label it lacks. The member of a group drawn before
// stays drawn when it is still suggested.
func (a *Article) SetSuggestions(sgs []labels.Suggestion, schema labels.Schema) {
	n := len(a.an.text)
	byKey := map[sugKey]int{}
	var choices []Suggested
	for _, g := range sgs {
		if g.Start < 0 || g.End > n || g.Start >= g.End {
			continue
		}
		k := sugKey{g.Start, g.End, g.Label}
		i, ok := byKey[k]
		if !ok {
			i = len(choices)
			byKey[k] = i
			choices = append(choices, Suggested{Start: g.Start, End: g.End, Label: g.Label, Text: g.Text})
		}
		choices[i].Sources = append(choices[i].Sources, g)
	}
	for i := range choices {
		slices.SortStableFunc(choices[i].Sources, func(x, y labels.Suggestion) int {
			return cmp.Or(cmp.Compare(y.Score, x.Score), cmp.Compare(x.Source, y.Source))
		})
	}
	slices.SortFunc(choices, func(x, y Suggested) int {
		return cmp.Or(cmp.Compare(x.Start, y.Start), cmp.Compare(y.End, x.End), cmp.Compare(x.Label, y.Label))
	})
	picked := map[sugKey]bool{}
	for _, g := range a.sugs {
		picked[g.shown().key()] = true
	}
	a.sugs = a.sugs[:0]
	for i := 0; i < len(choices); {
		j, end := i+1, choices[i].End
		for j < len(choices) && choices[j].Start < end {
			end = max(end, choices[j].End)
			j++
		}
		a.sugs = append(a.sugs, newGroup(choices[i:j], schema, picked))
		i = j
	}
	a.hover = -1
	a.changed(true)
}

// newGroup returns the group of members, drawing the one picked before if any, else the
// surest.
func newGroup(members []Suggested, schema labels.Schema, picked map[sugKey]bool) sugGroup {
	g := sugGroup{members: slices.Clone(members)}
	slices.SortStableFunc(g.members, func(x, y Suggested) int {
		return cmp.Or(cmp.Compare(y.Score(), x.Score()), cmp.Compare(x.Start, y.Start), cmp.Compare(y.End, x.End),
			cmp.Compare(x.Label, y.Label))
	})
	g.colors = make([]color.NRGBA, len(g.members))
	for k := range g.members {
		g.members[k].Others = len(g.members) - 1
		g.colors[k] = unknownColor
		if l, ok := schema.Entity(g.members[k].Label); ok {
			if c, good := parseColor(l.Color); good {
				g.colors[k] = c
			}
		}
		if picked[g.members[k].key()] {
			g.pick = k
		}
	}
	return g
}

// Suggestions returns the suggestions drawn, one per group, in text order.
func (a *Article) Suggestions() []Suggested {
	out := make([]Suggested, len(a.sugs))
	for i := range a.sugs {
		out[i] = *a.sugs[i].shown()
	}
	return out
}

// SuggestionUnderSelection returns the suggestion drawn that the selection stands on: the one
// that holds the whole token selection, else the one over its caret word (the token that
// shift+click, drags and arrows move, the only one of a selection of one word). It returns
// false when no words are selected (a selected span is no selection of words) or no
// suggestion is there.
func (a *Article) SuggestionUnderSelection() (Suggested, bool) {
	if i := a.currentGroup(); i >= 0 {
		return *a.sugs[i].shown(), true
	}
	return Suggested{}, false
}

// currentGroup returns the group SuggestionUnderSelection takes, or -1.
func (a *Article) currentGroup() int {
	sel, ok := a.Selection()
	if !ok || len(a.sugs) == 0 {
		return -1
	}
	for i := range a.sugs {
		if s := a.sugs[i].shown(); s.Start <= sel.Start && sel.End <= s.End {
			return i
		}
	}
	caret := a.an.tokens[max(0, min(a.sel.cursor, len(a.an.tokens)-1))]
	if a.sel.cursor == a.sel.first() {
		caret.Start += a.sel.after
	}
	for i := range a.sugs {
		if s := a.sugs[i].shown(); s.Start < caret.End && caret.Start < s.End {
			return i
		}
	}
	return -1
}

// CycleSuggestion draws the next member of the group of the suggestion under the selection
// in its place and selects its words; it returns it, and false when there is no suggestion
// under the selection.
func (a *Article) CycleSuggestion() (Suggested, bool) {
	i := a.currentGroup()
	if i < 0 {
		return Suggested{}, false
	}
	g := &a.sugs[i]
	g.pick = (g.pick + 1) % len(g.members)
	s := *g.shown()
	a.selectRange(s.Start, s.End)
	return s, true
}

// selectRange selects the tokens that hold the code points [start, end), starting after
// the first token's proclitic when start is inside it.
func (a *Article) selectRange(start, end int) {
	first, last := a.tokenOf(start), a.tokenOf(max(start, end-1))
	a.selectTokens(first, last, false)
	if after := start - a.an.tokens[first].Start; after > 0 {
		a.sel.after = after
		a.changed(true)
	}
}

// suggestionAt returns the group whose drawn suggestion is under pos, at the height of the
// text or of its name, or -1.
func (a *Article) suggestionAt(pos fyne.Position) int {
	if len(a.sugs) == 0 {
		return -1
	}
	a.exactAt(pos.Y)
	li := a.lay.lineAt(pos.Y)
	if li < 0 {
		return -1
	}
	b := a.bands()
	if dy := pos.Y - a.lay.lines[li].y; dy < b.top-b.nameSize || dy >= b.bottom {
		return -1
	}
	ls, le := a.lineRange(li)
	var segs []segment
	for i := range a.sugs {
		s := a.sugs[i].shown()
		if int32(s.Start) >= le || int32(s.End) <= ls {
			continue
		}
		segs = a.segments(int32(s.Start), int32(s.End), segs[:0])
		for _, sg := range segs {
			if int(sg.line) == li && pos.X >= sg.x0 && pos.X < sg.x1 {
				return i
			}
		}
	}
	return -1
}

// tapSuggestion handles a click on the suggestion of group i: the first click selects its
// words, a click on a suggestion whose words are selected already draws the next member of
// its group and selects those.
func (a *Article) tapSuggestion(i int) {
	s := a.sugs[i].shown()
	if sel, ok := a.Selection(); ok && sel.Start <= s.Start && s.End <= sel.End && a.currentGroup() == i &&
		len(a.sugs[i].members) > 1 {
		a.CycleSuggestion()
	} else {
		a.selectRange(s.Start, s.End)
	}
	a.notifySelect()
}

// The article tells when the pointer rests on a suggestion (desktop.Hoverable).
var _ desktop.Hoverable = (*Article)(nil)

// MouseIn is called by Fyne when the pointer comes over the widget.
func (a *Article) MouseIn(ev *desktop.MouseEvent) { a.MouseMoved(ev) }

// MouseMoved tells OnSuggestionHover when the pointer comes onto a suggestion or leaves it.
// It is called by Fyne.
func (a *Article) MouseMoved(ev *desktop.MouseEvent) {
	a.hoverOn(a.suggestionAt(ev.Position))
}

// MouseOut is called by Fyne when the pointer leaves the widget.
func (a *Article) MouseOut() { a.hoverOn(-1) }

// hoverOn notes that the pointer is over group i (-1: none), and tells OnSuggestionHover when
// that changed.
func (a *Article) hoverOn(i int) {
	if i == a.hover {
		return
	}
	a.hover = i
	if a.OnSuggestionHover == nil {
		return
	}
	if i < 0 {
		a.OnSuggestionHover(Suggested{}, false)
		return
	}
	a.OnSuggestionHover(*a.sugs[i].shown(), true)
}
