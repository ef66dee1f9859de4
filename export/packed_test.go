package export

import (
	"bytes"
	"errors"
	"testing"

	"github.com/tawsim/tawsim/labels"
)

// TestPackedTokensWriteAlike: a document's own tokens write the same bytes in every format
// whether they come as Offsets or packed (as the store reads them), and packed tokens that
// pass the end of the text are refused before anything is written.
func TestPackedTokensWriteAlike(t *testing.T) {
	rec := conllRecord(t, anercorpLines)
	packed := rec
	var err error
	if packed.Doc.Packed, err = labels.PackTokens(rec.Doc.Tokens); err != nil {
		t.Fatal(err)
	}
	packed.Doc.Tokens = nil
	opt := Options{Schema: testSchema, SplitClitics: true}
	for _, format := range Formats() {
		if want, got := write(t, format, opt, rec), write(t, format, opt, packed); got != want {
			t.Errorf("%s: packed tokens write\n%s\nwant\n%s", format, got, want)
		}
	}
	bad := packed
	bad.Doc.Packed = append(append(labels.PackedTokens{}, packed.Doc.Packed...), 0, 0)
	for _, format := range []string{"jsonl", "spacy", "conll"} {
		var out bytes.Buffer
		w, err := NewWriter(&out, format, opt)
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Write(bad); !errors.Is(err, ErrBadToken) || out.Len() != 0 {
			t.Errorf("%s: a token past the end of the text: %v, wrote %q", format, err, out.String())
		}
	}
}
