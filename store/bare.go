package store

import (
	"bytes"
	"errors"
	"fmt"
	"unicode/utf8"

	"github.com/goccy/go-json"
	"github.com/tawsim/tawsim/labels"
)

// bareSpan is what decodeBare reads of a stored span.
type bareSpan struct {
	Start  int    `json:"s"`
	End    int    `json:"e"`
	Label  string `json:"l"`
	Kind   string `json:"k"`
	Target string `json:"g"`
}

// names keeps one string per label, kind and target met, so that the spans of a project
// share them instead of each holding a copy.
type names map[string]string

func (n names) of(b []byte) string {
	if s, ok := n[string(b)]; ok {
		return s
	}
	s := string(b)
	n[s] = s
	return s
}

// decodeBare reads a span_sets array as spans with offsets, label, kind and target only,
// refusing what no reader could use: not an array, an empty one, offsets that are no range,
// an unknown kind or no label. Arrays as the store writes them are read by scanBare; any
// other JSON goes to the decoder, which reads it or says what is wrong with it.
func decodeBare(data []byte, n names) ([]labels.Span, error) {
	spans, ok := scanBare(data, n)
	if !ok {
		if err := isArray(data); err != nil {
			return nil, err
		}
		var list []bareSpan
		if err := json.Unmarshal(data, &list); err != nil {
			return nil, fmt.Errorf("not a valid array of spans: %w", err)
		}
		spans = make([]labels.Span, len(list))
		for i, e := range list {
			spans[i] = labels.Span{Start: e.Start, End: e.End, Label: e.Label, Kind: labels.Kind(e.Kind), Target: e.Target}
		}
	}
	if len(spans) == 0 {
		return nil, errors.New("an empty array (a row is removed with its last span)")
	}
	for i, sp := range spans {
		switch {
		case sp.Start < 0 || sp.End <= sp.Start:
			return nil, fmt.Errorf("span %d: offsets [%d,%d) are not a range of the text", i+1, sp.Start, sp.End)
		case sp.Kind != labels.KindEntity && sp.Kind != labels.KindStance:
			return nil, fmt.Errorf("span %d: %w: %q", i+1, labels.ErrBadKind, sp.Kind)
		case sp.Label == "":
			return nil, fmt.Errorf(`span %d: no "l" (a string that may not be empty)`, i+1)
		}
	}
	return spans, nil
}

// scanBare reads a span_sets array written by the store, without white space, keys of one
// letter, offsets as plain integers and labels, kinds and targets without escapes, taking
// the offsets, label, kind and target of each span. It reports false for anything else,
// which decodeBare leaves to the JSON decoder.
func scanBare(data []byte, n names) ([]labels.Span, bool) {
	p, ok := bytes.CutPrefix(data, []byte("["))
	if !ok || len(p) == 0 || p[0] != '{' {
		return nil, false
	}
	out := make([]labels.Span, 0, bytes.Count(data, []byte(`{"`)))
	for {
		var sp labels.Span
		if p, ok = scanObject(p[1:], &sp, n); !ok || len(p) == 0 {
			return nil, false
		}
		out = append(out, sp)
		switch {
		case p[0] == ']' && len(p) == 1:
			return out, true
		case p[0] == ',' && len(p) > 1 && p[1] == '{':
			p = p[1:]
		default:
			return nil, false
		}
	}
}

// scanObject reads the keys of one span after its opening brace into sp and returns what
// follows its closing brace.
func scanObject(p []byte, sp *labels.Span, n names) ([]byte, bool) {
	for {
		if len(p) < 4 || p[0] != '"' || p[2] != '"' || p[3] != ':' || ('A' <= p[1] && p[1] <= 'Z') {
			return nil, false // an upper-case key is left to the decoder, which matches keys in any case
		}
		key := p[1]
		p = p[4:]
		var ok bool
		switch key {
		case 's':
			sp.Start, p, ok = leadingInt(p)
		case 'e':
			sp.End, p, ok = leadingInt(p)
		case 'l', 'k', 'g':
			var s []byte
			if s, p, ok = plainString(p); ok {
				switch key {
				case 'l':
					sp.Label = n.of(s)
				case 'k':
					sp.Kind = labels.Kind(n.of(s))
				default:
					sp.Target = n.of(s)
				}
			}
		default:
			p, ok = skipString(p)
		}
		if !ok || len(p) == 0 {
			return nil, false
		}
		if p[0] == '}' {
			return p[1:], true
		}
		if p[0] != ',' {
			return nil, false
		}
		p = p[1:]
	}
}

// plainString reads a JSON string without escapes that p begins with, valid UTF-8 (a
// decoder would replace what is not), and returns its content and what follows it.
func plainString(p []byte) ([]byte, []byte, bool) {
	if len(p) == 0 || p[0] != '"' {
		return nil, nil, false
	}
	end := bytes.IndexByte(p[1:], '"')
	if end < 0 || bytes.IndexByte(p[1:1+end], '\\') >= 0 || !utf8.Valid(p[1:1+end]) {
		return nil, nil, false
	}
	return p[1 : 1+end], p[2+end:], true
}

// skipString skips the JSON string, escapes and all, that p begins with.
func skipString(p []byte) ([]byte, bool) {
	if len(p) == 0 || p[0] != '"' {
		return nil, false
	}
	for i := 1; i < len(p); i++ {
		j := bytes.IndexByte(p[i:], '"')
		if j < 0 {
			return nil, false
		}
		i += j
		escaped := false // an odd number of backslashes before the quote escapes it
		for k := i - 1; k > 0 && p[k] == '\\'; k-- {
			escaped = !escaped
		}
		if !escaped {
			return p[i+1:], true
		}
	}
	return nil, false
}
