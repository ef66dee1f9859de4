package export

import (
	"fmt"
	"math"
	"strconv"

	"github.com/tawsim/tawsim/labels"
)

// checkSuggestions verifies the suggestions of a record, whose text b.text indexes: each
// matches the text at its offsets, with a label, a source and a decision that are valid, and
// a finite score.
func (b *base) checkSuggestions(sgs []labels.Suggestion) error {
	for _, g := range sgs {
		if err := validStrings("suggestion", g.Label, g.Source); err != nil {
			return err
		}
		if g.Label == "" || g.Source == "" {
			return fmt.Errorf("suggestion [%d,%d): %w: a suggestion needs a label and a source", g.Start, g.End, labels.ErrBadSuggestion)
		}
		if _, err := labels.ParseDecision(string(g.Decision)); err != nil {
			return err
		}
		if math.IsNaN(g.Score) || math.IsInf(g.Score, 0) {
			return fmt.Errorf("suggestion [%d,%d) %s: %w: score %v", g.Start, g.End, g.Label, labels.ErrBadSuggestion, g.Score)
		}
		if err := labels.CheckTextIn(&b.text.walk, labels.Span{Start: g.Start, End: g.End, Text: g.Text}); err != nil {
			return fmt.Errorf("suggestion %s of %s: %w", g.Label, g.Source, err)
		}
	}
	return nil
}

// appendSuggestions appends suggestions as a JSON array of
// {start,end,label,text,source,score} and "decision" when there is one.
func (j *jsonlWriter) appendSuggestions(b []byte, sgs []labels.Suggestion) []byte {
	b = append(b, '[')
	for i, g := range sgs {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendIntField(append(b, '{'), "start", g.Start, true)
		b = appendIntField(b, "end", g.End, false)
		b = appendStringField(b, "label", g.Label, false)
		b = j.appendTextField(b, "text", g.Text, false)
		b = appendStringField(b, "source", g.Source, false)
		b = appendFloat(appendKey(b, "score", false), g.Score)
		if g.Decision != "" {
			b = appendStringField(b, "decision", string(g.Decision), false)
		}
		b = j.spill(append(b, '}'))
	}
	return append(b, ']')
}

// appendFloat appends f as encoding/json writes a float64: the shortest digits that read
// back as f, with an exponent only for the very small and very large.
func appendFloat(b []byte, f float64) []byte {
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' { // 1e-07 → 1e-7, as encoding/json writes it
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}
