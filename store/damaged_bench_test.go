package store

import (
	"fmt"
	"testing"

	"github.com/tawsim/tawsim/labels"
)

// BenchmarkDecodeSpans reads back one annotator's 600 spans of a long article, checked as
// every reader checks them.
func BenchmarkDecodeSpans(b *testing.B) {
	text := newsText(3, 20000)
	runes := labels.RuneLen(text)
	var spans []labels.Span
	for i := range 600 {
		s := (i * 31) % (runes - 20)
		w, _ := labels.Slice(text, s, s+7)
		spans = append(spans, labels.Span{ID: "0197a3c4-5b6d-7e8f-9a0b-1c2d3e4f5a6b", Start: s, End: s + 7, Text: w,
			Label: "PERS", Kind: labels.KindEntity, Origin: labels.OriginImport, Created: testTime(), Updated: testTime()})
	}
	sortSpans(spans)
	data := encodeSpans(nil, spans)
	b.SetBytes(int64(len(data)))
	var list []decodedSpan
	var err error
	for b.Loop() {
		if list, err = decodeStored(data, list); err != nil {
			b.Fatal(err)
		}
	}
}

// statsProject makes a project of n documents with ten entity spans and two stance spans
// each by one annotator, its span rows written straight into the file and then counted.
func statsProject(b *testing.B, n int) *Store {
	s := newStore(b)
	must(b, s.SetSchema(ctx, "admin", testSchema(labels.NestingOverlap)))
	text := newsText(1, 1000)
	docs := make([]labels.Document, n)
	for i := range docs {
		docs[i] = labels.Document{Text: fmt.Sprintf("%d %s", i, text)}
	}
	res, err := s.AddDocuments(ctx, docs)
	must(b, err)
	db := rawDB(b, s.Path())
	tx, err := db.Begin()
	must(b, err)
	for i, id := range res.IDs {
		var spans []labels.Span
		for j := range 12 {
			start := 20 + j*40
			w, _ := labels.Slice(docs[i].Text, start, start+6)
			sp := labels.Span{ID: fmt.Sprintf("%d-%d", i, j), Start: start, End: start + 6, Text: w, Label: "PERS",
				Kind: labels.KindEntity, Origin: labels.OriginImport, Created: testTime(), Updated: testTime()}
			if j >= 10 {
				sp.Kind, sp.Label, sp.Target = labels.KindStance, "FAVOR", "lna"
			}
			spans = append(spans, sp)
		}
		data := encodeSpans(nil, spans)
		_, err = tx.Exec("INSERT INTO span_sets (doc_id, annotator, spans) VALUES (?, 'salma', ?)", id, string(data))
		must(b, err)
	}
	must(b, tx.Commit())
	must(b, db.Close())
	must(b, s.Recount(ctx)) // the rows were written behind the store's back
	return s
}

// BenchmarkStats counts a project of 20,000 documents with 240,000 spans.
func BenchmarkStats(b *testing.B) {
	s := statsProject(b, 20000)
	for b.Loop() {
		st, err := s.Stats(ctx, "")
		if err != nil || st.Spans != 240000 {
			b.Fatalf("%d spans, %v", st.Spans, err)
		}
	}
}
