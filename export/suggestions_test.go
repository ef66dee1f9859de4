package export

import (
	"bytes"
	"errors"
	"math"
	"testing"

	"github.com/tawsim/tawsim/labels"
)

func TestJSONLSuggestions(t *testing.T) {
	text := "🙂 دخل الجيش الوطني الليبي طرابلس"
	sug := func(start, end int, label, source string, score float64, d labels.Decision) labels.Suggestion {
		s, _ := labels.Slice(text, start, end)
		return labels.Suggestion{Start: start, End: end, Text: s, Label: label, Source: source, Score: score, Decision: d}
	}
	rec := labels.Annotated{Doc: labels.Document{ID: "d1", Text: text}, Annotator: "amal",
		Suggestions: []labels.Suggestion{
			sug(6, 25, "ORG", "ner-v2", 0.91, labels.DecisionAccepted),
			sug(26, 32, "LOC", "places.tsv", 2.0/3, ""),
			sug(26, 32, "PERS", "places.tsv", 1e-7, labels.DecisionRejected),
		}}
	got := write(t, "jsonl", Options{}, rec)
	checkLines(t, got, `{"id":"d1","external_id":"","source_file":"","title":"","text":"`+text+`","annotator":"amal",`+
		`"status":"todo","entities":[],"stance":[],"stance_spans":[],"tokens":null,"metadata":{},"suggestions":[`+
		`{"start":6,"end":25,"label":"ORG","text":"الجيش الوطني الليبي","source":"ner-v2","score":0.91,"decision":"accepted"},`+
		`{"start":26,"end":32,"label":"LOC","text":"طرابلس","source":"places.tsv","score":0.6666666666666666},`+
		`{"start":26,"end":32,"label":"PERS","text":"طرابلس","source":"places.tsv","score":1e-7,"decision":"rejected"}]}`)
	// Other formats leave them out.
	if got := write(t, "doccano", Options{}, rec); got != `{"id":"d1","text":"`+text+`","label":[]}`+"\n" {
		t.Errorf("doccano wrote suggestions: %s", got)
	}
	for _, bad := range []labels.Suggestion{
		{Start: 26, End: 32, Text: "بنغازي", Label: "LOC", Source: "s", Score: 1},
		{Start: 26, End: 32, Text: "طرابلس", Label: "LOC", Source: "s", Score: math.Inf(1)},
		{Start: 26, End: 32, Text: "طرابلس", Label: "LOC", Source: "", Score: 1},
		{Start: 26, End: 32, Text: "طرابلس", Label: "LOC", Source: "s", Score: 1, Decision: "maybe"},
	} {
		var out bytes.Buffer
		w, _ := NewWriter(&out, "jsonl", Options{})
		r := rec
		r.Suggestions = []labels.Suggestion{bad}
		if err := w.Write(r); err == nil || out.Len() > 0 {
			t.Errorf("suggestion %+v written: %v", bad, err)
		} else if !errors.Is(err, labels.ErrTextMismatch) && !errors.Is(err, labels.ErrBadSuggestion) {
			t.Errorf("suggestion %+v: %v", bad, err)
		}
	}
}
