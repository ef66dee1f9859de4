package store

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/goccy/go-json"
	"github.com/tawsim/tawsim/labels"
)

// storedSet encodes spans as the store writes a span set.
func storedSet(t testing.TB, spans ...labels.Span) []byte {
	t.Helper()
	return encodeSpans(nil, spans)
}

func TestDecodeBareReadsWhatTheStoreWrites(t *testing.T) {
	now := time.Now().UTC()
	spans := []labels.Span{
		{ID: "a", Start: 4, End: 12, Text: `قال "المسماري" \ هنا`, Label: "PERS", Kind: labels.KindEntity, Origin: labels.OriginImport, Created: now, Updated: now},
		{ID: "b", Start: 16, End: 35, Text: "الجيش", Label: "FAVOR", Kind: labels.KindStance, Target: "lna", Origin: labels.OriginManual, Created: now, Updated: now.Add(1)},
	}
	data := storedSet(t, spans...)
	n := names{}
	got, ok := scanBare(data, n)
	if !ok {
		t.Fatalf("scanBare refused %s", data)
	}
	want := []labels.Span{{Start: 4, End: 12, Label: "PERS", Kind: labels.KindEntity}, {Start: 16, End: 35, Label: "FAVOR", Kind: labels.KindStance, Target: "lna"}}
	if !slices.Equal(got, want) {
		t.Fatalf("got %+v, want %+v", got, want)
	}
	// The same through the decoder, for JSON the scanner leaves to it.
	spaced := strings.ReplaceAll(string(data), `,"`, `, "`)
	if _, ok := scanBare([]byte(spaced), n); ok {
		t.Fatal("scanBare read white space it should leave to the decoder")
	}
	got, err := decodeBare([]byte(spaced), n)
	if err != nil || !slices.Equal(got, want) {
		t.Fatalf("decoder: %v, %+v", err, got)
	}
	for _, bad := range []string{`[]`, `{}`, `[{"s":5,"e":5,"l":"X","k":"entity"}]`, `[{"s":-1,"e":5,"l":"X","k":"entity"}]`,
		`[{"s":1,"e":5,"l":"X","k":"span"}]`, `[{"s":1,"e":5,"k":"entity"}]`, `[{"s":1,"e":5,"l":"X","k":"entity"`} {
		if _, err := decodeBare([]byte(bad), n); err == nil {
			t.Errorf("%s read without an error", bad)
		}
	}
	if _, err := decodeBare([]byte(`null`), n); err == nil || errors.Is(err, ErrDamaged) {
		t.Errorf("null: %v", err)
	}
}

// FuzzScanBare: what scanBare reads of valid JSON is what the JSON decoder reads of it.
func FuzzScanBare(f *testing.F) {
	now := time.Now().UTC()
	f.Add(string(storedSet(f, labels.Span{ID: "x", Start: 1, End: 3, Text: `a"\b`, Label: "LOC", Kind: labels.KindEntity, Origin: labels.OriginImport, Created: now, Updated: now})))
	f.Add(`[{"s":1,"e":2,"l":"A","k":"entity","s":3}]`)
	f.Add(`[{"i":"\u0022","s":01,"e":2,"l":"A","k":"entity"}]`)
	f.Add(`[{"s":1,"e":2,"l":"A\u0041","k":"entity"},{"s":4,"e":9,"l":"B","k":"stance","g":"t"}]`)
	f.Fuzz(func(t *testing.T, data string) {
		got, ok := scanBare([]byte(data), names{})
		if !ok || !json.Valid([]byte(data)) {
			return
		}
		var list []bareSpan
		if err := json.Unmarshal([]byte(data), &list); err != nil {
			t.Fatalf("scanBare read %q, the decoder refuses it: %v", data, err)
		}
		if len(list) != len(got) {
			t.Fatalf("%q: %d spans, the decoder %d", data, len(got), len(list))
		}
		for i, e := range list {
			want := labels.Span{Start: e.Start, End: e.End, Label: e.Label, Kind: labels.Kind(e.Kind), Target: e.Target}
			if got[i] != want {
				t.Fatalf("%q: span %d is %+v, the decoder reads %+v", data, i, got[i], want)
			}
		}
	})
}
