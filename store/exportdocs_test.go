package store

import (
	"bytes"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/goccy/go-json"

	"github.com/tawsim/tawsim/labels"
)

// FuzzPackJSONTokens: the tokens of migration 0005 pack as the JSON decoder reads them,
// and are refused where it refuses them, where they are null, out of order or outside the text.
func FuzzPackJSONTokens(f *testing.F) {
	for _, s := range []string{`[]`, `[{"start":0,"end":3},{"start":4,"end":12}]`, `[{"start":0,"end":3},]`,
		`[{"start":01,"end":3}]`, `[{"end":3,"start":0}]`, `[ {"start": 0, "end": 3} ]`, `[{"start":-1,"end":3}]`,
		`[{"start":123456789012345678901,"end":3}]`, `null`, `[{"start":0,"end":3}`, `[{"start":0,"end":3}]x`,
		`[{"start":4,"end":12},{"start":0,"end":3}]`, `[{"start":0,"end":0}]`} {
		f.Add([]byte(s), 12)
	}
	f.Fuzz(func(t *testing.T, data []byte, n int) {
		var toks []labels.Offsets
		werr := json.Unmarshal(data, &toks)
		var want labels.PackedTokens
		if werr == nil && toks == nil {
			werr = errors.New("null")
		}
		if werr == nil {
			want, werr = labels.PackTokens(toks)
		}
		if werr == nil {
			werr = want.Check(n)
		}
		got, err := packJSONTokens(data, n)
		if (err != nil) != (werr != nil) {
			t.Fatalf("packJSONTokens(%q, %d): %v, the JSON decoder: %v", data, n, err, werr)
		}
		if err == nil && (!bytes.Equal(got, want) || got == nil) {
			t.Fatalf("packJSONTokens(%q) = %v, the JSON decoder gives %v", data, got, want)
		}
	})
}

// TestExportReadsStoredTokens: a document's own tokens come out of an export as they went
// in, packed, and an empty list as an empty list.
func TestExportReadsStoredTokens(t *testing.T) {
	s := newStore(t)
	toks := offs(0, 4, 5, 8)
	_, err := s.AddDocuments(ctx, []labels.Document{{Text: "أحمد قال", Tokens: toks}, {Text: "نص بلا رموز"},
		{Text: "نص برموز لا شيء فيها", Tokens: []labels.Offsets{}}})
	must(t, err)
	var got []labels.Document
	if err := s.Export(ctx, ExportFilter{}, func(a labels.Annotated) error {
		got = append(got, a.Doc)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || !reflect.DeepEqual(slices.Collect(got[0].OwnTokens()), toks) || got[0].Tokens != nil ||
		got[1].HasOwnTokens() || !got[2].HasOwnTokens() || got[2].Packed.Len() != 0 {
		t.Fatalf("the tokens exported: %+v", got)
	}
}

// TestExportBatchesByBytes: a batch of documents ends once it holds about exportBatchBytes of
// text, and the records still come whole, each with its own spans.
func TestExportBatchesByBytes(t *testing.T) {
	defer func(n int) { exportBatchBytes = n }(exportBatchBytes)
	var texts []string
	for i := range 7 {
		texts = append(texts, newsText(uint64(i), 300))
	}
	s, ids := newProject(t, labels.NestingFlat, texts...)
	for i, id := range ids {
		word := strings.Fields(texts[i])[2]
		_, err := s.AddSpan(ctx, entity(t, id, "amal", texts[i], word, "LOC"))
		must(t, err)
	}
	exportBatchBytes = len(texts[0]) + 1 // reached by the second document
	docs, err := exportDocs(ctx, s.r, 0)
	must(t, err)
	if len(docs) != 2 {
		t.Errorf("a batch of %d documents, want 2", len(docs))
	}
	var got []string
	must(t, s.Export(ctx, ExportFilter{}, func(a labels.Annotated) error {
		if len(a.Spans) != 1 || a.Spans[0].DocID != a.Doc.ID {
			t.Errorf("document %s came with the spans %v", a.Doc.ID, a.Spans)
		}
		got = append(got, a.Doc.ID)
		return nil
	}))
	if !reflect.DeepEqual(got, ids) {
		t.Errorf("exported %v, want %v", got, ids)
	}
}

// TestExportDecodesLargeSpanSetsAlike: a span set large enough to be decoded in place gives
// the records the faster decoder gives.
func TestExportDecodesLargeSpanSetsAlike(t *testing.T) {
	defer func(n int) { bigSpanSet = n }(bigSpanSet)
	text := newsText(3, 400)
	s, ids := newProject(t, labels.NestingFlat, text)
	for _, w := range strings.Fields(text)[:12] {
		if _, err := s.AddSpan(ctx, entity(t, ids[0], "amal", text, w, "LOC")); err != nil && !errors.Is(err, labels.ErrOverlap) {
			t.Fatal(err)
		}
	}
	read := func() []labels.Annotated {
		var recs []labels.Annotated
		must(t, s.Export(ctx, ExportFilter{}, func(a labels.Annotated) error {
			recs = append(recs, a)
			return nil
		}))
		return recs
	}
	fast := read()
	bigSpanSet = 0
	if inPlace := read(); len(fast[0].Spans) < 5 || !reflect.DeepEqual(fast, inPlace) {
		t.Fatalf("the records read in place differ:\n%+v\n%+v", fast, inPlace)
	}
}
