package corpus

import (
	"bytes"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/tawsim/tawsim/labels"
)

// fuzzReader feeds the fuzzer's bytes to a reader of format under each of opts and checks that
// it ends without panicking and that every record it returns keeps the rules (checkRecord).
func fuzzReader(f *testing.F, format string, seeds []string, extra func(*testing.T, Record), opts ...Options) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, opt := range opts {
			rd, err := NewReader(format, "f", bytes.NewReader(b), opt)
			if err != nil {
				t.Fatal(err)
			}
			recs, _ := drain(t, rd, "f")
			for _, r := range recs {
				checkRecord(t, r)
				checkNoReplacement(t, b, r)
				if extra != nil {
					extra(t, r)
				}
			}
		}
	})
}

// checkNoReplacement fails when a record holds U+FFFD that the input did not: a decoder put
// it there for something it could not read (a lone surrogate escape, bytes that are not
// UTF-8), and the record says something other than the file.
func checkNoReplacement(t *testing.T, in []byte, r Record) {
	if bytes.Contains(in, []byte("\uFFFD")) || bytes.Contains(bytes.ToLower(in), []byte(`\ufffd`)) {
		return
	}
	fields := []string{r.Doc.Text, r.Doc.Title, r.Doc.ExternalID, r.Doc.ID, string(r.Doc.Metadata), r.Annotator}
	for _, sp := range r.Spans {
		fields = append(fields, sp.Label, sp.Target)
	}
	for _, st := range r.Stances {
		fields = append(fields, st.Label, st.Target)
	}
	for _, f := range fields {
		if strings.ContainsRune(f, '\uFFFD') {
			t.Fatalf("line %d: %q holds U+FFFD that the input does not", r.Line, f)
		}
	}
}

func FuzzJSONL(f *testing.F) {
	fuzzReader(f, "jsonl", []string{
		nativeFull + "\n" + `{"text":"سطر\r\nثان","metadata":{}}`,
		"\uFEFF" + `{"id":"doc-7","text":"x","tokens":[[0,1]],"stance":[{"target":"t","label":"FAVOR"}]}` + "\r\n",
		`{"text":"abc","entities":[{"start":1.5,"end":2,"label":"X"}]}`,
		`{"text":"a"}{"text":"b"}` + "\n[1,2]\n" + `{"text":"abc","entities":[`,
		"{\"text\":\"ab\xffc\"}\n",
		`{"text":"🙂a","stance_spans":[{"start":0,"end":1,"target":"t","label":"L","text":"🙂"}],"status":"Done"}`,
		`{"text":"abc","entities":[{"start":null,"end":2,"label":"X"}],"tokens":[[null,1],[1,2.0]]}`,
		`{"text":"x\ud800y","annotator":"\udc00","metadata":{"k":"\ud83d\ude42\\ud800"}}`,
		`{"text":"🙂ab","model_version":"m","entities":[{"start":1,"end":2,"label":"X","score":0.5}],` +
			`"suggestions":[{"start":2,"end":3,"label":"Y","text":"b","source":"s","score":1,"decision":"rejected"}]}`,
	}, nil, Options{}, Options{Predictions: true})
}

func FuzzDoccano(f *testing.F) {
	fuzzReader(f, "doccano", []string{
		`{"id": 12, "text": "` + sample + `", "label": [[17, 21, "ORG"], [7, 12, "PERS"]], "Comments": []}`,
		`{"id":3,"text":"` + sample + `","entities":[{"id":1,"label":"ORG","start_offset":17,"end_offset":21,"text":"ISIS"}],"relations":[]}`,
		`{"text":"نص","label":["FAVOR"]}` + "\n" + `{"text":"نص","label":"AGAINST","cats":["X"]}`,
		`{"text":"abc","label":[[1,"2","X"]]}` + "\n" + `{"text":"abc","labels":[[-1,2,"LOC"]]}`,
		"{\"text\":\"\xd8\"}",
		`{"text":"abc","label":[[null,2,"X"]]}` + "\n" + `{"text":"abc","labels":[[0,null,"X"]]}`,
		`{"text":"abc","entities":[{"start_offset":null,"end_offset":1,"label":"X"},{"start_offset":"0","end_offset":1.5,"label":"Y"}]}`,
		`{"text":"a\ud800","label":["F\udfffAVOR"],"id":"\ud83d","meta":{"\udc00":1}}`,
	}, nil, Options{})
}

func FuzzSpacy(f *testing.F) {
	fuzzReader(f, "spacy", []string{
		prodigy(`{"start":22,"end":32,"token_start":5,"token_end":6,"label":"MISC"}`, `,"meta":{"source":"وكالة"},"answer":"accept"`),
		prodigy(`{"start":0,"end":400,"label":"BAD"}`, `,"answer":"reject"`),
		`{"text":"` + sample + `","ents":[{"start":17,"end":21,"label":"ORG"}],"tokens":[{"id":0,"start":0,"end":1}]}`,
		`{"text":"abc","tokens":[{"start":1,"end":2},{"start":0,"end":1}],"spans":[{"start":0,"end":1,"token_start":0,"token_end":0,"label":"X"}]}`,
		`{"text":"abc","tokens":[{"start":0,"end":1,"id":null}],"spans":[{"start":0,"end":1,"token_start":null,"token_end":-1,"label":"X"}]}`,
		`{"text":"a\ud800b","spans":[{"start":null,"end":1,"label":"\udbff"}],"meta":{"a":"\ud83d\ude42"}}`,
	}, nil, Options{})
}

func FuzzCSV(f *testing.F) {
	fuzzReader(f, "csv", []string{
		mawqif,
		"ID,text,target,stance,sentiment,sarcasm\n4,نص,Covid Vaccine\n5,نص \"مقتبس\",a,b,c,d\n6,a\xffb,a,b,c,d\n",
		"ID,text,target,stance,sentiment,sarcasm\n8,\"never closed,a,b,c,d\n9,نص,t,Favor,p,No\n",
		"text,a,a\nx,y,z\n",
		"Tweet ,Id,Stance,note\nنص ١,a7,FAVOR,\"x\ty\"\n",
	}, nil, mawqifOpt, Options{TextColumn: "text"})
}

func FuzzCoNLL(f *testing.F) {
	seeds := []string{conllTwoDocs, "أول O\nسطر B-LOC\n\nصفر OO\nبعد O\n\nآخر I-PER\nسطر I-PER\n", " O\nصفر NN O\n\xd8 O\n-DOCSTART-\n", wojoodLines}
	if b, err := os.ReadFile("testdata/aqmar/Football.txt"); err == nil {
		lines := strings.Split(string(b), "\n")
		seeds = append(seeds, strings.Join(lines[:40], "\n"), strings.Join(lines[1840:1870], "\n"))
	}
	fuzzReader(f, "conll", seeds, checkCoNLLTokens, Options{}, Options{SentencesPerDoc: 2})
}

// checkCoNLLTokens checks that a CoNLL document's tokens tile its text: one space or line
// break between two tokens, nothing before the first or after the last.
func checkCoNLLTokens(t *testing.T, r Record) {
	x := labels.NewTextIndex(r.Doc.Text)
	prev := 0
	for i, tok := range slices.Collect(r.Doc.OwnTokens()) {
		gap, _ := x.Slice(prev, tok.Start)
		if (i == 0 && gap != "") || (i > 0 && gap != " " && gap != "\n") {
			t.Fatalf("gap %q before token %d of %q", gap, i, r.Doc.Text)
		}
		s, _ := x.Slice(tok.Start, tok.End)
		if s == "" || strings.ContainsAny(s, " \t\n") {
			t.Fatalf("token %d is %q", i, s)
		}
		prev = tok.End
	}
	if prev != x.Len() {
		t.Fatalf("the tokens end at %d, the text at %d", prev, x.Len())
	}
}
