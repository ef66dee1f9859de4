package suggest

import (
	"math/rand/v2"
	"os"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
	"unicode"
)

// benchData builds entries and articles for the benchmarks from the seed article and random
// Arabic words: n entries (one in twenty words and phrases of the article, the rest one to
// three random words, some with the article ال), and articles of about 2,500 code points
// (paragraphs of the seed article and sentences of random words, with proclitics, harakat
// and tatweel), in which the entries are found often.
type benchData struct {
	entries  []Entry
	articles []string
}

var arabicLetters = []rune("ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآةى")

func newBenchData(tb testing.TB, entries, articles int) benchData {
	tb.Helper()
	seed, err := os.ReadFile("../seeds/seed-article-tripoli.txt")
	if err != nil {
		tb.Fatal(err)
	}
	r := rand.New(rand.NewPCG(100000, 50000))
	paragraphs := strings.Split(strings.TrimSpace(string(seed)), "\n")
	seedWords := strings.FieldsFunc(string(seed), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsMark(r) })
	vocab := make([]string, 20000)
	for i := range vocab {
		var b strings.Builder
		if r.IntN(3) == 0 {
			b.WriteString("ال")
		}
		for range 3 + r.IntN(6) {
			b.WriteRune(arabicLetters[r.IntN(len(arabicLetters))])
		}
		vocab[i] = b.String()
	}
	var d benchData
	labelsOf := []string{"PERS", "ORG", "LOC", "MISC"}
	for i := range entries {
		var words []string
		if i%20 == 0 {
			at, k := r.IntN(len(seedWords)), 1+r.IntN(4)
			words = seedWords[at:min(len(seedWords), at+k)]
		} else {
			for range 1 + r.IntN(3) {
				words = append(words, vocab[r.IntN(len(vocab))])
			}
		}
		d.entries = append(d.entries, Entry{Text: strings.Join(words, " "), Label: labelsOf[r.IntN(4)], Source: "bench", Score: 1})
	}
	proclitics := []string{"", "", "", "", "و", "ب", "ل", "وب", "فل", "لل"}
	for range articles {
		var b strings.Builder
		for b.Len() < 4600 { // about 2,500 code points of Arabic
			if r.IntN(2) == 0 {
				b.WriteString(paragraphs[r.IntN(len(paragraphs))])
			} else {
				for k := range 20 + r.IntN(40) {
					if k > 0 {
						b.WriteByte(' ')
					}
					w := proclitics[r.IntN(len(proclitics))] + vocab[r.IntN(len(vocab))]
					if r.IntN(10) == 0 {
						w += "َ"
					}
					b.WriteString(w)
				}
				b.WriteString(".")
			}
			b.WriteByte('\n')
		}
		d.articles = append(d.articles, b.String())
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
