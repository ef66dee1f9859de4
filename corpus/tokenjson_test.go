package corpus

import (
	stdjson "encoding/json"
	"slices"
	"testing"

	"github.com/tawsim/tawsim/labels"
)

// FuzzNativeTokenList: a list read straight holds the tokens the standard decoder reads, and
// a list it does not read straight is decoded as before.
func FuzzNativeTokenList(f *testing.F) {
	for _, s := range []string{`[[0,1],[2,6]]`, ` [ [ 0 , 1 ] ] `, `[]`, `null`, `[[0,1,2]]`, `[[1,0]]`, `[[0,1.5]]`,
		`[[0,1],]`, `[[-1,2]]`, `[[0,null]]`, `[[01,2]]`, `[[0,1]] x`, `[[0,1e2]]`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var l nativeTokenList
		err := l.UnmarshalJSON(b)
		var want [][]*int
		werr := stdjson.Unmarshal(b, &want)
		if !l.present || l.slow != nil || err != nil {
			if (err == nil) != (werr == nil) {
				t.Fatalf("%q: %v, the decoder: %v", b, err, werr)
			}
			return
		}
		if werr != nil {
			t.Fatalf("%q read straight, the decoder refuses it: %v", b, werr)
		}
		var toks []labels.Offsets
		for _, p := range want {
			if len(p) != 2 || p[0] == nil || p[1] == nil {
				t.Fatalf("%q read straight, the decoder reads %v", b, want)
			}
			toks = append(toks, labels.Offsets{Start: *p[0], End: *p[1]})
		}
		if got := slices.Collect(l.packed.All()); !slices.Equal(got, toks) {
			t.Fatalf("%q read straight as %v, the decoder reads %v", b, got, toks)
		}
	})
}

// FuzzSpacyTokenList: the same for spaCy's tokens, their ids and texts.
func FuzzSpacyTokenList(f *testing.F) {
	f.Add([]byte(spacyTokensJSON))
	for _, s := range []string{`[{"start":0,"end":1,"pos":"SYM","x":[1,{"a":null}]}]`, `[{"id":1,"start":0,"end":1}]`,
		`[{"text":"a\nb","start":0,"end":3,"ws":false}]`, `[{"start":0}]`, `[{"start":0,"end":1,"text":null}]`, `[]`,
		`[{"start":0,"end":1,"x":1.5e3}]`, `[{"start":0,"end":1,"x":-}]`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var l spacyTokenList
		err := l.UnmarshalJSON(b)
		var want []spacyToken
		werr := stdjson.Unmarshal(b, &want)
		if l.slow != nil || err != nil || l.n == 0 {
			if (err == nil) != (werr == nil) {
				t.Fatalf("%q: %v, the decoder: %v", b, err, werr)
			}
			return
		}
		if werr != nil || len(want) != l.n {
			t.Fatalf("%q read straight (%d tokens), the decoder: %d tokens, %v", b, l.n, len(want), werr)
		}
		i := 0
		l.each(func(k int, tk labels.Offsets, text []byte) error {
			w := want[k]
			if k != i || w.Start == nil || w.End == nil || *w.Start != tk.Start || *w.End != tk.End || w.ID.set && w.ID.n != i {
				t.Fatalf("%q: token %d read straight as %v, the decoder reads %+v", b, i, tk, w)
			}
			if (text != nil) != (w.Text != nil) || text != nil && string(text) != *w.Text {
				t.Fatalf("%q: the text of token %d: %q, the decoder reads %v", b, i, text, w.Text)
			}
			i++
			return nil
		})
		if i != l.n {
			t.Fatalf("%q: %d tokens packed, %d counted", b, i, l.n)
		}
	})
}
