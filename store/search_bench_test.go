package store

import (
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/tawsim/tawsim/labels"
)

// searchVocabulary is a long tail of made-up Arabic words for the search benchmarks, drawn by
// Zipf's law (s = 1.1) beside real sentences, so that the project has words of every
// frequency, as news has: word 50,000 is in about a hundred documents of a million.
func searchVocabulary(n int) []string {
	letters := []rune("ابتثجحخدذرزسشصضطظعغفقكلمنهوي")
	out := make([]string, n)
	for i := range out {
		r := rand.New(rand.NewPCG(uint64(i), 7))
		var b strings.Builder
		if r.IntN(3) == 0 {
			b.WriteString("ال")
		}
		for j := 3 + r.IntN(5); j > 0; j-- {
			b.WriteRune(letters[r.IntN(len(letters))])
		}
		out[i] = b.String()
	}
	return out
}

// searchText is document i of the search benchmark's project: a title, then about 1,000 code
// points of the sentences of newsText and of words of vocab, some with a proclitic.
func searchText(i int, r *rand.Rand, z *rand.Zipf, vocab []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "خبر %d\n", i)
	for b.Len() < 1900 { // Arabic letters take two bytes
		if r.IntN(2) == 0 {
			b.WriteString(sentences[r.IntN(len(sentences))])
			b.WriteByte(' ')
			continue
		}
		for j := 5 + r.IntN(10); j > 0; j-- {
			switch r.IntN(10) {
			case 0:
				b.WriteString("و")
			case 1:
				b.WriteString("ب")
			}
			b.WriteString(vocab[z.Uint64()])
			b.WriteByte(' ')
		}
		b.WriteString("، ")
	}
	return b.String()
}

// searchProject returns the path of the search benchmarks' project of a million documents,
// built and indexed in the folder $TAWSIM_BENCH_BIG the first time. amal has done the first
// 150,000 documents, has a PERS span in every seventh and a FAVOR stance toward lna in every
// fiftieth; badr has a LOC span in every thousandth.
func searchProject(b *testing.B) string {
	path, s := startBig(b, "search")
	if s == nil {
		return path
	}
	began := time.Now()
	imp, err := s.BeginImport(ctx, ImportOptions{Annotator: "amal", Exclusive: true})
	if err != nil {
		b.Fatal(err)
	}
	vocab := searchVocabulary(200_000)
	r := rand.New(rand.NewPCG(15, 1))
	z := rand.NewZipf(r, 1.1, 1, uint64(len(vocab)-1))
	for i := 1; i <= bigDocs; i++ {
		rec := labels.Annotated{Doc: labels.Document{Title: fmt.Sprintf("خبر %d", i), Text: searchText(i, r, z, vocab)}}
		word := labels.Span{Start: 0, End: 3, Text: "خبر", Kind: labels.KindEntity}
		switch {
		case i%1000 == 0:
			rec.Annotator, word.Label = "badr", "LOC"
			rec.Spans = []labels.Span{word}
		case i%7 == 0:
			word.Label = "PERS"
			rec.Spans = []labels.Span{word}
		}
		if i <= 150_000 && rec.Annotator == "" {
			rec.Status = labels.StatusDone
		}
		if i%50 == 0 && rec.Annotator == "" {
			rec.Stances = []labels.DocStance{{Target: "lna", Label: "FAVOR"}}
		}
		if err := imp.Add(rec); err != nil {
			b.Fatal(err)
		}
	}
	if _, err := imp.Commit(); err != nil {
		b.Fatal(err)
	}
	imported := time.Since(began)
	size := fileSize(s.Path())
	began = time.Now()
	if err := s.IndexSearch(ctx, nil); err != nil {
		b.Fatal(err)
	}
	fmt.Fprintf(os.Stderr, "imported %d documents in %v (%d MB), indexed them in %v (the file grew by %d MB)\n",
		bigDocs, imported.Round(time.Second), size>>20, time.Since(began).Round(time.Second), (fileSize(s.Path())-size)>>20)
	return endBig(b, s, path)
}

// fileSize returns the size of a project with its -wal.
func fileSize(path string) int64 {
	var n int64
	for _, name := range []string{path, path + "-wal"} {
		if fi, err := os.Stat(name); err == nil {
			n += fi.Size()
		}
	}
	return n
}

// BenchmarkBigSearch reads the first page of 100 hits of searches on a cold project of a
// million documents (after a restart of the machine). Goal: a one-word query under 200 ms.
func BenchmarkBigSearch(b *testing.B) {
	path := searchProject(b)
	vocab := searchVocabulary(50_001)
	for _, c := range []struct {
		name  string
		q     Query
		after int64
	}{
		{"word", Query{Text: "طرابلس"}, 0},
		{"word-deep", Query{Text: "طرابلس"}, 900_000},
		{"frequent", Query{Text: "في"}, 0},
		{"rare", Query{Text: vocab[50_000]}, 0},
		{"phrase", Query{Text: "الجيش الوطني الليبي"}, 0},
		{"word+label", Query{Text: "طرابلس", Label: "PERS"}, 0},
		{"word+rare-label", Query{Text: "طرابلس", Label: "LOC"}, 0},
		{"word+todo", Query{Text: "طرابلس", Annotator: "amal", Status: labels.StatusTodo}, 0},
		{"word+stance", Query{Text: "طرابلس", Target: "lna", Stance: "FAVOR"}, 0},
		{"none", Query{Text: "كوبنهاغن"}, 0},
	} {
		b.Run(c.name, func(b *testing.B) {
			hits, best := 0, time.Duration(0)
			for b.Loop() {
				b.StopTimer()
				s := openCold(b, path)
				b.StartTimer()
				began := time.Now()
				page, err := s.Search(ctx, c.q, c.after)
				took := time.Since(began)
				b.StopTimer()
				if best == 0 || took < best {
					best = took
				}
				if err != nil {
					b.Fatal(err)
				}
				hits = len(page)
				s.Close()
				b.StartTimer()
			}
			b.ReportMetric(float64(hits), "hits")
			b.ReportMetric(float64(best.Microseconds())/1000, "best-ms") // the machine is shared
		})
	}
}
