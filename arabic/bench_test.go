package arabic

import (
	"strings"
	"testing"
)

// longArticle returns the seed article repeated to at least 6,000 tokens, and its count.
func longArticle(b *testing.B) (string, int) {
	text := readSeed(b)
	per := len(Tokenize(text))
	text = strings.Repeat(text+"\n", (6000+per-1)/per)
	return text, len(Tokenize(text))
}

func BenchmarkTokenize(b *testing.B) {
	text, n := longArticle(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		Tokenize(text)
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(float64(n), "tokens/op")
}

func BenchmarkNormalize(b *testing.B) {
	text, _ := longArticle(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		Normalize(text)
	}
}

func BenchmarkNormalizeUnchanged(b *testing.B) {
	text, _ := longArticle(b)
	text = Normalize(text)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		Normalize(text)
	}
}
