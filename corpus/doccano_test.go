package corpus

import (
	"errors"
	"reflect"
	"testing"

	"github.com/tawsim/tawsim/labels"
)

func TestDoccanoForms(t *testing.T) {
	imp := labels.OriginImport
	ent := func(s, e int, text, label string) labels.Span {
		return labels.Span{Start: s, End: e, Text: text, Label: label, Kind: labels.KindEntity, Origin: imp}
	}
	cases := []struct {
		name, line string
		id, meta   string
		spans      []labels.Span
		stances    []labels.DocStance
	}{
		{"label triples", `{"id": 12, "text": "` + sample + `", "label": [[17, 21, "ORG"], [7, 12, "PERS"], [0, 1, "EMOJI"]], "Comments": [], "meta": {"src": "<وكالة>"}}`,
			"12", `{"Comments":[],"meta":{"src":"<وكالة>"}}`,
			[]labels.Span{ent(0, 1, "🙂", "EMOJI"), ent(7, 12, "محمّد", "PERS"), ent(17, 21, "ISIS", "ORG")}, nil},
		{"labels key", `{"id":"a-1","text":"` + sample + `","labels":[[27,32,"MISC"],[36,40,"DATE"]]}`, "a-1", "",
			[]labels.Span{ent(27, 32, "٣٤٫٣٪", "MISC"), ent(36, 40, "2019", "DATE")}, nil},
		{"entities and relations", `{"id":3,"text":"` + sample + `","entities":[{"id":1,"label":"ORG","start_offset":17,"end_offset":21},{"id":2,"label":"PERS","start_offset":7,"end_offset":12,"text":"محمّد"}],"relations":[{"id":1,"from_id":2,"to_id":1,"type":"قال"}]}`,
			"3", `{"relations":[{"id":1,"from_id":2,"to_id":1,"type":"قال"}]}`,
			[]labels.Span{ent(7, 12, "محمّد", "PERS"), ent(17, 21, "ISIS", "ORG")}, nil},
		{"classification", `{"text":"نص","label":["FAVOR"]}`, "", "", nil, []labels.DocStance{{Label: "FAVOR"}}},
		{"one category", `{"text":"نص","label":"AGAINST","id":null}`, "", "", nil, []labels.DocStance{{Label: "AGAINST"}}},
		{"cats", `{"text":"نص","cats":["NONE","NEUTRAL"],"label":[]}`, "", "", nil, []labels.DocStance{{Label: "NONE"}, {Label: "NEUTRAL"}}},
		{"nothing labeled", `{"text":"نص\r\nثان"}`, "", "", nil, nil},
	}
	for _, c := range cases {
		recs, errs := readAll(t, "doccano", "d.jsonl", c.line+"\n", Options{})
		if len(errs) > 0 || len(recs) != 1 {
			t.Errorf("%s: %d records, %v", c.name, len(recs), errs)
			continue
		}
		r := recs[0]
		checkRecord(t, r)
		if r.Doc.ExternalID != c.id || string(r.Doc.Metadata) != c.meta || r.Doc.SourceFile != "d.jsonl" || r.Line != 1 {
			t.Errorf("%s: id %q metadata %s source %q line %d", c.name, r.Doc.ExternalID, r.Doc.Metadata, r.Doc.SourceFile, r.Line)
		}
		if !reflect.DeepEqual(r.Spans, c.spans) || !reflect.DeepEqual(r.Stances, c.stances) {
			t.Errorf("%s:\n spans %+v\n stances %+v", c.name, r.Spans, r.Stances)
		}
	}
	recs, _ := readAll(t, "doccano", "d.jsonl", `{"text":"a\r\nb"}`, Options{})
	if len(recs) != 1 || recs[0].Doc.Text != "a\r\nb" || recs[0].Doc.Title != "a" {
		t.Errorf("the text is not verbatim: %+v", recs)
	}
}

func TestDoccanoErrors(t *testing.T) {
	good := `{"text":"` + sample + `","label":[[7,12,"PERS"]]}`
	cases := []struct {
		name, line string
		is         error
		part       string
	}{
		{"out of range", `{"text":"` + sample + `","label":[[40,45,"LOC"]]}`, labels.ErrOutOfRange, "label[0]: span [40,45) falls outside the text (41 code points)"},
		{"negative", `{"text":"abc","label":[[-1,2,"LOC"]]}`, labels.ErrOutOfRange, "label[0]: span [-1,2)"},
		{"text mismatch", `{"text":"` + sample + `","entities":[{"start_offset":2,"end_offset":6,"label":"PERS","text":"محمد"}]}`,
			labels.ErrTextMismatch, `entities[0]: span [2,6) says "محمد" but the text there is "قالَ"`},
		{"empty span", `{"text":"abc","labels":[[1,1,"X"]]}`, labels.ErrEmptySpan, "labels[0]: span [1,1) is empty"},
		{"bad triple", `{"text":"abc","label":[[1,"2","X"]]}`, nil, `label[0][1]: got a string, want an integer (the end of [start, end, "LABEL"])`},
		{"short triple", `{"text":"abc","label":[[1,2]]}`, nil, `want [start, end, "LABEL"]`},
		{"label a number", `{"text":"abc","label":[7]}`, nil, `label[0]: got a number, want [start, end, "LABEL"] or a label`},
		{"label an object", `{"text":"abc","label":{"a":1}}`, nil, "label: got an object, want a list"},
		{"both keys", `{"text":"abc","label":[],"labels":[]}`, nil, `both "label" and "labels"`},
		{"empty label", `{"text":"abc","label":[[0,1," "]]}`, nil, "label[0]: empty label"},
		{"id an object", `{"text":"abc","id":{}}`, nil, "id: got an object, want a number or a string"},
		{"entities offsets missing", `{"text":"abc","entities":[{"label":"X"}]}`, nil, "entities[0]: start_offset and end_offset are required"},
		{"entities wrong type", `{"text":"abc","entities":[{"start_offset":"0","end_offset":1,"label":"X"}]}`, nil, "entities[0].start_offset: got a string, want an integer"},
		{"no text", `{"label":[]}`, ErrNoText, `"text" is missing`},
		{"text not a string", `{"text":["a"]}`, nil, "text: got a list, want a string"},
		{"invalid UTF-8", "{\"text\":\"\xd8\"}", ErrInvalidUTF8, "invalid UTF-8 at byte 10"},
	}
	for _, c := range cases {
		recs, errs := readAll(t, "doccano", "d.jsonl", good+"\n"+c.line+"\n"+good, Options{})
		wantOneError(t, c.name, errs, 2, "d.jsonl:2: ", c.part)
		if c.is != nil && len(errs) == 1 && !errors.Is(errs[0], c.is) {
			t.Errorf("%s: %v is not %v", c.name, errs[0], c.is)
		}
		if len(recs) != 2 || recs[1].Line != 3 {
			t.Errorf("%s: %d good records", c.name, len(recs))
		}
	}
}
