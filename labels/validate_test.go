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

// TestNestingRules holds the three rules to the examples: under nested, [4,35) ORG
// may hold [29,35) GPE (and a third level inside that), [4,21) crossing [16,35) is refused, and
// a second label on the same range needs SameRange.
func TestNestingRules(t *testing.T) {
	outer, inner, crossing := span(4, 35, "ORG"), span(29, 35, "LOC"), span(16, 35, "ORG")
	left := span(4, 21, "PERS")
	third := span(29, 30, "PERS")
	cases := []struct {
		name      string
		nesting   Nesting
		sameRange bool
		sp        Span
		others    []Span
		ok        bool
	}{
		{"nested: inner inside outer", NestingNested, false, inner, []Span{outer}, true},
		{"nested: outer around inner", NestingNested, false, outer, []Span{inner}, true},
		{"nested: three levels", NestingNested, false, third, []Span{outer, inner}, true},
		{"nested: crossing", NestingNested, false, crossing, []Span{left}, false},
		{"nested: crossing the other way", NestingNested, false, left, []Span{crossing}, false},
		{"nested: same range, another label", NestingNested, false, span(4, 35, "PERS"), []Span{outer}, false},
		{"nested + same_range: same range, another label", NestingNested, true, span(4, 35, "PERS"), []Span{outer}, true},
		{"nested + same_range: same range, same label", NestingNested, true, span(4, 35, "ORG"), []Span{outer}, false},
		{"nested: touching, not overlapping", NestingNested, false, span(35, 40, "LOC"), []Span{outer}, true},
		{"flat: inside", NestingFlat, false, inner, []Span{outer}, false},
		{"overlap: crossing", NestingOverlap, false, crossing, []Span{left}, true},
		{"overlap: same range, another label", NestingOverlap, false, span(4, 35, "PERS"), []Span{outer}, true},
	}
	for _, c := range cases {
		sc := testSchema()
		sc.Nesting, sc.SameRange = c.nesting, c.sameRange
		err := sc.ValidateSpan(text, c.sp, c.others)
		if c.ok && err != nil || !c.ok && !errors.Is(err, ErrOverlap) {
			t.Errorf("%s: got %v, want ok=%v", c.name, err, c.ok)
		}
	}
}

func TestSameRangeNeedsNesting(t *testing.T) {
	if _, err := ParseSchema([]byte(`{"nesting":"flat","same_range":true}`)); !errors.Is(err, ErrBadSchema) {
		t.Errorf("flat with same_range: %v, want ErrBadSchema", err)
	}
	sc, err := ParseSchema([]byte(`{"nesting":"nested","same_range":true}`))
	if err != nil || !sc.SameRange {
		t.Errorf("nested with same_range: %+v, %v", sc, err)
	}
	if sc, _ := ParseSchema([]byte(`{"nesting":"nested"}`)); sc.SameRange {
		t.Error("same_range is on by default")
	}
}
