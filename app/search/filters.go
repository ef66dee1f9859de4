package search

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/doclist"
	"github.com/tawsim/tawsim/app/mirror"
	"github.com/tawsim/tawsim/app/palette"
	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// Filters are the filters of the box, each "" when not chosen.
type Filters struct {
	Label     string        // a span of this label (entity, or evidence's stance label)
	Annotator string        // the filters are this annotator's; alone: the documents they worked on
	Status    labels.Status // the annotator's status (anyone's without an annotator)
	Target    string        // a document stance toward this target (its id)
	Stance    string        // a document stance of this label
	Exact     bool          // the words as typed, without proclitics
}

// Query returns the store's query for text with the filters, whose hits show who's statuses.
func (f Filters) Query(text, who string) store.Query {
	return store.Query{
		Text: strings.TrimSpace(text), Exact: f.Exact,
		Label: f.Label, Annotator: f.Annotator, Status: f.Status, Target: f.Target, Stance: f.Stance,
		For: who,
	}
}

// Count returns the number of filters chosen (Exact changes the words and is not one).
func (f Filters) Count() int {
	n := 0
	for _, v := range []string{f.Label, f.Annotator, string(f.Status), f.Target, f.Stance} {
		if v != "" {
			n++
		}
	}
	return n
}

// Button returns the filter button's text: base, with the number of filters chosen.
func (f Filters) Button(base string) string {
	if n := f.Count(); n > 0 {
		return fmt.Sprintf("%s (%d)", base, n)
	}
	return base
}

// Summary names the filters chosen, for the line below the field: "PERS · amal · done". A
// label is named as names has it ("الأشخاص" in Arabic), by its code when names lacks it.
func (f Filters) Summary(names map[string]string) string {
	named := func(code string) string {
		if n := names[code]; n != "" {
			return n
		}
		return code
	}
	var parts []string
	for _, v := range []string{named(f.Label), f.Annotator, statusName(f.Status), f.Target, named(f.Stance)} {
		if v != "" {
			parts = append(parts, v)
		}
	}
	if f.Exact {
		parts = append(parts, lang.X("search.exact_short", "exact words"))
	}
	return strings.Join(parts, " · ")
}

// statusName names a status as the document list does, "" for none.
func statusName(s labels.Status) string {
	if s == "" {
		return ""
	}
	return doclist.StatusText(s)
}

// Options are what the filters offer: the schema's labels and targets, the project's
// annotators.
type Options struct {
	Labels     []string // entity labels, then stance labels
	Stances    []string // stance labels
	Targets    []labels.Target
	Annotators []string
	Names      map[string]string // a label's name in the window's language, by its code
}

// OptionsOf returns the options of schema sc and the annotators of the project, the labels
// named as the palette names them.
func OptionsOf(sc labels.Schema, annotators []string) Options {
	o := Options{Targets: sc.Targets, Annotators: annotators, Names: map[string]string{}}
	for _, l := range sc.Entities {
		o.Labels = append(o.Labels, l.Name)
		o.Names[l.Name] = palette.Name(l)
	}
	for _, l := range sc.StanceLabels {
		o.Labels = append(o.Labels, l.Name)
		o.Stances = append(o.Stances, l.Name)
		o.Names[l.Name] = palette.Name(l)
	}
	return o
}

// SetOptions offers o in the filters; a filter whose value o lacks is dropped.
func (b *Box) SetOptions(o Options) {
	b.names = o.Names
	b.form.options(o)
	f := b.filters
	keep := func(v string, list []string) string {
		for _, x := range list {
			if x == v {
				return v
			}
		}
		return ""
	}
	f.Label, f.Annotator, f.Stance = keep(f.Label, o.Labels), keep(f.Annotator, o.Annotators), keep(f.Stance, o.Stances)
	ids := make([]string, len(o.Targets))
	for i, t := range o.Targets {
		ids[i] = t.ID
	}
	f.Target = keep(f.Target, ids)
	if f != b.filters {
		b.SetFilters(f)
	}
}

// filterForm is the small form that the Filters button opens below itself.
type filterForm struct {
	b                                      *Box
	pop                                    *widget.PopUp
	label, annotator, status, target, what *widget.Select
	exact                                  *widget.Check
	rows                                   []fyne.CanvasObject // what lays each select out (mirror.SelectRow)
	targets                                []labels.Target
	names                                  map[string]string // a label's name shown, by its code
	filling                                bool              // the selects are being set, not chosen
}

// anyOption is the choice of no filter.
func anyOption() string { return lang.X("search.any", "Any") }

// newFilterForm makes the form of b's filters.
func newFilterForm(b *Box) *filterForm {
	f := &filterForm{b: b}
	pick := func(set func(string)) func(string) {
		return func(v string) {
			if f.filling {
				return
			}
			if v == anyOption() {
				v = ""
			}
			set(v)
			b.filterChanged()
		}
	}
	f.label = widget.NewSelect(nil, pick(func(v string) { b.filters.Label = f.code(v) }))
	f.annotator = widget.NewSelect(nil, pick(func(v string) { b.filters.Annotator = v }))
	statuses := []string{anyOption()}
	for _, s := range labels.Statuses {
		statuses = append(statuses, statusName(s))
	}
	f.status = widget.NewSelect(statuses, pick(func(v string) { b.filters.Status = doclist.ParseStatus(v) }))
	f.target = widget.NewSelect(nil, pick(func(v string) { b.filters.Target = f.targetID(v) }))
	f.what = widget.NewSelect(nil, pick(func(v string) { b.filters.Stance = f.code(v) }))
	f.exact = widget.NewCheck(lang.X("search.exact", "Exact words (no proclitics)"), func(on bool) {
		if !f.filling {
			b.filters.Exact = on
			b.filterChanged()
		}
	})
	f.options(Options{})
	return f
}

// name returns the name a label of code is shown by.
func (f *filterForm) name(code string) string {
	if n := f.names[code]; n != "" {
		return n
	}
	return code
}

// code returns the code of the label shown as name.
func (f *filterForm) code(name string) string {
	for c, n := range f.names {
		if n == name {
			return c
		}
	}
	return name
}

// targetName names target t in the target filter.
func targetName(t labels.Target) string {
	if t.Name != "" {
		return t.Name
	}
	return t.ID
}

// targetID returns the id of the target named name, "" for none.
func (f *filterForm) targetID(name string) string {
	for _, t := range f.targets {
		if targetName(t) == name {
			return t.ID
		}
	}
	return ""
}

// options fills the selects with o.
func (f *filterForm) options(o Options) {
	with := func(list []string) []string { return append([]string{anyOption()}, list...) }
	f.names = o.Names
	named := func(codes []string) []string {
		out := make([]string, len(codes))
		for i, c := range codes {
			out[i] = f.name(c)
		}
		return out
	}
	f.label.SetOptions(with(named(o.Labels)))
	f.annotator.SetOptions(with(o.Annotators))
	f.what.SetOptions(with(named(o.Stances)))
	f.targets = o.Targets
	names := make([]string, len(o.Targets))
	for i, t := range o.Targets {
		names[i] = targetName(t)
	}
	f.target.SetOptions(with(names))
	f.show(f.b.filters)
}

// show sets the selects to the filters fs, without searching.
func (f *filterForm) show(fs Filters) {
	f.filling = true
	defer func() { f.filling = false }()
	or := func(v string) string {
		if v == "" {
			return anyOption()
		}
		return v
	}
	f.label.SetSelected(or(f.name(fs.Label)))
	f.annotator.SetSelected(or(fs.Annotator))
	f.status.SetSelected(or(statusName(fs.Status)))
	target := ""
	for _, t := range f.targets {
		if t.ID == fs.Target {
			target = targetName(t)
		}
	}
	f.target.SetSelected(or(target))
	f.what.SetSelected(or(f.name(fs.Stance)))
	f.exact.SetChecked(fs.Exact)
	for _, r := range f.rows {
		r.Refresh()
	}
}

// openFilters opens the form below the Filters button.
func (b *Box) openFilters() {
	f := b.form
	c := fyne.CurrentApp().Driver().CanvasForObject(b.filter)
	if c == nil {
		return
	}
	if f.pop == nil {
		f.pop = widget.NewPopUp(f.object(), c)
	}
	f.show(b.filters)
	size := f.pop.MinSize().Max(fyne.NewSize(280, 0))
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b.filter)
	x := min(pos.X+b.filter.Size().Width-size.Width, c.Size().Width-size.Width)
	f.pop.ShowAtPosition(fyne.NewPos(max(0, x), pos.Y+b.filter.Size().Height))
	f.pop.Resize(size)
}

// object lays the form out in the window's direction: each filter's name at the start edge
// and its select, the check of exact words, the button that clears the filters.
func (f *filterForm) object() fyne.CanvasObject {
	form := mirror.Pairs()
	f.rows = f.rows[:0]
	for _, it := range []struct {
		name string
		s    *widget.Select
	}{
		{lang.X("search.label", "Label"), f.label},
		{lang.X("search.annotator", "Annotator"), f.annotator},
		{lang.X("search.status", "Status"), f.status},
		{lang.X("search.target", "Target"), f.target},
		{lang.X("search.stance", "Stance"), f.what},
	} {
		name := widget.NewLabel(it.name)
		name.TextStyle.Bold = true
		name.Alignment = mirror.Align(true) // toward the select
		row := mirror.SelectRow(it.s)
		f.rows = append(f.rows, row)
		form.Add(name)
		form.Add(row)
	}
	clear := widget.NewButton(lang.X("search.clear_filters", "Clear filters"), func() { f.b.SetFilters(Filters{Exact: f.b.filters.Exact}) })
	return container.NewVBox(form, mirror.CheckRow(f.exact), mirror.Row(clear))
}
