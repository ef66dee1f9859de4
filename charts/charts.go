// Package charts draws a project's progress (store.Progress) as the dashboard shows it and
// the report of `tawsimctl stats --html` prints it: documents finished per day per annotator
// (lines), entity labels (bars), document stances per target (stacked bars) and time spent
// per document (a histogram). Each Figure is drawn by gonum/plot, as an image for the window
// and a PNG file, or as SVG for the report, from the same description.
//
// gonum/plot does not shape Arabic, so nothing of the project's own (names of annotators,
// labels, targets) is drawn inside a picture unless it is printable ASCII: the axes show a
// label's or a target's name, or a short code ("T2") that the figure's Key explains, and lines
// have no legend inside the picture; the window and the report draw the title and the key
// beside it, where Arabic is shaped and laid out right to left. The package imports no Fyne.
package charts

import (
	"fmt"
	"image/color"
	"slices"
	"sort"
	"strings"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// Figure is one chart: what to draw and what to say beside it.
type Figure struct {
	ID     string    // names its PNG file: "finished", "labels", "stances", "time"
	Title  string    // drawn beside the picture
	Note   string    // a line under the title ("1,204 documents finished by 3 annotators")
	Key    []KeyItem // the colours and codes of the picture, drawn beside it
	Empty  string    // when not "", there is nothing to draw, and this says why
	XLabel string    // the axes' names: drawn inside the picture with Inside set, else beside it
	YLabel string
	Inside bool
	draw   func(p *plot.Plot, s Style)
}

// KeyItem explains one colour or code of a picture.
type KeyItem struct {
	Code  string      // what the axis shows for it ("" when it is a colour alone)
	Name  string      // the name in full: an annotator, a label, a target (may be Arabic)
	Color color.NRGBA // its colour in the picture (zero when it has none)
}

// Figures returns the four figures of p in English, the colours of labels taken from sc.
func Figures(p store.Progress, sc labels.Schema) []Figure { return FiguresIn(p, sc, English) }

// FiguresIn returns the four figures of p with the texts of words, the colours of labels
// taken from sc.
func FiguresIn(p store.Progress, sc labels.Schema, words Words) []Figure {
	figs := []Figure{finished(p, words), entityLabels(p, sc, words), stances(p, sc, words), timeSpent(p, words)}
	for i := range figs {
		figs[i].Inside = words.AxesInside
	}
	return figs
}

// palette colours the annotators' lines (Tableau 10), in the order of their names.
var palette = []color.NRGBA{
	{0x4e, 0x79, 0xa7, 0xff}, {0xf2, 0x8e, 0x2b, 0xff}, {0xe1, 0x57, 0x59, 0xff}, {0x76, 0xb7, 0xb2, 0xff},
	{0x59, 0xa1, 0x4f, 0xff}, {0xed, 0xc9, 0x48, 0xff}, {0xb0, 0x7a, 0xa1, 0xff}, {0xff, 0x9d, 0xa7, 0xff},
	{0x9c, 0x75, 0x5f, 0xff}, {0xba, 0xb0, 0xac, 0xff},
}

// grey draws what has no colour of its own.
var grey = color.NRGBA{0x90, 0x90, 0x90, 0xff}

// finished is the line chart of documents finished per day, a line per annotator over every
// day from the first to the last, days without any at 0.
func finished(p store.Progress, w Words) Figure {
	f := Figure{ID: "finished", Title: w.FinishedTitle, XLabel: w.Day, YLabel: w.Documents}
	names := make([]string, 0, len(p.Finished))
	var first, last time.Time
	total := 0
	for who, days := range p.Finished {
		names = append(names, who)
		for _, d := range days {
			if first.IsZero() || d.Day.Before(first) {
				first = d.Day
			}
			if d.Day.After(last) {
				last = d.Day
			}
			total += d.N
		}
	}
	if total == 0 {
		f.Empty = w.NoneFinished
		return f
	}
	sort.Strings(names)
	f.Note = w.FinishedNote(total, len(names))
	for i, who := range names {
		f.Key = append(f.Key, KeyItem{Name: who, Color: palette[i%len(palette)]})
	}
	f.draw = func(pl *plot.Plot, s Style) {
		for i, who := range names {
			byDay := map[time.Time]int{}
			for _, d := range p.Finished[who] {
				byDay[d.Day] = d.N
			}
			var xys plotter.XYs
			for d := first; !d.After(last); d = d.AddDate(0, 0, 1) {
				xys = append(xys, plotter.XY{X: float64(d.Unix()), Y: float64(byDay[d])})
			}
			c := palette[i%len(palette)]
			l, pts, err := plotter.NewLinePoints(xys)
			if err != nil {
				continue
			}
			l.Color, l.Width = c, vg.Points(2)
			pts.Color, pts.Shape, pts.Radius = c, draw.CircleGlyph{}, vg.Points(2.5)
			pl.Add(l, pts)
		}
		loc := first.Location()
		pl.X.Tick.Marker = plot.TimeTicks{Format: w.DayFormat, Ticker: dayTicks{loc},
			Time: func(v float64) time.Time { return time.Unix(int64(v), 0).In(loc) }}
		if first.Equal(last) { // one day: room on both sides of it
			pl.X.Min, pl.X.Max = float64(first.AddDate(0, 0, -1).Unix()), float64(first.AddDate(0, 0, 1).Unix())
		}
		pl.Y.Min = 0
	}
	return f
}

// dayTicks puts the ticks of a time axis on whole days of loc, at most about eight of them.
type dayTicks struct{ loc *time.Location }

// Ticks returns the ticks between min and max (Unix seconds).
func (d dayTicks) Ticks(min, max float64) []plot.Tick {
	const day = 86400
	n := int((max-min)/day/8) + 1
	var ticks []plot.Tick
	start := time.Unix(int64(min), 0).In(d.loc)
	t := time.Date(start.Year(), start.Month(), start.Day(), 0, 0, 0, 0, start.Location())
	if t.Before(start) {
		t = t.AddDate(0, 0, 1)
	}
	for ; float64(t.Unix()) <= max; t = t.AddDate(0, 0, n) {
		ticks = append(ticks, plot.Tick{Value: float64(t.Unix()), Label: "x"})
	}
	return ticks
}

// entityLabels is the bar chart of entity spans per label: the schema's labels in its order,
// each in its colour, then labels the schema lacks.
func entityLabels(p store.Progress, sc labels.Schema, w Words) Figure {
	f := Figure{ID: "labels", Title: w.LabelsTitle, XLabel: w.Label, YLabel: w.Spans}
	names, colors := labelOrder(p, sc)
	total := 0
	values := make([][]float64, len(names))
	for i, name := range names {
		values[i] = []float64{float64(p.EntityLabels[name])}
		total += p.EntityLabels[name]
	}
	if total == 0 {
		f.Empty = w.NoneLabeled
		return f
	}
	f.Note = w.LabelsNote(total)
	codes := codesFor(names, "L")
	for i, name := range names {
		if codes[i] != name { // the axis names the others
			f.Key = append(f.Key, KeyItem{Code: codes[i], Name: name, Color: colors[i]})
		}
	}
	f.draw = func(pl *plot.Plot, s Style) {
		pl.Add(&bars{values: values, perCategory: colors})
		pl.NominalX(codes...)
		pl.Y.Min = 0
	}
	return f
}

// labelOrder returns the entity labels the chart of labels shows, with their colours: the
// schema's in its order, then those the schema lacks that spans have.
func labelOrder(p store.Progress, sc labels.Schema) ([]string, []color.NRGBA) {
	var names []string
	var colors []color.NRGBA
	seen := map[string]bool{}
	for _, l := range sc.Entities {
		names, colors, seen[l.Name] = append(names, l.Name), append(colors, colorOf(l.Color)), true
	}
	var extra []string
	for name, n := range p.EntityLabels {
		if !seen[name] && n > 0 {
			extra = append(extra, name)
		}
	}
	sort.Strings(extra)
	for _, name := range extra {
		names, colors = append(names, name), append(colors, grey)
	}
	return names, colors
}

// stances is the stacked bar chart of document stances per target: a bar per target of the
// schema (its id, or a code), a part per stance label in the label's colour.
func stances(p store.Progress, sc labels.Schema, w Words) Figure {
	f := Figure{ID: "stances", Title: w.StancesTitle, XLabel: w.Target, YLabel: w.Documents}
	var ids []string
	for _, t := range sc.Targets {
		ids = append(ids, t.ID)
	}
	for id := range p.DocStances {
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	var layers []string
	var colors []color.NRGBA
	for i, l := range sc.StanceLabels {
		c := colorOf(l.Color)
		if l.Color == "" {
			c = palette[(i+3)%len(palette)]
		}
		layers, colors = append(layers, l.Name), append(colors, c)
	}
	total := 0
	values := make([][]float64, len(ids))
	for i, id := range ids {
		values[i] = make([]float64, len(layers))
		for j, l := range layers {
			values[i][j] = float64(p.DocStances[id][l])
			total += p.DocStances[id][l]
		}
	}
	if total == 0 {
		f.Empty = w.NoStance
		return f
	}
	f.Note = w.StancesNote(total)
	for j, l := range layers {
		f.Key = append(f.Key, KeyItem{Name: l, Color: colors[j]})
	}
	codes := codesFor(ids, "T")
	for i, id := range ids {
		name := id
		if n := p.TargetNames[id]; n != "" {
			name = n
		}
		f.Key = append(f.Key, KeyItem{Code: codes[i], Name: name})
	}
	f.draw = func(pl *plot.Plot, s Style) {
		pl.Add(&bars{values: values, layers: colors})
		pl.NominalX(codes...)
		pl.Y.Min = 0
	}
	return f
}

// timeSpent is the histogram of the time spent per document, in store.TimeBins.
func timeSpent(p store.Progress, w Words) Figure {
	f := Figure{ID: "time", Title: w.TimeTitle, XLabel: w.Minutes, YLabel: w.Documents}
	if p.Timed == 0 {
		f.Empty = w.NoTime
		return f
	}
	f.Note = w.TimeNote(p.Timed, p.Seconds, p.Seconds/int64(p.Timed))
	names := make([]string, len(store.TimeBins))
	values := make([][]float64, len(store.TimeBins))
	for i, b := range store.TimeBins {
		names[i] = binName(b)
		values[i] = []float64{float64(p.Time[i])}
	}
	f.draw = func(pl *plot.Plot, s Style) {
		pl.Add(&bars{values: values, layers: []color.NRGBA{palette[0]}})
		pl.NominalX(names...)
		pl.Y.Min = 0
	}
	return f
}

// codesFor returns what an axis shows for each name: the name when it is short printable
// ASCII, else prefix and its place ("T2").
func codesFor(names []string, prefix string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = n
		if !plainASCII(n) {
			out[i] = fmt.Sprintf("%s%d", prefix, i+1)
		}
	}
	return out
}

// plainASCII reports whether s is short and printable ASCII, which the pictures can show.
func plainASCII(s string) bool {
	if s == "" || len(s) > 12 {
		return false
	}
	for _, r := range s {
		if r < 0x20 || r > 0x7e {
			return false
		}
	}
	return true
}

// colorOf reads a "#rrggbb" colour, grey when it is not one.
func colorOf(s string) color.NRGBA {
	var r, g, b uint8
	if len(s) == 7 && s[0] == '#' {
		if _, err := fmt.Sscanf(s[1:], "%02x%02x%02x", &r, &g, &b); err == nil {
			return color.NRGBA{r, g, b, 0xff}
		}
	}
	return grey
}

// plural says n things: "1 document", "1,204 documents".
func plural(n int, noun string) string {
	if n != 1 {
		noun += "s"
	}
	return thousands(n) + " " + noun
}

// thousands writes n with commas between thousands.
func thousands(n int) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return "-" + thousands(-n)
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// duration says seconds as hours and minutes: "3 h 12 min", "45 s".
func duration(sec int64) string {
	switch {
	case sec < 60:
		return fmt.Sprintf("%d s", sec)
	case sec < 3600:
		return fmt.Sprintf("%d min %d s", sec/60, sec%60)
	}
	return fmt.Sprintf("%s h %d min", thousands(int(sec/3600)), sec%3600/60)
}
