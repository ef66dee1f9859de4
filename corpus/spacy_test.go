package corpus

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/tawsim/tawsim/labels"
)

const spacyTokensJSON = `[{"text":"🙂","start":0,"end":1,"id":0,"ws":true},{"text":"قالَ","start":2,"end":6,"id":1,"ws":true},{"text":"محمّد","start":7,"end":12,"id":2,"ws":true},{"text":"إنّ","start":13,"end":16,"id":3,"ws":true},{"text":"ISIS","start":17,"end":21,"id":4,"ws":true},{"text":"خسرت","start":22,"end":26,"id":5,"ws":true},{"text":"٣٤٫٣٪","start":27,"end":32,"id":6,"ws":true},{"text":"في","start":33,"end":35,"id":7,"ws":true},{"text":"2019","start":36,"end":40,"id":8,"ws":false},{"text":".","start":40,"end":41,"id":9,"ws":false}]`

// prodigy returns a Prodigy record of sample with the given spans and extra keys.
func prodigy(spans, extra string) string {
	return `{"text":"` + sample + `","tokens":` + spacyTokensJSON + `,"spans":[` + spans + `],"_input_hash":-12,"_task_hash":7` + extra + `}`
}

func TestSpacyHappyPath(t *testing.T) {
	data := strings.Join([]string{
		prodigy(`{"start":22,"end":32,"token_start":5,"token_end":6,"label":"MISC"},{"start":7,"end":12,"token_start":2,"token_end":2,"label":"PERS","text":"محمّد"}`,
			`,"meta":{"source":"وكالة","score":0.5},"answer":"accept"`),
		prodigy(`{"start":0,"end":400,"label":"BAD"}`, `,"answer":"reject"`),
		prodigy(``, `,"answer":"ignore"`),
		`{"text":"` + sample + `","ents":[{"start":17,"end":21,"label":"ORG"}],"tokens":[{"id":0,"start":0,"end":1,"pos":"SYM"}],"sents":[{"start":0,"end":41}]}`,
		`{"text":"` + sample + `","spans":[{"start":0,"end":1,"label":"EMOJI"}]}`,
	}, "\r\n")
	recs, errs := readAll(t, "spacy", "p.jsonl", data, Options{})
	if len(errs) > 0 || len(recs) != 3 {
		t.Fatalf("%d records, errors %v", len(recs), errs)
	}
	for _, r := range recs {
		checkRecord(t, r)
	}
	imp := labels.OriginImport
	r := recs[0]
	wantSpans := []labels.Span{
		{Start: 7, End: 12, Text: "محمّد", Label: "PERS", Kind: labels.KindEntity, Origin: imp},
		{Start: 22, End: 32, Text: "خسرت ٣٤٫٣٪", Label: "MISC", Kind: labels.KindEntity, Origin: imp},
	}
	if !reflect.DeepEqual(r.Spans, wantSpans) {
		t.Errorf("spans %+v", r.Spans)
	}
	wantTokens := offs(0, 1, 2, 6, 7, 12, 13, 16, 17, 21, 22, 26, 27, 32, 33, 35, 36, 40, 40, 41)
	if got := slices.Collect(r.Doc.OwnTokens()); !reflect.DeepEqual(got, wantTokens) {
		t.Errorf("tokens %v", got)
	}
	if r.Line != 1 || r.Doc.Text != sample || string(r.Doc.Metadata) != `{"source":"وكالة","score":0.5}` || r.Doc.SourceFile != "p.jsonl" || r.Doc.Title != sample {
		t.Errorf("record %+v", r)
	}
	if r := recs[1]; r.Line != 4 || len(r.Spans) != 1 || r.Spans[0].Text != "ISIS" || r.Doc.Packed.Len() != 1 {
		t.Errorf("spaCy Doc.to_json record: %+v", r)
	}
	if r := recs[2]; r.Line != 5 || r.Doc.HasOwnTokens() || r.Spans[0].Text != "🙂" || r.Doc.Metadata != nil {
		t.Errorf("record without tokens: %+v", r)
	}
}

func TestSpacyErrors(t *testing.T) {
	good := prodigy(`{"start":7,"end":12,"token_start":2,"token_end":2,"label":"PERS"}`, "")
	badToken := strings.Replace(spacyTokensJSON, `"text":"قالَ"`, `"text":"قال"`, 1)
	cases := []struct {
		name, line string
		is         error
		part       string
	}{
		{"token text", `{"text":"` + sample + `","tokens":` + badToken + `}`, labels.ErrTextMismatch, `tokens: token 1 [2,6) says "قال" but the text there is "قالَ"`},
		{"token id", `{"text":"abc","tokens":[{"start":0,"end":1,"id":3}]}`, nil, "tokens[0]: id 3, want 0 (its index)"},
		{"token outside", `{"text":"abc","tokens":[{"start":0,"end":4}]}`, labels.ErrOutOfRange, "token 0 [0,4) falls outside the text (3 code points)"},
		{"token without offsets", `{"text":"abc","tokens":[{"text":"abc"}]}`, nil, "tokens[0]: start and end are required"},
		{"tokens out of order", `{"text":"abc","tokens":[{"start":1,"end":2},{"start":0,"end":1}]}`, nil, "token 1 [0,1) begins before"},
		{"token_start", prodigy(`{"start":7,"end":12,"token_start":1,"token_end":2,"label":"PERS"}`, ""), nil, "spans[0]: token_start 1 begins at 2 but the span [7,12) at 7"},
		{"token_end exclusive", prodigy(`{"start":22,"end":32,"token_start":5,"token_end":7,"label":"MISC"}`, ""), nil, "spans[0]: token_end 7 ends at 35 but the span [22,32) at 32"},
		{"token index without tokens", `{"text":"abc","spans":[{"start":0,"end":1,"token_start":0,"token_end":0,"label":"X"}]}`, nil, "spans[0]: token_start 0: the record has 0 tokens"},
		{"span text", `{"text":"abc","spans":[{"start":0,"end":1,"label":"X","text":"b"}]}`, labels.ErrTextMismatch, `spans[0]: span [0,1) says "b" but the text there is "a"`},
		{"span outside", `{"text":"` + sample + `","spans":[{"start":39,"end":42,"label":"X"}]}`, labels.ErrOutOfRange, "spans[0]: span [39,42) falls outside the text (41 code points)"},
		{"span without label", `{"text":"abc","spans":[{"start":0,"end":1}]}`, nil, "spans[0]: no label"},
		{"answer", `{"text":"abc","answer":"maybe"}`, nil, `answer "maybe", want accept, reject or ignore`},
		{"meta", `{"text":"abc","meta":[1]}`, nil, "meta: got a list, want an object"},
		{"no text", `{"tokens":[]}`, ErrNoText, `"text" is missing or empty`},
		{"invalid UTF-8", "{\"text\":\"abc\",\"meta\":{\"k\":\"\xc3\x28\"}}", ErrInvalidUTF8, "invalid UTF-8 at byte 28 of the line (0xc3)"},
	}
	for _, c := range cases {
		recs, errs := readAll(t, "spacy", "p.jsonl", good+"\n"+c.line+"\n"+good+"\n", Options{})
		wantOneError(t, c.name, errs, 2, "p.jsonl:2: ", c.part)
		if c.is != nil && len(errs) == 1 && !errors.Is(errs[0], c.is) {
			t.Errorf("%s: %v is not %v", c.name, errs[0], c.is)
		}
		if len(recs) != 2 || recs[1].Line != 3 {
			t.Errorf("%s: %d good records", c.name, len(recs))
		}
	}
}
