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
	"github.com/tawsim/tawsim/app/locale"
	"github.com/tawsim/tawsim/app/mirror"
	"github.com/tawsim/tawsim/app/msg"
	"github.com/tawsim/tawsim/app/palette"
	"github.com/tawsim/tawsim/arabic/bidi"
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
	Schema  labels.Schema     // whose labels' names the panel shows
}

// Panel shows a review of the document open: for each annotator, their number (the key that
// takes their span), name and status, and their span under the selection or their stance
// toward the current target; what the majority gave; and what is left to settle. In a
// right-to-left window its rows run from the right.
type Panel struct {
	summary mirror.Texter
	said    string // what summary says
	rows    *fyne.Container
	major   *article.Label
	stance  *article.Label
	object  fyne.CanvasObject
}

// New returns an empty panel.
func New() *Panel {
	p := &Panel{summary: mirror.Text(""), rows: container.NewVBox(), major: line(""), stance: line("")}
	title := widget.NewLabel(lang.X("review.title", "Review"))
	title.TextStyle.Bold = true
	title.Alignment = mirror.Align(false)
	keys := mirror.Caption(lang.X("review.keys", "1–9: take that annotator's span under the selection (with nothing selected, "+
		"their stance toward the target) · Enter: the majority's · Delete: remove the gold span selected · "+
		"[ ]: previous, next difference · D: curated, next"))
	p.major.Truncation = fyne.TextTruncateEllipsis
	p.stance.Truncation = fyne.TextTruncateEllipsis
	p.object = container.NewVBox(title, p.summary, p.rows, p.major, p.stance, keys, widget.NewSeparator())
	return p
}

// line returns a label of one line of the panel: the article's label, which draws the words of
// a document quoted in it in their order, from the right in a right-to-left window.
func line(text string) *article.Label {
	if locale.RTL() {
		return article.NewLabelDir(msg.IsolateLatin(text), bidi.RightToLeft)
	}
	return article.NewLabel(text)
}

// setLine shows text in l, a line.
func setLine(l *article.Label, text string) {
	if locale.RTL() {
		text = msg.IsolateLatin(text)
	}
	l.SetText(text)
}

// Object returns what the window lays out.
func (p *Panel) Object() fyne.CanvasObject { return p.object }

// Summary returns what the panel says of the document as a whole.
func (p *Panel) Summary() string { return p.said }

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
		case *mirror.Words:
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
		p.said = lang.X("review.nobody", "No annotator has worked on this document yet.")
	case 1:
		p.said = msg.Count("review.one", "One annotator worked on this document: {{.N}} spans of theirs not in the gold; one annotation is no agreement.",
			len(pending))
	default:
		p.said = msg.CountWith("review.many", "{{.N}} annotators worked on this document. {{.Spans}} of theirs not in the gold (drawn full in their lanes); {{.Targets}} without a gold stance.",
			worked, msg.M{"Spans": msg.Count("review.spans", "{{.N}} spans", len(pending)), "Targets": msg.Count("review.targets", "{{.N}} targets", len(undecided))})
	}
	p.summary.SetText(p.said)
	var rows []fyne.CanvasObject
	for k, name := range s.Panel {
		if k == MaxAnnotators {
			break
		}
		rows = append(rows, p.row(k, name, s))
	}
	p.rows.Objects = rows
	p.rows.Refresh()
	setLine(p.major, p.majority(s))
	setLine(p.stance, p.stances(s))
}

// row returns annotator k's lines: number, name, status and spans, then what they made under
// the selection, or their stance toward the current target when nothing is selected.
func (p *Panel) row(k int, name string, s State) fyne.CanvasObject {
	w, ok := s.Work.Of(name)
	who := article.NewLabel(name)
	var about string
	switch {
	case !ok:
		about = lang.X("review.did_not", "did not work on it")
	default:
		about = doclist.StatusText(w.Status) + " · " + msg.Count("review.spans", "{{.N}} spans", entities(w.Spans))
	}
	head := mirror.Row(chip(k+1), who, mirror.Label(about))
	what := line(p.under(name, w, ok, s))
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
			return lang.X("review.toward", "{{.Label}} toward {{.Target}}", msg.M{"Label": stanceName(s, l), "Target": targetName(s.Target)})
		}
		return lang.X("review.no_stance", "no stance toward {{.Target}}", msg.M{"Target": targetName(s.Target)})
	}
	sp, found := Pick(w.Spans, *s.Range)
	if !found {
		return lang.X("review.nothing", "nothing here")
	}
	return describe(sp, s)
}

// describe names a span: `ORG "الجيش الوطني"`, with "(in the gold)" when the gold holds it.
func describe(sp labels.Span, s State) string {
	out := spanName(s, sp) + " " + msg.Quote(sp.Text)
	if g, ok := InGold(s.Gold, sp); ok && g.Label == sp.Label {
		out += " " + lang.X("review.in_gold", "(in the gold)")
	}
	return out
}

// spanName names what span sp is, in the window's language: its entity label, or "FAVOR
// evidence".
func spanName(s State, sp labels.Span) string {
	if sp.Kind == labels.KindStance {
		return lang.X("span.evidence_of", "{{.Label}} evidence", msg.M{"Label": stanceName(s, sp.Label)})
	}
	if l, ok := s.Schema.Entity(sp.Label); ok {
		return msg.Name(palette.Name(l))
	}
	return msg.Name(sp.Label)
}

// stanceName names the stance label with the given code, in the window's language.
func stanceName(s State, code string) string {
	if l, ok := s.Schema.Stance(code); ok {
		return msg.Name(palette.Name(l))
	}
	return msg.Name(code)
}

// targetName names target t, quoted: its Arabic name in a right-to-left window when it has one.
func targetName(t labels.Target) string {
	if locale.RTL() && t.NameAr != "" {
		return msg.Quote(t.NameAr)
	}
	return msg.Quote(t.Name)
}

// majority says what Enter takes.
func (p *Panel) majority(s State) string {
	if s.Range != nil {
		m := Majority(s.Work, s.Panel, s.Curator, s.Gold, *s.Range)
		if len(m) == 0 {
			return lang.X("review.no_majority_span", "Enter: no span of the majority here that the gold lacks")
		}
		parts := make([]string, len(m))
		for i, sp := range m {
			parts[i] = spanName(s, sp) + " " + msg.Quote(sp.Text)
		}
		return lang.X("review.enter_takes", "Enter takes {{.Spans}}", msg.M{"Spans": strings.Join(parts, lang.X("list.comma", ", "))})
	}
	if s.Target.ID == "" {
		return ""
	}
	if l, ok := MajorityStance(s.Work, s.Panel, s.Curator, s.Target.ID); ok {
		return lang.X("review.enter_stance", "Enter takes {{.Label}}, the majority's stance toward {{.Target}}",
			msg.M{"Label": stanceName(s, l), "Target": targetName(s.Target)})
	}
	return lang.X("review.no_majority_stance", "No majority stance toward {{.Target}}", msg.M{"Target": targetName(s.Target)})
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
			votes = append(votes, stanceName(s, v.Label)+" "+msg.Thousands(len(v.By)))
		}
	}
	gold := "—"
	if l := s.Stances[s.Target.ID]; l != "" {
		gold = stanceName(s, l)
	}
	if len(votes) == 0 {
		votes = []string{lang.X("review.no_votes", "none")}
	}
	return lang.X("review.votes", "{{.Votes}} · gold: {{.Gold}} · toward {{.Target}}",
		msg.M{"Votes": strings.Join(votes, " · "), "Gold": gold, "Target": targetName(s.Target)})
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
