package review

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/article"
	"github.com/tawsim/tawsim/app/doclist"
	"github.com/tawsim/tawsim/app/msg"
	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// MaxAnnotators is how many annotators a review numbers, draws a lane for and gives a key
// (1 to 9).
const MaxAnnotators = 9

// State is what the panel shows: the work on the document open, whose it is, the gold, and
// what the curator points at.
type State struct {
	Work    store.DocumentWork
	Panel   []string // the annotators under review, numbered from 1 in this order
	Curator string
	Gold    []labels.Span     // the curator's spans of the document
	Stances map[string]string // the curator's stance labels, by target id
	Range   *Range            // the words or the gold span selected; nil for none
	Target  labels.Target     // the current target; no ID when the project has none
	Targets []labels.Target   // the schema's
}

// Panel shows a review of the document open: for each annotator, their number (the key that
// takes their span), name and status, and their span under the selection or their stance
// toward the current target; what the majority gave; and what is left to settle.
type Panel struct {
	summary *widget.Label
	rows    *fyne.Container
	major   *article.Label
	stance  *article.Label
	object  fyne.CanvasObject
}

// New returns an empty panel.
func New() *Panel {
	p := &Panel{summary: widget.NewLabel(""), rows: container.NewVBox(), major: article.NewLabel(""), stance: article.NewLabel("")}
	p.summary.Wrapping = fyne.TextWrapWord
	title := widget.NewLabel(lang.L("Review"))
	title.TextStyle.Bold = true
	keys := widget.NewLabel(lang.L("1–9: take that annotator's span under the selection (with nothing selected, " +
		"their stance toward the target) · Enter: the majority's · Delete: remove the gold span selected · " +
		"[ ]: previous, next difference · D: curated, next"))
	keys.Wrapping = fyne.TextWrapWord
	keys.SizeName = theme.SizeNameCaptionText
	keys.Importance = widget.LowImportance
	p.major.Truncation = fyne.TextTruncateEllipsis
	p.stance.Truncation = fyne.TextTruncateEllipsis
	p.object = container.NewVBox(title, p.summary, p.rows, p.major, p.stance, keys, widget.NewSeparator())
	return p
}

// Object returns what the window lays out.
func (p *Panel) Object() fyne.CanvasObject { return p.object }

// Summary returns what the panel says of the document as a whole.
func (p *Panel) Summary() string { return p.summary.Text }

// Lines returns the text of each annotator's rows, of the majority's and of the stances, one
// a line: what the panel shows, for tests and for reading aloud.
func (p *Panel) Lines() []string {
	var out []string
	for _, o := range p.rows.Objects {
		out = append(out, rowText(o))
	}
	return append(out, p.major.Text(), p.stance.Text())
}

// rowText returns the texts of a row's labels joined by spaces.
func rowText(o fyne.CanvasObject) string {
	var parts []string
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch o := o.(type) {
		case *fyne.Container:
			for _, c := range o.Objects {
				walk(c)
			}
		case *article.Label:
			parts = append(parts, o.Text())
		case *widget.Label:
			parts = append(parts, o.Text)
		case *canvas.Text:
			parts = append(parts, o.Text)
		}
	}
	walk(o)
	return strings.Join(parts, " ")
}

// Show shows s.
func (p *Panel) Show(s State) {
	worked := 0
	for _, name := range s.Panel {
		if _, ok := s.Work.Of(name); ok {
			worked++
		}
	}
	pending := Pending(s.Work, s.Panel, s.Curator, s.Gold)
	undecided := Undecided(s.Work, s.Panel, s.Stances, s.Targets)
	switch worked {
	case 0:
		p.summary.SetText(lang.L("No annotator has worked on this document yet."))
	case 1:
		p.summary.SetText(fmt.Sprintf(lang.L("One annotator worked on this document: %s of theirs not in the gold; one annotation is no agreement."),
			msg.Plural(len(pending), "span")))
	default:
		p.summary.SetText(fmt.Sprintf(lang.L("%d annotators worked on this document. %s of theirs not in the gold (drawn full in their lanes); %s without a gold stance."),
			worked, msg.Plural(len(pending), "span"), msg.Plural(len(undecided), "target")))
	}
	var rows []fyne.CanvasObject
	for k, name := range s.Panel {
		if k == MaxAnnotators {
			break
		}
		rows = append(rows, p.row(k, name, s))
	}
	p.rows.Objects = rows
	p.rows.Refresh()
	p.major.SetText(p.majority(s))
	p.stance.SetText(p.stances(s))
}

// row returns annotator k's lines: number, name, status and spans, then what they made under
// the selection, or their stance toward the current target when nothing is selected.
func (p *Panel) row(k int, name string, s State) fyne.CanvasObject {
	w, ok := s.Work.Of(name)
	who := article.NewLabel(name)
	var about string
	switch {
	case !ok:
		about = lang.L("did not work on it")
	default:
		about = fmt.Sprintf("%s · %s", doclist.StatusText(w.Status), msg.Plural(entities(w.Spans), "span"))
	}
	head := container.NewHBox(chip(k+1), who, widget.NewLabel(about))
	what := article.NewLabel(p.under(name, w, ok, s))
	what.Truncation = fyne.TextTruncateEllipsis
	return container.NewVBox(head, what)
}

// under says what annotator name (work w) made under the selection, or their stance.
func (p *Panel) under(name string, w store.Work, ok bool, s State) string {
	if !ok {
		return "—"
	}
	if s.Range == nil {
		if s.Target.ID == "" {
			return ""
		}
		if l := StanceOf(s.Work, name, s.Target.ID); l != "" {
			return fmt.Sprintf(lang.L("%s toward %s"), l, msg.Quote(s.Target.Name))
		}
		return fmt.Sprintf(lang.L("no stance toward %s"), msg.Quote(s.Target.Name))
	}
	sp, found := Pick(w.Spans, *s.Range)
	if !found {
		return lang.L("nothing here")
	}
	return describe(sp, s)
}

// describe names a span: `ORG "الجيش الوطني"`, with "(in the gold)" when the gold holds it.
func describe(sp labels.Span, s State) string {
	out := sp.Label + " " + msg.Quote(sp.Text)
	if sp.Kind == labels.KindStance {
		out = sp.Label + " " + lang.L("evidence") + " " + msg.Quote(sp.Text)
	}
	if g, ok := InGold(s.Gold, sp); ok && g.Label == sp.Label {
		out += " " + lang.L("(in the gold)")
	}
	return out
}

// majority says what Enter takes.
func (p *Panel) majority(s State) string {
	if s.Range != nil {
		m := Majority(s.Work, s.Panel, s.Curator, s.Gold, *s.Range)
		if len(m) == 0 {
			return lang.L("Enter: no span of the majority here that the gold lacks")
		}
		parts := make([]string, len(m))
		for i, sp := range m {
			parts[i] = sp.Label + " " + msg.Quote(sp.Text)
		}
		return lang.L("Enter takes") + " " + strings.Join(parts, ", ")
	}
	if s.Target.ID == "" {
		return ""
	}
	if l, ok := MajorityStance(s.Work, s.Panel, s.Curator, s.Target.ID); ok {
		return fmt.Sprintf(lang.L("Enter takes %s, the majority's stance toward %s"), l, msg.Quote(s.Target.Name))
	}
	return fmt.Sprintf(lang.L("No majority stance toward %s"), msg.Quote(s.Target.Name))
}

// stances sums up the votes toward the current target and the gold's stance.
func (p *Panel) stances(s State) string {
	if s.Target.ID == "" {
		return ""
	}
	prop := store.Propose(s.Work, store.Panel{Curator: s.Curator, Annotators: s.Panel}, store.RuleMajority)
	var votes []string
	for _, v := range prop.Stances {
		if v.Target == s.Target.ID {
			votes = append(votes, fmt.Sprintf("%s %d", v.Label, len(v.By)))
		}
	}
	gold := s.Stances[s.Target.ID]
	if gold == "" {
		gold = "—"
	}
	if len(votes) == 0 {
		votes = []string{lang.L("none")}
	}
	return fmt.Sprintf(lang.L("%s · gold: %s · toward %s"), strings.Join(votes, " · "), gold, msg.Quote(s.Target.Name))
}

// entities counts the entity spans of spans.
func entities(spans []labels.Span) int {
	n := 0
	for _, sp := range spans {
		if sp.Kind == labels.KindEntity {
			n++
		}
	}
	return n
}

// chip returns annotator number n in a small rounded box: the key that takes their span and
// the lane (from the top) where their spans are drawn.
func chip(n int) fyne.CanvasObject {
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	bg.CornerRadius = 4
	bg.StrokeColor, bg.StrokeWidth = theme.Color(theme.ColorNameForeground), 1
	t := canvas.NewText(fmt.Sprint(n), theme.Color(theme.ColorNameForeground))
	t.TextStyle.Bold = true
	t.Alignment = fyne.TextAlignCenter
	size := t.MinSize()
	box := canvas.NewRectangle(color.Transparent)
	box.SetMinSize(fyne.NewSize(max(size.Width+8, size.Height+2), size.Height+2))
	return container.NewStack(box, bg, container.NewCenter(t))
}
