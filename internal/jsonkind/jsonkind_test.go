package jsonkind

import "testing"

func TestOf(t *testing.T) {
	for in, want := range map[string]string{
		``:          "nothing",
		" \n\t":     "nothing",
		`"x"`:       "a string",
		` {"a": 1}`: "an object",
		`[1]`:       "a list",
		`true`:      "a boolean",
		`false`:     "a boolean",
		`null`:      "null",
		`-1.5`:      "a number",
		`0`:         "a number",
		`9e3`:       "a number",
		`x`:         "something that is not JSON",
		`+1`:        "something that is not JSON",
		"\u0627":    "something that is not JSON",
	} {
		if got := Of([]byte(in)); got != want {
			t.Errorf("Of(%q) = %q, want %q", in, got, want)
		}
	}
}
