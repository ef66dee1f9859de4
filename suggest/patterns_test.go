package suggest

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestReadPatterns(t *testing.T) {
	in := "\uFEFF" + `{"label":"ORG","pattern":"الأمم المتحدة"}` + "\r\n\n" +
		`{"label":"ORG","pattern":[{"lower":"united"},{"TEXT":"Nations"}],"id":"un"}` + "\n" +
		`{"pattern":[{"ORTH":"جامعة"},{},{"LOWER":"العربية"}],"label":"ORG"}`
	got, err := ReadPatterns(strings.NewReader(in), "p.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	want := Patterns{
		Phrases: []Count{{"الأمم المتحدة", "ORG", 1}},
		Tokens: []TokenPattern{
			{Label: "ORG", Source: "p.jsonl", Tokens: []TokenSpec{{Lower: "united"}, {Text: "Nations"}}},
			{Label: "ORG", Source: "p.jsonl", Tokens: []TokenSpec{{Text: "جامعة"}, {}, {Lower: "العربية"}}},
		},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

func TestReadPatternsErrors(t *testing.T) {
	in := strings.Join([]string{
		`{"label":"ORG","pattern":[{"POS":"PROPN"}]}`,                // 1
		`{"label":"ORG","pattern":[{"lower":"a","OP":"+"}]}`,         // 2
		`{"label":"ORG","pattern":[{"lower":{"IN":["a","b"]}}]}`,     // 3
		`{"label":"ORG","pattern":[]}`,                               // 4
		`{"label":"ORG","pattern":["united"]}`,                       // 5
		`{"label":"ORG","pattern":[null]}`,                           // 6
		`{"label":"ORG","pattern":[{"lower":"united nations"}]}`,     // 7
		`{"label":"ORG","pattern":[{"text":"a","orth":"b"}]}`,        // 8
		`{"label":"ORG","pattern":"،"}`,                              // 9
		`{"label":"ORG","pattern":3}`,                                // 10
		`{"label":"ORG"}`,                                            // 11
		`{"pattern":"x"}`,                                            // 12
		`{"label":7,"pattern":"x"}`,                                  // 13
		`{"label":"ORG","pattern":"x","lable":"LOC"}`,                // 14
		`{"label":"ORG","pattern":"x"`,                               // 15
		`["ORG","x"]`,                                                // 16
		`{"label":"ORG","pattern":"x"}{"label":"LOC","pattern":"y"}`, // 17
		`{"label":"ORG","pattern":[{"lower":""}]}`,                   // 18
		"{\"label\":\"ORG\",\"pattern\":\"\xff\"}",                   // 19
		`null`,                           // 20
		`{"label":"ORG","pattern":"ok"}`, // 21: good
	}, "\n")
	got, err := ReadPatterns(strings.NewReader(in), "p.jsonl")
	if len(got.Tokens) != 0 || !slices.Equal(got.Phrases, []Count{{"ok", "ORG", 1}}) {
		t.Errorf("got %+v", got)
	}
	wantErrs := []string{
		`p.jsonl:1: token 1: "POS" is not supported: a token is matched by "lower", "text" or "orth" only`,
		`p.jsonl:2: token 1: "OP" is not supported: a token is matched by "lower", "text" or "orth" only`,
		`p.jsonl:3: token 1: "lower" is an object, want a string (predicates such as {"IN": [...]} are not supported)`,
		`p.jsonl:4: "pattern" is an empty list of tokens`,
		`p.jsonl:5: token 1 is a string, want an object {...}`,
		`p.jsonl:6: token 1 is null, want an object {...}`,
		`p.jsonl:7: token 1: "lower" is "united nations", which holds white space: no token does`,
		`p.jsonl:8: token 1: "text" and "orth" differ: "b", "a"`,
		`p.jsonl:9: pattern "،": it holds no letter or digit to match`,
		`p.jsonl:10: "pattern" is a number, want a string or a list of tokens`,
		`p.jsonl:11: no "pattern"`,
		`p.jsonl:12: no "label"`,
		`p.jsonl:13: "label" is a number, want a string`,
		`p.jsonl:14: unknown key "lable": a pattern has "label", "pattern" and an optional "id"`,
		`p.jsonl:15: invalid JSON after byte 28: unexpected end of JSON input`,
		`p.jsonl:16: the line is a list, want an object {...}`,
		`p.jsonl:17: invalid JSON after byte 30: invalid character '{' after top-level value`,
		`p.jsonl:18: token 1: "lower" is empty`,
		`p.jsonl:19: invalid UTF-8 at byte 27 of the line (0xff)`,
		`p.jsonl:20: the line is null, want an object {...}`,
	}
	if got := strings.Split(fmt.Sprint(err), "\n"); !slices.Equal(got, wantErrs) {
		t.Errorf("errors:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(wantErrs, "\n"))
	}
	if !errors.Is(err, ErrUnsupported) {
		t.Error("no ErrUnsupported")
	}
}

func TestTokenPatterns(t *testing.T) {
	p, err := ReadPatterns(strings.NewReader(
		`{"label":"ORG","pattern":[{"lower":"united"},{"text":"Nations"}]}`+"\n"+
			`{"label":"ORG","pattern":[{"lower":"جامعة"},{},{"lower":"العربية"}]}`+"\n"+
			`{"label":"LOC","pattern":[{"text":"طرابلس"}]}`+"\n"+
			`{"label":"ORG","pattern":"الأمم المتحدة"}`), "p")
	if err != nil {
		t.Fatal(err)
	}
	m := tallied(t, p.Phrases, "p", p.Tokens...)
	for _, c := range []struct{ text, want string }{
		{"the UNITED Nations", `[4,18) "UNITED Nations" ORG`},
		{"the united nations", ``}, // "text" is exact
		{"جامعةُ الدول العربيّة", `[0,21) "جامعةُ الدول العربيّة" ORG`},
		{"في طرابلس وبطرابلس وطَرابلس", `[3,9) "طرابلس" LOC`}, // no proclitics, no harakat for "text"
		{"دعت الأمم المتحدة", `[4,17) "الأمم المتحدة" ORG`},
	} {
		got := strings.ReplaceAll(strings.TrimSuffix(show(m.Match(c.text)), "\n"), "\n", "; ")
		if got != c.want {
			t.Errorf("Match(%q)\n got %s\nwant %s", c.text, got, c.want)
		}
	}
}

func TestTokenAndPhraseOfOneSpan(t *testing.T) {
	m, err := NewMatcher([]Entry{{Text: "طرابلس", Label: "LOC", Source: "p", Score: 0.5}},
		[]TokenPattern{{Label: "LOC", Source: "p", Tokens: []TokenSpec{{Lower: "طرابلس"}}}})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := show(m.Match("طرابلس")), "[0,6) \"طرابلس\" LOC\n"; got != want {
		t.Errorf("got %s want %s", got, want)
	}
}

func TestNewMatcherRefuses(t *testing.T) {
	for _, c := range []struct {
		entries  []Entry
		patterns []TokenPattern
		want     string
	}{
		{[]Entry{{Text: "a", Label: "X", Score: 1}, {Text: "b", Score: 1}}, nil, `entry 2 ("b"): no label`},
		{[]Entry{{Text: "a", Label: "X", Score: 0}}, nil, `entry 1 ("a"): the score 0 is not in (0, 1]`},
		{[]Entry{{Text: "a", Label: "X", Score: 1.5}}, nil, `entry 1 ("a"): the score 1.5 is not in (0, 1]`},
		{[]Entry{{Text: "ـَ", Label: "X", Score: 1}}, nil, `entry 1 ("ـَ"): it holds no letter or digit to match`},
		{nil, []TokenPattern{{Label: "X"}}, "token pattern 1: no tokens"},
		{nil, []TokenPattern{{Tokens: []TokenSpec{{}}}}, "token pattern 1: no label"},
		{nil, []TokenPattern{{Label: "X", Tokens: []TokenSpec{{Text: "a b"}}}}, `token pattern 1: token 1: "a b" holds white space, which no token does`},
		{nil, []TokenPattern{{Label: "X", Tokens: []TokenSpec{{Lower: "ًـ"}}}}, `token pattern 1: token 1: "ًـ" has an empty search form`},
	} {
		if _, err := NewMatcher(c.entries, c.patterns); fmt.Sprint(err) != c.want {
			t.Errorf("got %v, want %s", err, c.want)
		}
	}
}
