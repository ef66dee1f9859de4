package storetest

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

var _ = contract(
	testCase{"OwnTokensPacked", testOwnTokensPacked},
)

// testOwnTokensPacked: a document's own tokens, given packed or as offsets, by AddDocuments
// or an import, read back the same (as offsets from Document, as either from Export); an
// empty list stays an empty list; packed tokens past the text are refused.
func testOwnTokensPacked(t *testing.T, open Opener) {
	s, _ := project(t, open, labels.NestingFlat)
	text := strings.Repeat("كلمة ", 60) // tokens past 128 code points take varints of two bytes
	toks := []labels.Offsets{{Start: 0, End: 4}, {Start: 150, End: 154}, {Start: 155, End: 299}}
	packed, err := labels.PackTokens(toks)
	must(t, err)
	res, err := s.AddDocuments(ctx, []labels.Document{
		{Text: text, ExternalID: "packed", Packed: packed},
		{Text: text + "أ", ExternalID: "offsets", Tokens: toks},
		{Text: text + "ب", ExternalID: "empty", Packed: labels.PackedTokens{}},
	})
	must(t, err)
	imp, err := s.BeginImport(ctx, store.ImportOptions{Annotator: "amal"})
	must(t, err)
	must(t, imp.Add(labels.Annotated{Doc: labels.Document{Text: text + "ت", ExternalID: "imported", Packed: packed}}))
	_, err = imp.Commit()
	must(t, err)
	for i, id := range res.IDs {
		d, err := s.Document(ctx, id)
		must(t, err)
		want := toks
		if i == 2 {
			want = []labels.Offsets{}
		}
		if !slices.Equal(d.Tokens, want) || (d.Tokens == nil) != (want == nil) {
			t.Errorf("%s: tokens %v, want %v", d.ExternalID, d.Tokens, want)
		}
	}
	seen := 0
	must(t, s.Export(ctx, store.ExportFilter{}, func(r labels.Annotated) error {
		seen++
		want := toks
		if r.Doc.ExternalID == "empty" {
			want = []labels.Offsets{}
		}
		got := slices.Collect(r.Doc.OwnTokens())
		if !r.Doc.HasOwnTokens() || len(got) != len(want) || !slices.Equal(got, want) {
			t.Errorf("export of %s: tokens %v, want %v", r.Doc.ExternalID, got, want)
		}
		return nil
	}))
	if seen != 4 {
		t.Errorf("exported %d records, want 4", seen)
	}
	bad, _ := labels.PackTokens([]labels.Offsets{{Start: 0, End: 400}})
	if _, err := s.AddDocuments(ctx, []labels.Document{{Text: text + "ث", Packed: bad}}); !errors.Is(err, store.ErrBadDocument) {
		t.Errorf("packed tokens past the text: %v, want ErrBadDocument", err)
	}
	if probs, err := s.Check(ctx); err != nil || len(probs) != 0 {
		t.Errorf("Check = %+v, %v", probs, err)
	}
}
