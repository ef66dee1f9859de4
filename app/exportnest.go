package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/mirror"
	"github.com/tawsim/tawsim/app/msg"
	"github.com/tawsim/tawsim/export"
	"github.com/tawsim/tawsim/jobs"
)

// nestingChoice is the Export dialog's choice for nested entity spans, as tawsimctl's --flat
// and --level make it: conll writes a tag column per level of nesting, or one level only
// (--flat); hf always writes one level; spacy-doc's ents hold one level; the level kept is
// the outermost or the innermost. The other formats write every span, and the choice is
// disabled for them.
type nestingChoice struct {
	format string
	flat   *widget.Check
	levels []string // the options of level, in the order of export.Level
	level  *widget.RadioGroup
	row    fyne.CanvasObject // what lays level out
	about  mirror.Texter
}

// newNestingChoice returns the choice: every level, the outermost if one.
func newNestingChoice() *nestingChoice {
	c := &nestingChoice{about: mirror.Caption(""), levels: []string{levelName(export.LevelOuter), levelName(export.LevelInner)}}
	c.flat = widget.NewCheck(lang.X("export.one_level", "One level only:"), func(bool) { c.update() })
	c.level = widget.NewRadioGroup(c.levels, nil)
	c.level.Horizontal, c.level.Required = true, true
	c.level.SetSelected(c.levels[export.LevelOuter])
	c.row = mirror.RadioGroupRow(c.level)
	return c
}

// object returns what the dialog lays out.
func (c *nestingChoice) object() fyne.CanvasObject {
	return container.NewVBox(mirror.Row(mirror.CheckRow(c.flat), c.row), c.about)
}

// setFormat shows what format name does with nested spans and what may be chosen for it.
func (c *nestingChoice) setFormat(name string) {
	c.format = name
	switch name {
	case "conll":
		c.flat.SetChecked(false)
		c.flat.Enable()
	case "hf":
		c.flat.SetChecked(true)
		c.flat.Disable()
	default:
		c.flat.SetChecked(false)
		c.flat.Disable()
	}
	c.update()
}

// update enables the level where a level is kept, and says what the format writes.
func (c *nestingChoice) update() {
	switch {
	case c.format == "conll" && c.flat.Checked, c.format == "hf":
		c.about.SetText(lang.X("export.nest.flat", "One tag per token, for tools that need flat tags: the spans of the level chosen; the export says how many others it left out."))
	case c.format == "conll":
		c.about.SetText(lang.X("export.nest.columns", "A tag column per level of nesting, the outermost first (Wojood's shape): every span."))
	case c.format == "spacy-doc":
		c.about.SetText(lang.X("export.nest.spacy_doc", "Every span in spans.sc; ents hold the level chosen."))
	default:
		c.about.SetText(lang.X("export.nest.all", "Every span, nested ones included."))
	}
	if c.keepsLevel() {
		c.level.Enable()
	} else {
		c.level.Disable()
	}
	c.row.Refresh()
}

// keepsLevel reports whether the format chosen keeps one level of nested spans.
func (c *nestingChoice) keepsLevel() bool {
	return c.flat.Checked || c.format == "spacy-doc"
}

// options sets the writer's options for nested spans: Flat for conll, and the level kept.
func (c *nestingChoice) options(o *export.Options) {
	o.Flat = c.format == "conll" && c.flat.Checked
	if c.keepsLevel() && c.level.Selected == c.levels[export.LevelInner] {
		o.Level = export.LevelInner
	}
}

// levelName names a level of nesting kept: "outermost" or "innermost".
func levelName(l export.Level) string {
	if l == export.LevelInner {
		return lang.X("export.level.inner", "innermost")
	}
	return lang.X("export.level.outer", "outermost")
}

// leftOutText says how many entity spans of other levels of nesting an export in a flat
// format (o) left out.
func leftOutText(o jobs.ExportOptions, n int) string {
	text := lang.X("export.left_out_outer", "{{.Format}} writes the outermost spans only, one tag per token.", msg.M{"Format": o.Format})
	if o.Writer.Level == export.LevelInner {
		text = lang.X("export.left_out_inner", "{{.Format}} writes the innermost spans only, one tag per token.", msg.M{"Format": o.Format})
	}
	return msg.Count("export.left_out", "Left out {{.N}} entity spans of other levels of nesting:", n) + " " + text
}
