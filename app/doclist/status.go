package doclist

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"github.com/tawsim/tawsim/labels"
)

// StatusText names a status for the annotator.
func StatusText(s labels.Status) string {
	switch s {
	case labels.StatusInProgress:
		return lang.X("status.in_progress", "in progress")
	case labels.StatusTodo, "":
		return lang.X("status.todo", "to do")
	case labels.StatusDone:
		return lang.X("status.done", "done")
	case labels.StatusSkipped:
		return lang.X("status.skipped", "skipped")
	case labels.StatusFlagged:
		return lang.X("status.flagged", "flagged")
	case labels.StatusCurated:
		return lang.X("status.curated", "curated")
	}
	return string(s)
}

// StatusColor colours a status: grey for to do and skipped, amber in progress, green done, red
// flagged, the theme's blue for curated (a curator's gold).
func StatusColor(s labels.Status) fyne.ThemeColorName {
	switch s {
	case labels.StatusInProgress:
		return theme.ColorNameWarning
	case labels.StatusDone:
		return theme.ColorNameSuccess
	case labels.StatusFlagged:
		return theme.ColorNameError
	case labels.StatusCurated:
		return theme.ColorNamePrimary
	}
	return theme.ColorNamePlaceHolder
}

// filterAll is the filter option that lists every document.
func filterAll() string { return lang.X("list.all", "All") }

// filterOptions are the choices of the status filter: All, then each status.
func filterOptions() []string {
	opts := []string{filterAll()}
	for _, s := range labels.Statuses {
		opts = append(opts, StatusText(s))
	}
	return opts
}

// ParseStatus returns the status that StatusText names, "" for any other text (All).
func ParseStatus(text string) labels.Status {
	for _, s := range labels.Statuses {
		if StatusText(s) == text {
			return s
		}
	}
	return ""
}

// filterOption is the filter option that lists status.
func filterOption(status labels.Status) string {
	if status == "" {
		return filterAll()
	}
	return StatusText(status)
}
