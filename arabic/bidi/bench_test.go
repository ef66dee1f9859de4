package bidi

import (
	"os"
	"strings"
	"testing"

	"github.com/tawsim/tawsim/arabic"
)

// inserts are the Latin, number and bracket pieces mixed into the Arabic of the benchmark
// article, one after every seventh Arabic word.
var inserts = []string{
	"Nature (vol. 5)", "3.5%", "Apple Inc. (NASDAQ: AAPL)", "2024-11-05", "BBC News [London]",
	"(Joe Biden)", "12,500", "Smith et al. (2020)", "«COVID-19»", "(٣٤٫٣)", "Ohio", "[1]",
}

// mixedArticle returns the paragraphs of a news article of at least 6,000 tokens: the seed
// article repeated, with Latin words, numbers and brackets mixed into its Arabic.
func mixedArticle(b *testing.B) (paragraphs [][]rune, tokens, codePoints int) {
	seed, err := os.ReadFile("../testdata/seed-article-tripoli.txt")
	if err != nil {
		b.Fatal(err)
	}
	var text strings.Builder
	words := 0
	for tokens < 6000 {
		for _, line := range strings.Split(strings.TrimSpace(string(seed)), "\n") {
			var para []string
			for _, w := range strings.Fields(line) {
				para = append(para, w)
				if words++; words%7 == 0 {
					para = append(para, inserts[words/7%len(inserts)])
				}
			}
			p := strings.Join(para, " ")
			text.WriteString(p + "\n")
			paragraphs = append(paragraphs, []rune(p))
			codePoints += len(paragraphs[len(paragraphs)-1])
		}
		tokens = len(arabic.Tokenize(text.String()))
	}
	return paragraphs, tokens, codePoints
}

// lines splits a paragraph into lines of at most width code points, at spaces.
func lines(text []rune, width int) [][2]int {
	var out [][2]int
	start := 0
	for start < len(text) {
		end := min(start+width, len(text))
		if end < len(text) {
			for cut := end; cut > start; cut-- {
				if text[cut-1] == ' ' {
					end = cut
					break
				}
			}
		}
		out = append(out, [2]int{start, end})
		start = end
	}
	return out
}

// BenchmarkResolve resolves every paragraph of a 6,000-token mixed article.
func BenchmarkResolve(b *testing.B) {
	paragraphs, tokens, n := mixedArticle(b)
	b.SetBytes(int64(n))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, p := range paragraphs {
			Resolve(p, RightToLeft)
		}
	}
	b.ReportMetric(float64(tokens), "tokens/op")
	b.ReportMetric(float64(n), "codepoints/op")
}

// BenchmarkVisualOrder orders every line of at most 80 code points of the resolved article.
func BenchmarkVisualOrder(b *testing.B) {
	paragraphs, _, n := mixedArticle(b)
	type line struct {
		p          *Paragraph
		start, end int
	}
	var all []line
	for _, text := range paragraphs {
		p := Resolve(text, RightToLeft)
		for _, l := range lines(text, 80) {
			all = append(all, line{p, l[0], l[1]})
		}
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, l := range all {
			l.p.VisualOrder(l.start, l.end)
		}
	}
	b.ReportMetric(float64(len(all)), "lines/op")
}

// BenchmarkResolveOneParagraph resolves the whole article as a single paragraph.
func BenchmarkResolveOneParagraph(b *testing.B) {
	paragraphs, _, n := mixedArticle(b)
	var text []rune
	for _, p := range paragraphs {
		text = append(append(text, p...), ' ')
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		Resolve(text, Auto)
	}
}
