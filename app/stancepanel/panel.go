// Package stancepanel is the column at the end of the article (its left, in Arabic; its right,
// in English) where the annotator gives the
// document a stance toward each target of the schema and sees the evidence marked for each: a
// card per target, with a toggle button per stance label and a row per evidence span. It owns
// its cards, the current target and the keys of the stance labels; the window gives it the
// schema and the document's stances and spans, and learns of clicks through its callbacks.
package stancepanel

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/article"
	"github.com/tawsim/tawsim/app/mirror"
	"github.com/tawsim/tawsim/app/msg"
	"github.com/tawsim/tawsim/app/palette"
	"github.com/tawsim/tawsim/labels"
)

// Panel is the stance panel.
type Panel struct {
	// OnChoose is called when the annotator clicks stance label l on the card of the i-th
	// target.
	OnChoose func(i int, l labels.Label)
	// OnSelectEvidence and OnRemoveEvidence are called when the annotator clicks an evidence
	// row, or its remove button.
	OnSelectEvidence, OnRemoveEvidence func(labels.Span)
	// OnTargets is called by the Targets… button.
	OnTargets func()

	schema labels.Schema
	keys   Keys
	target int // the current target: its index in schema.Targets

	// what Show was given last
	open    bool
	stances map[string]string
	spans   []labels.Span

	hint   mirror.Texter // the keys, or what to do when the project has no targets
	cards  *fyne.Container
	scroll *container.Scroll
	list   []*Card
	object fyne.CanvasObject
}

// noEvidence is what the current target's evidence list says while it is empty, with the
// evidence keys.
func noEvidence(keys string) string {
	return lang.X("stance.no_evidence", "No evidence yet: select the words that show the stance, then press {{.Keys}}.", msg.M{"Keys": keys})
}

// New returns the panel, without targets until SetSchema.
func New() *Panel {
	p := &Panel{hint: mirror.Caption(""), cards: container.NewVBox()}
	p.cards.Layout = layout.NewCustomPaddedVBoxLayout(theme.Padding() * 2)
	if l, ok := p.hint.(*widget.Label); ok {
		l.Importance = widget.MediumImportance
		l.SizeName = theme.SizeNameCaptionText
	}
	title := widget.NewLabel(lang.X("stance.title", "Stance"))
	title.TextStyle.Bold = true
	targets := widget.NewButton(lang.X("stance.targets_button", "Targets…"), func() {
		if p.OnTargets != nil {
			p.OnTargets()
		}
	})
	targets.Importance = widget.LowImportance
	p.scroll = container.NewVScroll(p.cards)
	top := container.NewVBox(mirror.Border(nil, nil, nil, targets, title), p.hint)
	p.object = container.NewBorder(top, nil, nil, nil, p.scroll)
	return p
}

// Object returns what the window lays out.
func (p *Panel) Object() fyne.CanvasObject { return p.object }

// SetSchema makes a card per target of sc, the keys of its stance labels (taken are the keys
// that other actions have), and keeps the current target current when sc still has it.
func (p *Panel) SetSchema(sc labels.Schema, taken map[rune]bool) {
	cur, had := p.Current()
	p.schema, p.keys, p.target = sc, NewKeys(sc, taken), 0
	if i := targetIndex(sc, cur.ID); had && i >= 0 {
		p.target = i
	}
	p.list = p.list[:0]
	var objs []fyne.CanvasObject
	for i, t := range sc.Targets {
		c := p.newCard(i, t)
		p.list = append(p.list, c)
		objs = append(objs, c.box)
	}
	switch {
	case len(sc.Targets) == 0:
		p.hint.SetText(lang.X("stance.no_targets", "This project has no stance targets yet. Add the people, bodies or claims "+
			"that articles take a side on with Targets… (Stance menu)."))
	case len(sc.StanceLabels) == 0:
		p.hint.SetText(lang.X("stance.no_labels", "This project has no stance labels."))
	default:
		p.hint.SetText(lang.X("stance.hint", "t: next target (T: previous) · {{.Keys}}: the document's stance toward it, "+
			"again to clear · select words, then {{.Mark}}: evidence", msg.M{"Keys": p.keys.List(" "), "Mark": p.keys.Mark()}))
	}
	p.cards.Objects = objs
	p.cards.Refresh()
	p.Show(p.open, p.stances, p.spans)
}

// Keys returns the keys of the stance labels.
func (p *Panel) Keys() Keys { return p.keys }

// Show shows the document stance chosen toward each target (open is false when no document
// is open), the current target, and the evidence spans of the document under their targets.
func (p *Panel) Show(open bool, stances map[string]string, spans []labels.Span) {
	p.open, p.stances, p.spans = open, stances, spans
	primary := theme.Color(theme.ColorNamePrimary)
	for i, c := range p.list {
		chosen := stances[c.target.ID]
		for _, b := range c.buttons {
			b.SetSelected(b.Label().Name == chosen)
		}
		if i == p.target {
			fill := color.NRGBAModel.Convert(primary).(color.NRGBA)
			fill.A = 0x1c
			c.bg.FillColor, c.bg.StrokeColor, c.bg.StrokeWidth = fill, primary, 2
		} else {
			c.bg.FillColor, c.bg.StrokeColor, c.bg.StrokeWidth = color.Transparent, theme.Color(theme.ColorNameSeparator), 1
		}
		c.bg.Refresh()
		var rows []fyne.CanvasObject
		for _, sp := range spans {
			if sp.Kind == labels.KindStance && sp.Target == c.target.ID {
				rows = append(rows, p.newEvidenceRow(sp))
			}
		}
		if len(rows) == 0 && i == p.target && open {
			none := mirror.Caption(noEvidence(p.keys.Mark()))
			if l, ok := none.(*widget.Label); ok {
				l.SizeName = theme.SizeNameCaptionText
				l.Alignment = fyne.TextAlignTrailing
			}
			rows = append(rows, none)
		}
		c.evidence.Objects = rows
		c.evidence.Refresh()
	}
	p.cards.Refresh() // the cards' heights follow their evidence
	p.scroll.Refresh()
}

// Current returns the current target, and false when the schema has none.
func (p *Panel) Current() (labels.Target, bool) {
	if p.target < 0 || p.target >= len(p.schema.Targets) {
		return labels.Target{}, false
	}
	return p.schema.Targets[p.target], true
}

// Index returns the index of the current target in the schema's targets.
func (p *Panel) Index() int { return p.target }

// SetTarget makes the target with the given id the current one, when the schema has it.
func (p *Panel) SetTarget(id string) {
	if i := targetIndex(p.schema, id); i >= 0 {
		p.Select(i)
	}
}

// Select makes the i-th target the current one, outlined and scrolled to.
func (p *Panel) Select(i int) {
	if i == p.target || i < 0 || i >= len(p.schema.Targets) {
		return
	}
	p.target = i
	p.Show(p.open, p.stances, p.spans)
	p.scrollToTarget()
}

// Move makes the target d places after (before, when negative) the current one current,
// going round at the ends, and returns it; false when the schema has no targets.
func (p *Panel) Move(d int) (labels.Target, bool) {
	n := len(p.schema.Targets)
	if n == 0 {
		return labels.Target{}, false
	}
	p.target = ((p.target+d)%n + n) % n
	p.Show(p.open, p.stances, p.spans)
	p.scrollToTarget()
	return p.schema.Targets[p.target], true
}

// scrollToTarget scrolls the panel to the current target's card.
func (p *Panel) scrollToTarget() {
	if p.target < 0 || p.target >= len(p.list) {
		return
	}
	box := p.list[p.target].box
	top, bottom := box.Position().Y, box.Position().Y+box.Size().Height
	off, view := p.scroll.Offset.Y, p.scroll.Size().Height
	switch {
	case top < off:
		p.scroll.ScrollToOffset(fyne.NewPos(0, top))
	case bottom > off+view:
		p.scroll.ScrollToOffset(fyne.NewPos(0, max(0, min(top, bottom-view))))
	}
}

// targetIndex returns the index of the target with the given id in sc.Targets, or -1.
func targetIndex(sc labels.Schema, id string) int {
	for i, t := range sc.Targets {
		if t.ID == id {
			return i
		}
	}
	return -1
}

// Cards returns the cards of the targets, in the schema's order.
func (p *Panel) Cards() []*Card { return p.list }

// Chosen returns the stance label each card shows chosen, by target id.
func (p *Panel) Chosen() map[string]string {
	out := map[string]string{}
	for _, c := range p.list {
		for _, b := range c.buttons {
			if b.Selected() {
				out[c.target.ID] = b.Label().Name
			}
		}
	}
	return out
}

// Card is one target in the stance panel: its Arabic and English names, a toggle button per
// stance label, and the evidence spans toward it.
type Card struct {
	target   labels.Target
	bg       *canvas.Rectangle // outlines the current target
	buttons  []*palette.Button
	evidence *fyne.Container // an EvidenceRow per evidence span, or what to do
	box      fyne.CanvasObject
}

// newCard makes the card of target t, the i-th of the schema.
func (p *Panel) newCard(i int, t labels.Target) *Card {
	c := &Card{target: t, bg: &canvas.Rectangle{CornerRadius: 6}}
	name := t.NameAr
	if name == "" {
		name = t.Name
	}
	title := article.NewLabel(name)
	title.Truncation = fyne.TextTruncateEllipsis
	title.TextSize = theme.TextSize() * 1.15
	head := []fyne.CanvasObject{title}
	if t.NameAr != "" {
		en := canvas.NewText(t.Name, theme.Color(theme.ColorNamePlaceHolder))
		en.TextSize = theme.CaptionTextSize()
		en.Alignment = fyne.TextAlignTrailing
		head = append(head, en)
	}
	var grid []fyne.CanvasObject
	for _, l := range p.schema.StanceLabels {
		shown := l
		if !p.keys.Has(l) {
			shown.Hotkey = "" // another key takes it: no badge
		}
		b := palette.NewButton(shown, func() {
			if p.OnChoose != nil {
				p.OnChoose(i, l)
			}
		})
		b.Toggle = true
		c.buttons = append(c.buttons, b)
		grid = append(grid, b)
	}
	c.evidence = container.NewVBox()
	body := container.NewVBox(append(head, mirror.Grid(2, grid...), c.evidence)...)
	c.box = container.NewStack(c.bg, container.NewPadded(body))
	return c
}

// Target returns the card's target.
func (c *Card) Target() labels.Target { return c.target }

// Buttons returns the card's stance label buttons.
func (c *Card) Buttons() []*palette.Button { return c.buttons }

// Outlined reports whether the card is outlined as the current target's.
func (c *Card) Outlined() bool { return c.bg.StrokeWidth == 2 }

// Evidence returns the rows of the evidence spans the card lists.
func (c *Card) Evidence() []*EvidenceRow {
	var out []*EvidenceRow
	for _, o := range c.evidence.Objects {
		if r, ok := o.(*EvidenceRow); ok {
			out = append(out, r)
		}
	}
	return out
}
