package store

import (
	"testing"
	"time"

	"github.com/goccy/go-json"

	"github.com/tawsim/tawsim/labels"
)

// jsonSpan is a span_sets element as the JSON encoder writes it from a struct: the reference
// encodeSpans is held to.
type jsonSpan struct {
	ID      string `json:"i"`
	Start   int    `json:"s"`
	End     int    `json:"e"`
	Text    string `json:"t"`
	Label   string `json:"l"`
	Kind    string `json:"k"`
	Target  string `json:"g,omitempty"`
	Origin  string `json:"o"`
	Created string `json:"c"`
	Updated string `json:"u,omitempty"`
}

// TestEncodeSpansIsMarshal: the span sets written by hand are what the JSON encoder writes
// (without its HTML escaping), whatever the strings hold, and read back as they were.
func TestEncodeSpansIsMarshal(t *testing.T) {
	t0 := time.Date(2025, 3, 1, 10, 0, 0, 123, time.UTC)
	spans := []labels.Span{
		{ID: "a", Start: 0, End: 3, Text: "قال", Label: "PERS", Kind: labels.KindEntity, Origin: labels.OriginImport, Created: t0, Updated: t0},
		{ID: "b\"", Start: 4, End: 12, Text: "x<&>\n\t\\\u2028\x01", Label: "FAVOR", Kind: labels.KindStance, Target: "lna",
			Origin: labels.OriginManual, Created: t0, Updated: t0.Add(time.Second)},
		{ID: "c", Start: 1234567890, End: 1234567899, Text: "👍🏽", Label: "L", Kind: labels.KindEntity, Origin: labels.OriginImport,
			Created: t0.Add(time.Hour), Updated: t0.Add(time.Hour)},
	}
	for _, set := range [][]labels.Span{nil, spans[:1], spans} {
		ref := make([]jsonSpan, 0, len(set))
		for _, sp := range set {
			e := jsonSpan{ID: sp.ID, Start: sp.Start, End: sp.End, Text: sp.Text, Label: sp.Label, Kind: string(sp.Kind),
				Target: sp.Target, Origin: string(sp.Origin), Created: formatTime(sp.Created)}
			if !sp.Updated.Equal(sp.Created) {
				e.Updated = formatTime(sp.Updated)
			}
			ref = append(ref, e)
		}
		want, err := json.MarshalWithOption(ref, json.DisableHTMLEscape())
		must(t, err)
		got := encodeSpans([]byte("x")[:0], set)
		if string(got) != string(want) {
			t.Errorf("encodeSpans:\n%s\nthe encoder:\n%s", got, want)
		}
		if len(got) > spanSetSize(set) {
			t.Errorf("%d bytes written, %d foreseen", len(got), spanSetSize(set))
		}
		if len(set) == 0 {
			continue // a set is never empty: its row goes with its last span
		}
		back, err := decodeSpans(got, "d", "a")
		must(t, err)
		for i := range back {
			want := set[i]
			want.DocID, want.Annotator = "d", "a"
			if !back[i].Created.Equal(want.Created) || !back[i].Updated.Equal(want.Updated) {
				t.Errorf("span %d reads back with the times %v %v", i, back[i].Created, back[i].Updated)
			}
			back[i].Created, back[i].Updated, want.Created, want.Updated = time.Time{}, time.Time{}, time.Time{}, time.Time{}
			if back[i] != want {
				t.Errorf("span %d reads back as %+v, want %+v", i, back[i], want)
			}
		}
	}
}
