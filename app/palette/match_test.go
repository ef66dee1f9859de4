package palette

import (
	"slices"
	"testing"

	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/seeds"
)

func names(ls []labels.Label) []string {
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = l.Name
	}
	return out
}

func TestMatchFindsLabels(t *testing.T) {
	ls := seeds.Wojood().Entities
	for _, c := range []struct {
		query string
		first []string // the first matches, in order
		none  bool
	}{
		{query: "pers", first: []string{"PERS"}},
		{query: "PER", first: []string{"PERS", "PERCENT"}},     // name prefixes, in the schema's order
		{query: "  per  ", first: []string{"PERS", "PERCENT"}}, // spaces around do not count
		{query: "person", first: []string{"PERS"}},             // its English name
		{query: "شخص", first: []string{"PERS"}},                // its Arabic name
		{query: "شَخْص", first: []string{"PERS"}},              // with harakat
		{query: "country", first: []string{"GPE"}},             // a word of a description
		{query: "دولة", first: []string{"GPE"}},
		{query: "عملة", first: []string{"CURR"}},
		{query: "Organization", first: []string{"ORG"}},
		{query: "org", first: []string{"ORG"}},
		{query: "date", first: []string{"DATE"}},
		{query: "xyzzy", none: true},
	} {
		got := names(Match(ls, c.query))
		if c.none {
			if len(got) != 0 {
				t.Errorf("%q matched %v", c.query, got)
			}
			continue
		}
		if len(got) < len(c.first) || !slices.Equal(got[:len(c.first)], c.first) {
			t.Errorf("%q matched %v, want %v first", c.query, got, c.first)
		}
	}
	if got := Match(ls, ""); len(got) != 21 || got[20].Name != "LANGUAGE" {
		t.Errorf("an empty query matched %v", names(got))
	}
}

func TestFirstClause(t *testing.T) {
	for in, want := range map[string]string{"Person: the name of a human being": "Person", "شخص: اسم علم": "شخص",
		"Cardinal number that no other type takes": "Cardinal number that no other type takes", "": ""} {
		if got := FirstClause(in); got != want {
			t.Errorf("FirstClause(%q) = %q", in, got)
		}
	}
}
