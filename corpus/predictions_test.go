package corpus

import (
	"errors"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/tawsim/tawsim/labels"
)

// predictions are the options of a reader of predictions.
var predictions = Options{Predictions: true}

// lsText has an emoji before its names, which moves UTF-16 offsets one unit past code points.
const lsText = "🙂 دخل الجيش الوطني الليبي طرابلس"

// lsTasks is an indented Label Studio export of two tasks: the first with two models, value
// scores and a choices result, the second with prediction scores only.
const lsTasks = `[
  {
    "id": 41,
    "data": {"text": "` + lsText + `", "site": "وكالة"},
    "annotations": [],
    "predictions": [
      {
        "model_version": "ner-v2",
        "score": 0.5,
        "result": [
          {"id": "a", "from_name": "label", "to_name": "text", "type": "labels",
           "value": {"start": 6, "end": 25, "score": 0.91, "text": "الجيش الوطني الليبي", "labels": ["ORG"]}},
          {"id": "b", "from_name": "label", "to_name": "text", "type": "labels",
           "value": {"start": 26, "end": 32, "text": "طرابلس", "labels": ["LOC", "PERS"]}, "score": 0.4},
          {"id": "c", "from_name": "topic", "to_name": "text", "type": "choices", "value": {"choices": ["war"]}}
        ]
      },
      {"model_version": 3, "result": [{"value": {"start": 26, "end": 32, "labels": ["LOC"]}}]}
    ]
  },
  {"data": {"text": "نص بلا تنبؤ"}, "predictions": [{"score": 0.2, "result": [{"value": {"start": 0, "end": 2, "labels": ["MISC"]}}]}]}
]
`

func TestLabelStudioTasks(t *testing.T) {
	recs, errs := readAll(t, "labelstudio", "dir/preds.json", lsTasks, predictions)
	if len(errs) > 0 || len(recs) != 2 {
		t.Fatalf("%d records, errors %v", len(recs), errs)
	}
	r := recs[0]
	if r.Line != 2 || r.Doc.Text != lsText || r.Doc.ExternalID != "41" || string(r.Doc.Metadata) != `{"site":"وكالة"}` ||
		len(r.Spans) != 0 || r.Annotator != "" || r.Doc.SourceFile != "dir/preds.json" {
		t.Errorf("first task: %+v", r)
	}
	want := []labels.Suggestion{
		{Start: 6, End: 25, Text: "الجيش الوطني الليبي", Label: "ORG", Source: "ner-v2", Score: 0.91},
		{Start: 26, End: 32, Text: "طرابلس", Label: "LOC", Source: "ner-v2", Score: 0.4},
		{Start: 26, End: 32, Text: "طرابلس", Label: "PERS", Source: "ner-v2", Score: 0.4},
		{Start: 26, End: 32, Text: "طرابلس", Label: "LOC", Source: "3", Score: 1},
	}
	if !reflect.DeepEqual(r.Suggestions, want) {
		t.Errorf("suggestions\n got %+v\nwant %+v", r.Suggestions, want)
	}
	r = recs[1]
	if r.Line != 21 || r.Doc.Metadata != nil || len(r.Suggestions) != 1 || r.Suggestions[0].Source != "preds.json" ||
		r.Suggestions[0].Score != 0.2 || r.Suggestions[0].Text != "نص" {
		t.Errorf("second task: %+v", r)
	}
	// The same tasks on one line, and one a line.
	oneLine := strings.Join(strings.Fields(lsTasks), " ")
	if recs, errs := readAll(t, "labelstudio", "p.json", oneLine, predictions); len(errs) > 0 || len(recs) != 2 || recs[1].Line != 1 {
		t.Errorf("one line: %d records, %v", len(recs), errs)
	}
	jsonl := `{"data":{"article":"` + lsText + `"},"predictions":[]}` + "\n\n" + `{"data":{"article":"نص"}}` + "\n"
	recs, errs = readAll(t, "labelstudio", "p.jsonl", jsonl, Options{TextColumn: "article", Predictions: true})
	if len(errs) > 0 || len(recs) != 2 || recs[1].Line != 3 || recs[1].Doc.Text != "نص" {
		t.Errorf("JSONL with --text-column: %+v, %v", recs, errs)
	}
}

func TestPredictionFormats(t *testing.T) {
	if _, err := NewReader("labelstudio", "p.json", strings.NewReader(""), Options{}); !errors.Is(err, ErrUnknownFormat) {
		t.Errorf("labelstudio without predictions: %v", err)
	}
	_, err := NewReader("csv", "p.csv", strings.NewReader(""), predictions)
	if !errors.Is(err, ErrUnknownFormat) || !strings.Contains(err.Error(), "want one of jsonl, labelstudio") {
		t.Errorf("csv of predictions: %v", err)
	}
	for _, f := range PredictionFormatList() {
		if len(f.Extensions) == 0 {
			t.Errorf("no extensions for %s", f.Name)
		}
	}
}

func TestLabelStudioErrors(t *testing.T) {
	task := func(start, end int, text string) string {
		return `{"data":{"text":"` + lsText + `"},"predictions":[{"result":[{"value":{"start":` + strconv.Itoa(start) + `,"end":` + strconv.Itoa(end) +
			`,"text":"` + text + `","labels":["LOC"]}}]}]}`
	}
	cases := []struct {
		name, data string
		line       int
		parts      []string
	}{
		{"UTF-16 offsets", task(27, 33, "طرابلس"), 1, []string{"predictions[0]: result[0]:", "UTF-16 code units", "code points"}},
		{"wrong text", task(26, 32, "بنغازي"), 1, []string{`says "بنغازي" but the text there is "طرابلس"`}},
		{"past the end", task(26, 99, "طرابلس"), 1, []string{"falls outside the text"}},
		{"fraction", strings.Replace(task(26, 32, "طرابلس"), `"end":32`, `"end":32.5`, 1), 1, []string{"value.end", "want an integer"}},
		{"no end", strings.Replace(task(26, 32, "طرابلس"), `"end":32,`, ``, 1), 1, []string{"start and end are required"}},
		{"no text", `{"data":{"body":"x"}}`, 1, []string{"data.text is missing"}},
		{"text not a string", `{"data":{"text":3}}`, 1, []string{"data.text: got a number, want a string"}},
		{"score too large", `{"data":{"text":"x"},"predictions":[{"score":1e400,"result":[]}]}`, 1, []string{"predictions[0].score: the number 1e400 is too large to read"}},
		{"bad model", `{"data":{"text":"x"},"predictions":[{"model_version":"a\u202eb","result":[]}]}`, 1, []string{"model_version", "bidi"}},
		{"cut short", "[\n" + task(26, 32, "طرابلس") + ",\n{\"data\":", 3, []string{"ends inside this value"}},
		{"no comma", "[" + task(26, 32, "طرابلس") + "\n" + task(26, 32, "طرابلس") + "]", 2, []string{"a comma is missing"}},
		{"after the list", "[]\n{}", 2, []string{"follows the ]"}},
		{"unclosed list", "[\n" + task(26, 32, "طرابلس"), 2, []string{"ends before the ]"}},
	}
	for _, c := range cases {
		_, errs := readAll(t, "labelstudio", "p.json", c.data, predictions)
		if len(errs) == 0 {
			t.Errorf("%s: no error", c.name)
			continue
		}
		wantOneError(t, c.name, errs[:1], c.line, c.parts...)
	}
	if _, errs := readAll(t, "labelstudio", "p.json", " \n", predictions); len(errs) != 1 || !strings.Contains(errs[0].Error(), "empty") {
		t.Errorf("an empty file: %v", errs)
	}
}

func TestNativePredictions(t *testing.T) {
	line := `{"text":"` + lsText + `","model_version":"crf-1","annotator":"model","status":"done",` +
		`"entities":[{"start":26,"end":32,"label":"LOC","text":"طرابلس","score":0.75},{"start":6,"end":11,"label":"ORG"}],` +
		`"suggestions":[{"start":2,"end":5,"label":"MISC","text":"دخل","source":"old.tsv","score":0.5}]}` + "\n" +
		`{"text":"نص","entities":[{"start":0,"end":2,"label":"LOC","score":0.5}]}`
	recs, errs := readAll(t, "jsonl", "dir/model.jsonl", line, predictions)
	if len(errs) > 0 || len(recs) != 2 {
		t.Fatalf("%d records, errors %v", len(recs), errs)
	}
	want := []labels.Suggestion{
		{Start: 2, End: 5, Text: "دخل", Label: "MISC", Source: "old.tsv", Score: 0.5},
		{Start: 26, End: 32, Text: "طرابلس", Label: "LOC", Source: "crf-1", Score: 0.75},
		{Start: 6, End: 11, Text: "الجيش", Label: "ORG", Source: "crf-1", Score: 1},
	}
	if r := recs[0]; !reflect.DeepEqual(r.Suggestions, want) || len(r.Spans) != 0 || r.Annotator != "" || r.Status != labels.StatusTodo {
		t.Errorf("record %+v", r)
	}
	if g := recs[1].Suggestions; len(g) != 1 || g[0].Source != "model.jsonl" {
		t.Errorf("a record without model_version: %+v", g)
	}
	// Read as annotations, the same file keeps its spans and its suggestions apart.
	recs, _ = readAll(t, "jsonl", "dir/model.jsonl", line, Options{})
	if len(recs[0].Spans) != 2 || len(recs[0].Suggestions) != 1 || recs[0].Annotator != "model" {
		t.Errorf("read as annotations: %+v", recs[0])
	}
	bad := `{"text":"نص","stance_spans":[{"start":0,"end":2,"target":"t","label":"FAVOR"}]}` + "\n" +
		`{"text":"نص","suggestions":[{"start":0,"end":2,"label":"LOC","source":"s","score":1,"decision":"maybe"}]}` + "\n" +
		`{"text":"نص","suggestions":[{"start":0,"end":2,"label":"LOC","source":"s"}]}`
	_, errs = readAll(t, "jsonl", "m.jsonl", bad, predictions)
	if got := errLines(errs); !reflect.DeepEqual(got, []int{1, 2, 3}) || !strings.Contains(errs[0].Error(), "stance or evidence") ||
		!strings.Contains(errs[1].Error(), `decision "maybe"`) || !strings.Contains(errs[2].Error(), "score are required") {
		t.Errorf("errors %v", errs)
	}
}

func FuzzLabelStudio(f *testing.F) {
	fuzzReader(f, "labelstudio", []string{
		lsTasks,
		strings.Join(strings.Fields(lsTasks), " "),
		`{"data":{"text":"🙂a"},"predictions":[{"result":[{"value":{"start":1,"end":2,"labels":["X"],"text":"a"}}]}]}` + "\n{}",
		`[{"data":{"text":"ab\"c]"}},` + "\n" + `{"data":{"text":"\\\"x"},"predictions":[{"score":1e400}]}]`,
		"[1, \"a\", null, {\"data\":{\"text\":\"x\"}}",
		`{"data":{"text":"x\ud800"},"id":"\udc00"}`,
	}, func(t *testing.T, r Record) {
		x := labels.NewTextIndex(r.Doc.Text)
		for _, g := range r.Suggestions {
			if err := g.Check(x); err != nil {
				t.Fatalf("line %d: suggestion %+v: %v", r.Line, g, err)
			}
		}
	}, predictions, Options{TextColumn: "body", Predictions: true})
}
