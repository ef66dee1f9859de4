package labels

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
)

// Suggestion is an entity label that a source proposes for a span of a document: a
// gazetteer, a patterns file, propagation of what annotators labeled elsewhere, or a model's
// prediction. It is no annotation: exports, agreement and counts never see it until an
// annotator accepts it, which makes an ordinary entity span of theirs (OriginSuggestion).
type Suggestion struct {
	DocID  string  `json:"doc_id,omitempty"`
	Start  int     `json:"start"` // code point index, inclusive
	End    int     `json:"end"`   // code point index, exclusive
	Text   string  `json:"text"`
	Label  string  `json:"label"`
	Source string  `json:"source"` // a gazetteer's file name, "patterns:FILE", "propagation", a model version
	Score  float64 `json:"score"`  // how sure the source is; higher is surer
	// Decision is what one annotator decided about the suggestion, when it was read for one.
	Decision Decision `json:"decision,omitempty"`
}

// Decision is what an annotator decided about a suggestion.
type Decision string

// The decisions; the empty Decision is none yet.
const (
	DecisionAccepted Decision = "accepted"
	DecisionRejected Decision = "rejected"
)

// SourcePropagation is the source of the suggestions that what annotators labeled makes.
const SourcePropagation = "propagation"

// ErrBadSuggestion is wrapped by the error about a suggestion that cannot be stored.
var ErrBadSuggestion = errors.New("invalid suggestion")

// ParseDecision reads a decision: accepted, rejected, or "" for none.
func ParseDecision(s string) (Decision, error) {
	switch d := Decision(s); d {
	case "", DecisionAccepted, DecisionRejected:
		return d, nil
	}
	return "", fmt.Errorf("%w: decision %q (want accepted or rejected)", ErrBadSuggestion, s)
}

// Check verifies what a suggestion holds of its own (a source and a label that are valid
// names, a finite score, a known decision) and that it matches text at its offsets.
func (g Suggestion) Check(x *TextIndex) error {
	if err := CheckName(g.Source); err != nil {
		return fmt.Errorf("%w: source: %w", ErrBadSuggestion, err)
	}
	if err := CheckName(g.Label); err != nil {
		return fmt.Errorf("%w: label: %w", ErrBadSuggestion, err)
	}
	if math.IsNaN(g.Score) || math.IsInf(g.Score, 0) {
		return fmt.Errorf("%w: score %v", ErrBadSuggestion, g.Score)
	}
	if _, err := ParseDecision(string(g.Decision)); err != nil {
		return err
	}
	return CheckTextIn(x, Span{Start: g.Start, End: g.End, Text: g.Text})
}

// Span returns the entity span of annotator that accepting g makes.
func (g Suggestion) Span(annotator string) Span {
	return Span{DocID: g.DocID, Annotator: annotator, Start: g.Start, End: g.End, Text: g.Text, Label: g.Label,
		Kind: KindEntity, Origin: OriginSuggestion}
}

// Overlaps reports whether g and sp share a code point.
func (g Suggestion) Overlaps(sp Span) bool { return g.Start < sp.End && sp.Start < g.End }

// SameSpan reports whether g lies on the offsets of sp.
func (g Suggestion) SameSpan(sp Span) bool { return g.Start == sp.Start && g.End == sp.End }

// SuggestionFits tells whether accepting g would add a span of annotator beside spans, their
// spans of the document whose text x indexes: nil when it would, else why not (a span of
// theirs on the same range, whatever its label, is ErrOverlap; so is an overlap that the
// schema's nesting forbids with their entity spans).
func (sc Schema) SuggestionFits(x *TextIndex, g Suggestion, annotator string, spans []Span) error {
	var others []Span
	for _, sp := range spans {
		if sp.Kind != KindEntity || !g.Overlaps(sp) {
			continue
		}
		if g.SameSpan(sp) {
			return fmt.Errorf("%w: [%d,%d) is already labeled %s", ErrOverlap, g.Start, g.End, sp.Label)
		}
		others = append(others, sp)
	}
	return sc.ValidateSpanIn(x, g.Span(annotator), others)
}

// CompareSuggestions orders suggestions as they are stored and exported: by start, end,
// label, source, then the highest score first.
func CompareSuggestions(a, b Suggestion) int {
	return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End), cmp.Compare(a.Label, b.Label),
		cmp.Compare(a.Source, b.Source), cmp.Compare(b.Score, a.Score))
}

// ByConfidence orders suggestions for taking them in turn (accepting all of a document's):
// the highest score first, then by start, the longest first, then by label and source.
func ByConfidence(a, b Suggestion) int {
	return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(a.Start, b.Start), cmp.Compare(b.End, a.End),
		cmp.Compare(a.Label, b.Label), cmp.Compare(a.Source, b.Source))
}

// TakeSuggestions returns the suggestions of sgs that an export with accepted suggestions
// adds to a record's spans: those the record's annotator has not decided on, taken by
// confidence (ByConfidence), each that overlaps no entity span of spans nor one taken
// before. The spans come in text order (by start, then end), with the annotator's name.
func TakeSuggestions(sgs []Suggestion, spans []Span, annotator string) []Span {
	pending := make([]Suggestion, 0, len(sgs))
	for _, g := range sgs {
		if g.Decision == "" {
			pending = append(pending, g)
		}
	}
	slices.SortStableFunc(pending, ByConfidence)
	var taken []Span
	for _, g := range pending {
		free := !slices.ContainsFunc(spans, func(sp Span) bool { return sp.Kind == KindEntity && g.Overlaps(sp) }) &&
			!slices.ContainsFunc(taken, g.Overlaps)
		if free {
			taken = append(taken, g.Span(annotator))
		}
	}
	slices.SortFunc(taken, func(a, b Span) int { return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End)) })
	return taken
}
