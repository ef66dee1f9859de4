package named

import (
	"errors"
	"slices"
	"testing"
)

func TestList(t *testing.T) {
	type thing struct{ name string }
	errUnknown := errors.New("unknown thing")
	l := NewList([]thing{{"jsonl"}, {"hf"}, {"stance-claims"}}, func(x thing) string { return x.name }, errUnknown)
	for key, want := range map[string]string{"hf": "hf", " HF\t": "hf", "Stance-Claims": "stance-claims"} {
		if got, err := l.Lookup(key); got.name != want || err != nil {
			t.Errorf("Lookup(%q) = %q, %v", key, got.name, err)
		}
	}
	if _, err := l.Lookup("xml"); !errors.Is(err, errUnknown) || err.Error() != `unknown thing "xml" (want one of jsonl, hf, stance-claims)` {
		t.Errorf("Lookup(xml): %v", err)
	}
	if got := l.Names(); !slices.Equal(got, []string{"jsonl", "hf", "stance-claims"}) {
		t.Errorf("Names = %v", got)
	}
	if all := l.All(); len(all) != 3 || all[1].name != "hf" {
		t.Errorf("All = %v", all)
	}
}
