package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

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

// messageBar is the status bar's message: English text with quoted words of the corpus in it.
type messageBar struct {
	Text       string // the message as read, without the isolate marks
	Importance widget.Importance
	box        *fyne.Container // what the status bar holds
	parts      *fyne.Container // the pieces of the message, side by side
}

func newMessageBar() *messageBar {
	box := container.New(layout.NewCustomPaddedHBoxLayout(0))
	return &messageBar{box: container.NewPadded(box), parts: box}
}

// SetText shows s: its plain parts as labels, its isolated parts with the bidi label.
func (m *messageBar) SetText(s string) {
	m.Text = strings.NewReplacer(isolateStart, "", isolateEnd, "").Replace(s)
	var parts []fyne.CanvasObject
	for s != "" {
		plain, rest, found := strings.Cut(s, isolateStart)
		if plain != "" {
			parts = append(parts, container.NewCenter(m.plain(plain)))
		}
		if !found {
			break
		}
		quoted, after, _ := strings.Cut(rest, isolateEnd)
		if quoted != "" {
			parts = append(parts, container.NewCenter(article.NewLabel(quoted)))
		}
		s = after
	}
	m.parts.Objects = parts
	m.parts.Refresh()
}

// plain draws English text in the colour of the message's importance.
func (m *messageBar) plain(s string) *canvas.Text {
	c := theme.Color(theme.ColorNameForeground)
	if m.Importance == widget.DangerImportance {
		c = theme.Color(theme.ColorNameError)
	}
	t := canvas.NewText(s, c)
	t.TextSize = theme.TextSize()
	return t
}
