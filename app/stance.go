package app

import (
	"context"
	"errors"
	"fmt"
	"image/color"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/article"
	"github.com/tawsim/tawsim/labels"
)

// stancePanel is the column at the left of the article where the annotator gives the document
// a stance toward each target of the schema, and sees the evidence marked for each.
type stancePanel struct {
	hint   *widget.Label   // the keys, or what to do when the project has no targets
	cards  *fyne.Container // a card per target, in the schema's order
	scroll *container.Scroll
	list   []*targetCard
}

// targetCard is one target in the stance panel: its Arabic and English names, a toggle button
// per stance label, and the evidence spans toward it.
type targetCard struct {
	target   labels.Target
	bg       *canvas.Rectangle // outlines the current target
	buttons  []*labelButton
	evidence *fyne.Container // an evidenceRow per evidence span, or noEvidence
	box      fyne.CanvasObject
}

// noEvidence is what the current target's evidence list says while it is empty; %s names the
// evidence keys.
const noEvidence = "No evidence yet: select the words that show the stance, then press %s."

// stanceColumn makes the stance panel: a title with the keys, the targets' cards, and the
// button that edits the targets.
func (w *Window) stanceColumn() fyne.CanvasObject {
	p := &stancePanel{hint: widget.NewLabel(""), cards: container.NewVBox()}
	p.cards.Layout = layout.NewCustomPaddedVBoxLayout(theme.Padding() * 2)
	w.stance = p
	p.hint.Wrapping = fyne.TextWrapWord
	p.hint.SizeName = theme.SizeNameCaptionText
	title := widget.NewLabel("Stance")
	title.TextStyle.Bold = true
	targets := widget.NewButton("Targets…", w.unlessDialog(w.showTargets))
	targets.Importance = widget.LowImportance
	p.scroll = container.NewVScroll(p.cards)
	top := container.NewVBox(container.NewBorder(nil, nil, nil, targets, title), p.hint)
	return container.NewBorder(top, nil, nil, nil, p.scroll)
}

// setStancePanel makes a card per target of the schema.
func (w *Window) setStancePanel() {
	p := w.stance
	p.list = p.list[:0]
	var objs []fyne.CanvasObject
	for i, t := range w.schema.Targets {
		c := w.newTargetCard(i, t)
		p.list = append(p.list, c)
		objs = append(objs, c.box)
	}
	switch {
	case len(w.schema.Targets) == 0:
		p.hint.SetText("This project has no stance targets yet. Add the people, bodies or claims " +
			"that articles take a side on with Targets… (Stance menu).")
	case len(w.schema.StanceLabels) == 0:
		p.hint.SetText("This project has no stance labels.")
	default:
		p.hint.SetText(fmt.Sprintf("t: next target (T: previous) · %s: the document's stance toward it, "+
			"again to clear · select words, then %s: evidence", w.stanceKeyList(" "), w.markKeys()))
	}
	p.cards.Objects = objs
	p.cards.Refresh()
}

// newTargetCard makes the card of target t, the i-th of the schema.
func (w *Window) newTargetCard(i int, t labels.Target) *targetCard {
	c := &targetCard{target: t, bg: &canvas.Rectangle{CornerRadius: 6}}
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
	grid := container.NewGridWithColumns(2)
	for _, l := range w.schema.StanceLabels {
		shown := l
		if !w.hasStanceKey(l) {
			shown.Hotkey = "" // another key takes it: no badge
		}
		b := newLabelButton(shown, func() {
			w.chooseStance(i, l)
			w.focusArticle()
		})
		b.toggle = true
		c.buttons = append(c.buttons, b)
		grid.Add(b)
	}
	c.evidence = container.NewVBox()
	body := container.NewVBox(append(head, grid, c.evidence)...)
	c.box = container.NewStack(c.bg, container.NewPadded(body))
	return c
}

// showStance shows the document stance chosen toward each target (none when no document is
// open), the current target, and the evidence spans of the document under their targets.
func (w *Window) showStance() {
	p := w.stance
	if p == nil {
		return
	}
	primary := theme.Color(theme.ColorNamePrimary)
	for i, c := range p.list {
		chosen := w.stances[c.target.ID]
		for _, b := range c.buttons {
			b.setSelected(b.label.Name == chosen)
		}
		if i == w.target {
			fill := color.NRGBAModel.Convert(primary).(color.NRGBA)
			fill.A = 0x1c
			c.bg.FillColor, c.bg.StrokeColor, c.bg.StrokeWidth = fill, primary, 2
		} else {
			c.bg.FillColor, c.bg.StrokeColor, c.bg.StrokeWidth = color.Transparent, theme.Color(theme.ColorNameSeparator), 1
		}
		c.bg.Refresh()
		var rows []fyne.CanvasObject
		for _, sp := range w.spans {
			if sp.Kind == labels.KindStance && sp.Target == c.target.ID {
				rows = append(rows, w.newEvidenceRow(sp))
			}
		}
		if len(rows) == 0 && i == w.target && w.doc.ID != "" {
			none := widget.NewLabel(fmt.Sprintf(noEvidence, w.markKeys()))
			none.Wrapping = fyne.TextWrapWord
			none.Importance = widget.LowImportance
			none.SizeName = theme.SizeNameCaptionText
			none.Alignment = fyne.TextAlignTrailing
			rows = append(rows, none)
		}
		c.evidence.Objects = rows
		c.evidence.Refresh()
	}
	p.cards.Refresh() // the cards' heights follow their evidence
	p.scroll.Refresh()
}

// currentTarget returns the current stance target, and false when the schema has none.
func (w *Window) currentTarget() (labels.Target, bool) {
	if w.target < 0 || w.target >= len(w.schema.Targets) {
		return labels.Target{}, false
	}
	return w.schema.Targets[w.target], true
}

// setTarget makes the target with the given id the current one, when the schema has it.
func (w *Window) setTarget(id string) {
	if i := targetIndex(w.schema, id); i >= 0 && i != w.target {
		w.target = i
		w.showStance()
		w.scrollToTarget()
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

// targetName names the target with the given id for messages: its English name, else its id.
func (w *Window) targetName(id string) string {
	if t, ok := w.schema.Target(id); ok {
		return t.Name
	}
	return id
}

// moveTarget makes the target d places after (before, when negative) the current one current,
// going round at the ends.
func (w *Window) moveTarget(d int) {
	n := len(w.schema.Targets)
	if n == 0 {
		w.say("This project has no stance targets: add one with Stance → Targets….")
		return
	}
	w.target = ((w.target+d)%n + n) % n
	w.showStance()
	w.scrollToTarget()
	t := w.schema.Targets[w.target]
	chosen := "no stance chosen"
	if l := w.stances[t.ID]; l != "" {
		chosen = "stance " + l
	}
	w.say("Target %d of %d: %s (%s). Press %s to choose the document's stance toward it.",
		w.target+1, n, t.Name, chosen, w.stanceKeyList(", "))
}

// scrollToTarget scrolls the stance panel to the current target's card.
func (w *Window) scrollToTarget() {
	p := w.stance
	if w.target < 0 || w.target >= len(p.list) {
		return
	}
	box := p.list[w.target].box
	top, bottom := box.Position().Y, box.Position().Y+box.Size().Height
	off, view := p.scroll.Offset.Y, p.scroll.Size().Height
	switch {
	case top < off:
		p.scroll.ScrollToOffset(fyne.NewPos(0, top))
	case bottom > off+view:
		p.scroll.ScrollToOffset(fyne.NewPos(0, max(0, min(top, bottom-view))))
	}
}

// stanceKey handles the keys of the stance panel that are not stance labels: t, T (the next
// and previous target) and e (evidence with the target's stance), and reports whether r was
// one of them.
func (w *Window) stanceKey(r rune) bool {
	switch r {
	case 't', 'ف':
		w.moveTarget(1)
	case 'T':
		w.moveTarget(-1)
	case 'e', 'E', 'ث':
		w.markChosenEvidence()
	default:
		return false
	}
	return true
}

// chooseStance gives the document open label l as its stance toward the i-th target, which
// becomes the current one; when l is the stance it has already, it clears it. One
// SetDocStance or ClearDocStance, after setting the document in progress when the annotator
// had not touched it yet. Whether it sets or clears is decided by the project file, in the
// window's queue, so that a key pressed twice quickly clears what the first press set.
func (w *Window) chooseStance(i int, l labels.Label) {
	if !w.ready() {
		return
	}
	if i < 0 || i >= len(w.schema.Targets) {
		w.say("This project has no stance targets: add one with Stance → Targets….")
		return
	}
	if i != w.target {
		w.target = i
		w.showStance()
		w.scrollToTarget()
	}
	t := w.schema.Targets[i]
	st, name, doc := w.cfg.Store, w.cfg.Annotator, w.doc.ID
	w.saveTouching(func(ctx context.Context) (func(), error) {
		list, err := st.DocStances(ctx, doc, name) // after the writes before it: the queue keeps order
		if err != nil {
			return nil, err
		}
		old := ""
		for _, ds := range list {
			if ds.Target == t.ID {
				old = ds.Label
			}
		}
		now := l.Name
		err = retriedErr(w, func() error {
			if old == l.Name {
				now = ""
				return st.ClearDocStance(ctx, doc, name, t.ID)
			}
			return st.SetDocStance(ctx, labels.DocStance{DocID: doc, Annotator: name, Target: t.ID, Label: l.Name})
		})
		if err != nil {
			return nil, err
		}
		return func() {
			if w.doc.ID == doc {
				if w.stances == nil {
					w.stances = map[string]string{}
				}
				if now == "" {
					delete(w.stances, t.ID)
				} else {
					w.stances[t.ID] = now
				}
				w.showStance()
			}
			switch {
			case now == "":
				w.say("Cleared the stance toward %s (was %s).", t.Name, old)
			case old == "":
				w.say("Stance toward %s: %s. The same key again clears it.", t.Name, now)
			default:
				w.say("Stance toward %s: %s (was %s).", t.Name, now, old)
			}
		}, nil
	}, nil, func(err error) bool { return w.refuseStance(err, t, l) })
}

// refuseStance explains in the status bar why a document stance was not written, and reports
// whether err was such a refusal.
func (w *Window) refuseStance(err error, t labels.Target, l labels.Label) bool {
	switch {
	case errors.Is(err, labels.ErrUnknownTarget):
		w.warn("%s is not a stance target of this project any more: choose another one.", t.Name)
		w.reloadSchema()
	case errors.Is(err, labels.ErrUnknownLabel):
		w.warn("%s is not a stance label of this project any more.", l.Name)
		w.reloadSchema()
	case errors.Is(err, labels.ErrNoAnnotator):
		w.askName(true)
	default:
		return false
	}
	return true
}

// reloadSchema reads the schema again and shows it (another program changed it).
func (w *Window) reloadSchema() {
	st := w.cfg.Store
	w.do(func(ctx context.Context) func() {
		sc, err := st.Schema(ctx)
		return func() {
			if err != nil {
				w.showError(fmt.Errorf("read the label schema: %w", err))
				return
			}
			w.setSchema(sc)
		}
	})
}

// focusArticle gives the keyboard focus back to the article after a click elsewhere, so that
// its keys (the arrows, Escape) work at once.
func (w *Window) focusArticle() {
	if !w.dialogOpen() && w.doc.ID != "" {
		w.win.Canvas().Focus(w.article)
	}
}

// The keys that the window takes before the stance labels' hotkeys: a stance label whose hotkey
// is one of them (or an entity label's) has no key.
var windowKeys = []rune("tTفeEثjJkKdDsSتنيس!?؟cCؤ")

// arabicKeys are the letters that the keys of a Latin (QWERTY) keyboard type on an Arabic one,
// so that the stance keys work on both.
var arabicKeys = map[rune]rune{
	'q': 'ض', 'w': 'ص', 'e': 'ث', 'r': 'ق', 't': 'ف', 'y': 'غ', 'u': 'ع', 'i': 'ه', 'o': 'خ', 'p': 'ح',
	'a': 'ش', 's': 'س', 'd': 'ي', 'f': 'ب', 'g': 'ل', 'h': 'ا', 'j': 'ت', 'k': 'ن', 'l': 'م',
	'z': 'ئ', 'x': 'ء', 'c': 'ؤ', 'v': 'ر', 'n': 'ى', 'm': 'ة',
}

// stanceHotkeys maps the keys of the stance labels of sc: choose (each label's hotkey, and the
// same key on an Arabic keyboard) and evidence (Shift and the hotkey, for a letter). Keys that
// the window or an entity label takes are left out.
func stanceHotkeys(sc labels.Schema) (choose, evidence map[rune]labels.Label) {
	taken := map[rune]bool{}
	for _, r := range windowKeys {
		taken[r] = true
	}
	for r := range hotkeys(sc) {
		taken[r] = true
	}
	choose, evidence = map[rune]labels.Label{}, map[rune]labels.Label{}
	for _, l := range sc.StanceLabels {
		r, n := utf8.DecodeRuneInString(l.Hotkey)
		if n == 0 || n != len(l.Hotkey) || taken[r] {
			continue
		}
		choose[r] = l
		if ar, ok := arabicKeys[r]; ok && !taken[ar] {
			choose[ar] = l
		}
		if up := unicode.ToUpper(r); up != r && !taken[up] {
			evidence[up] = l
		}
	}
	return choose, evidence
}

// hasStanceKey reports whether stance label l has a key that chooses it.
func (w *Window) hasStanceKey(l labels.Label) bool {
	r, n := utf8.DecodeRuneInString(l.Hotkey)
	got, ok := w.stanceKeys[r]
	return n > 0 && ok && got.Name == l.Name
}

// stanceKeyList names the keys that choose a stance, joined by sep: "f a n x".
func (w *Window) stanceKeyList(sep string) string {
	var ks []string
	for _, l := range w.schema.StanceLabels {
		if w.hasStanceKey(l) {
			ks = append(ks, l.Hotkey)
		}
	}
	if len(ks) == 0 {
		return "a label's button"
	}
	return strings.Join(ks, sep)
}

// evidenceKeyList names the keys that mark evidence with a label: "Shift+F A N X".
func (w *Window) evidenceKeyList() string {
	var ks []string
	for _, l := range w.schema.StanceLabels {
		r, _ := utf8.DecodeRuneInString(l.Hotkey)
		if got, ok := w.evidenceKeys[unicode.ToUpper(r)]; ok && got.Name == l.Name {
			ks = append(ks, string(unicode.ToUpper(r)))
		}
	}
	if len(ks) == 0 {
		return "e"
	}
	return "Shift+" + strings.Join(ks, " ")
}

// markKeys names the keys that mark the selected words as evidence: "e or Shift+F A N X".
func (w *Window) markKeys() string {
	if k := w.evidenceKeyList(); k != "e" {
		return "e or " + k
	}
	return "e"
}
