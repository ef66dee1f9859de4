package corpus

import (
	"errors"
	"strings"
	"testing"
)

// TestHostileOffsets checks that every JSON reader refuses, by line, an offset that is not a
// whole number: null, a fraction, a string, a negative number, a huge number.
func TestHostileOffsets(t *testing.T) {
	const text = `"text":"قال المسماري إن الجيش"`
	cases := []struct{ format, line string }{
		{"doccano", `{` + text + `,"label":[[null,12,"PERS"]]}`},
		{"doccano", `{` + text + `,"label":[[4,null,"PERS"]]}`},
		{"doccano", `{` + text + `,"labels":[[null,12,"PERS"]]}`},
		{"doccano", `{` + text + `,"label":[[4.0,12,"PERS"]]}`},
		{"doccano", `{` + text + `,"label":[[4,12.5,"PERS"]]}`},
		{"doccano", `{` + text + `,"label":[["4",12,"PERS"]]}`},
		{"doccano", `{` + text + `,"label":[[-4,12,"PERS"]]}`},
		{"doccano", `{` + text + `,"label":[[4,1e30,"PERS"]]}`},
		{"doccano", `{` + text + `,"entities":[{"start_offset":null,"end_offset":12,"label":"PERS"}]}`},
		{"doccano", `{` + text + `,"entities":[{"start_offset":4,"end_offset":null,"label":"PERS"}]}`},
		{"doccano", `{` + text + `,"entities":[{"start_offset":4.5,"end_offset":12,"label":"PERS"}]}`},
		{"doccano", `{` + text + `,"entities":[{"start_offset":"4","end_offset":12,"label":"PERS"}]}`},
		{"jsonl", `{` + text + `,"entities":[{"start":null,"end":12,"label":"PERS"}]}`},
		{"jsonl", `{` + text + `,"entities":[{"start":4,"end":12.0,"label":"PERS"}]}`},
		{"jsonl", `{` + text + `,"entities":[{"start":"4","end":12,"label":"PERS"}]}`},
		{"jsonl", `{` + text + `,"stance_spans":[{"start":4,"end":null,"target":"t","label":"FAVOR"}]}`},
		{"jsonl", `{` + text + `,"tokens":[[null,3]]}`},
		{"jsonl", `{` + text + `,"tokens":[[0,null]]}`},
		{"jsonl", `{` + text + `,"tokens":[[0,3.5]]}`},
		{"jsonl", `{` + text + `,"tokens":[null]}`},
		{"spacy", `{` + text + `,"spans":[{"start":null,"end":12,"label":"PERS"}]}`},
		{"spacy", `{` + text + `,"spans":[{"start":4,"end":12,"token_start":null,"token_end":1,"label":"PERS"}],"tokens":[{"start":0,"end":3},{"start":4,"end":12}]}`},
		{"spacy", `{` + text + `,"spans":[{"start":4,"end":12,"token_start":1.5,"token_end":1,"label":"PERS"}],"tokens":[{"start":0,"end":3},{"start":4,"end":12}]}`},
		{"spacy", `{` + text + `,"tokens":[{"start":null,"end":3}]}`},
		{"spacy", `{` + text + `,"tokens":[{"start":0,"end":3,"id":null}]}`},
		{"spacy", `{` + text + `,"tokens":[{"start":0,"end":"3"}]}`},
		{"spacy", `{` + text + `,"ents":[{"start":-1,"end":3,"label":"X"}]}`},
	}
	for _, c := range cases {
		recs, errs := readAll(t, c.format, "f.jsonl", "\n"+c.line+"\n", Options{})
		if len(recs) != 0 || len(errs) != 1 {
			t.Errorf("%s %s: %d records %+v, errors %v", c.format, c.line, len(recs), recs, errs)
			continue
		}
		if msg := errs[0].Error(); !strings.HasPrefix(msg, "f.jsonl:2: ") {
			t.Errorf("%s %s: %v, want it by FILE:LINE", c.format, c.line, errs[0])
		}
	}
}

// TestLoneSurrogate checks that a \u escape of half a UTF-16 pair, which a JSON decoder turns
// into U+FFFD, is refused by line as invalid UTF-8 is, wherever it stands in the record.
func TestLoneSurrogate(t *testing.T) {
	cases := []struct{ format, line string }{
		{"doccano", `{"text":"x\ud800y"}`},
		{"doccano", `{"text":"x\uDC00y"}`},
		{"doccano", `{"text":"xy\ud83d"}`},
		{"doccano", `{"text":"xy","label":["F\udfffAVOR"]}`},
		{"doccano", `{"text":"xy","label":[[0,1,"P\ud800"]]}`},
		{"doccano", `{"text":"xy","meta":{"k":"\ud800"}}`},
		{"doccano", `{"text":"xy","id":"\ud800"}`},
		{"doccano", `{"text":"xy","\ud800":1}`},
		{"jsonl", `{"text":"x\ud800\u0041"}`},
		{"jsonl", `{"text":"xy","metadata":{"a":["\udbff"]}}`},
		{"jsonl", `{"text":"xy","annotator":"\ud800"}`},
		{"jsonl", `{"text":"xy","title":"\\\ud800"}`},
		{"spacy", `{"text":"x\ud800"}`},
		{"spacy", `{"text":"xy","meta":{"\udc00":"v"}}`},
	}
	for _, c := range cases {
		recs, errs := readAll(t, c.format, "f.jsonl", c.line+"\n", Options{})
		if len(recs) != 0 || len(errs) != 1 || !errors.Is(errs[0], ErrInvalidUTF8) || !strings.HasPrefix(errs[0].Error(), "f.jsonl:1: ") {
			t.Errorf("%s %s: %d records %+v, errors %v", c.format, c.line, len(recs), recs, errs)
		}
	}
	// A pair is one code point, and an escaped backslash before "ud800" escapes nothing.
	for _, line := range []string{`{"text":"x\ud83d\ude42"}`, `{"text":"x\\ud800"}`, `{"text":"x\\\\ud800 \\\ud83d\ude42"}`} {
		recs, errs := readAll(t, "doccano", "f.jsonl", line+"\n", Options{})
		if len(recs) != 1 || len(errs) != 0 || strings.ContainsRune(recs[0].Doc.Text, '\uFFFD') {
			t.Errorf("%s: %+v, %v", line, recs, errs)
		}
	}
}
