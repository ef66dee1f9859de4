package labels

import (
	"errors"
	"strings"
	"testing"
)

func TestCheckName(t *testing.T) {
	for _, ok := range []string{"PERS", "B-LOC", "Libyan National Army", "الجيش الوطني الليبي", "Egypt's mediation", "amal", "عبد الله"} {
		if err := CheckName(ok); err != nil {
			t.Errorf("CheckName(%q) = %v", ok, err)
		}
	}
	for _, c := range []struct{ name, want string }{
		{"", "empty"},
		{"LOC\u202e", `"LOC\u202e" holds U+202E, a bidi control`},
		{"a\u200eb", "U+200E, a bidi control"},
		{"a\u200fb", "U+200F, a bidi control"},
		{"\u202aa", "U+202A, a bidi control"},
		{"a\u2066b\u2069", "U+2066, a bidi control"},
		{"\u061cمصر", "U+061C, a bidi control"},
		{"a\tb", "U+0009, a control character"},
		{"a\nb", "U+000A, a control character"},
		{"a\x1b[2Jb", "U+001B, a control character"},
		{"a\u200db", "U+200D, an invisible format character"},
		{"a\ufeffb", "U+FEFF, an invisible format character"},
		{"a\u2028b", "U+2028, a line or paragraph separator"},
		{"a\u00a0b", "U+00A0, white space other than a plain space"},
		{"a\u3000b", "U+3000, white space other than a plain space"},
		{" a", "starts or ends with a space"},
		{"a ", "starts or ends with a space"},
		{"a  b", "two spaces in a row"},
		{"a\xffb", "not valid UTF-8"},
		{"a\U000f0000", "not a printable character"},
	} {
		err := CheckName(c.name)
		if !errors.Is(err, ErrBadName) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("CheckName(%q) = %v, want ErrBadName saying %q", c.name, err, c.want)
		}
	}
}

// TestSchemaRefusesHiddenCharacters: every name of a schema is checked, so that a label,
// target id, name or Arabic name with a bidi control cannot come in by any door.
func TestSchemaRefusesHiddenCharacters(t *testing.T) {
	for _, b := range []string{
		`{"entities":[{"name":"LOC\u202e"}]}`,
		`{"stance_labels":[{"name":"FAVOR\u2066"}]}`,
		`{"entities":[{"name":"PERS\u00a0"}]}`,
		`{"targets":[{"id":"t\u202e","name":"T"}]}`,
		`{"targets":[{"id":"t","name":"Egypt\u202e"}]}`,
		`{"targets":[{"id":"t","name":"Egypt","name_ar":"مصر\u061c"}]}`,
		`{"targets":[{"id":"t","name":"two\nlines"}]}`,
		`{"targets":[{"id":"t","name":" Egypt"}]}`,
	} {
		_, err := ParseSchema([]byte(b))
		if !errors.Is(err, ErrBadSchema) || !errors.Is(err, ErrBadName) {
			t.Errorf("ParseSchema(%s) = %v, want ErrBadSchema and ErrBadName", b, err)
		}
		if err != nil && strings.ContainsAny(err.Error(), "\u202e\u2066\u061c\n\u00a0") {
			t.Errorf("the error prints the character raw: %q", err)
		}
	}
	if _, err := ParseSchema([]byte(`{"targets":[{"id":"lna","name":"Libyan National Army","name_ar":"الجيش الوطني الليبي"}]}`)); err != nil {
		t.Errorf("an Arabic name is refused: %v", err)
	}
}

func TestCheckAnnotator(t *testing.T) {
	if err := CheckAnnotator("أمل"); err != nil {
		t.Errorf("CheckAnnotator(أمل) = %v", err)
	}
	if err := CheckAnnotator("  "); !errors.Is(err, ErrNoAnnotator) {
		t.Errorf("CheckAnnotator(blank) = %v, want ErrNoAnnotator", err)
	}
	if err := CheckAnnotator("amal\u202e"); !errors.Is(err, ErrBadName) {
		t.Errorf("CheckAnnotator(amal+U+202E) = %v, want ErrBadName", err)
	}
	x := NewTextIndex("قال المسماري")
	sp := Span{Annotator: "amal\u2067", Start: 4, End: 12, Text: "المسماري", Label: "PERS", Kind: KindEntity, Origin: OriginManual}
	sc := Schema{Entities: []Label{{Name: "PERS"}}, Nesting: NestingFlat}
	if err := sc.ValidateSpanIn(x, sp, nil); !errors.Is(err, ErrBadName) {
		t.Errorf("a span by an annotator with U+2067 = %v, want ErrBadName", err)
	}
}
