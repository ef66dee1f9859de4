package store

import (
	"fmt"
	"math"
	"slices"

	"github.com/tawsim/tawsim/labels"
)

// GroupSuggestions checks sgs, the suggestions a run of sources puts on document docID, whose
// text x indexes, and sorts them by source (in the order of sources), each source's in stored
// order without repeats, as both stores write them. It sorts sgs in place. checked holds the
// labels checked already, each checked once a run (the sources' names were checked when the
// run began), and gains those checked now.
func GroupSuggestions(sources []string, checked map[string]struct{}, x *labels.TextIndex, docID string, sgs []labels.Suggestion) ([][]labels.Suggestion, error) {
	sortSuggestions(sgs)
	out := make([][]labels.Suggestion, len(sources))
	for _, g := range sgs {
		i := slices.Index(sources, g.Source)
		if i < 0 {
			return nil, fmt.Errorf("suggestion [%d,%d) %s of document %s: source %q is not one of the run's", g.Start, g.End,
				g.Label, docID, g.Source)
		}
		g.DocID, g.Decision = docID, ""
		if err := checkSuggestion(checked, x, g); err != nil {
			return nil, fmt.Errorf("suggestion [%d,%d) %s of document %s: %w", g.Start, g.End, g.Label, docID, err)
		}
		if n := len(out[i]); n > 0 && keyOfSuggestion(out[i][n-1]) == keyOfSuggestion(g) {
			continue // the same again, with a score no higher: CompareSuggestions puts the highest first
		}
		if out[i] == nil {
			out[i] = make([]labels.Suggestion, 0, len(sgs))
		}
		out[i] = append(out[i], g)
	}
	return out, nil
}

// checkSuggestion checks a suggestion of a run as labels.Suggestion.Check does, each label's
// name once (checked).
func checkSuggestion(checked map[string]struct{}, x *labels.TextIndex, g labels.Suggestion) error {
	if _, ok := checked[g.Label]; !ok {
		if err := labels.CheckName(g.Label); err != nil {
			return fmt.Errorf("%w: label: %w", labels.ErrBadSuggestion, err)
		}
		checked[g.Label] = struct{}{}
	}
	if math.IsNaN(g.Score) || math.IsInf(g.Score, 0) {
		return fmt.Errorf("%w: score %v", labels.ErrBadSuggestion, g.Score)
	}
	return labels.CheckTextIn(x, labels.Span{Start: g.Start, End: g.End, Text: g.Text})
}
