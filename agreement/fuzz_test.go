package agreement

import (
	"encoding/json"
	"testing"
)

// spansOf reads up to eight spans from data, three bytes each: start, length and label.
func spansOf(data []byte) []Span {
	var out []Span
	for len(data) >= 3 && len(out) < 8 {
		s := int(data[0] % 40)
		out = append(out, Span{Start: s, End: s + int(data[1]%12), Label: string(rune('A' + data[2]%3))})
		data = data[3:]
	}
	return out
}

// Any two sets of spans, empty ones included, give counts that agree with each other and
// with a search of every pairing, whichever annotator comes first.
func FuzzSpanPairing(f *testing.F) {
	f.Add([]byte{0, 4, 0, 5, 3, 1}, []byte{0, 4, 0, 5, 4, 1})
	f.Add([]byte{0, 10, 0, 8, 4, 0}, []byte{9, 2, 0, 0, 2, 0})
	f.Add([]byte{}, []byte{3, 0, 2})
	f.Fuzz(func(t *testing.T, da, db []byte) {
		a, b := spansOf(da), spansOf(db)
		intern := func(l string) int { return int(l[0] - 'A') }
		var x, y prepared
		var used []bool
		x.fill(a, intern)
		y.fill(b, intern)
		var p, q spanPair
		d := p.add(&x, &y, &used)
		e := q.add(&y, &x, &used)
		if d.matches != e.matches || d.boundaries != e.boundaries || d.partial != e.partial || d.a != e.b {
			t.Fatalf("a then b %+v, b then a %+v", d, e)
		}
		if d.matches > d.boundaries || 2*d.boundaries > d.a+d.b {
			t.Fatalf("strict %d, boundaries %d of %d+%d", d.matches, d.boundaries, d.a, d.b)
		}
		if want := bruteMatching(x.spans, y.spans, make([]bool, len(y.spans))); d.partial != want {
			t.Fatalf("%v / %v: %d overlap pairs, the most is %d", a, b, d.partial, want)
		}
		if d.partial < d.matches {
			t.Fatalf("partial %d < strict %d", d.partial, d.matches)
		}
	})
}

// Reading the stance object never panics, and what it reads is written back and read again
// to the same text.
func FuzzTargetsJSON(f *testing.F) {
	f.Add([]byte(`{"lna":{"target":"LNA","items":3,"alpha":0.5,"fleiss_kappa":null,"pairs":[]}}`))
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"a":1}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var ts Targets
		if json.Unmarshal(data, &ts) != nil {
			return
		}
		once, err := json.Marshal(ts)
		if err != nil {
			t.Fatal(err)
		}
		var again Targets
		if err := json.Unmarshal(once, &again); err != nil {
			t.Fatalf("%s: %v", once, err)
		}
		if twice, _ := json.Marshal(again); string(twice) != string(once) {
			t.Fatalf("%s became %s", once, twice)
		}
	})
}
