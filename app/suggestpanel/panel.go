// Package suggestpanel is the suggestions bar above the article: whether the suggestions of
// sources (gazetteers, patterns, propagation, a model's predictions) are shown, how many wait
// on the document open, and the button that accepts them all. It also words what the status
// bar says of a suggestion. It shows itself only in a project that holds suggestions; it
// reads and writes no store.
package suggestpanel

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/article"
	"github.com/tawsim/tawsim/app/mirror"
	"github.com/tawsim/tawsim/app/msg"
)

// Panel is the suggestions bar.
type Panel struct {
	// OnShow is called when the annotator shows or hides the suggestions.
	OnShow func(shown bool)
	// OnAcceptAll is called by the button that accepts every suggestion of the document.
	OnAcceptAll func()

	Show    *widget.Check
	Count   mirror.Texter
	Accept  *widget.Button
	object  *fyne.Container
	shown   bool
	pending int // suggestions waiting on the document open
}

// New returns the bar, hidden, with the suggestions to be shown once there are some.
func New() *Panel {
	p := &Panel{shown: true, Count: mirror.Label("")}
	p.Show = widget.NewCheck(lang.X("suggest.show", "Show suggestions"), func(on bool) {
		if on == p.shown {
			return
		}
		p.shown = on
		p.showCount()
		if p.OnShow != nil {
			p.OnShow(on)
		}
	})
	p.Show.SetChecked(true)
	mirror.Faint(p.Count)
	p.Accept = widget.NewButton(lang.X("suggest.accept_all", "Accept all (Shift+Enter)"), func() {
		if p.OnAcceptAll != nil {
			p.OnAcceptAll()
		}
	})
	p.Accept.Disable()
	p.object = mirror.Border(nil, nil, mirror.CheckRow(p.Show), p.Accept, p.Count)
	p.object.Hide()
	return p
}

// Object returns what the window lays out.
func (p *Panel) Object() fyne.CanvasObject { return p.object }

// SetAvailable shows the bar when the project holds suggestions, and hides it when it holds
// none.
func (p *Panel) SetAvailable(on bool) {
	if on == p.object.Visible() {
		return
	}
	if on {
		p.object.Show()
	} else {
		p.object.Hide()
	}
}

// Available reports whether the bar is shown.
func (p *Panel) Available() bool { return p.object.Visible() }

// Shown reports whether the suggestions are to be drawn.
func (p *Panel) Shown() bool { return p.shown }

// SetShown shows or hides the suggestions, as the check does (OnShow is called when it
// changes).
func (p *Panel) SetShown(on bool) { p.Show.SetChecked(on) }

// SetPending shows how many suggestions (labels on ranges) wait on the document open.
func (p *Panel) SetPending(n int) {
	p.pending = n
	p.showCount()
}

// showCount shows the count, or that the suggestions are hidden.
func (p *Panel) showCount() {
	switch {
	case !p.shown:
		p.Count.SetText(lang.X("suggest.hidden", "Suggestions are hidden."))
	case p.pending == 0:
		p.Count.SetText(lang.X("suggest.none", "No suggestion waits on this document."))
	default:
		p.Count.SetText(msg.Count("suggest.waiting", "{{.N}} suggestions waiting · Enter accepts, Backspace rejects", p.pending))
	}
	if p.shown && p.pending > 0 {
		p.Accept.Enable()
	} else {
		p.Accept.Disable()
	}
}

// Sources says who suggests s and how sure each is: "places.tsv 1.00, model-3 0.62", the
// scores in the digits chosen.
func Sources(s article.Suggested) string {
	parts := make([]string, len(s.Sources))
	for i, g := range s.Sources {
		parts[i] = g.Source + " " + msg.Decimal(g.Score, 2)
	}
	return strings.Join(parts, ", ")
}

// Describe says what the status bar shows of suggestion s, whose label the window calls
// name, when it is selected (keys set, with what the keys do) or when the pointer rests on it.
func Describe(s article.Suggested, name string, keys bool) string {
	text := lang.X("suggest.describe", "Suggested: {{.Label}} {{.Text}}, by {{.Sources}}.",
		msg.M{"Label": name, "Text": msg.Quote(s.Text), "Sources": msg.Name(Sources(s))})
	if s.Others > 0 {
		text += " " + msg.Count("suggest.others", "{{.N}} more suggested here: click it again to see the next.", s.Others)
	}
	if keys {
		text += " " + lang.X("suggest.keys", "Enter accepts it, Backspace rejects it, a label key labels the words otherwise.")
	}
	return text
}
