package store

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"strconv"

	"github.com/tawsim/tawsim/labels"
)

// A suggestion_sets array holds each suggestion as [start,end,"label",score]
// (migrations/0008_suggestions.sql). Its text is not stored: it is the document's between the
// offsets, which never changes. A run of 50,000 articles writes millions of suggestions, and
// the array form is less than half the size of objects with their texts.

// encodeSuggestions renders suggestions of one source, already in stored order, as a
// suggestion_sets array, and returns their lowest score. buf is reused.
func encodeSuggestions(buf []byte, sgs []labels.Suggestion) ([]byte, float64) {
	b := append(buf[:0], '[')
	low := math.Inf(1)
	for i, g := range sgs {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '[')
		b = strconv.AppendInt(b, int64(g.Start), 10)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(g.End), 10)
		b = append(b, ',')
		b = appendLabel(b, g.Label)
		b = append(b, ',')
		b = strconv.AppendFloat(b, g.Score, 'g', -1, 64)
		b = append(b, ']')
		low = min(low, g.Score)
	}
	return append(b, ']'), low
}

// appendLabel appends a label as a JSON string: a label holds no control character
// (labels.CheckName), so only the quote and the backslash are escaped.
func appendLabel(b []byte, s string) []byte {
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		if s[i] == '"' || s[i] == '\\' {
			b = append(b, '\\')
		}
		b = append(b, s[i])
	}
	return append(b, '"')
}

// errStoredSuggestions is the error about an array that is not as encodeSuggestions writes.
var errStoredSuggestions = errors.New("not a list of [start,end,label,score]")

// decodeSuggestions reads a suggestion_sets array of source in document docID, whose text
// x indexes.
func decodeSuggestions(data []byte, docID, source string, x *labels.TextIndex) ([]labels.Suggestion, error) {
	sgs := make([]labels.Suggestion, 0, bytes.Count(data, []byte("],[")))
	rest, ok := bytes.CutPrefix(data, []byte("["))
	for ok && len(rest) > 0 && rest[0] != ']' {
		g := labels.Suggestion{DocID: docID, Source: source}
		if rest, ok = bytes.CutPrefix(rest, []byte("[")); ok {
			g.Start, rest, ok = leadingSigned(rest, ',')
		}
		if ok {
			g.End, rest, ok = leadingSigned(rest, ',')
		}
		if ok {
			g.Label, rest, ok = leadingLabel(rest)
		}
		if ok {
			g.Score, rest, ok = leadingFloat(rest)
		}
		if !ok {
			break
		}
		var fits bool
		if g.Text, fits = x.Slice(g.Start, g.End); !fits || g.Start >= g.End {
			return nil, fmt.Errorf("suggestions of %q in document %s: [%d,%d) %s: %w", source, docID, g.Start, g.End, g.Label, labels.ErrOutOfRange)
		}
		sgs = append(sgs, g)
		if r, more := bytes.CutPrefix(rest, []byte(",")); more {
			rest, ok = r, len(r) > 0 && r[0] == '['
		}
	}
	if !ok || string(rest) != "]" {
		return nil, fmt.Errorf("suggestions of %q in document %s: %w", source, docID, errStoredSuggestions)
	}
	return sgs, nil
}

// leadingSigned reads an integer that ends at sep, and returns it and what follows sep.
func leadingSigned(b []byte, sep byte) (int, []byte, bool) {
	i := bytes.IndexByte(b, sep)
	if i < 0 {
		return 0, b, false
	}
	n, err := strconv.Atoi(string(b[:i]))
	return n, b[i+1:], err == nil
}

// leadingLabel reads a JSON string followed by a comma.
func leadingLabel(b []byte) (string, []byte, bool) {
	if len(b) == 0 || b[0] != '"' {
		return "", b, false
	}
	for i := 1; i < len(b); i++ {
		switch b[i] {
		case '\\':
			i++
		case '"':
			s, err := strconv.Unquote(string(b[:i+1]))
			if err != nil || i+1 >= len(b) || b[i+1] != ',' {
				return "", b, false
			}
			return s, b[i+2:], true
		}
	}
	return "", b, false
}

// leadingFloat reads a number followed by the ] that closes its suggestion.
func leadingFloat(b []byte) (float64, []byte, bool) {
	i := bytes.IndexByte(b, ']')
	if i < 0 {
		return 0, b, false
	}
	f, err := strconv.ParseFloat(string(b[:i]), 64)
	return f, b[i+1:], err == nil && !math.IsNaN(f) && !math.IsInf(f, 0)
}
