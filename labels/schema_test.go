package labels

import (
	"errors"
	"testing"
)

func TestParseSchema(t *testing.T) {
	sc, err := ParseSchema([]byte(`{"entities":[{"name":"PERS","hotkey":"1"}],"targets":[{"id":"t","name":"T"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if sc.Nesting != NestingFlat {
		t.Errorf("default nesting = %q, want flat", sc.Nesting)
	}
	if _, ok := sc.Entity("PERS"); !ok {
		t.Error("PERS not found")
	}
	bad := []string{
		`{"entities":[{"name":"PERS"},{"name":"PERS"}]}`,
		`{"entities":[{"name":"A","hotkey":"1"},{"name":"B","hotkey":"1"}]}`,
		`{"entities":[{"name":"two words"}]}`,
		`{"targets":[{"id":"","name":"x"}]}`,
		`{"targets":[{"id":"a","name":"x"},{"id":"a","name":"y"}]}`,
		`{"nesting":"sideways"}`,
		`{"entities":`,
	}
	for _, b := range bad {
		if _, err := ParseSchema([]byte(b)); !errors.Is(err, ErrBadSchema) {
			t.Errorf("ParseSchema(%s) = %v, want ErrBadSchema", b, err)
		}
	}
}

func TestParseStatus(t *testing.T) {
	for _, s := range Statuses {
		got, err := ParseStatus(string(s))
		if err != nil || got != s {
			t.Errorf("ParseStatus(%q) = %q, %v", s, got, err)
		}
	}
	if got, err := ParseStatus(" Done "); err != nil || got != StatusDone {
		t.Errorf("ParseStatus(\" Done \") = %q, %v", got, err)
	}
	if _, err := ParseStatus("finished"); !errors.Is(err, ErrBadStatus) {
		t.Errorf("ParseStatus(finished) = %v, want ErrBadStatus", err)
	}
}
