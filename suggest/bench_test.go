package suggest

import (
	"runtime"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/tawsim/tawsim/internal/synth"
)

// benchData holds the entries and articles of the benchmarks (synth.Gazetteer), in which
// the entries are found often.
type benchData struct {
	entries  []Entry
	articles []string
}

func newBenchData(tb testing.TB, entries, articles int) benchData {
	tb.Helper()
	es, texts := synth.Gazetteer(entries, articles)
	d := benchData{articles: texts}
	for _, e := range es {
		d.entries = append(d.entries, Entry{Text: e.Text, Label: e.Label, Source: "bench", Score: 1})
	}
	return d
}

// benchMatcher returns the bench data of 100,000 entries and articles, and their matcher.
func benchMatcher(b *testing.B, articles int) (benchData, *Matcher) {
	d := newBenchData(b, 100_000, articles)
	m, err := NewMatcher(d.entries, nil)
	if err != nil {
		b.Fatal(err)
	}
	return d, m
}

// BenchmarkBuild100k builds a matcher of 100,000 entries and reports its memory: what it
// holds by its own count (bytes/matcher) and what the heap grew by.
func BenchmarkBuild100k(b *testing.B) {
	d := newBenchData(b, 100_000, 0)
	var m *Matcher
	var before, after runtime.MemStats
	for b.Loop() {
		runtime.GC()
		runtime.ReadMemStats(&before)
		var err error
		if m, err = NewMatcher(d.entries, nil); err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
	}
	b.ReportMetric(float64(m.Bytes()), "bytes/matcher")
	b.ReportMetric(float64(after.HeapAlloc)-float64(before.HeapAlloc), "heap-bytes/matcher")
	b.ReportMetric(float64(len(m.ac.nodes)), "nodes")
	b.ReportMetric(float64(len(m.keyLen)), "keys")
}

// BenchmarkMatch50k matches 100,000 entries over 50,000 articles of about 2,500 code points
// (5,000 distinct articles, each 10 times) per operation, on one goroutine: run it with
// -benchtime 1x.
func BenchmarkMatch50k(b *testing.B) {
	d, m := benchMatcher(b, 5_000)
	n := 0
	cpu := cpuTime()
	for b.Loop() {
		n = 0
		for i := range 50_000 {
			n += len(m.Match(d.articles[i%len(d.articles)]))
		}
	}
	b.ReportMetric(float64(n), "suggestions/op")
	b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/op")
	b.ReportMetric((cpuTime()-cpu)/float64(b.N), "cpu-s/op")
}

// cpuTime returns the processor time the process has used, in seconds: on a machine that
// others share, the time the matching took apart from waiting for a core.
func cpuTime() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}

// BenchmarkMatch50kTwoCores is BenchmarkMatch50k on two goroutines.
func BenchmarkMatch50kTwoCores(b *testing.B) {
	d, m := benchMatcher(b, 5_000)
	cpu := cpuTime()
	for b.Loop() {
		var wg sync.WaitGroup
		for g := range 2 {
			wg.Go(func() {
				for i := g; i < 50_000; i += 2 {
					m.Match(d.articles[i%len(d.articles)])
				}
			})
		}
		wg.Wait()
	}
	b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/op")
	b.ReportMetric((cpuTime()-cpu)/float64(b.N), "cpu-s/op")
}

// BenchmarkMatchArticle matches 100,000 entries over one article.
func BenchmarkMatchArticle(b *testing.B) {
	d, m := benchMatcher(b, 100)
	cps := 0
	for _, a := range d.articles {
		cps += len([]rune(a))
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		m.Match(d.articles[i%len(d.articles)])
		i++
	}
	b.ReportMetric(float64(cps)/float64(len(d.articles)), "codepoints/article")
}
