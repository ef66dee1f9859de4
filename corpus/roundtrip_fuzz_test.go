package corpus_test

import (
	"bytes"
	"errors"
	"io"
	"testing"

	"github.com/tawsim/tawsim/corpus"
	"github.com/tawsim/tawsim/export"
	"github.com/tawsim/tawsim/labels"
)

// readAll reads every good record of data in format, skipping the bad ones.
func readAll(t *testing.T, format string, data []byte, opt corpus.Options) []labels.Annotated {
	t.Helper()
	rd, err := corpus.NewReader(format, "f", bytes.NewReader(data), opt)
	if err != nil {
		t.Fatal(err)
	}
	var out []labels.Annotated
	for range 100000 {
		rec, err := rd.Read()
		if errors.Is(err, io.EOF) {
			return out
		}
		var e *corpus.Error
		if errors.As(err, &e) {
			if e.Line == 0 {
				return out
			}
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, rec.Annotated)
	}
	t.Fatal("the reader does not end")
	return nil
}

// writeAll writes recs in format and returns the bytes and how many records were written;
// a record the writer refuses (a span that cuts a token, say) writes nothing.
func writeAll(t *testing.T, format string, recs []labels.Annotated) ([]byte, int) {
	t.Helper()
	var buf bytes.Buffer
	// -DOCSTART- lines keep the documents of a CoNLL file apart when it is read back.
	w, err := export.NewWriter(&buf, format, export.Options{DocStart: format == "conll"})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, r := range recs {
		if w.Write(r) == nil {
			n++
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), n
}

// fuzzRoundTrip checks that what a reader accepts round-trips: written out and read back, the
// records write the same bytes again.
func fuzzRoundTrip(f *testing.F, format string, seeds ...string) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		first, n := writeAll(t, format, readAll(t, format, data, corpus.Options{}))
		again := readAll(t, format, first, corpus.Options{})
		if len(again) != n {
			t.Fatalf("%d records written, %d read back from:\n%s", n, len(again), first)
		}
		second, _ := writeAll(t, format, again)
		if !bytes.Equal(first, second) {
			t.Fatalf("not stable:\nfirst  %q\nsecond %q", first, second)
		}
	})
}

func FuzzJSONLRoundTrip(f *testing.F) {
	fuzzRoundTrip(f, "jsonl",
		`{"id":"a","text":"قال المسماري إن الجيش دخل طرابلس","annotator":"amal","status":"done","entities":[{"start":4,"end":12,"label":"PERS","text":"المسماري"}],"stance":[{"target":"lna","label":"FAVOR"}],"stance_spans":[{"start":16,"end":21,"target":"lna","label":"FAVOR","text":"الجيش"}],"tokens":null,"metadata":{"b":1,"a":[2]}}`,
		`{"text":"🙂a ISIS 2019.","tokens":[[0,1],[1,2],[3,7]],"metadata":null}`,
		`{"text":"دخل طرابلس","annotator":"amal","suggestions":[{"start":4,"end":10,"label":"LOC","source":"g.tsv","score":0.6666666666666666,"decision":"rejected"},{"start":0,"end":3,"label":"X","text":"دخل","source":"m","score":1e-9}]}`)
}

func FuzzDoccanoRoundTrip(f *testing.F) {
	fuzzRoundTrip(f, "doccano",
		`{"id":"x1","text":"قال المسماري إن الجيش دخل طرابلس","label":[[4,12,"PERS"],[26,32,"LOC"]]}`,
		`{"id":7,"text":"مُحَمَّد 👍🏽 ISIS","label":[[0,8,"PERS"],[12,16,"ORG"]],"meta":"x"}`)
}

func FuzzSpacyRoundTrip(f *testing.F) {
	fuzzRoundTrip(f, "spacy",
		`{"text":"قال المسماري","tokens":[{"text":"قال","start":0,"end":3,"id":0,"ws":true},{"text":"المسماري","start":4,"end":12,"id":1,"ws":false}],"spans":[{"start":4,"end":12,"token_start":1,"token_end":1,"label":"PERS"}],"meta":{"id":"x","external_id":"e1","annotator":"amal"}}`)
}

func FuzzCoNLLRoundTrip(f *testing.F) {
	fuzzRoundTrip(f, "conll",
		"قال O\nالمسماري B-PERS\nإن O\n\nالجيش B-ORG\nالليبي I-ORG\n",
		"-DOCSTART- O\n\nISIS B-ORG\n2019 O\n. O\n\n-DOCSTART- O\n\nأ I-LOC\nب I-LOC\n",
		"نقابة B-ORG\nموظفي I-ORG\nبلدية I-ORG B-ORG\nنابلس I-ORG I-ORG B-GPE\nتعلن O\n\nأ B-X\nب I-X B-Y\nج O I-Y\n")
}
