package suggest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"

	"github.com/tawsim/tawsim/internal/jsonkind"
	"github.com/tawsim/tawsim/labels"
)

// Patterns are the patterns of a Prodigy patterns file.
type Patterns struct {
	Phrases []Count        // the string patterns, 1 each: Tally scores them
	Tokens  []TokenPattern // the token patterns
}

// ReadPatterns reads a patterns file of Prodigy (and spaCy's entity ruler): JSONL, one
// object a line, blank lines skipped, BOM and CRLF read.
//
//	{"label":"ORG","pattern":"الأمم المتحدة"}
//	{"label":"ORG","pattern":[{"lower":"united"},{"text":"Nations"}]}
//
// A string pattern is matched as a gazetteer entry is (search form, proclitics). A token
// pattern matches consecutive tokens of arabic.Tokenize, one object each: "lower" compares
// the token's search form (arabic.Normalize: lower case, hamza, harakat...), "text" (or
// "orth") the token exactly, and {} matches any token; the keys may be written in capitals
// as spaCy writes them. No proclitic is split off for a token pattern. Other attributes
// (POS, OP, IS_PUNCT...) and predicates ({"IN": [...]}) are refused with ErrUnsupported,
// since Tawsim cannot honour them. An "id" (spaCy's entity id) is read and not used. Token
// patterns have source name.
//
// It returns the patterns of the good lines and, when lines are bad, an error listing them
// as ReadGazetteer does.
func ReadPatterns(r io.Reader, name string) (Patterns, error) {
	var out Patterns
	err := readLines(r, name, func(line []byte) error {
		if len(bytes.TrimSpace(line)) == 0 {
			return nil
		}
		return out.add(line, name)
	})
	return out, err
}

// add reads one line of a patterns file.
func (p *Patterns) add(line []byte, source string) error {
	if err := checkUTF8(line); err != nil {
		return err
	}
	var obj map[string]json.RawMessage
	if err := decodeJSON(line, &obj, "the line"); err != nil {
		return err
	}
	for _, k := range sortedKeys(obj) {
		if k != "label" && k != "pattern" && k != "id" {
			return fmt.Errorf(`unknown key %q: a pattern has "label", "pattern" and an optional "id"`, k)
		}
	}
	var label string
	if err := decodeJSON(obj["label"], &label, `"label"`); err != nil {
		return err
	}
	if err := labels.CheckName(label); err != nil {
		return fmt.Errorf("label: %w", err)
	}
	pat := bytes.TrimSpace(obj["pattern"])
	switch {
	case len(pat) > 0 && pat[0] == '"':
		var s string
		if err := decodeJSON(pat, &s, `"pattern"`); err != nil {
			return err
		}
		if _, ok := searchForm(s, chars()); !ok {
			return fmt.Errorf("pattern %q: %w", s, ErrNothingToMatch)
		}
		p.Phrases = append(p.Phrases, Count{Text: s, Label: label, N: 1})
	case len(pat) > 0 && pat[0] == '[':
		specs, err := tokenSpecs(pat)
		if err != nil {
			return err
		}
		p.Tokens = append(p.Tokens, TokenPattern{Label: label, Source: source, Tokens: specs})
	case len(pat) == 0:
		return errors.New(`no "pattern"`)
	default:
		return fmt.Errorf(`"pattern" is %s, want a string or a list of tokens`, jsonkind.Of(pat))
	}
	return nil
}

// tokenSpecs reads the list of a token pattern.
func tokenSpecs(raw json.RawMessage) ([]TokenSpec, error) {
	var toks []json.RawMessage
	if err := decodeJSON(raw, &toks, `"pattern"`); err != nil {
		return nil, err
	}
	if len(toks) == 0 {
		return nil, errors.New(`"pattern" is an empty list of tokens`)
	}
	specs := make([]TokenSpec, len(toks))
	for i, tok := range toks {
		var attrs map[string]json.RawMessage
		where := fmt.Sprintf("token %d", i+1)
		if err := decodeJSON(tok, &attrs, where); err != nil {
			return nil, err
		}
		for _, k := range sortedKeys(attrs) {
			if err := specs[i].set(k, attrs[k]); err != nil {
				return nil, fmt.Errorf("%s: %w", where, err)
			}
		}
	}
	return specs, nil
}

// set sets the attribute k of a token spec to the JSON value v.
func (s *TokenSpec) set(k string, v json.RawMessage) error {
	var field *string
	switch strings.ToLower(k) {
	case "lower":
		field = &s.Lower
	case "text", "orth":
		field = &s.Text
	default:
		return fmt.Errorf(`%q is %w: a token is matched by "lower", "text" or "orth" only`, k, ErrUnsupported)
	}
	var val string
	if err := json.Unmarshal(v, &val); err != nil {
		return fmt.Errorf(`%q is %s, want a string (predicates such as {"IN": [...]} are %w)`, k, jsonkind.Of(v), ErrUnsupported)
	}
	switch {
	case val == "":
		return fmt.Errorf("%q is empty", k)
	case strings.ContainsFunc(val, unicode.IsSpace):
		return fmt.Errorf("%q is %q, which holds white space: no token does", k, val)
	case *field != "" && *field != val:
		return fmt.Errorf(`"text" and "orth" differ: %q, %q`, *field, val)
	}
	*field = val
	return nil
}

// decodeJSON decodes the JSON value b into v, which what names in the error.
func decodeJSON(b []byte, v any, what string) error {
	b = bytes.TrimSpace(b)
	if len(b) == 0 {
		return fmt.Errorf("no %s", what)
	}
	if string(b) == "null" {
		return fmt.Errorf("%s is null, want %s", what, wantOf(v))
	}
	err := json.Unmarshal(b, v)
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &se):
		return fmt.Errorf("invalid JSON after byte %d: %v", se.Offset, se)
	case errors.As(err, &te):
		return fmt.Errorf("%s is %s, want %s", what, jsonkind.Of(b), wantOf(v))
	}
	return fmt.Errorf("%s: %v", what, err)
}

// wantOf names what v, the target of decodeJSON, holds.
func wantOf(v any) string {
	switch v.(type) {
	case *string:
		return "a string"
	case *[]json.RawMessage:
		return "a list"
	}
	return "an object {...}"
}

func sortedKeys(m map[string]json.RawMessage) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
