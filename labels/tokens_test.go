package labels

import (
	"slices"
	"testing"

	"github.com/tawsim/tawsim/arabic"
)

func TestEachToken(t *testing.T) {
	doc := Document{Text: "قال «المسماري»: تقدمنا 34.3 كم"}
	var got []Token
	for tk := range doc.EachToken() {
		got = append(got, tk)
	}
	want := arabic.Tokenize(doc.Text)
	if len(got) != len(want) {
		t.Fatalf("%d tokens, arabic.Tokenize finds %d", len(got), len(want))
	}
	for i, tk := range got {
		if tk.Start != want[i].Start || tk.End != want[i].End || doc.Text[tk.From:tk.To] != want[i].Text {
			t.Errorf("token %d: %+v, want %+v", i, tk, want[i])
		}
	}
	if offs := doc.TokenOffsets(); len(offs) != len(want) || offs[1] != (Offsets{4, 5}) {
		t.Errorf("TokenOffsets = %v", offs)
	}

	// its own tokens, those outside the text or empty left out
	doc.Tokens = []Offsets{{0, 3}, {4, 14}, {14, 14}, {20, 99}, {-1, 2}}
	var own []string
	for tk := range doc.EachToken() {
		if s, _ := Slice(doc.Text, tk.Start, tk.End); s != doc.Text[tk.From:tk.To] {
			t.Errorf("token %+v: bytes %q, code points %q", tk, doc.Text[tk.From:tk.To], s)
		}
		own = append(own, doc.Text[tk.From:tk.To])
	}
	if !slices.Equal(own, []string{"قال", "«المسماري»"}) {
		t.Errorf("own tokens %q", own)
	}
	if offs := doc.TokenOffsets(); !slices.Equal(offs, doc.Tokens[:2]) {
		t.Errorf("TokenOffsets = %v", offs)
	}
}
