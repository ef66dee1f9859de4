// Package article is Tawsim's article widget: it shows a document's text token by token, right
// to left, with the tokens of each line in the order the Unicode bidirectional algorithm
// (package arabic/bidi) gives them, so that Latin words, numbers and brackets sit where an
// Arabic reader expects them.
//
// Fyne shapes and joins Arabic letters but does not reorder mixed-direction text, so the widget
// lays the text out itself: one canvas.Text per token (per piece of a token, should one token
// mix directions or fonts), lines filled from the right edge and wrapped to the widget's width.
// It draws with its embedded fonts only (fonts.go): a grapheme cluster that none of them has is
// drawn as a box with its code point, which MissingGlyphs names. The
// line breaking and bidi ordering are plain functions over widths (layout.go); the renderer
// only places canvas objects, and only those of the lines near the part of the widget that a
// container.Scroll shows, so that a long article opens quickly.
//
// The widget is also where an annotator labels spans: it selects tokens (click, shift+click,
// drag, arrows), draws the spans it is given (SetSpans) as coloured backgrounds and underlines,
// and reports taps on them; see the Article type for the keys and gestures.
//
// The package does not import fyne.io/fyne/v2/app: its tests run with Fyne's test driver.
package article

import (
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/arabic/bidi"
	"github.com/tawsim/tawsim/labels"
)

// textScale is the article's text size relative to the theme's text size: Arabic needs a
// little more than Latin to be read comfortably.
const textScale = 1.3

// direction is the direction of every paragraph of an article: right to left, whatever its
// first letter, since the corpus is Arabic news (docs/DESIGN.md); a paragraph that starts with
// a Latin name still reads from the right.
const direction = bidi.RightToLeft

// defaultWidth is the width laid out for before the widget has been given one.
const defaultWidth = 600

// Article shows one document's text. It is meant to be the direct content of a
// container.Scroll (container.NewVScroll), which tells it what is on screen by moving it; it
// asks for little width and wraps its text to the width it gets. Its methods must be called on
// Fyne's UI goroutine (inside fyne.Do when the work was done elsewhere).
//
// The annotator selects tokens with it; a selection always runs over whole tokens, from the
// first to the last in text order, except that it may start after a proclitic:
//
//   - Click: selects the token under the pointer (a click between tokens clears the
//     selection). A click on a labeled span selects that span instead (OnSpanTapped), and a
//     click on a stance span's underline selects the stance span. On words inside nested
//     spans a click selects the innermost, a second click the span around it, and so on out,
//     then the innermost again; a click on a nesting band selects its span. SelectOuter
//     selects the span around the selected one, for a key.
//   - Shift+click: extends the selection from its anchor (the token first clicked) to the
//     clicked token, on whichever side of it, over lines.
//   - Drag: selects from the token under the press to the token nearest the pointer, in either
//     direction; a drag that starts on a span selects tokens too.
//   - Left, Right: move the selection to the token beside it on screen, the one to the left or
//     to the right, going on at the right end of the next line (Left) or the left end of the
//     line above (Right). In right-to-left text Left is therefore the next token in reading
//     order. Inside a left-to-right run (a Latin name, a number) the arrows still go the way
//     they point. Home and End go to the first and the last token of the line in reading
//     order.
//   - Shift with Left, Right, Home, End: extends the selection, which stays one range of the
//     text: its moving end goes to the next token in reading order with the arrow that points
//     the way the paragraph reads (Left in right-to-left text) and to the previous one with the
//     other, across a Latin name or a number as the text runs, not as the screen shows it;
//     Home and End take it to the line's first and last token.
//   - c (or ؤ, the same key on an Arabic keyboard): cycles the start of the selection through
//     the proclitics of its first token, as arabic.ProcliticSplits finds them: the whole token,
//     after the first proclitic (وبالعراق → بالعراق), after the second (→ العراق), the whole
//     token again.
//   - Shift+Up: selects the span around the selected one (SelectOuter), or, with words
//     selected, the innermost span that holds them all; Shift+Down the outermost span inside
//     the selected one, the first of them (SelectInner). Either tells OnSpanTapped of the
//     span selected, the same one again at the end of the nest; neither goes on to OnKey.
//   - Escape: clears the selection and the selected span.
//
// Suggestions (SetSuggestions) are drawn as dashed outlines: a click on one where no span is
// selects its words, a second click the next suggestion of its group (see suggest.go), and
// SuggestionUnderSelection tells which one the selection stands on.
//
// Every other key and rune goes to OnKey and OnRune, and so does Escape when there is nothing
// to clear. The widget holds either a token selection or a selected span, never both.
type Article struct {
	widget.BaseWidget

	// OnSelect is called after the user changed the token selection, with the new selection,
	// or with an empty one (Start == End) when the user cleared it.
	OnSelect func(sel Selection)
	// OnSpanTapped is called after a click on a labeled span, which is then SelectedSpan: the
	// span the click chose, the innermost of nested spans on a first click and the next one
	// out on each further click on them (a relabel or a removal acts on SelectedSpan); and
	// after Shift+Up or Shift+Down chose a span of a nest.
	OnSpanTapped func(sp labels.Span)
	// OnRune gets the runes typed while the widget has the focus that it did not use itself
	// (label hotkeys, stance keys...).
	OnRune func(r rune)
	// OnKey gets the keys typed while the widget has the focus that it did not use itself
	// (Delete, BackSpace, Return, Up, Down...); it reports whether it handled the key.
	OnKey func(ev *fyne.KeyEvent) bool
	// OnSuggestionHover is called when the pointer comes to rest on a suggestion (ok set) and
	// when it leaves the suggestions (ok false).
	OnSuggestionHover func(s Suggested, ok bool)
	// OnLaneTapped is called after a click on the bar of a span of a lane (SetLanes), whose
	// words are then selected: lane is its index in SetLanes.
	OnLaneTapped func(lane int, sp labels.Span)

	doc      labels.Document
	an       *analysis
	d        drawing // the pieces measured
	m        metrics
	textSize float32 // set by SetTextSize; 0 follows the theme
	spacing  float32 // set by SetLineSpacing: the lines' height in lines; 0 is 1
	lay      layout
	laid     bool   // lay holds the layout at lay.width
	gen      uint64 // changes whenever lay does
	r        *renderer

	spans   []shownSpan // what SetSpans gave, ordered by start
	nest    []nestBand  // the spans drawn as bands, by start
	sugs    []sugGroup  // the suggestions, in groups that overlap, by start
	hover   int         // the group under the pointer, or -1
	lanes   laneSet     // what SetLanes gave (lanes.go)
	selSpan string      // the id of the selected span
	sel     selection   // the token selection
	splits  map[int32]*split
	cutsOK  bool             // splits matches the span edges, the selection and the text size
	deco    uint64           // changes whenever the spans or the selections do
	hits    []labels.Offsets // search hits (SetHits)
	hit     int              // the current hit, -1 for none
	input   input            // the state of the pointer and the keyboard
}

// The article is clicked, dragged and typed into.
var (
	_ fyne.Tappable     = (*Article)(nil)
	_ fyne.Draggable    = (*Article)(nil)
	_ fyne.Focusable    = (*Article)(nil)
	_ desktop.Mouseable = (*Article)(nil)
	_ desktop.Keyable   = (*Article)(nil)
)

// New returns an empty article widget.
func New() *Article {
	a := &Article{an: analyze(nil, nil, direction), hover: -1, hit: -1}
	a.ExtendBaseWidget(a)
	return a
}

// CreateRenderer returns the widget's renderer. It is called by Fyne.
func (a *Article) CreateRenderer() fyne.WidgetRenderer {
	a.ExtendBaseWidget(a)
	a.r = &renderer{a: a}
	return a.r
}

// SetDocument shows doc: its own tokens when it has them (labels.Document.Tokens), else the
// tokens arabic.Tokenize finds in its text. It drops the spans and the selections of the
// document shown before.
func (a *Article) SetDocument(doc labels.Document) {
	toks := doc.TokenOffsets()
	a.doc = doc
	a.an = analyze([]rune(doc.Text), toks, direction)
	a.d.size, a.laid = 0, false
	a.gen++
	a.spans, a.nest, a.selSpan, a.sel = nil, nil, "", selection{}
	a.sugs, a.hover = nil, -1
	a.lanes.spans = nil // their number stays, and the room they take
	a.hits, a.hit = nil, -1
	a.splits, a.cutsOK = nil, false
	a.input = input{focused: a.input.focused, shift: a.input.shift}
	a.deco++
	if a.r != nil {
		a.r.reset()
	}
	a.Refresh()
}

// Document returns the document shown.
func (a *Article) Document() labels.Document { return a.doc }

// Tokens returns the offsets of the tokens shown, in text order; token indices (TokenAt,
// TokenRect) refer to this list. A document's own tokens that overlap, are empty or fall
// outside the text are not shown; one that crosses a paragraph break is cut at the break. The
// slice belongs to the widget: do not change it.
func (a *Article) Tokens() []labels.Offsets { return a.an.tokens }

// SetTextSize sets the size of the article's text; 0 follows the theme (a little larger than
// the theme's text size).
func (a *Article) SetTextSize(size float32) {
	a.textSize = size
	a.Refresh()
}

// SetLineSpacing sets the height of the article's lines, in lines: 1 (or 0) is the theme's
// spacing, 1.5 puts half a line more between two lines of a paragraph.
func (a *Article) SetLineSpacing(lines float32) {
	if lines == a.spacing {
		return
	}
	a.spacing = lines
	a.d.size = 0 // measured again, with the new gap
	a.Refresh()
}

// LineSpacing returns the height of the article's lines, in lines.
func (a *Article) LineSpacing() float32 { return max(a.spacing, 1) }

// TextSize returns the size the article's text is drawn at.
func (a *Article) TextSize() float32 {
	if a.textSize > 0 {
		return a.textSize
	}
	return float32(int(a.Theme().Size(theme.SizeNameText)*textScale + 0.5))
}

// Move moves the widget. Inside a container.Scroll this is how the widget learns which part of
// it is on screen; it then draws the lines around that part.
func (a *Article) Move(pos fyne.Position) {
	a.BaseWidget.Move(pos)
	if a.r != nil {
		a.r.update(false)
	}
}

// TokenAt returns the index of the token drawn at pos (relative to the widget), and false
// when pos is between tokens or off the text.
func (a *Article) TokenAt(pos fyne.Position) (int, bool) {
	a.exactAt(pos.Y)
	li := a.lay.lineAt(pos.Y)
	if li < 0 || pos.Y >= a.lay.lines[li].y+a.m.lineHeight {
		return -1, false
	}
	ln := a.lay.lines[li]
	for i := ln.first; i < ln.last; i++ {
		if x := a.lay.x[i]; pos.X >= x && pos.X < x+a.d.widths[i] {
			if t := a.an.pieces[i].tok; t >= 0 {
				return int(t), true
			}
			return -1, false
		}
	}
	return -1, false
}

// TokenRect returns where token i sits, relative to the widget: the top left corner and the
// size of the box of its line that it covers. It returns zeros for an index out of range.
func (a *Article) TokenRect(i int) (fyne.Position, fyne.Size) {
	if i < 0 || i >= len(a.an.tokens) {
		return fyne.Position{}, fyne.Size{}
	}
	a.exactTo(int(a.an.tokLast[i]) - 1)
	first, last := a.an.tokFirst[i], a.an.tokLast[i]
	left, right := a.lay.x[first], a.lay.x[first]+a.d.widths[first]
	for j := first + 1; j < last; j++ {
		left, right = min(left, a.lay.x[j]), max(right, a.lay.x[j]+a.d.widths[j])
	}
	y := a.lay.lines[a.lay.lineOf[first]].y
	return fyne.NewPos(left, y), fyne.NewSize(right-left, a.m.lineHeight)
}

// LineCount returns the number of lines at the widget's width.
func (a *Article) LineCount() int {
	a.exactTo(len(a.an.pieces) - 1)
	return len(a.lay.lines)
}

// VisualLine returns the tokens of line i as they sit on screen, from the right edge to the
// left: the order an Arabic reader meets them in.
func (a *Article) VisualLine(i int) []int {
	a.exactLine(i)
	if i < 0 || i >= len(a.lay.lines) {
		return nil
	}
	ln := a.lay.lines[i]
	type placed struct {
		x   float32
		tok int32
	}
	var ps []placed
	for j := ln.first; j < ln.last; j++ {
		if t := a.an.pieces[j].tok; t >= 0 {
			ps = append(ps, placed{a.lay.x[j], t})
		}
	}
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].x > ps[j].x })
	out := make([]int, 0, len(ps))
	for j, p := range ps {
		if j == 0 || p.tok != ps[j-1].tok {
			out = append(out, int(p.tok))
		}
	}
	return out
}
