package labels

import (
	"fmt"
	"time"
	"unicode/utf8"
)

// Kind tells an entity span from a stance evidence span.
type Kind string

// The kinds of span.
const (
	KindEntity Kind = "entity"
	KindStance Kind = "stance"
)

// Origin tells where a span came from.
type Origin string

// The origins of a span.
const (
	OriginManual     Origin = "manual"
	OriginImport     Origin = "import"
	OriginSuggestion Origin = "suggestion"
)

// Span is a labeled range of a document's text.
type Span struct {
	ID        string    `json:"id"`
	DocID     string    `json:"doc_id"`
	Annotator string    `json:"annotator"`
	Start     int       `json:"start"` // code point index, inclusive
	End       int       `json:"end"`   // code point index, exclusive
	Text      string    `json:"text"`
	Label     string    `json:"label"`
	Kind      Kind      `json:"kind"`
	Target    string    `json:"target,omitempty"` // stance spans only: the target's ID
	Origin    Origin    `json:"origin"`
	Created   time.Time `json:"created"`
	Updated   time.Time `json:"updated"`
}

// Overlaps reports whether the half-open ranges of s and o share a code point.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// Contains reports whether o lies within s.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }

// Slice returns text[start:end] counted in code points, and false when the range does not
// fit the text. It walks the string once and allocates nothing.
func Slice(text string, start, end int) (string, bool) {
	if start < 0 || end < start {
		return "", false
	}
	i, from := 0, -1
	for b := range text {
		if i == start {
			from = b
		}
		if i == end {
			if from < 0 {
				return "", false
			}
			return text[from:b], true
		}
		i++
	}
	if i == end {
		if from < 0 {
			if start == i {
				return "", true
			}
			return "", false
		}
		return text[from:], true
	}
	return "", false
}

// RuneLen returns the length of text in code points.
func RuneLen(text string) int { return utf8.RuneCountInString(text) }

// CheckText verifies that sp's offsets fall inside text and that sp.Text equals
// text[sp.Start:sp.End] in code points.
func CheckText(text string, sp Span) error { return CheckTextIn(NewTextIndex(text), sp) }

// CheckTextIn is CheckText with the text given by its index.
func CheckTextIn(x *TextIndex, sp Span) error {
	if sp.Start < 0 || sp.End < sp.Start {
		return fmt.Errorf("%w: [%d,%d)", ErrOutOfRange, sp.Start, sp.End)
	}
	if sp.Start == sp.End {
		return fmt.Errorf("%w: [%d,%d)", ErrEmptySpan, sp.Start, sp.End)
	}
	got, ok := x.Slice(sp.Start, sp.End)
	if !ok {
		return fmt.Errorf("%w: [%d,%d) in a text of %d code points", ErrOutOfRange, sp.Start, sp.End, x.Len())
	}
	if got != sp.Text {
		return fmt.Errorf("%w: [%d,%d) holds %q, the span says %q", ErrTextMismatch, sp.Start, sp.End, got, sp.Text)
	}
	return nil
}
