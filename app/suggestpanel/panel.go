// Package suggestpanel is the suggestions bar above the article: whether the suggestions of
// sources (gazetteers, patterns, propagation, a model's predictions) are shown, how many wait
// on the document open, and the button that accepts them all. It also words what the status
// bar says of a suggestion. It shows itself only in a project that holds suggestions; it
// reads and writes no store.
package suggestpanel

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/article"
	"github.com/tawsim/tawsim/app/msg"
)

// Panel is the suggestions bar.
type Panel struct {
	// OnShow is called when the annotator shows or hides the suggestions.
	OnShow func(shown bool)
	// OnAcceptAll is called by the button that accepts every suggestion of the document.
	OnAcceptAll func()

	Show    *widget.Check
	Count   *widget.Label
	Accept  *widget.Button
	object  *fyne.Container
	shown   bool
	pending int // suggestions waiting on the document open
}

// New returns the bar, hidden, with the suggestions to be shown once there are some.
func New() *Panel {
	p := &Panel{shown: true, Count: widget.NewLabel("")}
	p.Show = widget.NewCheck(lang.L("Show suggestions"), func(on bool) {
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
	p.Count.Importance = widget.LowImportance
	p.Count.Truncation = fyne.TextTruncateEllipsis
	p.Accept = widget.NewButton(lang.L("Accept all (Shift+Enter)"), func() {
		if p.OnAcceptAll != nil {
			p.OnAcceptAll()
		}
	})
	p.Accept.Disable()
	p.object = container.NewBorder(nil, nil, p.Show, p.Accept, p.Count)
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
		p.Count.SetText(lang.L("Suggestions are hidden."))
	case p.pending == 0:
		p.Count.SetText(lang.L("No suggestion waits on this document."))
	default:
		p.Count.SetText(fmt.Sprintf(lang.L("%s waiting · Enter accepts, Backspace rejects"), msg.Plural(p.pending, "suggestion")))
	}
	if p.shown && p.pending > 0 {
		p.Accept.Enable()
	} else {
		p.Accept.Disable()
	}
}

// Sources says who suggests s and how sure each is: "places.tsv 1.00, model-3 0.62".
func Sources(s article.Suggested) string {
	parts := make([]string, len(s.Sources))
	for i, g := range s.Sources {
		parts[i] = fmt.Sprintf("%s %.2f", g.Source, g.Score)
	}
	return strings.Join(parts, ", ")
}

// Describe says what the status bar shows of suggestion s when it is selected (keys set, with
// what the keys do) or when the pointer rests on it.
func Describe(s article.Suggested, keys bool) string {
	text := fmt.Sprintf(lang.L("Suggested: %s %s, by %s."), s.Label, msg.Quote(s.Text), Sources(s))
	if s.Others > 0 {
		text += " " + fmt.Sprintf(lang.L("%d more suggested here: click it again to see the next."), s.Others)
	}
	if keys {
		text += " " + lang.L("Enter accepts it, Backspace rejects it, a label key labels the words otherwise.")
	}
	return text
}
