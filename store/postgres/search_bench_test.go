package postgres

import (
	"os"
	"strconv"
	"testing"

	"github.com/tawsim/tawsim/store"
)

// BenchmarkSearch reads the first page of hits of searches over TAWSIM_BENCH_DOCS articles
// (default 20,000, as BenchmarkImportAgainstCopy makes them) on a local server, after
// IndexSearch: a word in every article, a phrase, a word with a label, a word in none.
// Run it alone: go test -run - -bench Search -benchtime 20x ./store/postgres
func BenchmarkSearch(b *testing.B) {
	n := 20000
	if v, err := strconv.Atoi(os.Getenv("TAWSIM_BENCH_DOCS")); err == nil && v > 0 {
		n = v
	}
	s := benchProject(b)
	imp, err := s.BeginImport(ctx, store.ImportOptions{Annotator: "amal", Source: "bench.jsonl"})
	if err != nil {
		b.Fatal(err)
	}
	for _, rec := range benchRecords(n) {
		if err := imp.Add(rec); err != nil {
			b.Fatal(err)
		}
	}
	if _, err := imp.Commit(); err != nil {
		b.Fatal(err)
	}
	if err := s.IndexSearch(ctx, nil); err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name string
		q    store.Query
		want int // hits on the first page at least
	}{
		{"word", store.Query{Text: "طرابلس"}, store.DefaultPageSize},
		{"phrase", store.Query{Text: "الجيش الوطني الليبي"}, store.DefaultPageSize},
		{"word+label", store.Query{Text: "طرابلس", Label: "LOC"}, store.DefaultPageSize},
		{"none", store.Query{Text: "كوبنهاغن"}, 0},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				hits, err := s.Search(ctx, c.q, 0)
				if err != nil {
					b.Fatal(err)
				}
				if len(hits) < c.want {
					b.Fatalf("%d hits, want %d", len(hits), c.want)
				}
			}
		})
	}
}
