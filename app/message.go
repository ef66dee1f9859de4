package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/go-text/typesetting/segmenter"

	"github.com/tawsim/tawsim/app/article"
)

// Isolate marks, as quote puts them around words from the text in a message. Between them the
// message bar shows the words with the article's bidi layout: Fyne's own label places the runs
// of a mixed line in logical order, so a quoted title with a number in it ("الخبر رقم 12")
// came out scrambled inside an English sentence.
const (
	isolateStart = "\u2068" // FIRST STRONG ISOLATE
	isolateEnd   = "\u2069" // POP DIRECTIONAL ISOLATE
)

// ellipsis ends a message cut at the edge of the bar.
const ellipsis = "…"

// messageBar is the status bar's message: English text with quoted words of the corpus in it.
// It takes the width the bar gives it and never asks for more: a message too long for it is
// cut with an ellipsis, so that the window's width never follows a message.
type messageBar struct {
	widget.BaseWidget
	Text       string // the message as read, without the isolate marks
	Importance widget.Importance
	pieces     []messagePiece
}

// messagePiece is a run of a message: English text, or words quoted from the corpus.
type messagePiece struct {
	text   string
	quoted bool
}

func newMessageBar() *messageBar {
	m := &messageBar{}
	m.ExtendBaseWidget(m)
	return m
}

// SetText shows s: its plain parts as text, its isolated parts with the bidi label.
func (m *messageBar) SetText(s string) {
	m.Text = strings.NewReplacer(isolateStart, "", isolateEnd, "").Replace(s)
	m.pieces = m.pieces[:0]
	for s != "" {
		plain, rest, found := strings.Cut(s, isolateStart)
		if plain != "" {
			m.pieces = append(m.pieces, messagePiece{text: plain})
		}
		if !found {
			break
		}
		quoted, after, _ := strings.Cut(rest, isolateEnd)
		if quoted != "" {
			m.pieces = append(m.pieces, messagePiece{text: quoted, quoted: true})
		}
		s = after
	}
	m.Refresh()
}

// CreateRenderer returns the message's renderer. It is called by Fyne.
func (m *messageBar) CreateRenderer() fyne.WidgetRenderer { return &messageRenderer{m: m} }

// messageRenderer lays the pieces of a message side by side from the left, as many as fit,
// the one at the edge cut with an ellipsis.
type messageRenderer struct {
	m            *messageBar
	objects      []fyne.CanvasObject
	line, lineAt float32 // the height of a line of quoted words, at the text size lineAt
}

func (r *messageRenderer) Destroy() {}

func (r *messageRenderer) Objects() []fyne.CanvasObject { return r.objects }

// MinSize is one line high, padded, and as narrow as an ellipsis.
func (r *messageRenderer) MinSize() fyne.Size {
	pad := theme.Padding()
	line := fyne.MeasureText(ellipsis, theme.TextSize(), fyne.TextStyle{})
	if r.lineAt != theme.TextSize() {
		r.lineAt, r.line = theme.TextSize(), article.NewLabel("ا").MinSize().Height
	}
	return fyne.NewSize(line.Width+2*pad, max(line.Height, r.line)+2*pad)
}

func (r *messageRenderer) Refresh() {
	r.Layout(r.m.Size())
	canvas.Refresh(r.m)
}

// Layout makes and places the objects of the pieces that fit in size.
func (r *messageRenderer) Layout(size fyne.Size) {
	pad := theme.Padding()
	x, right := pad, size.Width-pad
	r.objects = r.objects[:0]
	for _, p := range r.m.pieces {
		var o fyne.CanvasObject
		var w float32
		if p.quoted {
			l := article.NewLabel(p.text)
			w = l.MinSize().Width
			if x+w > right {
				l.Truncation = fyne.TextTruncateEllipsis
				w = right - x
			}
			o = l
		} else {
			t := r.plain(p.text)
			w = t.MinSize().Width
			if x+w > right {
				t.Text = cutToWidth(p.text, right-x, t.TextSize)
				w = t.MinSize().Width
			}
			o = t
		}
		h := o.MinSize().Height
		o.Resize(fyne.NewSize(w, h))
		o.Move(fyne.NewPos(x, (size.Height-h)/2))
		r.objects = append(r.objects, o)
		x += w
		if x >= right {
			break
		}
	}
}

// plain draws English text in the colour of the message's importance.
func (r *messageRenderer) plain(s string) *canvas.Text {
	c := theme.Color(theme.ColorNameForeground)
	if r.m.Importance == widget.DangerImportance {
		c = theme.Color(theme.ColorNameError)
	}
	t := canvas.NewText(s, c)
	t.TextSize = theme.TextSize()
	return t
}

// cutToWidth returns the longest start of s, cut between two grapheme clusters, that fits
// in width with an ellipsis after it, and the ellipsis.
func cutToWidth(s string, width, size float32) string {
	bounds := clusterEnds([]rune(s))
	runes := []rune(s)
	lo, hi := 0, len(bounds) // bounds[:lo] fit, bounds[hi:] do not
	for lo < hi {
		mid := (lo + hi) / 2
		if fyne.MeasureText(string(runes[:bounds[mid]])+ellipsis, size, fyne.TextStyle{}).Width <= width {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo == 0 {
		return ellipsis
	}
	return strings.TrimRight(string(runes[:bounds[lo-1]]), " ") + ellipsis
}

// clusterEnds returns the code point offsets where the extended grapheme clusters (UAX #29)
// of text end, in order: a letter with its harakat, an emoji with its modifiers or ZWJ
// sequence is one cluster. A cut at one of them splits no character.
func clusterEnds(text []rune) []int {
	if len(text) == 0 {
		return nil
	}
	var sg segmenter.Segmenter
	sg.Init(text)
	var ends []int
	for it := sg.GraphemeIterator(); it.Next(); {
		g := it.Grapheme()
		ends = append(ends, g.Offset+len(g.Text))
	}
	return ends
}
