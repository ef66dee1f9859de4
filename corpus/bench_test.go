package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// nativeRecords returns n native JSONL records of about 2,500 code points with 10 entities each.
func nativeRecords(n int) []byte {
	var text strings.Builder
	var spans []string
	for i := 0; text.Len() == 0 || len([]rune(text.String())) < 2500; i++ {
		start := len([]rune(text.String()))
		if i%6 == 0 && len(spans) < 10 {
			spans = append(spans, fmt.Sprintf(`{"start":%d,"end":%d,"label":"PERS","text":"محمّد"}`, start+7, start+12))
		}
		text.WriteString(sample + " ")
	}
	var b bytes.Buffer
	for i := range n {
		fmt.Fprintf(&b, `{"id":"0193f1c2-6a4e-7b3c-9d2e-%012d","external_id":"doc-%d","source_file":"news.txt","title":"عنوان","text":"%s","annotator":"amal","status":"done","entities":[%s],"stance":[{"target":"lna","label":"FAVOR"}],"stance_spans":[],"tokens":null,"metadata":{"source":"وكالة"}}`+"\n",
			i, i, text.String(), strings.Join(spans, ","))
	}
	return b.Bytes()
}

func BenchmarkReadJSONL(b *testing.B) {
	const n = 500
	data := nativeRecords(n)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		rd := NewJSONLReader("bench.jsonl", bytes.NewReader(data))
		count := 0
		for {
			rec, err := rd.Read()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil || len(rec.Spans) != 10 {
				b.Fatalf("%v, %d spans", err, len(rec.Spans))
			}
			count++
		}
		if count != n {
			b.Fatalf("%d records", count)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "records/s")
}

func BenchmarkReadCoNLL(b *testing.B) {
	files, _ := filepath.Glob("testdata/aqmar/*.txt")
	var data []byte
	for _, f := range files {
		part, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		data = append(append(data, "-DOCSTART- O\n\n"...), part...)
	}
	tokens := bytes.Count(data, []byte("\n")) - bytes.Count(data, []byte("\n\n"))
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		rd := NewCoNLLReader("bench.txt", bytes.NewReader(data), Options{})
		for {
			_, err := rd.Read()
			if errors.Is(err, io.EOF) {
				break
			}
		}
	}
	b.ReportMetric(float64(tokens*b.N)/b.Elapsed().Seconds(), "lines/s")
}
