package export

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/tawsim/tawsim/labels"
)

func TestDoccano(t *testing.T) {
	rec := sampleRecord()
	bare := labels.Annotated{Doc: labels.Document{ID: "d2", Text: "نص"}}
	checkLines(t, write(t, "doccano", Options{}, rec, bare),
		`{"id":"ext-1","text":"قالَ مُحَمَّد 👍🏽 إن Reuters نشرت 34.3٪ من الأخبار بالعراق.\nوزار طرابلس عام ٢٠١٩.",`+
			`"label":[[5,13,"PERS"],[20,27,"ORG"],[33,38,"MISC"],[64,70,"LOC"]]}`,
		`{"id":"d2","text":"نص","label":[]}`,
	)
}

func TestDoccanoStance(t *testing.T) {
	rec := sampleRecord()
	rec.Stances = append(rec.Stances, labels.DocStance{Target: "turkey", Label: "NONE"})
	text := `"text":"قالَ مُحَمَّد 👍🏽 إن Reuters نشرت 34.3٪ من الأخبار بالعراق.\nوزار طرابلس عام ٢٠١٩."`
	checkLines(t, write(t, "doccano-stance", Options{Schema: testSchema}, rec, labels.Annotated{Doc: labels.Document{ID: "none"}}),
		`{"id":"ext-1",`+text+`,"target":"Libyan National Army","label":["FAVOR"]}`,
		`{"id":"ext-1",`+text+`,"target":"GNA","label":["AGAINST"]}`,
		`{"id":"ext-1",`+text+`,"target":"turkey","label":["NONE"]}`,
	)
}

func TestStance(t *testing.T) {
	rec := sampleRecord()
	rec.Doc.ExternalID = ""
	text := `"text":"قالَ مُحَمَّد 👍🏽 إن Reuters نشرت 34.3٪ من الأخبار بالعراق.\nوزار طرابلس عام ٢٠١٩."`
	checkLines(t, write(t, "stance", Options{Schema: testSchema}, rec),
		`{"id":"0193f1c2-0000-7000-8000-000000000001",`+text+`,"target":"Libyan National Army","label":"FAVOR",`+
			`"evidence":[{"start":59,"end":74,"label":"FAVOR","text":"وزار طرابلس عام"}]}`,
		`{"id":"0193f1c2-0000-7000-8000-000000000001",`+text+`,"target":"GNA","label":"AGAINST","evidence":[]}`,
	)
	if got := write(t, "stance", Options{}, labels.Annotated{Doc: labels.Document{ID: "d", Text: "x"}}); got != "" {
		t.Errorf("a document without stance wrote %q", got)
	}
}

func TestStanceClaims(t *testing.T) {
	rec := sampleRecord()
	text := `"article":"قالَ مُحَمَّد 👍🏽 إن Reuters نشرت 34.3٪ من الأخبار بالعراق.\nوزار طرابلس عام ٢٠١٩."`
	rec.Stances = append(rec.Stances, labels.DocStance{Target: "t-0badc0de", Label: "UNRELATED"})
	checkLines(t, write(t, "stance-claims", Options{Schema: testSchema}, rec),
		`{"id":"ext-1","claim":"Libyan National Army",`+text+`,"label":"FAVOR"}`,
		`{"id":"ext-1","claim":"GNA",`+text+`,"label":"AGAINST"}`,
		`{"id":"ext-1","claim":"t-0badc0de",`+text+`,"label":"UNRELATED"}`,
	)
	if got := write(t, "stance-claims", Options{}, labels.Annotated{Doc: labels.Document{ID: "d", Text: "x"}}); got != "" {
		t.Errorf("a document without stance wrote %q", got)
	}
}

func TestHF(t *testing.T) {
	checkLines(t, write(t, "hf", Options{Schema: testSchema}, sampleRecord()),
		`{"id":"ext-1-0","tokens":["قالَ","مُحَمَّد","👍🏽","إن","Reuters","نشرت","34.3","٪","من","الأخبار","بالعراق","."],`+
			`"ner_tags":["O","B-PERS","O","O","B-ORG","O","B-MISC","I-MISC","O","O","O","O"]}`,
		`{"id":"ext-1-1","tokens":["وزار","طرابلس","عام","٢٠١٩","."],"ner_tags":["O","B-LOC","O","O","O"]}`,
	)
	checkLines(t, write(t, "hf", Options{Schema: testSchema, SplitClitics: true}, cliticRecord()),
		`{"id":"clitic-0","tokens":["وصل","الوفد","ب","العراق","اليوم"],"ner_tags":["O","O","O","B-LOC","O"]}`)

	var out bytes.Buffer
	if err := NewHF(&out, Options{}).Write(sampleRecord()); !errors.Is(err, labels.ErrUnknownLabel) {
		t.Errorf("labels outside the schema: Write = %v, want ErrUnknownLabel", err)
	}
	if err := NewHF(&out, Options{Schema: testSchema}).Write(cliticRecord()); !errors.Is(err, ErrTokenEdge) {
		t.Errorf("span inside a token: Write = %v, want ErrTokenEdge", err)
	}
}

func TestHFLabels(t *testing.T) {
	got := strings.Join(HFLabels(testSchema), " ")
	if want := "O B-PERS I-PERS B-ORG I-ORG B-LOC I-LOC B-MISC I-MISC"; got != want {
		t.Errorf("HFLabels = %s, want %s", got, want)
	}
	if got := HFLabels(labels.Schema{}); len(got) != 1 || got[0] != "O" {
		t.Errorf("HFLabels(empty) = %v", got)
	}
}

func TestSpacy(t *testing.T) {
	checkLines(t, write(t, "spacy", Options{}, sampleRecord()),
		`{"text":"قالَ مُحَمَّد 👍🏽 إن Reuters نشرت 34.3٪ من الأخبار بالعراق.\nوزار طرابلس عام ٢٠١٩.","tokens":[`+
			`{"text":"قالَ","start":0,"end":4,"id":0,"ws":true},`+
			`{"text":"مُحَمَّد","start":5,"end":13,"id":1,"ws":true},`+
			`{"text":"👍🏽","start":14,"end":16,"id":2,"ws":true},`+
			`{"text":"إن","start":17,"end":19,"id":3,"ws":true},`+
			`{"text":"Reuters","start":20,"end":27,"id":4,"ws":true},`+
			`{"text":"نشرت","start":28,"end":32,"id":5,"ws":true},`+
			`{"text":"34.3","start":33,"end":37,"id":6,"ws":false},`+
			`{"text":"٪","start":37,"end":38,"id":7,"ws":true},`+
			`{"text":"من","start":39,"end":41,"id":8,"ws":true},`+
			`{"text":"الأخبار","start":42,"end":49,"id":9,"ws":true},`+
			`{"text":"بالعراق","start":50,"end":57,"id":10,"ws":false},`+
			`{"text":".","start":57,"end":58,"id":11,"ws":true},`+
			`{"text":"وزار","start":59,"end":63,"id":12,"ws":true},`+
			`{"text":"طرابلس","start":64,"end":70,"id":13,"ws":true},`+
			`{"text":"عام","start":71,"end":74,"id":14,"ws":true},`+
			`{"text":"٢٠١٩","start":75,"end":79,"id":15,"ws":false},`+
			`{"text":".","start":79,"end":80,"id":16,"ws":false}],"spans":[`+
			`{"start":5,"end":13,"token_start":1,"token_end":1,"label":"PERS"},`+
			`{"start":20,"end":27,"token_start":4,"token_end":4,"label":"ORG"},`+
			`{"start":33,"end":38,"token_start":6,"token_end":7,"label":"MISC"},`+
			`{"start":64,"end":70,"token_start":13,"token_end":13,"label":"LOC"}],`+
			`"meta":{"id":"0193f1c2-0000-7000-8000-000000000001","external_id":"ext-1","annotator":"amal"}}`,
	)
}

func TestSpacySplitClitics(t *testing.T) {
	rec := cliticRecord()
	rec.Annotator = "badr"
	checkLines(t, write(t, "spacy", Options{SplitClitics: true}, rec),
		`{"text":"وصل الوفد بالعراق اليوم","tokens":[`+
			`{"text":"وصل","start":0,"end":3,"id":0,"ws":true},`+
			`{"text":"الوفد","start":4,"end":9,"id":1,"ws":true},`+
			`{"text":"ب","start":10,"end":11,"id":2,"ws":false},`+
			`{"text":"العراق","start":11,"end":17,"id":3,"ws":true},`+
			`{"text":"اليوم","start":18,"end":23,"id":4,"ws":false}],"spans":[`+
			`{"start":11,"end":17,"token_start":3,"token_end":3,"label":"LOC"}],`+
			`"meta":{"id":"clitic","external_id":"","annotator":"badr"}}`,
	)
	var out bytes.Buffer
	if err := NewSpacy(&out, Options{}).Write(rec); !errors.Is(err, ErrTokenEdge) {
		t.Errorf("without SplitClitics: Write = %v, want ErrTokenEdge", err)
	}
}

// TestSpacyOverlapAndSnap checks that every entity span is written, overlapping or not, with
// token_end inclusive, and that an edge in white space moves to the token's edge.
func TestSpacyOverlapAndSnap(t *testing.T) {
	text := "الجيش الوطني الليبي "
	rec := labels.Annotated{Doc: labels.Document{ID: "d", Text: text}, Spans: []labels.Span{
		ent(text, 0, 20, "ORG"), ent(text, 6, 19, "MISC"),
	}}
	got := write(t, "spacy", Options{}, rec)
	want := `"spans":[{"start":0,"end":19,"token_start":0,"token_end":2,"label":"ORG"},` +
		`{"start":6,"end":19,"token_start":1,"token_end":2,"label":"MISC"}]`
	if !strings.Contains(got, want) {
		t.Errorf("got %s\nwant it to hold %s", got, want)
	}
}

// TestStanceFormatsExamples checks the stance and stance-claims examples of docs/FORMATS.md
// against the writers, byte for byte.
func TestStanceFormatsExamples(t *testing.T) {
	doc, err := os.ReadFile("../docs/FORMATS.md")
	if err != nil {
		t.Fatal(err)
	}
	example := func(section string) string {
		_, after, ok := strings.Cut(string(doc), "## `"+section+"`:")
		if !ok {
			t.Fatalf("docs/FORMATS.md has no section %s", section)
		}
		_, after, _ = strings.Cut(after, "```json\n")
		ex, _, _ := strings.Cut(after, "\n```")
		return ex + "\n"
	}
	text := "تقهقر الميليشيات في طرابلس مع تقدم الجيش الليبي"
	rec := labels.Annotated{
		Doc:       labels.Document{ID: "0193f1c2-6a4e-7b3c-9d2e-1f0a5b6c7d8e", ExternalID: "seed-tripoli", Text: text},
		Annotator: "amal",
		Spans:     []labels.Span{ent(text, 20, 26, "LOC"), stanceSpan(text, 30, 47, "lna", "FAVOR")},
		Stances:   []labels.DocStance{{Target: "lna", Label: "FAVOR"}},
	}
	if got, want := write(t, "stance", Options{Schema: testSchema}, rec), example("stance"); got != want {
		t.Errorf("stance:\n got %s\nwant %s", got, want)
	}
	claim := labels.Schema{Targets: []labels.Target{{ID: "t-1b2c3d4e", Name: "الحكومة ترفع أسعار الوقود"}}}
	rec = labels.Annotated{
		Doc:       labels.Document{ID: "0193f1c2-6a4e-7b3c-9d2e-1f0a5b6c7d8f", ExternalID: "a7", Text: "نفت الحكومة أي نية لرفع أسعار الوقود"},
		Annotator: "amal",
		Stances:   []labels.DocStance{{Target: "t-1b2c3d4e", Label: "DISAGREE"}},
	}
	if got, want := write(t, "stance-claims", Options{Schema: claim}, rec), example("stance-claims"); got != want {
		t.Errorf("stance-claims:\n got %s\nwant %s", got, want)
	}
}
