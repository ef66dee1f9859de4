package agreementview

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/agreement"
	"github.com/tawsim/tawsim/app/locale"
	"github.com/tawsim/tawsim/app/mirror"
	"github.com/tawsim/tawsim/app/msg"
)

// The measures of span agreement the matrix shows.
var spanMeasures = []struct {
	name  func() string
	score func(agreement.SpanPair) *agreement.Score
}{
	{func() string { return lang.X("agreement.f1", "F1: same start, end and label") },
		func(p agreement.SpanPair) *agreement.Score { return p.F1 }},
	{func() string {
		return lang.X("agreement.f1_boundaries", "F1 of boundaries: same start and end, any label")
	},
		func(p agreement.SpanPair) *agreement.Score { return p.BoundariesF1 }},
	{func() string { return lang.X("agreement.f1_partial", "Partial F1: overlapping spans of a label") },
		func(p agreement.SpanPair) *agreement.Score { return p.PartialF1 }},
}

// spansTab shows entity span agreement: the matrix of a measure for each pair, and strict F1
// per label and pair.
type spansTab struct {
	measure *widget.Select
	matrix  *Grid
	labels  *Grid
	box     *fyne.Container // the matrix, the per label grid and their titles
	report  agreement.Report
	object  fyne.CanvasObject
}

func newSpansTab() *spansTab {
	t := &spansTab{box: container.NewVBox()}
	var names []string
	for _, m := range spanMeasures {
		names = append(names, m.name())
	}
	t.measure = widget.NewSelect(names, func(string) { t.show(t.report) })
	t.measure.Alignment = mirror.Align(false)
	t.measure.SetSelectedIndex(0)
	t.object = container.NewBorder(mirror.SelectRow(t.measure), nil, nil, nil, container.NewVScroll(t.box))
	return t
}

// show shows the span figures of r.
func (t *spansTab) show(r agreement.Report) {
	t.report = r
	measure := spanMeasures[max(t.measure.SelectedIndex(), 0)].score
	names := pairNames(r.Spans.Pairs, func(p agreement.SpanPair) (string, string) { return p.A, p.B })
	t.matrix = Matrix(names, func(a, b string) *agreement.Score {
		if i := slices.IndexFunc(r.Spans.Pairs, func(p agreement.SpanPair) bool { return p.A == a && p.B == b }); i >= 0 {
			return measure(r.Spans.Pairs[i])
		}
		return nil
	})
	t.labels = labelGrid(r.Spans.Pairs)
	var objs []fyne.CanvasObject
	if len(names) == 0 {
		objs = append(objs, mirror.Text(lang.X("agreement.no_pairs", "No two annotators of these worked on the same document.")))
	} else {
		objs = append(objs, caption(lang.X("agreement.each_pair", "Each pair over the documents both worked on")), t.matrix.Object(), widget.NewSeparator(),
			caption(lang.X("agreement.per_label", "F1 per label (same start, end and label), each pair")), t.labels.Object())
	}
	t.box.Objects = objs
	t.box.Refresh()
}

// labelGrid returns strict F1 per label (rows) and pair (columns).
func labelGrid(pairs []agreement.SpanPair) *Grid {
	var names []string
	for _, p := range pairs {
		for l := range p.ByLabel {
			if !slices.Contains(names, l) {
				names = append(names, l)
			}
		}
	}
	slices.Sort(names)
	head := []*Cell{headCell(lang.X("agreement.label", "label"))}
	for _, p := range pairs {
		head = append(head, headCell(p.A+" – "+p.B))
	}
	rows := [][]*Cell{head}
	for _, l := range names {
		row := []*Cell{headCell(l)}
		for _, p := range pairs {
			if f, ok := p.ByLabel[l]; ok {
				s := f.F1
				row = append(row, scoreCell(&s))
			} else {
				row = append(row, scoreCell(nil))
			}
		}
		rows = append(rows, row)
	}
	return newGrid(rows)
}

// stanceTab shows document stance agreement: a row of figures per target, and Cohen's kappa
// for each pair toward the target chosen.
type stanceTab struct {
	target *widget.Select
	table  *Grid
	matrix *Grid
	box    *fyne.Container
	report agreement.Report
	object fyne.CanvasObject
}

func newStanceTab() *stanceTab {
	t := &stanceTab{box: container.NewVBox()}
	t.target = widget.NewSelect(nil, func(string) { t.showKappa() })
	t.target.Alignment = mirror.Align(false)
	t.object = container.NewVScroll(t.box)
	return t
}

// show shows the stance figures of r.
func (t *stanceTab) show(r agreement.Report) {
	t.report = r
	head := []*Cell{headCell(lang.X("agreement.target", "target")), headCell(lang.X("agreement.documents", "documents")),
		headCell(lang.X("agreement.annotators", "annotators")), headCell(lang.X("agreement.alpha", "alpha")),
		headCell(lang.X("agreement.fleiss", "Fleiss κ")), headCell(lang.X("agreement.gwet", "Gwet AC1")), headCell(lang.X("agreement.percent", "agreement"))}
	rows := [][]*Cell{head}
	var names []string
	for _, ta := range r.Stance {
		names = append(names, ta.Target)
		rows = append(rows, []*Cell{headCell(ta.Target), headCell(msg.Thousands(ta.Items)), headCell(msg.Thousands(ta.Annotators)),
			scoreCell(ta.Alpha), scoreCell(ta.FleissKappa), scoreCell(ta.GwetAC1), scoreCell(ta.PercentAgreement)})
	}
	t.table = newGrid(rows)
	old := t.target.Selected
	t.target.OnChanged = nil
	t.target.Options = names
	if slices.Contains(names, old) {
		t.target.SetSelected(old)
	} else if len(names) > 0 {
		t.target.SetSelectedIndex(0)
	}
	t.target.OnChanged = func(string) { t.showKappa() }
	t.showKappa()
}

// showKappa lays the tab out with the kappa matrix of the target chosen.
func (t *stanceTab) showKappa() {
	var objs []fyne.CanvasObject
	if len(t.report.Stance) == 0 {
		t.matrix = newGrid(nil)
		objs = append(objs, mirror.Text(lang.X("agreement.no_stances", "No document was given a stance by two of these annotators.")))
		t.box.Objects = objs
		t.box.Refresh()
		return
	}
	i := slices.IndexFunc(t.report.Stance, func(ta agreement.TargetAgreement) bool { return ta.Target == t.target.Selected })
	ta := t.report.Stance[max(i, 0)]
	names := pairNames(ta.Pairs, func(p agreement.StancePair) (string, string) { return p.A, p.B })
	t.matrix = Matrix(names, func(a, b string) *agreement.Score {
		if k := slices.IndexFunc(ta.Pairs, func(p agreement.StancePair) bool { return p.A == a && p.B == b }); k >= 0 {
			return ta.Pairs[k].Kappa
		}
		return nil
	})
	objs = append(objs, caption(lang.X("agreement.each_target", "Each target over the documents rated twice or more (Fleiss' κ: over those every annotator rated)")),
		t.table.Object(), widget.NewSeparator(),
		mirror.Border(nil, nil, mirror.Title(lang.X("agreement.cohen", "Cohen's κ, each pair, toward")), nil, t.target), t.matrix.Object())
	t.box.Objects = objs
	t.box.Refresh()
}

// pairNames returns the annotators of pairs, sorted.
func pairNames[P any](pairs []P, ab func(P) (string, string)) []string {
	var names []string
	for _, p := range pairs {
		a, b := ab(p)
		for _, n := range []string{a, b} {
			if !slices.Contains(names, n) {
				names = append(names, n)
			}
		}
	}
	slices.Sort(names)
	return names
}

// caption returns a title over a grid, wrapped to the width it gets: bold, or in a
// right-to-left window the bidi-aware words (a caption holds F1 or κ among Arabic words).
func caption(text string) fyne.CanvasObject {
	if locale.RTL() {
		return mirror.Text(text)
	}
	l := widget.NewLabel(text)
	l.TextStyle.Bold = true
	l.Wrapping = fyne.TextWrapWord
	return l
}
