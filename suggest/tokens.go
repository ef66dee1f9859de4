package suggest

import (
	"errors"
	"fmt"
	"strings"
	"unicode"

	"github.com/tawsim/tawsim/arabic"
)

// TokenPattern matches a run of consecutive tokens (arabic.Tokenize), one TokenSpec each, as
// the token patterns of Prodigy and spaCy's entity ruler do.
type TokenPattern struct {
	Label  string
	Source string
	Tokens []TokenSpec
}

// TokenSpec is what one token of a TokenPattern must be. A spec with neither field matches
// any token (spaCy's {}); with both, the token must be both.
type TokenSpec struct {
	Lower string // when set, the token's search form (arabic.Normalize) is Lower's
	Text  string // when set, the token is Text exactly
}

// tokenMatcher finds token patterns, indexed by what their first token must be.
type tokenMatcher struct {
	patterns []tokPattern
	byText   map[string][]int32 // patterns whose first token has Text, by it
	byLower  map[string][]int32 // the others whose first token has Lower, by its search form
	any      []int32            // patterns whose first token may be any
	lower    bool               // some pattern compares search forms
}

type tokPattern struct {
	label, source int32
	specs         []TokenSpec // Lower as its search form
}

// newTokenMatcher indexes patterns; name numbers labels and sources. It returns nil when
// there are no patterns.
func newTokenMatcher(patterns []TokenPattern, name func(string) int32) (*tokenMatcher, error) {
	if len(patterns) == 0 {
		return nil, nil
	}
	tm := &tokenMatcher{byText: map[string][]int32{}, byLower: map[string][]int32{}}
	for i, p := range patterns {
		if err := checkTokenPattern(p); err != nil {
			return nil, fmt.Errorf("token pattern %d: %w", i+1, err)
		}
		specs := make([]TokenSpec, len(p.Tokens))
		for j, s := range p.Tokens {
			specs[j] = TokenSpec{Lower: arabic.Normalize(s.Lower), Text: s.Text}
			tm.lower = tm.lower || s.Lower != ""
		}
		id := int32(len(tm.patterns))
		tm.patterns = append(tm.patterns, tokPattern{label: name(p.Label), source: name(p.Source), specs: specs})
		switch first := specs[0]; {
		case first.Text != "":
			tm.byText[first.Text] = append(tm.byText[first.Text], id)
		case first.Lower != "":
			tm.byLower[first.Lower] = append(tm.byLower[first.Lower], id)
		default:
			tm.any = append(tm.any, id)
		}
	}
	return tm, nil
}

// checkTokenPattern refuses a pattern that could never match or suggests no label.
func checkTokenPattern(p TokenPattern) error {
	if p.Label == "" {
		return errors.New("no label")
	}
	if len(p.Tokens) == 0 {
		return errors.New("no tokens")
	}
	for j, s := range p.Tokens {
		for _, v := range []string{s.Lower, s.Text} {
			if strings.ContainsFunc(v, unicode.IsSpace) {
				return fmt.Errorf("token %d: %q holds white space, which no token does", j+1, v)
			}
		}
		if s.Lower != "" && arabic.Normalize(s.Lower) == "" {
			return fmt.Errorf("token %d: %q has an empty search form", j+1, s.Lower)
		}
	}
	return nil
}

// find adds the matches of the patterns in toks to cands.
func (tm *tokenMatcher) find(toks []arabic.Token, cands []cand) []cand {
	var forms []string // the search form of each token, when some pattern needs it
	if tm.lower {
		forms = make([]string, len(toks))
		for i, t := range toks {
			forms[i] = arabic.Normalize(t.Text)
		}
	}
	try := func(ids []int32, i int) {
		for _, id := range ids {
			if n := len(tm.patterns[id].specs); tm.matches(id, toks, forms, i) {
				cands = append(cands, cand{start: toks[i].Start, end: toks[i+n-1].End, b0: -1, key: -1, pat: id})
			}
		}
	}
	for i, t := range toks {
		try(tm.byText[t.Text], i)
		if tm.lower {
			try(tm.byLower[forms[i]], i)
		}
		try(tm.any, i)
	}
	return cands
}

// matches reports whether pattern id matches the tokens from i on.
func (tm *tokenMatcher) matches(id int32, toks []arabic.Token, forms []string, i int) bool {
	specs := tm.patterns[id].specs
	if i+len(specs) > len(toks) {
		return false
	}
	for j, s := range specs {
		if s.Text != "" && toks[i+j].Text != s.Text || s.Lower != "" && forms[i+j] != s.Lower {
			return false
		}
	}
	return true
}

// bytes returns about how much memory the matcher holds, in bytes.
func (tm *tokenMatcher) bytes() int {
	n := 0
	for _, p := range tm.patterns {
		n += 32 + 8
		for _, s := range p.specs {
			n += 32 + len(s.Lower) + len(s.Text)
		}
	}
	return n + 16*(len(tm.byText)+len(tm.byLower)) + 4*len(tm.patterns) + 4*len(tm.any)
}
