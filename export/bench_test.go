package export

import (
	"io"
	"os"
	"testing"

	"github.com/tawsim/tawsim/arabic"
	"github.com/tawsim/tawsim/labels"
)

// benchRecord is the first 2,500 code points of the seed article with 10 entity spans on
// tokens spread over it and a document stance.
func benchRecord(b *testing.B) labels.Annotated {
	data, err := os.ReadFile("../seeds/seed-article-tripoli.txt")
	if err != nil {
		b.Fatal(err)
	}
	text := string([]rune(string(data))[:2500])
	toks := arabic.Tokenize(text)
	var spans []labels.Span
	names := []string{"PERS", "ORG", "LOC", "MISC"}
	for i := range 10 {
		tk := toks[(i*len(toks))/10]
		spans = append(spans, ent(text, tk.Start, tk.End, names[i%4]))
	}
	return labels.Annotated{
		Doc: labels.Document{
			ID: "0193f1c2-6a4e-7b3c-9d2e-1f0a5b6c7d8e", ExternalID: "seed-tripoli",
			SourceFile: "seed-article-tripoli.txt", Title: "تقهقر الميليشيات في طرابلس", Text: text,
			Metadata: []byte(`{"source":"seed"}`),
		},
		Annotator: "amal", Status: labels.StatusDone, Spans: spans,
		Stances: []labels.DocStance{{Target: "lna", Label: "FAVOR"}},
	}
}

// countWriter counts the bytes written to it.
type countWriter struct{ n int64 }

func (c *countWriter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

func benchFormat(b *testing.B, format string) {
	rec := benchRecord(b)
	var size countWriter
	w, _ := NewWriter(&size, format, Options{Schema: testSchema})
	if err := w.Write(rec); err != nil {
		b.Fatal(err)
	}
	w.Flush()
	b.SetBytes(size.n) // output bytes per record
	w, _ = NewWriter(io.Discard, format, Options{Schema: testSchema})
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if err := w.Write(rec); err != nil {
			b.Fatal(err)
		}
	}
	w.Flush()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "records/s")
}

func BenchmarkJSONL(b *testing.B)   { benchFormat(b, "jsonl") }
func BenchmarkCoNLL(b *testing.B)   { benchFormat(b, "conll") }
func BenchmarkSpacy(b *testing.B)   { benchFormat(b, "spacy") }
func BenchmarkHF(b *testing.B)      { benchFormat(b, "hf") }
func BenchmarkDoccano(b *testing.B) { benchFormat(b, "doccano") }
