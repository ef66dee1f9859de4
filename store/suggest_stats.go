package store

import (
	"strings"

	"github.com/tawsim/tawsim/labels"
)

// SourceStats is how a source of suggestions fared: how many suggestions of it the project
// holds, and how many of them annotators accepted and rejected.
type SourceStats struct {
	Suggested int `json:"suggested"`
	Accepted  int `json:"accepted"`
	Rejected  int `json:"rejected"`
	// Precision is the source's precision as annotators judged it, Accepted / (Accepted +
	// Rejected): null before any decision.
	Precision *float64 `json:"precision"`
}

// addSuggestions counts n of a key of the counts table about suggestions (see
// migrations/0008_suggestions.sql): suggestions stored, or decisions.
func (st *Stats) addSuggestions(what, key string, n int) {
	source, d := key, ""
	if what == "decision" {
		var ok bool
		if source, d, ok = strings.Cut(key, unitSep); !ok {
			return
		}
	}
	c := st.Suggestions[source]
	if c == nil {
		c = &SourceStats{}
		st.Suggestions[source] = c
	}
	switch {
	case what == "suggestions":
		c.Suggested += n
	case labels.Decision(d) == labels.DecisionAccepted:
		c.Accepted += n
	case labels.Decision(d) == labels.DecisionRejected:
		c.Rejected += n
	}
}

// precision works out each source's precision from its decisions.
func (st *Stats) precision() {
	for _, c := range st.Suggestions {
		if judged := c.Accepted + c.Rejected; judged > 0 {
			p := float64(c.Accepted) / float64(judged)
			c.Precision = &p
		}
	}
}
