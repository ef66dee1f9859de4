package mirror

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	fynetheme "fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/locale"
)

// RadioGroupRow returns what lays the radio group g out: g itself, or in a right-to-left
// window its options one a line (in a row from the right when g is Horizontal), each with
// its circle at the right of its words, drawn as Words (a tap on the words chooses it too).
// The options choose through g, whose selection, OnChanged and disabled state they follow;
// refresh what RadioGroupRow returned after g.Disable or g.Enable.
func RadioGroupRow(g *widget.RadioGroup) fyne.CanvasObject {
	if !locale.RTL() {
		return g
	}
	r := &radioRows{g: g}
	var rows []fyne.CanvasObject
	for _, opt := range g.Options {
		o := &radioOption{r: r, option: opt, icon: widget.NewIcon(fynetheme.RadioButtonIcon()), words: newWords(opt, false)}
		o.ExtendBaseWidget(o)
		r.options = append(r.options, o)
		rows = append(rows, o)
	}
	if g.Horizontal {
		r.box = container.New(rowLayout{}, rows...)
	} else {
		r.box = container.NewVBox(rows...)
	}
	changed := g.OnChanged
	g.OnChanged = func(s string) {
		r.Refresh()
		if changed != nil {
			changed(s)
		}
	}
	r.ExtendBaseWidget(r)
	r.Refresh()
	return r
}

// radioRows is a radio group's options laid out from the right.
type radioRows struct {
	widget.BaseWidget
	g       *widget.RadioGroup
	box     *fyne.Container
	options []*radioOption
}

// Refresh shows the group's selection and whether it is disabled.
func (r *radioRows) Refresh() {
	for _, o := range r.options {
		o.show()
	}
	r.BaseWidget.Refresh()
}

// CreateRenderer draws the options. It is called by Fyne.
func (r *radioRows) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(r.box) }

// radioOption is one option: its circle at the right of its words.
type radioOption struct {
	widget.BaseWidget
	r      *radioRows
	option string
	icon   *widget.Icon
	words  *Words
}

// Tapped chooses the option, unless the group is disabled.
func (o *radioOption) Tapped(*fyne.PointEvent) {
	g := o.r.g
	if g.Disabled() {
		return
	}
	if g.Selected == o.option && !g.Required {
		g.SetSelected("")
		return
	}
	g.SetSelected(o.option)
}

// Text returns the option's words.
func (o *radioOption) Text() string { return o.option }

// show draws the circle filled when the option is chosen, greyed when the group is disabled.
func (o *radioOption) show() {
	res := fynetheme.RadioButtonIcon()
	if o.r.g.Selected == o.option {
		res = fynetheme.RadioButtonCheckedIcon()
	}
	color := fyne.ThemeColorName("")
	if o.r.g.Disabled() {
		res = fynetheme.NewDisabledResource(res)
		color = fynetheme.ColorNameDisabled
	}
	o.icon.SetResource(res)
	o.words.SetColor(color)
}

// CreateRenderer draws the option. It is called by Fyne.
func (o *radioOption) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.New(rowLayout{}, o.icon, o.words))
}
