package export

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/tawsim/tawsim/labels"
)

// TestJSONLFormatsExample builds the record docs/FORMATS.md describes and checks that the
// writer gives its example line byte for byte.
func TestJSONLFormatsExample(t *testing.T) {
	doc, err := os.ReadFile("../docs/FORMATS.md")
	if err != nil {
		t.Fatal(err)
	}
	_, after, _ := strings.Cut(string(doc), "```json\n")
	example, _, _ := strings.Cut(after, "\n```")

	text := "تقهقر الميليشيات في طرابلس مع تقدم الجيش الليبي"
	rec := labels.Annotated{
		Doc: labels.Document{
			ID:         "0193f1c2-6a4e-7b3c-9d2e-1f0a5b6c7d8e",
			ExternalID: "seed-tripoli",
			SourceFile: "seed-article-tripoli.txt",
			Title:      "تقهقر الميليشيات في طرابلس",
			Text:       text,
		},
		Annotator: "amal",
		Status:    labels.StatusDone,
		Spans:     []labels.Span{ent(text, 20, 26, "LOC"), stanceSpan(text, 30, 47, "lna", "FAVOR")},
		Stances:   []labels.DocStance{{Target: "lna", Label: "FAVOR"}},
	}
	if got := write(t, "jsonl", Options{}, rec); got != example+"\n" {
		t.Errorf("got\n%s\nwant the example of docs/FORMATS.md\n%s", got, example)
	}
}

func TestJSONL(t *testing.T) {
	rec := sampleRecord()
	bare := labels.Annotated{Doc: labels.Document{ID: "d2", Text: "نص", Tokens: []labels.Offsets{off(0, 2)}, Metadata: []byte(" null ")}}
	got := write(t, "jsonl", Options{}, rec, bare)
	checkLines(t, got,
		`{"id":"0193f1c2-0000-7000-8000-000000000001","external_id":"ext-1","source_file":"a.txt",`+
			`"title":"قالَ <محمد> & Reuters","text":"قالَ مُحَمَّد 👍🏽 إن Reuters نشرت 34.3٪ من الأخبار بالعراق.\nوزار طرابلس عام ٢٠١٩.",`+
			`"annotator":"amal","status":"done","entities":[{"start":5,"end":13,"label":"PERS","text":"مُحَمَّد"},`+
			`{"start":20,"end":27,"label":"ORG","text":"Reuters"},{"start":33,"end":38,"label":"MISC","text":"34.3٪"},`+
			`{"start":64,"end":70,"label":"LOC","text":"طرابلس"}],"stance":[{"target":"lna","label":"FAVOR"},{"target":"gna","label":"AGAINST"}],`+
			`"stance_spans":[{"start":59,"end":74,"target":"lna","label":"FAVOR","text":"وزار طرابلس عام"}],"tokens":null,`+
			`"metadata":{"source":"وكالة","n":[1,2]}}`,
		`{"id":"d2","external_id":"","source_file":"","title":"","text":"نص","annotator":"","status":"todo",`+
			`"entities":[],"stance":[],"stance_spans":[],"tokens":[[0,2]],"metadata":{}}`,
	)
}

func TestJSONLRefuses(t *testing.T) {
	cases := []struct {
		name string
		rec  labels.Annotated
		want error
	}{
		{"status", labels.Annotated{Doc: labels.Document{ID: "d"}, Status: "finished"}, labels.ErrBadStatus},
		{"metadata array", labels.Annotated{Doc: labels.Document{ID: "d", Metadata: []byte(`[1]`)}}, ErrBadMetadata},
		{"metadata UTF-8", labels.Annotated{Doc: labels.Document{ID: "d", Metadata: []byte("{\"a\":\"\xff\"}")}}, ErrBadUTF8},
	}
	for _, c := range cases {
		var out bytes.Buffer
		w := NewJSONL(&out)
		if err := w.Write(c.rec); !errors.Is(err, c.want) {
			t.Errorf("%s: Write = %v, want %v", c.name, err, c.want)
		}
		if err := w.Write(labels.Annotated{Doc: labels.Document{ID: "d", Metadata: []byte(`{"a":1} x`)}}); err == nil {
			t.Errorf("metadata with trailing bytes accepted")
		}
		w.Flush()
		if out.Len() != 0 {
			t.Errorf("%s: wrote %q", c.name, out.String())
		}
	}
}
