package corpus

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/tawsim/tawsim/labels"
)

const nativeFull = `{"id":"0193f1c2-6a4e-7b3c-9d2e-1f0a5b6c7d8e","external_id":"seed-1","source_file":"orig.txt","title":"عنوان","text":"` + sample + `","annotator":"amal","status":"done",` +
	`"entities":[{"start":17,"end":21,"label":"ORG","text":"ISIS"},{"start":7,"end":12,"label":"PERS","text":"محمّد"},{"start":27,"end":32,"label":"MISC"}],` +
	`"stance":[{"target":"lna","label":"FAVOR"}],"stance_spans":[{"start":22,"end":32,"target":"lna","label":"AGAINST","text":"خسرت ٣٤٫٣٪"}],` +
	`"tokens":[[0,1],[2,6],[7,12]],"metadata":{"source": "وكالة", "n": [1, 2]},"future_key":{"x":1}}`

func TestJSONLHappyPath(t *testing.T) {
	data := "\uFEFF" + nativeFull + "\r\n\r\n" + `{"text":"سطر\r\nثان","metadata":{}}` + "\n" + `{"id":"doc-7","text":"x"}`
	recs, errs := readAll(t, "jsonl", "in.jsonl", data, Options{})
	if len(errs) > 0 || len(recs) != 3 {
		t.Fatalf("%d records, errors %v", len(recs), errs)
	}
	for _, r := range recs {
		checkRecord(t, r)
	}
	r := recs[0]
	wantDoc := labels.Document{ID: "0193f1c2-6a4e-7b3c-9d2e-1f0a5b6c7d8e", ExternalID: "seed-1", SourceFile: "orig.txt", Title: "عنوان",
		Text: sample, Metadata: []byte(`{"source": "وكالة", "n": [1, 2]}`)}
	wantDoc.Packed, _ = labels.PackTokens(offs(0, 1, 2, 6, 7, 12))
	if !reflect.DeepEqual(r.Doc, wantDoc) {
		t.Errorf("doc\n got %+v\nwant %+v", r.Doc, wantDoc)
	}
	if r.Line != 1 || r.Annotator != "amal" || r.Status != labels.StatusDone {
		t.Errorf("line %d annotator %q status %q", r.Line, r.Annotator, r.Status)
	}
	imp := labels.OriginImport
	wantSpans := []labels.Span{
		{Start: 7, End: 12, Text: "محمّد", Label: "PERS", Kind: labels.KindEntity, Origin: imp},
		{Start: 17, End: 21, Text: "ISIS", Label: "ORG", Kind: labels.KindEntity, Origin: imp},
		{Start: 22, End: 32, Text: "خسرت ٣٤٫٣٪", Label: "AGAINST", Kind: labels.KindStance, Target: "lna", Origin: imp},
		{Start: 27, End: 32, Text: "٣٤٫٣٪", Label: "MISC", Kind: labels.KindEntity, Origin: imp},
	}
	if !reflect.DeepEqual(r.Spans, wantSpans) {
		t.Errorf("spans\n got %+v\nwant %+v", r.Spans, wantSpans)
	}
	if want := []labels.DocStance{{Target: "lna", Label: "FAVOR"}}; !reflect.DeepEqual(r.Stances, want) {
		t.Errorf("stances %+v", r.Stances)
	}
	r = recs[1]
	if r.Line != 3 || r.Doc.Text != "سطر\r\nثان" || string(r.Doc.Metadata) != "{}" || r.Status != labels.StatusTodo ||
		r.Doc.Title != "سطر" || r.Doc.SourceFile != "in.jsonl" || r.Doc.ID != "" || r.Doc.Tokens != nil {
		t.Errorf("minimal record: %+v", r)
	}
	if r := recs[2]; r.Doc.ID != "" || r.Doc.ExternalID != "doc-7" || r.Line != 4 {
		t.Errorf("non-UUID id: %+v", r.Doc)
	}
}

func TestJSONLErrors(t *testing.T) {
	good := `{"text":"` + sample + `"}`
	cases := []struct {
		name, line string
		is         error
		parts      []string
	}{
		{"text mismatch", `{"text":"` + sample + `","entities":[{"start":2,"end":6,"label":"PERS","text":"محمد"}]}`,
			labels.ErrTextMismatch, []string{`entities[0]: span [2,6) says "محمد" but the text there is "قالَ"`}},
		{"out of range", `{"text":"` + sample + `","entities":[{"start":40,"end":45,"label":"LOC"}]}`,
			labels.ErrOutOfRange, []string{"entities[0]: span [40,45) falls outside the text (41 code points)"}},
		{"empty span", `{"text":"abc","stance_spans":[{"start":1,"end":1,"label":"FAVOR"}]}`, labels.ErrEmptySpan, []string{"stance_spans[0]: span [1,1) is empty"}},
		{"backwards span", `{"text":"abc","entities":[{"start":2,"end":1,"label":"LOC"}]}`, labels.ErrOutOfRange, []string{"[2,1)"}},
		{"text of the wrong type", `{"text":5}`, nil, []string{"text: got a number, want a string"}},
		{"entities of the wrong type", `{"text":"a","entities":{}}`, nil, []string{"entities: got an object, want a list"}},
		{"offset not an integer", `{"text":"abc","entities":[{"start":1.5,"end":2,"label":"X"}]}`, nil, []string{"entities[0].start: got a number (1.5), want an integer"}},
		{"no text", `{"title":"t"}`, ErrNoText, []string{`"text" is missing or empty`}},
		{"empty text", `{"text":""}`, ErrNoText, nil},
		{"no offsets", `{"text":"abc","entities":[{"label":"X"}]}`, nil, []string{"entities[0]: start and end are required"}},
		{"no label", `{"text":"abc","entities":[{"start":0,"end":1}]}`, nil, []string{"entities[0]: no label"}},
		{"stance without label", `{"text":"abc","stance":[{"target":"lna"}]}`, nil, []string{"stance[0]: no label"}},
		{"bad status", `{"text":"abc","status":"finished"}`, labels.ErrBadStatus, []string{`"finished"`}},
		{"metadata not an object", `{"text":"abc","metadata":"x"}`, nil, []string{"metadata: got a string, want an object"}},
		{"tokens overlap", `{"text":"abc","tokens":[[0,2],[1,3]]}`, nil, []string{"token 1 [1,3) begins before"}},
		{"token outside", `{"text":"abc","tokens":[[0,4]]}`, labels.ErrOutOfRange, []string{"token 0 [0,4) falls outside"}},
		{"token not a pair", `{"text":"abc","tokens":[[0,1,2]]}`, nil, []string{"tokens[0]: 3 numbers, want [start, end]"}},
		{"id beside another external id", `{"id":"doc-7","external_id":"x","text":"abc"}`, nil, []string{`id "doc-7" is not a UUID`}},
		{"two records merged", `{"text":"a"}{"text":"b"}`, nil, []string{"two records on one line?"}},
		{"not an object", `[1,2]`, nil, []string{"the line holds a list, want a JSON object"}},
		{"record across lines", `{"text":`, nil, []string{"the line ends inside the record (a record must be on one line)"}},
		{"bad literal", `{"text":"abc", "x": nul}`, nil, []string{"invalid JSON near byte"}},
		{"invalid UTF-8", "{\"text\":\"ab\xffc\"}", ErrInvalidUTF8, []string{"invalid UTF-8 at byte 12 of the line (0xff)"}},
	}
	for _, c := range cases {
		recs, errs := readAll(t, "jsonl", "bad.jsonl", good+"\n"+c.line+"\n"+good+"\n", Options{})
		wantOneError(t, c.name, errs, 2, append([]string{"bad.jsonl:2: "}, c.parts...)...)
		if c.is != nil && len(errs) == 1 && !errors.Is(errs[0], c.is) {
			t.Errorf("%s: %v is not %v", c.name, errs[0], c.is)
		}
		if len(recs) != 2 || recs[0].Line != 1 || recs[1].Line != 3 {
			t.Errorf("%s: the good records around the bad one: %d", c.name, len(recs))
		}
	}
}

func TestJSONLTruncatedLastLine(t *testing.T) {
	for _, tail := range []string{`{"text":"نص مقطو`, `{"text":"abc","entities":[`, `{"text":"abc"`, `{"text":"abc","n":tr`, `{"text":"a\u00`, `{"text":"abc","n":1.`} {
		recs, errs := readAll(t, "jsonl", "cut.jsonl", `{"text":"كامل"}`+"\n"+tail, Options{})
		wantOneError(t, tail, errs, 2, "cut.jsonl:2: the file ends inside this record: it is cut short")
		if len(recs) != 1 {
			t.Errorf("%s: %d records", tail, len(recs))
		}
	}
	if recs, errs := readAll(t, "jsonl", "whole.jsonl", `{"text":"كامل"}`, Options{}); len(recs) != 1 || len(errs) != 0 {
		t.Errorf("a whole last line without a newline: %d records, %v", len(recs), errs)
	}
}

func TestJSONLLineTooLong(t *testing.T) {
	long := `{"text":"` + strings.Repeat("ب", 100) + `"}`
	data := `{"text":"a"}` + "\n" + long + "\n" + `{"text":"b"}` + "\n"
	rd := NewJSONLReader("long.jsonl", strings.NewReader(data)).(*jsonLines)
	rd.lines.max = 50
	recs, errs := drain(t, rd, "long.jsonl")
	wantOneError(t, "too long", errs, 2, "line is longer than")
	if len(errs) == 1 && !errors.Is(errs[0], ErrTooLong) {
		t.Errorf("%v is not ErrTooLong", errs[0])
	}
	if len(recs) != 2 || recs[1].Doc.Text != "b" || recs[1].Line != 3 {
		t.Errorf("records after a long line: %+v", recs)
	}
}
