package labels

import (
	"errors"
	"testing"
)

func testSchema() Schema {
	return Schema{
		Entities:     []Label{{Name: "PERS", Hotkey: "1"}, {Name: "ORG", Hotkey: "2"}, {Name: "LOC", Hotkey: "3"}},
		StanceLabels: []Label{{Name: "FAVOR"}, {Name: "AGAINST"}},
		Targets:      []Target{{ID: "lna", Name: "Libyan National Army"}},
		Nesting:      NestingFlat,
	}
}

const text = "وقال الناطق باسم الجيش الوطني الليبي اللواء احمد المسماري"

func span(start, end int, label string) Span {
	s, _ := Slice(text, start, end)
	return Span{Annotator: "amal", Start: start, End: end, Text: s, Label: label, Kind: KindEntity, Origin: OriginManual}
}

func TestValidateSpan(t *testing.T) {
	sc := testSchema()
	army := span(17, 36, "ORG") // الجيش الوطني الليبي
	others := []Span{army}
	stance := span(17, 36, "FAVOR")
	stance.Kind, stance.Target = KindStance, "lna"
	cases := []struct {
		name string
		sp   Span
		want error
	}{
		{"fits", span(44, 57, "PERS"), nil},
		{"stance over an entity", stance, nil},
		{"past the end", span(44, 58, "PERS"), ErrOutOfRange},
		{"negative", Span{Annotator: "amal", Start: -1, End: 2, Label: "PERS", Kind: KindEntity, Origin: OriginManual}, ErrOutOfRange},
		{"empty", span(5, 5, "PERS"), ErrEmptySpan},
		{"text mismatch", func() Span { s := span(44, 57, "PERS"); s.Text = "احمد"; return s }(), ErrTextMismatch},
		{"unknown label", span(44, 57, "PER"), ErrUnknownLabel},
		{"crossing", span(12, 22, "ORG"), ErrOverlap},
		{"inside, flat", span(17, 22, "ORG"), ErrOverlap},
		{"same range, same label", span(17, 36, "ORG"), ErrOverlap},
		{"unknown target", func() Span { s := stance; s.Target = "x"; return s }(), ErrUnknownTarget},
		{"unknown stance label", func() Span { s := stance; s.Label = "ORG"; return s }(), ErrUnknownLabel},
		{"bad kind", func() Span { s := span(44, 57, "PERS"); s.Kind = "tag"; return s }(), ErrBadKind},
		{"bad origin", func() Span { s := span(44, 57, "PERS"); s.Origin = ""; return s }(), ErrBadOrigin},
		{"no annotator", func() Span { s := span(44, 57, "PERS"); s.Annotator = " "; return s }(), ErrNoAnnotator},
	}
	for _, c := range cases {
		err := sc.ValidateSpan(text, c.sp, others)
		if c.want == nil && err != nil || c.want != nil && !errors.Is(err, c.want) {
			t.Errorf("%s: got %v, want %v", c.name, err, c.want)
		}
	}
}

func TestValidateSpanOverlapRules(t *testing.T) {
	army := span(17, 36, "ORG")
	army.ID = "a"
	inner := span(23, 36, "MISC")
	inner.Label = "LOC"
	crossing := span(12, 22, "ORG")

	sc := testSchema()
	// Relabeling a span is checked against the others without itself.
	relabel := army
	relabel.Label = "LOC"
	if err := sc.ValidateSpan(text, relabel, []Span{army}); err != nil {
		t.Errorf("relabel refused: %v", err)
	}
	// Another annotator's spans never clash.
	other := army
	other.Annotator, other.ID = "badr", "b"
	if err := sc.ValidateSpan(text, crossing, []Span{other}); err != nil {
		t.Errorf("another annotator's span clashed: %v", err)
	}

	sc.Nesting = NestingNested
	if err := sc.ValidateSpan(text, inner, []Span{army}); err != nil {
		t.Errorf("nested: inner span refused: %v", err)
	}
	if err := sc.ValidateSpan(text, crossing, []Span{army}); !errors.Is(err, ErrOverlap) {
		t.Errorf("nested: crossing span got %v, want ErrOverlap", err)
	}
	sc.Nesting = NestingOverlap
	if err := sc.ValidateSpan(text, crossing, []Span{army}); err != nil {
		t.Errorf("overlap: crossing span refused: %v", err)
	}
	if err := sc.ValidateSpan(text, span(17, 36, "ORG"), []Span{army}); !errors.Is(err, ErrOverlap) {
		t.Errorf("overlap: exact duplicate got %v, want ErrOverlap", err)
	}
}
