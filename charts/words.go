package charts

import (
	"fmt"
	"strconv"

	"github.com/tawsim/tawsim/store"
)

// Words are the texts of the figures, in the language they are shown in: English (the report
// of `tawsimctl stats --html`, PNG files), or what the window gives in its own. Titles, notes,
// empty messages and the axes' names are drawn beside the picture by whoever shows it; the
// picture itself draws tick labels of digits and Latin letters alone (days as DayFormat, label
// codes, time bins in minutes), and the axes' names only when AxesInside is set, since
// gonum/plot neither joins Arabic letters nor sets them right to left.
type Words struct {
	FinishedTitle, LabelsTitle, StancesTitle, TimeTitle string
	// the axes' names
	Day, Documents, Label, Spans, Target, Minutes string
	// what an empty figure says
	NoneFinished, NoneLabeled, NoStance, NoTime string

	FinishedNote func(documents, annotators int) string
	LabelsNote   func(spans int) string
	StancesNote  func(stances int) string
	TimeNote     func(documents int, total, average int64) string // seconds

	DayFormat  string // the layout of a day on the time axis (time.Format)
	AxesInside bool   // the picture draws the axes' names (plain ASCII text)
}

// English are the figures' texts in English, the axes named inside the picture.
var English = Words{
	FinishedTitle: "Documents finished per day", LabelsTitle: "Entity labels",
	StancesTitle: "Document stances per target", TimeTitle: "Time spent per document",
	Day: "day", Documents: "documents", Label: "label", Spans: "spans", Target: "target", Minutes: "minutes",
	NoneFinished: "No document has been finished yet.", NoneLabeled: "No entity has been labeled yet.",
	NoStance: "No document has a stance yet.", NoTime: "No time has been recorded yet.",
	FinishedNote: func(documents, annotators int) string {
		return fmt.Sprintf("%s finished (done or curated) by %s", plural(documents, "document"), plural(annotators, "annotator"))
	},
	LabelsNote:  func(spans int) string { return plural(spans, "entity span") + ", everyone's" },
	StancesNote: func(stances int) string { return plural(stances, "document stance") + ", everyone's" },
	TimeNote: func(documents int, total, average int64) string {
		return fmt.Sprintf("%s with time recorded, %s in all, %s on average", plural(documents, "document"), duration(total), duration(average))
	},
	DayFormat:  "Jan 2",
	AxesInside: true,
}

// binName names a bin of store.TimeBins on the axis, in minutes and digits alone: "<0.5",
// "2-5", "60+".
func binName(b store.TimeBin) string {
	min := func(sec int64) string { return strconv.FormatFloat(float64(sec)/60, 'f', -1, 64) }
	switch {
	case b.From == 0:
		return "<" + min(b.To)
	case b.To == 0:
		return min(b.From) + "+"
	}
	return min(b.From) + "-" + min(b.To)
}
