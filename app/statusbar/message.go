package statusbar

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/article"
	"github.com/tawsim/tawsim/app/locale"
	"github.com/tawsim/tawsim/app/msg"
	"github.com/tawsim/tawsim/arabic/bidi"
)

// Message is the status bar's message: text with words of the corpus in it, between isolate
// marks (msg.Isolate), which it draws with the article's bidi layout. In a left-to-right window
// the words of the message are drawn as text and the quotes with the article's label; in a
// right-to-left one the whole message is a right-to-left paragraph of the article's label,
// whose bidi algorithm keeps each quote, and each number and Latin word, in its place. It
// takes the width the bar gives it and never asks for more: a message too long for it is cut
// with an ellipsis, so that the window's width never follows a message.
type Message struct {
	widget.BaseWidget
	Text       string // the message as read, without the isolate marks
	Importance widget.Importance
	raw        string // the message with its marks
	pieces     []messagePiece
}

// messagePiece is a run of a message: English text, or words quoted from the corpus.
type messagePiece struct {
	text   string
	quoted bool
}

// NewMessage returns an empty message.
func NewMessage() *Message {
	m := &Message{}
	m.ExtendBaseWidget(m)
	return m
}

// SetText shows s: its plain parts as text, its isolated parts with the bidi label.
func (m *Message) SetText(s string) {
	m.raw = s
	m.Text = strings.NewReplacer(msg.IsolateStart, "", msg.IsolateEnd, "").Replace(s)
	m.pieces = m.pieces[:0]
	for s != "" {
		plain, rest, found := strings.Cut(s, msg.IsolateStart)
		if plain != "" {
			m.pieces = append(m.pieces, messagePiece{text: plain})
		}
		if !found {
			break
		}
		quoted, after, _ := strings.Cut(rest, msg.IsolateEnd)
		if quoted != "" {
			m.pieces = append(m.pieces, messagePiece{text: quoted, quoted: true})
		}
		s = after
	}
	m.Refresh()
}

// CreateRenderer returns the message's renderer. It is called by Fyne.
func (m *Message) CreateRenderer() fyne.WidgetRenderer { return &messageRenderer{m: m} }

// messageRenderer lays the pieces of a message side by side from the left, as many as fit,
// the one at the edge cut with an ellipsis.
type messageRenderer struct {
	m            *Message
	objects      []fyne.CanvasObject
	line, lineAt float32 // the height of a line of quoted words, at the text size lineAt
}

func (r *messageRenderer) Destroy() {}

func (r *messageRenderer) Objects() []fyne.CanvasObject { return r.objects }

// MinSize is one line high, padded, and as narrow as an ellipsis.
func (r *messageRenderer) MinSize() fyne.Size {
	pad := theme.Padding()
	line := fyne.MeasureText(msg.Ellipsis, theme.TextSize(), fyne.TextStyle{})
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
	if locale.RTL() {
		r.objects = r.objects[:0]
		if r.m.raw == "" {
			return
		}
		l := article.NewLabelDir(msg.IsolateLatin(r.m.raw), bidi.RightToLeft)
		l.Truncation = fyne.TextTruncateEllipsis
		if r.m.Importance == widget.DangerImportance {
			l.Color = theme.ColorNameError
		}
		h := l.MinSize().Height
		l.Resize(fyne.NewSize(size.Width, h))
		l.Move(fyne.NewPos(0, (size.Height-h)/2))
		r.objects = append(r.objects, l)
		return
	}
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
	bounds := msg.ClusterEnds([]rune(s))
	runes := []rune(s)
	lo, hi := 0, len(bounds) // bounds[:lo] fit, bounds[hi:] do not
	for lo < hi {
		mid := (lo + hi) / 2
		if fyne.MeasureText(string(runes[:bounds[mid]])+msg.Ellipsis, size, fyne.TextStyle{}).Width <= width {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo == 0 {
		return msg.Ellipsis
	}
	return strings.TrimRight(string(runes[:bounds[lo-1]]), " ") + msg.Ellipsis
}
