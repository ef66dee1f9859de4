package dashboard

import (
	"fyne.io/fyne/v2/lang"

	"github.com/tawsim/tawsim/app/locale"
	"github.com/tawsim/tawsim/app/msg"
	"github.com/tawsim/tawsim/charts"
)

// Words returns the texts of the charts in the window's language. In a right-to-left window
// the pictures name no axis (the card names them below the picture, in Arabic) and write a
// day as day/month in digits; the digits inside a picture are Western whatever the
// preference, since gonum/plot draws them.
func Words() charts.Words {
	return charts.Words{
		FinishedTitle: lang.X("progress.finished_title", "Documents finished per day"),
		LabelsTitle:   lang.X("progress.labels_title", "Entity labels"),
		StancesTitle:  lang.X("progress.stances_title", "Document stances per target"),
		TimeTitle:     lang.X("progress.time_title", "Time spent per document"),
		Day:           lang.X("progress.day", "day"),
		Documents:     lang.X("progress.documents", "documents"),
		Label:         lang.X("progress.label", "label"),
		Spans:         lang.X("progress.spans", "spans"),
		Target:        lang.X("progress.target", "target"),
		Minutes:       lang.X("progress.minutes", "minutes"),
		NoneFinished:  lang.X("progress.none_finished", "No document has been finished yet."),
		NoneLabeled:   lang.X("progress.none_labeled", "No entity has been labeled yet."),
		NoStance:      lang.X("progress.no_stance", "No document has a stance yet."),
		NoTime:        lang.X("progress.no_time", "No time has been recorded yet."),
		FinishedNote: func(documents, annotators int) string {
			return msg.CountWith("progress.finished_note", "{{.N}} documents finished (done or curated) by {{.Annotators}}", documents,
				msg.M{"Annotators": msg.Count("progress.annotators", "{{.N}} annotators", annotators)})
		},
		LabelsNote: func(spans int) string {
			return msg.Count("progress.labels_note", "{{.N}} entity spans, everyone's", spans)
		},
		StancesNote: func(stances int) string {
			return msg.Count("progress.stances_note", "{{.N}} document stances, everyone's", stances)
		},
		TimeNote: func(documents int, total, average int64) string {
			return msg.CountWith("progress.time_note", "{{.N}} documents with time recorded, {{.Total}} in all, {{.Average}} on average", documents,
				msg.M{"Total": duration(total), "Average": duration(average)})
		},
		DayFormat:  dayFormat(),
		AxesInside: !locale.RTL(),
	}
}

// dayFormat is how the time axis writes a day: "Jan 2", or "2/1" (day/month) in a
// right-to-left window, whose month names the picture cannot draw.
func dayFormat() string {
	if locale.RTL() {
		return "2/1"
	}
	return "Jan 2"
}

// duration says seconds as hours and minutes: "3 h 12 min", "45 s".
func duration(sec int64) string {
	switch {
	case sec < 60:
		return lang.X("progress.seconds", "{{.S}} s", msg.M{"S": msg.Thousands(int(sec))})
	case sec < 3600:
		return lang.X("progress.minutes_seconds", "{{.M}} min {{.S}} s", msg.M{"M": msg.Thousands(int(sec / 60)), "S": msg.Thousands(int(sec % 60))})
	}
	return lang.X("progress.hours_minutes", "{{.H}} h {{.M}} min", msg.M{"H": msg.Thousands(int(sec / 3600)), "M": msg.Thousands(int(sec % 3600 / 60))})
}
